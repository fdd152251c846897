// `audit verify`: walk the hash chain; also notice rows cut off at the end (SQLite remembers the
// highest id it ever handed out for an AUTOINCREMENT table).
import { cli } from '../core/messages.js';
import { verifyAuditChain } from '../store/audit.js';
import type { Store } from '../store/db.js';
import { done, refused, type CliResult } from './output.js';

const WHY: Record<string, { nl: string; en: string }> = {
  'row missing': { nl: 'regel ontbreekt (verwijderd)', en: 'row missing (deleted)' },
  'previous hash does not match': { nl: 'vorige hash klopt niet', en: 'previous hash does not match' },
  'row was changed': { nl: 'regel is gewijzigd', en: 'row was changed' },
  'rows removed at the end': { nl: 'laatste regel(s) verwijderd', en: 'last row(s) removed' },
};

export function auditVerifyCommand(store: Store): CliResult {
  const verdict = verifyAuditChain(store.db);
  if (!verdict.intact) {
    const why = WHY[verdict.why] ?? { nl: verdict.why, en: verdict.why };
    return refused(cli.auditBroken(verdict.brokenAtId, why.nl, why.en), 1);
  }
  const seq = store.sqlite.prepare("select seq from sqlite_sequence where name = 'audit_log'").get() as { seq: number } | undefined;
  if (seq && seq.seq > verdict.rows) {
    const why = WHY['rows removed at the end']!;
    return refused(cli.auditBroken(verdict.rows + 1, why.nl, why.en), 1);
  }
  return done(cli.auditIntact(verdict.rows));
}
