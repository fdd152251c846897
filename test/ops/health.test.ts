// /healthz, /readyz and the handler's contract, over loopback HTTP against a real database file.
import { msg } from '../../src/core/text.js';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';
import { createHealthHandler, startHealthServer, type HealthServer } from '../../src/ops/health.js';
import { completeItem, claimNext, enqueue } from '../../src/store/outbox.js';
import { addRequest, opsDb, type OpsDb } from './support.js';

const NOW = new Date('2026-03-02T10:00:00Z');
const MAX_AGE = 300;

let db: OpsDb;
let server: HealthServer;
let base: string;

beforeEach(async () => {
  db = opsDb();
  server = await startHealthServer(0, createHealthHandler({ store: db.store, outboxMaxAgeSeconds: MAX_AGE, now: () => NOW }), '127.0.0.1');
  base = `http://127.0.0.1:${server.port}`;
});
afterEach(async () => {
  await server.close();
  db.cleanup();
});

async function get(path: string, init?: RequestInit): Promise<{ status: number; body: string; type: string | null }> {
  const res = await fetch(`${base}${path}`, init);
  return { status: res.status, body: await res.text(), type: res.headers.get('content-type') };
}

const secondsAgo = (s: number) => new Date(NOW.getTime() - s * 1000);

describe('/healthz', () => {
  it('answers 200 ok while the process runs, also when the database is gone', async () => {
    expect(await get('/healthz')).toMatchObject({ status: 200, body: 'ok\n' });
    db.store.close();
    expect(await get('/healthz')).toMatchObject({ status: 200, body: 'ok\n' });
  });
});

describe('/readyz', () => {
  it('is ready on a fresh, migrated database and says what it checked', async () => {
    const res = await get('/readyz');
    expect(res.status).toBe(200);
    expect(res.type).toBe('application/json');
    expect(JSON.parse(res.body)).toEqual({
      status: 'ready',
      checks: { database: { ok: true }, outbox: { ok: true, pending: 0, oldestPendingSeconds: 0, maxAgeSeconds: MAX_AGE } },
    });
  });

  it('fails (503, outbox) when the oldest pending outbox item is older than the threshold, and recovers once it is sent', async () => {
    const request = addRequest(db, secondsAgo(400));
    db.store.tx((tx) => enqueue(tx, 'teams', { kind: 'card.update', requestId: request.id }, secondsAgo(MAX_AGE - 1)));
    expect((await get('/readyz')).status).toBe(200);

    db.store.tx((tx) => enqueue(tx, 'slack', { kind: 'card.post', requestId: request.id }, secondsAgo(MAX_AGE + 1)));
    const stuck = await get('/readyz');
    expect(stuck.status).toBe(503);
    expect(JSON.parse(stuck.body)).toEqual({
      status: 'not_ready',
      failed: ['outbox'],
      checks: { database: { ok: true }, outbox: { ok: false, code: 'outbox_stuck', pending: 2, oldestPendingSeconds: MAX_AGE + 1, maxAgeSeconds: MAX_AGE } },
    });

    // Delivered: only the younger (teams) item is left.
    const row = claimNext(db.store.db, 'slack', NOW)!;
    completeItem(db.store.db, row.id, NOW);
    expect(JSON.parse((await get('/readyz')).body)).toMatchObject({ status: 'ready', checks: { outbox: { pending: 1, oldestPendingSeconds: MAX_AGE - 1 } } });
  });

  it('fails (503, database) when the database takes no writes, and stores nothing itself', async () => {
    addRequest(db, secondsAgo(60));
    expect((await get('/readyz')).status).toBe(200);
    expect(db.store.sqlite.prepare('select count(*) as n from job_runs').get()).toEqual({ n: 0 });

    db.store.sqlite.pragma('query_only = ON'); // the connection may read but not write
    const res = await get('/readyz');
    expect(res.status).toBe(503);
    expect(JSON.parse(res.body)).toMatchObject({ status: 'not_ready', failed: ['database'], checks: { database: { ok: false, code: 'SQLITE_READONLY' }, outbox: { ok: true } } });
    db.store.sqlite.pragma('query_only = OFF');
    expect((await get('/readyz')).status).toBe(200);
    expect(db.store.sqlite.prepare('select count(*) as n from job_runs').get()).toEqual({ n: 0 });
  });

  it('fails (503, database) while another process holds the write lock, without waiting the store’s 5 s', async () => {
    const other = new Database(db.dbPath);
    try {
      other.exec('BEGIN IMMEDIATE');
      const t0 = performance.now();
      const res = await get('/readyz');
      expect(performance.now() - t0).toBeLessThan(4000);
      expect(res.status).toBe(503);
      expect(JSON.parse(res.body)).toMatchObject({ failed: ['database'], checks: { database: { ok: false, code: 'SQLITE_BUSY' } } });
      other.exec('ROLLBACK');
      expect((await get('/readyz')).status).toBe(200);
      // The probe put the store's own lock wait back.
      expect(db.store.sqlite.pragma('busy_timeout', { simple: true })).toBe(5000);
    } finally {
      other.close();
    }
  });

  it('fails (503, both checks) when the database is closed', async () => {
    db.store.close();
    const res = await get('/readyz');
    expect(res.status).toBe(503);
    const body = JSON.parse(res.body) as { failed: string[]; checks: { database: { ok: boolean; code: string } } };
    expect(body.failed).toEqual(['database', 'outbox']);
    expect(body.checks.database).toEqual({ ok: false, code: 'TypeError' });
  });

  it('shows no personal data, only check names, numbers and codes', async () => {
    addRequest(db, secondsAgo(MAX_AGE * 2), 'open', 'ZAAK-77-ALPHA');
    db.store.tx((tx) => enqueue(tx, 'slack', { kind: 'thread.post', requestId: 1, message: msg('Jan de Vries', 'Jan de Vries') }, secondsAgo(MAX_AGE * 2)));
    const res = await get('/readyz');
    expect(res.status).toBe(503);
    expect(res.body).not.toMatch(/ZAAK|Jan|Schoen|NL91|UREQ|C0OPS/);
    expect(res.body).toMatch(/^\{[a-z_A-Z0-9":,{}[\]]*\}\n$/);
  });
});

describe('the handler', () => {
  it('answers only its own paths, so it can sit in front of another server', async () => {
    const handler = createHealthHandler({ store: db.store, outboxMaxAgeSeconds: MAX_AGE });
    const app: Server = createServer((req, res) => {
      if (handler(req, res)) return;
      res.writeHead(200, { 'content-type': 'text/plain' }).end(`app:${req.method} ${req.url}`);
    });
    await new Promise<void>((r) => app.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(app.address() as AddressInfo).port}`;
    try {
      expect(await fetch(`${url}/readyz`).then((r) => r.status)).toBe(200);
      expect(await fetch(`${url}/healthz?probe=1`).then((r) => r.text())).toBe('ok\n');
      expect(await fetch(`${url}/slack/events`, { method: 'POST', body: '{}' }).then((r) => r.text())).toBe('app:POST /slack/events');
      // Without a registry /metrics belongs to the app.
      expect(await fetch(`${url}/metrics`).then((r) => r.text())).toBe('app:GET /metrics');
    } finally {
      app.closeAllConnections();
      await new Promise((r) => app.close(r));
    }
  });

  it('on its own port: 404 for other paths, 405 for other methods, HEAD without a body', async () => {
    expect((await get('/')).status).toBe(404);
    expect((await get('/slack/events')).status).toBe(404);
    const post = await fetch(`${base}/readyz`, { method: 'POST' });
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET, HEAD');
    const head = await get('/healthz', { method: 'HEAD' });
    expect(head).toMatchObject({ status: 200, body: '' });
  });

  it('startHealthServer rejects when the port is taken', async () => {
    await expect(startHealthServer(server.port, () => false, '127.0.0.1')).rejects.toMatchObject({ code: 'EADDRINUSE' });
  });
});

describe('settings', () => {
  const base = { SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1' };
  it('HEALTH_PORT defaults to 9091 and READY_OUTBOX_MAX_AGE_SECONDS to 300', () => {
    expect(loadConfig(base)).toMatchObject({ healthPort: 9091, readyOutboxMaxAgeSeconds: 300 });
    expect(loadConfig({ ...base, HEALTH_PORT: '9100', READY_OUTBOX_MAX_AGE_SECONDS: '60' })).toMatchObject({ healthPort: 9100, readyOutboxMaxAgeSeconds: 60 });
  });
  it('a wrong value stops the start with the setting named', () => {
    expect(() => loadConfig({ ...base, HEALTH_PORT: 'negen' })).toThrow(ConfigError);
    expect(() => loadConfig({ ...base, HEALTH_PORT: '70000' })).toThrow(/HEALTH_PORT/);
    expect(() => loadConfig({ ...base, READY_OUTBOX_MAX_AGE_SECONDS: '0' })).toThrow(/READY_OUTBOX_MAX_AGE_SECONDS/);
  });
});
