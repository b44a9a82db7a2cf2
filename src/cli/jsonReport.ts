import type { ProgressRule } from "../core/model";
import { summarise } from "../core/summary";
import { kpiLabel, renderFinding } from "../i18n/findings";
import type { FileResult } from "./checkFile";

const round4 = (n: number | null) => (n === null ? null : Math.round(n * 10000) / 10000);

/** The --json contract of domain.md, version 1. */
export function jsonReport(results: FileResult[], rule: ProgressRule) {
  const files = results.map((r) => ({
    file: r.file,
    ok: r.ok,
    error: r.error,
    fiscalYear: r.fiscalYear,
    rows: r.rows.map((row) => ({
      sheet: row.sheet,
      row: row.row,
      kind: row.kind,
      goal: row.goal,
      subGoal: row.subGoal,
      measure: row.measure,
      name: kpiLabel(row.name),
      department: row.department,
      direction: row.direction,
      achievement: round4(row.achievement),
      enteredStatus: row.enteredStatus,
      computedStatus: row.computedStatus,
    })),
    findings: r.findings.map((f) => ({
      code: f.code,
      severity: f.severity,
      sheet: f.sheet,
      cell: f.cell,
      row: f.row,
      kpi: f.kpi === null ? null : kpiLabel(f.kpi),
      message: renderFinding(f),
    })),
  }));
  const counts = summarise(results.flatMap((r) => r.findings));
  return {
    version: 1,
    rule: { onTrack: rule.onTrack, nearlyOnTrack: rule.nearlyOnTrack },
    files,
    summary: {
      files: results.length,
      failedFiles: results.filter((r) => !r.ok).length,
      rows: results.reduce((n, r) => n + r.rows.length, 0),
      ...counts,
    },
  };
}
