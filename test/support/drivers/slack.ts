// The Slack driver: signed slash commands, modal submissions, block actions and reaction events
// into the real Bolt app; what people see read back from the Web API double (messages, updates,
// ephemerals, modals, the App Home) and from Slack's HTTP answers.
import type { CardActionId } from '../../../src/core/messages.js';
import { CHANNEL, startBot, TestClock, type RunningBot } from '../bot.js';
import type { RecordedCall } from '../slackApiDouble.js';
import { plainText as textInput, radio, staticSelect } from '../slackRequests.js';
import { settleOutbox } from '../wait.js';
import { BaseDriver } from './base.js';
import { FINANCE, TEAM, type Answer, type Filed, type FormShown, type FormValues, type Req, type Via, type Who } from './driver.js';
import { blocksText, ID, messageText, names, unrender, type Block, type View } from './slackView.js';

const APPROVE = 'white_check_mark';
const OBJECT = 'x';

/** Card buttons by action id (votes are reactions on Slack: no buttons for them). */
const BUTTON: Readonly<Record<string, CardActionId>> = { request_edit: 'edit', request_withdraw: 'withdraw', request_alternative: 'alternative', payment_mark_paid: 'markPaid' };
const ACTION_OF: Readonly<Record<'edit' | 'withdraw' | 'alternative' | 'markPaid', string>> = {
  edit: 'request_edit',
  withdraw: 'request_withdraw',
  alternative: 'request_alternative',
  markPaid: 'payment_mark_paid',
};

export class SlackDriver extends BaseDriver {
  readonly platform = 'slack' as const;
  readonly channelId = CHANNEL;
  readonly names = names;
  private viewSeq = 0;
  private eventSeq = 0;

  private constructor(private readonly b: RunningBot) {
    super(b);
  }

  static async start(): Promise<SlackDriver> {
    const b = await startBot({ clock: new TestClock(), members: TEAM.map((w) => ID[w]), financeUserIds: FINANCE.map((w) => ID[w]) });
    return new SlackDriver(b);
  }

  id(who: Who): string {
    return ID[who];
  }

  protected settle(): Promise<void> {
    return settleOutbox(this.b.store, this.b.bot.outbox, this.b.clock, 'slack');
  }

  protected privateSources(who: Who): string[][] {
    const id = ID[who];
    const calls = this.b.double.calls;
    return [
      calls.filter((c) => c.method === 'chat.postEphemeral' && c.args.user === id).map(messageText),
      // A direct message from the app (a person's own notices).
      calls.filter((c) => c.method === 'chat.postMessage' && c.args.channel === id).map(messageText),
      this.answers.get(who) ?? [],
    ];
  }

  private since(method: string, n: number): RecordedCall[] {
    return this.b.double.callsTo(method).slice(n);
  }

  private count(method: string): number {
    return this.b.double.callsTo(method).length;
  }

  // ── Forms ────────────────────────────────────────────────────────────────────────────────────

  /** A modal the bot opened, as the form it shows; Slack gives each opened modal its own view id. */
  private formOf(view: View, viewId = `V${String(++this.viewSeq).padStart(9, '0')}`): FormShown {
    const inputs = view.blocks.filter((bl) => bl.type === 'input');
    const values: FormValues = {};
    let category: string | null = null;
    let categories: string[] = [];
    for (const bl of inputs) {
      const field = String(bl.block_id).split(':')[0]!;
      const el = bl.element ?? {};
      if (el.type === 'static_select') {
        category = (el.initial_option as { value?: string } | undefined)?.value ?? null;
        categories = ((el.options as { value: string }[] | undefined) ?? []).map((o) => o.value);
      } else if (el.type === 'radio_buttons') {
        (values as Record<string, string | null>)[field] = (el.initial_option as { value?: string } | undefined)?.value ?? null;
      } else if (el.type === 'plain_text_input') {
        (values as Record<string, string>)[field] = String(el.initial_value ?? '');
      }
    }
    const notice = view.blocks.find((bl) => bl.type === 'context');
    return {
      kind: view.callback_id === 'request_edit_submit' ? 'edit' : 'new',
      fields: inputs.map((bl) => String(bl.block_id).split(':')[0]!),
      values,
      category,
      categories,
      notice: notice ? blocksText([notice]) : null,
      ref: { view, viewId },
    };
  }

  /** The state.values Slack sends for `view` filled in with `values`, keyed by the view's own block ids. */
  private stateOf(view: View, values: FormValues): Record<string, Record<string, unknown>> {
    const state: Record<string, Record<string, unknown>> = {};
    for (const bl of view.blocks.filter((x) => x.type === 'input')) {
      const field = String(bl.block_id).split(':')[0]! as keyof FormValues;
      const el = bl.element ?? {};
      const v = values[field];
      const actionId = String(el.action_id ?? 'value');
      if (el.type === 'static_select') state[bl.block_id!] = { [actionId]: v ? staticSelect(v) : { type: 'static_select', selected_option: null } };
      else if (el.type === 'radio_buttons') state[bl.block_id!] = { [actionId]: v ? radio(v) : { type: 'radio_buttons', selected_option: null } };
      else state[bl.block_id!] = { [actionId]: textInput(v ?? null) };
    }
    return state;
  }

  /** Submit a modal; Slack's answer: nothing (closed), field errors, or the modal updated. */
  private async submitView(as: Who, view: View, viewId: string, state: Record<string, Record<string, unknown>>) {
    const res = await this.b.slack.viewSubmission({ userId: ID[as], callbackId: view.callback_id, values: state, privateMetadata: view.private_metadata, viewId });
    const text = await res.text();
    if (res.status !== 200) throw new Error(`view submission answered HTTP ${res.status}`);
    const body = text ? (JSON.parse(text) as { response_action?: string; errors?: Record<string, string>; view?: View }) : null;
    const errors: Record<string, string> = {};
    for (const [blockId, msg] of Object.entries(body?.errors ?? {})) errors[blockId.split(':')[0]!] = msg;
    return { errors, updated: body?.response_action === 'update' && body.view ? this.formOf(body.view, viewId) : null, returned: text };
  }

  async openForm(as: Who): Promise<Answer> {
    const opened = this.count('views.open');
    const { value: form, told } = await this.acting(as, async () => {
      await this.commandAnswers(as, '', CHANNEL);
      const view = this.since('views.open', opened)[0]?.args.view as View | undefined;
      return view ? this.formOf(view) : null;
    });
    return BaseDriver.answer(told, { form });
  }

  async submit(as: Who, form: FormShown, values: FormValues = {}): Promise<Filed> {
    const { view, viewId } = form.ref as { view: View; viewId: string };
    const posted = this.count('chat.postMessage');
    const filled: FormValues = { ...form.values, categorySlug: form.category, ...values };
    const { value, told } = await this.acting(as, () => this.submitView(as, view, viewId, this.stateOf(view, filled)));
    const card = this.since('chat.postMessage', posted).find((c) => c.args.channel === CHANNEL && !c.args.thread_ts && c.result?.ts);
    const request = card ? this.cardPosted(blocksText(card.args.blocks as Block[]), String(card.result!.ts)) : null;
    return { form: value.updated, errors: value.errors, told, request, returned: value.returned };
  }

  // ── Votes: reactions on the card ─────────────────────────────────────────────────────────────

  private react(as: Who, r: Req, emoji: string, added: boolean) {
    // Slack orders a person's reactions by event_ts: each event is later than the one before.
    const eventTs = `${1800000000 + ++this.eventSeq}.000100`;
    const p = { userId: ID[as], reaction: emoji, channelId: CHANNEL, ts: this.cardId(r), eventTs };
    const mine = this.reactionsOf(r, as);
    if (added) mine.add(emoji);
    else mine.delete(emoji);
    return added ? this.b.slack.reactionAdded(p) : this.b.slack.reactionRemoved(p);
  }

  /** Add a reaction; one already there is taken off first (Slack sends nothing for adding it twice). */
  private async vote(as: Who, r: Req, emoji: string): Promise<Answer> {
    const { told } = await this.acting(as, async () => {
      if (this.reactionsOf(r, as).has(emoji)) await this.react(as, r, emoji, false);
      await this.react(as, r, emoji, true);
    });
    return BaseDriver.answer(told);
  }

  approve(as: Who, r: Req, _via?: Via): Promise<Answer> {
    return this.vote(as, r, APPROVE);
  }

  object(as: Who, r: Req, _via?: Via): Promise<Answer> {
    return this.vote(as, r, OBJECT);
  }

  async withdrawVote(as: Who, r: Req, _via?: Via): Promise<Answer> {
    const { told } = await this.acting(as, async () => {
      for (const emoji of [...this.reactionsOf(r, as)]) await this.react(as, r, emoji, false);
    });
    return BaseDriver.answer(told);
  }

  // ── Buttons and their modals ─────────────────────────────────────────────────────────────────

  private async click(as: Who, actionId: string, r: Req, messageTs: string): Promise<View | null> {
    const opened = this.count('views.open');
    const res = await this.b.slack.blockAction({ userId: ID[as], actionId, value: String(r.id), channelId: CHANNEL, messageTs });
    if (res.status !== 200) throw new Error(`block action answered HTTP ${res.status}`);
    return (this.since('views.open', opened)[0]?.args.view as View | undefined) ?? null;
  }

  async giveReason(as: Who, r: Req, reason: string): Promise<Answer> {
    const cardTs = this.cardId(r);
    const ask = this.b.double
      .callsTo('chat.postMessage')
      .filter((c) => c.args.thread_ts === cardTs && JSON.stringify(c.args.blocks ?? []).includes('"action_id":"objection_reason"'))
      .at(-1);
    if (!ask?.result?.ts) throw new Error(`no "give reason" button in the thread of #${r.id}`);
    const { value, told } = await this.acting(as, async () => {
      const view = await this.click(as, 'objection_reason', r, String(ask.result!.ts));
      if (!view) return { errors: {} };
      return this.submitView(as, view, `V${++this.viewSeq}`, { reason: { value: textInput(reason) } });
    });
    return BaseDriver.answer(told, { errors: value.errors, ...('returned' in value ? { returned: value.returned } : {}) });
  }

  async press(as: Who, r: Req, button: 'edit' | 'alternative' | 'withdraw' | 'markPaid', data?: FormValues | { kind: string | null; reason: string }): Promise<Answer> {
    const opened = await this.acting(as, () => this.click(as, ACTION_OF[button], r, this.cardId(r)));
    const view = opened.value;
    if (!view || !data) return BaseDriver.answer(opened.told, { form: view && button === 'edit' ? this.formOf(view) : null });
    if (button === 'edit') {
      const form = this.formOf(view);
      const submitted = await this.submit(as, form, data as FormValues);
      return { form: submitted.form, errors: submitted.errors, told: [...opened.told, ...submitted.told], ...(submitted.returned === undefined ? {} : { returned: submitted.returned }) };
    }
    const { kind, reason } = data as { kind: string | null; reason: string };
    const state = { kind: { value: kind ? radio(kind) : { type: 'radio_buttons', selected_option: null } }, reason: { value: textInput(reason) } };
    const submitted = await this.acting(as, () => this.submitView(as, view, `V${++this.viewSeq}`, state));
    return BaseDriver.answer([...opened.told, ...submitted.told], { errors: submitted.value.errors, returned: submitted.value.returned });
  }

  // ── Commands, the App Home ───────────────────────────────────────────────────────────────────

  /** A slash command: Slack shows its answer (HTTP answer or response_url) to the person alone. */
  private async commandAnswers(as: Who, text: string, channelId: string): Promise<string[]> {
    const responded = this.count('response_url');
    const res = await this.b.slack.slashCommand({ userId: ID[as], channelId, text });
    if (res.status !== 200) throw new Error(`slash command answered HTTP ${res.status}`);
    const body = await res.text();
    const answers: string[] = [];
    if (body) answers.push(unrender(String((JSON.parse(body) as { text?: string }).text ?? '')));
    answers.push(...this.since('response_url', responded).map(messageText));
    for (const a of answers) this.answered(as, a);
    return answers;
  }

  async command(as: Who, text: string, where: 'channel' | 'private' = 'channel'): Promise<string[]> {
    return (await this.acting(as, () => this.commandAnswers(as, text, where === 'channel' ? CHANNEL : `D${ID[as]}`))).value;
  }

  async overview(as: Who): Promise<string> {
    const published = this.count('views.publish');
    const res = await this.b.slack.event({ type: 'app_home_opened', user: ID[as], channel: `D${ID[as]}`, tab: 'home', event_ts: `${1800000000 + ++this.eventSeq}.000100` });
    if (res.status !== 200) throw new Error(`app_home_opened answered HTTP ${res.status}`);
    const view = this.since('views.publish', published).find((c) => c.args.user_id === ID[as])?.args.view as View | undefined;
    if (!view) throw new Error('no App Home published');
    // The header is the tab's title, not the overview.
    return blocksText(view.blocks.filter((bl) => bl.type !== 'header'));
  }

  otherChannel(key: 'managers' | 'closed'): { id: string; named: string } {
    if (key === 'managers') return { id: 'CMGR', named: '<#CMGR|managers>' };
    this.b.double.setChannelInfo('CSECRET', { is_member: false });
    return { id: 'CSECRET', named: '<#CSECRET|geheim>' };
  }

  // ── Reading the channel ──────────────────────────────────────────────────────────────────────

  /** The card as last drawn: the latest chat.update of it, else the post. */
  private cardCall(ts: string): RecordedCall {
    const update = this.b.double.callsTo('chat.update').filter((c) => c.args.ts === ts).at(-1);
    const post = this.b.double.callsTo('chat.postMessage').find((c) => c.result?.ts === ts);
    const call = update ?? post;
    if (!call) throw new Error(`card ${ts} was never posted`);
    return call;
  }

  card(r: Req): string {
    return blocksText(this.cardCall(this.cardId(r)).args.blocks as Block[]);
  }

  buttons(r: Req): CardActionId[] {
    const blocks = this.cardCall(this.cardId(r)).args.blocks as Block[];
    return blocks.filter((bl) => bl.type === 'actions').flatMap((bl) => (bl.elements ?? []).map((e) => BUTTON[String(e.action_id)]).filter((x): x is CardActionId => Boolean(x)));
  }

  thread(r: Req): string[] {
    const ts = this.cardId(r);
    return this.b.double.callsTo('chat.postMessage').filter((c) => c.args.channel === CHANNEL && c.args.thread_ts === ts).map(messageText);
  }

  channel(): string[] {
    const posts = this.b.double.callsTo('chat.postMessage').filter((c) => c.args.channel === CHANNEL);
    return posts.map((c) => (c.args.thread_ts ? messageText(c) : blocksText(this.cardCall(String(c.result?.ts)).args.blocks as Block[])));
  }
}
