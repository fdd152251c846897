// Who is at the page: a session cookie (random), the form token derived from it (every form carries
// it; a POST without it is refused), and the practice colleague they act as. Practice only, same
// origin, but a form from elsewhere still cannot act here.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

export const COOKIE = { session: 'oefen_sessie', who: 'oefen_wie' } as const;

export function cookies(req: IncomingMessage): Map<string, string> {
  const out = new Map<string, string>();
  for (const pair of (req.headers.cookie ?? '').split(';')) {
    const i = pair.indexOf('=');
    if (i <= 0) continue;
    const name = pair.slice(0, i).trim();
    try {
      out.set(name, decodeURIComponent(pair.slice(i + 1).trim()));
    } catch {
      // A cookie we did not write: ignored.
    }
  }
  return out;
}

export function setCookie(res: ServerResponse, name: string, value: string, opts: { httpOnly?: boolean; maxAgeDays?: number } = {}): void {
  const attrs = [`${name}=${encodeURIComponent(value)}`, 'Path=/', 'SameSite=Lax', ...(opts.httpOnly ? ['HttpOnly'] : []), ...(opts.maxAgeDays ? [`Max-Age=${opts.maxAgeDays * 86_400}`] : [])];
  const prev = res.getHeader('set-cookie');
  res.setHeader('set-cookie', [...(Array.isArray(prev) ? prev : prev ? [String(prev)] : []), attrs.join('; ')]);
}

export class Sessions {
  /** A new secret per process: tokens of an earlier run are refused (the page says to reload). */
  private readonly secret = randomBytes(32);

  /** The session id of this browser; a new one (with its cookie) when it has none. */
  sessionOf(req: IncomingMessage, res: ServerResponse): string {
    const sid = cookies(req).get(COOKIE.session);
    if (sid && /^[A-Za-z0-9_-]{20,64}$/.test(sid)) return sid;
    const fresh = randomBytes(18).toString('base64url');
    setCookie(res, COOKIE.session, fresh, { httpOnly: true });
    // The request being answered already belongs to the new session.
    req.headers.cookie = `${req.headers.cookie ? `${req.headers.cookie}; ` : ''}${COOKIE.session}=${fresh}`;
    return fresh;
  }

  token(sid: string): string {
    return createHmac('sha256', this.secret).update(sid).digest('base64url');
  }

  /** Whether the form's token belongs to this browser's session. */
  valid(req: IncomingMessage, formToken: string | undefined): boolean {
    const sid = cookies(req).get(COOKIE.session);
    if (!sid || !formToken) return false;
    const expected = Buffer.from(this.token(sid));
    const given = Buffer.from(formToken);
    return given.length === expected.length && timingSafeEqual(given, expected);
  }
}

/** A random id for one rendered button or form (a retried click or double submission changes nothing). */
export const nonce = (): string => randomBytes(12).toString('base64url');

export class BodyTooLarge extends Error {}

/** An `application/x-www-form-urlencoded` body, at most `max` bytes. */
export async function formBody(req: IncomingMessage, max = 64 * 1024): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > max) throw new BodyTooLarge('body too large');
    chunks.push(chunk as Buffer);
  }
  const type = String(req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  if (type !== 'application/x-www-form-urlencoded') return new URLSearchParams();
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}
