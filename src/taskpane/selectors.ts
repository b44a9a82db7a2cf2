// Pure views of a check for the pane: what to flag, which rows and findings a filter shows, counts.
import { mergeFlags, type CellFlag } from "../core/flags";
import type { CheckedRow, Finding, Severity, WorkbookCheck } from "../core/model";
import { rowKey, summarise } from "../core/summary";
import { renderFinding } from "../i18n/findings";
import { t } from "../i18n/taskpane";

/** One flag per cell: the worst severity wins and every distinct message is kept (core/flags). */
export function flagsFromFindings(findings: Finding[]): CellFlag[] {
  const flags: CellFlag[] = [];
  for (const f of findings) {
    // A finding about a whole sheet or workbook has no cell to mark.
    if (f.sheet === null || f.cell === null) continue;
    flags.push({ sheet: f.sheet, address: f.cell, severity: f.severity, message: renderFinding(f) });
  }
  return mergeFlags(flags, t.flags.joiner);
}

/** A status that differs from what the rule computes, and that kensho could write. */
export function isDiffering(row: CheckedRow): boolean {
  if (!row.computedStatus || !row.cells.status) return false;
  return (row.enteredStatus ?? "").trim() !== row.computedStatus;
}

export function departmentsOf(check: WorkbookCheck | null): string[] {
  if (!check) return [];
  const set = new Set<string>();
  for (const r of check.rows) if (r.department) set.add(r.department);
  return [...set].sort((a, b) => a.localeCompare(b, "ja"));
}

export function rowsInFilter(check: WorkbookCheck | null, department: string | null): CheckedRow[] {
  if (!check) return [];
  return department === null ? check.rows : check.rows.filter((r) => r.department === department);
}

/** Findings on rows of the chosen department; with no filter, all of them. */
export function findingsInFilter(check: WorkbookCheck | null, department: string | null): Finding[] {
  if (!check) return [];
  if (department === null) return check.findings;
  const rows = new Set(rowsInFilter(check, department).map((r) => rowKey(r.sheet, r.row)));
  return check.findings.filter((f) => rows.has(rowKey(f.sheet, f.row)));
}

export function countBySeverity(findings: Finding[]): Record<Severity, number> {
  const c = summarise(findings);
  return { error: c.errors, warning: c.warnings, info: c.infos };
}
