// Approval rules: emoji normalisation, what a reaction means, who counts, and the decision.
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_APPROVAL_EMOJI,
  DEFAULT_OBJECTION_EMOJI,
  classifyReaction,
  decide,
  ineligibility,
  normalizeEmoji,
  parseEmojiList,
} from '../../src/core/approval.js';
import { REQUEST_STATUSES } from '../../src/core/request.js';

const DEFAULTS = { approvalEmoji: [...DEFAULT_APPROVAL_EMOJI], objectionEmoji: [...DEFAULT_OBJECTION_EMOJI] };

describe('normalizeEmoji', () => {
  it.each([
    ['+1', '+1'],
    ['+1::skin-tone-3', '+1'],
    ['+1::skin-tone-2', '+1'],
    ['+1::skin-tone-6', '+1'],
    ['raised_hand::skin-tone-5', 'raised_hand'],
    ['White_Check_Mark', 'white_check_mark'],
    [' x ', 'x'],
    ['heavy_check_mark', 'heavy_check_mark'],
  ])('%j → %j', (input, out) => {
    expect(normalizeEmoji(input)).toBe(out);
  });

  it('keeps emoji that merely contain "skin" in their name', () => {
    expect(normalizeEmoji('skin-tone-3')).toBe('skin-tone-3');
  });
});

describe('parseEmojiList', () => {
  it('reads a configured list with colons, spaces, skin tones and blanks', () => {
    expect(parseEmojiList(':white_check_mark:, +1::skin-tone-4 ,,heavy_check_mark')).toEqual(['white_check_mark', '+1', 'heavy_check_mark']);
  });
});

describe('classifyReaction', () => {
  it.each([
    ['white_check_mark', 'approve'],
    ['heavy_check_mark', 'approve'],
    ['+1', 'approve'],
    ['+1::skin-tone-3', 'approve'],
    ['x', 'object'],
    ['raised_hand', 'object'],
    ['raised_hand::skin-tone-2', 'object'],
    ['tada', null],
    ['-1', null],
    ['heart', null],
  ])('default lists: %s → %s', (emoji, kind) => {
    expect(classifyReaction(emoji, DEFAULTS)).toBe(kind);
  });

  it('uses the team’s configured lists, not the defaults', () => {
    const custom = { approvalEmoji: parseEmojiList('ok_hand,thumbsup'), objectionEmoji: parseEmojiList('no_entry') };
    expect(classifyReaction('ok_hand::skin-tone-1', custom)).toBe('approve');
    expect(classifyReaction('thumbsup', custom)).toBe('approve');
    expect(classifyReaction('no_entry', custom)).toBe('object');
    expect(classifyReaction('white_check_mark', custom)).toBeNull();
    expect(classifyReaction('x', custom)).toBeNull();
  });
});

describe('ineligibility', () => {
  const member = { userId: 'UA', isBot: false, isChannelMember: true };
  it('a colleague in the channel counts', () => {
    expect(ineligibility(member, 'UREQ')).toBeNull();
  });
  it('the requester never counts', () => {
    expect(ineligibility({ ...member, userId: 'UREQ' }, 'UREQ')).toBe('requester');
  });
  it('bots never count (even as members)', () => {
    expect(ineligibility({ ...member, isBot: true }, 'UREQ')).toBe('bot');
  });
  it('people outside the channel never count', () => {
    expect(ineligibility({ ...member, isChannelMember: false }, 'UREQ')).toBe('not_member');
  });
});

describe('decide', () => {
  const base = { status: 'open' as const, approvals: 0, objections: 0, approvalsNeeded: 3 };

  it('stays open below the number needed', () => {
    expect(decide({ ...base, approvals: 2 })).toBe('open');
  });
  it('approves at the number needed', () => {
    expect(decide({ ...base, approvals: 3 })).toBe('approved');
  });
  it('uses the team’s approvals needed', () => {
    expect(decide({ ...base, approvals: 2, approvalsNeeded: 2 })).toBe('approved');
    expect(decide({ ...base, approvals: 3, approvalsNeeded: 4 })).toBe('open');
  });
  it('an objection holds the request however many approvals it has', () => {
    expect(decide({ ...base, approvals: 4, objections: 1 })).toBe('on_hold');
    expect(decide({ ...base, status: 'on_hold', approvals: 3, objections: 1 })).toBe('on_hold');
  });
  it('removing the last objection reopens, or approves at once with enough approvals', () => {
    expect(decide({ ...base, status: 'on_hold', approvals: 1 })).toBe('open');
    expect(decide({ ...base, status: 'on_hold', approvals: 3 })).toBe('approved');
  });
  it.each(REQUEST_STATUSES.filter((s) => s !== 'open' && s !== 'on_hold'))('a decided request (%s) never changes', (status) => {
    expect(decide({ ...base, status, approvals: 0 })).toBe(status);
    expect(decide({ ...base, status, approvals: 3 })).toBe(status);
    expect(decide({ ...base, status, objections: 1 })).toBe(status);
  });
});
