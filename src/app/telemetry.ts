// What the adapters and jobs report for monitoring. An interface here (the use cases import no
// metrics library); src/ops/metrics.ts implements it with prom-client, `noTelemetry` does nothing.
// Labels are codes and names only (platform, API method, error code, event kind): never ids of
// people, channels or requests, and never text someone typed.

import { PLATFORMS, type Platform } from '../core/platform.js';

export const TELEMETRY_PLATFORMS = PLATFORMS;
export type TelemetryPlatform = Platform;

/** What the start-up reconciliation did: requests checked, cards posted again, reactions added or removed, failures. */
export const RECONCILE_OUTCOMES = ['checked', 'card_posted', 'added', 'removed', 'failed'] as const;
export type ReconcileOutcome = (typeof RECONCILE_OUTCOMES)[number];

/** One monthly digest target: posted, failed (released, tried again next tick) or skipped (already claimed or done). */
export const DIGEST_OUTCOMES = ['posted', 'failed', 'skipped'] as const;
export type DigestOutcome = (typeof DIGEST_OUTCOMES)[number];

export interface Telemetry {
  /** A call to the platform's Web API failed: the method (e.g. `chat.update`) and its error code or HTTP status. */
  webApiError(platform: TelemetryPlatform, method: string, code: string | number): void;
  /** The reconciliation counted `count` of this outcome (default 1). */
  reconciled(outcome: ReconcileOutcome, count?: number): void;
  digestRun(outcome: DigestOutcome): void;
  /** An incoming event (reaction, button, form, command) took `seconds` from receipt to its answer. */
  eventHandled(platform: TelemetryPlatform, kind: string, seconds: number): void;
  /** An approval was stored (a person's ✅ that counts). */
  approvalCounted(platform: TelemetryPlatform): void;
}

export const noTelemetry: Telemetry = {
  webApiError: () => undefined,
  reconciled: () => undefined,
  digestRun: () => undefined,
  eventHandled: () => undefined,
  approvalCounted: () => undefined,
};

/** Run `fn` and report how long it took as `eventHandled`, also when it throws. */
export async function timeEvent<T>(telemetry: Telemetry, platform: TelemetryPlatform, kind: string, fn: () => Promise<T>): Promise<T> {
  const start = performance.now();
  try {
    return await fn();
  } finally {
    telemetry.eventHandled(platform, kind, (performance.now() - start) / 1000);
  }
}
