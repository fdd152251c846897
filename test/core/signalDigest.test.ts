// The learning part of the digest as pure functions: which categories get a shared-signal proposal,
// which buttons, and the blocks (rendered as plain text here).
import { describe, expect, it } from 'vitest';
import { learningDigestBlocks, sharedProposals, signalProposals, type OpenSignalRef, type RecurringFinding } from '../../src/core/signalDigest.js';
import { toPlain } from '../../src/core/text.js';

const f = (teamId: number, slug: string, count: number, totalCents: number, label = slug === 'mondzorg' ? 'Mondzorg / tandarts' : slug): RecurringFinding => ({
  teamId,
  teamName: `Team ${teamId}`,
  slug,
  label,
  count,
  totalCents,
});
const scopes = new Map([
  [1, 'slack:T1'],
  [2, 'slack:T1'],
  [3, 'slack:T1'],
  [4, 'slack:T1'],
  [5, 'slack:T2'],
  [6, 'slack:T2'],
]);

describe('shared proposals', () => {
  it('from 3 teams of one workspace on (a named default), each team’s figures, most spends first', () => {
    const findings = [f(1, 'mondzorg', 4, 40000), f(2, 'mondzorg', 6, 51000), f(3, 'mondzorg', 5, 38000), f(1, 'witgoed', 4, 90000), f(2, 'witgoed', 4, 80000), f(5, 'mondzorg', 4, 1), f(6, 'mondzorg', 4, 1)];
    const shared = sharedProposals(findings, scopes, []);
    expect(shared).toEqual([
      { scope: 'slack:T1', slug: 'mondzorg', label: 'Mondzorg / tandarts', signal: null, teams: [f(2, 'mondzorg', 6, 51000), f(3, 'mondzorg', 5, 38000), f(1, 'mondzorg', 4, 40000)] },
    ]);
    // Two teams are enough when the setting says so; teams of another workspace never add up.
    expect(sharedProposals(findings, scopes, [], 2).map((s) => `${s.scope} ${s.slug} ${s.teams.length}`)).toEqual(['slack:T1 mondzorg 3', 'slack:T1 witgoed 2', 'slack:T2 mondzorg 2']);
    // A team named twice counts once.
    expect(sharedProposals([f(1, 'mondzorg', 4, 1), f(1, 'mondzorg', 5, 1), f(2, 'mondzorg', 4, 1)], scopes, [])).toEqual([]);
  });

  it('an open signal in the workspace for the category is named instead of proposing a new one', () => {
    const open: OpenSignalRef[] = [{ id: 7, slug: 'mondzorg', status: 'discussed', teamIds: [9], scope: 'slack:T1' }];
    const shared = sharedProposals([f(1, 'mondzorg', 4, 1), f(2, 'mondzorg', 4, 1), f(3, 'mondzorg', 4, 1)], scopes, open);
    expect(shared[0]?.signal).toEqual({ id: 7, status: 'discussed' });
    expect(signalProposals([f(1, 'mondzorg', 4, 1), f(2, 'mondzorg', 4, 1), f(3, 'mondzorg', 4, 1)], shared, open)).toEqual([]);
  });
});

describe('buttons', () => {
  it('shared first (all its teams), then single teams not covered by an open signal, at most 5', () => {
    const findings = [f(1, 'mondzorg', 4, 1), f(2, 'mondzorg', 4, 1), f(3, 'mondzorg', 4, 1), f(4, 'witgoed', 9, 1), f(4, 'schuld', 5, 1), f(1, 'schuld', 6, 1)];
    const open: OpenSignalRef[] = [{ id: 1, slug: 'schuld', status: 'signalled', teamIds: [1], scope: 'slack:T1' }];
    const shared = sharedProposals(findings, scopes, open);
    expect(signalProposals(findings, shared, open)).toEqual([
      { slug: 'mondzorg', label: 'Mondzorg / tandarts', teamIds: [1, 2, 3], teamName: null },
      { slug: 'witgoed', label: 'witgoed', teamIds: [4], teamName: 'Team 4' },
      { slug: 'schuld', label: 'schuld', teamIds: [4], teamName: 'Team 4' },
    ]);
    const many = Array.from({ length: 9 }, (_, i) => f(1, `c${i}`, 4, 1));
    expect(signalProposals(many, [], [])).toHaveLength(5);
  });
});

describe('blocks', () => {
  const empty = { shared: [], signals: [], alternatives: { approved: 0, byKind: [] }, prevented: [], unitCosts: [], proposals: [] };

  it('nothing to say: nothing appended', () => {
    expect(learningDigestBlocks(empty)).toEqual([]);
  });

  it('shared proposal, alternatives with the pilots’ 1 in 5, and where they came from', () => {
    const shared = sharedProposals([f(1, 'mondzorg', 4, 40000), f(2, 'mondzorg', 6, 51000), f(3, 'mondzorg', 5, 38000)], scopes, []);
    const text = toPlain(
      learningDigestBlocks({
        ...empty,
        shared,
        proposals: signalProposals([], shared, []),
        alternatives: { approved: 12, byKind: [{ kind: 'charity_fund', count: 2 }, { kind: 'network', count: 1 }, { kind: null, count: 1 }] },
      }),
    );
    expect(text).toContain('Van signaal naar structurele oplossing / From signal to structural solution');
    expect(text).toContain('• Mondzorg / tandarts in 3 teams: Team 2 6× € 510,00; Team 3 5× € 380,00; Team 1 4× € 400,00 → voorstel: één gezamenlijk signaal: signaal nieuw mondzorg in het digest-kanaal (of de knop onder het maandoverzicht)');
    expect(text).toContain('4 van 16 besluiten (25,0%) eindigden met een alternatief in plaats van een uitgave; de pilots zagen ongeveer 1 op 5.');
    expect(text).toContain('• Fonds of goed doel: 2\n• Netwerk van de bewoner: 1\n• Anders: 1');
  });

  it('a digest of many teams lists 10 shared proposals and counts the rest', () => {
    const findings = Array.from({ length: 12 }, (_, i) => [1, 2, 3].map((team) => f(team, `c${String(i).padStart(2, '0')}`, 4, 1000 * (12 - i)))).flat();
    const text = toPlain(learningDigestBlocks({ ...empty, shared: sharedProposals(findings, scopes, []) }));
    expect(text.match(/ in 3 teams: /g)).toHaveLength(10);
    expect(text).toContain('c09 in 3 teams');
    expect(text).not.toContain('c10 in 3 teams');
    expect(text).toContain('… en nog 2 categorieën in meerdere teams / and 2 more categories in several teams');
  });

  it('what spends prevented per category; an estimate only for outcomes with the municipality’s unit cost, with its source', () => {
    const prevented = [
      { slug: 'huur_energie', label: 'Huur en energie', outcome: 'eviction' as const, count: 2 },
      { slug: 'huur_energie', label: 'Huur en energie', outcome: 'utility_cutoff' as const, count: 3 },
      { slug: 'werk', label: 'Werk', outcome: 'job' as const, count: 1 },
    ];
    const without = toPlain(learningDigestBlocks({ ...empty, prevented }));
    expect(without).toContain('• Huur en energie: afsluiting energie of water voorkomen 3, huisuitzetting voorkomen 2\n• Werk: werk behouden of gevonden 1');
    expect(without).not.toContain('€');
    const withCosts = toPlain(learningDigestBlocks({ ...empty, prevented, unitCosts: [{ outcome: 'eviction', cents: 800000, source: 'Gemeente X, kosten per ontruiming 2025' }] }));
    expect(withCosts).toContain('Geschatte vermeden kosten: € 16.000,00, alleen voor uitkomsten waarvoor de gemeente zelf een bedrag per keer heeft ingesteld:');
    expect(withCosts).toContain('• Huisuitzetting voorkomen: 2 × € 8.000,00 (bron: Gemeente X, kosten per ontruiming 2025)');
  });
});
