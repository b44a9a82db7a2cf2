// 見通し for every row of a check (core/progress/pace.ts has the rule). A step of its own: no finding
// depends on it, so the check does not pay for it; the front ends that show it (the CLI's reports,
// the summary, the pane) add it once, after the check.
import type { CheckedRow, StatusWord, WorkbookCheck } from "../model";
import { STATUS_WORDS } from "../model";
import { paceOutlook, type Outlook } from "./pace";

/** This year's status for the outlook: computed, else the entered word when it is one of the three. */
function statusOf(row: CheckedRow): StatusWord | null {
  if (row.computedStatus) return row.computedStatus;
  return (STATUS_WORDS as readonly string[]).includes(row.enteredStatus ?? "")
    ? (row.enteredStatus as StatusWord)
    : null;
}

/** 見通し of a row, with the earlier actuals known (this sheet's 前年度 column, last year's workbooks). */
export function outlookOf(row: CheckedRow): Outlook {
  const years = row.columnYears;
  return paceOutlook({
    direction: row.direction,
    baseline: row.values.baseline,
    baselineYear: years?.baseline ?? null,
    actual: row.values.actual,
    actualYear: years?.actual ?? null,
    finalTarget: row.values.finalTarget,
    finalYear: years?.finalTarget ?? null,
    status: statusOf(row),
    earlier: [{ value: row.values.previous, year: years?.previous ?? null }, ...(row.earlierActuals ?? [])],
  });
}

/** Adds each row's 見通し (in place, as the check builds its rows) and returns the check. */
export function addOutlooks<T extends Pick<WorkbookCheck, "rows">>(check: T): T {
  for (const row of check.rows) row.outlook = outlookOf(row);
  return check;
}
