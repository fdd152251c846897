// The text catalogue: every text a user reads, Dutch first, English second, split by area in
// src/core/texts/ (form, requests, card, finance, admin, help, overview, words, signals). Messages are
// structure (src/core/text.ts), rendered per platform by the adapters. (The CLI's own plain texts
// are in src/cli/texts.ts.)
export type { Message } from './text.js';
export * from './texts/form.js';
export * from './texts/requests.js';
export * from './texts/card.js';
export * from './texts/finance.js';
export * from './texts/admin.js';
export * from './texts/help.js';
export * from './texts/overview.js';
export * from './texts/words.js';
export * from './texts/signals.js';
