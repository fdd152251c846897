// Sends what the outbox holds to Teams through the Bot Connector: the card as a new channel
// thread, card updates in place (PUT activity), replies in the card's thread, a message for one
// person in their 1:1 chat. Retries on 429 (honouring Retry-After), 5xx and network errors; one
// update per card per interval at most.
import { cardPosted, loadCard } from '../app/card.js';
import type { Clock } from '../app/deps.js';
import { channelNameOf, teamsEndpoint } from '../app/msteamsChannels.js';
import { OutboxPump, Postpone, type OutboxRow, type SendFailure, type Store } from '../app/outboxPump.js';
import { cardView } from '../core/messages.js';
import { isUndecided } from '../core/request.js';
import type { Log } from '../log.js';
import { attachment } from './cards/common.js';
import { cardSummary, objectionAskCard, requestCard } from './cards/request.js';
import type { TeamsDirectory } from './directory.js';
import type { Connector } from './connector.js';
import type { PersonalChats } from './personal.js';

export type { Connector };
import { bilingual, type Names } from './render.js';


/** HTTP status and Retry-After of a failed Bot Connector call (axios-style errors). */
function httpFailure(e: unknown): { status: number | undefined; retryAfterSec: number | undefined } {
  const res = (e as { response?: { status?: number; headers?: Record<string, unknown> } }).response;
  const ra = res?.headers?.['retry-after'];
  const retryAfterSec = ra !== undefined && Number.isFinite(Number(ra)) ? Number(ra) : undefined;
  return { status: res?.status, retryAfterSec };
}

/** Names as Teams shows them: display names from the roster, channel names as stored. */
export function namesFor(store: Pick<Store, 'db'>, directory: TeamsDirectory): Names {
  return {
    person: (id) => directory.nameOf(id) ?? 'een collega',
    channel: (id) => channelNameOf({ store }, 'teams', id) ?? 'dat kanaal',
  };
}

export class TeamsOutbox extends OutboxPump {
  constructor(
    store: Store,
    private readonly connector: Connector,
    private readonly directory: TeamsDirectory,
    private readonly personal: PersonalChats,
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

  protected methodOf(item: OutboxRow['item']): string {
    return item.kind === 'card.update' ? 'updateActivity' : item.kind === 'person.notify' ? 'createConversation' : 'createActivity';
  }

  protected async send(row: OutboxRow): Promise<void> {
    const item = row.item;
    const model = loadCard(this.store, item.requestId);
    if (!model) return;
    const { request } = model;
    const endpoint = teamsEndpoint({ store: this.store }, request.channelId);
    if (!endpoint) throw new Error('teams team without serviceUrl');
    // Display names come from the roster; a failure there must not block the card.
    await this.directory.roster(request.channelId).catch(() => undefined);
    const names = namesFor(this.store, this.directory);
    if (item.kind === 'person.notify') {
      const userId = this.directory.teamsIdOf(item.userId) ?? item.userId;
      const sent = await this.personal.send({ serviceUrl: endpoint.serviceUrl, tenantId: endpoint.tenantId ?? '', userId }, { type: 'message', textFormat: 'markdown', text: bilingual(item.message, names) }, 'request.notify');
      if (!sent) throw Object.assign(new Error('personal chat refused'), { response: { status: 403 } });
      return;
    }
    const view = cardView(model, 'teams');
    const cardActivity = () => ({ type: 'message', summary: cardSummary(view, names), attachments: [attachment(requestCard(view, names))] });
    if (item.kind === 'card.post') {
      // Posted already, or closed before it could be (expired while the channel kept failing).
      if (request.messageTs || !isUndecided(request.status)) return;
      const res = await this.connector.create(endpoint.serviceUrl, request.channelId, cardActivity());
      if (!res.id) throw new Error('no activity id for the card');
      cardPosted({ store: this.store }, { requestId: request.id, messageId: res.id });
      this.cardDrawn(request.id);
      this.log.info('teams.card.posted', { requestId: request.id });
      return;
    }
    if (!request.messageTs) throw new Postpone(this.clock.now().getTime() + 500);
    if (item.kind === 'card.update') {
      this.throttleCard(request.id);
      await this.connector.update(endpoint.serviceUrl, request.channelId, request.messageTs, { ...cardActivity(), id: request.messageTs });
      this.log.info('teams.card.updated', { requestId: request.id, status: request.status });
      return;
    }
    const text = bilingual(item.message, names);
    const thread = `${request.channelId};messageid=${request.messageTs}`;
    await this.connector.create(
      endpoint.serviceUrl,
      thread,
      item.askReasonFrom
        ? { type: 'message', summary: text.slice(0, 100), attachments: [attachment(objectionAskCard(text, request.id))] }
        : { type: 'message', textFormat: 'markdown', text },
    );
    this.log.info('teams.thread.posted', { requestId: request.id });
  }
}
