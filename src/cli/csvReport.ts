import { CLI_TEXT } from "../i18n/cli";
import { FILE_ERRORS, SEVERITY_LABELS, kpiLabel, renderFinding } from "../i18n/findings";
import { rowKey } from "../core/summary";
import type { FileResult } from "./checkFile";
import type { SkippedFile } from "./expandInputs";
import { csvDocument, csvField as field } from "./output/csv";

/**
 * Every finding of every file as CSV, for planning staff to sort and filter in Excel. Starts with a
 * UTF-8 BOM so that Excel on Japanese Windows opens it as UTF-8, not Shift_JIS.
 */
export function csvReport(results: FileResult[], skipped: SkippedFile[] = []): string {
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
  for (const s of skipped) {
    lines.push(
      [
        s.file,
        "",
        "",
        "",
        "",
        "",
        SEVERITY_LABELS.info,
        `skipped:${s.reason}`,
        CLI_TEXT.skippedReasons[s.reason],
      ]
        .map(field)
        .join(","),
    );
  }
  return csvDocument(lines);
}
