import { CLI_TEXT } from "../i18n/cli";
import { FILE_ERRORS, SEVERITY_LABELS, kpiLabel, renderFinding } from "../i18n/findings";
import { rowKey } from "../core/summary";
import type { FileResult } from "./checkFile";

/** RFC 4180 quoting; a leading = + - @ is neutralised so Excel never runs a cell as a formula. */
function field(value: string | number | null): string {
  let s = value === null ? "" : String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * Every finding of every file as CSV, for planning staff to sort and filter in Excel. Starts with a
 * UTF-8 BOM so that Excel on Japanese Windows opens it as UTF-8, not Shift_JIS.
 */
export function csvReport(results: FileResult[]): string {
  const lines = [CLI_TEXT.csvHeader.map(field).join(",")];
  for (const r of results) {
    if (!r.ok) {
      lines.push(
        [
          r.file,
          "",
          "",
          "",
          "",
          "",
          SEVERITY_LABELS.error,
          r.error?.code ?? "",
          r.error?.message ?? FILE_ERRORS["unreadable-file"].message,
        ]
          .map(field)
          .join(","),
      );
      continue;
    }
    const departments = new Map(r.rows.map((row) => [rowKey(row.sheet, row.row), row.department]));
    for (const f of r.findings) {
      const dept = departments.get(rowKey(f.sheet, f.row)) ?? null;
      const kpi = f.kpi === null ? null : kpiLabel(f.kpi);
      lines.push(
        [r.file, f.sheet, f.cell, f.row, kpi, dept, SEVERITY_LABELS[f.severity], f.code, renderFinding(f)]
          .map(field)
          .join(","),
      );
    }
  }
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}
