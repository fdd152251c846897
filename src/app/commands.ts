// One command parser for every platform, so a word means the same everywhere, and the dispatcher
// that runs the use case a command names. Adapters only say how to show the answer.
import { containsBsn } from '../core/privacy.js';
import { field, help, onlyInChannel, unknownCommand } from '../core/messages.js';
import type { Message, Text } from '../core/text.js';
import { budget } from './budget.js';
import { categoryCommand } from './categories.js';
import type { Ctx } from './deps.js';
import { digestOnDemand, setDigestChannel } from './digest.js';
import { openRequestForm } from './fileRequest.js';
import { refused, type Outcome } from './outcome.js';
import { overview } from './overview.js';
import type { RequestFormView } from './requestForm.js';
import { signalCommand, signalsCommand } from './signals.js';
import type { ChannelRef } from './team.js';

export type Command =
  | { kind: 'request' }
  | { kind: 'help' }
  | { kind: 'budget'; arg: string }
  | { kind: 'overview' }
  | { kind: 'digest'; arg: string }
  | { kind: 'digest_channel'; arg: string }
  | { kind: 'categories'; arg: string }
  | { kind: 'signal'; arg: string }
  | { kind: 'signals'; arg: string }
  | { kind: 'unknown'; word: string };

const WORDS: Record<string, Command['kind']> = {
  '': 'request',
  aanvraag: 'request',
  nieuw: 'request',
  new: 'request',
  help: 'help',
  hulp: 'help',
  budget: 'budget',
  overzicht: 'overview',
  overview: 'overview',
  home: 'overview',
  mijn: 'overview',
  digest: 'digest',
  maandoverzicht: 'digest',
  'digest-kanaal': 'digest_channel',
  digestkanaal: 'digest_channel',
  'digest-channel': 'digest_channel',
  categorie: 'categories',
  categorieen: 'categories',
  categorieën: 'categories',
  categories: 'categories',
  signaal: 'signal',
  signal: 'signal',
  signalen: 'signals',
  signals: 'signals',
};

/** Every command there is (the manifests list each one; test/msteams/package.test.ts). */
export const COMMAND_KINDS: readonly Command['kind'][] = [...new Set(Object.values(WORDS))];

/** The command in what a person typed after the bot's name. */
export function parseCommand(text: string): Command {
  const trimmed = text.trim();
  const [word = ''] = trimmed.split(/\s+/);
  const arg = trimmed.slice(word.length).trim();
  const kind = WORDS[word.toLowerCase()];
  switch (kind) {
    case undefined:
      return { kind: 'unknown', word };
    case 'request':
    case 'help':
    case 'overview':
      return { kind };
    case 'unknown':
      return { kind, word };
    default:
      return { kind, arg };
  }
}

/** Whether the text asks for the request form (adapters that must answer fast acknowledge first). */
export const asksForForm = (text: string): boolean => parseCommand(text).kind === 'request' && !containsBsn(text);

/** What the adapter shows: a reply for the asker, the request form, or a longer text. */
export type CommandAnswer =
  | { kind: 'reply'; message: Message }
  | { kind: 'form'; form: RequestFormView }
  /** A longer text for the asker: the overview (only for them) or a digest. */
  | { kind: 'view'; view: 'overview' | 'digest'; text: Text };

export interface CommandInput {
  actorId: string;
  /** The team channel the command was typed in; null in a personal chat or anywhere else. */
  channel: ChannelRef | null;
  /** Where digests are asked for: the channel or chat the command came from (a digest channel is no team). */
  conversation: ChannelRef | null;
  channelName?: string;
  text: string;
}

export async function runCommand(ctx: Ctx, input: CommandInput): Promise<Outcome<CommandAnswer>> {
  const platform = ctx.directory.platform;
  const reply = (o: Outcome<unknown>): Outcome<CommandAnswer> =>
    o.ok ? { ...o, value: { kind: 'reply', message: o.message ?? help(platform) } } : o;
  // Never store or echo a BSN, not even in a refusal.
  if (containsBsn(input.text)) return refused('command.bsn', field.bsn);
  const command = parseCommand(input.text);
  const named = input.channelName ? { channelName: input.channelName } : {};
  switch (command.kind) {
    case 'help':
      return { ok: true, code: 'command.help', message: help(platform), value: { kind: 'reply', message: help(platform) } };
    case 'unknown': {
      const m = unknownCommand(command.word);
      const both: Message = { nl: [...m.nl, ...help(platform).nl], en: [...m.en, ...help(platform).en] };
      return refused('command.unknown', both);
    }
    case 'request': {
      if (!input.channel) return refused('command.not_in_channel', onlyInChannel(platform));
      const o = await openRequestForm(ctx, { actorId: input.actorId, channel: input.channel, ...named });
      return o.ok ? { ...o, value: { kind: 'form', form: o.value } } : o;
    }
    case 'budget':
      if (!input.channel) return refused('command.not_in_channel', onlyInChannel(platform));
      return reply(await budget(ctx, { actorId: input.actorId, channel: input.channel, amountText: command.arg }));
    case 'categories':
      if (!input.channel) return refused('command.not_in_channel', onlyInChannel(platform));
      return reply(await categoryCommand(ctx, { actorId: input.actorId, channel: input.channel, text: command.arg, ...named }));
    case 'overview': {
      const o = await overview(ctx, { actorId: input.actorId });
      return o.ok ? { ...o, value: { kind: 'view', view: 'overview', text: o.value.text } } : o;
    }
    case 'digest': {
      const o = digestOnDemand(ctx, { channel: input.conversation, monthText: command.arg });
      return o.ok ? { ...o, value: { kind: 'view', view: 'digest', text: o.value.text } } : o;
    }
    case 'digest_channel':
      return reply(await setDigestChannel(ctx, { actorId: input.actorId, channel: input.channel, targetText: command.arg, ...named }));
    case 'signal':
      return reply(await signalCommand(ctx, { actorId: input.actorId, channel: input.channel, conversation: input.conversation, text: command.arg }));
    case 'signals':
      return reply(signalsCommand(ctx, { actorId: input.actorId, channel: input.channel, conversation: input.conversation, text: command.arg }));
  }
}
