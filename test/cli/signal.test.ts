// `signal list | new | move` and `unit-cost list | set`: the same use cases as the chat, --by
// checked against ADMIN_USER_IDS, every step audited, clear errors (exit 2) and nothing half-stored.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { auditLog, outcomeUnitCosts, signals } from '../../src/store/schema.js';
import { NOW, freshDb, seedRequest, type TestDb } from './seed.js';

let db: TestDb;
beforeEach(() => {
  db = freshDb();
});
afterEach(() => db.cleanup());

const cli = (argv: string[], env: Record<string, string> = {}, now = NOW) => runCli([...argv, '--db', db.dbPath], env, now);
const signalRows = () => db.store.db.select().from(signals).all();
const actions = () => db.store.db.select().from(auditLog).all().map((a) => a.action).filter((a) => a.startsWith('signal.') || a.startsWith('unit_cost.'));

describe('signal', () => {
  it('new, move through the lifecycle, list: the chat’s texts in plain Dutch and English', async () => {
    const made = await cli(['signal', 'new', '--category', 'mondzorg', '--team', 'C0TEAM', '--by', 'UADMIN']);
    expect(made.exitCode).toBe(0);
    expect(made.output).toMatch(/^Signaal S1 aangemaakt: Mondzorg \/ tandarts — Wijkteam Noord\.\nVolgende stap: signaal 1 besproken <met wie> \[datum\] of signaal 1 geen-maatregel <reden>\n\nSignal S1 created: Mondzorg \/ tandarts\./);
    expect(signalRows()).toMatchObject([{ source: 'cli', createdBy: 'UADMIN', categorySlug: 'mondzorg', workspaceId: 'T0001' }]);

    expect((await cli(['signal', 'move', '--id', '1', '--to', 'besproken', '--with', 'tandartspraktijken Noord', '--date', '2026-11-20', '--by', 'UADMIN'])).output).toContain(
      'Besproken met tandartspraktijken Noord op 20 november 2026.',
    );
    const measure = await cli(['signal', 'move', '--id', 'S1', '--to', 'maatregel', '--date', '2026-11-01', '--owner', 'wijkcoördinator', '--text', 'korting voor minima', '--by', 'UADMIN']);
    expect(measure.output).toContain('is nu maatregel genomen');
    // Spends around the measure: 2 in October, 1 in November (the last complete month when listing in December).
    for (const at of ['2026-10-05T10:00:00Z', '2026-10-06T10:00:00Z', '2026-11-05T10:00:00Z']) seedRequest(db, { createdAt: new Date(at), categorySlug: 'mondzorg', amountCents: 6000 });
    const list = await cli(['signal', 'list'], {}, new Date('2026-12-03T09:00:00Z'));
    expect(list.exitCode).toBe(0);
    expect(list.output).toContain(`Teams (nummer, platform, kanaal, naam): / Teams (number, platform, channel, name):\n  ${db.teamId}  slack  C0TEAM  Wijkteam Noord`);
    expect(list.output).toContain('S1 Mondzorg / tandarts (mondzorg) — Wijkteam Noord — maatregel genomen');
    expect(list.output).toContain('Effect: gestegen: van gemiddeld 0,3 naar 1,0 per maand (1 van 6 maanden na de maatregel). Dit zegt niet of de maatregel de oorzaak is.');
    expect(list.output).toContain('oktober 2026: 2× · € 120,00 · mediaan € 60,00');
    expect(actions()).toEqual(['signal.created', 'signal.discuss', 'signal.measure']);
  });

  it('refuses what is wrong by name (exit 2) and stores nothing', async () => {
    expect(await cli(['signal', 'new', '--category', 'mondzorg', '--team', '1'])).toEqual({ exitCode: 2, output: expect.stringContaining('Optie --by ontbreekt.') });
    expect((await cli(['signal', 'new', '--team', '1', '--by', 'U'])).output).toContain('Geef --category of --theme (één van beide).');
    expect((await cli(['signal', 'new', '--category', 'x', '--theme', 'y', '--team', '1', '--by', 'U'])).output).toContain('Geef --category of --theme');
    expect((await cli(['signal', 'new', '--category', 'mondzorg', '--team', '1,99', '--by', 'U'])).output).toContain('"1,99" zijn geen teams');
    expect((await cli(['signal', 'new', '--category', 'tandarts', '--team', '1', '--by', 'U'])).output).toContain('Categorie "tandarts" ken ik niet.');
    expect((await cli(['signal', 'new', '--theme', 'zaak 111222333', '--team', '1', '--by', 'U'])).output).toContain('zonder namen of BSN');
    expect((await cli(['signal', 'new', '--category', 'mondzorg', '--team', '1', '--by', 'UOTHER'], { ADMIN_USER_IDS: 'UADMIN' })).output).toContain(
      '"UOTHER" staat niet in ADMIN_USER_IDS: alleen een beheerder maakt en verzet signalen.',
    );
    expect(signalRows()).toEqual([]);
    await cli(['signal', 'new', '--theme', 'werkkleding voor starters', '--team', '1', '--by', 'UADMIN'], { ADMIN_USER_IDS: 'UADMIN' });
    expect((await cli(['signal', 'move', '--id', 'drie', '--to', 'besproken', '--by', 'U'])).output).toContain('"drie" is geen signaalnummer.');
    expect((await cli(['signal', 'move', '--id', '1', '--to', 'opgelost', '--by', 'U'])).output).toContain('Onbekende stap "opgelost"');
    const noOwner = await cli(['signal', 'move', '--id', '1', '--to', 'maatregel', '--date', '2027-01-01', '--by', 'U']);
    expect(noOwner.output).toMatch(/^De eigenaar \(vóór de dubbele punt\) ontbreekt\. \/ The owner/);
    expect(noOwner.output).not.toContain('/minimaatwerk');
    expect((await cli(['signal', 'move', '--id', '1', '--to', 'maatregel', '--date', '2027-01-01', '--owner', 'UWV', '--text', 'x', '--by', 'U'])).output).toContain('Signaal S1 is gesignaleerd: maatregel kan nu niet.');
    expect((await cli(['signal', 'move', '--id', '1', '--to', 'besproken', '--date', '31-02-2027', '--with', 'UWV', '--by', 'U'])).output).toContain('De datum van het gesprek: geen bestaande datum');
    expect((await cli(['signal', 'move', '--id', '2', '--to', 'besproken', '--with', 'UWV', '--by', 'U'])).output).toContain('Signaal S2 bestaat niet');
    expect(signalRows()).toMatchObject([{ status: 'signalled', title: 'werkkleding voor starters' }]);
    expect(await runCli(['signal'], {}, NOW)).toEqual({ exitCode: 2, output: expect.stringMatching(/^Wat wil je met signalen\? Gebruik signal list, signal new of signal move\./) });
    expect(actions()).toEqual(['signal.created']);
  });
});

describe('unit-cost', () => {
  it('empty by default; set with a source (audited), listed; bad input is named', async () => {
    expect((await cli(['unit-cost', 'list'])).output).toMatch(/^Geen eenheidsprijzen ingesteld: het maandoverzicht schat geen vermeden kosten\./);
    const set = await cli(['unit-cost', 'set', '--outcome', 'eviction', '--cents', '800000', '--source', 'Gemeente X, kosten per ontruiming 2025', '--by', 'UADMIN']);
    expect(set).toEqual({
      exitCode: 0,
      output:
        'Eenheidsprijs voor eviction ingesteld op € 8.000,00 per keer (bron: Gemeente X, kosten per ontruiming 2025). / Unit cost for eviction set to € 8.000,00 each (source: Gemeente X, kosten per ontruiming 2025).\nLet op: ADMIN_USER_IDS is niet ingesteld, dus --by is niet gecontroleerd. / Note: ADMIN_USER_IDS is not set, so --by was not checked.',
    });
    expect((await cli(['unit-cost', 'list'])).output).toBe('eviction  € 8.000,00  (Gemeente X, kosten per ontruiming 2025)');
    expect((await cli(['unit-cost', 'set', '--outcome', 'ontruiming', '--cents', '1', '--source', 'x', '--by', 'U'])).output).toContain('Onbekende uitkomst "ontruiming"; kies uit: eviction, utility_cutoff, job');
    expect((await cli(['unit-cost', 'set', '--outcome', 'job', '--cents', '12,50', '--source', 'x', '--by', 'U'])).output).toContain('"12,50" is geen bedrag in centen');
    expect((await cli(['unit-cost', 'set', '--outcome', 'job', '--cents', '100', '--by', 'U'])).output).toContain('Optie --source ontbreekt.');
    expect((await cli(['unit-cost', 'set', '--outcome', 'job', '--cents', '100', '--source', 'x', '--by', 'UOTHER'], { ADMIN_USER_IDS: 'UADMIN' })).output).toContain('alleen een beheerder stelt eenheidsprijzen in');
    expect(db.store.db.select().from(outcomeUnitCosts).all()).toMatchObject([{ outcome: 'eviction', cents: 800000, setBy: 'UADMIN' }]);
    expect(actions()).toEqual(['unit_cost.set']);
  });

  it('help lists the new commands', async () => {
    const help = await runCli(['help'], {}, NOW);
    for (const cmd of ['signal list', 'signal new', 'signal move', 'unit-cost list', 'unit-cost set']) expect(help.output).toContain(`  ${cmd}`);
  });
});
