// The one line a failed start ends with: which setting Slack refused, or that Slack could not be
// reached to check it. Bolt checks SLACK_BOT_TOKEN with auth.test from its constructor (a promise
// nobody awaits: its failure arrives as an unhandled rejection); Socket Mode's start calls
// apps.connections.open with SLACK_APP_TOKEN (the start itself rejects). Only codes are shown.
import { HINTS, type SlackConfig } from './config.js';
import { errorFields } from './log.js';
import { ChartFontMissingError } from './render/png.js';

/** Where the failure surfaced: the awaited start, or a rejection nobody awaited. */
export type FailedIn = 'start' | 'unawaited';

/** What Slack answers for a token it does not accept (auth.test, apps.connections.open). */
const REFUSED = new Set(['invalid_auth', 'not_authed', 'account_inactive', 'token_revoked', 'token_expired', 'user_removed_from_team', 'team_disabled']);

interface SlackWebApiError {
  code: string;
  /** WebAPIPlatformError: Slack's answer. */
  data?: { error?: unknown };
  /** WebAPIHTTPError. */
  statusCode?: unknown;
  /** WebAPIRequestError: fetch's TypeError, its cause an Error with a system code. */
  original?: { name?: unknown; cause?: { code?: unknown } };
}

const isSlackWebApiError = (e: unknown): e is SlackWebApiError =>
  typeof e === 'object' && e !== null && String((e as { code?: unknown }).code).startsWith('slack_webapi_');

/** ECONNREFUSED, ENOTFOUND, TimeoutError, …: a code, never a message. */
function networkCode(e: SlackWebApiError): string {
  const code = e.original?.cause?.code ?? e.original?.name;
  return typeof code === 'string' && /^[A-Za-z_]+$/.test(code) ? code : 'no answer';
}

/** The line (without the `minimaatwerk: ` prefix) for a failure that stops the bot. */
export function startFailureLine(e: unknown, failedIn: FailedIn, slack: SlackConfig | null): string {
  const other = () => `${failedIn === 'start' ? 'could not start' : 'stopped after an unexpected failure'} (${JSON.stringify(errorFields(e))})`;
  if (e instanceof ChartFontMissingError) return e.message;
  if (!isSlackWebApiError(e)) return other();
  // A Socket Mode start fails on Slack only in apps.connections.open; the unawaited call is auth.test.
  const setting = failedIn === 'start' && slack?.appToken ? 'SLACK_APP_TOKEN' : 'SLACK_BOT_TOKEN';
  const url = slack?.apiUrl ?? 'https://slack.com/api/';
  switch (e.code) {
    case 'slack_webapi_platform_error': {
      const answer = typeof e.data?.error === 'string' ? e.data.error : 'an error';
      if (REFUSED.has(answer)) return `Slack refused ${setting} (${answer}): use ${HINTS[setting]}; see .env.example`;
      return `could not check ${setting}: Slack answered ${answer}`;
    }
    case 'slack_webapi_http_error':
      return `could not check ${setting}: Slack at ${url} answered HTTP ${String(e.statusCode)}`;
    case 'slack_webapi_rate_limited_error':
      return `could not check ${setting}: Slack at ${url} answered rate limited; try again in a minute`;
    case 'slack_webapi_request_error': {
      // Both tokens are checked at the same URL: when it cannot be reached, neither was checked.
      const settings = slack?.appToken ? 'SLACK_BOT_TOKEN and SLACK_APP_TOKEN' : 'SLACK_BOT_TOKEN';
      return `could not check ${settings}: Slack not reachable at ${url} (${networkCode(e)})`;
    }
    default:
      return other();
  }
}
