// `kensho profile init`: a profile drafted from a workbook by the same recognition that reads it, so
// that the draft, unedited, reads the workbook the same way. It pins each field kensho found to the
// words that gave it (years stay with the year logic: 実績値 and 目標値 are told apart by their
// years), names the year and the scale, and lists every column as read for the planner to check.
import type { FieldKey, LayoutProfile, ProfileField, WorkbookCheck } from "../model";
import { columnName } from "../layout/assignColumns";
import { meaningWords } from "../layout/headerLabels";
import { labelKey } from "../text";

/** Fields whose column is decided by its year against the sheet's: left to that logic. */
const BY_YEAR: ReadonlySet<FieldKey> = new Set(["actual", "previous", "target", "finalTarget"]);

export interface DraftReading {
  sheet: string;
  column: string;
  heading: string;
  field: FieldKey | null;
  /** The words of the heading that gave the field. */
  words: string | null;
  basis: string;
}

export type ProfileDraft = LayoutProfile & { readings: DraftReading[] };

export function draftProfile(check: WorkbookCheck, name: string): ProfileDraft {
  const fields: Partial<Record<FieldKey, ProfileField>> = {};
  const readings: DraftReading[] = [];
  let reasonColumn: ProfileField | undefined;
  for (const sheet of check.sheets) {
    for (const block of sheet.blocks) {
      for (const r of block.readings) {
        const words = r.header === "" ? null : meaningWords(r.header);
        readings.push({
          sheet: sheet.sheet,
          column: columnName(r.cols),
          heading: r.header,
          field: r.field,
          words,
          basis: r.basis,
        });
        if (r.field === null || BY_YEAR.has(r.field) || r.basis !== "label" || words === null) continue;
        // The recognised words, once per field: the same headings read the same way.
        const known = (fields[r.field] ??= { headings: [] });
        if (!known.headings!.some((h) => labelKey(h) === labelKey(words))) known.headings!.push(words);
      }
    }
  }
  if (!check.sheets.some((s) => s.blocks.some((b) => b.columns.reason))) reasonColumn = undefined;
  const draft: ProfileDraft = {
    version: 1,
    name,
    fields,
    // The year found, for the planner to see; not pinned (next year's sheet names its own).
    ...(check.fiscalYear ? { yearFound: check.fiscalYear } : {}),
    scale: check.scale ? (check.scale.id === "custom" ? check.scale : check.scale.id) : "isesaki",
    ...(reasonColumn ? { reasonColumn } : {}),
    readings,
  };
  return draft;
}
