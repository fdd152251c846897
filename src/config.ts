// The environment, read once and validated; nothing else reads process.env.
import { z } from 'zod';

const csv = z
  .string()
  .default('')
  .transform((s) =>
    s
      .split(',')
      .map((x) => x.trim())
      .filter(Boolean),
  );

const EnvSchema = z.object({
  DATABASE_URL: z.string().min(1).default('./data/minimaatwerk.db'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
  SLACK_BOT_TOKEN: z.string().startsWith('xoxb-', 'must start with xoxb-').optional(),
  SLACK_SIGNING_SECRET: z.string().min(1).optional(),
  SLACK_APP_TOKEN: z.string().startsWith('xapp-', 'must start with xapp-').optional(),
  SLACK_API_URL: z.url().optional(),
  /** Slack user ids that are team admins everywhere (besides workspace admins and owners). */
  ADMIN_USER_IDS: csv,
  /** Minimum time between two updates of the same card (Slack allows about one message a second). */
  CARD_UPDATE_INTERVAL_MS: z.coerce.number().int().min(0).default(1000),
  /** Card updates per minute for all cards of a workspace together (Slack chat.update: tier 3, 50+/min); 0 = no limit. */
  CARD_UPDATES_PER_MINUTE: z.coerce.number().int().min(0).default(50),
  /** How long a channel's member list is trusted before it is fetched again. */
  MEMBERSHIP_TTL_SECONDS: z.coerce.number().int().min(0).default(600),
  /** Pause between two reactions.get calls of the start-up reconciliation (Slack tier 3, ~50/min). */
  RECONCILE_PACE_MS: z.coerce.number().int().min(0).default(1200),
  /** How often reminders and expiry are checked. */
  SCHEDULER_INTERVAL_SECONDS: z.coerce.number().int().min(1).default(300),
  /** User ids of the finance group: they mark payments paid (never ones they approved). */
  FINANCE_USER_IDS: csv,
  /** Default managers' channel for the monthly digest (a team can set its own with /minimaatwerk digest-kanaal). */
  DIGEST_CHANNEL_ID: z.string().optional(),
  /** Microsoft Teams bot registration (Entra app): all three, or none. */
  TEAMS_CLIENT_ID: z.string().optional(),
  TEAMS_CLIENT_SECRET: z.string().optional(),
  TEAMS_TENANT_ID: z.string().optional(),
  /** More Entra tenants whose Teams activities are let in, besides TEAMS_TENANT_ID (comma-separated). */
  TEAMS_ALLOWED_TENANTS: csv,
  /** Port of the Teams messaging endpoint (/api/messages). */
  TEAMS_PORT: z.coerce.number().int().min(0).max(65535).default(3978),
  /** Port of /healthz, /readyz and /metrics, in every mode. */
  HEALTH_PORT: z.coerce.number().int().min(0).max(65535).default(9091),
  /** /readyz fails when the oldest undelivered chat update is older than this. */
  READY_OUTBOX_MAX_AGE_SECONDS: z.coerce.number().int().min(1).default(300),
  /** Not 'production', and no SLACK_* or TEAMS_* setting at all: the practice channel in the browser. */
  NODE_ENV: z.string().optional(),
});

export type Env = z.infer<typeof EnvSchema>;

export interface SlackConfig {
  botToken: string;
  signingSecret: string | undefined;
  appToken: string | undefined;
  apiUrl: string | undefined;
}

export interface TeamsConfig {
  clientId: string;
  clientSecret: string;
  tenantId: string;
  /** Tenants let in besides tenantId. */
  allowedTenantIds?: string[];
  port: number;
}

export interface Config {
  databaseUrl: string;
  port: number;
  logLevel: Env['LOG_LEVEL'];
  adminUserIds: string[];
  cardUpdateIntervalMs: number;
  cardUpdatesPerMinute: number;
  reconcilePaceMs: number;
  membershipTtlMs: number;
  schedulerIntervalMs: number;
  financeUserIds: string[];
  digestChannelId: string | undefined;
  slack: SlackConfig | null;
  teams: TeamsConfig | null;
  healthPort: number;
  readyOutboxMaxAgeSeconds: number;
  /** No chat settings at all and not in production: the practice channel on PORT (src/web). */
  practice: boolean;
}

/** The practice channel's own database unless DATABASE_URL says otherwise: practice data never mixes with a team's. */
export const PRACTICE_DATABASE_URL = './data/oefenomgeving.db';

export class ConfigError extends Error {}

/** What the admin CLI needs: only the database (no chat credentials). */
export function loadDatabaseUrl(env: NodeJS.ProcessEnv = process.env): string {
  return EnvSchema.shape.DATABASE_URL.parse(env.DATABASE_URL ? env.DATABASE_URL : undefined);
}

/** Who may act in the admin CLI (`--by`): finance for money, admins for purge; empty = not checked. */
export function loadDutyLists(env: NodeJS.ProcessEnv = process.env): { financeUserIds: string[]; adminUserIds: string[] } {
  return { financeUserIds: EnvSchema.shape.FINANCE_USER_IDS.parse(env.FINANCE_USER_IDS), adminUserIds: EnvSchema.shape.ADMIN_USER_IDS.parse(env.ADMIN_USER_IDS) };
}

/** The developer shown in the Teams app's details; the defaults are placeholders (see .env.example). */
const TeamsPackageSchema = z.object({
  TEAMS_CLIENT_ID: z.guid('must be the Entra app (client) id, a GUID'),
  TEAMS_DEVELOPER_NAME: z.string().min(1).max(32).default('minimaatwerk'),
  TEAMS_DEVELOPER_URL: z.url({ protocol: /^https$/, error: 'must be an https:// URL' }).default('https://example.org/minimaatwerk'),
  TEAMS_PRIVACY_URL: z.url({ protocol: /^https$/, error: 'must be an https:// URL' }).optional(),
  TEAMS_TERMS_URL: z.url({ protocol: /^https$/, error: 'must be an https:// URL' }).optional(),
});

export interface TeamsPackageSettings {
  botId: string;
  developer: { name: string; websiteUrl: string; privacyUrl: string; termsOfUseUrl: string };
  /** The developer pages are the documented placeholders. */
  placeholderUrls: boolean;
}

/** What `npm run teams:package` needs; a missing or wrong setting throws one line that names it. */
export function loadTeamsPackageSettings(env: NodeJS.ProcessEnv = process.env): TeamsPackageSettings {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([k, v]) => k.startsWith('TEAMS_') && v !== ''));
  const parsed = TeamsPackageSchema.safeParse(cleaned);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const name = String(issue?.path[0] ?? 'environment');
    const why = name === 'TEAMS_CLIENT_ID' && cleaned.TEAMS_CLIENT_ID === undefined ? 'the Entra app (client) id of the bot registration is needed as the app and bot id' : (issue?.message ?? 'invalid');
    throw new ConfigError(`${cleaned[name] === undefined ? 'missing' : 'wrong'} setting ${name}: ${why}; see .env.example`);
  }
  const e = parsed.data;
  const base = e.TEAMS_DEVELOPER_URL.replace(/\/+$/, '');
  return {
    botId: e.TEAMS_CLIENT_ID.toLowerCase(),
    developer: { name: e.TEAMS_DEVELOPER_NAME, websiteUrl: base, privacyUrl: e.TEAMS_PRIVACY_URL ?? `${base}/privacy`, termsOfUseUrl: e.TEAMS_TERMS_URL ?? `${base}/voorwaarden` },
    placeholderUrls: cleaned.TEAMS_DEVELOPER_URL === undefined,
  };
}

export const HINTS: Record<string, string> = {
  SLACK_BOT_TOKEN: 'the Bot User OAuth Token (xoxb-…) from your Slack app’s OAuth & Permissions page',
  SLACK_SIGNING_SECRET: 'the Signing Secret from your Slack app’s Basic Information page (needed without SLACK_APP_TOKEN)',
  SLACK_APP_TOKEN: 'an app-level token (xapp-…) with connections:write, for Socket Mode',
};

/** Validate the environment; a missing or wrong setting throws one line that names it. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== ''));
  const parsed = EnvSchema.safeParse(cleaned);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const name = String(issue?.path[0] ?? 'environment');
    throw new ConfigError(`wrong setting ${name}: ${issue?.message ?? 'invalid'}${HINTS[name] ? ` (${HINTS[name]})` : ''}; see .env.example`);
  }
  const e = parsed.data;
  refusePlaceholders(e);
  const teamsSet = [e.TEAMS_CLIENT_ID, e.TEAMS_CLIENT_SECRET, e.TEAMS_TENANT_ID];
  const teams =
    e.TEAMS_CLIENT_ID && e.TEAMS_CLIENT_SECRET && e.TEAMS_TENANT_ID
      ? { clientId: e.TEAMS_CLIENT_ID, clientSecret: e.TEAMS_CLIENT_SECRET, tenantId: e.TEAMS_TENANT_ID, allowedTenantIds: e.TEAMS_ALLOWED_TENANTS, port: e.TEAMS_PORT }
      : null;
  if (!teams && teamsSet.some(Boolean)) {
    const missing = ['TEAMS_CLIENT_ID', 'TEAMS_CLIENT_SECRET', 'TEAMS_TENANT_ID'][teamsSet.findIndex((v) => !v)];
    throw new ConfigError(`missing setting ${missing}: Teams needs TEAMS_CLIENT_ID, TEAMS_CLIENT_SECRET and TEAMS_TENANT_ID together; see .env.example`);
  }
  // Not one chat setting, outside production: practise in the browser instead of stopping (never in production).
  const practice = !Object.keys(cleaned).some((k) => /^(SLACK|TEAMS)_/.test(k)) && e.NODE_ENV !== 'production';
  const slackWanted = Boolean(e.SLACK_BOT_TOKEN || e.SLACK_APP_TOKEN || e.SLACK_SIGNING_SECRET) || (!teams && !practice);
  if (slackWanted && !e.SLACK_BOT_TOKEN) throw new ConfigError(`missing setting SLACK_BOT_TOKEN: ${HINTS.SLACK_BOT_TOKEN}; see .env.example`);
  if (slackWanted && !e.SLACK_APP_TOKEN && !e.SLACK_SIGNING_SECRET) {
    throw new ConfigError(`missing setting SLACK_SIGNING_SECRET: ${HINTS.SLACK_SIGNING_SECRET}; see .env.example`);
  }
  return {
    databaseUrl: practice && !cleaned.DATABASE_URL ? PRACTICE_DATABASE_URL : e.DATABASE_URL,
    port: e.PORT,
    logLevel: e.LOG_LEVEL,
    adminUserIds: e.ADMIN_USER_IDS,
    cardUpdateIntervalMs: e.CARD_UPDATE_INTERVAL_MS,
    cardUpdatesPerMinute: e.CARD_UPDATES_PER_MINUTE,
    reconcilePaceMs: e.RECONCILE_PACE_MS,
    membershipTtlMs: e.MEMBERSHIP_TTL_SECONDS * 1000,
    schedulerIntervalMs: e.SCHEDULER_INTERVAL_SECONDS * 1000,
    financeUserIds: e.FINANCE_USER_IDS,
    digestChannelId: e.DIGEST_CHANNEL_ID,
    slack:
      slackWanted && e.SLACK_BOT_TOKEN
        ? { botToken: e.SLACK_BOT_TOKEN, signingSecret: e.SLACK_SIGNING_SECRET, appToken: e.SLACK_APP_TOKEN, apiUrl: e.SLACK_API_URL }
        : null,
    teams,
    healthPort: e.HEALTH_PORT,
    readyOutboxMaxAgeSeconds: e.READY_OUTBOX_MAX_AGE_SECONDS,
    practice,
  };
}

/** .env.example's `xoxb-...` and `xapp-...` (or the README's `xoxb-…`): no real Slack token has dots or an ellipsis. */
const PLACEHOLDER = /\.\.\.|…/;

function refusePlaceholders(e: Env): void {
  if (e.SLACK_BOT_TOKEN && PLACEHOLDER.test(e.SLACK_BOT_TOKEN)) {
    throw new ConfigError(`SLACK_BOT_TOKEN is still the placeholder from .env.example: put in ${HINTS.SLACK_BOT_TOKEN}`);
  }
  if (e.SLACK_APP_TOKEN && PLACEHOLDER.test(e.SLACK_APP_TOKEN)) {
    throw new ConfigError(
      `SLACK_APP_TOKEN is still the placeholder from .env.example: put in ${HINTS.SLACK_APP_TOKEN}, or leave it empty for HTTP mode (with SLACK_SIGNING_SECRET)`,
    );
  }
}
