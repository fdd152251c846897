// The personal overview (Slack's App Home, Teams' overview card, the practice page): my open
// requests, what waits for my approval, my teams' budgets left, and for managers the last digest.
import { overviewText, type Overview, type OverviewBudget, type OverviewRequest } from '../core/messages.js';
import { cents, subCents } from '../core/money.js';
import type { Text } from '../core/text.js';
import { yearOf, yearRange } from '../core/time.js';
import { approvedBy, undecidedInPlatform } from '../store/overview.js';
import { budgetUsage } from '../store/requests.js';
import type { RequestRow } from '../store/schema.js';
import { getAnnualBudget, teamsOfPlatform } from '../store/teams.js';
import type { Ctx } from './deps.js';
import { lastDigestFor } from './digest.js';
import { openSignalsOf } from './signals.js';
import { done, type Outcome } from './outcome.js';

const line = (r: RequestRow): OverviewRequest => ({ id: r.id, amountCents: cents(r.amountCents), supplierName: r.supplierName, status: r.status, channelId: r.channelId });

export async function overview(ctx: Ctx, input: { actorId: string }): Promise<Outcome<{ overview: Overview; text: Text }>> {
  const db = ctx.store.db;
  const platform = ctx.directory.platform;
  const userId = input.actorId;
  const now = ctx.clock.now();
  const member = new Map<string, boolean>();
  const isMember = async (channelId: string) => {
    if (!member.has(channelId)) member.set(channelId, await ctx.directory.isChannelMember(channelId, userId));
    return member.get(channelId) === true;
  };
  const mine = undecidedInPlatform(db, platform, userId, true).map(line);
  const mineApproved = approvedBy(db, userId);
  const awaitingMe: OverviewRequest[] = [];
  for (const r of undecidedInPlatform(db, platform, userId, false)) {
    if (mineApproved.has(r.id) || !r.messageTs) continue;
    if (await isMember(r.channelId)) awaitingMe.push(line(r));
  }
  const year = yearOf(now);
  const { start, end } = yearRange(year);
  const budgets: OverviewBudget[] = [];
  for (const team of teamsOfPlatform(db, platform)) {
    if (!(await isMember(team.channelId))) continue;
    const annual = getAnnualBudget(db, team.id, year);
    const used = cents(budgetUsage(db, { teamId: team.id, start, end }));
    budgets.push({ channelId: team.channelId, year, annualCents: annual === null ? null : cents(annual), usedCents: used, leftCents: annual === null ? null : subCents(cents(annual), used) });
  }
  const admin = await ctx.directory.isAdmin(userId);
  const digest = admin ? lastDigestFor(ctx, platform) : null;
  const o: Overview = { mine, awaitingMe, budgets, digest, signals: admin ? openSignalsOf(ctx, platform) : null };
  return done('overview.shown', { overview: o, text: overviewText(o, platform) });
}
