// Shared pieces of the robustness tests: seeding requests with a card straight into the database,
// an oracle of the approval rules, and replaying the audit trail.
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Directory } from '../../src/app/deps.js';
import { normalizeEmoji } from '../../src/core/approval.js';
import type { Store } from '../../src/store/db.js';
import { insertRequest } from '../../src/store/requests.js';
import { approvals, auditLog, objections, payments, processedEvents, requests, teams } from '../../src/store/schema.js';
import { ensureTeam } from '../../src/store/teams.js';
import { sign } from '../support/slackRequests.js';

export const APPROVE = new Set(['white_check_mark', 'heavy_check_mark', '+1']);
export const OBJECT = new Set(['x', 'raised_hand']);

let cardCounter = 0;
/** A unique card ts (Slack message ts format). */
export function nextCardTs(): string {
  cardCounter++;
  return `1600000000.${String(cardCounter).padStart(6, '0')}`;
}

/** Create (or find) the team of `channelId` and set how many approvals it needs. */
export function seedTeam(store: Store, channelId: string, approvalsNeeded = 3, workspaceId = 'T0001') {
  return store.tx((tx) => {
    const { team } = ensureTeam(tx, { platform: 'slack', workspaceId, channelId }, new Date('2026-01-05T09:00:00Z'));
    tx.update(teams).set({ approvalsNeeded }).where(eq(teams.id, team.id)).run();
    return team.id;
  });
}

/** An open request whose card is already posted (message ts known). */
export function seedRequest(store: Store, teamId: number, channelId: string, requesterId = 'UREQ', messageTs = nextCardTs(), createdAt = new Date('2026-01-05T09:00:00Z')) {
  const row = store.tx((tx) =>
    insertRequest(tx, {
      teamId,
      requesterId,
      amountCents: 4250,
      description: 'Koelkast voor insuline',
      supplierName: 'Witgoed Noord',
      supplierIban: 'NL91ABNA0417164300',
      caseRef: 'WT-2026-001',
      reason: 'no_provision',
      channelId,
      messageTs,
      createdAt,
    }),
  );
  return { id: row.id, ts: messageTs };
}

/** A directory that answers from sets, yielding to the event loop so concurrent calls interleave. */
export class FakeDirectory implements Directory {
  constructor(
    readonly members: Set<string>,
    readonly bots: Set<string>,
    private readonly yieldTurns: () => number = () => 0,
  ) {}
  private async pause(): Promise<void> {
    for (let i = this.yieldTurns(); i > 0; i--) await new Promise((r) => setImmediate(r));
  }
  async isBot(userId: string): Promise<boolean> {
    await this.pause();
    return this.bots.has(userId);
  }
  async isChannelMember(_channelId: string, userId: string): Promise<boolean> {
    await this.pause();
    return this.members.has(userId);
  }
}

export interface OracleEvent {
  requestId: number;
  userId: string;
  emoji: string;
  added: boolean;
  eventTs: string;
}

function sortable(ts: string): string {
  const [s = '0', f = '0'] = ts.split('.');
  return `${s.padStart(12, '0')}.${f.padEnd(6, '0').slice(0, 6)}`;
}

export interface OracleState {
  status: 'open' | 'on_hold' | 'approved';
  approvers: Set<string>;
  objectors: Set<string>;
  /** Approvers when the request was approved. */
  decidedBy: Set<string> | null;
}

/**
 * The rules, written independently of the code: events in the order they were applied; per
 * (person, emoji) only a newer event_ts changes anything; a person holds an approval while any
 * approval emoji of theirs is present; an objection holds the request; N approvers decide, once.
 */
export function oracle(events: OracleEvent[], approvalsNeeded: number): Map<number, OracleState> {
  const states = new Map<number, OracleState & { reactions: Map<string, { present: boolean; ts: string }> }>();
  for (const ev of events) {
    let st = states.get(ev.requestId);
    if (!st) {
      st = { status: 'open', approvers: new Set(), objectors: new Set(), decidedBy: null, reactions: new Map() };
      states.set(ev.requestId, st);
    }
    if (st.status === 'approved') continue;
    const emoji = normalizeEmoji(ev.emoji);
    const key = `${ev.userId}|${emoji}`;
    const ts = sortable(ev.eventTs);
    const prev = st.reactions.get(key);
    if (prev && prev.ts >= ts) continue;
    st.reactions.set(key, { present: ev.added, ts });
    const holders = (set: Set<string>) =>
      new Set([...st!.reactions].filter(([k, v]) => v.present && set.has(k.split('|')[1]!)).map(([k]) => k.split('|')[0]!));
    st.approvers = holders(APPROVE);
    st.objectors = holders(OBJECT);
    st.status = st.objectors.size > 0 ? 'on_hold' : st.approvers.size >= approvalsNeeded ? 'approved' : 'open';
    if (st.status === 'approved') st.decidedBy = new Set(st.approvers);
  }
  return states;
}

/** Claimed event ids (platform-prefixed) in the order their transactions committed. */
export function claimedInOrder(store: Store, prefix: string): string[] {
  return store.db
    .select({ id: processedEvents.eventId })
    .from(processedEvents)
    .where(sql`${processedEvents.eventId} like ${`${prefix}%`}`)
    .orderBy(sql`rowid`)
    .all()
    .map((r) => r.id);
}

export interface Replayed {
  status: string;
  approvers: Set<string>;
  objectors: Set<string>;
}

/** Rebuild approvals, objections and statuses from the audit trail alone. */
export function replayAudit(store: Store, requestIds: number[]): Map<number, Replayed> {
  const out = new Map<number, Replayed>();
  for (const id of requestIds) out.set(id, { status: 'open', approvers: new Set(), objectors: new Set() });
  const rows = store.db.select().from(auditLog).where(inArray(auditLog.requestId, requestIds)).orderBy(asc(auditLog.id)).all();
  for (const row of rows) {
    const st = out.get(row.requestId!)!;
    switch (row.action) {
      case 'approval.added':
        st.approvers.add(row.actorId);
        break;
      case 'approval.removed':
        st.approvers.delete(row.actorId);
        break;
      case 'objection.added':
        st.objectors.add(row.actorId);
        break;
      case 'objection.removed':
        st.objectors.delete(row.actorId);
        break;
      case 'request.approved':
        st.status = 'approved';
        break;
      case 'request.on_hold':
        st.status = 'on_hold';
        break;
      case 'request.reopened':
        st.status = 'open';
        break;
    }
  }
  return out;
}

/** What the database says about a request now. */
export function dbState(store: Store, requestId: number) {
  const status = store.db.select({ s: requests.status }).from(requests).where(eq(requests.id, requestId)).get()!.s;
  const approvers = new Set(store.db.select().from(approvals).where(eq(approvals.requestId, requestId)).all().map((a) => a.approverId));
  const objectors = new Set(store.db.select().from(objections).where(eq(objections.requestId, requestId)).all().map((o) => o.objectorId));
  const pays = store.db.select().from(payments).where(eq(payments.requestId, requestId)).all();
  return { status, approvers, objectors, payments: pays };
}

export function countRows(store: Store, table: 'requests' | 'audit_log' | 'approvals' | 'objections' | 'payments' | 'reactions' | 'outbox') {
  return (store.sqlite.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;
}

/** A signed reaction event with its own timestamp, as Slack sends a retry: re-signed, new timestamp. */
export function signedReaction(
  secret: string,
  p: { type: 'reaction_added' | 'reaction_removed'; eventId: string; userId: string; reaction: string; channelId: string; ts: string; eventTs: string },
  timestampSec: number,
  teamId = 'T0001',
) {
  const body = JSON.stringify({
    token: 'verification-token',
    team_id: teamId,
    api_app_id: 'A0001',
    event: { type: p.type, user: p.userId, reaction: p.reaction, item: { type: 'message', channel: p.channelId, ts: p.ts }, event_ts: p.eventTs },
    type: 'event_callback',
    event_id: p.eventId,
    event_time: Math.floor(Number(p.eventTs)),
    authorizations: [{ enterprise_id: null, team_id: teamId, user_id: 'UBOT', is_bot: true, is_enterprise_install: false }],
  });
  return { body, headers: { 'content-type': 'application/json', ...sign(secret, body, timestampSec) } };
}

export const sameSet = (a: Set<string>, b: Set<string>) => a.size === b.size && [...a].every((x) => b.has(x));
export { and };
