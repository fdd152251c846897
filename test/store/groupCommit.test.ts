// Store.groupTx: transactions asked for in one turn share a commit, yet each stays all-or-nothing.
// A real SQLite file with the real migrations; a second connection checks what was committed.
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { claimEvent } from '../../src/store/events.js';
import { useTestStore } from '../support/db.js';

const t = useTestStore('mmw-group-');

const NOW = new Date('2026-11-23T09:00:00Z');
const committedIds = (): string[] => {
  const other = new Database(t.path, { readonly: true });
  try {
    return (other.prepare(`SELECT event_id FROM processed_events ORDER BY event_id`).pluck().all() as string[]);
  } finally {
    other.close();
  }
};

describe('group commit', () => {
  it('runs every transaction of one turn, in order, and settles each promise after the commit', async () => {
    const seenBySecond: boolean[] = [];
    const results = await Promise.all([
      t.store.groupTx((tx) => claimEvent(tx, 'a', NOW)),
      t.store.groupTx((tx) => {
        // The second sees the first's write: one connection, in order.
        seenBySecond.push(!claimEvent(tx, 'a', NOW));
        return claimEvent(tx, 'b', NOW);
      }),
      t.store.groupTx((tx) => claimEvent(tx, 'a', NOW)),
    ]);
    expect(results).toEqual([true, true, false]);
    expect(seenBySecond).toEqual([true]);
    expect(committedIds()).toEqual(['a', 'b']);
  });

  it('leaves out only the transaction that throws; the others land and resolve', async () => {
    const outcomes = await Promise.allSettled([
      t.store.groupTx((tx) => claimEvent(tx, 'one', NOW)),
      t.store.groupTx((tx) => {
        claimEvent(tx, 'half-done', NOW);
        throw new Error('refused halfway');
      }),
      t.store.groupTx((tx) => claimEvent(tx, 'three', NOW)),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((outcomes[1] as PromiseRejectedResult).reason).toMatchObject({ message: 'refused halfway' });
    expect(committedIds()).toEqual(['one', 'three']);
  });

  it('commits each turn as it comes, and refuses an async function (it could not be all-or-nothing)', async () => {
    expect(await t.store.groupTx((tx) => claimEvent(tx, 'first', NOW))).toBe(true);
    expect(committedIds()).toEqual(['first']);
    await expect(t.store.groupTx(async () => 1)).rejects.toThrow(/must not be async/);
    expect(await t.store.groupTx((tx) => claimEvent(tx, 'first', NOW))).toBe(false);
    expect(committedIds()).toEqual(['first']);
  });
});
