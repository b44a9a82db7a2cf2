import type { CheckedRow, Finding, Severity } from "../core/model";
import { CLI_TEXT } from "../i18n/cli";
import { DIRECTION_LABELS, FILE_ERRORS, SEVERITY_LABELS, formatRate } from "../i18n/findings";
import type { FileResult } from "./checkFile";

function countBy(findings: Finding[]): Record<Severity, number> {
  const c: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) c[f.severity]++;
  return c;
}

const countsText = (f: Finding[]) => {
  const c = countBy(f);
  return CLI_TEXT.counts(c.error, c.warning, c.info);
};

const rowKey = (sheet: string, row: number) => `${sheet}\u0000${row}`;

function rowLine(row: CheckedRow): string {
  const rate = row.achievement === null ? CLI_TEXT.noValue : formatRate(row.achievement);
  const where = CLI_TEXT.where(row.sheet, row.row) + (row.hidden ? CLI_TEXT.hiddenMark : "");
  const direction = row.direction
    ? CLI_TEXT.direction(DIRECTION_LABELS[row.direction], row.directionSource === "inferred")
    : CLI_TEXT.noValue;
  return CLI_TEXT.rowLine(
    where,
    row.name,
    direction,
    rate,
    row.enteredStatus ?? CLI_TEXT.noValue,
    row.computedStatus ?? CLI_TEXT.noValue,
  );
}

/** One file's report: overview, then every row grouped by 担当課 with the findings under each row. */
export function fileReport(result: FileResult, department: string | null): string {
  const lines = [CLI_TEXT.reportTitle(result.file)];
  if (!result.ok) {
    const code = result.error?.code ?? "unreadable-file";
    lines.push(
      CLI_TEXT.fileFailed(FILE_ERRORS[code].title, result.error?.message ?? FILE_ERRORS[code].message),
    );
    return lines.join("\n");
  }
  const goals = result.rows.filter((r) => r.kind === "数値目標").length;
  lines.push(
    CLI_TEXT.overview(
      result.fiscalYear,
      result.sheetCount,
      result.rows.length,
      goals,
      result.rows.length - goals,
    ),
  );
  lines.push(`  ${countsText(result.findings)}`);
  const computed = result.rows.filter((r) => r.computedStatus !== null);
  const same = computed.filter((r) => r.enteredStatus === r.computedStatus).length;
  lines.push(CLI_TEXT.statusOverview(same, computed.length - same, result.rows.length - computed.length));
  if (department && result.rows.length === 0) lines.push(CLI_TEXT.noRowsForDepartment(department));

  const findingsByRow = new Map<string, Finding[]>();
  for (const f of result.findings) {
    const k = rowKey(f.sheet, f.row);
    findingsByRow.set(k, [...(findingsByRow.get(k) ?? []), f]);
  }
  const departments = new Map<string, CheckedRow[]>();
  for (const row of result.rows) {
    const d = row.department ?? CLI_TEXT.noDepartment;
    departments.set(d, [...(departments.get(d) ?? []), row]);
  }
  for (const [dept, rows] of departments) {
    const deptFindings = rows.flatMap((r) => findingsByRow.get(rowKey(r.sheet, r.row)) ?? []);
    lines.push("", CLI_TEXT.departmentHeading(dept, rows.length, countsText(deptFindings)));
    for (const row of rows) {
      lines.push(rowLine(row));
      for (const f of findingsByRow.get(rowKey(row.sheet, row.row)) ?? []) {
        lines.push(CLI_TEXT.findingLine(SEVERITY_LABELS[f.severity], f.cell, f.message));
      }
    }
  }
  return lines.join("\n");
}

export function totalsLine(results: FileResult[]): string {
  const rows = results.reduce((n, r) => n + r.rows.length, 0);
  const failed = results.filter((r) => !r.ok).length;
  return CLI_TEXT.totals(results.length, failed, rows, countsText(results.flatMap((r) => r.findings)));
}
