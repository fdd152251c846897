// /healthz (the process answers), /readyz (database writable, outbox moving) and /metrics
// (Prometheus). A plain handler that answers those paths and leaves every other request alone, so it
// can sit in front of any Node http server; `startHealthServer` gives it a port of its own.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Registry } from 'prom-client';
import { checkReadiness, type ReadinessOptions } from './readiness.js';

/** Answers the request and returns true, or returns false and leaves `res` untouched. */
export type HealthHandler = (req: IncomingMessage, res: ServerResponse) => boolean;

export interface HealthOptions extends ReadinessOptions {
  /** Without a registry, /metrics is not served (not answered). */
  registry?: Registry;
}

const PATHS = new Set(['/healthz', '/readyz', '/metrics']);

function send(req: IncomingMessage, res: ServerResponse, status: number, contentType: string, body: string, extra: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': contentType, 'cache-control': 'no-store', 'content-length': Buffer.byteLength(body), ...extra });
  res.end(req.method === 'HEAD' ? undefined : body);
}

export function createHealthHandler(opts: HealthOptions): HealthHandler {
  return (req, res) => {
    const path = (req.url ?? '').split('?', 1)[0] ?? '';
    if (!PATHS.has(path) || (path === '/metrics' && !opts.registry)) return false;
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      send(req, res, 405, 'text/plain; charset=utf-8', 'method not allowed\n', { allow: 'GET, HEAD' });
      return true;
    }
    if (path === '/healthz') {
      send(req, res, 200, 'text/plain; charset=utf-8', 'ok\n');
    } else if (path === '/readyz') {
      const r = checkReadiness(opts);
      const body = { status: r.ready ? 'ready' : 'not_ready', ...(r.ready ? {} : { failed: r.failed }), checks: r.checks };
      send(req, res, r.ready ? 200 : 503, 'application/json', `${JSON.stringify(body)}\n`);
    } else {
      const registry = opts.registry!;
      registry.metrics().then(
        (text) => send(req, res, 200, registry.contentType, text),
        () => send(req, res, 500, 'text/plain; charset=utf-8', 'metrics failed\n'),
      );
    }
    return true;
  };
}

export interface HealthServer {
  server: Server;
  /** The port it listens on (the one asked for, or the one the system chose for 0). */
  port: number;
  close(): Promise<void>;
}

/**
 * Serve the handler on a port of its own (every mode: Slack Socket Mode has no HTTP server, and the
 * Teams endpoint has its own port). Anything else gets 404. Rejects when the port cannot be bound.
 */
export function startHealthServer(port: number, handler: HealthHandler, host?: string): Promise<HealthServer> {
  const server = createServer((req, res) => {
    if (!handler(req, res)) send(req, res, 404, 'text/plain; charset=utf-8', 'not found\n');
  });
  // Probes are short: do not let idle keep-alive sockets hold a stop.
  server.keepAliveTimeout = 5_000;
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve({
        server,
        port: (server.address() as AddressInfo).port,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}
