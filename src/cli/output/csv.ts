// The one CSV writer for every CSV kensho writes (the check's --csv, rollover's --log): RFC 4180
// quoting, control characters removed, and text a spreadsheet would run as a formula neutralised.
import { stripControlsInData } from "./sanitize";

/**
 * Text a spreadsheet would run as a formula: starting, after any white space, with = + - @ or their
 * full-width forms (Excel reads ＝ as =), or with a tab or carriage return.
 */
const FORMULA_LIKE = /^(?:[\t\r]|[\s\u3000]*[=+\-@＝＋－＠])/;

/** One field: formula-like text gets a leading ' so Excel shows it rather than runs it. */
export function csvField(value: string | number | null): string {
  let s = value === null ? "" : stripControlsInData(String(value));
  if (FORMULA_LIKE.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvLine(fields: ReadonlyArray<string | number | null>): string {
  return fields.map(csvField).join(",");
}

/**
 * A whole CSV document: CRLF line ends, and a UTF-8 BOM first so that Excel on Japanese Windows
 * opens it as UTF-8, not Shift_JIS.
 */
export function csvDocument(lines: ReadonlyArray<string>): string {
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}
