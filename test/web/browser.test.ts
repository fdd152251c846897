// The practice channel in a real browser: Debian's Chromium, headless, driven by playwright-core, on a
// practice server with a seeded year. A request is filed and approved with the keyboard alone, bad
// input shows its errors, the digest shows its chart, every field has a label, cards update live.
// A screenshot of each page goes to test-artifacts/web/. Without Chromium this fails, it never skips.
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPracticeServer, type Practice } from './support.js';

const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--headless', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const ARTIFACTS = resolve('test-artifacts/web');

let p: Practice;
let profile: string;
let context: BrowserContext;
let page: Page;
/** The request filed with the keyboard (the next tests act on it). */
let filed = 0;

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`The browser tests need Chromium at ${CHROMIUM}: apt-get install -y chromium (they never skip).`);
  }
  mkdirSync(ARTIFACTS, { recursive: true });
  p = await startPracticeServer({ seedMonths: 12 });
  profile = mkdtempSync(join(tmpdir(), 'mmw-chromium-'));
  context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, args: ARGS, headless: true, viewport: { width: 1200, height: 900 } });
  page = context.pages()[0] ?? (await context.newPage());
}, 60_000);

afterAll(async () => {
  await context?.close();
  await p?.close();
  if (profile) rmSync(profile, { recursive: true, force: true });
});

/** A screenshot to look at: the whole page, or what is in view when the page is long (the channel). */
async function shot(name: string, target: Page = page): Promise<void> {
  const long = await target.evaluate<boolean>(`document.documentElement.scrollHeight > 2400`);
  await target.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: !long });
}

/** Press Tab until the focused element matches `selector` (the keyboard's way to a control). */
async function tabTo(selector: string, max = 80): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate<boolean>(`!!document.activeElement && document.activeElement.matches(${JSON.stringify(selector)})`)) return;
  }
  throw new Error(`Tab never reached ${selector}`);
}

// (Code that runs in the page is written as text: this project's TypeScript has no DOM types.)
const focused = () => page.evaluate<string>(`document.activeElement.id || document.activeElement.getAttribute('name') || document.activeElement.tagName`);

/** Press a key that loads another page, and wait for it. */
async function pressAndLoad(key: string): Promise<void> {
  await Promise.all([page.waitForEvent('framenavigated'), page.keyboard.press(key)]);
  await page.waitForLoadState('load');
}

/** Become another colleague with the keyboard: the "Je bent" list, then Wissel. */
async function become(name: string): Promise<void> {
  await tabTo('#als');
  await page.keyboard.type(name);
  expect(await page.locator('#als option:checked').innerText()).toContain(name);
  await page.keyboard.press('Tab');
  await pressAndLoad('Enter');
  expect(await page.locator('#als option:checked').innerText()).toContain(name);
}

describe('the practice channel in Chromium', () => {
  it('files a request with the keyboard alone: the card appears in the channel', async () => {
    await page.goto(`${p.base}/`);
    await shot('01-channel');
    await tabTo('main a[href="/aanvraag/nieuw"]');
    await pressAndLoad('Enter');
    expect(new URL(page.url()).pathname).toBe('/aanvraag/nieuw');
    await tabTo('#f-amount');
    await page.keyboard.type('85,50');
    for (const [id, text] of [['f-description', 'Koelkast om insuline koel te bewaren'], ['f-supplierName', 'Witgoedhandel Noord'], ['f-supplierIban', 'NL91 ABNA 0417 1643 00']] as const) {
      await page.keyboard.press('Tab');
      expect(await focused()).toBe(id);
      await page.keyboard.type(text);
    }
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('f-categorySlug');
    await page.keyboard.type('Witgoed');
    expect(await page.locator('#f-categorySlug').inputValue()).toBe('witgoed');
    await page.keyboard.press('Tab'); // the suggestion button
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('f-caseRef');
    await page.keyboard.type('WT-2026-314');
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('f-reason-0');
    await page.keyboard.press('Space');
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('f-reasonText');
    await shot('02-form-filled');
    await tabTo('form.request-form button.primary');
    const before = p.count('requests');
    await pressAndLoad('Enter');
    expect(p.count('requests')).toBe(before + 1);
    // The page opens at the confirmation, which stands just above the new card.
    expect(new URL(page.url()).hash).toBe('#melding');
    filed = Number(/Aanvraag #(\d+) is geplaatst\./.exec(await page.locator('#melding').innerText())?.[1]);
    expect(await page.locator('#melding + article').getAttribute('id')).toBe(`aanvraag-${filed}`);
    expect(await page.locator('#melding').isVisible()).toBe(true);
    const card = page.locator(`#aanvraag-${filed}`);
    expect(await card.innerText()).toContain('Koelkast om insuline koel te bewaren');
    expect(await card.innerText()).toContain('0 van 3');
    await shot('03-filed');
  }, 60_000);

  it('three colleagues approve with the keyboard: the card says Goedgekeurd', async () => {
    expect(filed).toBeGreaterThan(0);
    for (const name of ['Anna', 'Chris', 'Dewi']) {
      await become(name);
      await tabTo(`#aanvraag-${filed} button[value="approve"]`);
      await pressAndLoad('Enter');
      expect(await page.locator('.flash').innerText()).toContain(`Je akkoord voor #${filed} is vastgelegd.`);
    }
    const card = page.locator(`#aanvraag-${filed}`);
    expect(await card.innerText()).toContain('Goedgekeurd door @Anna, @Chris, @Dewi');
    expect(await card.locator('.thread').innerText()).toContain(`#${filed} is goedgekeurd door @Anna, @Chris, @Dewi.`);
    await card.scrollIntoViewIfNeeded();
    await shot('04-approved');
  }, 60_000);

  it('a bad amount and a BSN show field errors (summary first, focused) and store nothing', async () => {
    await page.goto(`${p.base}/aanvraag/nieuw`);
    // Filled by label: each field is found by its visible label.
    await page.getByLabel('Bedrag in euro').fill('85,555');
    await page.getByLabel('Wat wordt er gekocht?').fill('Wasmachine voor 111222333');
    await page.getByLabel('Leverancier', { exact: false }).first().fill('Witgoed Outlet');
    await page.getByLabel('IBAN van de leverancier').fill('NL20INGB0001234567');
    await page.getByLabel('Categorie').selectOption('witgoed');
    await page.getByLabel('Zaakreferentie').fill('WT-2026-315');
    await page.getByLabel('Geen voorliggende voorziening').check();
    const before = { requests: p.count('requests'), audit: p.count('audit_log') };
    await Promise.all([page.waitForEvent('framenavigated'), page.locator('form.request-form button.primary').click()]);
    await page.waitForLoadState('load');
    expect(await page.locator('#f-amount-fout').innerText()).toContain('Gebruik hoogstens twee cijfers achter de komma.');
    expect(await page.locator('#f-description-fout').innerText()).toContain('Geen burgerservicenummers (BSN)');
    expect(await page.getByLabel('Bedrag in euro').getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByLabel('Bedrag in euro').inputValue()).toBe('85,555');
    expect(await page.getByLabel('Wat wordt er gekocht?').inputValue()).toBe('');
    expect(await page.evaluate<boolean>(`document.activeElement.classList.contains('error-summary')`)).toBe(true);
    expect(p.count('requests')).toBe(before.requests);
    expect(p.count('audit_log')).toBe(before.audit);
    await shot('05-form-errors');
  }, 30_000);

  it('the digest page shows the chart (loaded, with its figures as alt text) and the text', async () => {
    await page.goto(`${p.base}/maandoverzicht`);
    const img = page.locator('figure.chart img');
    await expect.poll(() => page.evaluate<number>(`(() => { const i = document.querySelector('figure.chart img'); return i.complete ? i.naturalWidth : 0; })()`)).toBeGreaterThan(0);
    expect(await img.getAttribute('alt')).toMatch(/^Uitgaven per categorie/);
    expect(await page.locator('.digest').innerText()).toContain('Opvallende categorieën');
    expect(await page.locator('.digest').innerText()).toContain('Mondzorg / tandarts stijgt');
    await shot('06-digest');
  }, 30_000);

  it('the command field answers like the slash command, for the asker only', async () => {
    await page.goto(`${p.base}/`);
    await page.getByLabel('Commando').fill('/minimaatwerk budget');
    await page.getByLabel('Commando').press('Enter');
    await page.waitForURL(/melding=/);
    const answer = page.locator('.flash.answer');
    expect(await answer.innerText()).toContain('Alleen jij ziet dit.');
    expect(await answer.innerText()).toMatch(/€ 20\.000,00/);
    await shot('15-command-answer');
  }, 30_000);

  it('every form field on every page has a label, and every image a text', async () => {
    await page.goto(`${p.base}/`);
    await become('Bram');
    const mine = await page.locator('.card').filter({ hasText: '@Bram' }).filter({ has: page.locator('a[href$="/alternatief"]') }).first().getAttribute('id');
    const id = Number(mine?.replace('aanvraag-', ''));
    const pages: [string, string][] = [
      ['/', '01-channel'],
      ['/aanvraag/nieuw', '07-new-form'],
      ['/overzicht', '08-overview'],
      ['/maandoverzicht', '06-digest'],
      ['/help', '09-help'],
      [`/aanvraag/${id}/alternatief`, '10-alternative'],
      [`/aanvraag/${id}/intrekken`, '11-withdraw'],
      [`/aanvraag/${id}/wijzigen`, '12-edit'],
    ];
    for (const [path, name] of pages) {
      await page.goto(`${p.base}${path}`);
      expect(new URL(page.url()).pathname, path).toBe(path);
      const missing = await page.evaluate<string[]>(`[...document.querySelectorAll('input:not([type="hidden"]), select, textarea, button, img')].flatMap((el) => {
          const text = el.tagName === 'IMG' ? el.alt : el.tagName === 'BUTTON' ? el.innerText : [...(el.labels || [])].map((l) => l.innerText).join(' ');
          return text.trim() === '' ? [el.outerHTML.slice(0, 80)] : [];
        })`);
      expect(missing, path).toEqual([]);
      await shot(name);
    }
  }, 60_000);

  it('cards change live on another open page (server-sent events), without a reload', async () => {
    const other = await context.newPage();
    await other.goto(`${p.base}/`);
    const mine = await other.locator('.card.status-open').first().getAttribute('id');
    const id = Number(mine?.replace('aanvraag-', ''));
    const loads: string[] = [];
    other.on('load', () => loads.push(other.url()));
    const before = await other.locator(`#aanvraag-${id} .state`).innerText();
    await page.goto(`${p.base}/aanvraag/${id}`);
    await become('Eva');
    await page.locator(`#aanvraag-${id} button[value="object"]`).click();
    await page.waitForLoadState('load');
    await expect.poll(() => other.locator(`#aanvraag-${id} .state`).innerText(), { timeout: 10_000 }).toContain('In de wacht voor overleg');
    expect(before).not.toContain('In de wacht voor overleg');
    expect(loads).toEqual([]);
    await other.locator(`#aanvraag-${id}`).scrollIntoViewIfNeeded();
    await shot('13-live-update', other);
    await page.goto(`${p.base}/aanvraag/${id}/bezwaar`);
    await shot('14-objection-reason');
    await other.close();
  }, 30_000);
});
