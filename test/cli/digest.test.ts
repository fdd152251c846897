// `digest [--month]`: the digest as plain text; the same month wording as export csv; an empty
// month is a message with exit 0.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { NOW, freshDb, seedRequest, type TestDb } from './seed.js';

let db: TestDb;
beforeEach(() => {
  db = freshDb();
});
afterEach(() => db.cleanup());

const digest = (...extra: string[]) => runCli(['digest', '--db', db.dbPath, ...extra], {}, NOW);

describe('digest', () => {
  it('prints the month as plain text; without --month the previous month', async () => {
    seedRequest(db, { createdAt: new Date('2026-10-01T10:00:00Z') });
    const res = await digest('--month', '2026-10');
    expect(res.exitCode).toBe(0);
    expect(res.output).toContain('Maandoverzicht minimaatwerkbudget — oktober 2026');
    expect(res.output).toContain('1 goedgekeurde uitgave, samen € 85,50');
    expect(res.output).not.toContain('*');
    expect((await digest()).output).toContain('oktober 2026');
  });

  it('an empty month is exit 0 with a message', async () => {
    expect(await digest('--month', '2026-02')).toEqual({ exitCode: 0, output: expect.stringContaining('Geen uitgaven in februari 2026') });
  });

  it('says a bad or future month in the same words as export csv', async () => {
    for (const [month, nl] of [
      ['2026-13', 'Onbekende maand "2026-13": schrijf JJJJ-MM, bijvoorbeeld 2026-10.'],
      ['2027-01', 'januari 2027 ligt in de toekomst: daar zijn nog geen uitgaven.'],
    ] as const) {
      const d = await digest('--month', month);
      const csv = await runCli(['export', 'csv', '--month', month, '--by', 'UFIN', '--db', db.dbPath], {}, NOW);
      expect(d).toEqual({ exitCode: 2, output: expect.stringMatching(new RegExp(`^${nl.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`)) });
      expect(csv).toEqual(d);
    }
  });
});
