// `signal list | new | move`: signals from a recurring category to a structural solution, for
// managers without a chat at hand. The same use cases as `signaal …` in the chat; --by was checked
// against ADMIN_USER_IDS (commands.ts).
import { createSignal, moveSignalStep, signalsForCli, teamIdsFromText } from '../app/signals.js';
import { signalMessage } from '../core/messages.js';
import type { SignalStepInput } from '../core/signal.js';
import { parseSignalId } from '../core/signalCommand.js';
import { toPlain } from '../core/text.js';
import { isoDate } from '../core/time.js';
import type { Options } from './args.js';
import type { CommandContext } from './context.js';
import { done, refused, say, type CliResult } from './output.js';
import * as text from './texts.js';

const deps = (ctx: CommandContext) => ({ store: ctx.store, clock: { now: () => ctx.now } });

export function signalListCommand(ctx: CommandContext): CliResult {
  const { teams, signals } = signalsForCli(deps(ctx));
  const lines = [say(text.teamsHeading), ...teams.map((t) => `  ${t.id}  ${t.platform}  ${t.channelId}  ${t.name}`), ''];
  lines.push(signals.length ? toPlain(signalMessage.list(signals, true).nl) : say(text.noSignals));
  return { exitCode: 0, output: lines.join('\n').trimEnd() };
}

export function signalNewCommand(ctx: CommandContext, o: Options): CliResult {
  if (!o.by) return refused(text.missingOption('by'));
  if (!o.team) return refused(text.missingOption('team'));
  if ((o.category === undefined) === (o.theme === undefined)) return refused(text.subjectEither);
  const teams = teamIdsFromText(deps(ctx), o.team);
  if (!teams) return refused(text.teamInvalid(o.team));
  const subject = o.category !== undefined ? { category: o.category } : { theme: o.theme ?? '' };
  const r = createSignal(deps(ctx), { actor: { id: o.by, isAdmin: true }, subject, teams: { teamIds: teams.teamIds }, source: 'cli', platform: teams.platform });
  return r.ok ? done(r.message ?? signalMessage.detail(r.value.signal)) : refused(r.message ?? text.subjectEither);
}

/** --to as people write it (Dutch or English), as a step. */
const STEPS: Readonly<Record<string, SignalStepInput['step']>> = {
  besproken: 'discuss',
  discussed: 'discuss',
  maatregel: 'measure',
  measure: 'measure',
  geevalueerd: 'evaluate',
  'geëvalueerd': 'evaluate',
  evaluated: 'evaluate',
  gesloten: 'close',
  sluiten: 'close',
  closed: 'close',
  'geen-maatregel': 'no_measure',
  'no-measure': 'no_measure',
};

export function signalMoveCommand(ctx: CommandContext, o: Options): CliResult {
  if (!o.by) return refused(text.missingOption('by'));
  if (!o.id) return refused(text.missingOption('id'));
  if (!o.to) return refused(text.missingOption('to'));
  const id = parseSignalId(o.id);
  if (id === null) return refused(text.signalIdInvalid(o.id));
  const step = STEPS[o.to.toLowerCase()];
  if (!step) return refused(text.stepUnknown(o.to));
  const input: SignalStepInput =
    step === 'discuss'
      ? { step, with: o.with ?? '', on: o.date ?? isoDate(ctx.now) }
      : step === 'measure'
        ? { step, date: o.date ?? '', owner: o.owner ?? '', text: o.text ?? '' }
        : step === 'evaluate'
          ? { step, text: o.text ?? '' }
          : step === 'close'
            ? { step, note: o.text ?? '' }
            : { step, reason: o.reason ?? o.text ?? '' };
  const r = moveSignalStep(deps(ctx), { actor: { id: o.by, isAdmin: true }, signalId: id, input, platform: null });
  return r.ok ? done(r.message ?? signalMessage.detail(r.value.signal)) : refused(r.message ?? text.stepUnknown(o.to));
}
