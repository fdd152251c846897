// /metrics over loopback: the gauges follow the database at scrape time, the counters and the
// histogram follow what the adapters report through Telemetry.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHealthHandler, startHealthServer, type HealthServer } from '../../src/ops/health.js';
import { createMetrics, type Metrics } from '../../src/ops/metrics.js';
import { enqueue } from '../../src/store/outbox.js';
import { updateRequest } from '../../src/store/requests.js';
import { addRequest, opsDb, parseMetrics, sample, type OpsDb, type Sample } from './support.js';

const NOW = new Date('2026-03-02T10:00:00Z');
const MAX_AGE = 300;
const secondsAgo = (s: number) => new Date(NOW.getTime() - s * 1000);

let db: OpsDb;
let metrics: Metrics;
let server: HealthServer;

beforeEach(async () => {
  db = opsDb();
  metrics = createMetrics(db.store, { outboxMaxAgeSeconds: MAX_AGE, now: () => NOW });
  const handler = createHealthHandler({ store: db.store, registry: metrics.registry, outboxMaxAgeSeconds: MAX_AGE, now: () => NOW });
  server = await startHealthServer(0, handler, '127.0.0.1');
});
afterEach(async () => {
  await server.close();
  db.cleanup();
});

async function scrape(): Promise<{ samples: Sample[]; text: string }> {
  const res = await fetch(`http://127.0.0.1:${server.port}/metrics`);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
  const text = await res.text();
  return { samples: parseMetrics(text), text };
}

describe('/metrics from the database', () => {
  it('counts requests by status as they are now', async () => {
    let { samples } = await scrape();
    for (const status of ['open', 'on_hold', 'approved', 'paid', 'withdrawn', 'alternative', 'expired']) {
      expect(sample(samples, 'minimaatwerk_requests', { status })).toBe(0);
    }
    const first = addRequest(db, secondsAgo(3600));
    addRequest(db, secondsAgo(1800));
    addRequest(db, secondsAgo(900), 'approved');
    ({ samples } = await scrape());
    expect(sample(samples, 'minimaatwerk_requests', { status: 'open' })).toBe(2);
    expect(sample(samples, 'minimaatwerk_requests', { status: 'approved' })).toBe(1);
    expect(sample(samples, 'minimaatwerk_requests', { status: 'paid' })).toBe(0);

    db.store.tx((tx) => updateRequest(tx, first.id, { status: 'withdrawn', closedAt: NOW }));
    ({ samples } = await scrape());
    expect(sample(samples, 'minimaatwerk_requests', { status: 'open' })).toBe(1);
    expect(sample(samples, 'minimaatwerk_requests', { status: 'withdrawn' })).toBe(1);
  });

  it('shows the outbox depth and the age of its oldest pending item per platform, and readiness', async () => {
    let { samples } = await scrape();
    expect(sample(samples, 'minimaatwerk_outbox_pending', { platform: 'slack' })).toBe(0);
    expect(sample(samples, 'minimaatwerk_outbox_oldest_pending_age_seconds', { platform: 'teams' })).toBe(0);
    expect(sample(samples, 'minimaatwerk_ready')).toBe(1);

    db.store.tx((tx) => {
      enqueue(tx, 'slack', { kind: 'card.post', requestId: 1 }, secondsAgo(120));
      enqueue(tx, 'slack', { kind: 'card.update', requestId: 2 }, secondsAgo(5));
      enqueue(tx, 'teams', { kind: 'card.update', requestId: 3 }, secondsAgo(MAX_AGE + 60));
    });
    ({ samples } = await scrape());
    expect(sample(samples, 'minimaatwerk_outbox_pending', { platform: 'slack' })).toBe(2);
    expect(sample(samples, 'minimaatwerk_outbox_pending', { platform: 'teams' })).toBe(1);
    expect(sample(samples, 'minimaatwerk_outbox_oldest_pending_age_seconds', { platform: 'slack' })).toBe(120);
    expect(sample(samples, 'minimaatwerk_outbox_oldest_pending_age_seconds', { platform: 'teams' })).toBe(MAX_AGE + 60);
    expect(sample(samples, 'minimaatwerk_ready')).toBe(0);
  });

  it('still answers when the database is closed: the database series are left out and ready is 0', async () => {
    addRequest(db, secondsAgo(60));
    expect(sample((await scrape()).samples, 'minimaatwerk_requests', { status: 'open' })).toBe(1);
    db.store.close();
    const { samples } = await scrape();
    expect(samples.filter((s) => s.name === 'minimaatwerk_requests' || s.name.startsWith('minimaatwerk_outbox_'))).toEqual([]);
    expect(sample(samples, 'minimaatwerk_ready')).toBe(0);
    expect(sample(samples, 'process_cpu_user_seconds_total')).toBeGreaterThan(0);
  });
});

describe('/metrics from telemetry', () => {
  it('counts approvals, Web API errors, reconcile results and digest runs; known series start at 0', async () => {
    let { samples } = await scrape();
    expect(sample(samples, 'minimaatwerk_approvals_total', { platform: 'slack' })).toBe(0);
    expect(sample(samples, 'minimaatwerk_reconcile_results_total', { result: 'failed' })).toBe(0);
    expect(sample(samples, 'minimaatwerk_digest_runs_total', { outcome: 'posted' })).toBe(0);
    expect(samples.filter((s) => s.name === 'minimaatwerk_web_api_errors_total')).toEqual([]);

    const t = metrics.telemetry;
    t.approvalCounted('slack');
    t.approvalCounted('slack');
    t.approvalCounted('teams');
    t.webApiError('slack', 'chat.update', 'ratelimited');
    t.webApiError('slack', 'chat.update', 'ratelimited');
    t.webApiError('teams', 'conversations.update', 429);
    t.webApiError('slack', 'chat.postMessage', 'An error with "text" someone typed'); // not a code
    t.reconciled('checked', 4);
    t.reconciled('added', 3);
    t.reconciled('removed', 0);
    t.digestRun('posted');
    t.digestRun('failed');
    t.digestRun('posted');

    ({ samples } = await scrape());
    expect(sample(samples, 'minimaatwerk_approvals_total', { platform: 'slack' })).toBe(2);
    expect(sample(samples, 'minimaatwerk_approvals_total', { platform: 'teams' })).toBe(1);
    expect(sample(samples, 'minimaatwerk_web_api_errors_total', { platform: 'slack', method: 'chat.update', code: 'ratelimited' })).toBe(2);
    expect(sample(samples, 'minimaatwerk_web_api_errors_total', { platform: 'teams', method: 'conversations.update', code: '429' })).toBe(1);
    expect(sample(samples, 'minimaatwerk_web_api_errors_total', { platform: 'slack', method: 'chat.postMessage', code: 'other' })).toBe(1);
    expect(sample(samples, 'minimaatwerk_reconcile_results_total', { result: 'checked' })).toBe(4);
    expect(sample(samples, 'minimaatwerk_reconcile_results_total', { result: 'added' })).toBe(3);
    expect(sample(samples, 'minimaatwerk_reconcile_results_total', { result: 'removed' })).toBe(0);
    expect(sample(samples, 'minimaatwerk_digest_runs_total', { outcome: 'posted' })).toBe(2);
    expect(sample(samples, 'minimaatwerk_digest_runs_total', { outcome: 'failed' })).toBe(1);
    expect(sample(samples, 'minimaatwerk_digest_runs_total', { outcome: 'skipped' })).toBe(0);
  });

  it('puts event handling times in histogram buckets by platform and kind', async () => {
    const t = metrics.telemetry;
    t.eventHandled('slack', 'reaction_added', 0.0008);
    t.eventHandled('slack', 'reaction_added', 0.004);
    t.eventHandled('slack', 'reaction_added', 0.3);
    t.eventHandled('teams', 'invoke', 1.5);
    const { samples } = await scrape();
    const bucket = (le: string, platform = 'slack', kind = 'reaction_added') => sample(samples, 'minimaatwerk_event_handling_seconds_bucket', { platform, kind, le });
    expect(bucket('0.001')).toBe(1);
    expect(bucket('0.0025')).toBe(1);
    expect(bucket('0.005')).toBe(2);
    expect(bucket('0.25')).toBe(2);
    expect(bucket('0.5')).toBe(3);
    expect(bucket('+Inf')).toBe(3);
    expect(sample(samples, 'minimaatwerk_event_handling_seconds_count', { platform: 'slack', kind: 'reaction_added' })).toBe(3);
    expect(sample(samples, 'minimaatwerk_event_handling_seconds_sum', { platform: 'slack', kind: 'reaction_added' })).toBeCloseTo(0.3048, 6);
    expect(bucket('1', 'teams', 'invoke')).toBe(0);
    expect(bucket('2.5', 'teams', 'invoke')).toBe(1);
  });

  it('carries no personal data: ids of people, channels and case references never appear', async () => {
    addRequest(db, secondsAgo(60), 'open', 'ZAAK-77-ALPHA');
    metrics.telemetry.eventHandled('slack', 'Jan de Vries', 0.01);
    const { text } = await scrape();
    expect(text).not.toMatch(/ZAAK|Jan|Schoen|NL91|UREQ|C0OPS|T0OPS/);
  });
});
