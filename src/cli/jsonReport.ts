import type { ProgressRule } from "../core/model";
import type { Outlook } from "../core/progress/pace";
import { OUTLOOK_LABELS, renderNoOutlook } from "../i18n/outlook";
import { summarise } from "../core/summary";
import { kpiLabel, renderFinding } from "../i18n/findings";
import type { FileResult } from "./checkFile";
import type { SkippedFile } from "./expandInputs";
import { CLI_TEXT } from "../i18n/cli";
import { stripControlsInData } from "./output/sanitize";
import { jsonPieces, LazyList, writePieces } from "./output/chunkedWriter";

const round4 = (n: number | null) => (n === null ? null : Math.round(n * 10000) / 10000);
/** Figures in the base unit, rounded so that floating-point noise does not show. */
const round6 = (n: number) => Math.round(n * 1e6) / 1e6;

/** 見通し as data: the judgement, each figure's projection and pace, the years, or why there is none. */
export function outlookJson(o: Outlook) {
  return {
    judgement: o.judgement,
    label: o.judgement ? OUTLOOK_LABELS[o.judgement] : null,
    projected: o.parts.map((p) => ({
      label: p.label || null,
      value: round6(p.projected),
      finalTarget: round6(p.finalTarget),
      perYear: round6(p.pace),
      meets: p.meets,
    })),
    unit: o.unit || null,
    years: o.years ? { baseline: o.years.baseline, actual: o.years.actual, final: o.years.final } : null,
    recent: o.recent
      ? {
          fromYear: o.recent.fromYear,
          projected: o.recent.parts.map((p) => ({
            label: p.label || null,
            value: round6(p.projected),
            perYear: round6(p.pace),
          })),
        }
      : null,
    reason: o.reason ? { code: o.reason.code, message: renderNoOutlook(o.reason) } : null,
  };
}

/** The --json contract of domain.md, version 1. */
export function jsonReport(results: FileResult[], rule: ProgressRule, skipped: SkippedFile[] = []) {
  const files = results.map((r) => ({
    file: r.file,
    ok: r.ok,
    error: r.error,
    fiscalYear: r.fiscalYear,
    // kensho's additions within version 1: a department's copy made by split is checked for its
    // own rows; `scope` says which, and how many rows of other departments were not checked.
    ...(r.scope
      ? { scope: { department: r.scope.department, from: r.scope.from, skippedRows: r.scope.skippedRows } }
      : {}),
    ...(r.marker
      ? {
          splitCopy: {
            department: r.marker.department,
            masterFile: r.marker.masterFile,
            fiscalYear: r.marker.fiscalYear || null,
          },
        }
      : {}),
    // Made as they are written: a 200,000-row file's rows never sit in memory as JSON all at once.
    rows: new LazyList(r.rows, (row) => ({
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
      // kensho's additions within version 1: 見通し, and with --previous the KPI's history.
      ...(row.outlook ? { outlook: outlookJson(row.outlook) } : {}),
      ...(row.history ? { history: row.history } : {}),
    })),
    findings: new LazyList(r.findings, (f) => ({
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
    // Files in a folder that were not checked, each with why; present only when there are some.
    ...(skipped.length > 0
      ? {
          skipped: skipped.map((s) => ({
            file: s.file,
            reason: s.reason,
            message: CLI_TEXT.skippedReasons[s.reason],
          })),
        }
      : {}),
    summary: {
      files: results.length,
      failedFiles: results.filter((r) => !r.ok).length,
      rows: results.reduce((n, r) => n + r.rows.length, 0),
      ...counts,
    },
  };
}

const dataOnly = (_key: string, value: unknown) =>
  typeof value === "string" ? stripControlsInData(value) : value;

/** The report as JSON text: every string as staff typed it, control characters removed. */
export function jsonText(report: unknown): string {
  return JSON.stringify(report, dataOnly, 2);
}

/** The same text as jsonText, written in pieces; `wait` lets a slow reader catch up between them. */
export async function writeJsonReport(
  report: unknown,
  write: (text: string) => void,
  wait: () => Promise<void> = async () => undefined,
): Promise<void> {
  const pieces = (function* () {
    yield* jsonPieces(report, dataOnly);
    yield "\n";
  })();
  await writePieces(pieces, write, wait);
}
