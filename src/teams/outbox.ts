// Sends what the outbox holds to Teams through the Bot Connector: the card as a new channel
// thread, card updates in place (PUT activity), replies in the card's thread. Retries on 429
// (honouring Retry-After), 5xx and network errors; one update per card per interval at most.
import { loadCard } from '../app/card.js';
import type { Clock } from '../app/deps.js';
import type { Message } from '../core/messages.js';
import type { Store } from '../store/db.js';
import type { OutboxRow } from '../store/outbox.js';
import { claimNext, completeItem, dropItem, nextDueAt, postpone, releaseLeases, retryLater } from '../store/outbox.js';
import { getTeam } from '../store/teams.js';
import { updateRequest } from '../store/requests.js';
import type { Log } from '../log.js';
import { errorFields } from '../log.js';
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

class Postpone extends Error {
  constructor(readonly untilMs: number) {
    super('postponed');
  }
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

export class TeamsOutbox {
  private current: Promise<void> | undefined;
  private again = false;
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;
  private readonly lastCardUpdate = new Map<number, number>();

  constructor(
    private readonly store: Store,
    private readonly connector: Connector,
    private readonly directory: TeamsDirectory,
    private readonly clock: Clock,
    private readonly log: Log,
    private readonly opts: { cardUpdateIntervalMs: number },
  ) {}

  /** How long a taken item is leased: longer than any Bot Connector call can take. */
  private readonly leaseMs = 60_000;

  /** At start-up: items a previous process had taken but not finished are due again. */
  releaseLeases(): number {
    return this.store.tx((tx) => releaseLeases(tx, 'teams', this.clock.now()));
  }

  wake(): void {
    if (this.stopped) return;
    if (this.current) {
      this.again = true;
      return;
    }
    setImmediate(() => void this.drain());
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.current;
  }

  /** Resolves when nothing is due now (items waiting for a later time stay queued). */
  drain(): Promise<void> {
    if (this.stopped) return Promise.resolve();
    if (this.current) {
      this.again = true;
      return this.current;
    }
    this.current = this.run().finally(() => {
      this.current = undefined;
      this.scheduleNext();
    });
    return this.current;
  }

  private async run(): Promise<void> {
    do {
      this.again = false;
      while (!this.stopped) {
        const now = this.clock.now();
        const row = this.store.tx((tx) => claimNext(tx, 'teams', now, new Date(now.getTime() + this.leaseMs)));
        if (!row) break;
        await this.deliver(row);
      }
    } while (this.again && !this.stopped);
  }

  private scheduleNext(): void {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    const due = nextDueAt(this.store.db, 'teams');
    if (!due) return;
    const delay = Math.max(10, due.getTime() - this.clock.now().getTime());
    this.timer = setTimeout(() => void this.drain(), Math.min(delay, 60_000));
    this.timer.unref();
  }

  private async deliver(row: OutboxRow): Promise<void> {
    try {
      await this.send(row);
      this.store.tx((tx) => completeItem(tx, row.id, this.clock.now()));
    } catch (e) {
      const now = this.clock.now();
      if (e instanceof Postpone) {
        this.store.tx((tx) => postpone(tx, row, new Date(e.untilMs)));
        return;
      }
      const { status, retryAfterSec } = httpFailure(e);
      if (status !== undefined && (status === 400 || status === 403 || status === 404)) {
        this.log.warn('teams.outbox.dropped', { kind: row.item.kind, requestId: row.item.requestId, status });
        this.store.tx((tx) => dropItem(tx, row.id, `http_${status}`, now));
        return;
      }
      const backoffMs = retryAfterSec !== undefined ? retryAfterSec * 1000 : Math.min(300_000, 1000 * 2 ** Math.min(row.attempts, 8));
      this.log.warn('teams.outbox.retry', { kind: row.item.kind, requestId: row.item.requestId, attempts: row.attempts + 1, backoffMs, status, ...errorFields(e) });
      this.store.tx((tx) => retryLater(tx, row, new Date(now.getTime() + backoffMs), status ? `http_${status}` : 'error', now));
    }
  }

  private nameOf: NameOf = (id) => this.directory.nameOf(id) ?? teamsText.someone.nl;

  private async send(row: OutboxRow): Promise<void> {
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
      this.lastCardUpdate.set(request.id, this.clock.now().getTime());
      this.log.info('teams.card.posted', { requestId: request.id });
      return;
    }
    if (!request.messageTs) throw new Postpone(this.clock.now().getTime() + 500);
    if (item.kind === 'card.update') {
      const last = this.lastCardUpdate.get(request.id) ?? 0;
      const nowMs = this.clock.now().getTime();
      if (nowMs - last < this.opts.cardUpdateIntervalMs) throw new Postpone(last + this.opts.cardUpdateIntervalMs);
      this.lastCardUpdate.set(request.id, nowMs);
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
