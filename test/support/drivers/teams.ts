// The Teams driver: JWT-signed Bot Framework activities into the real Teams SDK app (messages with
// an @mention, dialogs opened and submitted, card buttons, reactions); what people see read back
// from the Bot Connector double (cards, updates, thread replies, 1:1 chats) and from the answers
// to invokes (a button's or dialog's message is shown to the person who pressed it).
import type { CardActionId } from '../../../src/core/messages.js';
import { TestClock } from '../bot.js';
import type { ConnectorCall } from '../botConnectorDouble.js';
import {
  CHANNEL,
  cardAction,
  messageActivity,
  personalConversationId,
  personalMessage,
  reaction,
  settle,
  startTeamsBot,
  taskFetch,
  taskSubmit,
  type RunningTeamsBot,
} from '../teamsBot.js';
import { BaseDriver } from './base.js';
import { FINANCE, type Answer, type Filed, type FormShown, type FormValues, type Req, type Via, type Who } from './driver.js';
import { cardOf, cardText, names, PERSON, postText, unrender, type AdaptiveCard, type TaskAnswer } from './teamsView.js';

/** The reactions Teams users give: 👍 approves, 😠 objects. */
const LIKE = 'like';
const ANGRY = 'angry';

/** Card buttons by their verb (Action.Execute). */
const BUTTON_OF_VERB: Readonly<Record<string, CardActionId>> = { approve: 'approve', object: 'object', unvote: 'unvote', withdraw: 'withdraw', markPaid: 'markPaid' };

export class TeamsDriver extends BaseDriver {
  readonly platform = 'teams' as const;
  readonly channelId = CHANNEL;
  readonly names = names;

  private constructor(private readonly b: RunningTeamsBot) {
    super(b);
  }

  static async start(): Promise<TeamsDriver> {
    const b = await startTeamsBot({ clock: new TestClock(), financeUserIds: FINANCE.map((w) => PERSON[w].aadObjectId) });
    return new TeamsDriver(b);
  }

  id(who: Who): string {
    return PERSON[who].aadObjectId;
  }

  protected settle(): Promise<void> {
    return settle(this.b);
  }

  protected privateSources(who: Who): string[][] {
    return [this.b.double.posts(personalConversationId(PERSON[who])).map(postText), this.answers.get(who) ?? []];
  }

  private async post(activity: Record<string, unknown>): Promise<unknown> {
    const res = await this.b.post(activity);
    if (res.status !== 200) throw new Error(`Teams activity ${String(activity.type)}/${String(activity.name ?? '')} answered HTTP ${res.status}`);
    return res.body;
  }

  // ── Dialogs ──────────────────────────────────────────────────────────────────────────────────

  /** A dialog's answer: the form it shows (with errors under fields), or a message for the person. */
  private dialogAnswer(as: Who, body: unknown): { form: FormShown | null; errors: Record<string, string>; returned: string } {
    const returned = JSON.stringify(body ?? null);
    const task = (body as TaskAnswer | null)?.task;
    if (!task) return { form: null, errors: {}, returned };
    if (task.type === 'message') {
      this.answered(as, unrender(String(task.value)));
      return { form: null, errors: {}, returned };
    }
    const card = typeof task.value === 'object' ? task.value.card?.content : undefined;
    return { ...(card ? this.formOf(card) : { form: null, errors: {} }), returned };
  }

  private formOf(card: AdaptiveCard): { form: FormShown; errors: Record<string, string> } {
    const values: FormValues = {};
    const fields: string[] = [];
    const errors: Record<string, string> = {};
    let category: string | null = null;
    let categories: string[] = [];
    let notice: string | null = null;
    let last: string | null = null;
    for (const el of card.body ?? []) {
      if (el.type === 'Input.Text' || el.type === 'Input.ChoiceSet') {
        last = el.id!;
        fields.push(el.id!);
        if (el.id === 'categorySlug') {
          category = el.value ?? null;
          categories = (el.choices ?? []).map((c) => c.value);
        } else (values as Record<string, string | null>)[el.id!] = el.value ?? (el.type === 'Input.ChoiceSet' ? null : '');
      } else if (el.type === 'TextBlock' && el.color === 'Attention') {
        // An error stands under its field; one above every field is about the channel.
        errors[last ?? 'channel'] = unrender(el.text ?? '');
      } else if (el.type === 'TextBlock' && el.color === 'Accent' && last === null) {
        notice = unrender(el.text ?? '');
      }
    }
    const submit = (card.actions ?? []).find((a) => a.type === 'Action.Submit');
    const data = submit?.data ?? {};
    const form: FormShown = { kind: data.dialog === 'edit' ? 'edit' : 'new', fields, values, category, categories, notice, ref: data };
    return { form, errors };
  }

  /** Open a dialog with the button's data (task/fetch). */
  private async fetchDialog(as: Who, data: Record<string, unknown>, replyToId?: string) {
    return this.dialogAnswer(as, await this.post(taskFetch(this.b, PERSON[as], data, replyToId)));
  }

  async openForm(as: Who): Promise<Answer> {
    const { value, told } = await this.acting(as, async () => {
      // `@minimaatwerk aanvraag` answers with a button that opens the form (a message cannot open a dialog).
      const msg = messageActivity(this.b, PERSON[as], 'aanvraag');
      await this.post(msg);
      const reply = this.b.double.posts(msg.conversation.id).at(-1);
      const button = (cardOf(reply)?.actions ?? []).find((a) => a.data?.dialog === 'new');
      if (!button) {
        if (reply) this.answered(as, postText(reply));
        return { form: null, errors: {} };
      }
      const { msteams: _, ...data } = button.data!;
      return this.fetchDialog(as, data);
    });
    return BaseDriver.answer(told, value);
  }

  async submit(as: Who, form: FormShown, values: FormValues = {}): Promise<Filed> {
    const filled: FormValues = { ...form.values, categorySlug: form.category, ...values };
    const inputs = Object.fromEntries(Object.entries(filled).map(([k, v]) => [k, v ?? '']));
    const before = this.b.double.posts(CHANNEL).length;
    const { value, told } = await this.acting(as, async () => this.dialogAnswer(as, await this.post(taskSubmit(this.b, PERSON[as], { ...(form.ref as Record<string, unknown>), ...inputs }))));
    const card = this.b.double.posts(CHANNEL).slice(before).find((c) => cardOf(c) !== null);
    const request = card ? this.cardPosted(cardText(cardOf(card)!), card.activityId!) : null;
    return { ...value, told, request };
  }

  // ── Votes: buttons on the card, or reactions ─────────────────────────────────────────────────

  /** Press a card button (Action.Execute); its answer is shown to the presser alone. */
  private async execute(as: Who, r: Req, verb: string): Promise<void> {
    const body = (await this.post(cardAction(this.b, PERSON[as], this.cardId(r), verb, r.id))) as { value?: string } | null;
    if (body?.value) this.answered(as, unrender(body.value));
  }

  private async react(as: Who, r: Req, type: string, added: boolean): Promise<void> {
    const mine = this.reactionsOf(r, as);
    if (added) mine.add(type);
    else mine.delete(type);
    await this.post(reaction(this.b, PERSON[as], this.cardId(r), type, added));
  }

  private async vote(as: Who, r: Req, via: Via, verb: 'approve' | 'object', emoji: string): Promise<Answer> {
    const { told } = await this.acting(as, () => (via === 'reaction' ? this.react(as, r, emoji, true) : this.execute(as, r, verb)));
    return BaseDriver.answer(told);
  }

  approve(as: Who, r: Req, via: Via = 'default'): Promise<Answer> {
    return this.vote(as, r, via, 'approve', LIKE);
  }

  object(as: Who, r: Req, via: Via = 'default'): Promise<Answer> {
    return this.vote(as, r, via, 'object', ANGRY);
  }

  async withdrawVote(as: Who, r: Req, via: Via = 'default'): Promise<Answer> {
    const { told } = await this.acting(as, async () => {
      if (via === 'default') return this.execute(as, r, 'unvote');
      for (const type of [...this.reactionsOf(r, as)]) await this.react(as, r, type, false);
    });
    return BaseDriver.answer(told);
  }

  async giveReason(as: Who, r: Req, reason: string): Promise<Answer> {
    const ask = this.b.double
      .posts(`${CHANNEL};messageid=${this.cardId(r)}`)
      .map((c) => (cardOf(c)?.actions ?? []).find((a) => a.data?.dialog === 'objection'))
      .filter(Boolean)
      .at(-1);
    if (!ask) throw new Error(`no "give reason" button in the thread of #${r.id}`);
    const { msteams: _, ...data } = ask.data!;
    const { value, told } = await this.acting(as, async () => {
      const opened = await this.fetchDialog(as, data, this.cardId(r));
      if (!opened.form) return { errors: {} };
      return this.dialogAnswer(as, await this.post(taskSubmit(this.b, PERSON[as], { ...(opened.form.ref as Record<string, unknown>), reason })));
    });
    return BaseDriver.answer(told, { errors: value.errors, ...('returned' in value ? { returned: value.returned } : {}) });
  }

  // ── Card buttons ─────────────────────────────────────────────────────────────────────────────

  async press(as: Who, r: Req, button: 'edit' | 'alternative' | 'withdraw' | 'markPaid', data?: FormValues | { kind: string | null; reason: string }): Promise<Answer> {
    if (button === 'withdraw' || button === 'markPaid') {
      const { told } = await this.acting(as, () => this.execute(as, r, button));
      return BaseDriver.answer(told);
    }
    const opened = await this.acting(as, () => this.fetchDialog(as, { dialog: button, requestId: r.id }, this.cardId(r)));
    const form = opened.value.form;
    if (!form || !data) return BaseDriver.answer(opened.told, { form: button === 'edit' ? form : null });
    if (button === 'edit') {
      const submitted = await this.submit(as, form, data as FormValues);
      return { form: submitted.form, errors: submitted.errors, told: [...opened.told, ...submitted.told], ...(submitted.returned === undefined ? {} : { returned: submitted.returned }) };
    }
    const { kind, reason } = data as { kind: string | null; reason: string };
    const submitted = await this.acting(as, async () => this.dialogAnswer(as, await this.post(taskSubmit(this.b, PERSON[as], { ...(form.ref as Record<string, unknown>), kind: kind ?? '', reason }))));
    return BaseDriver.answer([...opened.told, ...submitted.told], { errors: submitted.value.errors, returned: submitted.value.returned });
  }

  // ── Commands, the overview ───────────────────────────────────────────────────────────────────

  async command(as: Who, text: string, where: 'channel' | 'private' = 'channel'): Promise<string[]> {
    const personal = personalConversationId(PERSON[as]);
    const { value } = await this.acting(as, async () => {
      const inPersonal = this.b.double.posts(personal).length;
      const activity = where === 'channel' ? messageActivity(this.b, PERSON[as], text) : personalMessage(this.b, PERSON[as], text);
      const replies = where === 'channel' ? this.b.double.posts(activity.conversation.id).length : 0;
      await this.post(activity);
      // In a channel the reply goes to the message's thread (Teams has no ephemeral messages); what is
      // for the asker alone goes to their 1:1 chat.
      const inThread = where === 'channel' ? this.b.double.posts(activity.conversation.id).slice(replies) : [];
      return [...inThread, ...this.b.double.posts(personal).slice(inPersonal)].map(postText);
    });
    return value;
  }

  async overview(as: Who): Promise<string> {
    const personal = personalConversationId(PERSON[as]);
    const before = this.b.double.posts(personal).length;
    await this.post(personalMessage(this.b, PERSON[as], 'overzicht'));
    const card = cardOf(this.b.double.posts(personal).slice(before).at(-1));
    if (!card) throw new Error('no overview card in the 1:1 chat');
    // The first text block is the card's title, not the overview.
    return cardText({ body: (card.body ?? []).slice(1) });
  }

  otherChannel(key: 'managers' | 'closed'): { id: string; named: string } {
    const id = key === 'managers' ? '19:managers-channel@thread.tacv2' : '19:closed-channel@thread.tacv2';
    if (key === 'closed') this.b.double.forbid(id);
    // "Get link to channel" in Teams.
    return { id, named: `https://teams.microsoft.com/l/channel/${encodeURIComponent(id)}/${key}?groupId=0000&tenantId=tenant-0001` };
  }

  // ── Reading the channel ──────────────────────────────────────────────────────────────────────

  /** The card as last drawn: the latest update of its activity, else the post. */
  private cardCall(cardId: string): ConnectorCall {
    const call = this.b.double.updates(cardId).at(-1) ?? this.b.double.posts(CHANNEL).find((c) => c.activityId === cardId);
    if (!call) throw new Error(`card ${cardId} was never posted`);
    return call;
  }

  card(r: Req): string {
    return cardText(cardOf(this.cardCall(this.cardId(r))) ?? {});
  }

  buttons(r: Req): CardActionId[] {
    const actions = cardOf(this.cardCall(this.cardId(r)))?.actions ?? [];
    return actions
      .map((a): CardActionId | undefined => (a.type === 'Action.Execute' ? BUTTON_OF_VERB[a.verb ?? ''] : a.data?.dialog === 'edit' ? 'edit' : a.data?.dialog === 'alternative' ? 'alternative' : undefined))
      .filter((x): x is CardActionId => Boolean(x));
  }

  thread(r: Req): string[] {
    return this.b.double.posts(`${CHANNEL};messageid=${this.cardId(r)}`).map(postText);
  }

  channel(): string[] {
    return this.b.double
      .posts()
      .filter((c) => c.conversationId.startsWith(CHANNEL))
      .map((c) => (c.conversationId === CHANNEL && c.activityId ? cardText(cardOf(this.cardCall(c.activityId)) ?? {}) : postText(c)));
  }
}
