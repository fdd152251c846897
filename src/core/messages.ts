// The text catalogue: every text a user reads, Dutch first, English second, split by area in
// src/core/texts/ (form, requests, finance, admin, help, overview). Messages are structure
// (src/core/text.ts), rendered per platform by the adapters.
import type { Cents } from './money.js';
import { formatEuro } from './money.js';
import { requestLabel } from './request.js';

export type { Message } from './text.js';
export * from './texts/form.js';
export * from './texts/requests.js';
export * from './texts/finance.js';
export * from './texts/admin.js';
export * from './texts/help.js';
export * from './texts/overview.js';
export * from './texts/words.js';
export * from './texts/card.js';

import { msg } from './text.js';

const m = msg;

// --- Admin CLI (npm run cli -- …) ---------------------------------------------------------------

export const cli = {
  usage: m(
    [
      'Gebruik: npm run cli -- <commando> [opties]   (database: --db <bestand> of DATABASE_URL)',
      '  export csv --month 2026-10 [--out bestand.csv] --by <gebruikers-id>',
      '  export sepa --execution-date 2026-11-03 --debtor-iban NL.. --debtor-name "Gemeente X" [--debtor-bic ..] [--out bestand.xml] --by <gebruikers-id>',
      '  mark-paid --request 12 --by <gebruikers-id>',
      '  digest --month 2026-10',
      '  audit verify',
      '  purge --before 2019-01-01 --by <gebruikers-id>',
      '  backup <bestand>',
      '  help',
    ].join('\n'),
    [
      'Usage: npm run cli -- <command> [options]   (database: --db <file> or DATABASE_URL)',
      '  export csv: the month\'s payment register for Dutch Excel; export sepa: a pain.001.001.09 batch of approved payments not yet exported;',
      '  mark-paid: record a payment as paid; digest: the monthly digest as text; audit verify: check the hash chain;',
      '  purge: blank free text of closed requests before a date; backup: consistent online copy of the database.',
    ].join('\n'),
  ),
  unknownCommand: (cmd: string) =>
    m(`Onbekend commando "${cmd.slice(0, 40)}".`, `Unknown command "${cmd.slice(0, 40)}".`),
  badOptions: (detail: string) => m(`Ongeldige opties: ${detail}`, `Invalid options: ${detail}`),
  missingOption: (name: string) => m(`Optie --${name} ontbreekt.`, `Option --${name} is missing.`),
  dbMissing: (path: string) =>
    m(`Database niet gevonden: ${path} (geef --db of DATABASE_URL op).`, `Database not found: ${path} (pass --db or set DATABASE_URL).`),
  fileExists: (file: string) =>
    m(`Bestand ${file} bestaat al; kies een andere naam met --out.`, `File ${file} already exists; choose another name with --out.`),
  writeFailed: (file: string) => m(`Kan ${file} niet schrijven; er is niets vastgelegd.`, `Cannot write ${file}; nothing was recorded.`),
  monthInvalid: (text: string) =>
    m(`Onbekende maand "${text.slice(0, 20)}": schrijf JJJJ-MM, bijvoorbeeld 2026-10.`, `Unknown month "${text.slice(0, 20)}": write YYYY-MM, e.g. 2026-10.`),
  monthFuture: (nl: string, en: string) =>
    m(`${nl} ligt in de toekomst: daar zijn nog geen uitgaven.`, `${en} is in the future: there are no spends yet.`),
  monthEmpty: (nl: string, en: string) => m(`Geen uitgaven in ${nl}.`, `No spends in ${en}.`),
  registerWritten: (file: string, count: number, nl: string, en: string) =>
    m(`Register van ${nl} geschreven naar ${file}: ${count} betaling(en).`, `Register of ${en} written to ${file}: ${count} payment(s).`),
  nothingToExport: m('Geen nieuwe betalingen om te exporteren', 'No new payments to export'),
  skippedOwnApproval: (ids: readonly number[]) =>
    m(
      `Overgeslagen, door jou goedgekeurd of aangevraagd (functiescheiding): ${ids.map(requestLabel).join(', ')}`,
      `Skipped, approved or requested by you (segregation of duties): ${ids.map(requestLabel).join(', ')}`,
    ),
  sepaWritten: (file: string, batch: string, count: number, total: Cents) =>
    m(
      `SEPA-batch ${batch} geschreven naar ${file}: ${count} betaling(en), totaal ${formatEuro(total)}. Gemarkeerd als geëxporteerd.`,
      `SEPA batch ${batch} written to ${file}: ${count} payment(s), total ${formatEuro(total)}. Marked as exported.`,
    ),
  debtorIbanInvalid: m(
    'Het IBAN van de betaler (--debtor-iban) is ongeldig of geen SEPA-rekening; er is niets geëxporteerd.',
    'The debtor IBAN (--debtor-iban) is invalid or not a SEPA account; nothing was exported.',
  ),
  debtorBicInvalid: m('De BIC van de betaler (--debtor-bic) is ongeldig.', 'The debtor BIC (--debtor-bic) is invalid.'),
  debtorNameInvalid: m(
    'De naam van de betaler (--debtor-name) ontbreekt of bevat geen bruikbare tekens.',
    'The debtor name (--debtor-name) is missing or has no usable characters.',
  ),
  executionDateInvalid: (text: string) =>
    m(
      `Uitvoerdatum "${text.slice(0, 20)}" is geen bestaande datum JJJJ-MM-DD.`,
      `Execution date "${text.slice(0, 20)}" is not a valid date YYYY-MM-DD.`,
    ),
  executionDatePast: (date: string, today: string) =>
    m(`Uitvoerdatum ${date} ligt vóór vandaag (${today}).`, `Execution date ${date} is before today (${today}).`),
  paymentInvalid: (id: number) =>
    m(
      `De betaling van ${requestLabel(id)} kan niet in een SEPA-bestand (IBAN of bedrag ongeldig); er is niets geëxporteerd.`,
      `The payment of ${requestLabel(id)} cannot go into a SEPA file (invalid IBAN or amount); nothing was exported.`,
    ),
  requestInvalid: (text: string) =>
    m(`"${text.slice(0, 20)}" is geen aanvraagnummer.`, `"${text.slice(0, 20)}" is not a request number.`),
  auditIntact: (rows: number) => m(`Audittrail intact (${rows} regels)`, `Audit trail intact (${rows} rows)`),
  auditBroken: (id: number, whyNl: string, whyEn: string) =>
    m(`Audittrail verbroken bij regel ${id}: ${whyNl}.`, `Audit trail broken at row ${id}: ${whyEn}.`),
  dateInvalid: (text: string) =>
    m(`"${text.slice(0, 20)}" is geen bestaande datum JJJJ-MM-DD.`, `"${text.slice(0, 20)}" is not a valid date YYYY-MM-DD.`),
  purgeDateFuture: (date: string) =>
    m(`${date} ligt in de toekomst; kies een datum in het verleden.`, `${date} is in the future; choose a date in the past.`),
  purgeDone: (count: number, date: string) =>
    m(
      `Opgeschoond: ${count} gesloten aanvra(a)g(en) van vóór ${date}. Zaakreferenties, omschrijvingen en toelichtingen zijn gewist; bedrag, leverancier, IBAN, categorie, data en goedkeurders zijn bewaard.`,
      `Purged: ${count} closed request(s) created before ${date}. Case references, descriptions and justifications were blanked; amount, supplier, IBAN, category, dates and approvers were kept.`,
    ),
  backupExists: (file: string) =>
    m(`Bestand ${file} bestaat al; een back-up overschrijft nooit een bestaand bestand.`, `File ${file} already exists; a backup never overwrites a file.`),
  backupDone: (file: string, size: string) => m(`Back-up geschreven naar ${file} (${size}).`, `Backup written to ${file} (${size}).`),
};
