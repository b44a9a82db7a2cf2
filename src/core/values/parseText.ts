// The grammar of a value written as text. Input is already normalised (normalizeValueText).
import type { ParsedValue, ReferencePeriod, ValuePart } from "../model";
import { decimalTextToNumber } from "./decimal";
import { excelErrorCode } from "./excelErrors";
import { parseReferencePeriod } from "./referencePeriod";
import { parseUnitSuffix, UnitSuffix } from "./units";

/** A number as written: strict thousands groups ("1,563", not "15,63"), optional decimals. */
const NUMBER = String.raw`(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|\.\d+`;
/** ▲ and △ are the Japanese accounting minus. */
const SIGN = "[-+▲△]";
const STARTS_WITH_NUMBER = new RegExp(String.raw`^${SIGN}?\.?\d`);
const SINGLE_NUMBER = new RegExp(String.raw`^(${SIGN}?)(${NUMBER})\s*(\S*)$`);
const QUALIFIED_NUMBER = new RegExp(String.raw`^(${SIGN}?)(${NUMBER})\s*([^\s()]*)\s*\(([^()]+)\)$`);
/** A sign belongs to a number only at the start or after a space ("男性-1.2" keeps no sign). */
const ANY_NUMBER = new RegExp(String.raw`(?<!\S)${SIGN}?(?:${NUMBER})|(?:${NUMBER})`, "g");

const DASH_ONLY = /^[-‐‑‒–—―ー─━~〜]+$/;
const SENTENCE_PUNCTUATION = /[、。「」『』]/;
/** Text without a leading number longer than this is a sentence (note), shorter a category. */
const NOTE_MIN_LENGTH = 16;
const MAX_LABEL_LENGTH = 12;
const PART_SEPARATORS = /[、,/・;]/;

export interface Tail extends UnitSuffix {
  period: ReferencePeriod | null;
  remark: string | null;
}

export function emptyValue(raw: string): ParsedValue {
  return {
    kind: "blank",
    raw,
    number: null,
    unit: null,
    parts: [],
    category: null,
    period: null,
    remark: null,
    errorCode: null,
  };
}

function signed(sign: string, numberText: string, pow10: number): number {
  const n = decimalTextToNumber(numberText, pow10);
  return sign === "-" || sign === "▲" || sign === "△" ? -n : n;
}

/** Splits off a trailing remark "※変更前"; the remark keeps no space after ※. */
function splitRemark(text: string): { body: string; remark: string | null } {
  const at = text.indexOf("※");
  if (at < 0) return { body: text, remark: null };
  return { body: text.slice(0, at).trim(), remark: "※" + text.slice(at + 1).trim() };
}

/** Splits off a parenthesised reference period at the end (or, failing that, the start). */
function splitPeriod(text: string): { body: string; period: ReferencePeriod | null } {
  // Cheap guards first: most values carry no parenthesis at all.
  const end = text.endsWith(")") ? /^(.*?)\s*(\([^()]*\))$/.exec(text) : null;
  if (end) {
    const period = parseReferencePeriod(end[2]);
    if (period) return { body: end[1], period };
  }
  const start = text.startsWith("(") ? /^(\([^()]*\))\s*(.*)$/.exec(text) : null;
  if (start) {
    const period = parseReferencePeriod(start[1]);
    if (period) return { body: start[2], period };
  }
  return { body: text, period: null };
}

/**
 * Reads what follows a number: multiplier, unit, reference period, remark ("件 (令和3年) ※変更後").
 * Also used for the literal suffix of a number format. null when it is not that shape.
 */
export function parseTail(text: string): Tail | null {
  const { body: beforeRemark, remark } = splitRemark(text);
  const { body, period } = splitPeriod(beforeRemark);
  const unit = parseUnitSuffix(body);
  return unit ? { ...unit, period, remark } : null;
}

function hasDigit(text: string): boolean {
  return /\d/.test(text);
}

function validLabel(label: string): boolean {
  return (
    label !== "" && label.length <= MAX_LABEL_LENGTH && !hasDigit(label) && !/[、。「」『』().,※]/.test(label)
  );
}

/**
 * Labelled parts, "小学校88.7% 中学校82.8%": text and numbers alternate, starting with a label.
 * Between two numbers sits "unit label". They split at a space, else at a separator (、/・),
 * else by the last part's unit ("%中学校" with a final "%" gives "%" + "中学校").
 */
function parseParts(body: string): ValuePart[] | null {
  const numbers = [...body.matchAll(ANY_NUMBER)];
  if (numbers.length < 2) return null;
  const texts: string[] = [];
  let from = 0;
  for (const m of numbers) {
    texts.push(body.slice(from, m.index));
    from = (m.index ?? 0) + m[0].length;
  }
  texts.push(body.slice(from));
  const lastUnit = texts[texts.length - 1].trim();
  if (/\s/.test(lastUnit)) return null;
  const labels = [texts[0].trim()];
  const units: string[] = [];
  for (let i = 1; i < texts.length - 1; i++) {
    const between = texts[i];
    let unit: string;
    let label: string;
    const space = between.search(/\s/);
    const separator = between.search(PART_SEPARATORS);
    if (space >= 0) {
      [unit, label] = [between.slice(0, space), between.slice(space)];
    } else if (separator >= 0) {
      [unit, label] = [between.slice(0, separator), between.slice(separator)];
    } else if (lastUnit !== "" && between.startsWith(lastUnit)) {
      [unit, label] = [lastUnit, between.slice(lastUnit.length)];
    } else {
      return null;
    }
    units.push(unit);
    labels.push(label.replace(/^[\s、,/・;]+/, "").trim());
  }
  units.push(lastUnit);
  const parts: ValuePart[] = [];
  for (let i = 0; i < numbers.length; i++) {
    const suffix = parseUnitSuffix(units[i]);
    if (!suffix || !validLabel(labels[i])) return null;
    const m = /^([-+▲△]?)(.*)$/.exec(numbers[i][0]);
    if (!m) return null;
    parts.push({ label: labels[i], number: signed(m[1], m[2], suffix.pow10), unit: suffix.unit });
  }
  return parts;
}

/**
 * Sentences are notes: text opening with ※, or holding 、。「」 (unless short and opening with a
 * number, so that a misread "1、563件" stays invalid), or long text that does not open with a number.
 */
function isNote(body: string, startsWithNumber: boolean): boolean {
  if (body.startsWith("※")) return true;
  if (SENTENCE_PUNCTUATION.test(body) && (!startsWithNumber || body.length >= 10)) return true;
  return !startsWithNumber && body.length >= NOTE_MIN_LENGTH;
}

/** Parses normalised text. `raw` is recorded as given. */
export function parseValueText(text: string, raw: string): ParsedValue {
  const value = emptyValue(raw);
  if (text === "") return value;
  const errorCode = excelErrorCode(text);
  if (errorCode) return { ...value, kind: "error", errorCode };
  // A text opening with ※ is a note as a whole, not a remark on nothing.
  if (text.startsWith("※")) return { ...value, kind: "note" };

  const { body: beforeRemark, remark: remarkText } = splitRemark(text);
  const split = splitPeriod(beforeRemark);
  const body = split.body;
  let period = split.period;
  let remark = remarkText;
  if (remark && !period) {
    // "74.1% ※変更後 (令和3年度)": the period may follow the remark.
    const inRemark = splitPeriod(remark);
    if (inRemark.period) [remark, period] = [inRemark.body, inRemark.period];
  }
  // `value` is this call's own fresh object: filling it in saves a copy per cell.
  const base = Object.assign(value, { period, remark });

  if (DASH_ONLY.test(body)) return { ...base, kind: "note" };

  const single = SINGLE_NUMBER.exec(body);
  const suffix = single ? parseUnitSuffix(single[3]) : null;
  if (single && suffix) {
    return { ...base, kind: "number", number: signed(single[1], single[2], suffix.pow10), unit: suffix.unit };
  }

  const parts = parseParts(body);
  if (parts) return { ...base, kind: "parts", parts };

  // "366日 (閏年)": a number with a qualifier that is not a period is a category, number kept.
  const qualified = QUALIFIED_NUMBER.exec(body);
  const qualifiedUnit = qualified ? parseUnitSuffix(qualified[3]) : null;
  if (qualified && qualifiedUnit) {
    return {
      ...base,
      kind: "category",
      category: `${qualified[1]}${qualified[2]}${qualified[3]}(${qualified[4].trim()})`,
      number: signed(qualified[1], qualified[2], qualifiedUnit.pow10),
      unit: qualifiedUnit.unit,
    };
  }

  const startsWithNumber = STARTS_WITH_NUMBER.test(body);
  if (body !== "" && isNote(body, startsWithNumber)) return { ...base, kind: "note" };
  // Digits that no grammar above accepts: the text wants to be a number and cannot be read.
  if (body === "" || hasDigit(body)) return { ...base, kind: "invalid" };
  // Short text without digits ("待機児童なし"): a category, compared as text.
  return { ...base, kind: "category", category: body.replace(/\s*\(\s*/g, "(").replace(/\s*\)/g, ")") };
}
