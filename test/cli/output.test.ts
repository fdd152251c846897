// say(): the CLI's own plain texts and the core's structured messages both come out as plain text,
// Dutch first.
import { describe, expect, it } from 'vitest';
import { say } from '../../src/cli/output.js';
import { code, list, msg, p, strong, t } from '../../src/core/text.js';

describe('say', () => {
  it('prints a plain text on one line, or as two blocks when it has several lines', () => {
    expect(say({ nl: 'Klaar.', en: 'Done.' })).toBe('Klaar. / Done.');
    expect(say({ nl: 'Regel 1\nRegel 2', en: 'Line 1\nLine 2' })).toBe('Regel 1\nRegel 2\n\nLine 1\nLine 2');
  });

  it('renders a structured message as plain text: typed text literally, no markup', () => {
    expect(say(msg(t`${strong('#12')} betaald aan ${'*Witgoed* <!channel>'}.`, t`${strong('#12')} paid to ${'*Witgoed* <!channel>'}.`))).toBe(
      '#12 betaald aan *Witgoed* <!channel>. / #12 paid to *Witgoed* <!channel>.',
    );
    expect(say(msg([p('Gebruik:'), list([[code('export csv')], [code('audit verify')]])], [p('Usage:')]))).toBe('Gebruik:\n• export csv\n• audit verify\n\nUsage:');
  });
});
