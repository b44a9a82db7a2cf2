// One cell's XML (type, cached value, inline string, formula) as the core's value and the text
// Excel shows.
import type { CellValue } from "../../../core/model";
import { decodeXString } from "../package";
import { formatNumber } from "../formatNumber";

export interface CellXml {
  /** The `t` attribute: s, str, inlineStr, b, e, d, n (or absent). */
  type: string | undefined;
  /** Whether a <v> element was present, and its text. */
  hasV: boolean;
  v: string;
  /** The text of an inline string (<is>). */
  inline: string;
  hasFormula: boolean;
}

export interface CellContent {
  value: CellValue;
  text: string;
  /** A formula with no cached result: the file was never recalculated. */
  uncalculated: boolean;
}

const MS_PER_DAY = 86400000;

/** An ISO 8601 date (t="d") as an Excel serial number; NaN when unreadable. */
export function isoToSerial(iso: string, date1904: boolean): number {
  const ms = Date.parse(/[zZ]|[+-]\d\d:\d\d$/.test(iso) || !iso.includes("T") ? iso : `${iso}Z`);
  if (Number.isNaN(ms)) return NaN;
  const serial = ms / MS_PER_DAY + 25569;
  if (date1904) return serial - 1462;
  return serial < 61 ? serial - 1 : serial;
}

export function cellContent(
  x: CellXml,
  format: string,
  sharedStrings: readonly string[],
  date1904: boolean,
): CellContent {
  const uncalculated = x.hasFormula && (!x.hasV || (x.v === "" && x.type !== "str"));
  let value: CellValue = null;
  let text = "";
  switch (x.type) {
    case "s": {
      const s = x.hasV ? sharedStrings[Number(x.v)] : undefined;
      if (s !== undefined) value = text = s;
      break;
    }
    case "str":
      if (x.hasV) value = text = decodeXString(x.v);
      break;
    case "inlineStr":
      value = text = decodeXString(x.inline);
      break;
    case "b":
      if (x.v.trim() !== "") {
        value = x.v.trim() === "1" || x.v.trim() === "true";
        text = value ? "TRUE" : "FALSE";
      }
      break;
    case "e":
      if (x.v.trim() !== "") value = text = x.v.trim();
      break;
    case "d": {
      const serial = isoToSerial(x.v.trim(), date1904);
      if (Number.isFinite(serial)) {
        value = serial;
        text = formatNumber(serial, format, { date1904 });
      } else if (x.v.trim() !== "") value = text = x.v;
      break;
    }
    default: {
      const raw = x.v;
      if (raw === "") break;
      const n = Number(raw);
      if (Number.isFinite(n) && raw.trim() !== "") {
        value = n;
        text = formatNumber(n, format, { date1904 });
      } else value = text = raw; // not a number after all: keep what is there
    }
  }
  return { value, text, uncalculated };
}
