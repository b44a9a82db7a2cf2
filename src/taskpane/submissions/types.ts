// What 提出ファイルを取り込む hands between its on-demand chunk (reader, planner, report words) and the
// rest of the pane. Types only: importing this file pulls nothing into the pane's first load.
import type { CellLocation, MergeEdit, MergeWriteResult } from "../../adapters/excel/workbookHost";
import type { ConflictKind, MergePlan } from "../../core/cycle/merge";
import type { DepartmentSource } from "../../core/cycle/returnedDepartment";
import type { SheetGrid } from "../../core/model";

/** A picked file as the browser gives it (File): read only when its turn comes. */
export interface PickedFile {
  readonly name: string;
  readonly size: number;
  arrayBuffer(): Promise<ArrayBuffer>;
}

/** A file that could not take part, and why, in Japanese. */
export interface FileProblem {
  file: string;
  message: string;
}

export interface SubmissionsPlan {
  /** Why the open workbook cannot be merged into (no verification sheet); null when it can. */
  masterProblem: string | null;
  /** The files that took part, in the order picked. */
  files: string[];
  problems: FileProblem[];
  plan: MergePlan;
  /** The plan's applied cells, as the Office adapter writes them. */
  edits: MergeEdit[];
  /** Where each file's department came from (split's marker or its name); absent: unknown. */
  sources?: Record<string, DepartmentSource | null>;
}

/** One line of the report; with a cell, the pane offers to select it in the master. */
export interface ReportLine {
  text: string;
  cell?: CellLocation;
  /** What selecting does, for screen readers. */
  label?: string;
}

export interface ReportConflict {
  kind: ConflictKind;
  title: string;
  sources: string[];
  master: ReportLine | null;
  hint: string;
}

/**
 * The merge report in the CLI's words (src/i18n/cycle.ts), rendered inside the chunk so the
 * catalogue stays out of the first load. Every string is final; the pane only lays it out.
 */
export interface SubmissionsReport {
  headings: { conflicts: string };
  none: string;
  files: Array<{ file: string; text: string }>;
  problems: FileProblem[];
  applied: ReportLine[];
  conflicts: ReportConflict[];
  formulaCells: string[];
  unchanged: string;
  /** Files whose split marker names a department other than the rows they changed. */
  warnings: string[];
  missing: string;
  /** Rows and cells written into the open workbook. */
  writtenRows: number;
  writtenCells: number;
  /** 元に戻す has taken this merge back. */
  undone: boolean;
}

/** Workbooks read whole (last year's), with their split copy's department when they are one. */
export interface ReadWorkbooks {
  workbooks: Array<{ file: string; grids: SheetGrid[]; department: string | null }>;
  problems: FileProblem[];
}

export interface SubmissionsModule {
  planSubmissions(masterGrids: SheetGrid[], files: PickedFile[]): Promise<SubmissionsPlan>;
  /** Reads picked workbooks into grids, one at a time; a file that cannot be read is a problem. */
  readWorkbooks(files: PickedFile[]): Promise<ReadWorkbooks>;
  submissionsReport(planned: SubmissionsPlan, written: MergeWriteResult): SubmissionsReport;
}
