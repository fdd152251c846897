// The automatic monthly digest: from 09:00 Europe/Amsterdam on the first working day of a month,
// the previous month's digest goes to every digest channel, once (job_runs), retried on failure.
import {
  claimMonthlyDigest,
  digestForMonth,
  withAuditAnchor,
  digestJobKey,
  finishMonthlyDigest,
  stepDone as jobDone,
  markStepDone,
  releaseMonthlyDigest,
  CLAIM_STALE_MS,
  type DigestPort,
} from '../app/digest.js';
import type { AppDeps } from '../app/deps.js';
import { digestChartInput } from '../core/digest.js';
import { addMonthsKey, atLocalTime, firstWorkingDayOfMonth, monthKey } from '../core/time.js';
import type { Log } from '../log.js';
import { errorFields } from '../log.js';
import { digestTargets } from '../store/digestQueries.js';

export const DIGEST_HOUR = 9;

export interface MonthlyDigestConfig {
  /** Managers' channel for the teams that did not choose their own (Slack channel id). */
  defaultChannelId: string | undefined;
  ports: readonly DigestPort[];
  staleAfterMs?: number;
}

/** The month to report at `now`, or null before 09:00 on the first working day of this month. */
export function dueDigestMonth(now: Date): string | null {
  const current = monthKey(now);
  const due = atLocalTime(firstWorkingDayOfMonth(current), DIGEST_HOUR);
  return now.getTime() >= due.getTime() ? addMonthsKey(current, -1) : null;
}

export interface DigestRunResult {
  month: string | null;
  posted: string[];
  failed: string[];
}

/** Post the due digest to each target not yet done. Safe to call on every tick, from any instance. */
export async function runMonthlyDigest(deps: Pick<AppDeps, 'store' | 'clock' | 'telemetry'>, config: MonthlyDigestConfig, log: Log): Promise<DigestRunResult> {
  const month = dueDigestMonth(deps.clock.now());
  const result: DigestRunResult = { month, posted: [], failed: [] };
  if (month === null) return result;
  for (const target of digestTargets(deps.store, config.defaultChannelId)) {
    const port = config.ports.find((p) => p.platform === target.platform);
    if (!port) continue;
    const key = digestJobKey(month, target.platform, target.channelId);
    if (!claimMonthlyDigest(deps.store, key, deps.clock.now(), config.staleAfterMs ?? CLAIM_STALE_MS)) {
      deps.telemetry?.digestRun('skipped');
      continue;
    }
    try {
      const d = digestForMonth(deps, month, { teamIds: target.teamIds });
      const textKey = `${key}:text`;
      if (!jobDone(deps.store, textKey)) {
        await port.postText(target.channelId, withAuditAnchor(deps.store, d.text));
        markStepDone(deps.store, textKey, deps.clock.now());
      }
      const signalsKey = `${key}:signals`;
      if (d.signalProposals?.length && port.postSignalProposals && !jobDone(deps.store, signalsKey)) {
        await port.postSignalProposals(target.channelId, d.signalProposals, month);
        markStepDone(deps.store, signalsKey, deps.clock.now());
      }
      if (d.png) {
        await port.uploadChart(target.channelId, {
          png: d.png,
          altText: d.altText,
          title: digestChartInput(d.digest, 'nl').title,
          filename: `minimaatwerk-${month}.png`,
        });
      }
      finishMonthlyDigest(deps.store, key, deps.clock.now(), {
        month,
        platform: target.platform,
        channelId: target.channelId,
        teamIds: target.teamIds,
        approvedCount: d.digest.overall.approved.count,
      });
      result.posted.push(key);
      deps.telemetry?.digestRun('posted');
      log.info('digest.posted', { month, platform: target.platform, channel: target.channelId, teams: target.teamIds.length });
    } catch (e) {
      releaseMonthlyDigest(deps.store, key);
      result.failed.push(key);
      deps.telemetry?.digestRun('failed');
      log.error('digest.failed', { month, platform: target.platform, channel: target.channelId, ...errorFields(e) });
    }
  }
  return result;
}
