// `/minimaatwerk categorie …` through signed HTTP into the real Bolt app and a real SQLite file.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { and, eq, isNotNull } from 'drizzle-orm';
import { auditLog, categories } from '../../src/store/schema.js';
import { startBot, CHANNEL, type RunningBot } from '../support/bot.js';
import { createRequest } from '../support/slack.js';

let b: RunningBot;
beforeEach(async () => {
  b = await startBot();
  b.double.setChannelMembers(CHANNEL, ['UREQ', 'UA', 'UB', 'UC', 'UADMIN']);
});
afterEach(async () => {
  await b.close();
});

const command = async (userId: string, text: string) => {
  const res = await b.slack.slashCommand({ userId, channelId: CHANNEL, text });
  expect(res.status).toBe(200);
  const body = (await res.json()) as { response_type?: string; text: string };
  expect(body.response_type).toBe('ephemeral');
  return body.text;
};
const own = () => b.store.db.select().from(categories).where(isNotNull(categories.teamId)).all();
const audits = (action: string) => b.store.db.select().from(auditLog).all().filter((a) => a.action === action);
/** The category options of the request form as it opens now. */
const formOptions = async () => {
  const before = b.double.callsTo('views.open').length;
  await b.slack.slashCommand({ userId: 'UREQ', channelId: CHANNEL, text: '' });
  const open = await b.double.waitFor('views.open', (c) => b.double.callsTo('views.open').indexOf(c) >= before);
  const block = (open.args.view as { blocks: { block_id: string; element?: { options?: { value: string }[] } }[] }).blocks.find(
    (x) => x.block_id === 'categorySlug',
  );
  return (block?.element?.options ?? []).map((o) => o.value);
};

describe('listing', () => {
  it('shows the team its categories with their codes, for anyone', async () => {
    const text = await command('UREQ', 'categorie');
    expect(text).toMatch(/^\*Categorieën van dit team\*/);
    expect(text).toContain('• Mondzorg / tandarts (`mondzorg`)');
    expect(text).toContain('• Overig (`overig`)');
  });
});

describe('adding', () => {
  it('an admin adds a team category: slug from the name, audited, in the form', async () => {
    expect(await command('UADMIN', 'categorie nieuw Fiets-reparatie & onderhoud')).toMatch(/^Categorie "Fiets-reparatie &amp; onderhoud" toegevoegd \(code `fiets_reparatie_onderhoud`\)/);
    expect(own()).toMatchObject([{ slug: 'fiets_reparatie_onderhoud', labelNl: 'Fiets-reparatie & onderhoud', active: true }]);
    expect(audits('category.added')).toHaveLength(1);
    expect(JSON.parse(audits('category.added')[0]!.detail)).toMatchObject({ slug: 'fiets_reparatie_onderhoud' });
    expect(await formOptions()).toContain('fiets_reparatie_onderhoud');
    expect(await command('UREQ', 'categorie')).toContain('Fiets-reparatie &amp; onderhoud (`fiets_reparatie_onderhoud`) — eigen categorie');
  });

  it('refuses a non-admin, a duplicate name and a bad name, storing nothing', async () => {
    expect(await command('UREQ', 'categorie nieuw Fietsen')).toMatch(/^Alleen een teambeheerder kan categorieën wijzigen/);
    expect(await command('UADMIN', 'categorie nieuw  mondzorg / TANDARTS ')).toMatch(/^Er is al een categorie "Mondzorg \/ tandarts" \(`mondzorg`\)/);
    await command('UADMIN', 'categorie nieuw Fietsen');
    expect(await command('UADMIN', 'categorie nieuw fietsen')).toMatch(/^Er is al een categorie "Fietsen"/);
    expect(await command('UADMIN', 'categorie nieuw <script>')).toMatch(/^Een categorienaam heeft 2 tot 60 tekens/);
    expect(await command('UADMIN', 'categorie nieuw')).toMatch(/^Geef een naam/);
    expect(own().map((c) => c.slug)).toEqual(['fietsen']);
    expect(audits('category.added')).toHaveLength(1);
  });
});

describe('renaming', () => {
  it('renames a team category (admin), audited; a default category stays', async () => {
    await command('UADMIN', 'categorie nieuw Fietsen');
    expect(await command('UREQ', 'categorie hernoem fietsen Tweewielers')).toMatch(/^Alleen een teambeheerder/);
    expect(await command('UADMIN', 'categorie hernoem fietsen Fiets en scooter')).toMatch(/^Categorie "Fietsen" heet nu "Fiets en scooter"/);
    expect(own()).toMatchObject([{ slug: 'fietsen', labelNl: 'Fiets en scooter' }]);
    expect(JSON.parse(audits('category.renamed')[0]!.detail)).toMatchObject({ slug: 'fietsen', from: 'Fietsen', to: 'Fiets en scooter' });
    expect(await command('UADMIN', 'categorie hernoem fietsen Kleding')).toMatch(/^Er is al een categorie "Kleding"/);
    expect(await command('UADMIN', 'categorie hernoem mondzorg Tanden')).toMatch(/^"Mondzorg \/ tandarts" is een standaardcategorie/);
    expect(await command('UADMIN', 'categorie hernoem bestaatniet Iets')).toMatch(/^Categorie `bestaatniet` ken ik niet/);
    expect(b.store.db.select().from(categories).where(eq(categories.slug, 'mondzorg')).get()!.labelNl).toBe('Mondzorg / tandarts');
    expect(audits('category.renamed')).toHaveLength(1);
  });
});

describe('removing', () => {
  it('refuses a category in use ("in gebruik bij N aanvragen"); deactivates an unused one', async () => {
    await command('UADMIN', 'categorie nieuw Fietsen');
    await command('UADMIN', 'categorie nieuw Zwemles');
    await createRequest(b, 'UREQ', { categorySlug: 'fietsen' });
    await createRequest(b, 'UREQ', { categorySlug: 'fietsen', caseRef: 'WT-2026-099' });
    expect(await command('UADMIN', 'categorie verwijder fietsen')).toMatch(/^"Fietsen" is in gebruik bij 2 aanvragen en wordt niet verwijderd/);
    expect(await command('UREQ', 'categorie verwijder zwemles')).toMatch(/^Alleen een teambeheerder/);
    expect(await command('UADMIN', 'categorie verwijder overig')).toMatch(/standaardcategorie/);
    expect(await command('UADMIN', 'categorie verwijder zwemles')).toMatch(/^Categorie "Zwemles" is verwijderd uit de lijst/);
    const rows = b.store.db.select().from(categories).where(and(isNotNull(categories.teamId))).all();
    expect(rows.map((c) => [c.slug, c.active])).toEqual([
      ['fietsen', true],
      ['zwemles', false],
    ]);
    expect(audits('category.deactivated')).toHaveLength(1);
    const options = await formOptions();
    expect(options).toContain('fietsen');
    expect(options).not.toContain('zwemles');
    expect(await command('UADMIN', 'categorie verwijder zwemles')).toMatch(/^Categorie `zwemles` ken ik niet/);
    // Adding it again brings the same row back.
    await command('UADMIN', 'categorie nieuw Zwemles');
    expect(own().filter((c) => c.slug === 'zwemles')).toMatchObject([{ active: true }]);
  });
});
