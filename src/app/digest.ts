// The monthly digest: figures, text, chart; the month a person asked for; where a team's digest
// goes; and the job_runs claim that makes the automatic digest post once per month per channel,
// across restarts and instances.
import { buildDigest, digestChartInput, digestMonths, type Digest, type FindingSettings } from '../core/digest.js';
import { digestAltText, digestAnchorText, digestMonthMessage, digestText } from '../core/digestText.js';
import { spendChartSvg } from '../core/chartSvg.js';
import { digestChannelMessage, type Message } from '../core/messages.js';
import { err, ok, type Result } from '../core/result.js';
import type { Text } from '../core/text.js';
import { addMonthsKey, monthKey, parseMonthKey } from '../core/time.js';
import { svgToPng } from '../render/png.js';
import { appendAudit, auditHead } from '../store/audit.js';
import type { Store } from '../store/db.js';
import { loadDigestInput, teamsWithDigestChannel, type DigestQueryOptions } from '../store/digestQueries.js';
import { claimJob, jobDone, markJobDone, releaseJob } from '../store/jobs.js';
import { findTeam, setDigestChannel as storeDigestChannel, teamIdsOfOrganisation, teamsOfPlatform } from '../store/teams.js';
import type { AppDeps, Ctx, Platform } from './deps.js';
import { done, refused, type Outcome } from './outcome.js';
import { withLearning, type SignalProposal } from './signalDigest.js';
import { teamOf, type ChannelRef } from './team.js';

export interface DigestResult {
  digest: Digest;
  /** Dutch with an English summary, as structure (each platform renders it). */
  text: Text;
  /** The chart's figures as text, for screen readers. */
  altText: string;
  /** The chart of spend by category over the last 6 months; null when `chart: false`. */
  png: Buffer | null;
  /** "Make a signal" buttons the platform posts under the digest (src/app/signalDigest.ts). */
  signalProposals?: SignalProposal[];
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
  // The learning part (signals, alternatives, what spends prevented): src/app/signalDigest.ts.
  return withLearning(deps, month, opts.teamIds ?? (opts.teamId !== undefined ? [opts.teamId] : undefined), { digest, text: digestText(digest, 'nl'), altText: digestAltText(digest), png });
}

/**
 * The managers' monthly digest ends with the audit trail's anchor (its row count and head hash):
 * kept outside the database, it lets `audit verify --anchor` show later that no row was removed or
 * the chain rewritten.
 */
export function withAuditAnchor(store: Pick<Store, 'db'>, text: Text): Text {
  const head = auditHead(store.db);
  return [...text, ...digestAnchorText(`${head.rows}:${head.hash.slice(0, 16)}`)];
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

/**
 * `digest [YYYY-MM]`: in a team channel that team; in a digest channel the teams that post there;
 * elsewhere (a direct message, a personal chat) the teams of the asker's organisation — never
 * another workspace's or tenant's.
 */
export function digestOnDemand(deps: Pick<AppDeps, 'store' | 'clock'>, input: { channel: ChannelRef | null; monthText: string }): Outcome<{ text: Text }> {
  const month = resolveDigestMonth(input.monthText, deps.clock.now());
  if (!month.ok) return refused('digest.bad_month', month.error);
  const channel = input.channel;
  const team = channel ? findTeam(deps.store.db, channel) : undefined;
  if (!channel) return done('digest.shown', { text: digestForMonth(deps, month.value, { chart: false, teamIds: [] }).text });
  const posting = team ? [team.id] : teamsWithDigestChannel(deps.store, channel.platform, channel.channelId);
  const teamIds = posting.length > 0 ? posting : teamIdsOfOrganisation(deps.store.db, channel.platform, channel.workspaceId);
  return done('digest.shown', { text: digestForMonth(deps, month.value, { chart: false, teamIds }).text });
}

/** What a manager sees under "Laatste maandoverzicht": last month's digest of the platform's teams. */
export function lastDigestFor(deps: Pick<AppDeps, 'store' | 'clock'>, platform: Platform): Text | null {
  const teamIds = teamsOfPlatform(deps.store.db, platform).map((t) => t.id);
  if (teamIds.length === 0) return null;
  return digestForMonth(deps, addMonthsKey(monthKey(deps.clock.now()), -1), { chart: false, teamIds }).text;
}

/** `digest-kanaal <channel>` (admins): this team's monthly digest goes to that channel. Audited. */
export async function setDigestChannel(ctx: Ctx, input: { actorId: string; channel: ChannelRef | null; targetText: string; channelName?: string }): Promise<Outcome<{ channelId: string } | null>> {
  const platform = ctx.directory.platform;
  if (!input.channel) return refused('digest_channel.not_in_team', digestChannelMessage.onlyInTeam);
  if (!(await ctx.directory.isAdmin(input.actorId))) return refused('digest_channel.not_admin', digestChannelMessage.notAdmin);
  const target = ctx.directory.channelNamed(input.targetText, input.channel.channelId);
  if (target === null) return refused('digest_channel.usage', digestChannelMessage.usage(platform));
  if ((await ctx.directory.channelProblem(target, true)) !== null) return refused('digest_channel.bot_not_in', digestChannelMessage.botNotIn(platform, target));
  const now = ctx.clock.now();
  const channel = input.channel;
  ctx.store.tx((tx) => {
    const team = teamOf(tx, channel, now, input.channelName);
    storeDigestChannel(tx, team.id, target);
    appendAudit(tx, { at: now, actorId: input.actorId, action: 'team.digest_channel_set', teamId: team.id, detail: { channelId: target, previous: team.digestChannelId } });
  });
  return done('digest_channel.set', { channelId: target }, digestChannelMessage.set(target));
}

// ── Once per month: job_runs ───────────────────────────────────────────────────────────────────

/** A claim without done_at older than this is taken over: the instance that held it crashed. */
export const CLAIM_STALE_MS = 15 * 60_000;

export function digestJobKey(month: string, platform: string, channelId: string): string {
  return `digest:${month}:${platform}:${channelId}`;
}

/** Claim the job `key` (one IMMEDIATE transaction): true for exactly one caller. */
export function claimMonthlyDigest(store: Store, key: string, now: Date = new Date(), staleAfterMs = CLAIM_STALE_MS): boolean {
  return store.tx((tx) => claimJob(tx, key, now, new Date(now.getTime() - staleAfterMs)));
}

/** Whether `key` was done (e.g. the text of a digest whose chart upload failed). */
export function stepDone(store: Store, key: string): boolean {
  return jobDone(store.db, key);
}

/** Record a finished step that must not be repeated on a retry. */
export function markStepDone(store: Store, key: string, now: Date): void {
  store.tx((tx) => markJobDone(tx, key, now));
}

/** The digest was posted: done, with its audit row, in one transaction. */
export function finishMonthlyDigest(
  store: Store,
  key: string,
  now: Date,
  detail: { month: string; platform: string; channelId: string; teamIds: number[]; approvedCount: number },
): void {
  store.tx((tx) => {
    markJobDone(tx, key, now);
    appendAudit(tx, { at: now, actorId: 'system', action: 'digest.posted', detail });
  });
}

/** The post failed: give the claim back so the next scheduler tick retries. */
export function releaseMonthlyDigest(store: Store, key: string): void {
  store.tx((tx) => releaseJob(tx, key));
}

// ── The platform port ──────────────────────────────────────────────────────────────────────────

/** How a chat platform posts the digest: the text, then the chart with its alt text. */
export interface DigestPort {
  platform: Platform;
  postText(channelId: string, text: Text): Promise<void>;
  uploadChart(channelId: string, chart: { png: Buffer; altText: string; title: string; filename: string }): Promise<void>;
  /** The "make a signal" buttons under the digest (src/app/signalDigest.ts). */
  postSignalProposals?(channelId: string, proposals: readonly SignalProposal[], month: string): Promise<void>;
}
