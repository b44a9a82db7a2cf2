// 見通し for every row of a check (core/progress/pace.ts has the rule). A step of its own: no finding
// depends on it, so the check does not pay for it; the front ends that show it (the CLI's reports,
// the summary, the pane) add it once, after the check.
import type { CheckedRow, Scale, WorkbookCheck } from "../model";
import { paceOutlook, type Outlook } from "./pace";
import { firstBehindLevel } from "./scale";

const ON_TRACK_WORDS: readonly string[] = ["順調に進捗", "概ね順調に進捗"];

/**
 * Whether this year's status (computed, else the entered one when it is a level) is on track:
 * 順調に進捗 or 概ね順調に進捗; on a city's scale, a level above the first that asks for a reason.
 */
function onTrackThisYear(row: CheckedRow, scale: Scale | null): boolean | null {
  const levels = scale ? scale.levels.map((l) => l.name) : ["順調に進捗", "概ね順調に進捗", "進捗の遅れ"];
  const status =
    row.computedStatus ?? (levels.includes(row.enteredStatus ?? "") ? (row.enteredStatus as string) : null);
  if (status === null) return null;
  if (!scale) return ON_TRACK_WORDS.includes(status);
  const at = levels.indexOf(status);
  const behind = levels.indexOf(firstBehindLevel(scale));
  return at >= 0 && (behind < 0 || at < behind);
}

/** 見通し of a row, with the earlier actuals known (this sheet's 前年度 column, last year's workbooks). */
export function outlookOf(row: CheckedRow, scale: Scale | null = null): Outlook {
  const years = row.paceYears;
  return paceOutlook({
    direction: row.direction,
    baseline: row.values.baseline,
    baselineYear: years?.baseline ?? null,
    actual: row.values.actual,
    actualYear: years?.actual ?? null,
    finalTarget: row.values.finalTarget,
    finalYear: years?.finalTarget ?? null,
    onTrackThisYear: onTrackThisYear(row, scale),
    earlier: [{ value: row.values.previous, year: years?.previous ?? null }, ...(row.earlierActuals ?? [])],
  });
}

/** Adds each row's 見通し (in place, as the check builds its rows) and returns the check. */
export function addOutlooks<T extends Pick<WorkbookCheck, "rows" | "scale">>(check: T): T {
  for (const row of check.rows) row.outlook = outlookOf(row, check.scale ?? null);
  return check;
}
