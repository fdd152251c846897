// The practice channel over HTTP, as a browser without JavaScript uses it: pages, forms (form token,
// who acts), post/redirect/get, the same use cases and rules as Slack and Teams, a real SQLite file.
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../src/store/audit.js';
import { cardOf, Client, startPracticeServer, textOf, VALID_FORM, type Practice } from './support.js';

let p: Practice;
let seq = 200;

beforeAll(async () => {
  p = await startPracticeServer();
});
afterAll(async () => {
  await p.close();
});

/** File a request as `as`; returns its number. */
async function file(c: Client, as: string, fields: Partial<typeof VALID_FORM> = {}): Promise<number> {
  await c.get('/aanvraag/nieuw');
  const res = await c.submit('/aanvraag/nieuw', { ...VALID_FORM, caseRef: `WT-2026-${++seq}`, formId: `form-${seq}`, ...fields }, { as });
  // The confirmation stands just above the new card.
  const id = Number(/id="melding"[^]*?<article class="card[^"]*" id="aanvraag-(\d+)"/.exec(res.html)?.[1]);
  expect(textOf(res.html)).toContain(`Aanvraag #${id} is geplaatst.`);
  expect(id).toBeGreaterThan(0);
  return id;
}

const act = (c: Client, id: number, actie: string, as: string) => c.submit(`/aanvraag/${id}/actie`, { actie, klik: `${actie}-${as}-${id}-${++seq}`, terug: '/' }, { as });

describe('pages', () => {
  it('every page carries the practice banner, is Dutch first, and is served with a strict content policy', async () => {
    const c = new Client(p.base);
    for (const path of ['/', '/aanvraag/nieuw', '/overzicht', '/maandoverzicht', '/help']) {
      const res = await c.get(path);
      expect(res.status, path).toBe(200);
      expect(res.html).toContain('<html lang="nl">');
      expect(textOf(res.html)).toContain('Oefenomgeving: niet verbonden met Slack of Teams. Alles hier is oefendata');
      expect(textOf(res.html)).toContain('not connected to Slack or Teams');
      expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
      expect(res.html).not.toMatch(/<script>|<style>|\sonclick=/);
    }
  });

  it('answers /healthz, /readyz and /metrics on the same port', async () => {
    expect(await (await fetch(`${p.base}/healthz`)).text()).toBe('ok\n');
    const ready = await fetch(`${p.base}/readyz`);
    expect(ready.status).toBe(200);
    expect(((await ready.json()) as { status: string }).status).toBe('ready');
    expect(await (await fetch(`${p.base}/metrics`)).text()).toContain('minimaatwerk_');
  });

  it('refuses a POST without the form token, with another session’s token, or from another origin; nothing is stored', async () => {
    const c = new Client(p.base);
    await c.get('/aanvraag/nieuw');
    const before = p.count('requests');
    expect((await c.post('/aanvraag/nieuw', { ...VALID_FORM, caseRef: 'WT-2026-900' }, { as: 'bram', token: null })).status).toBe(403);
    const other = new Client(p.base);
    await other.get('/');
    expect((await c.post('/aanvraag/nieuw', { ...VALID_FORM, caseRef: 'WT-2026-900' }, { as: 'bram', token: other.token })).status).toBe(403);
    expect((await c.post('/aanvraag/nieuw', { ...VALID_FORM, caseRef: 'WT-2026-900' }, { as: 'bram', headers: { origin: 'http://evil.example' } })).status).toBe(403);
    expect(p.count('requests')).toBe(before);
  });

  it('answers only to this machine’s host names, and only to the practice colleagues', async () => {
    // fetch will not send another Host: a plain request does (as a DNS-rebound page would).
    const status = await new Promise<number>((resolve, reject) => {
      http.get(`${p.base}/`, { headers: { host: 'evil.example' } }, (res) => resolve(res.statusCode ?? 0)).on('error', reject);
    });
    expect(status).toBe(421);
    const c = new Client(p.base);
    await c.get('/');
    const who = await c.post('/aanvraag/nieuw', VALID_FORM, { as: 'mallory' });
    expect(who.status).toBe(400);
    expect(textOf(who.html)).toContain('Kies een van de oefencollega’s.');
  });
});

describe('a request from form to payment', () => {
  it('files a request with the same fields as Slack: a card with its facts, audited, and a message for the requester', async () => {
    const c = new Client(p.base);
    const form = await c.get('/aanvraag/nieuw');
    for (const label of ['Bedrag in euro', 'Wat wordt er gekocht?', 'Leverancier', 'IBAN van de leverancier', 'Categorie', 'Zaakreferentie', 'Waarom dit budget?', 'Toelichting (optioneel)']) {
      expect(textOf(form.html)).toContain(label);
    }
    expect(textOf(form.html)).toContain('Onder € 500,00.');
    const audit = p.count('audit_log');
    const id = await file(c, 'anna');
    const page = await c.get('/');
    const card = textOf(cardOf(page.html, id));
    expect(card).toContain(`Aanvraag #${id} · € 85,50`);
    expect(card).toContain('Witgoedhandel Noord (NL91 ABNA 0417 1643 00)');
    expect(card).toContain('Witgoed en huishoudelijke apparaten');
    expect(card).toContain('@Anna');
    expect(card).toContain('0 van 3');
    expect(p.count('audit_log')).toBe(audit + 1);
    expect(verifyAuditChain(p.store.db).intact).toBe(true);
  });

  it('a second submission of the same form files nothing', async () => {
    const c = new Client(p.base);
    await c.get('/aanvraag/nieuw');
    const fields = { ...VALID_FORM, caseRef: 'WT-2026-555', formId: 'same-form' };
    expect((await c.post('/aanvraag/nieuw', fields, { as: 'bram' })).status).toBe(303);
    const before = p.count('requests');
    const again = await c.post('/aanvraag/nieuw', fields, { as: 'bram' });
    expect(again.status).toBe(303);
    expect(p.count('requests')).toBe(before);
  });

  it('a bad amount and a BSN show their errors under their fields, keep what was typed, and store nothing', async () => {
    const c = new Client(p.base);
    await c.get('/aanvraag/nieuw');
    const before = { requests: p.count('requests'), audit: p.count('audit_log') };
    const res = await c.post('/aanvraag/nieuw', { ...VALID_FORM, amount: '85,555', description: 'Koelkast voor 111222333', formId: 'bad-1' }, { as: 'bram' });
    expect(res.status).toBe(422);
    const text = textOf(res.html);
    expect(text).toContain('Gebruik hoogstens twee cijfers achter de komma.');
    expect(text).toContain('Geen burgerservicenummers (BSN); gebruik een zaakreferentie.');
    expect(res.html).toMatch(/<p class="error" id="f-amount-fout">/);
    expect(res.html).toMatch(/id="f-amount" name="amount" aria-describedby="f-amount-hint f-amount-fout" aria-invalid="true"/);
    expect(res.html).toMatch(/id="f-description" name="description" aria-describedby="f-description-hint f-description-fout" aria-invalid="true"/);
    expect(res.html).toContain('value="85,555"');
    // What was refused for a BSN is not sent back (the rest of what was typed is kept).
    expect(res.html).not.toContain('111222333');
    expect(res.html).toContain('value="Witgoedhandel Noord"');
    expect(res.html).toContain('<div class="error-summary" role="alert"');
    expect(p.count('requests')).toBe(before.requests);
    expect(p.count('audit_log')).toBe(before.audit);
  });

  it('without a category the form comes back with the suggested one pre-selected, and files nothing yet', async () => {
    const c = new Client(p.base);
    await c.get('/aanvraag/nieuw');
    const before = p.count('requests');
    const res = await c.post('/aanvraag/nieuw', { ...VALID_FORM, categorySlug: '', formId: 'suggest-1' }, { as: 'bram' });
    expect(res.status).toBe(200);
    expect(textOf(res.html)).toContain('Controleer de voorgestelde categorie en verstuur opnieuw.');
    expect(res.html).toContain('<option value="witgoed" selected>');
    expect(p.count('requests')).toBe(before);
    const suggested = await c.post('/aanvraag/nieuw', { ...VALID_FORM, categorySlug: '', description: 'Tandarts voor een kies', _voorstel: '1', formId: 'suggest-2' }, { as: 'bram' });
    expect(suggested.html).toContain('<option value="mondzorg" selected>');
  });

  it('shows what a person typed as text, never as markup', async () => {
    const c = new Client(p.base);
    const typed = `<script>alert("x")</script> & 'q' <b>vet</b>`;
    const id = await file(c, 'chris', { description: typed, supplierName: 'A&B <Witgoed>' });
    const html = cardOf((await c.get('/')).html, id);
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;q&#39; &lt;b&gt;vet&lt;/b&gt;');
    expect(html).toContain('A&amp;B &lt;Witgoed&gt;');
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<b>');
    // In an attribute too: the form shown again keeps what was typed, quotes and all, as text.
    await c.get('/aanvraag/nieuw');
    const again = await c.post('/aanvraag/nieuw', { ...VALID_FORM, amount: 'veel', description: `Koelkast "groot" <b>'` }, { as: 'chris' });
    expect(again.html).toContain(`value="Koelkast &quot;groot&quot; &lt;b&gt;&#39;"`);
  });

  it('three colleagues approve: the card says Goedgekeurd, the thread names them; the requester’s own approval does not count', async () => {
    const c = new Client(p.base);
    const id = await file(c, 'anna');
    const own = await act(c, id, 'approve', 'anna');
    expect(textOf(own.html)).toContain(`Je kunt je eigen aanvraag #${id} niet goedkeuren of blokkeren`);
    await act(c, id, 'approve', 'bram');
    await act(c, id, 'approve', 'chris');
    expect(textOf(cardOf((await c.get('/')).html, id))).toContain('2 van 3');
    const done = await act(c, id, 'approve', 'dewi');
    expect(textOf(done.html)).toContain(`Je akkoord voor #${id} is vastgelegd.`);
    const card = textOf(cardOf(done.html, id));
    expect(card).toContain('Goedgekeurd door @Bram, @Chris, @Dewi');
    expect(card).toContain(`#${id} is goedgekeurd door @Bram, @Chris, @Dewi. De betaling van € 85,50 aan Witgoedhandel Noord is vastgelegd`);
    expect(cardOf(done.html, id)).not.toContain('value="approve"');
    expect(p.count('payments')).toBeGreaterThan(0);
  });

  it('finance marks the payment paid; someone else, or finance for a payment it approved, is refused', async () => {
    const c = new Client(p.base);
    const id = await file(c, 'anna');
    for (const who of ['bram', 'chris', 'eva']) await act(c, id, 'approve', who);
    const notFinance = await act(c, id, 'markPaid', 'bram');
    expect(notFinance.html).toContain('class="flash refused"');
    const approvedIt = await act(c, id, 'markPaid', 'eva');
    expect(textOf(approvedIt.html)).toContain('Goedgekeurd door');
    expect(approvedIt.html).toContain('class="flash refused"');
    const id2 = await file(c, 'anna');
    for (const who of ['bram', 'chris', 'dewi']) await act(c, id2, 'approve', who);
    const paid = await act(c, id2, 'markPaid', 'eva');
    expect(paid.html).toContain('class="flash ok"');
    expect(textOf(cardOf(paid.html, id2))).toContain('Goedgekeurd en betaald');
    // One click: what the spend prevented, by the requester; not by a colleague.
    expect(cardOf(paid.html, id2)).toContain('name="uitkomst"');
    const notHers = await c.submit(`/aanvraag/${id2}/actie`, { actie: 'prevented', uitkomst: 'eviction', klik: `p-${id2}-1`, terug: '/' }, { as: 'bram' });
    expect(notHers.html).toContain('class="flash refused"');
    const said = await c.submit(`/aanvraag/${id2}/actie`, { actie: 'prevented', uitkomst: 'eviction', klik: `p-${id2}-2`, terug: '/' }, { as: 'anna' });
    expect(said.html).toContain('class="flash ok"');
    expect(textOf(cardOf(said.html, id2))).toContain('Voorkomen:');
  });

  it('an objection holds the request and asks for a reason; the reason shows; withdrawing the vote opens it again', async () => {
    const c = new Client(p.base);
    const id = await file(c, 'bram');
    const held = await act(c, id, 'object', 'dewi');
    const card = cardOf(held.html, id);
    expect(textOf(card)).toContain('In de wacht voor overleg (moreel beraad)');
    expect(card).toContain(`href="/aanvraag/${id}/bezwaar"`);
    expect((await c.get(`/aanvraag/${id}/bezwaar`)).status).toBe(303);
    const form = await c.post(`/aanvraag/${id}/bezwaar`, { reason: '' }, { as: 'dewi' });
    expect(form.status).toBe(422);
    expect(textOf(form.html)).toContain('Dit veld is verplicht.');
    const bsn = await c.post(`/aanvraag/${id}/bezwaar`, { reason: 'bewoner 111222333 heeft al hulp' }, { as: 'dewi' });
    expect(bsn.status).toBe(422);
    expect(textOf(bsn.html)).toContain('Geen burgerservicenummers (BSN); gebruik een zaakreferentie.');
    expect(bsn.html).not.toContain('111222333');
    const given = await c.submit(`/aanvraag/${id}/bezwaar`, { reason: 'Eerst de bijzondere bijstand vragen.' }, { as: 'dewi' });
    expect(textOf(cardOf(given.html, id))).toContain('@Dewi: Eerst de bijzondere bijstand vragen.');
    const open = await act(c, id, 'unvote', 'dewi');
    const after = textOf(cardOf(open.html, id));
    expect(after).toContain('0 van 3');
    expect(after).not.toContain('Bezwaar / Objection:');
    expect(after).toContain(`Er is geen bezwaar meer: #${id} kan weer goedgekeurd worden.`);
  });

  it('the requester edits (a new amount resets the approvals); a colleague may not', async () => {
    const c = new Client(p.base);
    const id = await file(c, 'chris');
    await act(c, id, 'approve', 'anna');
    const notYours = await c.get(`/aanvraag/${id}/wijzigen`);
    expect(notYours.status).toBe(303);
    c.token = (await c.get('/')).html.match(/name="_token" value="([^"]+)"/)![1]!;
    const refused = await c.submit(`/aanvraag/${id}/wijzigen`, { ...VALID_FORM, amount: '70' }, { as: 'bram' });
    expect(textOf(refused.html)).toContain(`Alleen de aanvrager of een teambeheerder kan #${id} wijzigen of sluiten.`);
    const edited = await c.submit(`/aanvraag/${id}/wijzigen`, { ...VALID_FORM, amount: '70' }, { as: 'chris' });
    const card = textOf(cardOf(edited.html, id));
    expect(card).toContain(`Aanvraag #${id} · € 70,00`);
    expect(card).toContain('0 van 3');
    expect(card).toContain('Gewijzigd: eerdere goedkeuringen zijn vervallen.');
  });

  it('closes with "alternatief gevonden" (the kind is required), and withdraws after asking', async () => {
    const c = new Client(p.base);
    const id = await file(c, 'dewi');
    await c.get(`/aanvraag/${id}/alternatief`);
    const missing = await c.post(`/aanvraag/${id}/alternatief`, { reason: 'Fonds betaalt' }, { as: 'dewi' });
    expect(missing.status).toBe(422);
    expect(missing.html).toContain('>Fonds betaalt</textarea>');
    const bsn = await c.post(`/aanvraag/${id}/alternatief`, { kind: 'charity_fund', reason: 'bewoner 111222333' }, { as: 'dewi' });
    expect(bsn.status).toBe(422);
    expect(textOf(bsn.html)).toContain('Geen burgerservicenummers (BSN); gebruik een zaakreferentie.');
    expect(bsn.html).not.toContain('111222333');
    const closed = await c.submit(`/aanvraag/${id}/alternatief`, { kind: 'charity_fund', reason: 'Het noodfonds betaalt dit.', uitkomst: 'utility_cutoff' }, { as: 'dewi' });
    expect(textOf(cardOf(closed.html, id))).toContain('Gesloten: alternatief gevonden (fonds of goed doel): Het noodfonds betaalt dit.');
    expect(textOf(cardOf(closed.html, id))).toContain('Voorkomen:');

    const id2 = await file(c, 'dewi');
    expect((await c.get(`/aanvraag/${id2}/intrekken`)).status).toBe(303);
    await c.post('/wie', { als: 'dewi', terug: '/' });
    const ask = await c.get(`/aanvraag/${id2}/intrekken`);
    expect(textOf(ask.html)).toContain(`Wil je aanvraag #${id2} intrekken?`);
    const gone = await act(c, id2, 'withdraw', 'dewi');
    expect(textOf(cardOf(gone.html, id2))).toContain('Ingetrokken');
  });
});

describe('overview, digest and commands', () => {
  it('the overview shows my open requests and what waits for me; the manager also sees the last digest', async () => {
    const c = new Client(p.base);
    const id = await file(c, 'bram');
    await c.post('/wie', { als: 'chris', terug: '/' });
    const chris = textOf((await c.get('/overzicht')).html);
    expect(chris).toContain('Wacht op mijn goedkeuring');
    expect(chris).toContain(`#${id} € 85,50 — Witgoedhandel Noord (Wacht op goedkeuring) in #oefen-kanaal`);
    expect(chris).not.toContain('Laatste maandoverzicht');
    await c.post('/wie', { als: 'anna', terug: '/' });
    expect(textOf((await c.get('/overzicht')).html)).toContain('Laatste maandoverzicht');
  });

  it('the digest page shows the text and the chart (a PNG with the figures as alt text)', async () => {
    const c = new Client(p.base);
    const page = await c.get('/maandoverzicht');
    expect(textOf(page.html)).toContain('Maandoverzicht minimaatwerkbudget');
    const img = /<img src="([^"]+)" alt="([^"]+)"/.exec(page.html);
    expect(img?.[2]).toContain('Uitgaven per categorie');
    const png = await fetch(`${p.base}${img![1]!.replace(/&amp;/g, '&')}`);
    expect(png.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await png.arrayBuffer()).subarray(1, 4).toString()).toBe('PNG');
  });

  it('the command field works as the slash command: budget for everyone, setting it for admins only', async () => {
    const c = new Client(p.base);
    await c.get('/');
    const refused = await c.submit('/commando', { tekst: '/minimaatwerk budget 12000' }, { as: 'bram' });
    expect(textOf(refused.html)).toContain('Alleen een teambeheerder kan dit instellen.');
    const set = await c.submit('/commando', { tekst: 'budget 12000' }, { as: 'anna' });
    expect(set.html).toContain('class="flash answer"');
    expect(textOf(set.html)).toContain('€ 12.000,00');
    const form = await c.post('/commando', { tekst: '/minimaatwerk' }, { as: 'anna' });
    expect(form.location).toBe('/aanvraag/nieuw');
  });

  it('tells open pages which card changed (server-sent events)', async () => {
    const c = new Client(p.base);
    const id = await file(c, 'anna');
    const controller = new AbortController();
    const stream = await fetch(`${p.base}/gebeurtenissen`, { signal: controller.signal });
    expect(stream.headers.get('content-type')).toBe('text/event-stream');
    const reader = stream.body!.getReader();
    await act(c, id, 'approve', 'bram');
    let seen = '';
    while (!seen.includes(`event: kaart\ndata: ${id}\n`)) seen += new TextDecoder().decode((await reader.read()).value);
    controller.abort();
    const fragment = await c.get(`/aanvraag/${id}/kaart`);
    expect(fragment.html.startsWith('<article class="card status-open"')).toBe(true);
    expect(textOf(fragment.html)).toContain('1 van 3');
  });
});
