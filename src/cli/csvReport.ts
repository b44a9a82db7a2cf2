import { CLI_TEXT } from "../i18n/cli";
import { SEVERITY_LABELS } from "../i18n/findings";
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
        [r.file, "", "", "", "", "", SEVERITY_LABELS.error, r.error?.code ?? "", r.error?.message ?? ""]
          .map(field)
          .join(","),
      );
      continue;
    }
    const departments = new Map(r.rows.map((row) => [`${row.sheet}\u0000${row.row}`, row.department]));
    for (const f of r.findings) {
      const dept = departments.get(`${f.sheet}\u0000${f.row}`) ?? null;
      lines.push(
        [r.file, f.sheet, f.cell, f.row, f.kpi, dept, SEVERITY_LABELS[f.severity], f.code, f.message]
          .map(field)
          .join(","),
      );
    }
  }
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}
