// What happens in the demo, and when: a deterministic plan (seeded random) that src/app/demo.ts
// runs through the use cases. Spends follow the domain notes: dental care most often (and recurring
// in some months), white goods, locksmiths, documents, work, rent arrears…; about one request in
// five ends with an alternative, some get objections, some expire; finance exports and pays monthly.
import { seededRandom } from '../core/random.js';
import { composeIBAN } from 'ibantools';
import { cents, formatEuroInput, parseAmount } from '../core/money.js';
import type { CloseKind } from '../core/request.js';
import type { RequestFormInput } from '../core/requestForm.js';
import { addMonthsKey, addWorkingDays, atLocalTime, firstWorkingDayOfMonth, isWorkingDay, monthKey, monthRange } from '../core/time.js';

export type DemoStep = { at: number; seq: number } & (
  | { kind: 'tick' }
  | { kind: 'budget'; by: string; amount: string }
  | { kind: 'file'; key: number; by: string; form: RequestFormInput }
  | { kind: 'approve' | 'object' | 'unvote' | 'withdraw'; key: number; by: string }
  | { kind: 'reason'; key: number; by: string; reason: string }
  | { kind: 'edit'; key: number; by: string; form: RequestFormInput }
  | { kind: 'alternative'; key: number; by: string; closeKind: CloseKind; reason: string }
  | { kind: 'export' | 'pay'; by: string }
);

type Step = DemoStep extends infer S ? (S extends DemoStep ? Omit<S, 'seq'> : never) : never;

const iban = (bank: string, account: string): string => {
  const s = composeIBAN({ countryCode: 'NL', bban: `${bank}${account}` });
  if (!s) throw new Error(`demo IBAN ${bank} ${account}`);
  return s;
};

interface Spend {
  slug: string;
  weight: number;
  items: readonly { what: string; supplier: string; iban: string; euros: readonly [number, number] }[];
}

const SPENDS: readonly Spend[] = [
  { slug: 'mondzorg', weight: 12, items: [
    { what: 'Vulling en controle bij de tandarts, geen aanvullende verzekering', supplier: 'Tandartspraktijk De Molen', iban: iban('RABO', '0301234567'), euros: [85, 260] },
    { what: 'Ontstoken kies laten trekken', supplier: 'Tandartspraktijk De Molen', iban: iban('RABO', '0301234567'), euros: [110, 240] },
    { what: 'Reparatie van een gebitsprothese', supplier: 'Mondzorg Centrum Oost', iban: iban('INGB', '0007654321'), euros: [150, 420] },
  ] },
  { slug: 'witgoed', weight: 9, items: [
    { what: 'Koelkast om insuline koel te bewaren', supplier: 'Witgoedhandel Noord', iban: iban('ABNA', '0417164300'), euros: [240, 420] },
    { what: 'Tweedehands wasmachine voor gezin met drie kinderen', supplier: 'Witgoed Outlet', iban: iban('INGB', '0001234567'), euros: [180, 330] },
  ] },
  { slug: 'woning', weight: 9, items: [
    { what: 'Slotenmaker: deur geopend en cilinder vervangen', supplier: 'Slotenmaker Snel', iban: iban('ABNA', '0123456789'), euros: [95, 190] },
    { what: 'Reparatie lekkende cv-ketel in de winter', supplier: 'Installatiebedrijf Warmte', iban: iban('RABO', '0123456789'), euros: [120, 380] },
  ] },
  { slug: 'documenten', weight: 7, items: [
    { what: 'Nieuwe identiteitskaart zodat het werk kan beginnen', supplier: 'Gemeente Oefenstad, Burgerzaken', iban: iban('BNGH', '0285123456'), euros: [70, 90] },
    { what: 'Uittreksel en pasfoto voor een verblijfsdocument', supplier: 'Gemeente Oefenstad, Burgerzaken', iban: iban('BNGH', '0285123456'), euros: [35, 75] },
  ] },
  { slug: 'werk', weight: 9, items: [
    { what: 'Werkkleding en veiligheidsschoenen voor een nieuwe baan', supplier: 'Werkkleding Centrum', iban: iban('INGB', '0004455667'), euros: [90, 220] },
    { what: 'Scooterrijbewijs: theorie-examen en twee lessen', supplier: 'Rijschool Vooruit', iban: iban('RABO', '0112233445'), euros: [150, 320] },
  ] },
  { slug: 'huur_energie', weight: 8, items: [
    { what: 'Deel van de huurachterstand, zodat ontruiming wordt voorkomen', supplier: 'Woonstichting De Sleutel', iban: iban('ABNA', '0556677889'), euros: [250, 480] },
    { what: 'Energieachterstand, zodat afsluiting wordt voorkomen', supplier: 'Energieleverancier Stroomlijn', iban: iban('INGB', '0009988776'), euros: [150, 400] },
  ] },
  { slug: 'schuld', weight: 4, items: [
    { what: 'Oude schuld afgelost zodat de schuldregeling doorgaat', supplier: 'Incassobureau Noord', iban: iban('ABNA', '0667788990'), euros: [150, 490] },
  ] },
  { slug: 'vervoer', weight: 8, items: [
    { what: 'Tweedehands fiets om naar het werk te gaan', supplier: 'Fietsenmaker Van Dam', iban: iban('RABO', '0223344556'), euros: [80, 180] },
    { what: 'Ov-saldo voor de eerste maand werk', supplier: 'Vervoerbedrijf Regio', iban: iban('INGB', '0003344556'), euros: [50, 120] },
  ] },
  { slug: 'kleding', weight: 6, items: [
    { what: 'Winterjas en schoenen voor een kind', supplier: 'Kledingwinkel De Hoek', iban: iban('ABNA', '0778899001'), euros: [60, 140] },
  ] },
  { slug: 'kinderen', weight: 8, items: [
    { what: 'Schoolreis en gymkleding', supplier: 'Basisschool De Regenboog', iban: iban('RABO', '0334455667'), euros: [40, 120] },
    { what: 'Zwemles tot het A-diploma', supplier: 'Zwembad De Golf', iban: iban('BNGH', '0285000111'), euros: [90, 250] },
  ] },
  { slug: 'zorg', weight: 8, items: [
    { what: 'Eigen bijdrage voor steunzolen', supplier: 'Orthopedisch Centrum Oefenstad', iban: iban('INGB', '0005566778'), euros: [60, 200] },
    { what: 'Nieuwe bril na verlies, nodig voor het werk', supplier: 'Opticien Helder', iban: iban('RABO', '0445566778'), euros: [90, 250] },
  ] },
  { slug: 'noodhulp', weight: 5, items: [
    { what: 'Boodschappen voor twee weken in afwachting van de uitkering', supplier: 'Buurtsupermarkt Centrum', iban: iban('ABNA', '0889900112'), euros: [60, 150] },
  ] },
  { slug: 'overig', weight: 3, items: [
    { what: 'Verhuisbus voor de verhuizing naar een sociale huurwoning', supplier: 'Verhuur Transport Oost', iban: iban('INGB', '0006677889'), euros: [80, 160] },
  ] },
];

const DENTAL = SPENDS[0]!;

const REASON_TEXTS = [
  '',
  '',
  'Bijzondere bijstand duurt zes weken; dit is nu nodig.',
  'Geen aanvullende verzekering en geen fonds dat dit snel betaalt.',
  'Besproken in het teamoverleg.',
  'Zonder dit komt de nieuwe baan in gevaar.',
] as const;

const ALTERNATIVES: readonly { kind: CloseKind; reason: string }[] = [
  { kind: 'charity_fund', reason: 'Het noodfonds van de kerk betaalt dit.' },
  { kind: 'charity_fund', reason: 'Stichting Leergeld neemt de kosten over.' },
  { kind: 'free_solution', reason: 'De kringloopwinkel heeft er een gratis gegeven.' },
  { kind: 'free_solution', reason: 'Een buurtbewoner helpt kosteloos.' },
  { kind: 'other_provision', reason: 'De bijzondere bijstand bleek toch binnen een week mogelijk.' },
  { kind: 'other_provision', reason: 'De woningcorporatie scheldt een deel van de achterstand kwijt.' },
  { kind: 'other', reason: 'De leverancier geeft korting via de regeling voor minima.' },
];

const OBJECTIONS = [
  'Eerst navragen of de bijzondere bijstand dit vergoedt.',
  'Het bedrag lijkt hoog; graag eerst een tweede offerte.',
  'Graag bespreken in het moreel beraad van donderdag.',
];

const TEAM = ['anna', 'bram', 'chris', 'dewi', 'eva'] as const;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** The same seed, the same demo. */
const random = seededRandom;

export function demoPlan(o: { months: number; now: Date; seed: number }): { startMs: number; steps: DemoStep[] } {
  const rnd = random(o.seed);
  const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const nowMs = o.now.getTime();
  const current = monthKey(o.now);
  const startKey = addMonthsKey(current, -o.months);
  const startMs = monthRange(startKey).start.getTime();
  const steps: Step[] = [];
  const add = (s: Step) => steps.push(s);
  let key = 0;
  const caseSeq = new Map<number, number>();

  const shuffle = <T>(xs: T[]): T[] => {
    for (let i = xs.length - 1; i > 0; i--) {
      const j = Math.floor(rnd() * (i + 1));
      [xs[i], xs[j]] = [xs[j]!, xs[i]!];
    }
    return xs;
  };
  const formFor = (spend: Spend, at: number): RequestFormInput => {
    const item = pick(spend.items);
    const year = new Date(at).getUTCFullYear();
    const seq = (caseSeq.get(year) ?? 0) + 1;
    caseSeq.set(year, seq);
    return {
      amount: formatEuroInput(cents(int(item.euros[0] * 2, item.euros[1] * 2) * 50)),
      description: item.what,
      supplierName: item.supplier,
      supplierIban: item.iban,
      categorySlug: spend.slug,
      caseRef: `WT-${year}-${String(seq).padStart(3, '0')}`,
      reason: rnd() < 0.7 ? 'no_provision' : 'too_slow',
      reasonText: pick(REASON_TEXTS),
    };
  };
  const others = (requester: string) => {
    // Finance approves less often: most payments stay payable by finance (segregation of duties).
    const rest = shuffle(TEAM.filter((p) => p !== requester));
    return rnd() < 0.9 ? [...rest.filter((p) => p !== 'eva'), ...rest.filter((p) => p === 'eva')] : rest;
  };
  // Finance files few requests of its own.
  const requester = () => (rnd() < 0.05 ? 'eva' : pick(TEAM.slice(0, 4)));
  const gap = () => (rnd() < 0.12 ? int(30, 80) : int(1, 12) / 2) * HOUR;

  /** One request from filing to its outcome. */
  const request = (t0: number, by: string, spend: Spend, outcome: number) => {
    const k = ++key;
    const form = formFor(spend, t0);
    add({ at: t0, kind: 'file', key: k, by, form });
    const voters = others(by);
    let t = t0;
    const approvals = (who: readonly string[]) => who.forEach((p) => add({ at: (t += gap()), kind: 'approve', key: k, by: p }));
    if (outcome < 0.14) {
      if (rnd() < 0.5) approvals(voters.slice(0, 1));
      add({ at: t0 + int(4, 70) * HOUR, kind: 'alternative', key: k, by, ...altOf() });
    } else if (outcome < 0.2) {
      const objector = voters[3]!;
      add({ at: (t += gap()), kind: 'object', key: k, by: objector });
      add({ at: (t += HOUR), kind: 'reason', key: k, by: objector, reason: pick(OBJECTIONS) });
      add({ at: t + int(20, 60) * HOUR, kind: 'alternative', key: k, by, ...altOf() });
    } else if (outcome < 0.25) {
      if (rnd() < 0.5) approvals(voters.slice(0, 1));
      add({ at: t0 + int(2, 48) * HOUR, kind: 'withdraw', key: k, by });
    } else if (outcome < 0.3) {
      approvals(voters.slice(0, int(0, 2)));
    } else if (outcome < 0.35) {
      const objector = voters[3]!;
      add({ at: (t += gap()), kind: 'object', key: k, by: objector });
      add({ at: (t += HOUR), kind: 'reason', key: k, by: objector, reason: pick(OBJECTIONS) });
      add({ at: (t += int(20, 50) * HOUR), kind: 'unvote', key: k, by: objector });
      approvals(voters.slice(0, 3));
    } else if (outcome < 0.4) {
      approvals(voters.slice(0, 1));
      // A cheaper offer: the amount changes, so the approvals so far lapse.
      const parsed = parseAmount(form.amount);
      const cheaper = cents(Math.max(100, Math.round((parsed.ok ? parsed.value : 10_000) * 0.85)));
      add({ at: (t += 2 * HOUR), kind: 'edit', key: k, by, form: { ...form, amount: formatEuroInput(cheaper) } });
      approvals(voters.slice(0, 3));
    } else approvals(voters.slice(0, 3));
  };
  const altOf = () => {
    const a = pick(ALTERNATIVES);
    return { closeKind: a.kind, reason: a.reason };
  };
  const weighted = (): Spend => {
    let r = rnd() * SPENDS.reduce((s, x) => s + x.weight, 0);
    for (const s of SPENDS) if ((r -= s.weight) < 0) return s;
    return SPENDS.at(-1)!;
  };
  const workingTime = (monthKeyOf: string, before = Infinity): number => {
    const { start, end } = monthRange(monthKeyOf);
    const last = Math.max(start.getTime(), Math.min(end.getTime(), before) - DAY);
    let at = atLocalTime(new Date(start.getTime() + rnd() * (last - start.getTime())), int(9, 16), int(0, 3) * 15);
    if (!isWorkingDay(at)) at = addWorkingDays(at, 1);
    return at.getTime();
  };

  // The annual budget, set by the team lead at the start and every January.
  add({ at: startMs + HOUR, kind: 'budget', by: 'anna', amount: '20000' });
  for (let i = 0; i <= o.months; i++) {
    const m = addMonthsKey(startKey, i);
    if (i > 0 && m.endsWith('-01')) add({ at: atLocalTime(firstWorkingDayOfMonth(m), 9).getTime(), kind: 'budget', by: 'anna', amount: '20000' });
    // Finance: one SEPA batch early in the month, marked paid a few working days later.
    if (i > 0) {
      const exportAt = atLocalTime(addWorkingDays(firstWorkingDayOfMonth(m), 2), 10);
      add({ at: exportAt.getTime(), kind: 'export', by: 'eva' });
      add({ at: addWorkingDays(exportAt, 4).getTime() + HOUR, kind: 'pay', by: 'eva' });
    }
    // Dental care rises: four more a month in the last three months, well above the team's usual
    // level, so the digest reports it ("stijgt") and a manager can make it a signal.
    // The last two weeks are the fixed "now" below; what expires must have had its 14 days.
    const cutoff = nowMs - 16 * DAY;
    const dental = i >= o.months - 3 && i <= o.months - 1 ? 4 : 0;
    for (let j = 0; j < dental; j++) {
      const t0 = workingTime(m, cutoff);
      // Mostly approved: the rise is what the digest reports.
      if (t0 < cutoff) request(t0, requester(), DENTAL, j < 4 ? 0.5 + rnd() / 2 : rnd());
    }
    const count = int(7, 11);
    for (let j = 0; j < count; j++) {
      const t0 = workingTime(m);
      if (t0 < cutoff) request(t0, requester(), weighted(), rnd());
    }
  }
  // Reminders and expiry: the scheduler's check every morning.
  for (let t = startMs + 7 * HOUR; t < nowMs; t += DAY) add({ at: atLocalTime(new Date(t), 7).getTime(), kind: 'tick' });

  // Now: requests that wait for the person practising (approve one to see it decided).
  const ago = (days: number, hours = 0) => nowMs - days * DAY - hours * HOUR;
  const present = (t0: number, by: string, spend: Spend, then: (k: number) => void) => {
    const k = ++key;
    add({ at: t0, kind: 'file', key: k, by, form: formFor(spend, t0) });
    then(k);
  };
  present(ago(6, 3), 'chris', SPENDS[1]!, (k) => {
    add({ at: ago(6, 1), kind: 'approve', key: k, by: 'anna' });
    add({ at: ago(5, 2), kind: 'approve', key: k, by: 'dewi' });
  });
  present(ago(3, 4), 'dewi', SPENDS[5]!, (k) => {
    add({ at: ago(3, 2), kind: 'object', key: k, by: 'anna' });
    add({ at: ago(3, 1), kind: 'reason', key: k, by: 'anna', reason: OBJECTIONS[2]! });
  });
  present(ago(2, 5), 'bram', SPENDS[4]!, () => {});
  present(ago(1, 6), 'anna', SPENDS[2]!, (k) => add({ at: ago(1, 2), kind: 'approve', key: k, by: 'eva' }));
  present(ago(4, 6), 'dewi', DENTAL, (k) => {
    for (const [i, p] of ['anna', 'bram', 'chris'].entries()) add({ at: ago(4, 4 - i), kind: 'approve', key: k, by: p });
  });

  const ordered = steps.map((s, seq) => ({ ...s, seq }) as DemoStep).sort((a, b) => a.at - b.at || a.seq - b.seq);
  return { startMs, steps: ordered };
}
