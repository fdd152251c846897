// The practice channel for tests: the real web adapter on a free loopback port, a real SQLite file
// (real migrations), /healthz, /readyz and /metrics through the real handler; and a small HTTP
// client that keeps cookies and sends forms the way a browser does (form token and who acts).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { systemClock, type Clock } from '../../src/app/deps.js';
import { seedDemo } from '../../src/app/demo.js';
import { createLog } from '../../src/log.js';
import { createHealthHandler } from '../../src/ops/health.js';
import { createMetrics } from '../../src/ops/metrics.js';
import { openStore, type Store } from '../../src/store/db.js';
import { startPractice, type PracticeServer } from '../../src/web/app.js';

export interface Practice {
  base: string;
  store: Store;
  server: PracticeServer;
  logLines: string[];
  count(table: 'requests' | 'audit_log' | 'payments' | 'form_submissions'): number;
  close(): Promise<void>;
}

export async function startPracticeServer(opts: { seedMonths?: number; clock?: Clock } = {}): Promise<Practice> {
  const dir = mkdtempSync(join(tmpdir(), 'mmw-web-'));
  const store = openStore(join(dir, 'practice.db'));
  const clock = opts.clock ?? systemClock;
  if (opts.seedMonths) await seedDemo({ store }, { months: opts.seedMonths, now: clock.now() });
  const logLines: string[] = [];
  const log = createLog('info', (l) => logLines.push(l));
  const metrics = createMetrics(store, { outboxMaxAgeSeconds: 300, processMetrics: false });
  const health = createHealthHandler({ store, registry: metrics.registry, outboxMaxAgeSeconds: 300 });
  const server = await startPractice({ port: 0, health }, { store, clock, telemetry: metrics.telemetry }, log);
  return {
    base: `http://127.0.0.1:${server.port}`,
    store,
    server,
    logLines,
    count: (table) => (store.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n,
    async close() {
      await server.stop();
      store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface Answer {
  status: number;
  html: string;
  location: string | null;
  headers: Headers;
}

/** A browser without a browser: cookies kept, forms sent with the token of the last page. */
export class Client {
  private readonly jar = new Map<string, string>();
  /** The form token of the last page read. */
  token = '';

  constructor(private readonly base: string) {}

  private remember(res: Response): void {
    for (const c of res.headers.getSetCookie()) {
      const [pair = ''] = c.split(';');
      const i = pair.indexOf('=');
      this.jar.set(pair.slice(0, i), pair.slice(i + 1));
    }
  }

  private cookie(): string {
    return [...this.jar].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  async get(path: string): Promise<Answer> {
    const res = await fetch(`${this.base}${path}`, { headers: { cookie: this.cookie() }, redirect: 'manual' });
    this.remember(res);
    const html = await res.text();
    const token = /name="_token" value="([^"]+)"/.exec(html)?.[1];
    if (token) this.token = token;
    return { status: res.status, html, location: res.headers.get('location'), headers: res.headers };
  }

  /** POST a form; `as` is who acts (the hidden field every form carries). */
  async post(path: string, fields: Record<string, string>, opts: { as?: string; token?: string | null; headers?: Record<string, string> } = {}): Promise<Answer> {
    const body = new URLSearchParams(fields);
    const token = opts.token === undefined ? this.token : opts.token;
    if (token !== null) body.set('_token', token);
    if (opts.as) body.set('als', opts.as);
    const res = await fetch(`${this.base}${path}`, {
      method: 'POST',
      headers: { cookie: this.cookie(), 'content-type': 'application/x-www-form-urlencoded', ...opts.headers },
      body: body.toString(),
      redirect: 'manual',
    });
    this.remember(res);
    return { status: res.status, html: await res.text(), location: res.headers.get('location'), headers: res.headers };
  }

  /** POST, then follow the redirect (post/redirect/get). */
  async submit(path: string, fields: Record<string, string>, opts: { as?: string } = {}): Promise<Answer> {
    const posted = await this.post(path, fields, opts);
    if (posted.status !== 303 || !posted.location) return posted;
    return this.get(posted.location.replace(/#.*$/, ''));
  }
}

/** The HTML of one card on a page. */
export function cardOf(html: string, id: number): string {
  const start = html.indexOf(`<article class="card`, html.indexOf(`id="aanvraag-${id}"`) - 60);
  const end = html.indexOf('</article>', start);
  return start >= 0 && end > start ? html.slice(start, end) : '';
}

/** Text without tags and entities decoded (what a reader sees). */
export function textOf(html: string): string {
  return html
    .replace(/<\/?(?:span|strong|em|code|a|time|label)\b[^>]*>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
}

export const VALID_FORM = {
  amount: '85,50',
  description: 'Koelkast om insuline koel te bewaren',
  supplierName: 'Witgoedhandel Noord',
  supplierIban: 'NL91 ABNA 0417 1643 00',
  categorySlug: 'witgoed',
  caseRef: 'WT-2026-101',
  reason: 'no_provision',
  reasonText: '',
};
