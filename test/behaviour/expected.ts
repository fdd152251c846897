// What the suite expects to see, built from the text catalogue and domain data the test states
// itself (never read back from the bot): a request card in a given state, plain.
import { cardView, type CardData } from '../../src/core/messages.js';
import type { RequestStatus } from '../../src/core/request.js';
import { p, slashPlain } from '../../src/core/text.js';
import { canonical, plainText, type Driver, type Req, type Who } from '../support/drivers/driver.js';
import { VALID_FORM } from '../support/forms.js';

/** The seeded categories the suite files under. */
const CATEGORY = {
  witgoed: { labelNl: 'Witgoed en huishoudelijke apparaten', labelEn: 'White goods and appliances' },
  mondzorg: { labelNl: 'Mondzorg / tandarts', labelEn: 'Dental care' },
  overig: { labelNl: 'Overig', labelEn: 'Other' },
} as const;

export interface CardState {
  status?: RequestStatus;
  amountCents?: number;
  description?: string;
  supplierName?: string;
  supplierIban?: string;
  category?: keyof typeof CATEGORY;
  requester?: Who;
  approvers?: Who[];
  objections?: { who: Who; reason: string | null }[];
  decidedBy?: Who[];
  version?: number;
  closed?: { kind: string; reason: string };
}

/** The card of `r` in state `s` (the valid form's request unless said otherwise), as plain text. */
export function expectedCard(d: Driver, r: Req, s: CardState = {}): string {
  const data: CardData = {
    request: {
      id: r.id,
      amountCents: s.amountCents ?? 8550,
      description: s.description ?? VALID_FORM.description,
      supplierName: s.supplierName ?? VALID_FORM.supplierName,
      supplierIban: s.supplierIban ?? 'NL91ABNA0417164300',
      reason: 'no_provision',
      requesterId: d.id(s.requester ?? 'requester'),
      status: s.status ?? 'open',
      version: s.version ?? 1,
      closedReason: s.closed?.reason ?? null,
      closedKind: s.closed?.kind ?? null,
    },
    team: { approvalsNeeded: 3 },
    category: CATEGORY[s.category ?? 'witgoed'],
    approvers: (s.approvers ?? []).map((w) => d.id(w)),
    objections: (s.objections ?? []).map((o) => ({ objectorId: d.id(o.who), reason: o.reason })),
    decidedBy: (s.decidedBy ?? []).map((w) => d.id(w)),
  };
  const view = cardView(data, d.platform);
  return canonical(
    [
      view.title,
      ...view.facts.map((f) => `${slashPlain(f.label)}: ${plainText([p(...f.value)], d.names)}`),
      plainText(view.state, d.names),
      plainText(view.notes, d.names),
    ].join('\n'),
  );
}

/** The card of `r` as shown now, in the same plain form. */
export const shownCard = (d: Driver, r: Req) => canonical(d.card(r));

/** The shown card contains `fragment` (plain). */
export const cardSays = (d: Driver, r: Req, fragment: string) => shownCard(d, r).includes(canonical(fragment));

/** The catalogue's own words of a one-paragraph message in one language (labels inside sentences). */
export function words(m: { nl: readonly unknown[]; en: readonly unknown[] }, lang: 'nl' | 'en' = 'nl'): string {
  const block = m[lang][0] as { k: string; parts?: unknown[] } | undefined;
  return block?.k === 'p' ? (block.parts ?? []).filter((x): x is string => typeof x === 'string').join('') : '';
}

/** The audit trail of a request (or of the team, `null`): [action, who] in order. */
export function audited(d: Driver, r: Req | null): [string, string][] {
  return d
    .trail()
    .filter((t) => t.request === (r?.id ?? null))
    .map((t) => [t.action, t.by]);
}
