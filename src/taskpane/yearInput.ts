// The fiscal year as staff type it in 設定 (令和6年度, R6, 2024年度), and as it comes back from a
// workbook's settings, which anyone may have edited.
import { parseFiscalYear } from "../core/layout/yearForms";
import { t } from "../i18n/taskpane";

/** Years kensho reads in a 年度 at all: 平成元年度 to 2200. */
const FIRST_YEAR = 1989;
const LAST_YEAR = 2200;

/** The year typed, or why it is not one; an empty field means "read it from the workbook". */
export function validateYearInput(text: string): { year: number | null; error?: string } {
  if (text.trim() === "") return { year: null };
  const year = parseFiscalYear(text);
  return year === null ? { year: null, error: t.year.invalid } : { year };
}

/** A saved year: a whole number in range, else none. */
export function sanitizeYear(value: unknown): number | null {
  return typeof value === "number" && Number.isInteger(value) && value >= FIRST_YEAR && value <= LAST_YEAR
    ? value
    : null;
}
