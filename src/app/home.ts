// The App Home overview for one person: their open requests, what waits for their approval, budgets.
import { and, eq, inArray, ne } from 'drizzle-orm';
import type { Cents } from '../core/money.js';
import { cents, subCents } from '../core/money.js';
import { yearOf, yearRange } from '../core/time.js';
import type { Store } from '../store/db.js';
import { approvals, requests, teams, type RequestRow, type Team } from '../store/schema.js';
import { budgetUsage } from '../store/requests.js';
import { getAnnualBudget } from '../store/teams.js';
import type { Directory } from './deps.js';

export interface TeamBudgetLine {
  team: Team;
  year: number;
  annualCents: Cents | null;
  usedCents: Cents;
  leftCents: Cents | null;
}

export interface HomeModel {
  mine: RequestRow[];
  awaitingMe: RequestRow[];
  budgets: TeamBudgetLine[];
}

const UNDECIDED = ['open', 'on_hold'] as const;

export async function homeFor(store: Store, platform: 'slack' | 'teams', userId: string, directory: Directory, now: Date): Promise<HomeModel> {
  const db = store.db;
  const mine = db
    .select({ r: requests })
    .from(requests)
    .innerJoin(teams, eq(teams.id, requests.teamId))
    .where(and(eq(teams.platform, platform), eq(requests.requesterId, userId), inArray(requests.status, [...UNDECIDED])))
    .orderBy(requests.id)
    .all()
    .map((x) => x.r);
  const others = db
    .select({ r: requests })
    .from(requests)
    .innerJoin(teams, eq(teams.id, requests.teamId))
    .where(and(eq(teams.platform, platform), ne(requests.requesterId, userId), inArray(requests.status, [...UNDECIDED])))
    .orderBy(requests.id)
    .all()
    .map((x) => x.r);
  const approvedByMe = new Set(
    db.select({ id: approvals.requestId }).from(approvals).where(eq(approvals.approverId, userId)).all().map((a) => a.id),
  );
  const awaitingMe: RequestRow[] = [];
  const memberOf = new Map<string, boolean>();
  for (const r of others) {
    if (approvedByMe.has(r.id) || !r.messageTs) continue;
    if (!memberOf.has(r.channelId)) memberOf.set(r.channelId, await directory.isChannelMember(r.channelId, userId));
    if (memberOf.get(r.channelId)) awaitingMe.push(r);
  }
  const teamRows = db.select().from(teams).where(eq(teams.platform, platform)).all();
  const year = yearOf(now);
  const { start, end } = yearRange(year);
  const budgets: TeamBudgetLine[] = [];
  for (const team of teamRows) {
    if (!memberOf.has(team.channelId)) memberOf.set(team.channelId, await directory.isChannelMember(team.channelId, userId));
    if (!memberOf.get(team.channelId)) continue;
    const annual = getAnnualBudget(db, team.id, year);
    const used = cents(budgetUsage(db, { teamId: team.id, start, end }));
    budgets.push({ team, year, annualCents: annual === null ? null : cents(annual), usedCents: used, leftCents: annual === null ? null : subCents(cents(annual), used) });
  }
  return { mine, awaitingMe, budgets };
}
