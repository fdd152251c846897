// The monthly digest: figures, text, chart; which month a person asked for; and the job_runs claim
// that makes the automatic digest post once per month per channel, across restarts and instances.
import { eq } from 'drizzle-orm';
import { buildDigest, digestChartInput, digestMonths, type Digest, type FindingSettings } from '../core/digest.js';
import { digestAltText, digestMonthMessage, digestText } from '../core/digestText.js';
import { spendChartSvg } from '../core/chartSvg.js';
import type { Message } from '../core/messages.js';
import type { Text } from '../core/text.js';
import { err, ok, type Result } from '../core/result.js';
import { addMonthsKey, monthKey, parseMonthKey } from '../core/time.js';
import { svgToPng } from '../render/png.js';
import { appendAudit } from '../store/audit.js';
import type { Store } from '../store/db.js';
import { loadDigestInput, teamsWithDigestChannel, type DigestQueryOptions } from '../store/digestQueries.js';
import { teams } from '../store/schema.js';
import { ensureTeam, findTeam, type ChannelRef } from '../store/teams.js';
import type { Actor, AppDeps } from './deps.js';

export interface DigestResult {
  digest: Digest;
  /** Dutch with an English summary, as a message structure (each platform renders it). */
  text: Text;
  /** The chart's figures as text, for screen readers. */
  altText: string;
  /** The chart of spend by category over the last 6 months; null when `chart: false`. */
  png: Buffer | null;
}

export interface DigestOptions extends DigestQueryOptions {
  /** Render the chart (default true). */
  chart?: boolean;
  settings?: FindingSettings;
}

/** The digest of `month` (Europe/Amsterdam) as of the clock's now. */
export function digestForMonth(deps: Pick<AppDeps, 'store' | 'clock'>, month: string, opts: DigestOptions = {}): DigestResult {
  const months = opts.settings ? Math.max(digestMonths(opts.settings), opts.months ?? 0) : opts.months;
  const input = loadDigestInput(deps.store, month, deps.clock.now(), { ...opts, ...(months ? { months } : {}) });
  const digest = buildDigest(input, opts.settings);
  const png = opts.chart === false ? null : svgToPng(spendChartSvg(digestChartInput(digest, 'nl')));
  return { digest, text: digestText(digest, 'nl'), altText: digestAltText(digest), png };
}

/**
 * The month a person asked for: '' → the previous month; 'YYYY-MM' up to the current month.
 * Anything else, or a month that has not started, is a Dutch-first message.
 */
export function resolveDigestMonth(text: string, now: Date): Result<string, Message> {
  const t = text.trim();
  const current = monthKey(now);
  if (t === '') return ok(addMonthsKey(current, -1));
  const month = parseMonthKey(t);
  if (month === null) return err(digestMonthMessage.invalid(t));
  if (month > current) return err(digestMonthMessage.future(month));
  return ok(month);
}

// ── Once per month: job_runs ───────────────────────────────────────────────────────────────────

/** A claim without done_at older than this is taken over: the instance that held it crashed. */
export const CLAIM_STALE_MS = 15 * 60_000;

export function digestJobKey(month: string, platform: string, channelId: string): string {
  return `digest:${month}:${platform}:${channelId}`;
}

/**
 * Claim the job `key` (one IMMEDIATE transaction): true for exactly one caller. A claim that is
 * done stays taken; a claim older than `staleAfterMs` without done_at (a crash, a failed post that
 * was released) is taken over.
 */
export function claimMonthlyDigest(store: Store, key: string, now: Date = new Date(), staleAfterMs = CLAIM_STALE_MS): boolean {
  return store.tx(() => {
    const inserted = store.sqlite
      .prepare(`INSERT INTO job_runs (key, claimed_at, done_at) VALUES (?, ?, NULL) ON CONFLICT (key) DO NOTHING`)
      .run(key, now.getTime());
    if (inserted.changes === 1) return true;
    const taken = store.sqlite
      .prepare(`UPDATE job_runs SET claimed_at = ? WHERE key = ? AND done_at IS NULL AND claimed_at <= ?`)
      .run(now.getTime(), key, now.getTime() - staleAfterMs);
    return taken.changes === 1;
  });
}

/** Whether `key` was done (e.g. the text of a digest whose chart upload failed). */
export function jobDone(store: Store, key: string): boolean {
  const row = store.sqlite.prepare(`SELECT done_at FROM job_runs WHERE key = ?`).get(key) as { done_at: number | null } | undefined;
  return row?.done_at != null;
}

/** Record a finished step that must not be repeated on a retry. */
export function markStepDone(store: Store, key: string, now: Date): void {
  store.tx(() =>
    store.sqlite
      .prepare(`INSERT INTO job_runs (key, claimed_at, done_at) VALUES (?, ?, ?) ON CONFLICT (key) DO UPDATE SET done_at = excluded.done_at`)
      .run(key, now.getTime(), now.getTime()),
  );
}

/** The digest was posted: done, with its audit row, in one transaction. */
export function finishMonthlyDigest(
  store: Store,
  key: string,
  now: Date,
  detail: { month: string; platform: string; channelId: string; teamIds: number[]; approvedCount: number },
): void {
  store.tx((tx) => {
    store.sqlite.prepare(`UPDATE job_runs SET done_at = ? WHERE key = ?`).run(now.getTime(), key);
    appendAudit(tx, { at: now, actorId: 'system', action: 'digest.posted', detail });
  });
}

/** The post failed: give the claim back so the next scheduler tick retries. */
export function releaseMonthlyDigest(store: Store, key: string): void {
  store.tx(() => store.sqlite.prepare(`UPDATE job_runs SET claimed_at = 0 WHERE key = ? AND done_at IS NULL`).run(key));
}

// ── The platform port ──────────────────────────────────────────────────────────────────────────

/** How a chat platform posts the digest: the text, then the chart with its alt text. */
export interface DigestPort {
  platform: 'slack' | 'teams';
  postText(channelId: string, text: Text): Promise<void>;
  uploadChart(channelId: string, chart: { png: Buffer; altText: string; title: string; filename: string }): Promise<void>;
}

// ── The commands ───────────────────────────────────────────────────────────────────────────────

export const digestChannelMessage = {
  usage: {
    nl: 'Gebruik: `/minimaatwerk digest-kanaal #kanaal` (beheerders). Het maandoverzicht van dit team gaat dan naar dat kanaal.',
    en: 'Usage: `/minimaatwerk digest-kanaal #channel` (admins). This team’s monthly digest then goes to that channel.',
  },
  notAdmin: { nl: 'Alleen een teambeheerder kan het digest-kanaal instellen.', en: 'Only a team admin can set the digest channel.' },
  botNotIn: (channelId: string) => ({
    nl: `Ik ben geen lid van <#${channelId}>, dus ik kan daar niets plaatsen. Nodig mij uit met /invite @minimaatwerk in dat kanaal en probeer het opnieuw.`,
    en: `I am not a member of <#${channelId}>, so I cannot post there. Invite me with /invite @minimaatwerk in that channel and try again.`,
  }),
  set: (channelId: string) => ({
    nl: `Het maandoverzicht van dit team gaat voortaan naar <#${channelId}> (op de eerste werkdag van de maand om 09:00).`,
    en: `This team’s monthly digest now goes to <#${channelId}> (on the first working day of the month at 09:00).`,
  }),
} satisfies Record<string, Message | ((c: string) => Message)>;

/** `<#C123|naam>`, `<#C123>` or a bare `C123` → 'C123'; anything else → null. */
export function parseChannelMention(text: string): string | null {
  const t = text.trim();
  const mention = /^<#([CG][A-Z0-9]{2,})(?:\|[^>]*)?>$/.exec(t);
  if (mention) return mention[1] ?? null;
  return /^[CG][A-Z0-9]{2,}$/.test(t) ? t : null;
}

/** Set the team's digest channel (admins; the adapter checked that the bot is in it). Audited. */
export function setDigestChannel(
  deps: Pick<AppDeps, 'store' | 'clock'>,
  input: { channel: ChannelRef; actor: Actor; digestChannelId: string; channelName?: string },
): Message {
  if (!input.actor.isAdmin) return digestChannelMessage.notAdmin;
  const now = deps.clock.now();
  return deps.store.tx((tx) => {
    const { team } = ensureTeam(tx, input.channel, now, input.channelName);
    tx.update(teams).set({ digestChannelId: input.digestChannelId }).where(eq(teams.id, team.id)).run();
    appendAudit(tx, {
      at: now,
      actorId: input.actor.id,
      action: 'team.digest_channel_set',
      teamId: team.id,
      detail: { channelId: input.digestChannelId, previous: team.digestChannelId },
    });
    return digestChannelMessage.set(input.digestChannelId);
  });
}

/**
 * `/minimaatwerk digest [YYYY-MM]`: the digest text for the asker. In a team channel: that team;
 * in a digest channel: the teams that post there; elsewhere: all teams.
 */
export function digestCommandUseCase(
  deps: Pick<AppDeps, 'store' | 'clock'>,
  input: { channel: ChannelRef; monthText: string },
): Result<Text, Message> {
  const month = resolveDigestMonth(input.monthText, deps.clock.now());
  if (!month.ok) return month;
  const team = findTeam(deps.store.db, input.channel);
  const teamIds = team ? [team.id] : teamsWithDigestChannel(deps.store, input.channel.platform, input.channel.channelId);
  return ok(digestForMonth(deps, month.value, { chart: false, ...(teamIds.length > 0 ? { teamIds } : {}) }).text);
}
