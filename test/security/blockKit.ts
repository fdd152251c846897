// A checker of Block Kit against Slack's published limits (docs.slack.dev/reference/block-kit:
// blocks, block elements, composition objects, surfaces), over what the bot sends: every recorded
// Web API call of the double and every HTTP answer to a slash command or a modal submission. A
// payload over a limit is refused by Slack (`invalid_blocks`, `msg_too_long`, a failed views.open)
// and the card or form is lost.
import type { RecordedCall } from '../support/slackApiDouble.js';

export const LIMITS = {
  messageBlocks: 50,
  viewBlocks: 100,
  messageText: 40_000,
  sectionText: 3000,
  sectionFields: 10,
  fieldText: 2000,
  header: 150,
  contextElements: 10,
  contextText: 3000,
  actionsElements: 25,
  buttonText: 75,
  buttonValue: 2000,
  url: 3000,
  actionId: 255,
  blockId: 255,
  confirmTitle: 100,
  confirmText: 300,
  confirmButton: 30,
  inputLabel: 2000,
  inputHint: 2000,
  placeholder: 150,
  textInputLength: 3000,
  selectOptions: 100,
  radioOptions: 10,
  optionText: 75,
  optionValue: 150,
  modalTitle: 24,
  modalButton: 24,
  privateMetadata: 3000,
  callbackId: 255,
  imageAltText: 2000,
} as const;

type O = Record<string, unknown>;
const isObj = (x: unknown): x is O => typeof x === 'object' && x !== null && !Array.isArray(x);

class Checker {
  readonly errors: string[] = [];
  constructor(private readonly where: string) {}

  fail(path: string, what: string): void {
    this.errors.push(`${this.where}${path}: ${what}`);
  }

  str(path: string, v: unknown, max: number, min = 0): void {
    if (typeof v !== 'string') return this.fail(path, `not a string (${typeof v})`);
    if (v.length < min) this.fail(path, `shorter than ${min}`);
    if (v.length > max) this.fail(path, `${v.length} characters, over ${max}`);
  }

  /** A text object: plain_text or mrkdwn, 1..max characters. */
  text(path: string, t: unknown, max: number, plainOnly = false): void {
    if (!isObj(t)) return this.fail(path, 'missing text object');
    if (t.type !== 'plain_text' && (plainOnly || t.type !== 'mrkdwn')) this.fail(`${path}.type`, `${String(t.type)} where ${plainOnly ? 'plain_text' : 'plain_text or mrkdwn'} is required`);
    if (t.type === 'mrkdwn' && 'emoji' in t) this.fail(`${path}.emoji`, 'only for plain_text');
    if (t.type === 'plain_text' && 'verbatim' in t) this.fail(`${path}.verbatim`, 'only for mrkdwn');
    this.str(`${path}.text`, t.text, max, 1);
  }

  option(path: string, o: unknown): void {
    if (!isObj(o)) return this.fail(path, 'not an option');
    this.text(`${path}.text`, o.text, LIMITS.optionText);
    this.str(`${path}.value`, o.value, LIMITS.optionValue, 1);
  }

  confirm(path: string, c: unknown): void {
    if (!isObj(c)) return this.fail(path, 'not a confirm object');
    this.text(`${path}.title`, c.title, LIMITS.confirmTitle, true);
    this.text(`${path}.text`, c.text, LIMITS.confirmText);
    this.text(`${path}.confirm`, c.confirm, LIMITS.confirmButton, true);
    this.text(`${path}.deny`, c.deny, LIMITS.confirmButton, true);
  }

  element(path: string, e: unknown): void {
    if (!isObj(e)) return this.fail(path, 'not an element');
    if (e.action_id !== undefined) this.str(`${path}.action_id`, e.action_id, LIMITS.actionId, 1);
    if (e.placeholder !== undefined) this.text(`${path}.placeholder`, e.placeholder, LIMITS.placeholder, true);
    if (e.confirm !== undefined) this.confirm(`${path}.confirm`, e.confirm);
    switch (e.type) {
      case 'button':
        this.text(`${path}.text`, e.text, LIMITS.buttonText, true);
        if (e.value !== undefined) this.str(`${path}.value`, e.value, LIMITS.buttonValue);
        if (e.url !== undefined) this.str(`${path}.url`, e.url, LIMITS.url);
        if (e.style !== undefined && e.style !== 'primary' && e.style !== 'danger') this.fail(`${path}.style`, `unknown style ${String(e.style)}`);
        return;
      case 'plain_text_input': {
        const max = e.max_length;
        if (max !== undefined && (typeof max !== 'number' || max < 1 || max > LIMITS.textInputLength)) this.fail(`${path}.max_length`, `${String(max)} not in 1..${LIMITS.textInputLength}`);
        if (e.initial_value !== undefined) this.str(`${path}.initial_value`, e.initial_value, typeof max === 'number' ? max : LIMITS.textInputLength);
        return;
      }
      case 'static_select':
      case 'radio_buttons': {
        const options = e.options;
        const most = e.type === 'static_select' ? LIMITS.selectOptions : LIMITS.radioOptions;
        if (!Array.isArray(options) || options.length < 1 || options.length > most) return this.fail(`${path}.options`, `${Array.isArray(options) ? options.length : 'no'} options, want 1..${most}`);
        options.forEach((o, i) => this.option(`${path}.options[${i}]`, o));
        if (e.initial_option !== undefined) {
          this.option(`${path}.initial_option`, e.initial_option);
          if (!options.some((o) => JSON.stringify(o) === JSON.stringify(e.initial_option))) this.fail(`${path}.initial_option`, 'not one of the options');
        }
        return;
      }
      case 'conversations_select':
      case 'image':
        return;
      default:
        this.fail(`${path}.type`, `unchecked element type ${String(e.type)}`);
    }
  }

  blocks(path: string, blocks: unknown, most: number): void {
    if (!Array.isArray(blocks)) return this.fail(path, 'blocks is not a list');
    if (blocks.length > most) this.fail(path, `${blocks.length} blocks, over ${most}`);
    const ids = new Set<string>();
    blocks.forEach((b, i) => {
      const p = `${path}[${i}]`;
      if (!isObj(b)) return this.fail(p, 'not a block');
      if (b.block_id !== undefined) {
        this.str(`${p}.block_id`, b.block_id, LIMITS.blockId, 1);
        if (ids.has(String(b.block_id))) this.fail(`${p}.block_id`, `duplicate ${String(b.block_id)}`);
        ids.add(String(b.block_id));
      }
      switch (b.type) {
        case 'section':
          if (b.text === undefined && b.fields === undefined) this.fail(p, 'a section needs text or fields');
          if (b.text !== undefined) this.text(`${p}.text`, b.text, LIMITS.sectionText);
          if (b.fields !== undefined) {
            if (!Array.isArray(b.fields) || b.fields.length > LIMITS.sectionFields) this.fail(`${p}.fields`, `over ${LIMITS.sectionFields}`);
            else b.fields.forEach((f, j) => this.text(`${p}.fields[${j}]`, f, LIMITS.fieldText));
          }
          if (b.accessory !== undefined) this.element(`${p}.accessory`, b.accessory);
          return;
        case 'header':
          return this.text(`${p}.text`, b.text, LIMITS.header, true);
        case 'divider':
          return;
        case 'context':
          if (!Array.isArray(b.elements) || b.elements.length < 1 || b.elements.length > LIMITS.contextElements) return this.fail(`${p}.elements`, `want 1..${LIMITS.contextElements}`);
          b.elements.forEach((e, j) => (isObj(e) && e.type === 'image' ? this.str(`${p}.elements[${j}].alt_text`, e.alt_text, LIMITS.imageAltText, 1) : this.text(`${p}.elements[${j}]`, e, LIMITS.contextText)));
          return;
        case 'actions':
          if (!Array.isArray(b.elements) || b.elements.length < 1 || b.elements.length > LIMITS.actionsElements) return this.fail(`${p}.elements`, `want 1..${LIMITS.actionsElements}`);
          b.elements.forEach((e, j) => this.element(`${p}.elements[${j}]`, e));
          return;
        case 'input':
          this.text(`${p}.label`, b.label, LIMITS.inputLabel, true);
          if (b.hint !== undefined) this.text(`${p}.hint`, b.hint, LIMITS.inputHint, true);
          return this.element(`${p}.element`, b.element);
        case 'image':
          this.str(`${p}.image_url`, b.image_url, LIMITS.url, 1);
          return this.str(`${p}.alt_text`, b.alt_text, LIMITS.imageAltText, 1);
        default:
          this.fail(`${p}.type`, `unchecked block type ${String(b.type)}`);
      }
    });
  }

  /** A message (chat.postMessage / update / postEphemeral, response_url, a command's answer). */
  message(m: O): void {
    if (m.text === undefined && m.blocks === undefined) this.fail('', 'neither text nor blocks');
    if (m.text !== undefined) this.str('.text', m.text, LIMITS.messageText, m.blocks === undefined ? 1 : 0);
    if (m.blocks !== undefined) this.blocks('.blocks', m.blocks, LIMITS.messageBlocks);
  }

  /** A modal or Home tab view. */
  view(v: unknown): void {
    if (!isObj(v)) return this.fail('.view', 'missing view');
    this.blocks('.view.blocks', v.blocks, LIMITS.viewBlocks);
    if (v.private_metadata !== undefined) this.str('.view.private_metadata', v.private_metadata, LIMITS.privateMetadata);
    if (v.callback_id !== undefined) this.str('.view.callback_id', v.callback_id, LIMITS.callbackId);
    if (v.type === 'modal') {
      this.text('.view.title', v.title, LIMITS.modalTitle, true);
      if (v.submit !== undefined) this.text('.view.submit', v.submit, LIMITS.modalButton, true);
      if (v.close !== undefined) this.text('.view.close', v.close, LIMITS.modalButton, true);
      const hasInput = Array.isArray(v.blocks) && v.blocks.some((b) => isObj(b) && b.type === 'input');
      if (hasInput && v.submit === undefined) this.fail('.view.submit', 'a modal with inputs needs a submit button');
    } else if (v.type !== 'home') this.fail('.view.type', `unknown view type ${String(v.type)}`);
  }
}

const MESSAGE_METHODS = new Set(['chat.postMessage', 'chat.update', 'chat.postEphemeral', 'response_url']);
const VIEW_METHODS = new Set(['views.open', 'views.push', 'views.update', 'views.publish']);

/** What is over a limit in one recorded Web API call ([] when fine, also for calls without content). */
export function callViolations(c: RecordedCall): string[] {
  const ch = new Checker(`${c.method}`);
  if (MESSAGE_METHODS.has(c.method)) ch.message(c.args);
  else if (VIEW_METHODS.has(c.method)) ch.view(c.args.view);
  return ch.errors;
}

/** What is over a limit in an HTTP answer the bot gave Slack (slash command, view submission). */
export function answerViolations(where: string, body: unknown): string[] {
  if (!isObj(body)) return [];
  const ch = new Checker(where);
  if (body.response_action === 'update' || body.response_action === 'push') ch.view(body.view);
  else if (body.response_action === 'errors') {
    if (!isObj(body.errors)) ch.fail('.errors', 'not an object');
  } else if (body.text !== undefined || body.blocks !== undefined) ch.message(body);
  return ch.errors;
}

/** Does a call carry content the checker judges (so a test can tell it checked something)? */
export const carriesContent = (c: RecordedCall) => MESSAGE_METHODS.has(c.method) || VIEW_METHODS.has(c.method);
