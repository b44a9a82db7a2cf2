// Excel formula error literals, as a cell's value or its displayed text.
import { normalizeValueText } from "./normalize";

export const EXCEL_ERROR_CODES = [
  "#DIV/0!",
  "#N/A",
  "#VALUE!",
  "#REF!",
  "#NAME?",
  "#NUM!",
  "#NULL!",
  "#SPILL!",
  "#CALC!",
  "#GETTING_DATA",
  "#FIELD!",
  "#BUSY!",
  "#BLOCKED!",
  "#CONNECT!",
  "#UNKNOWN!",
] as const;
export type ExcelErrorCode = (typeof EXCEL_ERROR_CODES)[number];

const CODES: ReadonlySet<string> = new Set(EXCEL_ERROR_CODES);

/** The canonical error literal when `text` is one (full-width or lower case accepted), else null. */
export function excelErrorCode(text: string): ExcelErrorCode | null {
  // Every error literal starts with "#" (or its full-width form); most cells can skip normalising.
  if (!text.includes("#") && !text.includes("＃")) return null;
  const t = normalizeValueText(text).toUpperCase();
  return CODES.has(t) ? (t as ExcelErrorCode) : null;
}
