// What both drivers do alike: matchers in the platform's names, filing as open-then-submit, which
// card belongs to which request, what a person was told by one action, the reactions a person has
// on a card (so taking a vote back removes exactly those).
import type { CardActionId } from '../../../src/core/messages.js';
import type { Message, Text } from '../../../src/core/text.js';
import type { Store } from '../../../src/store/db.js';
import { auditLog, payments } from '../../../src/store/schema.js';
import type { TestClock } from '../bot.js';
import { VALID_FORM } from '../forms.js';
import type { Answer, Audited, Driver, Filed, FormShown, FormValues, Names, Payment, PlatformName, Req, Via, Who } from './driver.js';
import { said, shows } from './driver.js';

/** The running bot under a driver: its database (read for the register and the audit trail), its clock. */
export interface DrivenBot {
  store: Store;
  clock: TestClock;
  close(): Promise<void>;
}

export abstract class BaseDriver implements Driver {
  abstract readonly platform: PlatformName;
  abstract readonly channelId: string;
  abstract readonly names: Names;
  abstract id(who: Who): string;
  abstract openForm(as: Who): Promise<Answer>;
  abstract submit(as: Who, form: FormShown, values?: FormValues): Promise<Filed>;
  abstract approve(as: Who, r: Req, via?: Via): Promise<Answer>;
  abstract object(as: Who, r: Req, via?: Via): Promise<Answer>;
  abstract withdrawVote(as: Who, r: Req, via?: Via): Promise<Answer>;
  abstract giveReason(as: Who, r: Req, reason: string): Promise<Answer>;
  abstract press(as: Who, r: Req, button: 'edit' | 'alternative' | 'withdraw' | 'markPaid', data?: FormValues | { kind: string | null; reason: string }): Promise<Answer>;
  abstract command(as: Who, text: string, where?: 'channel' | 'private'): Promise<string[]>;
  abstract overview(as: Who): Promise<string>;
  abstract otherChannel(key: 'managers' | 'closed'): { id: string; named: string };
  abstract card(r: Req): string;
  abstract buttons(r: Req): CardActionId[];
  abstract thread(r: Req): string[];
  abstract channel(): string[];
  /** Wait until the bot's outbox has sent everything due now. */
  protected abstract settle(): Promise<void>;
  /** Everything only `who` was shown, by source (each source only grows). */
  protected abstract privateSources(who: Who): string[][];

  /** Request id → the platform's id of its card message. */
  protected readonly cards = new Map<number, string>();
  /** Answers only the person saw that came back on their own request (command replies, button and dialog answers). */
  protected readonly answers = new Map<Who, string[]>();
  /** The reactions a person has on a card now, by request id and person. */
  private readonly reactions = new Map<string, Set<string>>();

  constructor(private readonly bot: DrivenBot) {}

  time(iso: string): void {
    this.bot.clock.t = new Date(iso);
  }

  close(): Promise<void> {
    return this.bot.close();
  }

  said(m: Message) {
    return said(m, this.names);
  }

  shows(t: Text) {
    return shows(t, this.names);
  }

  privateTo(who: Who): string[] {
    return this.privateSources(who).flat();
  }

  register(): Payment[] {
    return this.bot.store.db
      .select()
      .from(payments)
      .orderBy(payments.requestId)
      .all()
      .map((p) => ({
        request: p.requestId,
        amountCents: p.amountCents,
        supplierName: p.supplierName,
        supplierIban: p.supplierIban,
        approvers: p.approvers.split(',').filter(Boolean),
        paid: p.paidAt !== null,
      }));
  }

  trail(): Audited[] {
    return this.bot.store.db
      .select()
      .from(auditLog)
      .orderBy(auditLog.id)
      .all()
      .map((a) => ({ action: a.action, by: a.actorId, request: a.requestId, detail: JSON.parse(a.detail) as Record<string, unknown> }));
  }

  async file(as: Who, values: FormValues = {}): Promise<Filed> {
    const opened = await this.openForm(as);
    if (!opened.form) return { ...opened, request: null };
    const filed = await this.submit(as, opened.form, { ...VALID_FORM, ...values });
    return { ...filed, told: [...opened.told, ...filed.told] };
  }

  /** Run `fn` as `who`, let the outbox send, and say what only `who` was told meanwhile. */
  protected async acting<T>(who: Who, fn: () => Promise<T>): Promise<{ value: T; told: string[] }> {
    const before = this.privateSources(who).map((l) => l.length);
    // People act one after another, not in the same instant.
    this.bot.clock.advance(1000);
    const value = await fn();
    await this.settle();
    return { value, told: this.privateSources(who).flatMap((l, i) => l.slice(before[i] ?? 0)) };
  }

  protected answered(who: Who, text: string): void {
    const list = this.answers.get(who) ?? [];
    list.push(text);
    this.answers.set(who, list);
  }

  protected cardId(r: Req): string {
    const id = this.cards.get(r.id);
    if (!id) throw new Error(`no card seen for request #${r.id}`);
    return id;
  }

  /** Note a newly posted card: its title names the request. */
  protected cardPosted(title: string, messageId: string): Req {
    const m = /Aanvraag #(\d+)/.exec(title);
    if (!m) throw new Error(`not a request card: ${title.slice(0, 80)}`);
    const id = Number(m[1]);
    this.cards.set(id, messageId);
    return { id };
  }

  protected reactionsOf(r: Req, who: Who): Set<string> {
    const key = `${r.id}|${who}`;
    let set = this.reactions.get(key);
    if (!set) this.reactions.set(key, (set = new Set()));
    return set;
  }

  protected static answer(told: string[], more: Partial<Answer> = {}): Answer {
    return { form: null, errors: {}, told, ...more };
  }
}
