import { checkWorkbook, type WorkbookCheckOptions } from "../core/check";
import { addOutlooks } from "../core/progress/outlooks";
import { rowKey } from "../core/summary";
import { departmentName, mergedSpellings, type MergedSpellings } from "../core/departments";
import { displayText } from "../core/text";
import type { CheckedRow, FileErrorCode, Finding, ProgressRule, SheetGrid } from "../core/model";
import { DEFAULT_CHECK_OPTIONS } from "../core/model";
import { readWorkbookFile } from "../adapters/xlsx/readWorkbook";
import { WorkbookReadError } from "../adapters/xlsx/errors";
import { FILE_ERRORS, renderFileError } from "../i18n/findings";
import { CLI_TEXT } from "../i18n/cli";
import { unreadableMessage } from "../i18n/xlsx";
import { readSplitMarker, type SplitMarker } from "../core/cycle/splitMarker";

/**
 * A checked row as the reports need it: without its cells and parsed values, so that a 200,000-row
 * workbook's grids and per-cell structures can be released as soon as it is checked.
 */
export type ReportRow = Omit<CheckedRow, "cells" | "values"> & {
  /** The words staff wrote beside this year's figure (約, 速報値, ※変更後), for the report's row line. */
  actualRemark: string | null;
};

function* departmentCellTexts(rows: readonly CheckedRow[]): Generator<string> {
  for (const r of rows) {
    const cell = r.cells.department?.cell;
    if (cell) yield displayText(cell);
  }
}

function reportRow(row: CheckedRow): ReportRow {
  const { cells: _cells, values, ...rest } = row;
  return { ...rest, actualRemark: values.actual.remark };
}

export interface FileResult {
  file: string;
  ok: boolean;
  error: { code: FileErrorCode; message: string } | null;
  fiscalYear: string | null;
  sheetCount: number;
  rows: ReportRow[];
  /** The rows with their cells and values, kept only when asked for (the summary needs them). */
  detail: CheckedRow[] | null;
  findings: Finding[];
  /** What `kensho split` recorded in the file (a department's copy), or null. */
  marker: SplitMarker | null;
  /**
   * Set when the report covers one department only (a split copy checked without
   * --all-departments): its name and how many rows of other departments were not checked.
   */
  scope: { department: string; skippedRows: number; from: "split-marker" | "option" } | null;
  /** Last year's workbooks given that were not used for this file (not of an earlier year). */
  previousIgnored?: string[];
  /** The city scale's levels the rows were judged on, when not 伊勢崎's. */
  levels?: string[];
  /** Departments written in more than one spelling and read as one (the text report says so). */
  departmentSpellings?: MergedSpellings[];
}

function failed(file: string, code: FileErrorCode, message: string): FileResult {
  return {
    file,
    ok: false,
    error: { code, message },
    fiscalYear: null,
    sheetCount: 0,
    rows: [],
    detail: null,
    findings: [],
    marker: null,
    scope: null,
  };
}

/** What to tell the user when a workbook could not be read at all. */
export function readFailureMessage(err: unknown): string {
  return err instanceof WorkbookReadError
    ? unreadableMessage(err.reason, err.params)
    : FILE_ERRORS["unreadable-file"].message;
}

/** Reads and checks one workbook. Never throws: every failure becomes a file-level error. */
export async function checkFile(
  file: string,
  rule: ProgressRule,
  options: WorkbookCheckOptions = DEFAULT_CHECK_OPTIONS,
  keepDetail = false,
): Promise<FileResult> {
  let grids: SheetGrid[] | undefined;
  let marker: SplitMarker | null = null;
  try {
    grids = await readWorkbookFile(file, { onCustomProperties: (p) => (marker = readSplitMarker(p)) });
  } catch (err) {
    return failed(file, "unreadable-file", readFailureMessage(err));
  }
  try {
    // The 見通し is shown in every report: added once, after the check.
    const check = addOutlooks(checkWorkbook(grids, rule, options));
    grids = undefined; // the rows keep the cells they use; let the rest of the grids go
    if (check.fileError) return failed(file, check.fileError.code, renderFileError(check.fileError));
    return {
      file,
      ok: true,
      error: null,
      fiscalYear: check.fiscalYear,
      sheetCount: check.sheets.length,
      rows: check.rows.map(reportRow),
      detail: keepDetail ? check.rows : null,
      findings: check.findings,
      marker,
      scope: null,
      ...(check.previousIgnored?.length ? { previousIgnored: check.previousIgnored } : {}),
      ...(check.scale ? { levels: check.scale.levels.map((l) => l.name) } : {}),
      departmentSpellings: mergedSpellings(departmentCellTexts(check.rows)),
    };
  } catch (err) {
    // A bug in the engine must not take the other files down with it, nor hide behind "unreadable".
    return failed(
      file,
      "unreadable-file",
      CLI_TEXT.internalError(err instanceof Error ? err.message : String(err)),
    );
  }
}

/** Keeps only one department's rows and the findings on them. */
export function filterByDepartment(
  result: FileResult,
  department: string | null,
  from: "split-marker" | "option" = "option",
): FileResult {
  if (!department || !result.ok) return result;
  const wanted = departmentName(department);
  const rows = result.rows.filter((r) => r.department !== null && r.department === wanted);
  const keys = new Set(rows.map((r) => rowKey(r.sheet, r.row)));
  const detail = result.detail?.filter((r) => keys.has(rowKey(r.sheet, r.row))) ?? null;
  return {
    ...result,
    rows,
    detail,
    findings: result.findings.filter((f) => keys.has(rowKey(f.sheet, f.row))),
    scope: { department, skippedRows: result.rows.length - rows.length, from },
  };
}

/**
 * A department's copy made by `kensho split` is checked for that department only: the rows its
 * staff can edit. A marker naming a department the file has no rows of, or made for another
 * fiscal year (a copy rolled over to the next year), scopes nothing.
 */
export function scopeToMarker(result: FileResult): FileResult {
  const d = result.marker?.department;
  if (!d || !result.ok) return result;
  const year = result.marker?.fiscalYear ?? "";
  if (year !== "" && result.fiscalYear !== null && year !== result.fiscalYear) return result;
  const wanted = departmentName(d);
  const own = wanted !== null && result.rows.some((r) => r.department === wanted);
  return own ? filterByDepartment(result, wanted, "split-marker") : result;
}
