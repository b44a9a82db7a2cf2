// What a rollover plan is made of: the sheets it reads, its options, and the cells, rows and change
// log it plans. Shared by the planner (rollover.ts) and its parts.
import type { FieldKey, SheetGrid, SheetLayout, VerificationRow } from "../model";
import type { KpiMasterEntry } from "../master/kpiMaster";
import type { PlannedValue } from "./cellValues";

export type TargetPolicy = "blank" | "keep" | "linear";
export const TARGET_POLICIES: readonly TargetPolicy[] = ["blank", "keep", "linear"];

export interface RolloverSheet {
  grid: SheetGrid;
  layout: SheetLayout;
  rows: VerificationRow[];
}

export interface RolloverOptions {
  /** Gregorian fiscal years: this year's sheet and the new one (from + 1). */
  from: number;
  to: number;
  targets: TargetPolicy;
  master: readonly KpiMasterEntry[];
}

export interface PlannedCell {
  sheet: string;
  /** 0-based, original coordinates. */
  row: number;
  col: number;
  value: PlannedValue;
  /** Give the cell the number format of this cell (same sheet, original coordinates). */
  numberFormatFrom?: { row: number; col: number };
}

export interface PlannedRow {
  sheet: string;
  /** Inserted after this 0-based original row, formatted like it. */
  after: number;
  cells: Array<{ col: number; value: PlannedValue }>;
}

export type ChangeCode =
  | "year-label"
  | "previous-from-actual"
  | "entry-cleared"
  | "target-cleared"
  | "target-linear"
  | "target-not-computed"
  | "kpi-replaced"
  | "kpi-added"
  | "kpi-not-in-force"
  | "kpi-not-added";

export interface ChangeLogEntry {
  sheet: string;
  /** 1-based row in the new workbook; null for a change not on a row. */
  row: number | null;
  cell: string | null;
  kpi: string | null;
  code: ChangeCode;
  /** Facts the edges render: old and new text, the field, the reason. */
  params: {
    field?: FieldKey;
    before?: string;
    after?: string;
    reason?: string;
    name?: string;
    department?: string;
    departmentInherited?: boolean;
  };
}

export interface RolloverPlan {
  from: number;
  to: number;
  cells: PlannedCell[];
  insertions: PlannedRow[];
  log: ChangeLogEntry[];
}
