/**
 * Category suggestion for minimaatwerkbudget requests.
 *
 * Every spend is categorised so recurring bottlenecks show up (dental costs, rent arrears,
 * work costs just outside re-integration criteria, ...). This module suggests a category
 * from the free-text description a team member types and the supplier name. It is a
 * suggestion only: the requester confirms or changes it, and confirmed choices feed back as
 * supplier history.
 *
 * Order of evidence:
 *   1. supplier history — a supplier confirmed under one category SUPPLIER_HISTORY_MIN+ times;
 *   2. weighted keywords in the description (and, at half weight, in the supplier name);
 *   3. the fallback category 'overig'.
 *
 * Pure: no I/O, no Node APIs, deterministic.
 */

export interface CategoryDef {
  slug: string;
  labelNl: string;
  labelEn: string;
  /** Dutch and English keywords, folded (see foldText). */
  keywords: readonly string[];
}

export const FALLBACK_SLUG = 'overig';

/** A supplier filed under a category this many times suggests that category. */
export const SUPPLIER_HISTORY_MIN = 3;

/** Keyword hits in the supplier name count for this fraction of their weight. */
const SUPPLIER_NAME_FACTOR = 0.5;

export interface SupplierHistory {
  supplierKey: string;
  slug: string;
  /** How often requests from this supplier were CONFIRMED under this category. */
  count: number;
}

export interface Suggestion {
  slug: string;
  source: 'supplier_history' | 'keywords' | 'fallback' | 'learned';
  /**
   * supplier_history: the confirmed count; keywords: the summed keyword weight of the
   * winning category (description hits full weight, supplier-name hits half); fallback: 0;
   * learned (src/core/categoryModel.ts): the model's probability for the category, 0–1.
   */
  score: number;
  /** Short Dutch explanation naming the trigger. */
  explanation: string;
}

// ---------------------------------------------------------------------------------------
// Folding
// ---------------------------------------------------------------------------------------

/** Lowercase, strip accents (NFD + combining marks), punctuation → space, collapse spaces. */
export function foldText(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/\u0133/g, 'ij')
    .replace(/\u0132/g, 'IJ')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Legal forms removed from supplier names (as folded token sequences). */
const LEGAL_FORMS: readonly string[] = [
  'b v',
  'bv',
  'n v',
  'nv',
  'v o f',
  'vof',
  'c v',
  'i o',
  'ltd',
  'gmbh',
  'inc',
  'llc',
  'plc',
  'besloten vennootschap',
  'naamloze vennootschap',
  'vennootschap onder firma',
];

const LEGAL_FORM_RE = new RegExp(
  `(?:^| )(?:${[...LEGAL_FORMS]
    .sort((a, b) => b.length - a.length)
    .map(escapeRegExp)
    .join('|')})(?= |$)`,
  'g',
);

/** Folded supplier name with legal forms (B.V., v.o.f., N.V., ...) removed. Idempotent. */
export function supplierKey(supplierName: string): string {
  const folded = foldText(supplierName);
  let key = folded;
  for (;;) {
    const next = key.replace(LEGAL_FORM_RE, ' ').replace(/ +/g, ' ').trim();
    if (next === key) break;
    key = next;
  }
  return key === '' ? folded : key;
}

// ---------------------------------------------------------------------------------------
// Categories and weighted keywords
// ---------------------------------------------------------------------------------------

/**
 * Keyword notation (internal): a folded keyword, optionally prefixed with '^' (must start a
 * word) and/or suffixed with '$' (must end a word). Keywords of fewer than 4 letters always
 * match whole words only; longer ones may match inside Dutch compounds
 * ('tandartsrekening', 'koelkastje'). Multi-word keywords also match written together
 * ('eigen risico' ~ 'eigenrisico', 'ov chip' ~ 'ov-chipkaart').
 *
 * Weights: 3 decisive, 2 strong, 1 normal, 0.5 weak hint.
 * When hits overlap ('kleding' in 'werkkleding', 'woning' in 'woningcorporatie'), only the
 * longest counts.
 */
type WeightedKeywords = readonly (readonly [keyword: string, weight: number])[];

interface InternalCategory {
  slug: string;
  labelNl: string;
  labelEn: string;
  keywords: WeightedKeywords;
}

const CATEGORY_TABLE: readonly InternalCategory[] = [
  {
    slug: 'mondzorg',
    labelNl: 'Mondzorg / tandarts',
    labelEn: 'Dental care',
    keywords: [
      ['tandarts', 3],
      ['tandheelk', 3],
      ['^tand', 2],
      ['mondzorg', 3],
      ['mondhygien', 3],
      ['gebit', 3],
      ['kies', 2],
      ['kiespijn', 3],
      ['verstandskies', 3],
      ['kaakchirurg', 3],
      ['orthodont', 3],
      ['beugel', 2],
      ['wortelkanaal', 3],
      ['vulling', 1],
      ['kroon', 1],
      ['extractie', 1],
      ['prothese', 1],
      ['tooth', 3],
      ['teeth', 3],
      ['dental', 3],
      ['dentist', 3],
      ['denture', 3],
    ],
  },
  {
    slug: 'documenten',
    labelNl: 'Identiteitsbewijs en documenten',
    labelEn: 'ID and documents',
    keywords: [
      ['paspoort', 3],
      ['passport', 3],
      ['identiteitskaart', 3],
      ['identiteitsbewijs', 3],
      ['id kaart', 3],
      ['id bewijs', 3],
      ['id', 2],
      ['legitimatie', 3],
      ['identity', 2],
      ['geboorteakte', 3],
      ['uittreksel', 3],
      ['brp', 2],
      ['gba', 2],
      ['pasfoto', 2],
      ['^leges', 2],
      ['verblijfsvergunning', 3],
      ['verblijfsdocument', 3],
      ['^verblijfs', 2],
      ['ind', 2],
      ['vog', 3],
      ['verklaring omtrent', 3],
      ['legalisatie', 2],
      ['apostille', 3],
      ['naturalisatie', 3],
      ['vertaling', 1],
      ['document', 1],
      ['birth certificate', 3],
      ['^gemeente$', 0.5],
    ],
  },
  {
    slug: 'witgoed',
    labelNl: 'Witgoed en huishoudelijke apparaten',
    labelEn: 'White goods and appliances',
    keywords: [
      ['witgoed', 3],
      ['wasmachine', 3],
      ['wasautomaat', 3],
      ['droger', 3],
      ['koelkast', 3],
      ['vriezer', 3],
      ['koel vries', 3],
      ['fornuis', 3],
      ['kookplaat', 3],
      ['inductie', 2],
      ['^oven', 2],
      ['magnetron', 3],
      ['vaatwasser', 3],
      ['waterkoker', 2],
      ['stofzuiger', 2],
      ['strijkijzer', 2],
      ['huishoudelijk', 2],
      ['apparaat', 1],
      ['apparatuur', 1],
      ['koken', 1],
      ['washing machine', 3],
      ['fridge', 3],
      ['freezer', 3],
      ['dryer', 3],
      ['stove', 3],
      ['microwave', 3],
      ['appliance', 2],
      ['coolblue', 2],
      ['mediamarkt', 2],
      ['bcc', 2],
      ['^expert$', 1],
    ],
  },
  {
    slug: 'woning',
    labelNl: 'Woning en veiligheid (slotenmaker, reparatie)',
    labelEn: 'Home and safety (locksmith, repairs)',
    keywords: [
      ['slotenmak', 3],
      ['cilinderslot', 3],
      ['deurslot', 3],
      ['^slot$', 1],
      ['sleutel', 2],
      ['inbraak', 2],
      ['ingebroken', 2],
      ['locksmith', 3],
      ['^lock', 2],
      ['voordeur', 2],
      ['^deur$', 1],
      ['^raam$', 1],
      ['^ramen$', 1],
      ['^ruit$', 1],
      ['^ruiten$', 1],
      ['glaszetter', 3],
      ['^glas$', 1],
      ['reparatie', 0.5],
      ['herstel', 0.5],
      ['repair', 0.5],
      ['schimmel', 3],
      ['vocht', 2],
      ['lekkage', 2],
      ['^lekt$', 1],
      ['loodgieter', 3],
      ['cv ketel', 2],
      ['rookmelder', 3],
      ['brandgevaar', 2],
      ['brandveilig', 2],
      ['ongedierte', 3],
      ['bedwants', 3],
      ['kakkerlak', 3],
      ['vloerbedekking', 3],
      ['laminaat', 2],
      ['gordijn', 2],
      ['matras', 2],
      ['^bed$', 1],
      ['meubel', 2],
      ['inrichting', 2],
      ['^verf$', 1],
      ['behang', 2],
      ['woning', 1],
      ['^veilig', 1],
      ['safety', 1],
      ['^wc$', 1],
      ['toilet', 1],
      ['verstop', 2],
      ['timmer', 2],
      ['klusjesman', 2],
      ['ingegooid', 1],
      ['gamma', 2],
      ['praxis', 2],
      ['karwei', 2],
      ['hornbach', 2],
      ['kwantum', 2],
      ['ikea', 1],
    ],
  },
  {
    slug: 'huur_energie',
    labelNl: 'Huur- en energieachterstand',
    labelEn: 'Rent and energy arrears',
    keywords: [
      ['huurachterstand', 3],
      ['huurschuld', 3],
      ['^huur', 2],
      ['energierekening', 3],
      ['energie', 2],
      ['^stroom', 2],
      ['gas', 1],
      ['gas en licht', 3],
      ['elektriciteit', 2],
      ['electricity', 2],
      ['energy', 2],
      ['^afsluit', 2],
      ['afgesloten', 1],
      ['eindafrekening', 3],
      ['jaarafrekening', 2],
      ['stookkosten', 3],
      ['netbeheerder', 2],
      ['heraansluit', 3],
      ['drinkwater', 2],
      ['waterbedrijf', 2],
      ['waterrekening', 3],
      ['ontruiming', 3],
      ['uitzetting', 2],
      ['eviction', 3],
      ['^rent$', 2],
      ['arrears', 2],
      ['woningcorporatie', 3],
      ['corporatie', 2],
      ['woningbouw', 2],
      ['housing association', 3],
      ['verhuurder', 1],
      ['servicekosten', 2],
      ['^borg', 1],
      ['achterstand', 1],
      ['achterstallig', 1],
      ['eneco', 2],
      ['vattenfall', 2],
      ['essent', 2],
      ['greenchoice', 2],
      ['budget energie', 2],
      ['vandebron', 2],
      ['engie', 2],
      ['oxxio', 2],
      ['vitens', 2],
      ['evides', 2],
      ['dunea', 2],
      ['waternet', 2],
      ['liander', 2],
      ['enexis', 2],
      ['stedin', 2],
      ['ymere', 2],
      ['stadgenoot', 2],
      ['de key', 2],
      ['eigen haard', 2],
      ['rochdale', 2],
      ['mitros', 2],
      ['portaal', 2],
      ['bo ex', 2],
      ['woonstad', 2],
      ['havensteder', 2],
      ['vestia', 2],
      ['welbions', 2],
    ],
  },
  {
    slug: 'schuld',
    labelNl: 'Oude schuld (schuldregeling redden)',
    labelEn: 'Old debt (saving a debt arrangement)',
    keywords: [
      ['schuld', 2],
      ['schuldregeling', 3],
      ['schuldsanering', 3],
      ['sanering', 2],
      ['wsnp', 3],
      ['minnelijk', 3],
      ['schuldeiser', 3],
      ['schuldhulp', 2],
      ['incasso', 3],
      ['deurwaarder', 3],
      ['beslag', 2],
      ['cjib', 3],
      ['boete', 2],
      ['aanmaning', 2],
      ['vordering', 1],
      ['debt', 3],
      ['bailiff', 3],
      ['^fine$', 1],
      ['afbetaling', 1],
      ['betalingsregeling', 0.5],
      ['kwijtschelding', 1],
      ['belasting', 1],
      ['bkr', 2],
      ['duo', 1],
      ['intrum', 2],
      ['lowell', 2],
      ['flanderijn', 2],
      ['ggn', 2],
      ['klarna', 2],
      ['vesting finance', 2],
    ],
  },
  {
    slug: 'werk',
    labelNl: 'Werk en re-integratie (werkkleding, rijbewijs, scooterbewijs)',
    labelEn: 'Work and re-integration',
    keywords: [
      ['werkkleding', 3],
      ['werkschoen', 3],
      ['veiligheidsschoen', 3],
      ['werkbroek', 3],
      ['bedrijfskleding', 3],
      ['rijbewijs', 3],
      ['scooterbewijs', 3],
      ['rijexamen', 3],
      ['^rijles', 3],
      ['cbr', 2],
      ['vca', 3],
      ['heftruck', 3],
      ['certificaat', 1],
      ['diploma', 0.5],
      ['cursus', 1],
      ['opleiding', 1],
      ['examen', 1],
      ['sollicit', 2],
      ['werkgever', 2],
      ['werknemer', 2],
      ['baan', 2],
      ['^banen$', 2],
      ['^werk$', 1],
      ['^werken$', 1],
      ['uitzendwerk', 2],
      ['job', 2],
      ['contract', 1],
      ['proefdag', 2],
      ['stage', 1],
      ['re integratie', 3],
      ['^work', 2],
      ['employer', 2],
      ['uniform', 1],
      ['beveilig', 2],
      ['chauffeur', 2],
      ['salaris', 1],
      ['loon', 1],
      ['reiskosten', 1],
      ['workwear', 2],
    ],
  },
  {
    slug: 'vervoer',
    labelNl: 'Vervoer (ov, fiets)',
    labelEn: 'Transport (public transport, bicycle)',
    keywords: [
      ['fiets', 3],
      ['rijwiel', 3],
      ['bicycle', 3],
      ['^bike', 2],
      ['ov', 3],
      ['ov chip', 3],
      ['ov kaart', 3],
      ['trein', 3],
      ['^train$', 2],
      ['^bus', 2],
      ['^tram', 2],
      ['metro', 2],
      ['taxi', 2],
      ['^reizen$', 1],
      ['^reis', 1],
      ['vervoer', 2],
      ['public transport', 3],
      ['ticket', 1],
      ['kaartje', 0.5],
      ['abonnement', 0.5],
      ['scooter', 1],
      ['^auto$', 1],
      ['apk', 1],
      ['benzine', 1],
      ['ns', 2],
      ['gvb', 2],
      ['ret', 2],
      ['htm', 2],
      ['arriva', 2],
      ['qbuzz', 2],
      ['connexxion', 2],
      ['keolis', 2],
      ['syntus', 2],
    ],
  },
  {
    slug: 'kleding',
    labelNl: 'Kleding',
    labelEn: 'Clothing',
    keywords: [
      ['kleding', 3],
      ['kleren', 3],
      ['jas', 2],
      ['jassen', 2],
      ['winterjas', 3],
      ['^jack', 2],
      ['schoen', 2],
      ['laarzen', 2],
      ['sokken', 2],
      ['ondergoed', 2],
      ['broek', 1],
      ['^trui', 1],
      ['muts', 1],
      ['handschoen', 1],
      ['clothes', 3],
      ['clothing', 3],
      ['shoes', 2],
      ['coat', 2],
      ['zeeman', 1],
      ['primark', 2],
      ['c a', 2],
      ['wibra', 2],
      ['^hema$', 1],
      ['scapino', 2],
      ['ms mode', 2],
      ['zalando', 2],
      ['h m', 2],
      ['vanharen', 2],
    ],
  },
  {
    slug: 'kinderen',
    labelNl: 'Kinderen en school',
    labelEn: 'Children and school',
    keywords: [
      ['kind', 1],
      ['school', 2],
      ['schoolreis', 3],
      ['schoolkamp', 3],
      ['ouderbijdrage', 3],
      ['schoolspullen', 3],
      ['schoolgeld', 3],
      ['brugklas', 3],
      ['huiswerk', 2],
      ['zwemles', 3],
      ['zwemdiploma', 3],
      ['jeugdfonds', 3],
      ['baby', 2],
      ['luier', 2],
      ['kinderwagen', 3],
      ['kinderopvang', 3],
      ['wieg', 2],
      ['ledikant', 3],
      ['dochter', 1],
      ['^zoon', 1],
      ['leerling', 2],
      ['mbo', 1],
      ['laptop', 1],
      ['contributie', 1],
      ['voetbal', 1],
      ['^sport', 1],
      ['jeugd', 1],
      ['traktatie', 2],
      ['verjaardag', 1],
      ['child', 2],
      ['kid', 2],
      ['kids', 2],
      ['parents', 1],
      ['ouders', 1],
      ['prenatal', 2],
    ],
  },
  {
    slug: 'zorg',
    labelNl: 'Zorg en medisch (eigen bijdrage, hulpmiddel)',
    labelEn: 'Care and medical',
    keywords: [
      ['eigen risico', 3],
      ['eigen bijdrage', 2],
      ['zorgverzeker', 2],
      ['verzekeraar', 0.5],
      ['bril', 3],
      ['glasses', 3],
      ['opticien', 3],
      ['lenzen', 2],
      ['hoortoestel', 3],
      ['hearing aid', 3],
      ['medicijn', 3],
      ['medicatie', 2],
      ['medicine', 3],
      ['medication', 3],
      ['apotheek', 3],
      ['pharmacy', 3],
      ['huisarts', 2],
      ['ziekenhuis', 2],
      ['hulpmiddel', 3],
      ['rollator', 3],
      ['rolstoel', 3],
      ['scootmobiel', 3],
      ['wmo', 2],
      ['fysio', 3],
      ['therapie', 1],
      ['psycholoog', 2],
      ['ggz', 2],
      ['incontinentie', 2],
      ['steunkous', 3],
      ['orthopedisch', 3],
      ['medisch', 2],
      ['insuline', 1],
      ['diabetes', 1],
      ['^zorg$', 0.5],
      ['thuiszorg', 2],
      ['cak', 2],
      ['premie', 1],
      ['wanbetaler', 2],
      ['behandeling', 0.5],
      ['^arts$', 1],
      ['dokter', 2],
      ['doctor', 2],
      ['specialist', 1],
      ['zilveren kruis', 2],
      ['cz', 2],
      ['vgz', 2],
      ['menzis', 2],
      ['dsw', 2],
      ['hans anders', 2],
      ['pearle', 2],
      ['specsavers', 2],
      ['eyewish', 2],
      ['schoonenberg', 2],
      ['amplifon', 2],
      ['medipoint', 2],
      ['vegro', 2],
    ],
  },
  {
    slug: 'noodhulp',
    labelNl: 'Levensonderhoud / noodhulp',
    labelEn: 'Living costs / emergency aid',
    keywords: [
      ['boodschappen', 3],
      ['voedsel', 3],
      ['supermarkt', 3],
      ['^eten', 2],
      ['maaltijd', 2],
      ['leefgeld', 3],
      ['levensonderhoud', 3],
      ['noodhulp', 3],
      ['noodopvang', 3],
      ['nachtopvang', 3],
      ['^overbrug', 1],
      ['hygiene', 2],
      ['toiletpapier', 2],
      ['zeep', 1],
      ['tandpasta', 1],
      ['shampoo', 1],
      ['food', 3],
      ['groceries', 3],
      ['emergency', 1],
      ['geen inkomen', 2],
      ['no income', 2],
      ['bijstand', 1],
      ['dakloos', 0.5],
      ['albert heijn', 2],
      ['ah', 2],
      ['jumbo', 2],
      ['lidl', 2],
      ['aldi', 2],
      ['dirk', 2],
      ['vomar', 2],
      ['^coop$', 2],
      ['^spar$', 2],
      ['kruidvat', 1],
      ['etos', 1],
    ],
  },
  {
    slug: 'overig',
    labelNl: 'Overig',
    labelEn: 'Other',
    keywords: [
      ['dierenarts', 3],
      ['huisdier', 3],
      ['telefoon', 2],
      ['smartphone', 2],
      ['internet', 2],
      ['uitvaart', 3],
      ['begrafenis', 2],
      ['kapper', 3],
      ['bibliotheek', 2],
      ['theater', 1],
    ],
  },
];

/** The default categories; keywords are folded, without the internal match markers. */
export const DEFAULT_CATEGORIES: readonly CategoryDef[] = CATEGORY_TABLE.map((c) => ({
  slug: c.slug,
  labelNl: c.labelNl,
  labelEn: c.labelEn,
  keywords: [...new Set(c.keywords.map(([k]) => stripMarkers(k)))],
}));

// ---------------------------------------------------------------------------------------
// Matching
// ---------------------------------------------------------------------------------------

interface CompiledKeyword {
  slug: string;
  keyword: string;
  weight: number;
  re: RegExp;
}

const NOT_WORD_BEFORE = '(?<![\\p{L}\\p{N}])';
const NOT_WORD_AFTER = '(?![\\p{L}\\p{N}])';
const SHORT_KEYWORD_LETTERS = 4;

function stripMarkers(k: string): string {
  return k.replace(/^\^/, '').replace(/\$$/, '');
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function compileKeyword(slug: string, raw: string, weight: number): CompiledKeyword {
  const keyword = stripMarkers(raw);
  const parts = keyword.split(' ').filter((p) => p !== '');
  const first = parts[0] ?? '';
  const last = parts[parts.length - 1] ?? '';
  const short = parts.join('').length < SHORT_KEYWORD_LETTERS;
  const startBound = raw.startsWith('^') || short || first.length < SHORT_KEYWORD_LETTERS;
  const endBound = raw.endsWith('$') || short || last.length < SHORT_KEYWORD_LETTERS;
  const body = parts.map(escapeRegExp).join(' ?');
  const source = `${startBound ? NOT_WORD_BEFORE : ''}${body}${endBound ? NOT_WORD_AFTER : ''}`;
  return { slug, keyword, weight, re: new RegExp(source, 'gu') };
}

let compiled: readonly CompiledKeyword[] | undefined;
/** The keyword patterns, compiled on the first suggestion (not at start-up: it takes ~20 ms). */
function compiledKeywords(): readonly CompiledKeyword[] {
  compiled ??= CATEGORY_TABLE.flatMap((c) => c.keywords.map(([k, w]) => compileKeyword(c.slug, k, w)));
  return compiled;
}

const CATEGORY_ORDER: ReadonlyMap<string, number> = new Map(
  CATEGORY_TABLE.map((c, i) => [c.slug, i] as const),
);

interface Hit {
  slug: string;
  keyword: string;
  weight: number;
  inSupplier: boolean;
}

/** Keyword hits in an already folded text; hits inside a longer hit are dropped. */
function findHits(folded: string, inSupplier: boolean, allowed: ReadonlySet<string>): Hit[] {
  if (folded === '') return [];
  const occurrences: { k: CompiledKeyword; start: number; end: number }[] = [];
  for (const k of compiledKeywords()) {
    if (!allowed.has(k.slug)) continue;
    k.re.lastIndex = 0;
    for (const m of folded.matchAll(k.re)) {
      occurrences.push({ k, start: m.index, end: m.index + m[0].length });
    }
  }
  // Overlapping hits: the longest wins (ties: earlier, then table order), so one word
  // counts once — 'werkkleding' is werk, not also kleding.
  occurrences.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const kept: typeof occurrences = [];
  for (const o of occurrences) {
    if (kept.some((p) => o.start < p.end && p.start < o.end)) continue;
    kept.push(o);
  }
  const seen = new Set<CompiledKeyword>();
  const hits: Hit[] = [];
  for (const o of kept) {
    if (seen.has(o.k)) continue;
    seen.add(o.k);
    hits.push({
      slug: o.k.slug,
      keyword: o.k.keyword,
      weight: o.k.weight * (inSupplier ? SUPPLIER_NAME_FACTOR : 1),
      inSupplier,
    });
  }
  return hits;
}

interface Tally {
  slug: string;
  score: number;
  hits: Hit[];
}

function tally(hits: readonly Hit[]): Tally[] {
  const bySlug = new Map<string, Tally>();
  for (const h of hits) {
    const t = bySlug.get(h.slug) ?? { slug: h.slug, score: 0, hits: [] };
    t.score += h.weight;
    t.hits.push(h);
    bySlug.set(h.slug, t);
  }
  return [...bySlug.values()].sort(compareTally);
}

/** Higher score, then more hits, then the strongest single hit, then table order. */
function compareTally(a: Tally, b: Tally): number {
  if (b.score !== a.score) return b.score - a.score;
  if (b.hits.length !== a.hits.length) return b.hits.length - a.hits.length;
  const maxA = Math.max(...a.hits.map((h) => h.weight));
  const maxB = Math.max(...b.hits.map((h) => h.weight));
  if (maxB !== maxA) return maxB - maxA;
  return orderOf(a.slug) - orderOf(b.slug);
}

function orderOf(slug: string): number {
  return CATEGORY_ORDER.get(slug) ?? Number.MAX_SAFE_INTEGER;
}

function explainHits(hits: readonly Hit[]): string {
  const sorted = [...hits].sort((a, b) => b.weight - a.weight || a.keyword.localeCompare(b.keyword));
  const inText = [...new Set(sorted.filter((h) => !h.inSupplier).map((h) => h.keyword))].slice(0, 3);
  const inSupplier = [...new Set(sorted.filter((h) => h.inSupplier).map((h) => h.keyword))].slice(0, 2);
  const parts: string[] = [];
  if (inText.length > 0) {
    parts.push(`${inText.length === 1 ? 'trefwoord' : 'trefwoorden'} ${inText.map((k) => `"${k}"`).join(', ')}`);
  }
  if (inSupplier.length > 0) {
    parts.push(`leveranciersnaam ${inSupplier.map((k) => `"${k}"`).join(', ')}`);
  }
  return parts.join('; ');
}

// ---------------------------------------------------------------------------------------
// Suggestion
// ---------------------------------------------------------------------------------------

export function suggestCategory(input: {
  description: string;
  supplierName: string;
  history?: readonly SupplierHistory[];
  /** Slugs the team has; default all DEFAULT_CATEGORIES. */
  available?: readonly string[];
}): Suggestion {
  return suggestCategoryRanked(input).suggestion;
}

/**
 * suggestCategory, plus the summed keyword weight of every category with a hit (best first):
 * the learned model (categoryModel.ts) uses those as its prior without matching twice.
 */
export function suggestCategoryRanked(input: Parameters<typeof suggestCategory>[0]): {
  suggestion: Suggestion;
  keywordScores: { slug: string; score: number }[];
} {
  const available: ReadonlySet<string> = new Set(
    input.available ?? DEFAULT_CATEGORIES.map((c) => c.slug),
  );
  const key = supplierKey(input.supplierName);

  const hits = [
    ...findHits(foldText(input.description), false, available),
    ...findHits(key, true, available),
  ];
  const ranked = tally(hits);
  const keywordScores = ranked.map((t) => ({ slug: t.slug, score: t.score }));

  // 1. Supplier history: confirmed SUPPLIER_HISTORY_MIN+ times under an available category.
  if (key !== '' && input.history) {
    const counts = new Map<string, number>();
    for (const h of input.history) {
      if (!available.has(h.slug) || !Number.isFinite(h.count) || h.count <= 0) continue;
      if (supplierKey(h.supplierKey) !== key) continue;
      counts.set(h.slug, (counts.get(h.slug) ?? 0) + h.count);
    }
    const qualifying = [...counts.entries()].filter(([, n]) => n >= SUPPLIER_HISTORY_MIN);
    if (qualifying.length > 0) {
      // Among several qualifying categories, prefer the one the keywords point to.
      const keywordRank = new Map(ranked.map((t, i) => [t.slug, i] as const));
      qualifying.sort(
        ([sa, na], [sb, nb]) =>
          (keywordRank.get(sa) ?? Infinity) - (keywordRank.get(sb) ?? Infinity) ||
          nb - na ||
          orderOf(sa) - orderOf(sb) ||
          (sa < sb ? -1 : sa > sb ? 1 : 0),
      );
      const [slug, count] = qualifying[0]!;
      return {
        suggestion: { slug, source: 'supplier_history', score: count, explanation: `leverancier ${count}x eerder als ${slug}` },
        keywordScores,
      };
    }
  }

  // 2. Keywords.
  const best = ranked[0];
  if (best && best.score > 0) {
    return {
      suggestion: { slug: best.slug, source: 'keywords', score: best.score, explanation: explainHits(best.hits) },
      keywordScores,
    };
  }

  // 3. Fallback.
  const slug =
    input.available === undefined || available.has(FALLBACK_SLUG)
      ? FALLBACK_SLUG
      : (input.available[0] ?? FALLBACK_SLUG);
  return { suggestion: { slug, source: 'fallback', score: 0, explanation: 'geen trefwoord herkend' }, keywordScores };
}

// ---------------------------------------------------------------------------------------
// Measurement
// ---------------------------------------------------------------------------------------

export function accuracy(
  samples: readonly { description: string; supplier: string; expected: string }[],
): {
  correct: number;
  total: number;
  ratio: number;
  misses: { description: string; expected: string; got: string }[];
} {
  let correct = 0;
  const misses: { description: string; expected: string; got: string }[] = [];
  for (const s of samples) {
    const got = suggestCategory({ description: s.description, supplierName: s.supplier }).slug;
    if (got === s.expected) correct += 1;
    else misses.push({ description: s.description, expected: s.expected, got });
  }
  const total = samples.length;
  return { correct, total, ratio: total === 0 ? 0 : correct / total, misses };
}
