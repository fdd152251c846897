// The single source of truth for the database. drizzle-kit generates drizzle/*.sql from this file.
// Money columns are integer euro cents (`*_cents`); instants are integer milliseconds since the epoch (UTC).
import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { PLATFORMS } from '../core/platform.js';
import { PREVENTED_OUTCOMES } from '../core/prevented.js';
import { REQUEST_STATUSES } from '../core/request.js';
import { SIGNAL_STATUSES } from '../core/signal.js';

const createdAt = () => integer('created_at', { mode: 'timestamp_ms' }).notNull();

/** A team is one chat channel on one platform: the first use of the bot in a channel creates it. */
export const teams = sqliteTable(
  'teams',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    platform: text('platform', { enum: PLATFORMS }).notNull(),
    workspaceId: text('workspace_id').notNull(),
    channelId: text('channel_id').notNull(),
    name: text('name').notNull().default(''),
    /** A request must stay strictly below this amount. */
    limitCents: integer('limit_cents').notNull().default(50000),
    approvalsNeeded: integer('approvals_needed').notNull().default(3),
    /** Per case reference, per calendar year; null means no cap. */
    householdCapCents: integer('household_cap_cents').default(50000),
    approvalEmoji: text('approval_emoji').notNull().default('white_check_mark,heavy_check_mark,+1'),
    objectionEmoji: text('objection_emoji').notNull().default('x,raised_hand'),
    reminderWorkingDays: integer('reminder_working_days').notNull().default(2),
    expiryDays: integer('expiry_days').notNull().default(14),
    digestChannelId: text('digest_channel_id'),
    /** Microsoft Teams: the Bot Connector endpoint of the channel (activity.serviceUrl), for proactive sends. */
    serviceUrl: text('service_url'),
    /** Microsoft Teams: the Entra tenant of the channel. */
    tenantId: text('tenant_id'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('teams_channel_uq').on(t.platform, t.workspaceId, t.channelId)],
);

/** The annual budget a team set for one calendar year (Europe/Amsterdam). */
export const teamBudgets = sqliteTable(
  'team_budgets',
  {
    teamId: integer('team_id').notNull().references(() => teams.id),
    year: integer('year').notNull(),
    amountCents: integer('amount_cents').notNull(),
    setBy: text('set_by').notNull(),
    setAt: integer('set_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.teamId, t.year] })],
);

/** Categories: team_id null is the default list every team sees. */
export const categories = sqliteTable(
  'categories',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    teamId: integer('team_id').references(() => teams.id),
    slug: text('slug').notNull(),
    labelNl: text('label_nl').notNull(),
    labelEn: text('label_en').notNull(),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }),
  },
  (t) => [uniqueIndex('categories_team_slug_uq').on(t.teamId, t.slug)],
);

export const requests = sqliteTable(
  'requests',
  {
    /** The request number people see (#12). */
    id: integer('id').primaryKey({ autoIncrement: true }),
    teamId: integer('team_id').notNull().references(() => teams.id),
    requesterId: text('requester_id').notNull(),
    amountCents: integer('amount_cents').notNull(),
    description: text('description').notNull(),
    supplierName: text('supplier_name').notNull(),
    supplierIban: text('supplier_iban').notNull(),
    categoryId: integer('category_id').references(() => categories.id),
    suggestedCategoryId: integer('suggested_category_id').references(() => categories.id),
    /** Pseudonymous case reference: never a name or BSN. Blanked by the retention purge. */
    caseRef: text('case_ref').notNull(),
    reason: text('reason', { enum: ['no_provision', 'too_slow'] }).notNull(),
    /** Free-text justification (optional). Blanked by the retention purge. */
    reasonText: text('reason_text').notNull().default(''),
    status: text('status', { enum: REQUEST_STATUSES }).notNull().default('open'),
    /** Bumped by an edit that resets approvals; reactions from older versions no longer count. */
    version: integer('version').notNull().default(1),
    channelId: text('channel_id').notNull(),
    /** The card's message ts, once posted. */
    messageTs: text('message_ts'),
    closedReason: text('closed_reason'),
    closedKind: text('closed_kind'),
    /** What the spend or the alternative prevented (one of a fixed list, never free text); null: not said. */
    prevented: text('prevented', { enum: PREVENTED_OUTCOMES }),
    preventedAt: integer('prevented_at', { mode: 'timestamp_ms' }),
    createdAt: createdAt(),
    decidedAt: integer('decided_at', { mode: 'timestamp_ms' }),
    closedAt: integer('closed_at', { mode: 'timestamp_ms' }),
    remindedAt: integer('reminded_at', { mode: 'timestamp_ms' }),
    purgedAt: integer('purged_at', { mode: 'timestamp_ms' }),
  },
  (t) => [
    uniqueIndex('requests_message_uq').on(t.channelId, t.messageTs),
    index('requests_team_created_idx').on(t.teamId, t.createdAt),
    index('requests_team_case_idx').on(t.teamId, t.caseRef),
    // Budgets used this year, by status and creation time (covering: team and amount included).
    index('requests_status_created_idx').on(t.status, t.createdAt, t.teamId, t.amountCents),
    // The digest: approved spends by approval month for all teams (covering: no row look-ups) ...
    index('requests_status_decided_idx').on(t.status, t.decidedAt, t.teamId, t.categoryId, t.amountCents, t.suggestedCategoryId, t.createdAt),
    // ... and for one team: the same after the team, and closed_at. Also serves (team_id, status) look-ups.
    index('requests_team_status_decided_idx').on(t.teamId, t.status, t.decidedAt, t.categoryId, t.amountCents, t.suggestedCategoryId, t.createdAt, t.closedAt),
    // Requests closed in the month.
    index('requests_status_closed_idx').on(t.status, t.closedAt, t.teamId),
    // What was prevented, by the month it was recorded.
    index('requests_prevented_idx').on(t.preventedAt, t.teamId),
  ],
);

/**
 * The latest known state of one emoji of one person on one card. Events can arrive twice or out of
 * order: `eventTs` (Slack's event_ts as a zero-padded sortable string) decides which one is newest.
 */
export const reactions = sqliteTable(
  'reactions',
  {
    requestId: integer('request_id').notNull().references(() => requests.id),
    userId: text('user_id').notNull(),
    emoji: text('emoji').notNull(),
    kind: text('kind', { enum: ['approve', 'object'] }).notNull(),
    present: integer('present', { mode: 'boolean' }).notNull(),
    version: integer('version').notNull(),
    eventTs: text('event_ts').notNull(),
  },
  (t) => [primaryKey({ columns: [t.requestId, t.userId, t.emoji] })],
);

/** One row per person who currently approves the current version of a request. */
export const approvals = sqliteTable(
  'approvals',
  {
    requestId: integer('request_id').notNull().references(() => requests.id),
    approverId: text('approver_id').notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.requestId, t.approverId] })],
);

/** One row per person who currently objects; the reason is asked for in the thread. */
export const objections = sqliteTable(
  'objections',
  {
    requestId: integer('request_id').notNull().references(() => requests.id),
    objectorId: text('objector_id').notNull(),
    reason: text('reason'),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.requestId, t.objectorId] })],
);

/** The payment to the supplier, recorded once when a request is approved. */
export const payments = sqliteTable(
  'payments',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    requestId: integer('request_id').notNull().references(() => requests.id),
    amountCents: integer('amount_cents').notNull(),
    supplierName: text('supplier_name').notNull(),
    supplierIban: text('supplier_iban').notNull(),
    categoryId: integer('category_id').references(() => categories.id),
    /** Comma-separated user ids of the approvers at decision time. */
    approvers: text('approvers').notNull(),
    recordedAt: integer('recorded_at', { mode: 'timestamp_ms' }).notNull(),
    exportedAt: integer('exported_at', { mode: 'timestamp_ms' }),
    exportBatch: text('export_batch'),
    paidAt: integer('paid_at', { mode: 'timestamp_ms' }),
    paidBy: text('paid_by'),
  },
  (t) => [uniqueIndex('payments_request_uq').on(t.requestId), index('payments_recorded_idx').on(t.recordedAt)],
);

/** Slack event ids already handled: a retry or duplicate is recognised and changes nothing. */
export const processedEvents = sqliteTable('processed_events', {
  eventId: text('event_id').primaryKey(),
  receivedAt: integer('received_at', { mode: 'timestamp_ms' }).notNull(),
});

/**
 * Durable outbox of chat updates. Rows with the same non-null `coalesceKey` that are still pending
 * are merged, so a burst of reactions becomes one card update.
 */
export const outbox = sqliteTable(
  'outbox',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    platform: text('platform', { enum: PLATFORMS }).notNull(),
    kind: text('kind').notNull(),
    payload: text('payload').notNull(),
    coalesceKey: text('coalesce_key'),
    attempts: integer('attempts').notNull().default(0),
    notBefore: integer('not_before', { mode: 'timestamp_ms' }).notNull(),
    lastError: text('last_error'),
    createdAt: createdAt(),
    doneAt: integer('done_at', { mode: 'timestamp_ms' }),
  },
  (t) => [
    // The pump's look-ups: the next due item and the earliest due time of one platform.
    index('outbox_due_idx').on(t.platform, t.doneAt, t.notBefore),
    uniqueIndex('outbox_coalesce_uq').on(t.coalesceKey).where(sql`${t.doneAt} is null and ${t.coalesceKey} is not null`),
  ],
);

/**
 * A request form submitted once: the platform's id of the form (Slack view id, Teams dialog id,
 * practice form token). A second submission of the same form answers like the first, files nothing.
 */
export const formSubmissions = sqliteTable(
  'form_submissions',
  {
    platform: text('platform', { enum: PLATFORMS }).notNull(),
    formId: text('form_id').notNull(),
    requestId: integer('request_id')
      .notNull()
      .references(() => requests.id),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.platform, t.formId] })],
);

/** Jobs that must run once (a reminder, a monthly digest): the key is claimed in a transaction. */
export const jobRuns = sqliteTable('job_runs', {
  key: text('key').primaryKey(),
  claimedAt: integer('claimed_at', { mode: 'timestamp_ms' }).notNull(),
  doneAt: integer('done_at', { mode: 'timestamp_ms' }),
});

/** Append-only, hash-chained audit trail: who, what, when, why. */
export const auditLog = sqliteTable(
  'audit_log',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    at: integer('at', { mode: 'timestamp_ms' }).notNull(),
    actorId: text('actor_id').notNull(),
    action: text('action').notNull(),
    teamId: integer('team_id'),
    requestId: integer('request_id'),
    /** JSON with the facts of the decision (never free text a resident could be named in). */
    detail: text('detail').notNull().default('{}'),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [index('audit_request_idx').on(t.requestId)],
);

/**
 * A recurring category or a theme a manager takes up, from noticing it to a structural solution
 * (src/core/signal.ts). No person's data: a category or theme, the measure, dates.
 */
export const signals = sqliteTable(
  'signals',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** Where it belongs: a Slack workspace, or a Microsoft Teams tenant. */
    platform: text('platform', { enum: PLATFORMS }).notNull(),
    workspaceId: text('workspace_id').notNull(),
    /** A category's slug, or null for a theme. */
    categorySlug: text('category_slug'),
    /** The category's Dutch label when it was signalled, or the theme as typed. */
    title: text('title').notNull(),
    status: text('status', { enum: SIGNAL_STATUSES }).notNull().default('signalled'),
    /** Where it was started: the digest's button, a chat command, the CLI. */
    source: text('source', { enum: ['digest', 'command', 'cli'] }).notNull(),
    /** The digest month it came from, YYYY-MM. */
    month: text('month'),
    discussedWith: text('discussed_with'),
    /** YYYY-MM-DD (Europe/Amsterdam calendar day). */
    discussedOn: text('discussed_on'),
    measureText: text('measure_text'),
    measureOwner: text('measure_owner'),
    /** When the measure takes effect, YYYY-MM-DD: the effect compares the months before and after. */
    measureDate: text('measure_date'),
    evaluation: text('evaluation'),
    /** Why no measure is possible, or a note on closing. */
    closedReason: text('closed_reason'),
    createdBy: text('created_by').notNull(),
    createdAt: createdAt(),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [index('signals_scope_idx').on(t.platform, t.workspaceId, t.status)],
);

/** The teams a signal concerns (one or more, of the signal's workspace). */
export const signalTeams = sqliteTable(
  'signal_teams',
  {
    signalId: integer('signal_id')
      .notNull()
      .references(() => signals.id),
    teamId: integer('team_id')
      .notNull()
      .references(() => teams.id),
  },
  (t) => [primaryKey({ columns: [t.signalId, t.teamId] }), index('signal_teams_team_idx').on(t.teamId)],
);

/**
 * Avoided cost per prevented outcome, set by the municipality itself with its source (CLI
 * `unit-cost set`). Empty by default: the product invents no figure.
 */
export const outcomeUnitCosts = sqliteTable('outcome_unit_costs', {
  outcome: text('outcome', { enum: PREVENTED_OUTCOMES }).primaryKey(),
  cents: integer('cents').notNull(),
  source: text('source').notNull(),
  setBy: text('set_by').notNull(),
  setAt: integer('set_at', { mode: 'timestamp_ms' }).notNull(),
});

export type Team = typeof teams.$inferSelect;
export type RequestRow = typeof requests.$inferSelect;
export type NewRequestRow = typeof requests.$inferInsert;
export type Category = typeof categories.$inferSelect;
export type Payment = typeof payments.$inferSelect;
export type AuditRow = typeof auditLog.$inferSelect;
export type SignalRow = typeof signals.$inferSelect;
