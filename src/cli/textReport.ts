import type { Finding } from "../core/model";
import { rowKey, summarise } from "../core/summary";
import { CLI_TEXT } from "../i18n/cli";
import {
  DIRECTION_LABELS,
  FILE_ERRORS,
  SEVERITY_LABELS,
  formatRate,
  kpiLabel,
  renderFinding,
} from "../i18n/findings";
import type { FileResult, ReportRow } from "./checkFile";
import type { SkippedFile } from "./expandInputs";
import { stripControls } from "./output/sanitize";
import { writePieces } from "./output/chunkedWriter";

const countsText = (f: Finding[]) => {
  const c = summarise(f);
  return CLI_TEXT.counts(c.errors, c.warnings, c.infos);
};

function rowLine(row: ReportRow): string {
  const rate = row.achievement === null ? CLI_TEXT.noValue : formatRate(row.achievement);
  const where = CLI_TEXT.where(row.sheet, row.row) + (row.hidden ? CLI_TEXT.hiddenMark : "");
  const direction = row.direction
    ? CLI_TEXT.direction(DIRECTION_LABELS[row.direction], row.directionSource === "inferred")
    : CLI_TEXT.noValue;
  const remark = row.actualRemark;
  return (
    CLI_TEXT.rowLine(
      where,
      kpiLabel(row.name),
      direction,
      rate,
      row.enteredStatus ?? CLI_TEXT.noValue,
      row.computedStatus ?? CLI_TEXT.noValue,
    ) + (remark ? CLI_TEXT.actualRemark(remark) : "")
  );
}

/** One file's report: overview, then every row grouped by 担当課 with the findings under each row. */
export function fileReport(result: FileResult, department: string | null): string {
  return stripControls([...reportLines(result, department)].join("\n"));
}

/**
 * The same text as fileReport, written in pieces of about 64 KB; `wait` lets a slow reader (a pipe)
 * catch up, so that a 200,000-row report is never held in memory, as one string or as a queue.
 */
export async function writeFileReport(
  result: FileResult,
  department: string | null,
  write: (text: string) => void,
  wait: () => Promise<void> = async () => undefined,
): Promise<void> {
  let first = true;
  const joined = (function* () {
    for (const line of reportLines(result, department)) {
      yield first ? line : `\n${line}`;
      first = false;
    }
  })();
  await writePieces(joined, (text) => write(stripControls(text)), wait);
}

const lines = function* (...items: string[]): Generator<string> {
  yield* items;
};

function* reportLines(result: FileResult, department: string | null): Generator<string> {
  yield* lines(CLI_TEXT.reportTitle(result.file));
  if (!result.ok) {
    const code = result.error?.code ?? "unreadable-file";
    yield* lines(
      CLI_TEXT.fileFailed(FILE_ERRORS[code].title, result.error?.message ?? FILE_ERRORS[code].message),
    );
    return;
  }
  const goals = result.rows.filter((r) => r.kind === "数値目標").length;
  yield* lines(
    CLI_TEXT.overview(
      result.fiscalYear,
      result.sheetCount,
      result.rows.length,
      goals,
      result.rows.length - goals,
    ),
  );
  yield* lines(`  ${countsText(result.findings)}`);
  const computed = result.rows.filter((r) => r.computedStatus !== null);
  const same = computed.filter((r) => r.enteredStatus === r.computedStatus).length;
  yield* lines(CLI_TEXT.statusOverview(same, computed.length - same, result.rows.length - computed.length));
  if (department && result.rows.length === 0) yield* lines(CLI_TEXT.noRowsForDepartment(department));

  const fileLevel = result.findings.filter((f) => f.row === null);
  if (fileLevel.length > 0) yield* lines("", CLI_TEXT.fileFindingsHeading);
  for (const f of fileLevel) {
    const where = f.sheet === null ? CLI_TEXT.wholeWorkbook : f.sheet;
    yield* lines(CLI_TEXT.findingLine(SEVERITY_LABELS[f.severity], where, renderFinding(f)));
  }

  const findingsByRow = new Map<string, Finding[]>();
  for (const f of result.findings) {
    if (f.row === null) continue;
    const k = rowKey(f.sheet, f.row);
    const list = findingsByRow.get(k);
    if (list) list.push(f);
    else findingsByRow.set(k, [f]);
  }
  for (const m of result.departmentSpellings ?? [])
    if (result.rows.some((r) => r.department === m.department))
      yield* lines(CLI_TEXT.departmentSpellings(m.department, m.spellings));
  const departments = new Map<string, ReportRow[]>();
  for (const row of result.rows) {
    const d = row.department ?? CLI_TEXT.noDepartment;
    const list = departments.get(d);
    if (list) list.push(row);
    else departments.set(d, [row]);
  }
  for (const [dept, rows] of departments) {
    const deptFindings = rows.flatMap((r) => findingsByRow.get(rowKey(r.sheet, r.row)) ?? []);
    yield* lines("", CLI_TEXT.departmentHeading(dept, rows.length, countsText(deptFindings)));
    for (const row of rows) {
      yield* lines(rowLine(row));
      for (const f of findingsByRow.get(rowKey(row.sheet, row.row)) ?? []) {
        yield* lines(CLI_TEXT.findingLine(SEVERITY_LABELS[f.severity], f.cell ?? "", renderFinding(f)));
      }
    }
  }
}

/** The files of a folder that were not checked, each with why. */
export function skippedReport(skipped: SkippedFile[]): string {
  const lines: string[] = [CLI_TEXT.skippedHeading];
  for (const s of skipped) lines.push(CLI_TEXT.skippedLine(s.file, CLI_TEXT.skippedReasons[s.reason]));
  return stripControls(lines.join("\n"));
}

export function totalsLine(results: FileResult[]): string {
  const rows = results.reduce((n, r) => n + r.rows.length, 0);
  const failed = results.filter((r) => !r.ok).length;
  return stripControls(
    CLI_TEXT.totals(results.length, failed, rows, countsText(results.flatMap((r) => r.findings))),
  );
}
