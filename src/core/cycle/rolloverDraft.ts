// The rollover plan as it is being made: the cells to write, the rows to insert, and the change log
// in original coordinates until the plan is finished.
import type { PlannedValue } from "./cellValues";
import type { ChangeLogEntry, PlannedCell, PlannedRow, RolloverPlan } from "./rolloverTypes";

/** A log entry at its 0-based row in this year's sheet (null for a change not on a row). */
export type DraftEntry = Omit<ChangeLogEntry, "row"> & { row0: number | null };

export class RolloverDraft {
  readonly cells: PlannedCell[] = [];
  readonly insertions: PlannedRow[] = [];
  private readonly log: DraftEntry[] = [];

  set(sheet: string, row: number, col: number, value: PlannedValue, extra: Partial<PlannedCell> = {}): void {
    this.cells.push({ sheet, row, col, value, ...extra });
  }

  note(entry: DraftEntry): void {
    this.log.push(entry);
  }

  /** The plan's cells, insertions and log, each entry's row and cell as they are in the new workbook. */
  finish(): Pick<RolloverPlan, "cells" | "insertions" | "log"> {
    const finalRow = (sheet: string, row0: number, inserted: boolean): number => {
      const above = this.insertions.filter(
        (i) => i.sheet === sheet && (i.after < row0 || (inserted && i.after === row0)),
      ).length;
      return row0 + above + 1;
    };
    const log: ChangeLogEntry[] = this.log.map(({ row0, ...e }) => {
      if (row0 === null) return { ...e, row: null };
      const inserted = e.code === "kpi-added";
      const row = finalRow(e.sheet, row0, inserted);
      const cell = e.cell ? e.cell.replace(/\d+$/, String(row)) : null;
      return { ...e, row, cell };
    });
    return { cells: this.cells, insertions: this.insertions, log };
  }
}
