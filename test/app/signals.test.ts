// Signals at the use-case level: the lifecycle from "gesignaleerd" to "gesloten" through the one
// command parser, who may move it, what is refused (and that nothing is half-stored), one audit
// row per step, and the effect of a measure on seeded spends (exact figures).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCommand } from '../../src/app/commands.js';
import { overview } from '../../src/app/overview.js';
import { createSignal, moveSignalStep, showSignal } from '../../src/app/signals.js';
import { toPlain, type Message } from '../../src/core/text.js';
import { auditLog, signals, signalTeams } from '../../src/store/schema.js';
import { verifyAuditChain } from '../../src/store/audit.js';
import { TestClock } from '../support/bot.js';
import { testCtx } from '../support/ctx.js';
import { addRequest, addSpends, addTeam, freshStore, type Seeded } from './learningSeed.js';

let s: Seeded;
let clock: TestClock;
let noord: number;
let zuid: number;
const ws = { platform: 'slack' as const, workspaceId: 'T0001' };
const here = (channelId = 'CNOORD', workspaceId = 'T0001') => ({ platform: 'slack' as const, workspaceId, channelId });

beforeEach(() => {
  s = freshStore();
  clock = new TestClock(new Date('2026-11-10T09:00:00Z'));
  noord = addTeam(s.store, { channelId: 'CNOORD', name: 'Wijkteam Noord', digestChannelId: 'CMGR' });
  zuid = addTeam(s.store, { channelId: 'CZUID', name: 'Buurtteam Zuid', digestChannelId: 'CMGR' });
});
afterEach(() => s.close());

const ctx = (platform: 'slack' | 'teams' = 'slack') => testCtx(s.store, clock, { admins: new Set(['UADMIN']) }, platform);
const nl = (m: Message | null) => (m ? toPlain(m.nl) : '');
/** Type a command as `actorId` in a channel (default: the team channel of Noord). */
const say = async (actorId: string, text: string, channelId = 'CNOORD', workspaceId = 'T0001') => {
  const o = await runCommand(ctx(), { actorId, channel: here(channelId, workspaceId), conversation: here(channelId, workspaceId), text });
  const message = o.ok ? (o.value.kind === 'reply' ? o.value.message : null) : o.message;
  return { ok: o.ok, code: o.code, text: nl(message) };
};
const signalRows = () => s.store.db.select().from(signals).all();
const audits = () => s.store.db.select().from(auditLog).all().filter((a) => a.action.startsWith('signal.'));

describe('the lifecycle through `signaal …`', () => {
  it('gesignaleerd → besproken → maatregel → geëvalueerd → gesloten, one audit row per step', async () => {
    const created = await say('UADMIN', 'signaal nieuw mondzorg');
    expect(created.ok).toBe(true);
    expect(created.text).toContain('Signaal S1 aangemaakt: Mondzorg / tandarts — Wijkteam Noord.');
    expect(created.text).toContain('Volgende stap: signaal 1 besproken <met wie> [datum] of signaal 1 geen-maatregel <reden>');
    expect(signalRows()).toMatchObject([{ id: 1, platform: 'slack', workspaceId: 'T0001', categorySlug: 'mondzorg', status: 'signalled', source: 'command', createdBy: 'UADMIN' }]);
    expect(s.store.db.select().from(signalTeams).all()).toEqual([{ signalId: 1, teamId: noord }]);

    const discussed = await say('UADMIN', 'signaal 1 besproken tandartspraktijken Noord 2026-11-20');
    expect(discussed.text).toContain('Signaal S1 (Mondzorg / tandarts) is nu besproken.');
    expect(discussed.text).toContain('Besproken met tandartspraktijken Noord op 20 november 2026.');
    expect(signalRows()[0]).toMatchObject({ status: 'discussed', discussedWith: 'tandartspraktijken Noord', discussedOn: '2026-11-20' });

    const measure = await say('UADMIN', 'signaal 1 maatregel 2027-01-01 wijkcoördinator: korting voor minima bij praktijk De Kies');
    expect(measure.text).toContain('is nu maatregel genomen');
    expect(measure.text).toContain('Maatregel vanaf 1 januari 2027 (wijkcoördinator): korting voor minima bij praktijk De Kies');
    expect(signalRows()[0]).toMatchObject({ status: 'measure', measureDate: '2027-01-01', measureOwner: 'wijkcoördinator', measureText: 'korting voor minima bij praktijk De Kies' });

    expect((await say('UADMIN', 'signaal 1 geevalueerd minder tandartskosten, afspraak verlengd')).text).toContain('is nu geëvalueerd');
    const closed = await say('UADMIN', 'signaal S1 sluiten');
    expect(closed.text).toContain('is nu gesloten');
    expect(signalRows()[0]).toMatchObject({ status: 'closed', evaluation: 'minder tandartskosten, afspraak verlengd', closedReason: null });

    expect(audits().map((a) => [a.action, a.actorId, JSON.parse(a.detail)])).toEqual([
      ['signal.created', 'UADMIN', { signalId: 1, categorySlug: 'mondzorg', theme: false, teamIds: [noord], source: 'command', month: null }],
      ['signal.discuss', 'UADMIN', { signalId: 1, from: 'signalled', to: 'discussed', on: '2026-11-20' }],
      ['signal.measure', 'UADMIN', { signalId: 1, from: 'discussed', to: 'measure', measureDate: '2027-01-01' }],
      ['signal.evaluate', 'UADMIN', { signalId: 1, from: 'measure', to: 'evaluated' }],
      ['signal.close', 'UADMIN', { signalId: 1, from: 'evaluated', to: 'closed' }],
    ]);
    // No typed text in the audit trail, and the chain holds.
    expect(JSON.stringify(audits())).not.toContain('tandartspraktijken');
    expect(verifyAuditChain(s.store.db)).toMatchObject({ intact: true });
    // Closed: no longer among the open signals, still with `alle`.
    expect((await say('UREQ', 'signalen')).text).toContain('Geen open signalen.');
    expect((await say('UREQ', 'signalen alle')).text).toContain('S1 Mondzorg / tandarts (mondzorg) — Wijkteam Noord — gesloten');
  });

  it('a discussion without a date is today (Amsterdam); "geen maatregel" ends it with the reason', async () => {
    clock.t = new Date('2026-11-10T23:30:00Z'); // 11 November 00:30 in Amsterdam
    await say('UADMIN', 'signaal nieuw "werkkleding voor starters"');
    expect(signalRows()[0]).toMatchObject({ categorySlug: null, title: 'werkkleding voor starters' });
    await say('UADMIN', 'signaal 1 besproken werkgeversservicepunt');
    expect(signalRows()[0]!.discussedOn).toBe('2026-11-11');
    const none = await say('UADMIN', 'signaal 1 geen maatregel criteria van de werknemerscheck blijven landelijk');
    expect(none.text).toContain('is nu geen maatregel mogelijk');
    expect(signalRows()[0]).toMatchObject({ status: 'no_measure', closedReason: 'criteria van de werknemerscheck blijven landelijk' });
    expect(audits().map((a) => a.action)).toEqual(['signal.created', 'signal.discuss', 'signal.no_measure']);
  });

  it('refuses a step out of order and says what comes next; nothing changes', async () => {
    await say('UADMIN', 'signaal nieuw mondzorg');
    const early = await say('UADMIN', 'signaal 1 maatregel 2027-01-01 wijkcoördinator: korting');
    expect(early).toMatchObject({ ok: false, code: 'signal.not_allowed' });
    expect(early.text).toContain('Signaal S1 is gesignaleerd: maatregel kan nu niet.');
    expect(early.text).toContain('Volgende stap: signaal 1 besproken');
    expect((await say('UADMIN', 'signaal 1 sluiten')).code).toBe('signal.not_allowed');
    await say('UADMIN', 'signaal 1 besproken GGD');
    await say('UADMIN', 'signaal 1 maatregel 1-2-2027 GGD: mondzorgspreekuur');
    expect(signalRows()[0]!.measureDate).toBe('2027-02-01');
    expect((await say('UADMIN', 'signaal 1 geen-maatregel toch niet')).code).toBe('signal.not_allowed');
    expect(signalRows()[0]!.status).toBe('measure');
    expect(audits()).toHaveLength(3);
  });

  it('refuses bad details with the usage of that step: date, owner, length, BSN; nothing is stored', async () => {
    await say('UADMIN', 'signaal nieuw mondzorg');
    await say('UADMIN', 'signaal 1 besproken GGD');
    expect((await say('UADMIN', 'signaal 1 maatregel 2027-02-30 GGD: x')).text).toContain('De datum van de maatregel: geen bestaande datum');
    const noColon = await say('UADMIN', 'signaal 1 maatregel 2027-01-01 korting voor minima');
    expect(noColon.text).toContain('De eigenaar (vóór de dubbele punt) ontbreekt. Schrijf: /minimaatwerk signaal 1 maatregel <datum> <eigenaar>: <wat>.');
    expect((await say('UADMIN', `signaal 1 maatregel 2027-01-01 GGD: ${'x'.repeat(301)}`)).text).toContain('De tekst: maximaal 300 tekens.');
    expect((await say('UADMIN', 'signaal 1 besproken')).text).toContain('Met wie ontbreekt.');
    // A BSN anywhere in a command is refused before it is read (and never echoed).
    const bsn = await say('UADMIN', 'signaal 1 maatregel 2027-01-01 GGD: korting voor 111222333');
    expect(bsn).toMatchObject({ ok: false, code: 'command.bsn' });
    expect(bsn.text).not.toContain('111222333');
    // The use case refuses it too (the CLI does not go through the chat parser).
    const direct = moveSignalStep({ store: s.store, clock }, { actor: { id: 'UADMIN', isAdmin: true }, signalId: 1, input: { step: 'evaluate', text: 'zaak 111 222 333' }, platform: 'slack' });
    expect(direct).toMatchObject({ ok: false, code: 'signal.field_text' });
    expect(nl(direct.message)).toContain('Geen burgerservicenummers (BSN) of namen van bewoners');
    expect(signalRows()[0]).toMatchObject({ status: 'discussed', measureText: null, evaluation: null });
    expect(audits()).toHaveLength(2);
  });
});

describe('who may', () => {
  it('only a team admin creates and moves signals; anyone reads them', async () => {
    const refused = await say('UREQ', 'signaal nieuw mondzorg');
    expect(refused).toMatchObject({ ok: false, code: 'signal.not_admin' });
    expect(refused.text).toBe('Alleen een teambeheerder kan signalen maken of verder zetten.');
    expect(signalRows()).toEqual([]);
    await say('UADMIN', 'signaal nieuw mondzorg');
    expect((await say('UREQ', 'signaal 1 besproken GGD')).code).toBe('signal.not_admin');
    expect(signalRows()[0]!.status).toBe('signalled');
    expect((await say('UREQ', 'signalen')).text).toContain('S1 Mondzorg / tandarts (mondzorg) — Wijkteam Noord — gesignaleerd');
    expect((await say('UREQ', 'signaal 1')).text).toContain('S1 Mondzorg / tandarts');
    expect(audits()).toHaveLength(1);
  });

  it('a signal of another workspace is not found from here, and cannot be moved from here', async () => {
    addTeam(s.store, { workspaceId: 'T0002', channelId: 'COTHER', name: 'Elders' });
    await say('UADMIN', 'signaal nieuw mondzorg', 'COTHER', 'T0002');
    expect(signalRows()[0]!.workspaceId).toBe('T0002');
    const o = await runCommand(ctx(), { actorId: 'UADMIN', channel: here(), conversation: here(), text: 'signaal 1 besproken GGD' });
    expect(o).toMatchObject({ ok: false, code: 'signal.not_found' });
    expect(showSignal({ store: s.store, clock }, { signalId: 1, within: ws })).toMatchObject({ ok: false, code: 'signal.not_found' });
    expect((await say('UADMIN', 'signalen')).text).toContain('Geen open signalen.');
  });
});

describe('the managers’ overview', () => {
  it('lists the open signals with their status and effect for admins only', async () => {
    addSpends(s.store, noord, { '2026-10': [8000, 8000, 8000, 8000, 8000, 8000], '2026-11': [8000] });
    await say('UADMIN', 'signaal nieuw mondzorg');
    await say('UADMIN', 'signaal 1 besproken GGD');
    await say('UADMIN', 'signaal 1 maatregel 2026-11-01 GGD: mondzorgspreekuur');
    await say('UADMIN', 'signaal nieuw "werkkleding voor starters"');
    clock.t = new Date('2026-12-05T09:00:00Z');
    const admin = await overview(ctx(), { actorId: 'UADMIN' });
    const text = admin.ok ? toPlain(admin.value.text) : '';
    expect(text).toContain('Open signalen / Open signals\n• S1 Mondzorg / tandarts (mondzorg) — Wijkteam Noord — maatregel genomen · effect: gelijk gebleven: gemiddeld 1,0 per maand (1 van 6 maanden na de maatregel)');
    expect(text).toContain('• S2 werkkleding voor starters (thema) — Wijkteam Noord — gesignaleerd');
    const member = await overview(ctx(), { actorId: 'UREQ' });
    expect(member.ok && toPlain(member.value.text)).not.toContain('Open signalen');
  });
});

describe('which teams and what subject', () => {
  it('in the managers’ digest channel a signal concerns the teams whose digest goes there', async () => {
    const o = await say('UADMIN', 'signaal nieuw Mondzorg / tandarts', 'CMGR');
    expect(o.text).toContain('Mondzorg / tandarts — Wijkteam Noord, Buurtteam Zuid.');
    expect(s.store.db.select().from(signalTeams).all().map((x) => x.teamId)).toEqual([noord, zuid]);
  });

  it('an unknown category asks for quotes; a second open signal for the same category is refused', async () => {
    const unknown = await say('UADMIN', 'signaal nieuw werkkleding');
    expect(unknown).toMatchObject({ ok: false, code: 'signal.unknown_category' });
    expect(unknown.text).toContain('Categorie "werkkleding" ken ik niet.');
    expect(unknown.text).toContain('signaal nieuw "werkkleding voor starters"');
    await say('UADMIN', 'signaal nieuw mondzorg');
    const again = await say('UADMIN', 'signaal nieuw mondzorg', 'CZUID');
    expect(again).toMatchObject({ ok: false, code: 'signal.exists' });
    expect(again.text).toContain('Er is al een open signaal S1 voor Mondzorg / tandarts (gesignaleerd).');
    expect(signalRows()).toHaveLength(1);
    expect((await say('UADMIN', 'signaal nieuw "x"')).code).toBe('signal.theme_invalid');
    expect((await say('UADMIN', 'signaal vandaag')).text).toContain('Dat begrijp ik niet ("vandaag").');
  });

  it('teams given by id must share one workspace', () => {
    const other = addTeam(s.store, { workspaceId: 'T0002', channelId: 'COTHER', name: 'Elders' });
    const o = createSignal({ store: s.store, clock }, { actor: { id: 'UADMIN', isAdmin: true }, subject: { category: 'mondzorg' }, teams: { teamIds: [noord, other] }, source: 'cli', platform: 'slack' });
    expect(o).toMatchObject({ ok: false, code: 'signal.teams_elsewhere' });
    const within = createSignal({ store: s.store, clock }, { actor: { id: 'UADMIN', isAdmin: true }, subject: { category: 'mondzorg' }, teams: { teamIds: [other] }, within: ws, source: 'digest', platform: 'slack' });
    expect(within).toMatchObject({ ok: false, code: 'signal.teams_elsewhere' });
    expect(signalRows()).toEqual([]);
  });
});

describe('the effect of a measure (exact, on seeded spends)', () => {
  beforeEach(() => {
    addSpends(s.store, noord, {
      '2026-07': [8000, 9000, 10000, 12000],
      '2026-08': [7000, 8000, 8000, 9000, 20000],
      '2026-09': [6000, 6500, 7000],
      '2026-10': [5000, 5000, 6000, 6000, 7000, 45000],
      '2026-11': [8000, 8000, 8000, 8000],
      '2026-12': [10000, 11000, 12500],
      '2027-01': [7000],
      '2027-02': [5000],
      '2027-03': [6000, 9000],
      '2027-04': [4000],
      '2027-05': [7000, 7000],
      '2027-06': [8000],
    });
    // 31 December 23:30 UTC is 1 January in Amsterdam: after the measure.
    addRequest(s.store, { teamId: noord, amountCents: 6000, at: new Date('2026-12-31T23:30:00Z') });
    // Not counted: 1 July 00:30 in Amsterdam (after the 6 months), another category, another team, not approved.
    addRequest(s.store, { teamId: noord, amountCents: 99900, at: new Date('2027-06-30T22:30:00Z') });
    addRequest(s.store, { teamId: noord, slug: 'witgoed', amountCents: 40000, at: new Date('2026-10-10T10:00:00Z') });
    addRequest(s.store, { teamId: zuid, amountCents: 30000, at: new Date('2027-02-10T10:00:00Z') });
    addRequest(s.store, { teamId: noord, amountCents: 30000, at: new Date('2027-02-10T10:00:00Z'), status: 'open' });
    addRequest(s.store, { teamId: noord, amountCents: 30000, at: new Date('2027-02-10T10:00:00Z'), status: 'withdrawn' });
  });

  const measured = async () => {
    clock.t = new Date('2026-11-10T09:00:00Z');
    await say('UADMIN', 'signaal nieuw mondzorg');
    await say('UADMIN', 'signaal 1 besproken tandartspraktijken');
    await say('UADMIN', 'signaal 1 maatregel 2027-01-01 wijkcoördinator: korting voor minima bij praktijk De Kies');
  };

  it('six months before and after: count, total, median per month and in all; "gedaald: van gemiddeld 4,2 naar 1,5"', async () => {
    await measured();
    clock.t = new Date('2027-07-15T09:00:00Z'); // June is the last complete month
    const o = showSignal({ store: s.store, clock }, { signalId: 1 });
    expect(o.ok).toBe(true);
    const e = o.ok ? o.value.signal.effect! : null;
    expect(e?.beforeMonths).toEqual(['2026-07', '2026-08', '2026-09', '2026-10', '2026-11', '2026-12']);
    expect(e?.afterMonths).toEqual(['2027-01', '2027-02', '2027-03', '2027-04', '2027-05', '2027-06']);
    expect(e?.before).toMatchObject({ count: 25, totalCents: 250000, medianCents: 8000, averagePerMonth: 4.2 });
    expect(e?.before.months.map((m) => [m.month, m.count, m.totalCents, m.medianCents])).toEqual([
      ['2026-07', 4, 39000, 9500],
      ['2026-08', 5, 52000, 8000],
      ['2026-09', 3, 19500, 6500],
      ['2026-10', 6, 74000, 6000],
      ['2026-11', 4, 32000, 8000],
      ['2026-12', 3, 33500, 11000],
    ]);
    expect(e?.after).toMatchObject({ count: 9, totalCents: 59000, medianCents: 7000, averagePerMonth: 1.5 });
    expect(e?.after.months.map((m) => [m.month, m.count, m.totalCents, m.medianCents])).toEqual([
      ['2027-01', 2, 13000, 6500],
      ['2027-02', 1, 5000, 5000],
      ['2027-03', 2, 15000, 7500],
      ['2027-04', 1, 4000, 4000],
      ['2027-05', 2, 14000, 7000],
      ['2027-06', 1, 8000, 8000],
    ]);
    expect(e?.verdict).toBe('fell');
    const text = nl(o.message);
    expect(text).toContain('Effect: gedaald: van gemiddeld 4,2 naar 1,5 per maand. Dit zegt niet of de maatregel de oorzaak is.');
    expect(text).toContain('Ervoor: juli 2026 – december 2026: 25 uitgaven, € 2.500,00, mediaan € 80,00');
    expect(text).toContain('Erna: januari 2027 – juni 2027: 9 uitgaven, € 590,00, mediaan € 70,00');
    expect(text).toContain('oktober 2026: 6× · € 740,00 · mediaan € 60,00');
    expect(text).toContain('januari 2027: 2× · € 130,00 · mediaan € 65,00');
    // `signalen` shows the same per month.
    expect((await say('UADMIN', 'signalen')).text).toContain('februari 2027: 1× · € 50,00 · mediaan € 50,00');
  });

  it('counts only complete months after the measure, and says when it is too early', async () => {
    await measured();
    clock.t = new Date('2027-01-20T09:00:00Z');
    const early = showSignal({ store: s.store, clock }, { signalId: 1 });
    expect(early.ok && early.value.signal.effect?.verdict).toBe('too_early');
    expect(nl(early.message)).toContain('Effect: nog geen volle maand na de maatregel; ervoor gemiddeld 4,2 per maand.');
    clock.t = new Date('2027-04-02T09:00:00Z'); // January to March complete
    const three = showSignal({ store: s.store, clock }, { signalId: 1 });
    expect(three.ok && three.value.signal.effect?.after).toMatchObject({ count: 5, totalCents: 33000, averagePerMonth: 1.7 });
    expect(nl(three.message)).toContain('gedaald: van gemiddeld 4,2 naar 1,7 per maand (3 van 6 maanden na de maatregel)');
  });

  it('a measure later in the month leaves that month out of both sides', async () => {
    await say('UADMIN', 'signaal nieuw mondzorg');
    await say('UADMIN', 'signaal 1 besproken GGD');
    await say('UADMIN', 'signaal 1 maatregel 2026-12-15 GGD: spreekuur');
    clock.t = new Date('2027-07-15T09:00:00Z');
    const o = showSignal({ store: s.store, clock }, { signalId: 1 });
    const e = o.ok ? o.value.signal.effect! : null;
    expect(e?.beforeMonths).toEqual(['2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11']);
    expect(e?.afterMonths).toEqual(['2027-01', '2027-02', '2027-03', '2027-04', '2027-05', '2027-06']);
    expect(e?.before).toMatchObject({ count: 22, averagePerMonth: 3.7 });
  });
});
