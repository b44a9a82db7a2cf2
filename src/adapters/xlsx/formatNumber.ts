// A small renderer for Excel number formats, enough to reproduce the text staff see for the formats
// found in verification sheets: General, 0, 0.0, #,##0, 0%, 0.0%, literal units (#,##0"件", 0"万人"),
// sections (positive;negative;zero), colours and conditions (ignored), [$¥-411] currency literals.
// Date and time formats are rendered by read/formatDate.ts; fractions and scientific notation fall
// back to General.
// Hand-written because the maintained formatter (numfmt 4.0.1) ships a CommonJS entry that is
// missing from its package, and SheetJS's ssf is no longer published to npm. Revisit when fixed.

import { formatDateSection, isDateSection } from "./read/formatDate";

interface Section {
  prefix: string;
  suffix: string;
  /** Minimum integer digits (count of 0 before the decimal point). */
  minInt: number;
  minDec: number;
  maxDec: number;
  grouping: boolean;
  /** Multiply by 100 per % sign, divide by 1000 per trailing comma. */
  scale: number;
  /** false when the section has no digit placeholder: the literal text is shown alone. */
  hasNumber: boolean;
}

const DATE_CODE = /[yYmMdDhHsS]|AM\/PM|A\/P/;

/** Splits a format on `;` outside quotes and brackets. */
function splitSections(format: string): string[] {
  const out: string[] = [];
  let cur = "";
  let quoted = false;
  let bracket = false;
  for (let i = 0; i < format.length; i++) {
    const ch = format[i];
    if (ch === "\\" && !quoted && i + 1 < format.length) {
      cur += ch + format[++i];
      continue;
    }
    if (ch === '"') quoted = !quoted;
    else if (ch === "[" && !quoted) bracket = true;
    else if (ch === "]" && !quoted) bracket = false;
    if (ch === ";" && !quoted && !bracket) {
      out.push(cur);
      cur = "";
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

/** Parses one section; returns null when it holds codes this renderer does not support (dates). */
function parseSection(code: string): Section | null {
  let prefix = "";
  let suffix = "";
  let intPattern = "";
  let decPattern = "";
  let inNumber = false;
  let afterNumber = false;
  let seenPoint = false;
  let percents = 0;
  let trailingCommas = 0;
  let grouping = false;
  const literal = (text: string): void => {
    if (inNumber) {
      inNumber = false;
      afterNumber = true;
    }
    if (afterNumber) suffix += text;
    else prefix += text;
  };
  for (let i = 0; i < code.length; i++) {
    const ch = code[i];
    if (ch === '"') {
      const end = code.indexOf('"', i + 1);
      const stop = end < 0 ? code.length : end;
      literal(code.slice(i + 1, stop));
      i = stop;
    } else if (ch === "\\") {
      literal(code[i + 1] ?? "");
      i++;
    } else if (ch === "[") {
      const end = code.indexOf("]", i + 1);
      const inner = code.slice(i + 1, end < 0 ? code.length : end);
      // [$¥-411] is a currency literal; [Red], [>=100], [DBNum1] etc. only affect colour or choice.
      if (inner.startsWith("$")) literal(inner.slice(1).split("-")[0]);
      else if (/^(h+|m+|s+)$/i.test(inner)) return null; // elapsed time
      i = end < 0 ? code.length : end;
    } else if (ch === "_") {
      literal(" ");
      i++;
    } else if (ch === "*") {
      i++; // fill character: no fixed-width rendering here
    } else if (ch === "0" || ch === "#" || ch === "?") {
      if (afterNumber) return null; // digits split by literals (phone numbers): unsupported
      inNumber = true;
      if (trailingCommas > 0) {
        // A comma followed by more digits is a thousands separator, not a scale.
        grouping = true;
        trailingCommas = 0;
      }
      if (seenPoint) decPattern += ch;
      else intPattern += ch;
    } else if (ch === "." && (inNumber || /[0#?]/.test(code[i + 1] ?? ""))) {
      inNumber = true;
      seenPoint = true;
    } else if (ch === "," && inNumber) {
      trailingCommas++;
    } else if (ch === "%") {
      percents++;
      literal("%");
    } else if (ch === "E" || ch === "e") {
      return null; // scientific notation: rare in these sheets
    } else if (ch === "@") {
      literal("@");
    } else if (DATE_CODE.test(ch)) {
      return null;
    } else {
      literal(ch);
    }
  }
  return {
    prefix,
    suffix,
    minInt: (intPattern.match(/0/g) ?? []).length,
    minDec: (decPattern.match(/0/g) ?? []).length,
    maxDec: decPattern.length,
    grouping,
    scale: Math.pow(100, percents) / Math.pow(1000, trailingCommas),
    hasNumber: intPattern.length + decPattern.length > 0,
  };
}

// A workbook uses a handful of formats for thousands of cells: parse each once.
const MEMO_LIMIT = 10_000;
const dateMemo = new Map<string, boolean>();
const sectionMemo = new Map<string, Section | null>();
const splitMemo = new Map<string, string[]>();

function isDate(code: string): boolean {
  let known = dateMemo.get(code);
  if (known === undefined) {
    known = isDateSection(code);
    if (dateMemo.size < MEMO_LIMIT) dateMemo.set(code, known);
  }
  return known;
}

function sectionOf(code: string): Section | null {
  let known = sectionMemo.get(code);
  if (known === undefined) {
    known = parseSection(code);
    if (sectionMemo.size < MEMO_LIMIT) sectionMemo.set(code, known);
  }
  return known;
}

/** Rounds half away from zero at 15 significant digits first, as Excel does (1.005 -> 1.01). */
function toFixedExcel(abs: number, decimals: number): string {
  const clean = Number(abs.toPrecision(15));
  const text = String(clean);
  if (text.includes("e")) return clean.toFixed(decimals);
  const shifted = Math.round(Number(`${text}e${decimals}`));
  return Number(`${shifted}e-${decimals}`).toFixed(decimals);
}

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/** Excel's General format: integers as they are, others to about 10 significant digits. */
export function formatGeneral(value: number): string {
  if (!Number.isFinite(value)) return "#NUM!";
  if (value === 0) return "0";
  const abs = Math.abs(value);
  if (abs >= 1e11 || abs < 1e-9) {
    const [mantissa, exp] = value.toExponential(5).split("e");
    const m = mantissa.replace(/\.?0+$/, "");
    const e = Number(exp);
    return `${m}E${e < 0 ? "-" : "+"}${String(Math.abs(e)).padStart(2, "0")}`;
  }
  return String(Number(value.toPrecision(10)));
}

function render(abs: number, section: Section): string {
  if (!section.hasNumber) return section.prefix + section.suffix;
  const scaled = abs * section.scale;
  let text = toFixedExcel(scaled, section.maxDec);
  let [intPart, decPart = ""] = text.split(".");
  while (decPart.length > section.minDec && decPart.endsWith("0")) decPart = decPart.slice(0, -1);
  intPart = intPart.replace(/^0+/, "");
  if (intPart.length < section.minInt) intPart = intPart.padStart(section.minInt, "0");
  if (section.grouping) intPart = groupThousands(intPart);
  // "0.#" shows "1." for 1, as Excel does.
  text = section.maxDec === 0 ? intPart : `${intPart}.${decPart}`;
  return section.prefix + text + section.suffix;
}

/**
 * The text Excel shows for `value` under `format`. Unsupported formats (dates, fractions,
 * scientific) fall back to General, which is still a faithful rendering of the number.
 */
export function formatNumber(
  value: number,
  format: string | null | undefined,
  options: { date1904?: boolean } = {},
): string {
  const fmt = (format ?? "").trim();
  if (fmt === "" || /^general$/i.test(fmt)) return formatGeneral(value);
  if (!Number.isFinite(value)) return "#NUM!";
  let codes = splitMemo.get(fmt);
  if (!codes) {
    codes = splitSections(fmt);
    if (splitMemo.size < MEMO_LIMIT) splitMemo.set(fmt, codes);
  }
  let code = codes[0];
  let explicitNegative = false;
  if (value < 0 && codes.length >= 2 && codes[1] !== "") {
    code = codes[1];
    explicitNegative = true;
  } else if (value === 0 && codes.length >= 3 && codes[2] !== "") {
    code = codes[2];
  }
  if (/^general$/i.test(code.trim()))
    return (value < 0 && !explicitNegative ? "-" : "") + formatGeneral(Math.abs(value));
  if (isDate(code)) return formatDateSection(value, code, options.date1904);
  const section = sectionOf(code);
  if (!section || code.includes("@")) return formatGeneral(value);
  const body = render(Math.abs(value), section);
  const roundsToZero = !/[1-9]/.test(toFixedExcel(Math.abs(value) * section.scale, section.maxDec));
  const sign = value < 0 && !explicitNegative && !roundsToZero ? "-" : "";
  return sign + body;
}
