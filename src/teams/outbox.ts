// Sends what the outbox holds to Teams through the Bot Connector: the card as a new channel
// thread, card updates in place (PUT activity), replies in the card's thread. Retries on 429
// (honouring Retry-After), 5xx and network errors; one update per card per interval at most.
import { loadCard } from '../app/card.js';
import type { Clock } from '../app/deps.js';
import { OutboxPump, Postpone, type SendFailure } from '../app/outboxPump.js';
import type { Message } from '../core/messages.js';
import type { Store } from '../store/db.js';
import type { OutboxRow } from '../store/outbox.js';
import { getTeam } from '../store/teams.js';
import { updateRequest } from '../store/requests.js';
import type { Log } from '../log.js';
import { attachment, cardSummary, objectionAskCard, requestCard, type NameOf } from './cards.js';
import type { TeamsDirectory } from './directory.js';
import { teamsText } from './texts.js';

/** The Bot Connector calls the sender needs (the SDK's ApiClient behind it; a double in tests). */
export interface Connector {
  create(serviceUrl: string, conversationId: string, activity: object): Promise<{ id: string }>;
  update(serviceUrl: string, conversationId: string, activityId: string, activity: object): Promise<void>;
  /** Create (or get back) the 1:1 conversation of the bot with one person. */
  createPersonal(serviceUrl: string, tenantId: string, userId: string): Promise<{ id: string }>;
  /** Whether the bot can read the conversation (it is installed there): a one-member roster page. */
  canReach(serviceUrl: string, conversationId: string): Promise<boolean>;
}

/** HTTP status and Retry-After of a failed Bot Connector call (axios-style errors). */
function httpFailure(e: unknown): { status: number | undefined; retryAfterSec: number | undefined } {
  const res = (e as { response?: { status?: number; headers?: Record<string, unknown> } }).response;
  const ra = res?.headers?.['retry-after'];
  const retryAfterSec = ra !== undefined && Number.isFinite(Number(ra)) ? Number(ra) : undefined;
  return { status: res?.status, retryAfterSec };
}

/** Thread texts name people as `<@id>`; Teams shows their display name. */
export function withNames(text: string, name: NameOf): string {
  return text.replace(/<@([^>]+)>/g, (_, id: string) => name(id));
}

export const teamsBilingual = (msg: Message) => `${msg.nl}\n\n_${msg.en}_`;

export class TeamsOutbox extends OutboxPump {
  constructor(
    store: Store,
    private readonly connector: Connector,
    private readonly directory: TeamsDirectory,
    clock: Clock,
    log: Log,
    opts: { cardUpdateIntervalMs: number; cardUpdatesPerMinute?: number },
  ) {
    // A taken item is leased for longer than any Bot Connector call can take.
    super(store, clock, log, {
      platform: 'teams',
      cardUpdateIntervalMs: opts.cardUpdateIntervalMs,
      cardUpdatesPerMinute: opts.cardUpdatesPerMinute ?? 0,
      leaseMs: 60_000,
    });
  }

  protected failure(e: unknown): SendFailure {
    const { status, retryAfterSec } = httpFailure(e);
    if (status === 400 || status === 403 || status === 404) return { permanent: true, reason: `http_${status}` };
    return { permanent: false, reason: status ? `http_${status}` : 'error', ...(retryAfterSec !== undefined ? { retryAfterSec } : {}) };
  }

  private nameOf: NameOf = (id) => this.directory.nameOf(id) ?? teamsText.someone.nl;

  protected async send(row: OutboxRow): Promise<void> {
    const item = row.item;
    const model = loadCard(this.store.db, item.requestId);
    if (!model) return;
    const { request } = model;
    const team = getTeam(this.store.db, request.teamId);
    if (!team.serviceUrl) throw new Error('teams team without serviceUrl');
    // Display names come from the roster; a failure there must not block the card.
    await this.directory.roster(request.channelId).catch(() => undefined);
    const cardActivity = () => ({ type: 'message', summary: cardSummary(model), attachments: [attachment(requestCard(model, this.nameOf))] });
    if (item.kind === 'card.post') {
      if (request.messageTs) return;
      const res = await this.connector.create(team.serviceUrl, request.channelId, cardActivity());
      if (!res.id) throw new Error('no activity id for the card');
      this.store.tx((tx) => updateRequest(tx, request.id, { messageTs: res.id }));
      this.cardDrawn(request.id);
      this.log.info('teams.card.posted', { requestId: request.id });
      return;
    }
    if (!request.messageTs) throw new Postpone(this.clock.now().getTime() + 500);
    if (item.kind === 'card.update') {
      this.throttleCard(request.id);
      await this.connector.update(team.serviceUrl, request.channelId, request.messageTs, { ...cardActivity(), id: request.messageTs });
      this.log.info('teams.card.updated', { requestId: request.id, status: request.status });
      return;
    }
    const text = withNames(teamsBilingual(item.message), this.nameOf);
    const thread = `${request.channelId};messageid=${request.messageTs}`;
    await this.connector.create(
      team.serviceUrl,
      thread,
      item.askReasonFrom
        ? { type: 'message', summary: text.slice(0, 100), attachments: [attachment(objectionAskCard(text, request.id))] }
        : { type: 'message', textFormat: 'markdown', text },
    );
    this.log.info('teams.thread.posted', { requestId: request.id });
  }
}
