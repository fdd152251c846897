// The practice channel's web server (Node's http module): /healthz, /readyz and /metrics first,
// then the pages. It checks what every request must hold (a local Host, the form token on a POST,
// a known colleague), builds the view, and hands over to the route (src/web/routes.ts).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { AppDeps, Ctx } from '../app/deps.js';
import { seedDemo } from '../app/demo.js';
import { colleague, COLLEAGUES, ensurePracticeTeam, PRACTICE_CHANNEL, PracticeDirectory, type Colleague } from '../app/practice.js';
import { noTelemetry, timeEvent } from '../app/telemetry.js';
import type { Message } from '../core/text.js';
import { errorFields, type Log } from '../log.js';
import type { HealthHandler } from '../ops/health.js';
import { CSS, JS } from './assets.js';
import type { Flash, View } from './layout.js';
import { WebOutbox } from './outbox.js';
import { problemView } from './pages.js';
import type { Names } from './render.js';
import * as r from './routes.js';
import { BodyTooLarge, COOKIE, cookies, formBody, nonce, Sessions, setCookie } from './session.js';
import { webText } from './texts.js';

export interface PracticeOptions {
  port: number;
  /** Loopback only by default: the practice channel has no log-in. */
  host?: string;
  /** /healthz, /readyz, /metrics on the same port. */
  health?: HealthHandler;
  /** Seed demo data on the first start (once per database). */
  seed?: { months: number } | false;
}

export interface PracticeServer {
  url: string;
  port: number;
  outbox: WebOutbox;
  stop(): Promise<void>;
}

const DEFAULT_WHO = COLLEAGUES[1]!;

const names: Names = {
  person: (id) => colleague(id)?.name ?? (id === 'system' ? 'minimaatwerk' : id),
  channel: (id) => id,
};

const HEADERS = {
  'content-security-policy': "default-src 'none'; style-src 'self'; script-src 'self'; img-src 'self'; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'same-origin',
  'cache-control': 'no-store',
};

const ROUTES: { method: 'GET' | 'POST'; path: RegExp; route: r.Route }[] = [
  { method: 'GET', path: /^\/$/, route: r.getChannel },
  { method: 'GET', path: /^\/aanvraag\/nieuw$/, route: r.getNewRequest },
  { method: 'POST', path: /^\/aanvraag\/nieuw$/, route: r.postNewRequest },
  { method: 'GET', path: /^\/aanvraag\/(\d{1,9})$/, route: r.getCard },
  { method: 'GET', path: /^\/aanvraag\/(\d{1,9})\/kaart$/, route: r.getCardFragment },
  { method: 'GET', path: /^\/aanvraag\/(\d{1,9})\/wijzigen$/, route: r.getEdit },
  { method: 'POST', path: /^\/aanvraag\/(\d{1,9})\/wijzigen$/, route: r.postEdit },
  { method: 'GET', path: /^\/aanvraag\/(\d{1,9})\/alternatief$/, route: r.getAlternative },
  { method: 'POST', path: /^\/aanvraag\/(\d{1,9})\/alternatief$/, route: r.postAlternative },
  { method: 'GET', path: /^\/aanvraag\/(\d{1,9})\/intrekken$/, route: r.getWithdraw },
  { method: 'GET', path: /^\/aanvraag\/(\d{1,9})\/bezwaar$/, route: r.getObjection },
  { method: 'POST', path: /^\/aanvraag\/(\d{1,9})\/bezwaar$/, route: r.postObjection },
  { method: 'POST', path: /^\/aanvraag\/(\d{1,9})\/actie$/, route: r.postAction },
  { method: 'POST', path: /^\/commando$/, route: r.postCommand },
  { method: 'GET', path: /^\/overzicht$/, route: r.getOverview },
  { method: 'GET', path: /^\/maandoverzicht$/, route: r.getDigest },
  { method: 'GET', path: /^\/maandoverzicht\/grafiek\.png$/, route: r.getDigestChart },
  { method: 'GET', path: /^\/help$/, route: r.getHelp },
];

/** Messages shown once after a redirect; kept in memory for a few minutes. */
class Flashes {
  private readonly items = new Map<string, { flash: Flash; at: number }>();
  put(flash: Flash, id: string): string {
    if (this.items.size >= 1000) this.items.delete(this.items.keys().next().value!);
    this.items.set(id, { flash, at: Date.now() });
    return id;
  }
  take(id: string | null): Flash | null {
    const item = id ? this.items.get(id) : undefined;
    if (!item) return null;
    this.items.delete(id!);
    return Date.now() - item.at < 10 * 60_000 ? item.flash : null;
  }
}

/** Only this machine's names for the server: a page of another site cannot reach it by DNS tricks. */
const localHost = (host: string | undefined) => /^(localhost|127\.0\.0\.1|\[::1\])(:\d+)?$/i.test(host ?? '');

export async function startPractice(opts: PracticeOptions, deps: Omit<AppDeps, 'outboxWake'>, log: Log): Promise<PracticeServer> {
  if (opts.seed) {
    const started = performance.now();
    const seeded = await seedDemo({ store: deps.store }, { months: opts.seed.months, now: deps.clock.now() });
    const ms = Math.round(performance.now() - started);
    if (seeded.seeded) log.info('demo.seeded', { requests: seeded.requests, ms });
    else log.info('demo.already_seeded', { ms });
  }
  const team = ensurePracticeTeam(deps);
  const outbox = new WebOutbox(deps.store, deps.clock, log);
  outbox.telemetry = deps.telemetry ?? noTelemetry;
  outbox.releaseLeases();
  await outbox.drain();
  const ctx: Ctx = { ...deps, outboxWake: () => outbox.wake(), directory: new PracticeDirectory() };
  const sessions = new Sessions();
  const flashes = new Flashes();
  const streams = new Set<ServerResponse>();

  const send = (res: ServerResponse, status: number, type: string, body: string | Buffer) => {
    res.writeHead(status, { ...HEADERS, 'content-type': type, 'content-length': Buffer.byteLength(body) });
    res.end(body);
  };

  const events = (req: IncomingMessage, res: ServerResponse) => {
    if (streams.size >= 100) return send(res, 503, 'text/plain; charset=utf-8', 'busy\n');
    res.writeHead(200, { ...HEADERS, 'content-type': 'text/event-stream', connection: 'keep-alive' });
    res.write('retry: 3000\n\n');
    streams.add(res);
    const off = outbox.onChange((c) => {
      if (c.kind === 'card') res.write(`event: kaart\ndata: ${c.requestId}\n\n`);
    });
    const beat = setInterval(() => res.write(': \n\n'), 25_000);
    req.on('close', () => {
      off();
      clearInterval(beat);
      streams.delete(res);
    });
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    if (opts.health?.(req, res)) return;
    if (!localHost(req.headers.host)) return send(res, 421, 'text/plain; charset=utf-8', 'not this host\n');
    const url = new URL(req.url ?? '/', 'http://localhost');
    const path = url.pathname;
    if (req.method === 'GET' && path === '/stijl.css') return send(res, 200, 'text/css; charset=utf-8', CSS);
    if (req.method === 'GET' && path === '/oefen.js') return send(res, 200, 'text/javascript; charset=utf-8', JS);
    if (req.method === 'GET' && path === '/gebeurtenissen') return events(req, res);
    if (path === '/favicon.ico') return send(res, 204, 'text/plain', '');

    const sid = sessions.sessionOf(req, res);
    const who = colleague(cookies(req).get(COOKIE.who) ?? '') ?? DEFAULT_WHO;
    const view: View = { names, who, token: sessions.token(sid), here: `${path}${url.search}`.replace(/[?&]melding=[^&]*/, '') };
    const html = (status: number, body: string) => send(res, status, 'text/html; charset=utf-8', body);
    const problem = (status: number, title: Message, text: Message) => html(status, problemView(view, title, text));

    let body = new URLSearchParams();
    let acting: Colleague = who;
    if (req.method === 'POST') {
      try {
        body = await formBody(req);
      } catch (e) {
        if (e instanceof BodyTooLarge) return problem(413, webText.tooLarge, webText.tooLarge);
        throw e;
      }
      const origin = req.headers.origin;
      if (!sessions.valid(req, body.get('_token') ?? undefined) || (origin && origin !== 'null' && new URL(origin).host !== req.headers.host)) {
        return problem(403, webText.forbidden, webText.forbidden);
      }
      const als = body.get('als');
      const named = als === null ? who : colleague(als);
      if (!named) return problem(400, webText.unknownPerson, webText.unknownPerson);
      acting = named;
      if (path === '/wie') {
        setCookie(res, COOKIE.who, named.id, { maxAgeDays: 30 });
        res.writeHead(303, { ...HEADERS, location: r.backTo(body.get('terug')) });
        return res.end();
      }
    }

    const match = ROUTES.map((x) => ({ x, m: x.path.exec(path) })).filter((y) => y.m);
    const found = match.find((y) => y.x.method === req.method);
    if (!found) {
      if (match.length > 0) return send(res, 405, 'text/plain; charset=utf-8', 'method not allowed\n');
      return problem(404, webText.notFound, webText.notFound);
    }
    const call: r.Call = {
      ctx,
      req,
      res,
      url,
      body,
      view: { ...view, who: acting },
      id: Number(found.m?.[1] ?? 0),
      teamId: team.id,
      delivered: () => outbox.drain(),
      html,
      redirect(to, flash, requestId) {
        // The page opens at the message (shown just above the card it is about), else at the card.
        const id = flash ? flashes.put({ ...flash, ...(requestId ? { requestId } : {}) }, nonce()) : null;
        const anchor = id && requestId ? 'melding' : requestId ? `aanvraag-${requestId}` : null;
        const location = `${to}${id ? `${to.includes('?') ? '&' : '?'}melding=${id}` : ''}${anchor ? `#${anchor}` : ''}`;
        res.writeHead(303, { ...HEADERS, location });
        res.end();
      },
      flash: () => flashes.take(url.searchParams.get('melding')),
    };
    await timeEvent(deps.telemetry ?? noTelemetry, 'web', req.method === 'POST' ? 'form' : 'page', async () => found.x.route(call));
  };

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      log.error('web.failed', { path: (req.url ?? '').split('?')[0]?.replace(/\d+/g, ':id'), ...errorFields(e) });
      if (!res.headersSent) send(res, 500, 'text/plain; charset=utf-8', 'Er ging iets mis. / Something went wrong.\n');
      else res.end();
    });
  });
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, opts.host ?? '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  log.info('web.started', { port, channel: PRACTICE_CHANNEL.channelId });
  return {
    url: `http://localhost:${port}`,
    port,
    outbox,
    async stop() {
      for (const s of streams) s.end();
      await outbox.stop();
      server.closeAllConnections();
      await new Promise<void>((done) => server.close(() => done()));
    },
  };
}
