// Trust boundary 2 — "Teams: any tenant, any serviceUrl". Who may talk to the Teams endpoint and
// where the bot may send with its Bot Connector token: only the municipality's tenants, only
// tokens the Bot Framework issued, and only Microsoft's Teams hosts, never replaced by another.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { allowedServiceUrl, TEAMS_SERVICE_HOSTS } from '../../src/app/msteamsChannels.js';
import { requests, teams } from '../../src/store/schema.js';
import { APP_ID, CHANNEL, PEOPLE, TENANT, VALID_TEAMS_FORM, cardAction, messageActivity, settle, taskSubmit } from '../support/teamsBot.js';
import { botFrameworkToken, jwt, logged, nowSec, startRecorder, startSecureTeamsBot, type Recorder, type SecureTeamsBot } from './teamsHarness.js';

let b: SecureTeamsBot;
let attacker: Recorder;
beforeEach(async () => {
  b = await startSecureTeamsBot({ allowedTenantIds: ['tenant-0002'] });
  attacker = await startRecorder();
});
afterEach(async () => {
  await b.close();
  await attacker.close();
});

const NEW = { dialog: 'new', suggestedSlug: null, ...VALID_TEAMS_FORM };
const requestCount = () => b.store.db.select().from(requests).all().length;
const teamRow = () => b.store.db.select().from(teams).all().find((t) => t.channelId === CHANNEL);

/** An activity as it would come from another tenant. */
function fromTenant<T extends Record<string, unknown>>(activity: T, tenantId: string): T {
  const a = activity as unknown as { conversation: Record<string, unknown>; channelData: Record<string, unknown> };
  return { ...activity, conversation: { ...a.conversation, tenantId }, channelData: { ...a.channelData, tenant: { id: tenantId } } };
}
const withServiceUrl = <T extends Record<string, unknown>>(activity: T, serviceUrl: string): T => ({ ...activity, serviceUrl });

describe('2. Teams: any tenant, any serviceUrl', () => {
  describe('activities from another tenant', () => {
    it('an activity from a tenant other than TEAMS_TENANT_ID (+ TEAMS_ALLOWED_TENANTS) is refused: nothing stored, nothing sent, logged with a code only', async () => {
      const postsBefore = b.double.posts().length;
      await b.post(fromTenant(taskSubmit(b, PEOPLE.req, NEW), 'tenant-evil'));
      await b.post(fromTenant(messageActivity(b, PEOPLE.req, 'help'), 'tenant-evil'));
      await b.post(fromTenant(messageActivity(b, PEOPLE.req, 'aanvraag'), 'tenant-evil'));
      await settle(b);
      expect(requestCount()).toBe(0);
      expect(teamRow()).toBeUndefined();
      expect(b.double.posts()).toHaveLength(postsBefore);
      const refused = logged(b, 'teams.tenant_refused');
      expect(refused).toHaveLength(3);
      for (const line of refused) expect(Object.keys(line).sort()).toEqual(['code', 'event', 'level', 't']);
      const all = b.logLines.join('\n');
      expect(all).not.toContain('tenant-evil');
      expect(all).not.toContain(PEOPLE.req.name);
      expect(all).not.toContain(VALID_TEAMS_FORM.supplierName);
    });

    it('an activity without any tenant is refused too', async () => {
      const a = taskSubmit(b, PEOPLE.req, NEW) as Record<string, unknown> & { conversation: Record<string, unknown>; channelData: Record<string, unknown> };
      const { tenantId: _t, ...conversation } = a.conversation;
      const { tenant: _x, ...channelData } = a.channelData;
      await b.post({ ...a, conversation, channelData });
      expect(requestCount()).toBe(0);
      expect(logged(b, 'teams.tenant_refused')).toHaveLength(1);
    });

    it('TEAMS_TENANT_ID and each tenant in TEAMS_ALLOWED_TENANTS are let in (the control)', async () => {
      expect((await b.post(taskSubmit(b, PEOPLE.req, NEW))).status).toBe(200);
      expect((await b.post(fromTenant(taskSubmit(b, PEOPLE.a, NEW), 'tenant-0002'))).status).toBe(200);
      expect(requestCount()).toBe(2);
      expect(logged(b, 'teams.tenant_refused')).toHaveLength(0);
    });
  });

  describe('tokens the Bot Framework did not issue', () => {
    const entraToken = (b: SecureTeamsBot, iss: string) =>
      jwt({ iss, aud: APP_ID, tid: TENANT, azp: 'some-other-app', nbf: nowSec() - 10, iat: nowSec() - 10, exp: nowSec() + 3600, ver: '2.0' }, b.trusted);

    it('an Entra-style token (iss login.microsoftonline.com/<tenant>/v2.0, aud = app id, signed with a key the bot trusts) gets 401 and stores nothing', async () => {
      for (const iss of [`https://login.microsoftonline.com/${TENANT}/v2.0`, `https://sts.windows.net/${TENANT}/`]) {
        const res = await b.post(taskSubmit(b, PEOPLE.req, NEW), { token: entraToken(b, iss) });
        expect(res.status).toBe(401);
      }
      expect(requestCount()).toBe(0);
      expect(teamRow()).toBeUndefined();
      expect(logged(b, 'teams.token_refused').map((l) => l.code)).toEqual(['issuer', 'issuer']);
    });

    it('is refused before the SDK: an Entra token from the login endpoint the SDK would trust never makes it look up a key, and never reaches a listener', async () => {
      // With the cloud's login endpoint on loopback, the SDK itself would fetch this tenant's keys
      // (and find ours): the refusal happens before, so the endpoint is never asked.
      const res = await b.post(withServiceUrl(taskSubmit(b, PEOPLE.req, NEW), attacker.url), { token: entraToken(b, `${b.entra.url}/${TENANT}/v2.0`) });
      expect(res.status).toBe(401);
      expect(b.entra.requests).toEqual([]);
      expect(attacker.requests).toEqual([]);
      expect(requestCount()).toBe(0);
      expect(logged(b, 'teams.token_refused')).toHaveLength(1);
    });

    it('a Bot Framework token signed with that same key is let in (the control: the key is trusted, the issuer decides)', async () => {
      const res = await b.post(taskSubmit(b, PEOPLE.req, NEW), { token: botFrameworkToken(b, b.double.url) });
      expect(res.status).toBe(200);
      expect(requestCount()).toBe(1);
    });
  });

  describe('service URLs', () => {
    it('allowedServiceUrl: only https on Microsoft’s Teams hosts (no look-alikes, no other scheme, no user info tricks)', () => {
      for (const host of TEAMS_SERVICE_HOSTS) expect(allowedServiceUrl(`https://${host}/emea/`)).toBe(true);
      for (const url of [
        'http://smba.trafficmanager.net/emea/',
        'https://smba.trafficmanager.net.evil.example/emea/',
        'https://evil.example/smba.trafficmanager.net/',
        'https://smba.trafficmanager.net@evil.example/',
        'https://evil.example/?smba.trafficmanager.net',
        'https://smba.trafficmanager.net:8443/emea/',
        'http://127.0.0.1:3978/',
        'ftp://smba.trafficmanager.net/',
        'not a url',
        '',
      ]) {
        expect(allowedServiceUrl(url), url).toBe(false);
      }
    });

    it('a token whose serviceurl claim names another URL than the activity is refused (401): the bot never calls that URL', async () => {
      const res = await b.post(withServiceUrl(taskSubmit(b, PEOPLE.req, NEW), attacker.url), { token: b.double.token(APP_ID, b.double.url) });
      expect(res.status).toBe(401);
      await b.post(withServiceUrl(messageActivity(b, PEOPLE.req, 'help'), attacker.url), { token: b.double.token(APP_ID, b.double.url) });
      expect(attacker.requests).toEqual([]);
      expect(requestCount()).toBe(0);
    });

    it('a channel first seen with a serviceUrl outside Microsoft’s Teams hosts gets no endpoint: filing is refused and that host gets nothing', async () => {
      // Even signed as if by the Bot Framework (serviceurl claim = that host).
      const res = await b.post(withServiceUrl(taskSubmit(b, PEOPLE.req, NEW), attacker.url), { token: botFrameworkToken(b, attacker.url) });
      expect(res.status).toBe(200);
      expect(JSON.stringify(res.body)).toContain('Ik ben nog geen lid van dit kanaal');
      await settle(b);
      expect(requestCount()).toBe(0);
      expect(teamRow()?.serviceUrl ?? null).toBeNull();
      expect(logged(b, 'teams.service_url_refused').map((l) => l.code)).toEqual(['refused_host']);
      expect(attacker.requests).toEqual([]);
    });

    it('a stored serviceUrl is never replaced by another host: cards, updates and thread messages keep going to the stored host, the other host gets nothing', async () => {
      expect((await b.post(taskSubmit(b, PEOPLE.req, NEW))).status).toBe(200);
      await settle(b);
      const stored = teamRow()!.serviceUrl;
      expect(stored).toBe(b.double.url);

      // A second request and votes arrive naming another host (signed for it).
      const token = botFrameworkToken(b, attacker.url);
      const res = await b.post(withServiceUrl(taskSubmit(b, PEOPLE.a, { ...NEW, caseRef: 'WT-2026-099' }), attacker.url), { token });
      expect(res.status).toBe(200);
      await settle(b);
      const second = b.store.db.select().from(requests).all().at(-1)!;
      expect(second.requesterId).toBe(PEOPLE.a.aadObjectId);
      expect(second.messageTs).not.toBeNull();
      for (const p of [PEOPLE.b, PEOPLE.c, PEOPLE.d]) {
        await b.post(withServiceUrl(cardAction(b, p, second.messageTs!, 'approve', second.id), attacker.url), { token });
      }
      await settle(b);
      expect(b.store.db.select().from(requests).all().at(-1)!.status).toBe('approved');
      expect(teamRow()!.serviceUrl).toBe(stored);
      expect(new Set(logged(b, 'teams.service_url_refused').map((l) => l.code))).toEqual(new Set(['refused_host']));
      // Another Microsoft host does not replace it either.
      await b.post(withServiceUrl(taskSubmit(b, PEOPLE.b, { ...NEW, caseRef: 'WT-2026-098' }), 'https://smba.trafficmanager.net/emea/'), {
        token: botFrameworkToken(b, 'https://smba.trafficmanager.net/emea/'),
      });
      await settle(b);
      // The card, its updates and the thread message went through the stored host.
      expect(logged(b, 'teams.service_url_refused').map((l) => l.code)).toContain('refused_change');
      expect(teamRow()!.serviceUrl).toBe(stored);
      expect(b.double.posts(CHANNEL).some((c) => c.activityId === second.messageTs)).toBe(true);
      expect(b.store.db.select().from(requests).all().every((r) => r.messageTs !== null)).toBe(true);
      expect(b.double.updates(second.messageTs!).length).toBeGreaterThan(0);
      expect(attacker.requests).toEqual([]);
    });
  });
});
