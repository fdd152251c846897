// `audit verify [--anchor <count>:<hash>]` and `audit head`.
// verify: the hash chain from the first row (a changed, deleted or cut-off row), every payment and
// approved/paid request against its audit rows (store/auditBinding.ts), and, given an anchor kept
// outside the database, that the chain still holds it (a chain cut short or rebuilt does not).
import { anchorText, auditHead, checkAnchor, parseAnchor, verifyAuditChain } from '../store/audit.js';
import { auditMismatches } from '../store/auditBinding.js';
import type { Options } from './args.js';
import type { CommandContext } from './context.js';
import { done, refused, say, type CliResult } from './output.js';
import * as text from './texts.js';

const WHY: Record<string, text.CliText> = {
  'row missing': text.why.rowMissing,
  'previous hash does not match': text.why.prevHash,
  'row was changed': text.why.changed,
};

export function auditVerifyCommand(ctx: CommandContext, o: Options): CliResult {
  const anchor = o.anchor === undefined ? null : parseAnchor(o.anchor);
  if (o.anchor !== undefined && anchor === null) return refused(text.anchorInvalid(o.anchor));
  const problems: text.CliText[] = [];
  // One read snapshot (a deferred transaction: the bot keeps writing meanwhile).
  const tx = ctx.store.db;
  const { chain, binding, anchored } = ctx.store.sqlite.transaction(() => ({
    chain: verifyAuditChain(tx),
    binding: auditMismatches(tx),
    anchored: anchor ? checkAnchor(tx, anchor) : null,
  }))();
  if (!chain.intact) {
    problems.push(text.auditBroken(chain.brokenAtId, WHY[chain.why] ?? { nl: chain.why, en: chain.why }));
  } else {
    // SQLite remembers the highest id it handed out; fewer rows means the last ones were removed.
    // (Someone with the file can lower that number too: the anchor is the check that holds.)
    const seq = ctx.store.sqlite.prepare("select seq from sqlite_sequence where name = 'audit_log'").get() as { seq: number } | undefined;
    if (seq && seq.seq > chain.rows) problems.push(text.auditBroken(chain.rows + 1, text.why.cutOff));
  }
  if (anchored && !anchored.held) {
    problems.push(anchored.why === 'truncated' ? text.anchorTruncated(anchor!.rows, anchored.rows) : text.anchorRewritten(anchor!.rows));
  }
  for (const m of binding.mismatches) problems.push(text.paymentMismatch(m.requestId, m.fields));
  if (problems.length > 0) return refused(problems[0]!, 1, ...problems.slice(1));
  const lines = [text.auditIntactWithPayments(chain.rows, binding.checked)];
  if (anchor) lines.push(text.anchorHeld(anchor.rows));
  return done(...lines);
}

export function auditHeadCommand(ctx: CommandContext): CliResult {
  const head = auditHead(ctx.store.db);
  return { exitCode: 0, output: `${anchorText(head)}\n${say(text.headExplained(head.rows))}` };
}
