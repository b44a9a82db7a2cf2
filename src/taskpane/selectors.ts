// Pure views of a check for the pane: what to flag, which rows and findings a filter shows, counts.
import type { CheckedRow, Finding, Severity, WorkbookCheck } from "../core/model";
import { rowKey, summarise } from "../core/summary";
import { departmentName } from "../core/departments";
import type { SplitMarker } from "../core/cycle/splitMarker";

export { flagsFromFindings } from "../i18n/flagNotes";

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

/** The check's spelling of a split copy's department, or null when the copy has none of its rows. */
export function copyDepartment(check: WorkbookCheck, marker: SplitMarker): string | null {
  // A copy rolled over to another year is no longer that year's copy.
  if (marker.fiscalYear !== "" && check.fiscalYear !== null && marker.fiscalYear !== check.fiscalYear)
    return null;
  const name = departmentName(marker.department);
  return name !== null && check.rows.some((r) => r.department === name) ? name : null;
}

/** On a split copy shown for its own department: the department and how many other rows there are. */
export function copyScope(
  check: WorkbookCheck | null,
  marker: SplitMarker | null,
  filter: string | null,
): { department: string; otherRows: number } | null {
  if (!check || !marker || filter === null) return null;
  const department = copyDepartment(check, marker);
  if (department === null || department !== filter) return null;
  return { department, otherRows: check.rows.filter((r) => r.department !== department).length };
}
