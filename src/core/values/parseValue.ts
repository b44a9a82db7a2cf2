// The entry point: one cell to one ParsedValue. Pure: no Office, DOM or Node APIs.
import type { ParsedValue, RawCell } from "../model";
import { serialToDateText } from "./dates";
import { scaleNumber } from "./decimal";
import { excelErrorCode } from "./excelErrors";
import { formatReading, formatTail, strictFormatTail } from "./formatReading";
import { normalizeValueText } from "./normalize";
import { emptyValue, parseValueText } from "./parseText";
import { memoByCell } from "./valueCache";

/** Relative gap allowed between a number and its displayed text when borrowing the text's unit. */
const DISPLAY_TOLERANCE = 0.005;

/** The text staff see: the displayed text, else the raw value written out. */
function rawText(cell: RawCell): string {
  if (typeof cell.text === "string" && cell.text !== "") return cell.text;
  const v = cell.value;
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (typeof v === "number" || typeof v === "string") return String(v);
  return "";
}

/**
 * A typed number is exact, so prefer it; the format supplies percent and thousands scaling and the
 * literal suffix (unit, multiplier, period). A date format means Excel made the number a date: no
 * figure is left, only what Excel shows. The text format falls back to the text.
 */
function parseNumberCell(value: number, cell: RawCell, raw: string): ParsedValue {
  const reading = formatReading(cell.format, value);
  const format = reading.info;
  if (format.isDate) {
    const shown =
      typeof cell.text === "string" && cell.text.trim() !== "" ? cell.text : serialToDateText(value);
    const date = emptyValue(shown);
    date.kind = "date";
    return date;
  }
  if (format.isText) return parseValueText(normalizeValueText(raw), raw);
  // `base` is this call's own fresh value: it is filled in, not copied.
  const base = emptyValue(raw);
  if (!Number.isFinite(value)) {
    base.kind = "invalid";
    return base;
  }

  let pow10 = 2 * format.percent - 3 * format.thousandsScale;
  let unit: string | null = format.percent > 0 ? "%" : null;
  let period = null;
  let remark = null;
  let scale = 0;
  const tail = formatTail(reading);
  if (tail) {
    pow10 += tail.pow10;
    scale = tail.pow10;
    unit = tail.unit ?? unit;
    period = tail.period;
    remark = tail.remark;
  }
  const number = scaleNumber(value, pow10);
  if (!Number.isFinite(number)) {
    base.kind = "invalid"; // 1e307 under "0%"
    return base;
  }

  // A format we could not read (or a host that reports "General"): borrow the unit from the text
  // when it shows the same number.
  if (
    unit === null &&
    period === null &&
    remark === null &&
    typeof cell.text === "string" &&
    cell.text !== ""
  ) {
    const shown = parseValueText(normalizeValueText(cell.text), raw);
    const close =
      shown.kind === "number" &&
      shown.number !== null &&
      Math.abs(shown.number - number) <=
        DISPLAY_TOLERANCE * Math.max(Math.abs(number), Math.abs(shown.number));
    if (close) ({ unit, period, remark, scale } = shown);
  }
  base.kind = "number";
  base.number = number;
  base.unit = unit;
  base.period = period;
  base.remark = remark;
  base.scale = scale;
  return base;
}

/**
 * A bare number typed as text ("8800") in a cell whose number format carries a unit
 * (`#,##0"億円"`): the column's unit is meant. Staff do not see it, so it is marked as assumed.
 */
function withFormatUnit(parsed: ParsedValue, format: string): ParsedValue {
  if (parsed.kind !== "number" || parsed.unit !== null || parsed.scale !== 0 || parsed.number === null)
    return parsed;
  if (typeof format !== "string" || format === "" || /^(?:general|G\/標準|@)$/i.test(format)) return parsed;
  const reading = formatReading(format, parsed.number);
  const info = reading.info;
  if (info.isDate || info.isText) return parsed;
  const tail = strictFormatTail(reading);
  const unit = tail?.unit ?? (info.percent > 0 ? "%" : null);
  if (unit === null) return parsed;
  const scale = tail?.pow10 ?? 0;
  const number = scaleNumber(parsed.number, scale);
  if (!Number.isFinite(number)) return parsed;
  return { ...parsed, number, unit, scale, unitAssumed: "format" };
}

function parseCell(cell: RawCell): ParsedValue {
  const raw = rawText(cell);
  const value = cell.value;
  if (typeof value === "string") {
    const code = excelErrorCode(value);
    if (code) return { ...emptyValue(raw), kind: "error", errorCode: code };
  }
  if (typeof value === "number") return parseNumberCell(value, cell, raw);
  const parsed = parseValueText(normalizeValueText(raw), raw);
  return typeof value === "string" ? withFormatUnit(parsed, cell.format) : parsed;
}

/**
 * Parses a value cell (基準値, 実績値, 目標値 …) into its kind, number in the base unit, unit, parts,
 * reference period and remark. Never throws: anything unreadable comes back as kind "invalid".
 * The result is frozen and may be shared by every cell with the same content.
 */
export const parseValue: (cell: RawCell) => ParsedValue = memoByCell(parseValueOnce);

function parseValueOnce(cell: RawCell): ParsedValue {
  try {
    return parseCell(cell);
  } catch {
    // Only reachable through input that breaks the RawCell contract (e.g. a non-string format).
    return { ...emptyValue(""), kind: "invalid" };
  }
}
