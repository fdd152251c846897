import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CATEGORIES, suggestCategory, type SupplierHistory } from '../../src/core/category.js';
import {
  TEAM_WEIGHT,
  WORKSPACE_WEIGHT,
  buildCategoryModel,
  countCorrections,
  suggestWithModel,
  type Correction,
} from '../../src/core/categoryModel.js';
import labelled from '../fixtures/category-labelled.json' with { type: 'json' };
import ownWords from '../fixtures/category-own-words.json' with { type: 'json' };

type Sample = { description: string; supplier: string; expected: string };
const samples: readonly Sample[] = [...(labelled as Sample[]), ...(ownWords as Sample[])];
const slugs = DEFAULT_CATEGORIES.map((c) => c.slug);
const asCorrections = (xs: readonly Sample[]): Correction[] =>
  xs.map((s) => ({ description: s.description, supplierName: s.supplier, slug: s.expected }));
const same = (description: string, supplierName: string, slug: string, n: number): Correction[] =>
  Array.from({ length: n }, () => ({ description, supplierName, slug }));

const empty = buildCategoryModel({ team: [], workspace: [] });

describe('suggestWithModel without corrections', () => {
  it('gives exactly what suggestCategory gives, for every labelled sample', () => {
    for (const s of samples) {
      const input = { description: s.description, supplierName: s.supplier };
      expect(suggestWithModel(empty, input), s.description).toEqual(suggestCategory(input));
    }
  });

  it("also with a team's own category list and supplier history", () => {
    const available = ['mondzorg', 'werk', 'kleding', 'zorg', 'eigen_potje'];
    const history: SupplierHistory[] = [{ supplierKey: 'zeeman', slug: 'werk', count: 3 }];
    for (const s of samples) {
      const input = { description: s.description, supplierName: s.supplier, available, history };
      expect(suggestWithModel(empty, input), s.description).toEqual(suggestCategory(input));
    }
    expect(suggestWithModel(empty, { description: 'broek', supplierName: 'Zeeman B.V.', available, history })).toEqual({
      slug: 'werk',
      source: 'supplier_history',
      score: 3,
      explanation: 'leverancier 3x eerder als werk',
    });
  });
});

describe('learning from corrections', () => {
  const request = { description: 'WW-kleding voor start bij PostNL', supplierName: 'PostNL' };
  const ww = [
    { description: 'WW-kleding voor nieuwe collega', supplierName: 'PostNL', slug: 'werk' },
    { description: 'WW-kleding maat L, start maandag', supplierName: 'PostNL', slug: 'werk' },
  ];

  it('suggests a team phrase as the team corrected it, saying so', () => {
    // The keyword table reads 'kleding' (a decisive keyword); the team files WW-kleding as work.
    expect(suggestCategory(request)).toEqual({ slug: 'kleding', source: 'keywords', score: 3, explanation: 'trefwoord "kleding"' });
    // One correction is not enough to overrule a decisive keyword ...
    expect(suggestWithModel(buildCategoryModel({ team: ww.slice(0, 1), workspace: [] }), request).slug).toBe('kleding');
    // ... two are.
    const model = buildCategoryModel({ team: ww, workspace: [] });
    expect(suggestWithModel(model, request)).toEqual({
      slug: 'werk',
      source: 'learned',
      score: expect.any(Number),
      explanation: 'geleerd van 2 correcties in dit team: "kleding", "postnl"',
    });
    const { score } = suggestWithModel(model, request);
    expect(score).toBeGreaterThan(0.5);
    expect(score).toBeLessThanOrEqual(1);
    // Requests unlike the corrections keep the keyword answer.
    expect(suggestWithModel(model, { description: 'winterjas voor zoon', supplierName: 'Zeeman' })).toEqual(
      suggestCategory({ description: 'winterjas voor zoon', supplierName: 'Zeeman' }),
    );
  });

  it('learns a phrase the keyword table does not know from one correction', () => {
    const request2 = { description: 'kwartiermakerspot deelname', supplierName: 'Stichting Kwartier' };
    expect(suggestCategory(request2).source).toBe('fallback');
    const model = buildCategoryModel({ team: same('kwartiermakerspot bijdrage', 'Stichting Kwartier', 'noodhulp', 1), workspace: [] });
    expect(suggestWithModel(model, request2)).toMatchObject({
      slug: 'noodhulp',
      source: 'learned',
      explanation: 'geleerd van 1 correctie in dit team: "kwartiermakerspot", "kwartier"',
    });
  });

  it("learns a category of the team's own, only while the team has it", () => {
    const own = [...slugs, 'fietsproject'];
    const team = [
      { description: 'bakfiets uit het fietsproject voor moeder met tweeling', supplierName: 'Fietsproject Zuilen', slug: 'fietsproject' },
      { description: 'fietsproject: opgeknapte omafiets', supplierName: 'Fietsproject Zuilen', slug: 'fietsproject' },
    ];
    const request3 = { description: 'fiets van het fietsproject, 2e hands', supplierName: 'Fietsproject Zuilen' };
    const model = buildCategoryModel({ team, workspace: [] });
    expect(suggestCategory({ ...request3, available: own }).slug).toBe('vervoer');
    expect(suggestWithModel(model, { ...request3, available: own })).toMatchObject({ slug: 'fietsproject', source: 'learned' });
    expect(suggestWithModel(model, { ...request3, available: slugs }).slug).toBe('vervoer');
    expect(suggestWithModel(model, request3).slug).toBe('vervoer'); // default: DEFAULT_CATEGORIES
  });

  it('needs more than a shared neighbourhood word to overrule the prior', () => {
    const model = buildCategoryModel({ team: same('wasmachine kapot', 'Witgoed Overvecht', 'witgoed', 3), workspace: [] });
    const request4 = { description: 'schoolreisje groep 5', supplierName: 'Basisschool Overvecht' };
    expect(suggestWithModel(model, request4)).toEqual(suggestCategory(request4));
  });
});

describe('team and workspace corrections', () => {
  const phrase = 'kwartiermakerspot bijdrage';
  const supplier = 'Stichting Kwartier';
  const request = { description: 'kwartiermakerspot deelname', supplierName: supplier };
  const suggestWith = (team: Correction[], workspace: Correction[]) =>
    suggestWithModel(buildCategoryModel({ team, workspace }), request);

  it('learns from other teams when the team has nothing, and says so', () => {
    expect(suggestWith([], same(phrase, supplier, 'werk', 2))).toMatchObject({
      slug: 'werk',
      source: 'learned',
      explanation: 'geleerd van 2 correcties in andere teams: "kwartiermakerspot", "kwartier"',
    });
  });

  it('counts a workspace correction for less than a team one when they disagree', () => {
    expect(WORKSPACE_WEIGHT).toBeLessThan(TEAM_WEIGHT);
    // Both ways round, so the order of the categories cannot decide.
    expect(suggestWith(same(phrase, supplier, 'noodhulp', 2), same(phrase, supplier, 'werk', 6)).slug).toBe('noodhulp');
    expect(suggestWith(same(phrase, supplier, 'werk', 2), same(phrase, supplier, 'noodhulp', 6)).slug).toBe('werk');
    // Many more corrections elsewhere do outweigh the team's two.
    expect(suggestWith(same(phrase, supplier, 'noodhulp', 2), same(phrase, supplier, 'werk', 12)).slug).toBe('werk');
    expect(suggestWith(same(phrase, supplier, 'werk', 2), same(phrase, supplier, 'noodhulp', 12)).slug).toBe('noodhulp');
  });

  it('accepts the workspace counts prebuilt (cached across teams) with the same result', () => {
    const workspace = asCorrections((labelled as Sample[]).slice(0, 60));
    const team = asCorrections((ownWords as Sample[]).slice(0, 40));
    const a = buildCategoryModel({ team, workspace });
    const b = buildCategoryModel({ team: countCorrections(team), workspace: countCorrections(workspace) });
    for (const s of samples) {
      const input = { description: s.description, supplierName: s.supplier };
      expect(suggestWithModel(b, input)).toEqual(suggestWithModel(a, input));
    }
  });
});

describe('always a category the team has', () => {
  const pool = [...slugs, 'eigen_potje', 'fietsproject'];
  const corrections = fc.array(
    fc.record({
      description: fc.oneof(fc.constantFrom(...samples.map((s) => s.description)), fc.string({ maxLength: 40 })),
      supplierName: fc.oneof(fc.constantFrom(...samples.map((s) => s.supplier)), fc.string({ maxLength: 20 })),
      slug: fc.constantFrom(...pool),
    }),
    { maxLength: 30 },
  );

  it('suggests one of `available` whatever the corrections', () => {
    fc.assert(
      fc.property(
        corrections,
        corrections,
        fc.uniqueArray(fc.constantFrom(...pool), { minLength: 1 }),
        fc.constantFrom(...samples),
        (team, workspace, available, s) => {
          const model = buildCategoryModel({ team, workspace });
          const got = suggestWithModel(model, { description: s.description, supplierName: s.supplier, available });
          expect(available).toContain(got.slug);
          expect(suggestWithModel(model, { description: s.description, supplierName: s.supplier }).slug).toSatisfy(
            (slug: string) => slugs.includes(slug),
          );
        },
      ),
      { numRuns: 200, seed: 20261124 },
    );
  });
});

describe('determinism', () => {
  const team = asCorrections((ownWords as Sample[]).slice(0, 100));
  const workspace = asCorrections(labelled as Sample[]);

  it('gives the same answers for the same corrections in any order, and twice', () => {
    const model = buildCategoryModel({ team, workspace });
    const reversed = buildCategoryModel({ team: [...team].reverse(), workspace: [...workspace].reverse() });
    let learned = 0;
    for (const s of samples) {
      const input = { description: s.description, supplierName: s.supplier };
      const a = suggestWithModel(model, input);
      if (a.source === 'learned') learned += 1;
      expect(suggestWithModel(model, input)).toEqual(a);
      expect(suggestWithModel(reversed, input)).toEqual(a);
    }
    expect(learned).toBeGreaterThan(0); // the comparison covered learned answers too
  });

  it('does not change its inputs and is frozen', () => {
    const copy = structuredClone(team);
    const model = buildCategoryModel({ team, workspace: [] });
    expect(team).toEqual(copy);
    expect(Object.isFrozen(model)).toBe(true);
    expect(Object.isFrozen(model.team)).toBe(true);
  });
});
