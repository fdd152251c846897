// The learning part of the managers' digest on seeded data: a category recurring in 3 teams of one
// workspace proposes a shared signal (with each team's figures and a button), the open signals with
// their effect, how often an alternative was found and where from, and what spends prevented.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { closeRequest } from '../../src/app/closeRequest.js';
import { digestForMonth } from '../../src/app/digest.js';
import { recordPrevented, setUnitCost } from '../../src/app/prevented.js';
import { learningForDigest } from '../../src/app/signalDigest.js';
import { moveSignalStep, signalFromDigest } from '../../src/app/signals.js';
import { toPlain } from '../../src/core/text.js';
import { auditLog, outbox, requests } from '../../src/store/schema.js';
import { TestClock } from '../support/bot.js';
import { testCtx } from '../support/ctx.js';
import { addRequest, addSpends, addTeam, freshStore, type Seeded } from './learningSeed.js';

let s: Seeded;
let clock: TestClock;
let noord: number;
let zuid: number;
let oost: number;
let west: number;
let elders: number;

beforeEach(() => {
  s = freshStore();
  clock = new TestClock(new Date('2026-11-10T09:00:00Z'));
  noord = addTeam(s.store, { channelId: 'CNOORD', name: 'Wijkteam Noord' });
  zuid = addTeam(s.store, { channelId: 'CZUID', name: 'Buurtteam Zuid' });
  oost = addTeam(s.store, { channelId: 'COOST', name: 'Wijkteam Oost' });
  west = addTeam(s.store, { channelId: 'CWEST', name: 'Wijkteam West' });
  elders = addTeam(s.store, { workspaceId: 'T0002', channelId: 'CELDERS', name: 'Elders' });
  // October 2026: dental care 4 or more times in Noord, Zuid and Oost (recurring), twice in West, 4 times elsewhere.
  addSpends(s.store, noord, { '2026-10': [8000, 9000, 10000, 12000, 6000] });
  addSpends(s.store, zuid, { '2026-10': [7000, 7000, 7000, 7000, 7000, 7000] });
  addSpends(s.store, oost, { '2026-10': [5000, 5000, 6000, 6000] });
  addSpends(s.store, west, { '2026-10': [5000, 5000] });
  addSpends(s.store, elders, { '2026-10': [1000, 1000, 1000, 1000] });
});
afterEach(() => s.close());

const deps = () => ({ store: s.store, clock });
const ctx = () => testCtx(s.store, clock, { admins: new Set(['UADMIN']) });
const text = (month = '2026-10', teamIds?: number[]) => toPlain(digestForMonth(deps(), month, { chart: false, ...(teamIds ? { teamIds } : {}) }).text);

describe('a category recurring in several teams', () => {
  it('proposes one shared signal with each team’s figures, and a button for it', () => {
    const d = digestForMonth(deps(), '2026-10', { chart: false });
    const plain = toPlain(d.text);
    expect(plain).toContain('Van signaal naar structurele oplossing / From signal to structural solution');
    expect(plain).toContain('• Mondzorg / tandarts in 3 teams: Buurtteam Zuid 6× € 420,00; Wijkteam Noord 5× € 450,00; Wijkteam Oost 4× € 220,00 → voorstel: één gezamenlijk signaal: signaal nieuw mondzorg in het digest-kanaal (of de knop onder het maandoverzicht)');
    expect(plain).not.toMatch(/in 4 teams/);
    expect(d.signalProposals).toEqual([
      { slug: 'mondzorg', label: 'Mondzorg / tandarts', teamIds: [noord, zuid, oost], teamName: null },
      // The other workspace's team stands alone: its own button.
      { slug: 'mondzorg', label: 'Mondzorg / tandarts', teamIds: [elders], teamName: 'Elders' },
    ]);
  });

  it('two teams are not enough by default; the setting can lower it', () => {
    const recurring = [noord, zuid].map((teamId) => ({ teamId, teamName: `T${teamId}`, slug: 'mondzorg', label: 'Mondzorg / tandarts', count: 4, totalCents: 100 }));
    expect(learningForDigest(deps(), '2026-10', recurring).proposals.every((p) => p.teamIds.length === 1)).toBe(true);
    expect(learningForDigest(deps(), '2026-10', recurring, { minTeams: 2 }).proposals[0]?.teamIds).toEqual([noord, zuid]);
  });

  it('after the button: the signal takes it up, the digest names it, and shows its effect', async () => {
    const proposal = digestForMonth(deps(), '2026-10', { chart: false }).signalProposals![0]!;
    const made = await signalFromDigest(ctx(), { actorId: 'UADMIN', slug: proposal.slug, teamIds: proposal.teamIds, month: '2026-10', within: { platform: 'slack', workspaceId: 'T0001' } });
    expect(made.ok).toBe(true);
    expect(s.store.db.select().from(auditLog).all().filter((a) => a.action === 'signal.created').map((a) => JSON.parse(a.detail))).toEqual([
      { signalId: 1, categorySlug: 'mondzorg', theme: false, teamIds: [noord, zuid, oost], source: 'digest', month: '2026-10' },
    ]);
    const again = digestForMonth(deps(), '2026-10', { chart: false });
    expect(toPlain(again.text)).toContain('Wijkteam Oost 4× € 220,00 → al S1 (gesignaleerd)');
    expect(again.signalProposals?.map((p) => p.teamIds)).toEqual([[elders]]);
    // A non-admin's click changes nothing.
    expect(await signalFromDigest(ctx(), { actorId: 'UREQ', slug: 'mondzorg', teamIds: [elders], month: null, within: { platform: 'slack', workspaceId: 'T0002' } })).toMatchObject({ ok: false, code: 'signal.not_admin' });

    const a = { actor: { id: 'UADMIN', isAdmin: true }, signalId: 1, platform: 'slack' as const };
    moveSignalStep(deps(), { ...a, input: { step: 'discuss', with: 'tandartspraktijken', on: '2026-11-20' } });
    moveSignalStep(deps(), { ...a, input: { step: 'measure', date: '2026-11-01', owner: 'wijkcoördinator', text: 'korting bij De Kies' } });
    addSpends(s.store, noord, { '2026-11': [8000] });
    addSpends(s.store, west, { '2026-11': [8000, 8000, 8000] }); // not one of the signal's teams
    clock.t = new Date('2026-12-02T09:00:00Z');
    const november = text('2026-11');
    expect(november).toContain('Open signalen / Open signals');
    expect(november).toContain('S1 Mondzorg / tandarts (mondzorg) — Wijkteam Noord, Buurtteam Zuid, Wijkteam Oost — maatregel genomen');
    expect(november).toContain('Effect: gedaald: van gemiddeld 2,5 naar 1,0 per maand (1 van 6 maanden na de maatregel). Dit zegt niet of de maatregel de oorzaak is.');
    expect(november).toContain('november 2026: 1× · € 80,00 · mediaan € 80,00');
    // A digest of West alone does not show the signal.
    expect(text('2026-11', [west])).not.toContain('Open signalen');
  });
});

describe('alternatives and what spends prevented', () => {
  it('counts alternatives by kind and outcomes per category; the estimate appears only once the municipality set a unit cost', async () => {
    const fund = addRequest(s.store, { teamId: noord, slug: 'huur_energie', at: new Date('2026-10-20T10:00:00Z'), status: 'open', requesterId: 'UREQ' });
    const network = addRequest(s.store, { teamId: zuid, slug: 'huur_energie', at: new Date('2026-10-21T10:00:00Z'), status: 'open', requesterId: 'UREQ' });
    clock.t = new Date('2026-10-22T10:00:00Z');
    expect(await closeRequest(ctx(), { actorId: 'UREQ', requestId: fund.id, how: 'alternative', kind: 'charity_fund', reason: 'Stichting betaalt', prevented: 'eviction' })).toMatchObject({ ok: true });
    expect(await closeRequest(ctx(), { actorId: 'UREQ', requestId: network.id, how: 'alternative', kind: 'network', reason: 'familie helpt' })).toMatchObject({ ok: true });
    const paid = addRequest(s.store, { teamId: oost, slug: 'huur_energie', at: new Date('2026-10-05T10:00:00Z'), status: 'paid', requesterId: 'UOOST' });
    expect(await recordPrevented(ctx(), { actorId: 'UOOST', requestId: paid.id, outcome: 'utility_cutoff' })).toMatchObject({ ok: true, code: 'prevented.recorded' });
    expect(await recordPrevented(ctx(), { actorId: 'UADMIN', requestId: network.id, outcome: 'eviction' })).toMatchObject({ ok: true });

    clock.t = new Date('2026-11-10T09:00:00Z');
    const october = text();
    // 22 spends approved in October (21 dental care in 5 teams, one paid) and 2 alternatives.
    expect(october).toContain('2 van 24 besluiten (8,3%) eindigden met een alternatief in plaats van een uitgave; de pilots zagen ongeveer 1 op 5.');
    expect(october).toContain('• Fonds of goed doel: 1\n• Netwerk van de bewoner: 1');
    expect(october).toContain('• Huur- en energieachterstand: huisuitzetting voorkomen 2, afsluiting energie of water voorkomen 1');
    expect(october).not.toContain('Geschatte vermeden kosten');

    expect(setUnitCost(deps(), { by: 'UADMIN', outcome: 'eviction', cents: '800000', source: 'Gemeente X, kosten per ontruiming 2025' })).toMatchObject({ ok: true });
    const costed = text();
    expect(costed).toContain('Geschatte vermeden kosten: € 16.000,00, alleen voor uitkomsten waarvoor de gemeente zelf een bedrag per keer heeft ingesteld: / Estimated avoided costs: € 16.000,00');
    expect(costed).toContain('\n• Huisuitzetting voorkomen: 2 × € 8.000,00 (bron: Gemeente X, kosten per ontruiming 2025)\n');
  });
});

describe('recording what a request prevented', () => {
  it('the requester or an admin, once paid or closed with an alternative; audited, the card updated', async () => {
    const approved = addRequest(s.store, { teamId: noord, at: new Date('2026-11-01T10:00:00Z'), status: 'approved' });
    const paid = addRequest(s.store, { teamId: noord, at: new Date('2026-11-01T10:00:00Z'), status: 'paid' });
    expect(await recordPrevented(ctx(), { actorId: 'UREQ', requestId: approved.id, outcome: 'health' })).toMatchObject({ ok: false, code: 'prevented.not_now' });
    expect(await recordPrevented(ctx(), { actorId: 'UOTHER', requestId: paid.id, outcome: 'health' })).toMatchObject({ ok: false, code: 'prevented.not_yours' });
    expect(await recordPrevented(ctx(), { actorId: 'UREQ', requestId: paid.id, outcome: 'een naam' })).toMatchObject({ ok: false, code: 'prevented.unknown' });
    const o = await recordPrevented(ctx(), { actorId: 'UREQ', requestId: paid.id, outcome: 'health' });
    expect(o).toMatchObject({ ok: true, code: 'prevented.recorded' });
    expect(toPlain(o.message!.nl)).toBe(`Vastgelegd bij #${paid.id}: gezondheid.`);
    expect(s.store.db.select().from(requests).where(eq(requests.id, paid.id)).get()).toMatchObject({ prevented: 'health', preventedAt: clock.now() });
    expect(await recordPrevented(ctx(), { actorId: 'UADMIN', requestId: paid.id, outcome: 'job' })).toMatchObject({ ok: true });
    const audits = s.store.db.select().from(auditLog).all().filter((a) => a.action === 'request.prevented');
    expect(audits.map((a) => [a.actorId, a.requestId, JSON.parse(a.detail)])).toEqual([
      ['UREQ', paid.id, { outcome: 'health', previous: null }],
      ['UADMIN', paid.id, { outcome: 'job', previous: 'health' }],
    ]);
    expect(s.store.db.select().from(outbox).all().map((x) => JSON.parse(x.payload))).toContainEqual({ kind: 'card.update', requestId: paid.id });
    expect(s.store.db.select().from(requests).where(eq(requests.id, approved.id)).get()?.prevented).toBeNull();
  });

  it('unit costs: a known outcome, whole cents, a source; audited without the source text', () => {
    expect(setUnitCost(deps(), { by: 'UADMIN', outcome: 'ontruiming', cents: '800000', source: 'x' })).toMatchObject({ ok: false, code: 'unit_cost.outcome' });
    expect(setUnitCost(deps(), { by: 'UADMIN', outcome: 'eviction', cents: '8000,00', source: 'x' })).toMatchObject({ ok: false, code: 'unit_cost.cents' });
    expect(setUnitCost(deps(), { by: 'UADMIN', outcome: 'eviction', cents: '800000', source: ' ' })).toMatchObject({ ok: false, code: 'unit_cost.source' });
    expect(setUnitCost(deps(), { by: 'UADMIN', outcome: 'eviction', cents: '800000', source: 'Nibud' })).toMatchObject({ ok: true });
    expect(setUnitCost(deps(), { by: 'UADMIN', outcome: 'eviction', cents: '750000', source: 'Nibud 2026' })).toMatchObject({ ok: true });
    const audits = s.store.db.select().from(auditLog).all().filter((a) => a.action === 'unit_cost.set');
    expect(audits.map((a) => JSON.parse(a.detail))).toEqual([
      { outcome: 'eviction', cents: 800000, previousCents: null },
      { outcome: 'eviction', cents: 750000, previousCents: 800000 },
    ]);
  });
});
