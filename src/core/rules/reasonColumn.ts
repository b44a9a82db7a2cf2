// A sheet with no column for the reason of a delay (and no block text or profile column standing in
// for one) cannot have its reasons checked: it says so once, rather than passing in silence.
import type { CheckedRow, Finding, SheetLayout } from "../model";
import { FINDING_SEVERITY } from "../model";
import { needsReason, type RuleContext } from "./rowRules";

/** One info for the sheet when reasons were not checked although some row is behind. */
export function reasonsNotChecked(layout: SheetLayout, rows: CheckedRow[], ctx: RuleContext): Finding | null {
  if (layout.blocks.some((b) => b.columns.reason !== undefined)) return null;
  let behind = 0;
  for (const r of rows) {
    if (r.cells.comment) continue;
    // Behind as entered or as computed: either way a reason would have been asked for.
    if (needsReason(r.enteredStatus, ctx.scale) || needsReason(r.computedStatus, ctx.scale)) behind++;
  }
  if (behind === 0) return null;
  return {
    code: "reasons-not-checked",
    severity: FINDING_SEVERITY["reasons-not-checked"],
    sheet: layout.sheet,
    cell: null,
    row: null,
    kpi: null,
    params: { rows: behind },
  };
}
