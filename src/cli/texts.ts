// Every text the admin CLI prints: plain text, Dutch first, English second. Kept free of heavy
// imports (no date-fns, no database): `help` loads only this, args.ts and output.ts.
import { formatEuro, type Cents } from '../core/money.js';
import { requestLabel } from '../core/request.js';

export interface CliText {
  nl: string;
  en: string;
}

const m = (nl: string, en: string): CliText => ({ nl, en });
/** A bit of what someone typed, quoted and cut short (never a whole pasted text in an error). */
const q = (text: string, max = 40) => `"${text.slice(0, max)}"`;
const ids = (list: readonly number[]) => list.map(requestLabel).join(', ');

export const usage = m(
  [
    'Gebruik: npm run cli -- <commando> [opties]',
    '  init                                   database aanmaken of bijwerken (migraties)',
    '  demo [--months 12]                     oefendata voor het oefenteam (in data/oefenomgeving.db, tenzij --db)',
    '  export csv --month 2026-10 [--out bestand.csv] --by <id>',
    '  export sepa --execution-date 2026-11-12 --debtor-iban NL.. --debtor-name "Gemeente X" [--debtor-bic ..] [--out bestand.xml] --by <id>',
    '  mark-paid --request 12 --by <id>',
    '  digest [--month 2026-10]',
    '  audit verify [--anchor <aantal>:<hash>]',
    '  audit head',
    '  purge --before 2019-01-01 --by <id>',
    '  backup [--out bestand.db]',
    '  signal list',
    '  signal new (--category mondzorg | --theme "werkkleding voor starters") --team 1,2 --by <id>',
    '  signal move --id 3 --to besproken --with "tandartspraktijken Noord" [--date 2026-11-20] --by <id>',
    '              --to maatregel --date 2027-01-01 --owner wijkcoördinator --text "korting voor minima"',
    '              --to geevalueerd --text ".." | --to gesloten [--text ..] | --to geen-maatregel --reason ".."',
    '  unit-cost list',
    '  unit-cost set --outcome eviction --cents 800000 --source "bron van het bedrag" --by <id>',
    '  help',
    'Elk commando: --db <bestand> (anders DATABASE_URL). Relatieve paden gelden vanaf de map waar je het commando typt.',
    '--by: wie het doet (gebruikers-id; moet in FINANCE_USER_IDS staan, bij purge, signal en unit-cost in ADMIN_USER_IDS, als die zijn ingesteld).',
    '--team: teamnummers of kanaal-id\'s (signal list toont ze); geen namen of BSN van bewoners in een signaal.',
  ].join('\n'),
  [
    'Usage: npm run cli -- <command> [options]',
    '  init: create or update the database (migrations); demo: practice data for the practice team (data/oefenomgeving.db unless --db);',
    '  export csv: the month\'s payment register for Dutch Excel;',
    '  export sepa: a pain.001.001.09 batch of approved payments not yet exported; mark-paid: record a payment as paid;',
    '  digest: the monthly digest as text; audit verify: check the audit trail (hash chain, payments, optional anchor);',
    '  audit head: print the anchor to keep outside the database; purge: blank free text of closed requests before a date;',
    '  backup: consistent online copy of the database. Every command takes --db <file> (else DATABASE_URL);',
    '  relative paths count from the directory you type the command in. --by must be in FINANCE_USER_IDS (purge, signal, unit-cost: ADMIN_USER_IDS) when set.',
    '  signal list/new/move: signals from a recurring category to a structural solution; unit-cost list/set: the municipality\'s own cost per prevented outcome (with its source).',
  ].join('\n'),
);

// ── Arguments ───────────────────────────────────────────────────────────────────────────────────

export const unknownCommand = (cmd: string) => m(`Onbekend commando ${q(cmd)}.`, `Unknown command ${q(cmd)}.`);
export const whichExport = m('Wat wil je exporteren? Gebruik export csv of export sepa.', 'Export what? Use export csv or export sepa.');
export const whichAudit = m('Welke auditcontrole? Gebruik audit verify of audit head.', 'Which audit command? Use audit verify or audit head.');
export const whichSignal = m('Wat wil je met signalen? Gebruik signal list, signal new of signal move.', 'What about signals? Use signal list, signal new or signal move.');
export const whichUnitCost = m('Gebruik unit-cost list of unit-cost set.', 'Use unit-cost list or unit-cost set.');
export const unknownOption = (raw: string) => m(`Onbekende optie ${raw.slice(0, 40)}.`, `Unknown option ${raw.slice(0, 40)}.`);
export const optionNotFor = (raw: string, cmd: string) =>
  m(`Optie ${raw.slice(0, 40)} hoort niet bij ${cmd}.`, `Option ${raw.slice(0, 40)} does not go with ${cmd}.`);
export const optionNeedsValue = (name: string) => m(`Optie --${name} heeft een waarde nodig.`, `Option --${name} needs a value.`);
export const optionTwice = (name: string) => m(`Optie --${name} is twee keer gegeven.`, `Option --${name} was given twice.`);
export const unexpectedArgument = (arg: string) =>
  m(`Onverwacht argument ${q(arg)}; een bestand geef je op met --out.`, `Unexpected argument ${q(arg)}; name a file with --out.`);
export const seeHelp = m('Alle commando\'s en opties: npm run cli -- help', 'All commands and options: npm run cli -- help');
export const missingOption = (name: string) => m(`Optie --${name} ontbreekt.`, `Option --${name} is missing.`);

// ── Who acts (--by) ─────────────────────────────────────────────────────────────────────────────

export const notFinance = (by: string) =>
  m(
    `${q(by)} staat niet in FINANCE_USER_IDS: alleen de financiële administratie kan dit doen.`,
    `${q(by)} is not in FINANCE_USER_IDS: only the finance group can do this.`,
  );
export const notAdmin = (by: string, what: 'purge' | 'signals' | 'unitCost' = 'purge') =>
  ({
    purge: m(`${q(by)} staat niet in ADMIN_USER_IDS: alleen een beheerder kan opschonen.`, `${q(by)} is not in ADMIN_USER_IDS: only an admin can purge.`),
    signals: m(`${q(by)} staat niet in ADMIN_USER_IDS: alleen een beheerder maakt en verzet signalen.`, `${q(by)} is not in ADMIN_USER_IDS: only an admin creates and moves signals.`),
    unitCost: m(`${q(by)} staat niet in ADMIN_USER_IDS: alleen een beheerder stelt eenheidsprijzen in.`, `${q(by)} is not in ADMIN_USER_IDS: only an admin sets unit costs.`),
  })[what];

// ── Database and files ──────────────────────────────────────────────────────────────────────────

export const dbMissing = (path: string) =>
  m(
    `Database niet gevonden: ${path}. Maak hem met: npm run cli -- init (of geef --db of DATABASE_URL op).`,
    `Database not found: ${path}. Create it with: npm run cli -- init (or pass --db or set DATABASE_URL).`,
  );
export const initDone = (path: string, created: boolean, migrations: number) =>
  created
    ? m(`Database aangemaakt: ${path} (${migrations} migraties).`, `Database created: ${path} (${migrations} migrations).`)
    : m(`Database bijgewerkt: ${path} (${migrations} migraties, alle toegepast).`, `Database up to date: ${path} (${migrations} migrations, all applied).`);
export const fileExists = (file: string) =>
  m(`Bestand ${file} bestaat al; er wordt nooit een bestand overschreven. Kies een andere naam met --out.`, `File ${file} already exists; no file is ever overwritten. Choose another name with --out.`);
export const writeFailed = (file: string) => m(`Kan ${file} niet schrijven; er is niets vastgelegd.`, `Cannot write ${file}; nothing was recorded.`);
export const keptUnder = (file: string, tmp: string) =>
  m(
    `${file} verscheen tijdens het schrijven; het bestand staat onder ${tmp}.`,
    `${file} appeared while writing; the file was kept as ${tmp}.`,
  );

// ── Months and dates ────────────────────────────────────────────────────────────────────────────

export const monthInvalid = (text: string) =>
  m(`Onbekende maand ${q(text, 20)}: schrijf JJJJ-MM, bijvoorbeeld 2026-10.`, `Unknown month ${q(text, 20)}: write YYYY-MM, e.g. 2026-10.`);
export const monthFuture = (nl: string, en: string) =>
  m(`${nl} ligt in de toekomst: daar zijn nog geen uitgaven.`, `${en} is in the future: there are no spends yet.`);
export const dateInvalid = (text: string) =>
  m(`${q(text, 20)} is geen bestaande datum JJJJ-MM-DD.`, `${q(text, 20)} is not a valid date YYYY-MM-DD.`);

// ── export csv ──────────────────────────────────────────────────────────────────────────────────

export const monthEmpty = (nl: string, en: string) =>
  m(`Geen uitgaven in ${nl}; er is geen bestand geschreven.`, `No spends in ${en}; no file was written.`);
export const registerWritten = (file: string, count: number, nl: string, en: string) =>
  m(`Register van ${nl} geschreven naar ${file}: ${count} betaling(en).`, `Register of ${en} written to ${file}: ${count} payment(s).`);

// ── export sepa ─────────────────────────────────────────────────────────────────────────────────

export const nothingToExport = m('Geen nieuwe betalingen om te exporteren; er is geen bestand geschreven.', 'No new payments to export; no file was written.');
export const sepaWritten = (file: string, batch: string, count: number, total: Cents) =>
  m(
    `SEPA-batch ${batch} geschreven naar ${file}: ${count} betaling(en), totaal ${formatEuro(total)}. Gemarkeerd als geëxporteerd.`,
    `SEPA batch ${batch} written to ${file}: ${count} payment(s), total ${formatEuro(total)}. Marked as exported.`,
  );
export const skippedOwn = (list: readonly number[]) =>
  m(
    `Overgeslagen, door jou goedgekeurd of aangevraagd (functiescheiding): ${ids(list)}`,
    `Skipped, approved or requested by you (segregation of duties): ${ids(list)}`,
  );
export const skippedIban = (list: readonly number[]) =>
  m(
    `Overgeslagen, IBAN van de leverancier is ongeldig: ${ids(list)}`,
    `Skipped, supplier IBAN is invalid: ${ids(list)}`,
  );
export const skippedNonSepa = (list: readonly number[]) =>
  m(`Overgeslagen, IBAN van de leverancier is geen SEPA-rekening: ${ids(list)}`, `Skipped, supplier IBAN is not a SEPA account: ${ids(list)}`);
export const skippedAmount = (list: readonly number[]) =>
  m(`Overgeslagen, bedrag ongeldig: ${ids(list)}`, `Skipped, invalid amount: ${ids(list)}`);
export const skippedName = (list: readonly number[]) =>
  m(
    `Overgeslagen, naam van de leverancier heeft geen tekens die SEPA toestaat: ${ids(list)}`,
    `Skipped, supplier name has no characters SEPA allows: ${ids(list)}`,
  );
export const skippedAudit = (list: readonly number[]) =>
  m(
    `Overgeslagen, klopt niet met de audittrail (controleer met audit verify): ${ids(list)}`,
    `Skipped, does not match the audit trail (check with audit verify): ${ids(list)}`,
  );
export const anchorAfter = (anchor: string) =>
  m(`Auditanker na deze actie (bewaar het buiten de database): ${anchor}`, `Audit anchor after this action (keep it outside the database): ${anchor}`);
export const debtorIbanInvalid = m(
  'Het IBAN van de betaler (--debtor-iban) is ongeldig of geen SEPA-rekening; er is niets geëxporteerd.',
  'The debtor IBAN (--debtor-iban) is invalid or not a SEPA account; nothing was exported.',
);
export const debtorBicInvalid = m('De BIC van de betaler (--debtor-bic) is ongeldig.', 'The debtor BIC (--debtor-bic) is invalid.');
export const debtorNameInvalid = m(
  'De naam van de betaler (--debtor-name) ontbreekt of bevat geen bruikbare tekens.',
  'The debtor name (--debtor-name) is missing or has no usable characters.',
);
export const executionDateInvalid = (text: string) =>
  m(`Uitvoerdatum ${q(text, 20)} is geen bestaande datum JJJJ-MM-DD.`, `Execution date ${q(text, 20)} is not a valid date YYYY-MM-DD.`);
export const executionDatePast = (date: string, today: string) =>
  m(`Uitvoerdatum ${date} ligt vóór vandaag (${today}).`, `Execution date ${date} is before today (${today}).`);

// ── mark-paid ───────────────────────────────────────────────────────────────────────────────────

export const requestInvalid = (text: string) => m(`${q(text, 20)} is geen aanvraagnummer.`, `${q(text, 20)} is not a request number.`);
// ── audit ───────────────────────────────────────────────────────────────────────────────────────

export const auditIntactWithPayments = (rows: number, payments: number) =>
  m(
    `Audittrail intact (${rows} regels); ${payments} betaling(en) kloppen met hun auditregels.`,
    `Audit trail intact (${rows} rows); ${payments} payment(s) match their audit rows.`,
  );
export const auditBroken = (id: number, why: CliText) =>
  m(`Audittrail verbroken bij regel ${id}: ${why.nl}.`, `Audit trail broken at row ${id}: ${why.en}.`);
export const why = {
  rowMissing: m('regel ontbreekt (verwijderd)', 'row missing (deleted)'),
  prevHash: m('vorige hash klopt niet', 'previous hash does not match'),
  changed: m('regel is gewijzigd', 'row was changed'),
  cutOff: m('laatste regel(s) verwijderd', 'last row(s) removed'),
};
export const anchorInvalid = (text: string) =>
  m(`Anker ${q(text, 80)} is ongeldig: schrijf <aantal>:<hash>, zoals audit head het toont.`, `Anchor ${q(text, 80)} is invalid: write <count>:<hash>, as audit head prints it.`);
export const anchorTruncated = (count: number, rows: number) =>
  m(
    `Het anker (regel ${count}) staat niet meer in de audittrail: die heeft nog maar ${rows} regels (ingekort).`,
    `The anchor (row ${count}) is no longer in the audit trail: it has only ${rows} rows (cut off).`,
  );
export const anchorRewritten = (count: number) =>
  m(
    `Het anker past niet: regel ${count} heeft een andere hash (de audittrail is tot en met die regel herschreven).`,
    `The anchor does not match: row ${count} has another hash (the audit trail was rewritten up to that row).`,
  );
export const anchorHeld = (count: number) =>
  m(`Anker gevonden: regels 1–${count} zijn ongewijzigd.`, `Anchor found: rows 1–${count} are unchanged.`);
/** `audit head`: the anchor alone on the first line (easy to copy or to script), then what it is for. */
export const headExplained = (rows: number) =>
  m(
    `Auditanker (${rows} regels): bewaar het buiten de database en controleer later met: npm run cli -- audit verify --anchor <anker>`,
    `Audit anchor (${rows} rows): keep it outside the database and check later with: npm run cli -- audit verify --anchor <anchor>`,
  );

/** What no longer matches between a payment (or its request) and its audit rows. */
export const mismatchField: Record<string, CliText> = {
  unrecorded: m('geen auditregel payment.recorded', 'no payment.recorded audit row'),
  missing: m('goedgekeurd zonder betaling', 'approved without a payment'),
  amount: m('bedrag gewijzigd', 'amount changed'),
  supplier: m('leverancier gewijzigd', 'supplier changed'),
  iban: m('IBAN gewijzigd', 'IBAN changed'),
  approvers: m('goedkeurders gewijzigd', 'approvers changed'),
  recordedAt: m('tijdstip van vastleggen gewijzigd', 'time recorded changed'),
  requester: m('aanvrager gewijzigd', 'requester changed'),
  status: m('status past niet bij de auditregels', 'status does not match the audit rows'),
  export: m('export past niet bij de auditregels', 'export does not match the audit rows'),
  paid: m('betaling past niet bij de auditregels', 'paid state does not match the audit rows'),
};
export const paymentMismatch = (id: number, fields: readonly string[]) => {
  const f = fields.map((x) => mismatchField[x] ?? m(x, x));
  return m(
    `${requestLabel(id)} klopt niet met de audittrail: ${f.map((x) => x.nl).join(', ')}.`,
    `${requestLabel(id)} does not match the audit trail: ${f.map((x) => x.en).join(', ')}.`,
  );
};

// ── purge ───────────────────────────────────────────────────────────────────────────────────────

export const purgeDateFuture = (date: string) =>
  m(`${date} ligt in de toekomst; kies een datum in het verleden.`, `${date} is in the future; choose a date in the past.`);
export const purgeDone = (count: number, date: string) =>
  m(
    `Opgeschoond: ${count} gesloten aanvra(a)g(en) van vóór ${date}. Zaakreferenties, omschrijvingen en toelichtingen zijn gewist; bedrag, leverancier, IBAN, categorie, data en goedkeurders zijn bewaard.`,
    `Purged: ${count} closed request(s) created before ${date}. Case references, descriptions and justifications were blanked; amount, supplier, IBAN, category, dates and approvers were kept.`,
  );

// ── backup ──────────────────────────────────────────────────────────────────────────────────────

export const backupDone = (file: string, size: string) => m(`Back-up geschreven naar ${file} (${size}).`, `Backup written to ${file} (${size}).`);

export const byUnchecked = (setting: 'FINANCE_USER_IDS' | 'ADMIN_USER_IDS') =>
  m(`Let op: ${setting} is niet ingesteld, dus --by is niet gecontroleerd.`, `Note: ${setting} is not set, so --by was not checked.`);

// ── demo ────────────────────────────────────────────────────────────────────────────────────────

export const demoMonthsInvalid = (v: string) =>
  m(`--months ${q(v)} is geen aantal maanden van 1 tot 36.`, `--months ${q(v)} is not a number of months from 1 to 36.`);
export const demoDone = (file: string, requests: number, months: number, exported: number, paid: number) =>
  m(
    `Oefendata in ${file}: ${requests} aanvragen over ${months} maanden (${exported} in een SEPA-batch, ${paid} betaald). Probeer: npm run cli -- digest --db ${file}`,
    `Practice data in ${file}: ${requests} requests over ${months} months (${exported} in a SEPA batch, ${paid} paid). Try: npm run cli -- digest --db ${file}`,
  );
export const demoAlready = (file: string) =>
  m(`${file} heeft al oefendata (of het oefenteam is in gebruik); er is niets toegevoegd.`, `${file} already has practice data (or the practice team is in use); nothing was added.`);
// ── signal, unit-cost ───────────────────────────────────────────────────────────────────────────

export const teamInvalid = (text: string) =>
  m(`${q(text, 60)} zijn geen teams: geef teamnummers of kanaal-id's, met komma's (signal list toont ze).`, `${q(text, 60)} are no teams: give team numbers or channel ids, comma-separated (signal list shows them).`);
export const subjectEither = m('Geef --category of --theme (één van beide).', 'Give --category or --theme (one of them).');
export const signalIdInvalid = (text: string) => m(`${q(text, 20)} is geen signaalnummer.`, `${q(text, 20)} is not a signal number.`);
export const stepUnknown = (text: string) =>
  m(
    `Onbekende stap ${q(text, 30)}: kies besproken, maatregel, geevalueerd, gesloten of geen-maatregel.`,
    `Unknown step ${q(text, 30)}: choose besproken, maatregel, geevalueerd, gesloten or geen-maatregel.`,
  );
export const teamsHeading = m('Teams (nummer, platform, kanaal, naam):', 'Teams (number, platform, channel, name):');
export const noSignals = m('Nog geen signalen.', 'No signals yet.');
export const noUnitCosts = m(
  'Geen eenheidsprijzen ingesteld: het maandoverzicht schat geen vermeden kosten. Stel er een in met unit-cost set.',
  'No unit costs set: the digest estimates no avoided costs. Set one with unit-cost set.',
);
