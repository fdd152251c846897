// The learning part of the monthly digest: loads what src/core/signalDigest.ts turns into blocks
// (shared proposals across teams, open signals with their effect, alternatives, what spends
// prevented) and the "make a signal" proposals the platforms post as buttons under the digest.
import type { Digest } from '../core/digest.js';
import { scopeKey, scopeOfTeam } from '../core/signal.js';
import {
  learningDigestBlocks,
  sharedProposals,
  signalProposals,
  SHARED_SIGNAL_MIN_TEAMS,
  type OpenSignalRef,
  type RecurringFinding,
  type SignalProposal,
} from '../core/signalDigest.js';
import type { Block, Text } from '../core/text.js';
import { monthRange } from '../core/time.js';
import { alternativeCounts, approvedCount, preventedCounts, unitCosts } from '../store/learning.js';
import { allSignals, signalsOfTeams, teamsByIds } from '../store/signals.js';
import type { AppDeps } from './deps.js';
import { signalViews } from './signalViews.js';

export type { RecurringFinding, SignalProposal };

export interface LearningPart {
  /** Blocks to append to the digest text (empty when there is nothing to say). */
  blocks: Block[];
  /** "Make a signal" buttons to post under the digest. */
  proposals: SignalProposal[];
}

export interface LearningOptions {
  /** The digest's teams; undefined: all teams. */
  teamIds?: readonly number[] | undefined;
  /** A shared signal is proposed from this many teams on (default SHARED_SIGNAL_MIN_TEAMS). */
  minTeams?: number;
}

/** The learning part of the digest of `month` for these teams, given the month's recurring findings per team. */
export function learningForDigest(deps: Pick<AppDeps, 'store'>, month: string, recurring: readonly RecurringFinding[], opts: LearningOptions = {}): LearningPart {
  const { start, end } = monthRange(month);
  const period = { start, end, ...(opts.teamIds ? { teamIds: opts.teamIds } : {}) };
  return deps.store.tx((tx) => {
    const scopeOf = new Map(teamsByIds(tx, [...new Set(recurring.map((f) => f.teamId))]).map((t) => [t.id, scopeKey(scopeOfTeam(t))] as const));
    const open = allSignals(tx);
    const refs: OpenSignalRef[] = open.map((s) => ({ id: s.id, slug: s.categorySlug, status: s.status, teamIds: s.teamIds, scope: scopeKey({ platform: s.platform, workspaceId: s.workspaceId }) }));
    const shared = sharedProposals(recurring, scopeOf, refs, opts.minTeams ?? SHARED_SIGNAL_MIN_TEAMS);
    const proposals = signalProposals(recurring, shared, refs);
    const shown = opts.teamIds ? signalsOfTeams(tx, opts.teamIds) : open;
    const byKind = alternativeCounts(tx, period);
    const blocks = learningDigestBlocks({
      shared,
      signals: signalViews(tx, shown, month),
      alternatives: { approved: approvedCount(tx, period), byKind },
      prevented: preventedCounts(tx, period),
      unitCosts: unitCosts(tx),
      proposals,
    });
    return { blocks, proposals };
  });
}

/**
 * The findings per team of a digest (structurally high or rising), each with the team's figures of
 * the month in that category (a finding over several months may have none this month).
 */
export function recurringFindingsOf(digest: Digest): RecurringFinding[] {
  return digest.teams.flatMap((s) => {
    if (s.teamId === null) return [];
    const teamId = s.teamId;
    return s.findings.map((f) => {
      const month = s.categories.find((c) => c.slug === f.slug);
      return { teamId, teamName: s.name, slug: f.slug, label: f.labelNl, count: month?.count ?? 0, totalCents: month?.totalCents ?? 0 };
    });
  });
}

/** A digest result with the learning part: its blocks after the text, its proposals for the buttons. */
export function withLearning<R extends { digest: Digest; text: Text }>(deps: Pick<AppDeps, 'store'>, month: string, teamIds: readonly number[] | undefined, result: R): R & { signalProposals: SignalProposal[] } {
  const part = learningForDigest(deps, month, recurringFindingsOf(result.digest), { teamIds });
  return { ...result, text: [...result.text, ...part.blocks], signalProposals: part.proposals };
}
