import { describe, expect, it } from 'vitest';
import {
  DEFAULT_CATEGORIES,
  FALLBACK_SLUG,
  SUPPLIER_HISTORY_MIN,
  accuracy,
  foldText,
  suggestCategory,
  supplierKey,
  type SupplierHistory,
} from '../../src/core/category.js';

const suggest = (description: string, supplierName = '', extra: Partial<Parameters<typeof suggestCategory>[0]> = {}) =>
  suggestCategory({ description, supplierName, ...extra });

describe('foldText', () => {
  it('lowercases, strips accents, turns punctuation into spaces and collapses whitespace', () => {
    expect(foldText('  Mondhygiëne   bij CAFÉ-Één!! ')).toBe('mondhygiene bij cafe een');
    expect(foldText('OV-chipkaart / ID-kaart, pasfoto’s')).toBe('ov chipkaart id kaart pasfoto s');
    expect(foldText('Prénatal\tgeboorte\nakte')).toBe('prenatal geboorte akte');
    expect(foldText('')).toBe('');
  });

  it('is idempotent', () => {
    const once = foldText('Tandartspraktijk "De Kies" B.V. — €240,00');
    expect(foldText(once)).toBe(once);
  });
});

describe('supplierKey', () => {
  it('folds and strips legal forms but keeps the words', () => {
    expect(supplierKey('Tandartspraktijk De Kies B.V.')).toBe('tandartspraktijk de kies');
    expect(supplierKey('Slotenservice Oost v.o.f.')).toBe('slotenservice oost');
    expect(supplierKey('Coolblue BV')).toBe('coolblue');
    expect(supplierKey('NS Reizigers N.V.')).toBe('ns reizigers');
    expect(supplierKey('coolblue')).toBe(supplierKey('Coolblue B.V.'));
  });

  it('is idempotent and never empties a name that is only a legal form', () => {
    const k = supplierKey('Fietsenmaker De Spaak V.O.F.');
    expect(supplierKey(k)).toBe(k);
    expect(supplierKey('B.V.')).toBe('b v');
  });
});

describe('DEFAULT_CATEGORIES', () => {
  it('has the thirteen agreed slugs in order, with labels and folded keywords', () => {
    expect(DEFAULT_CATEGORIES.map((c) => c.slug)).toEqual([
      'mondzorg', 'documenten', 'witgoed', 'woning', 'huur_energie', 'schuld', 'werk',
      'vervoer', 'kleding', 'kinderen', 'zorg', 'noodhulp', 'overig',
    ]);
    for (const c of DEFAULT_CATEGORIES) {
      expect(c.labelNl.length).toBeGreaterThan(0);
      expect(c.labelEn.length).toBeGreaterThan(0);
      for (const k of c.keywords) expect(foldText(k)).toBe(k);
    }
    expect(DEFAULT_CATEGORIES.find((c) => c.slug === 'mondzorg')?.labelNl).toBe('Mondzorg / tandarts');
    expect(FALLBACK_SLUG).toBe('overig');
  });
});

describe('suggestCategory — keywords', () => {
  it('matches accents and case-insensitively', () => {
    expect(suggest('MONDHYGIËNIST bezoek').slug).toBe('mondzorg');
    expect(suggest('Paspoort verlopen').slug).toBe('documenten');
  });

  it('matches keywords of 4+ letters inside Dutch compounds', () => {
    expect(suggest('openstaande tandartsrekening').slug).toBe('mondzorg');
    expect(suggest('al dagen kiespijn').slug).toBe('mondzorg');
    expect(suggest('tweedehands wasmachine').slug).toBe('witgoed');
    expect(suggest('klein koelkastje voor studio').slug).toBe('witgoed');
    expect(suggest('spoed noodtandarts').slug).toBe('mondzorg');
  });

  it('matches short keywords only as whole words', () => {
    expect(suggest('ov kaart opladen').slug).toBe('vervoer');
    expect(suggest('nieuwe ID nodig').slug).toBe('documenten');
    // 'ov' inside 'provincie', 'id' inside 'idee'/'tijd': no match, so fallback
    const r = suggest('provincie idee tijd');
    expect(r.source).toBe('fallback');
    expect(r.slug).toBe(FALLBACK_SLUG);
  });

  it('lets the longer compound win over the word inside it', () => {
    expect(suggest('werkschoenen en werkkleding voor de bouw').slug).toBe('werk');
    expect(suggest('rijbewijs halen').slug).toBe('werk');
    expect(suggest('scooterbewijs kwijt').slug).toBe('werk');
    expect(suggest('gesprek met woningcorporatie over achterstand').slug).toBe('huur_energie');
  });

  it('handles the context words named in the brief', () => {
    expect(suggest('fiets gestolen').slug).toBe('vervoer');
    expect(suggest('schoolreisje groep 7').slug).toBe('kinderen');
    expect(suggest('laptop voor school').slug).toBe('kinderen');
    expect(suggest('eigen risico').slug).toBe('zorg');
    expect(suggest('eigen bijdrage hoortoestel').slug).toBe('zorg');
    expect(suggest('nieuwe bril').slug).toBe('zorg');
    expect(suggest('medicijnen niet vergoed').slug).toBe('zorg');
    expect(suggest('huurachterstand 2 maanden').slug).toBe('huur_energie');
    expect(suggest('energierekening').slug).toBe('huur_energie');
    expect(suggest('achterstand', 'Eneco').slug).toBe('huur_energie');
    expect(suggest('eindafrekening', 'Vattenfall').slug).toBe('huur_energie');
    expect(suggest('boodschappen voor het weekend').slug).toBe('noodhulp');
    expect(suggest('voedselpakket').slug).toBe('noodhulp');
    expect(suggest('incasso oude rekening').slug).toBe('schuld');
    expect(suggest('deurwaarder dreigt met beslag').slug).toBe('schuld');
    expect(suggest('boete', 'CJIB').slug).toBe('schuld');
    expect(suggest('slotenmaker, sleutels binnen laten liggen').slug).toBe('woning');
  });

  it('uses the supplier name at lower weight than the description', () => {
    expect(suggest('nieuwe', 'Tandartspraktijk De Kies').slug).toBe('mondzorg');
    expect(suggest('kapot apparaat', 'Coolblue').slug).toBe('witgoed');
    expect(suggest('kaartje', 'NS').slug).toBe('vervoer');
    expect(suggest('verf', 'Gamma').slug).toBe('woning');
    expect(suggest('laptop voor school', 'Coolblue').slug).toBe('kinderen');
  });

  it('explains the trigger in Dutch', () => {
    const r = suggest('openstaande tandartsrekening');
    expect(r.source).toBe('keywords');
    expect(r.explanation).toContain('"tandarts"');
    expect(r.explanation).toMatch(/^trefwoord/);
    expect(r.score).toBeGreaterThan(0);
    const s = suggest('reparatie', 'Coolblue B.V.');
    expect(s.slug).toBe('witgoed');
    expect(s.explanation).toContain('leveranciersnaam "coolblue"');
  });

  it('is deterministic, also on ties', () => {
    const a = suggest('fiets en kleding');
    for (let i = 0; i < 5; i++) expect(suggest('fiets en kleding')).toEqual(a);
    // equal weight, equal hit count: the earlier category in DEFAULT_CATEGORIES wins
    expect(suggest('koelkast en paspoort').slug).toBe('documenten');
  });
});

describe('suggestCategory — supplier history', () => {
  const hist = (slug: string, count: number, key = 'tandartspraktijk de kies'): SupplierHistory => ({
    supplierKey: key,
    slug,
    count,
  });

  it(`wins over keywords at ${SUPPLIER_HISTORY_MIN}+ confirmations`, () => {
    expect(SUPPLIER_HISTORY_MIN).toBe(3);
    const r = suggest('rekening betalen voor beugel', 'Tandartspraktijk De Kies B.V.', {
      history: [hist('zorg', 3)],
    });
    expect(r).toEqual({
      slug: 'zorg',
      source: 'supplier_history',
      score: 3,
      explanation: 'leverancier 3x eerder als zorg',
    });
  });

  it('does not count below the minimum', () => {
    const r = suggest('kiespijn', 'Tandartspraktijk De Kies', { history: [hist('zorg', 2)] });
    expect(r.slug).toBe('mondzorg');
    expect(r.source).toBe('keywords');
  });

  it('only applies to the same supplier (compared by supplierKey)', () => {
    const other = suggest('kiespijn', 'Tandarts Zuid', { history: [hist('zorg', 9)] });
    expect(other.slug).toBe('mondzorg');
    const sameKey = suggest('iets', 'tandartspraktijk de kies v.o.f.', {
      history: [hist('zorg', 4, 'Tandartspraktijk De Kies B.V.')],
    });
    expect(sameKey.source).toBe('supplier_history');
  });

  it('prefers the qualifying category the keywords point to, else the highest count', () => {
    const history = [hist('witgoed', 6, 'coolblue'), hist('kinderen', 3, 'coolblue')];
    expect(suggest('laptop voor school', 'Coolblue', { history }).slug).toBe('kinderen');
    expect(suggest('bestelling', 'Coolblue', { history }).slug).toBe('witgoed');
  });

  it('ignores history for categories the team does not have', () => {
    const r = suggest('kiespijn', 'Tandartspraktijk De Kies', {
      history: [hist('zorg', 5)],
      available: ['mondzorg', 'overig'],
    });
    expect(r.slug).toBe('mondzorg');
  });
});

describe('suggestCategory — available and fallback', () => {
  it('restricts the result to the team categories', () => {
    expect(suggest('werkschoenen').slug).toBe('werk');
    const r = suggest('werkschoenen', '', { available: ['kleding', 'overig'] });
    expect(r.slug).toBe('kleding');
    expect(r.source).toBe('keywords');
  });

  it('falls back to overig with source fallback when nothing matches', () => {
    const r = suggest('iets regelen voor meneer', 'Firma X');
    expect(r).toEqual({ slug: 'overig', source: 'fallback', score: 0, explanation: 'geen trefwoord herkend' });
    expect(suggest('', '').slug).toBe('overig');
  });

  it('falls back to the first available slug when the team has no overig', () => {
    const r = suggest('iets regelen', '', { available: ['mondzorg', 'werk'] });
    expect(r).toMatchObject({ slug: 'mondzorg', source: 'fallback' });
    expect(suggest('kiespijn', '', { available: ['werk'] }).slug).toBe('werk');
  });
});

describe('accuracy', () => {
  it('counts correct suggestions and lists misses', () => {
    const r = accuracy([
      { description: 'kiespijn', supplier: '', expected: 'mondzorg' },
      { description: 'paspoort', supplier: 'Gemeente', expected: 'documenten' },
      { description: 'koelkast', supplier: '', expected: 'kleding' },
    ]);
    expect(r.correct).toBe(2);
    expect(r.total).toBe(3);
    expect(r.ratio).toBeCloseTo(2 / 3);
    expect(r.misses).toEqual([{ description: 'koelkast', expected: 'kleding', got: 'witgoed' }]);
    expect(accuracy([])).toEqual({ correct: 0, total: 0, ratio: 0, misses: [] });
  });
});
