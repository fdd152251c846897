// What every use case returns: done or refused, with a stable code and a message for the person.
import type { Message } from '../core/text.js';

export type Done<T> = { ok: true; code: string; message: Message | null; value: T };
/** Reasons per form field (the field's name as the form knows it). */
export type Fields = Readonly<Partial<Record<string, Message>>>;

/** `values`: what a form shown again holds of what was typed (never a BSN: core/privacy shownBack). */
export type Refused = { ok: false; code: string; message: Message | null; fields?: Fields; values?: Readonly<Record<string, string>> };
export type Outcome<T = null> = Done<T> | Refused;

export const done = <T>(code: string, value: T, message: Message | null = null): Done<T> => ({ ok: true, code, message, value });

/** A refusal with its reason; `fields` puts each reason under its form field. */
export const refused = (code: string, message: Message | null, fields?: Fields): Refused => ({ ok: false, code, message, ...(fields ? { fields } : {}) });
