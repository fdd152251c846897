// The Teams bot: Microsoft's Teams SDK (@microsoft/teams.apps) receives Bot Framework activities
// on POST /api/messages (JWT-validated), the listeners translate them into use cases, and the
// outbox sends through the Bot Connector of each channel's serviceUrl. Same core and database as
// Slack. Only Bot Framework-issued tokens and the municipality's own tenants are let in.
import http from 'node:http';
import { App, ExpressAdapter } from '@microsoft/teams.apps';
import type { CloudEnvironment } from '@microsoft/teams.api';
import { PUBLIC, withOverrides } from '@microsoft/teams.api';
import type { ILogger } from '@microsoft/teams.common';
import type { AppDeps } from '../app/deps.js';
import type { DigestPort } from '../app/digest.js';
import { noTelemetry, timeEvent } from '../app/telemetry.js';
import { teamsEndpoint, TEAMS_SERVICE_HOSTS } from '../app/msteamsChannels.js';
import type { TeamsConfig } from '../config.js';
import type { Log } from '../log.js';
import { errorFields } from '../log.js';
import type { InboundActivity } from './activity.js';
import { tenantIdOf } from './activity.js';
import { teamsDigestPort } from './digest.js';
import { TeamsDirectory } from './directory.js';
import { onCardAction } from './listeners/buttons.js';
import { onMessage } from './listeners/commands.js';
import type { TeamsListenerContext } from './listeners/context.js';
import { onConversationUpdate } from './listeners/events.js';
import { onDialogOpen, onDialogSubmit } from './listeners/forms.js';
import { onReaction } from './listeners/reactions.js';
import { namesFor, TeamsOutbox, type Connector } from './outbox.js';
import { PersonalChats } from './personal.js';

export interface TeamsBotOptions extends TeamsConfig {
  adminUserIds: string[];
  membershipTtlMs: number;
  cardUpdateIntervalMs: number;
  cardUpdatesPerMinute?: number;
  /**
   * Tests only: where the Bot Framework signing keys are published and who issues the tokens
   * (a local JWKS), so inbound authentication stays on; and a fixed outbound token instead of Entra.
   */
  cloudOverrides?: Partial<CloudEnvironment>;
  outboundToken?: () => string;
  /** Tests only: the loopback Bot Connector double's host, allowed as a service URL. */
  extraServiceHosts?: string[];
  financeUserIds?: string[];
}

/** The issuer of a bearer token, read without verifying (the SDK verifies it next); null when unreadable. */
function tokenIssuer(authorization: string | undefined): string | null {
  const token = authorization?.startsWith('Bearer ') ? authorization.slice(7) : '';
  try {
    const payload = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as { iss?: unknown };
    return typeof payload.iss === 'string' ? payload.iss : null;
  } catch {
    return null;
  }
}

export interface TeamsBot {
  app: App;
  outbox: TeamsOutbox;
  directory: TeamsDirectory;
  /** Posts the monthly digest in a Teams channel. */
  digest: DigestPort;
  /** Start listening on `port` (0: a free one); resolves with the port. */
  start(port: number): Promise<number>;
  stop(): Promise<void>;
}

/** The SDK's own log lines can quote activities: only warnings and errors pass, as short event names. */
function sdkLogger(log: Log, name = 'teams'): ILogger {
  const short = (args: unknown[]) => (typeof args[0] === 'string' ? args[0].slice(0, 60).replace(/[:(].*$/, '') : args[0] instanceof Error ? args[0].name : typeof args[0]);
  const logger: ILogger = {
    debug: () => {},
    info: () => {},
    trace: () => {},
    warn: (...args: unknown[]) => log.warn('teams.sdk.warn', { logger: name, detail: short(args) }),
    error: (...args: unknown[]) => log.error('teams.sdk.error', { logger: name, detail: short(args) }),
    log: (level, ...args: unknown[]) => {
      if (level === 'warn') logger.warn(...args);
      if (level === 'error') logger.error(...args);
    },
    child: (child: string) => sdkLogger(log, `${name}/${child}`),
  };
  return logger;
}

export function createTeamsBot(config: TeamsBotOptions, deps: Omit<AppDeps, 'outboxWake'>, log: Log): TeamsBot {
  const server = http.createServer();
  const logger = sdkLogger(log);
  const cloud = config.cloudOverrides ? withOverrides(PUBLIC, config.cloudOverrides) : PUBLIC;
  const adapter = new ExpressAdapter(server, { logger });
  // Only tokens the Bot Framework issued: the SDK also accepts Entra tokens of any tenant (agentic
  // identities), whose activities could name any serviceUrl. The SDK verifies the token after this.
  adapter.use((req: http.IncomingMessage, res: http.ServerResponse, next: () => void) => {
    if (req.method === 'POST' && tokenIssuer(req.headers.authorization) !== cloud.tokenIssuer) {
      log.warn('teams.token_refused', { code: 'issuer' });
      res.statusCode = 401;
      res.end();
      return;
    }
    next();
  });
  const app = new App({
    clientId: config.clientId,
    tenantId: config.tenantId,
    ...(config.outboundToken ? { token: config.outboundToken } : { clientSecret: config.clientSecret }),
    // Inbound JWT validation stays on (never dangerouslyAllowUnauthenticatedRequests).
    dangerouslyAllowUnauthenticatedRequests: false,
    cloud,
    httpServerAdapter: adapter,
    logger,
    activity: { mentions: { stripText: false } },
  });

  const apiFor = (serviceUrl: string) => app.api.fromServiceUrl({ serviceUrl: serviceUrl.replace(/\/+$/, '') });
  const connector: Connector = {
    async create(serviceUrl, conversationId, activity) {
      const res = await apiFor(serviceUrl).conversations.createActivity(conversationId, activity as never);
      return { id: String(res.id ?? '') };
    },
    async update(serviceUrl, conversationId, activityId, activity) {
      await apiFor(serviceUrl).conversations.updateActivity(conversationId, activityId, activity as never);
    },
    async createPersonal(serviceUrl, tenantId, userId) {
      const res = await apiFor(serviceUrl).conversations.create({
        isGroup: false,
        bot: { id: `28:${config.clientId}` },
        members: [{ id: userId }],
        tenantId,
        channelData: { tenant: { id: tenantId } },
      } as never);
      return { id: String(res.id ?? '') };
    },
    async canReach(serviceUrl, conversationId) {
      try {
        await apiFor(serviceUrl).conversations.getPagedMembers(conversationId, 1);
        return true;
      } catch {
        return false;
      }
    },
  };
  const directory = new TeamsDirectory(
    (channelId) => teamsEndpoint(deps, channelId)?.serviceUrl ?? null,
    async (serviceUrl, conversationId, token) => {
      const res = await apiFor(serviceUrl).conversations.getPagedMembers(conversationId, 200, token);
      return { members: res.members ?? [], ...(res.continuationToken ? { continuationToken: res.continuationToken } : {}) };
    },
    (serviceUrl, channelId) => connector.canReach(serviceUrl, channelId),
    { adminUserIds: config.adminUserIds, financeUserIds: config.financeUserIds ?? [], membershipTtlMs: config.membershipTtlMs },
  );
  const personal = new PersonalChats(connector, log);
  const outbox = new TeamsOutbox(deps.store, connector, directory, personal, deps.clock, log, {
    cardUpdateIntervalMs: config.cardUpdateIntervalMs,
    cardUpdatesPerMinute: config.cardUpdatesPerMinute ?? 0,
  });
  const names = namesFor(deps.store, directory);
  const l: TeamsListenerContext = {
    ctx: { ...deps, outboxWake: () => outbox.wake(), directory },
    log,
    personal,
    names,
    serviceHosts: [...TEAMS_SERVICE_HOSTS, ...(config.extraServiceHosts ?? [])],
  };
  const allowedTenants = new Set([config.tenantId, ...(config.allowedTenantIds ?? [])]);

  outbox.telemetry = deps.telemetry ?? noTelemetry;
  const guard = async <T>(what: string, fn: () => Promise<T>, fallback: T): Promise<T> => {
    try {
      return await timeEvent(deps.telemetry ?? noTelemetry, 'teams', what, fn);
    } catch (e) {
      log.error('teams.handler.failed', { what, ...errorFields(e) });
      return fallback;
    }
  };
  const activityOf = (a: unknown) => a as InboundActivity;

  // The municipality's tenants only: an activity from another tenant is refused (logged with a code).
  app.use(async ({ activity, next }) => {
    if (!allowedTenants.has(tenantIdOf(activityOf(activity)))) {
      log.warn('teams.tenant_refused', { code: 'tenant' });
      return;
    }
    return next();
  });
  app.on('message', async ({ activity, send }) => {
    const reply = await guard('message', () => onMessage(l, activityOf(activity)), null);
    if (reply) await send(reply as never).catch((e: unknown) => log.warn('teams.reply.failed', errorFields(e)));
  });
  app.on('dialog.open', async ({ activity }) => (await guard('dialog.open', () => onDialogOpen(l, activityOf(activity)), undefined)) as never);
  app.on('dialog.submit', async ({ activity }) => (await guard('dialog.submit', () => onDialogSubmit(l, activityOf(activity)), undefined)) as never);
  app.on('card.action', async ({ activity }) => (await guard('card.action', () => onCardAction(l, activityOf(activity)), undefined)) as never);
  app.on('messageReaction', async ({ activity }) => {
    await guard('reaction', () => onReaction(l, activityOf(activity)), undefined);
  });
  app.on('conversationUpdate', async ({ activity }) => onConversationUpdate(l, activityOf(activity)));

  return {
    app,
    outbox,
    directory,
    digest: teamsDigestPort(deps.store, connector, names),
    async start(port: number) {
      // The SDK takes a port of 0 as "none given" and listens on $PORT or 3978 instead, so two bots
      // on one machine collide; it only logs that failure. As the string "0", node takes a free port.
      await app.start((port === 0 ? '0' : port) as number);
      if (!server.listening) throw new Error(`the Teams bot could not listen on port ${port}`);
      outbox.releaseLeases();
      outbox.wake();
      const address = server.address();
      return typeof address === 'object' && address !== null ? address.port : port;
    },
    async stop() {
      await outbox.stop();
      await app.stop();
      server.closeAllConnections?.();
    },
  };
}
