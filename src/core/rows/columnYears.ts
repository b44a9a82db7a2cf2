// The years a row's columns name in their headers (基準値 (令和元年度), 計画最終年度 目標値 (令和9年度),
// 令和4年度 実績値), and the ①②③ column's header: what the pace and the ①②③ rule read beside a row.
import type { HeaderBlock, SheetLayout, VerificationRow } from "../model";
import { parseFiscalYear } from "../layout/yearForms";

export interface ColumnYears {
  baseline: number | null;
  previous: number | null;
  actual: number | null;
  finalTarget: number | null;
  /** The ①②③ column's header as read ("" when the sheet has none). */
  activityHeader: string;
}

const cache = new WeakMap<HeaderBlock, ColumnYears>();

/** The block a row belongs to, and its columns' years (this year's and last year's from the sheet when unnamed). */
export function columnYears(layout: SheetLayout, row: VerificationRow): ColumnYears {
  const row0 = row.row - 1;
  const block =
    layout.blocks.find((b) => b.firstDataRow <= row0 && row0 <= b.lastDataRow) ?? layout.blocks[0];
  const sheetYear = layout.fiscalYear ? parseFiscalYear(layout.fiscalYear) : null;
  if (!block)
    return { baseline: null, previous: null, actual: sheetYear, finalTarget: null, activityHeader: "" };
  const known = cache.get(block);
  if (known) return known;
  const reading = (field: string) => block.readings.find((r) => r.field === field);
  const years: ColumnYears = {
    baseline: reading("baseline")?.year ?? null,
    previous: reading("previous")?.year ?? (sheetYear === null ? null : sheetYear - 1),
    actual: reading("actual")?.year ?? sheetYear,
    finalTarget: reading("finalTarget")?.year ?? null,
    activityHeader: reading("activity")?.header ?? "",
  };
  cache.set(block, years);
  return years;
}
