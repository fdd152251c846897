// Refuses a replayed Slack request: the same signature and timestamp seen before (HTTP 401).
// Bolt checks the signature and refuses timestamps older than 5 minutes, but accepts the very same
// signed request again and again. Slack's own retries are new requests (a new timestamp, so a new
// signature, and the X-Slack-Retry-Num header); they pass here and are deduplicated by event_id.
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';

/** Slack's window: a request older (or further in the future) than this is refused. */
export const REPLAY_WINDOW_MS = 5 * 60_000;

export interface ReplayGuardOptions {
  now?: () => number;
  /** Upper bound on remembered signatures (memory); the oldest are forgotten first. */
  maxEntries?: number;
}

function header(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

export class ReplayGuard {
  /** signature → when it may be forgotten (ms). Insertion order = expiry order, roughly. */
  private readonly seen = new Map<string, number>();
  private readonly now: () => number;
  private readonly maxEntries: number;

  constructor(opts: ReplayGuardOptions = {}) {
    this.now = opts.now ?? Date.now;
    this.maxEntries = opts.maxEntries ?? 100_000;
  }

  /** Whether the request may go on to Bolt; a refused one has been answered with 401. */
  admit(req: IncomingMessage, res: ServerResponse): boolean {
    const signature = header(req, 'x-slack-signature');
    const timestamp = header(req, 'x-slack-request-timestamp');
    // Without both headers Bolt refuses the request itself (401); nothing to remember.
    if (!signature || !timestamp || req.method !== 'POST') return true;
    const now = this.now();
    const tsMs = Number(timestamp) * 1000;
    if (!Number.isFinite(tsMs) || tsMs - now > REPLAY_WINDOW_MS) {
      refuse(res);
      return false;
    }
    this.prune(now);
    // The signature covers the timestamp, so it alone names the request (and costs no new string).
    const key = signature;
    if (this.seen.has(key)) {
      refuse(res);
      return false;
    }
    // Remember it until Bolt would refuse its timestamp anyway.
    this.seen.set(key, Math.max(now, tsMs) + REPLAY_WINDOW_MS);
    // A forged signature that Bolt refuses need not be remembered (keeps the set small under a flood).
    res.once('finish', () => {
      if (res.statusCode === 401) this.seen.delete(key);
    });
    return true;
  }

  get size(): number {
    return this.seen.size;
  }

  private prune(now: number): void {
    for (const [key, until] of this.seen) {
      if (until > now && this.seen.size < this.maxEntries) break;
      this.seen.delete(key);
    }
  }
}

function refuse(res: ServerResponse): void {
  res.writeHead(401);
  res.end();
}

/** Put the guard in front of a receiver's request listener (Bolt's HTTPReceiver.requestListener). */
export function guardRequestListener(listener: RequestListener, guard: ReplayGuard = new ReplayGuard()): RequestListener {
  return (req, res) => {
    if (guard.admit(req, res)) listener(req, res);
  };
}
