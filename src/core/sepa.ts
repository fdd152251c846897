/**
 * SEPA Credit Transfer initiation, ISO 20022 pain.001.001.09
 * (namespace urn:iso:std:iso:20022:tech:xsd:pain.001.001.09), for finance to upload to the
 * municipality's bank: one batch (one PmtInf) of payments to suppliers.
 *
 * The output validates against the EPC's schema for it (EPC132-08 2023 implementation guidelines,
 * test/fixtures/pain.001.001.09.xsd; test/core/sepaSchema.test.ts).
 *
 * Pure: returns the XML as a string. Money is integer euro cents throughout; decimal
 * strings are made by integer math only.
 *
 * Errors the user (or finance) can fix come back as `{ ok: false, error }`. Programming or
 * configuration errors that have no SepaError code (an invalid messageId, duplicate or
 * non-integer requestIds, a name that is empty in the SEPA character set, an invalid
 * debtor BIC or country code) throw a RangeError.
 */
import { electronicFormatIBAN, isSEPACountry, isValidBIC, isValidIBAN } from 'ibantools';
import { isoDate, isoDateTime } from './time.js';

export const PAIN_001_001_09_NS = 'urn:iso:std:iso:20022:tech:xsd:pain.001.001.09';

export interface SepaAddress {
  /** ISO 3166 alpha-2 country code, e.g. "NL". */
  country: string;
  townName?: string;
  postCode?: string;
  streetName?: string;
  buildingNumber?: string;
}

export interface SepaPayment {
  requestId: number;
  /** Integer euro cents, > 0. */
  amountCents: number;
  creditorName: string;
  creditorIban: string;
  remittance: string;
}

export interface SepaBatchInput {
  /** ≤ 35 characters from the SEPA character set, unique per file. Also used as PmtInfId. */
  messageId: string;
  createdAt: Date;
  /** YYYY-MM-DD, not before createdAt's calendar day in Europe/Amsterdam. */
  executionDate: string;
  debtor: { name: string; iban: string; bic?: string; address?: SepaAddress };
  payments: readonly SepaPayment[];
}

export type SepaError =
  | 'SEPA.NO_PAYMENTS'
  | 'SEPA.DEBTOR_IBAN_INVALID'
  | 'SEPA.CREDITOR_IBAN_INVALID'
  | 'SEPA.EXECUTION_DATE_INVALID'
  | 'SEPA.AMOUNT_INVALID';

export type SepaResult =
  | { ok: true; value: { xml: string; numberOfTransactions: number; controlSumCents: number } }
  | { ok: false; error: SepaError; detail?: string };

/** Largest amount one SEPA transaction may carry: EUR 999,999,999.99. */
export const SEPA_MAX_AMOUNT_CENTS = 99_999_999_999;

// ---------------------------------------------------------------------------------------
// Character set

/** Characters that have a better replacement than "drop the accent". */
const SPECIAL: Readonly<Record<string, string>> = {
  'ß': 'ss',
  'ẞ': 'SS',
  '€': 'EUR',
  '&': '+',
  'Æ': 'AE',
  'æ': 'ae',
  'Ø': 'O',
  'ø': 'o',
  'Œ': 'OE',
  'œ': 'oe',
  'Ł': 'L',
  'ł': 'l',
  'Đ': 'D',
  'đ': 'd',
  'Þ': 'Th',
  'þ': 'th',
  'ı': 'i',
  '‘': "'",
  '’': "'",
  '‚': "'",
  '`': "'",
  '´': "'",
  '‐': '-',
  '‑': '-',
  '–': '-',
  '—': '-',
  '_': '-',
};

const NOT_SEPA = /[^A-Za-z0-9/\-?:().,'+ ]/g;

/**
 * Transliterate to the SEPA (EPC basic Latin) character set
 * `a-z A-Z 0-9 / - ? : ( ) . , ' + space`: accents are dropped (é→e, ë→e), ß→ss, €→EUR,
 * &→+, other characters become a space; runs of spaces collapse, the result is trimmed and
 * cut to at most `max` characters.
 */
export function toSepaText(s: string, max: number): string {
  if (max <= 0) return '';
  let mapped = '';
  for (const ch of s) mapped += SPECIAL[ch] ?? ch;
  const text = mapped
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(NOT_SEPA, ' ')
    .replace(/ {2,}/g, ' ')
    .trim();
  return text.slice(0, Math.floor(max)).trimEnd();
}

/**
 * Unstructured remittance text for a minimaatwerk payment: "Minimaatwerk 12 <description>"
 * in the SEPA character set, at most 140 characters. ("#" is outside the SEPA character
 * set, so "Minimaatwerk #12" would come out as "Minimaatwerk 12" anyway.)
 */
export function remittanceText(requestId: number, description: string): string {
  return toSepaText(`Minimaatwerk ${requestId} ${description}`, 140);
}

// ---------------------------------------------------------------------------------------
// Formatting helpers

/** Integer cents to "123.45" (dot, two decimals), integer math only. */
export function formatSepaAmount(cents: number): string {
  if (!Number.isSafeInteger(cents)) throw new RangeError(`amount must be integer cents, got ${String(cents)}`);
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  const rest = abs % 100;
  return `${sign}${Math.trunc(abs / 100)}.${rest < 10 ? '0' : ''}${rest}`;
}

function escapeXml(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** Local Amsterdam time with its UTC offset (CreDtTm). */
export const isoAmsterdam = isoDateTime;

/** True for a real calendar day written as YYYY-MM-DD. */
export function isIsoCalendarDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  const dt = new Date(Date.UTC(y, mo - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === mo - 1 && dt.getUTCDate() === d;
}

/** SEPA identifier rules (MsgId, PmtInfId, EndToEndId): 1..35 chars, SEPA set, no leading/trailing '/', no '//'. */
function isSepaIdentifier(s: string): boolean {
  return (
    s.length >= 1 &&
    s.length <= 35 &&
    /^[A-Za-z0-9/\-?:().,'+ ]+$/.test(s) &&
    !s.startsWith('/') &&
    !s.endsWith('/') &&
    !s.includes('//') &&
    s.trim() === s
  );
}

function normalizeIban(iban: string): string | null {
  const e = electronicFormatIBAN(iban);
  if (!e || !isValidIBAN(e)) return null;
  return e;
}

// ---------------------------------------------------------------------------------------
// pain.001.001.09

function el(indent: number, name: string, text: string, attrs = ''): string {
  return `${'  '.repeat(indent)}<${name}${attrs}>${escapeXml(text)}</${name}>\n`;
}
function open(indent: number, name: string): string {
  return `${'  '.repeat(indent)}<${name}>\n`;
}
function close(indent: number, name: string): string {
  return `${'  '.repeat(indent)}</${name}>\n`;
}

/**
 * Build a pain.001.001.09 SEPA credit transfer file with one batch-booked payment
 * information block. EndToEndId per payment is `MMW-<requestId>`; the creditor name is
 * transliterated to the SEPA character set and cut to 70 characters; the remittance text
 * (RmtInf/Ustrd) is transliterated and cut to 140. The debtor agent is given by BIC when
 * provided, otherwise as `Othr/Id NOTPROVIDED` (IBAN-only SEPA).
 */
export function buildPain001(input: SepaBatchInput): SepaResult {
  const { payments, debtor } = input;
  if (payments.length === 0) return { ok: false, error: 'SEPA.NO_PAYMENTS' };

  if (!isSepaIdentifier(input.messageId)) {
    throw new RangeError(`messageId must be 1..35 SEPA characters: ${JSON.stringify(input.messageId)}`);
  }

  const debtorIban = normalizeIban(debtor.iban);
  if (!debtorIban) return { ok: false, error: 'SEPA.DEBTOR_IBAN_INVALID', detail: 'IBAN van de betaler is ongeldig' };
  if (!isSEPACountry(debtorIban.slice(0, 2))) {
    return { ok: false, error: 'SEPA.DEBTOR_IBAN_INVALID', detail: 'IBAN van de betaler is geen SEPA-rekening' };
  }
  let debtorBic: string | undefined;
  if (debtor.bic !== undefined && debtor.bic.trim() !== '') {
    debtorBic = debtor.bic.replace(/\s+/g, '').toUpperCase();
    if (!isValidBIC(debtorBic)) throw new RangeError(`invalid debtor BIC: ${JSON.stringify(debtor.bic)}`);
  }
  const debtorName = toSepaText(debtor.name, 70);
  if (debtorName === '') throw new RangeError('debtor name is empty in the SEPA character set');
  const country = debtor.address?.country.trim().toUpperCase();
  if (country !== undefined && !/^[A-Z]{2}$/.test(country)) {
    throw new RangeError(`invalid debtor country code: ${JSON.stringify(debtor.address?.country)}`);
  }

  if (!isIsoCalendarDate(input.executionDate)) {
    return {
      ok: false,
      error: 'SEPA.EXECUTION_DATE_INVALID',
      detail: `uitvoerdatum moet een bestaande datum JJJJ-MM-DD zijn: ${input.executionDate}`,
    };
  }
  const createdDay = isoDate(input.createdAt);
  if (input.executionDate < createdDay) {
    return {
      ok: false,
      error: 'SEPA.EXECUTION_DATE_INVALID',
      detail: `uitvoerdatum ${input.executionDate} ligt voor de aanmaakdatum ${createdDay}`,
    };
  }

  const seen = new Set<number>();
  let controlSumCents = 0;
  const txs: { endToEndId: string; amountCents: number; name: string; iban: string; ustrd: string }[] = [];
  for (const p of payments) {
    if (!Number.isSafeInteger(p.requestId) || p.requestId <= 0) {
      throw new RangeError(`requestId must be a positive integer: ${String(p.requestId)}`);
    }
    if (seen.has(p.requestId)) throw new RangeError(`request #${p.requestId} appears twice in one batch`);
    seen.add(p.requestId);
    if (!Number.isSafeInteger(p.amountCents) || p.amountCents <= 0 || p.amountCents > SEPA_MAX_AMOUNT_CENTS) {
      return {
        ok: false,
        error: 'SEPA.AMOUNT_INVALID',
        detail: `aanvraag #${p.requestId}: bedrag moet een positief geheel aantal centen zijn`,
      };
    }
    const iban = normalizeIban(p.creditorIban);
    if (!iban || !isSEPACountry(iban.slice(0, 2))) {
      return {
        ok: false,
        error: 'SEPA.CREDITOR_IBAN_INVALID',
        detail: `aanvraag #${p.requestId}: IBAN van de leverancier is ongeldig of geen SEPA-rekening`,
      };
    }
    const name = toSepaText(p.creditorName, 70);
    if (name === '') throw new RangeError(`request #${p.requestId}: creditor name is empty in the SEPA character set`);
    controlSumCents += p.amountCents;
    if (!Number.isSafeInteger(controlSumCents)) {
      return { ok: false, error: 'SEPA.AMOUNT_INVALID', detail: 'totaalbedrag te groot' };
    }
    txs.push({
      endToEndId: `MMW-${p.requestId}`,
      amountCents: p.amountCents,
      name,
      iban,
      ustrd: toSepaText(p.remittance, 140),
    });
  }

  const nb = String(txs.length);
  const ctrlSum = formatSepaAmount(controlSumCents);
  let x = '<?xml version="1.0" encoding="UTF-8"?>\n';
  x += `<Document xmlns="${PAIN_001_001_09_NS}">\n`;
  x += open(1, 'CstmrCdtTrfInitn');

  x += open(2, 'GrpHdr');
  x += el(3, 'MsgId', input.messageId);
  x += el(3, 'CreDtTm', isoAmsterdam(input.createdAt));
  x += el(3, 'NbOfTxs', nb);
  x += el(3, 'CtrlSum', ctrlSum);
  x += open(3, 'InitgPty');
  x += el(4, 'Nm', debtorName);
  x += close(3, 'InitgPty');
  x += close(2, 'GrpHdr');

  x += open(2, 'PmtInf');
  x += el(3, 'PmtInfId', input.messageId);
  x += el(3, 'PmtMtd', 'TRF');
  x += el(3, 'BtchBookg', 'true');
  x += el(3, 'NbOfTxs', nb);
  x += el(3, 'CtrlSum', ctrlSum);
  x += open(3, 'PmtTpInf');
  x += open(4, 'SvcLvl');
  x += el(5, 'Cd', 'SEPA');
  x += close(4, 'SvcLvl');
  x += close(3, 'PmtTpInf');
  x += open(3, 'ReqdExctnDt');
  x += el(4, 'Dt', input.executionDate);
  x += close(3, 'ReqdExctnDt');

  x += open(3, 'Dbtr');
  x += el(4, 'Nm', debtorName);
  if (debtor.address && country !== undefined) {
    const a = debtor.address;
    // PostalAddress24 order: StrtNm, BldgNb, PstCd, TwnNm, Ctry.
    x += open(4, 'PstlAdr');
    const street = a.streetName !== undefined ? toSepaText(a.streetName, 70) : '';
    const bldg = a.buildingNumber !== undefined ? toSepaText(a.buildingNumber, 16) : '';
    const post = a.postCode !== undefined ? toSepaText(a.postCode, 16) : '';
    const town = a.townName !== undefined ? toSepaText(a.townName, 35) : '';
    if (street) x += el(5, 'StrtNm', street);
    if (bldg) x += el(5, 'BldgNb', bldg);
    if (post) x += el(5, 'PstCd', post);
    if (town) x += el(5, 'TwnNm', town);
    x += el(5, 'Ctry', country);
    x += close(4, 'PstlAdr');
  }
  x += close(3, 'Dbtr');

  x += open(3, 'DbtrAcct');
  x += open(4, 'Id');
  x += el(5, 'IBAN', debtorIban);
  x += close(4, 'Id');
  x += close(3, 'DbtrAcct');

  x += open(3, 'DbtrAgt');
  x += open(4, 'FinInstnId');
  if (debtorBic) {
    x += el(5, 'BICFI', debtorBic);
  } else {
    x += open(5, 'Othr');
    x += el(6, 'Id', 'NOTPROVIDED');
    x += close(5, 'Othr');
  }
  x += close(4, 'FinInstnId');
  x += close(3, 'DbtrAgt');

  x += el(3, 'ChrgBr', 'SLEV');

  for (const t of txs) {
    x += open(3, 'CdtTrfTxInf');
    x += open(4, 'PmtId');
    x += el(5, 'EndToEndId', t.endToEndId);
    x += close(4, 'PmtId');
    x += open(4, 'Amt');
    x += el(5, 'InstdAmt', formatSepaAmount(t.amountCents), ' Ccy="EUR"');
    x += close(4, 'Amt');
    x += open(4, 'Cdtr');
    x += el(5, 'Nm', t.name);
    x += close(4, 'Cdtr');
    x += open(4, 'CdtrAcct');
    x += open(5, 'Id');
    x += el(6, 'IBAN', t.iban);
    x += close(5, 'Id');
    x += close(4, 'CdtrAcct');
    if (t.ustrd) {
      x += open(4, 'RmtInf');
      x += el(5, 'Ustrd', t.ustrd);
      x += close(4, 'RmtInf');
    }
    x += close(3, 'CdtTrfTxInf');
  }

  x += close(2, 'PmtInf');
  x += close(1, 'CstmrCdtTrfInitn');
  x += '</Document>\n';

  return { ok: true, value: { xml: x, numberOfTransactions: txs.length, controlSumCents } };
}
