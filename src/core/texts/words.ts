// How each platform names the same things, so one catalogue serves them all.
import type { Platform } from '../platform.js';

export type { Platform };

export interface PlatformWords {
  /** How a person addresses the bot before a command word. */
  command: string;
  /** How a colleague approves and objects, in a sentence. */
  approveNl: string;
  approveEn: string;
  objectNl: string;
  objectEn: string;
  /** How an admin names a channel for the digest. */
  channelArgNl: string;
  channelArgEn: string;
  /** What an admin types to name "this channel" (when the platform has such a word). */
  hereWord: string | null;
}

export const PLATFORM_WORDS: Readonly<Record<Platform, PlatformWords>> = {
  slack: {
    command: '/minimaatwerk',
    approveNl: 'reageer op de kaart met ✅',
    approveEn: 'react on the card with ✅',
    objectNl: 'reageer met ❌ of ✋',
    objectEn: 'react with ❌ or ✋',
    channelArgNl: '#kanaal',
    channelArgEn: '#channel',
    hereWord: null,
  },
  teams: {
    command: '@minimaatwerk',
    approveNl: 'druk op Akkoord op de kaart of reageer met 👍',
    approveEn: 'press Akkoord on the card or react with 👍',
    objectNl: 'druk op Bezwaar of reageer met 😠',
    objectEn: 'press Bezwaar or react with 😠',
    channelArgNl: '<link naar het kanaal>',
    channelArgEn: '<link to the channel>',
    hereWord: 'hier',
  },
  web: {
    command: '/minimaatwerk',
    approveNl: 'druk op Akkoord op de kaart',
    approveEn: 'press Akkoord on the card',
    objectNl: 'druk op Bezwaar',
    objectEn: 'press Bezwaar',
    channelArgNl: 'hier',
    channelArgEn: 'here',
    hereWord: 'hier',
  },
};
