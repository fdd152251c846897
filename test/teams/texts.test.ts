// The digest text is Slack mrkdwn; Teams gets Teams markdown.
import { describe, expect, it } from 'vitest';
import { slackToTeamsMarkdown } from '../../src/teams/texts.js';

describe('slackToTeamsMarkdown', () => {
  it('turns *bold* into **bold**, keeps _italic_, and makes bullets a list', () => {
    const slack = ['*Maandoverzicht minimaatwerkbudget — oktober 2026*', '_Alle teams_', '', '*Per categorie*', '• *Witgoed* (1×, € 85,50): 1 keer', '• Vervoer: 2× · € 40,00'].join('\n');
    expect(slackToTeamsMarkdown(slack)).toBe(
      ['**Maandoverzicht minimaatwerkbudget — oktober 2026**', '_Alle teams_', '**Per categorie**', '- **Witgoed** (1×, € 85,50): 1 keer\n- Vervoer: 2× · € 40,00'].join('\n\n'),
    );
  });

  it('leaves stars inside words and lone stars alone, converts links and strike-through', () => {
    expect(slackToTeamsMarkdown('3 * 4 = 12 en a*b*c')).toBe('3 * 4 = 12 en a*b*c');
    expect(slackToTeamsMarkdown('zie <https://example.org/x|de uitleg> en ~oud~')).toBe('zie [de uitleg](https://example.org/x) en ~~oud~~');
    expect(slackToTeamsMarkdown('*Budget dit jaar*: *€ 1.234,56* van _€ 5.000,00_')).toBe('**Budget dit jaar**: **€ 1.234,56** van _€ 5.000,00_');
  });

  it('keeps the HTML escapes of names and collapses empty lines into one paragraph break', () => {
    expect(slackToTeamsMarkdown('• *Team &lt;Noord&gt; &amp; Zuid*\n\n\n\nklaar\n')).toBe('- **Team &lt;Noord&gt; &amp; Zuid**\n\nklaar');
  });
});
