// The behaviour suite's view of a chat platform, in domain words: who acts, what they do, and what
// the team channel and each person see, as plain text. A driver per platform translates this into
// that platform's real traffic (signed Slack requests, JWT-signed Teams activities) and reads the
// answers back from its API double; test/behaviour/ is written once against this interface.
import type { CardActionId } from '../../../src/core/messages.js';
import { type Message, type Text, toPlain } from '../../../src/core/text.js';
import type { VALID_FORM } from '../forms.js';

export type PlatformName = 'slack' | 'teams';
export const PLATFORMS: readonly PlatformName[] = ['slack', 'teams'];

/** The cast: the requester, four colleagues, a team admin, finance, and someone outside the team. */
export type Who = 'requester' | 'anna' | 'bram' | 'chris' | 'dewi' | 'admin' | 'finance' | 'outsider';

/** Everyone but the outsider is a member of the team channel. */
export const TEAM: readonly Who[] = ['requester', 'anna', 'bram', 'chris', 'dewi', 'admin', 'finance'];
/** FINANCE_USER_IDS: finance, and two people who may also be approver or requester. */
export const FINANCE: readonly Who[] = ['finance', 'anna', 'requester'];

/** Display names, the same on both platforms (Teams shows names; the Slack driver reads mentions as these). */
export const DISPLAY_NAME: Readonly<Record<Who, string>> = {
  requester: 'Rosa Aanvrager',
  anna: 'Anna',
  bram: 'Bram',
  chris: 'Chris',
  dewi: 'Dewi',
  admin: 'Beheer',
  finance: 'Fien',
  outsider: 'Buiten',
};

/** The team channel's name as the platform shows it in plain text. */
export interface Names {
  person(userId: string): string;
  channel(channelId: string): string;
}

export type FormValues = Partial<{ [K in keyof typeof VALID_FORM]: K extends 'categorySlug' | 'reason' ? string | null : string }>;

/** A request the suite filed (its card is in the team channel). */
export interface Req {
  readonly id: number;
}

/** A payment in finance's register. */
export interface Payment {
  request: number;
  amountCents: number;
  supplierName: string;
  supplierIban: string;
  approvers: string[];
  paid: boolean;
}

/** A row of the audit trail. */
export interface Audited {
  action: string;
  /** The platform's id of who acted. */
  by: string;
  request: number | null;
  detail: Record<string, unknown>;
}

/** A form as the person sees it: its fields, what is filled in, the category shown, a notice on top. */
export interface FormShown {
  readonly kind: 'new' | 'edit';
  /** The request form's field ids, in order. */
  fields: string[];
  values: FormValues;
  /** The category selected (chosen, or suggested by the bot). */
  category: string | null;
  /** The category codes offered. */
  categories: string[];
  /** A text above the fields (e.g. "check the suggested category"), plain. */
  notice: string | null;
  /** What the platform needs to submit this very form again (view id, dialog data). */
  readonly ref: unknown;
}

/** What a person got back from an action. */
export interface Answer {
  /** The form that opened, or came back (with errors, or to check a suggestion). */
  form: FormShown | null;
  /** Errors under the fields of a submitted form, plain "Nederlands (English)". */
  errors: Record<string, string>;
  /** What only this person was told because of the action (ephemeral, 1:1 chat, button or dialog answer). */
  told: string[];
  /**
   * The platform's raw answer to a submitted form (the form shown again, its errors), to check that
   * nothing typed is repeated (a BSN never is); absent where no form was submitted.
   */
  returned?: string;
}

export interface Filed extends Answer {
  /** The request whose card appeared in the channel; null when nothing was filed. */
  request: Req | null;
}

/** How a vote is given: the platform's own way (default), or a reaction on the card (both platforms have those). */
export type Via = 'default' | 'reaction';

export interface Driver {
  readonly platform: PlatformName;
  /** The platform's user id of a person (what catalogue messages mention). */
  id(who: Who): string;
  /** The team channel's id. */
  readonly channelId: string;
  readonly names: Names;
  /** Matches a shown text that is the catalogue message `m` (see `said` below). */
  said(m: Message): Matcher;
  /** Matches a shown text that is exactly the catalogue text `t` (see `shows` below). */
  shows(t: Text): Matcher;
  /** Set the bot's clock (ISO time). */
  time(iso: string): void;

  /** Open the request form in the team channel. */
  openForm(as: Who): Promise<Answer>;
  /** Submit a form that was shown: its values, changed by `values`. */
  submit(as: Who, form: FormShown, values?: FormValues): Promise<Filed>;
  /** Open the form and file a valid request, changed by `values`. */
  file(as: Who, values?: FormValues): Promise<Filed>;

  approve(as: Who, r: Req, via?: Via): Promise<Answer>;
  object(as: Who, r: Req, via?: Via): Promise<Answer>;
  /** Take back one's approval or objection (Slack: remove the reaction; Teams: "Mijn stem intrekken"). */
  withdrawVote(as: Who, r: Req, via?: Via): Promise<Answer>;
  /** The objector gives the reason, through the button in the card's thread. */
  giveReason(as: Who, r: Req, reason: string): Promise<Answer>;

  /** A button on the card: edit (and submit `changes`), withdraw, alternative found (and submit), mark paid. */
  press(as: Who, r: Req, button: 'edit', changes?: FormValues): Promise<Answer>;
  press(as: Who, r: Req, button: 'alternative', data?: { kind: string | null; reason: string }): Promise<Answer>;
  press(as: Who, r: Req, button: 'withdraw' | 'markPaid'): Promise<Answer>;

  /** A command (Slack `/minimaatwerk …`, Teams `@minimaatwerk …`) in the team channel or privately; the answers the person got. */
  command(as: Who, text: string, where?: 'channel' | 'private'): Promise<string[]>;
  /** The personal overview (Slack App Home, Teams `overzicht` in the 1:1 chat), without its title. */
  overview(as: Who): Promise<string>;
  /** Another channel: 'managers' (the bot is in it) or 'closed' (it is not); its id and how a person names it in a command. */
  otherChannel(key: 'managers' | 'closed'): { id: string; named: string };

  /** The request's card as it stands now, plain (title, facts, state, notes). */
  card(r: Req): string;
  /** The card's buttons. */
  buttons(r: Req): CardActionId[];
  /** Messages in the card's thread, plain, in order. */
  thread(r: Req): string[];
  /** Everything the team channel shows: cards as they stand, threads, replies. */
  channel(): string[];
  /** Everything only `who` was shown. */
  privateTo(who: Who): string[];
  /** Finance's register of payments: one row per approved request. */
  register(): Payment[];
  /** The audit trail, oldest first: who did what to which request (accountability). */
  trail(): Audited[];

  close(): Promise<void>;
}

// ── Plain text ─────────────────────────────────────────────────────────────────────────────────

/**
 * Text reduced to what a reader compares: no emphasis or code markers, the platforms' look-alike
 * characters back to what they stand for, Teams' "- " list items as "• ", whitespace collapsed.
 * Applied to what a platform shows and to the catalogue's plain text alike.
 */
export function canonical(s: string): string {
  return s
    .replace(/^[ \t]*- /gm, '• ')
    .replace(/[‹›＃‐＋]/g, (c) => ({ '‹': '<', '›': '>', '＃': '#', '‐': '-', '＋': '+' })[c] ?? c)
    .replace(/───/g, ' ')
    .replace(/[*_`]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * A catalogue text as plain lines, people and channels named as the platform names them (Teams shows
 * channel names, Slack a channel link).
 */
export function plainText(text: Text, names: Names): string {
  return toPlain(text, names.person, names.channel);
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export type Matcher = ReturnType<typeof matcher>;

/** A vitest asymmetric matcher with a readable name in failure output. */
function matcher(name: string, test: (actual: string) => boolean) {
  return {
    $$typeof: Symbol.for('jest.asymmetricMatcher'),
    asymmetricMatch: (actual: unknown) => typeof actual === 'string' && test(canonical(actual)),
    toString: () => name,
    toAsymmetricMatcher: () => name,
  };
}

/**
 * Matches a text a person was shown that is the catalogue message `m`: the Dutch, then the English,
 * however the platform joins them ("nl en" on separate lines, "nl / en", "nl (en)").
 */
export function said(m: Message, names: Names) {
  const nl = canonical(plainText(m.nl, names));
  const en = canonical(plainText(m.en, names));
  const re = new RegExp(`^${escape(nl)}(?: / | \\(| )?${escape(en)}\\)?$`);
  return matcher(`said(${nl} | ${en})`, (actual) => re.test(actual));
}

/** Matches a shown text that is exactly the catalogue text `t` (one language: the overview, a digest). */
export function shows(t: Text, names: Names) {
  const want = canonical(plainText(t, names));
  return matcher(`shows(${want})`, (actual) => actual === want);
}

/** Matches a shown text that contains `fragment` (compared as canonical text). */
export function containing(fragment: string) {
  const want = canonical(fragment);
  return matcher(`containing(${want})`, (actual) => actual.includes(want));
}
