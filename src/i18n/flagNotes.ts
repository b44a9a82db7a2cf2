// The marks a check leaves in a workbook, worded: one flag per cell, the worst severity winning and
// every distinct message kept (core/flags). The pane and `kensho --annotate` mark cells alike.
import { mergeFlags, type CellFlag } from "../core/flags";
import type { Finding } from "../core/model";
import { renderFinding } from "./findings";
import { t } from "./taskpane";

export function flagsFromFindings(findings: readonly Finding[]): CellFlag[] {
  const flags: CellFlag[] = [];
  for (const f of findings) {
    // A finding about a whole sheet or workbook has no cell to mark.
    if (f.sheet === null || f.cell === null) continue;
    flags.push({ sheet: f.sheet, address: f.cell, severity: f.severity, message: renderFinding(f) });
  }
  return mergeFlags(flags, t.flags.joiner);
}
