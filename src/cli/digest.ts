// `npm run cli -- digest [--month 2026-10]`: the digest text of all teams, for people without Slack at hand.
import { digestForMonth, resolveDigestMonth } from '../app/digest.js';
import { toPlain } from '../core/text.js';
import type { Store } from '../store/db.js';

export function digestCommand(store: Store, args: { month?: string }, now: Date): { exitCode: number; output: string } {
  const month = resolveDigestMonth(args.month ?? '', now);
  if (!month.ok) return { exitCode: 2, output: `${month.error.nl}\n${month.error.en}\n` };
  const { text } = digestForMonth({ store, clock: { now: () => now } }, month.value, { chart: false });
  return { exitCode: 0, output: `${toPlain(text)}\n` };
}
