// Request forms already filed: the platform's form id names one submission.
import { and, eq } from 'drizzle-orm';
import type { Tx } from './db.js';
import { formSubmissions } from './schema.js';
import type { Platform } from './teams.js';

/** The request a form already filed, if any. */
export function requestOfForm(tx: Tx, platform: Platform, formId: string): number | undefined {
  return tx
    .select({ requestId: formSubmissions.requestId })
    .from(formSubmissions)
    .where(and(eq(formSubmissions.platform, platform), eq(formSubmissions.formId, formId)))
    .get()?.requestId;
}

export function recordForm(tx: Tx, platform: Platform, formId: string, requestId: number, at: Date): void {
  tx.insert(formSubmissions).values({ platform, formId, requestId, createdAt: at }).run();
}
