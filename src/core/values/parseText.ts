// The grammar of a value written as text. Input is already normalised (normalizeValueText).
import type { ParsedValue, ReferencePeriod, ValuePart, ValueQualifier } from "../model";
import { isIsoDateText } from "./dates";
import { decimalPrefixToNumber, decimalTextToNumber } from "./decimal";
import { excelErrorCode } from "./excelErrors";
import { peelQualifiers } from "./qualifiers";
import { parseReferencePeriod } from "./referencePeriod";
import { parseUnitSuffix, UnitSuffix } from "./units";
import { memoByString } from "../memo";

/** A number as written: strict thousands groups ("1,563", not "15,63"), optional decimals. */
const NUMBER = String.raw`(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|\.\d+`;
/** ▲ and △ are the Japanese accounting minus. */
const SIGN = "[-+▲△]";
const STARTS_WITH_NUMBER = new RegExp(String.raw`^${SIGN}?\.?\d`);
const SINGLE_NUMBER = new RegExp(String.raw`^(${SIGN}?)\s?(${NUMBER})\s*(\S*)$`);
/** 3億2,000万円, 1兆1,017億円, 3万5,000人: a number written in 兆/億/万 groups. */
const COMPOUND_NUMBER = new RegExp(
  String.raw`^(${SIGN}?)\s?((?:(?:${NUMBER})(?:兆|億|万))+(?:${NUMBER})?)\s*(\S*)$`,
);
const COMPOUND_GROUP = new RegExp(String.raw`(${NUMBER})(兆|億|万)?`, "g");
const GROUP_POW10: Readonly<Record<string, number>> = { 兆: 12, 億: 8, 万: 4 };
const QUALIFIED_NUMBER = new RegExp(String.raw`^(${SIGN}?)(${NUMBER})\s*([^\s()]*)\s*\(([^()]+)\)$`);
/** A sign belongs to a number only at the start or after a space ("男性-1.2" keeps no sign). */
const ANY_NUMBER = new RegExp(String.raw`(?<!\S)${SIGN}?(?:${NUMBER})|(?:${NUMBER})`, "g");

const DASH_ONLY = /^[-‐‑‒–—―ー─━~〜]+$/;
/**
 * Text that says the figure is not there yet or not at all (集計中, 未確定, 非公表): a note, even
 * when short. Checked at the start of the text.
 */
const NOTE_START =
  /^(?:集計中|未集計|集計前|調査中|未調査|確認中|精査中|算出中|未算出|未確定|確定前|未定|未公表|非公表|公表前|公表待ち|未把握|把握できず|不明|対象外|未実施|実施なし|中止|休止|データなし|統計なし|該当なし|N\/A$)/i;
/** Words that make unreadable text with digits a note ("令和6年8月公表予定"), not a misread number. */
const NOTE_MARKER = /集計|公表|予定|調査|確定|未定|不明|中止|休止|未実施|実施せず|把握/;
const SENTENCE_PUNCTUATION = /[、。「」『』]/;
/** Text without a leading number longer than this is a sentence (note), shorter a category. */
const NOTE_MIN_LENGTH = 16;
const MAX_LABEL_LENGTH = 12;
const PART_SEPARATORS = /[、,/・;]/;

export interface Tail extends UnitSuffix {
  period: ReferencePeriod | null;
  remark: string | null;
}

/** Shared by every value without qualifiers: most have none, and it is never written to. */
const NO_QUALIFIERS: readonly ValueQualifier[] = Object.freeze([]);
/** Shared by every value that is not in parts, likewise. */
const NO_PARTS: ValuePart[] = Object.freeze([]) as unknown as ValuePart[];

export function emptyValue(raw: string): ParsedValue {
  return {
    kind: "blank",
    raw,
    number: null,
    unit: null,
    parts: NO_PARTS,
    category: null,
    period: null,
    remark: null,
    qualifiers: NO_QUALIFIERS,
    scale: 0,
    unitAssumed: null,
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
  // "700人(※)", "700人(※1)": a footnote mark in brackets.
  const bracketed = /^(.*?)\s*\(※([^()]*)\)$/.exec(text);
  if (bracketed && !bracketed[1].includes("※"))
    return { body: bracketed[1], remark: "※" + bracketed[2].trim() };
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
  if (numbers.length === 0) return null;
  // One labelled figure ("小学校87.1%"): a part, when the label is words (not "H30").
  if (numbers.length === 1 && !/[^ -~]/.test(body.slice(0, numbers[0].index))) return null;
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

/** The remark: qualifier words in reading order, then a ※ remark. null when there is none. */
function joinRemark(words: readonly string[], note: string | null): string | null {
  const all = note ? [...words, note] : words;
  return all.length === 0 ? null : all.join("、");
}

// The helpers below fill in this call's own fresh value: cheaper than copying it for each outcome,
// and plain assignments allocate nothing (a patch object per cell did).

function ofKind(value: ParsedValue, kind: ParsedValue["kind"]): ParsedValue {
  value.kind = kind;
  return value;
}

function asNumber(value: ParsedValue, number: number, unit: string | null, scale: number): ParsedValue {
  value.kind = "number";
  value.number = number;
  value.unit = unit;
  value.scale = scale;
  return value;
}

/** What the text around a figure says, when the figure alone decides nothing. */
interface Surroundings {
  body: string;
  /** The ※ remark, without the qualifier words (they are in the value's remark already). */
  remark: string | null;
  words: readonly string[];
}

/**
 * Peels the ※ remark, qualifier words and reference period off `text`, filling in `value`'s
 * period, remark and qualifiers; returns what is left to read as the figure.
 */
function peelSurroundings(text: string, value: ParsedValue): Surroundings {
  // Most values carry no ※ remark: skip the split (and its result object) for them.
  let beforeRemark = text;
  let remarkText: string | null = null;
  if (text.includes("※")) ({ body: beforeRemark, remark: remarkText } = splitRemark(text));
  const peeled = peelQualifiers(beforeRemark);
  let period = peeled.period;
  let remark = remarkText;
  if (remark && !period) {
    // "74.1% ※変更後 (令和3年度)": the period may follow the remark.
    const inRemark = splitPeriod(remark);
    if (inRemark.period) [remark, period] = [inRemark.body, inRemark.period];
  }
  value.period = period;
  value.remark = joinRemark(peeled.words, remark);
  value.qualifiers = peeled.qualifiers;
  return { body: peeled.body, remark, words: peeled.words };
}

/**
 * Length of the unsigned number a text opens with, written strictly ("1,563", "80.5"), when the
 * next character cannot continue it; 0 otherwise (the general grammar then decides).
 */
export function leadingNumberLength(text: string): number {
  let i = 0;
  while (i < text.length && isDigitCode(text.charCodeAt(i))) i++;
  if (i === 0) return 0;
  if (text.charCodeAt(i) === 44 /* , */) {
    if (i > 3) return 0;
    while (text.charCodeAt(i) === 44) {
      for (let k = 1; k <= 3; k++) if (!isDigitCode(text.charCodeAt(i + k))) return 0;
      i += 4;
    }
  }
  if (text.charCodeAt(i) === 46 /* . */) {
    const from = ++i;
    while (i < text.length && isDigitCode(text.charCodeAt(i))) i++;
    if (i === from) return 0;
  }
  const next = text.charCodeAt(i);
  return isDigitCode(next) || next === 44 || next === 46 ? 0 : i;
}

function isDigitCode(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** What follows a plain figure: the single-number reading, independent of the figure itself. */
interface FigureTail {
  pow10: number;
  unit: string | null;
  period: ReferencePeriod | null;
  remark: string | null;
  qualifiers: readonly ValueQualifier[];
}

/**
 * How the general grammar reads "<figure><tail>" when the figure is a plain unsigned number: every
 * step before the number grammar (remark, qualifiers, period) looks only at the tail, since a
 * figure holds no bracket, word, ※ or #. null when the single-number reading does not apply.
 * A tail holding "-" or "#" is left to the general grammar: its date and error checks read the
 * whole text.
 */
function readFigureTail(tail: string): FigureTail | null {
  if (tail.includes("-") || tail.includes("#") || tail.includes("＃")) return null;
  const probe = emptyValue("");
  const { body } = peelSurroundings(`1${tail}`, probe);
  const single = SINGLE_NUMBER.exec(body);
  const suffix = single && single[1] === "" && single[2] === "1" ? parseUnitSuffix(single[3]) : null;
  if (!suffix) return null;
  return {
    pow10: suffix.pow10,
    unit: suffix.unit,
    period: probe.period,
    remark: probe.remark,
    qualifiers: Object.freeze(probe.qualifiers),
  };
}

/** Tails recur ("件", "件 (令和5年)") even where figures never do. */
const figureTail = memoByString(readFigureTail, 2048);

/**
 * The common case, "1,634件 (令和元年)", read without the general grammar: the number by hand and
 * its tail from the memo. null when the text is not of that shape; the result is then the general
 * grammar's, which a property test holds this to.
 */
export function readPlainFigure(text: string, raw: string): ParsedValue | null {
  const n = leadingNumberLength(text);
  if (n === 0) return null;
  const shape = figureTail(text.slice(n));
  if (!shape) return null;
  const value = emptyValue(raw);
  value.period = shape.period;
  value.remark = shape.remark;
  value.qualifiers = shape.qualifiers;
  return asNumber(value, decimalPrefixToNumber(text, n, shape.pow10), shape.unit, shape.pow10);
}

/** Parses normalised text. `raw` is recorded as given. */
export function parseValueText(text: string, raw: string): ParsedValue {
  // Cheap first-character guards: most values open with a digit.
  const first = text.charCodeAt(0);
  if (first >= 48 && first <= 57) {
    const plain = readPlainFigure(text, raw);
    if (plain) return plain;
  }
  return parseGeneralText(text, raw);
}

/** The whole grammar of a value written as text; `parseValueText` only adds a shortcut to it. */
export function parseGeneralText(text: string, raw: string): ParsedValue {
  const value = emptyValue(raw);
  if (text === "") return value;
  const errorCode = excelErrorCode(text);
  if (errorCode) {
    value.errorCode = errorCode;
    return ofKind(value, "error");
  }
  // A text opening with ※ is a note as a whole, not a remark on nothing.
  if (text.startsWith("※")) return ofKind(value, "note");
  const first = text.charCodeAt(0);
  if (first >= 48 && first <= 57) {
    if (text.length >= 8 && text[4] === "-" && isIsoDateText(text)) return ofKind(value, "date");
  } else if (NOTE_START.test(text)) {
    return ofKind(value, "note");
  }

  // `value` is this call's own fresh object: filling it in saves a copy per cell.
  const base = value;
  const { body, remark, words } = peelSurroundings(text, base);

  if (DASH_ONLY.test(body)) return ofKind(base, "note");

  const single = SINGLE_NUMBER.exec(body);
  const suffix = single ? parseUnitSuffix(single[3]) : null;
  if (single && suffix) {
    return asNumber(base, signed(single[1], single[2], suffix.pow10), suffix.unit, suffix.pow10);
  }

  const compound = COMPOUND_NUMBER.exec(body);
  const compoundUnit = compound ? parseUnitSuffix(compound[3]) : null;
  if (compound && compoundUnit && compoundUnit.pow10 === 0) {
    let number = 0;
    let scale = 0;
    for (const g of compound[2].matchAll(COMPOUND_GROUP)) {
      scale = GROUP_POW10[g[2] ?? ""] ?? 0;
      number += decimalTextToNumber(g[1], scale);
    }
    const sign = compound[1];
    return asNumber(
      base,
      sign === "-" || sign === "▲" || sign === "△" ? -number : number,
      compoundUnit.unit,
      scale,
    );
  }

  const parts = parseParts(body);
  if (parts) {
    base.parts = parts;
    return ofKind(base, "parts");
  }

  // "366日 (閏年)": a number with a qualifier that is not a period is a category, number kept.
  const qualified = QUALIFIED_NUMBER.exec(body);
  const qualifiedUnit = qualified ? parseUnitSuffix(qualified[3]) : null;
  if (qualified && qualifiedUnit) {
    // The bracket is kept as a remark too: against a numeric target the number is what counts.
    base.remark = joinRemark([...words, qualified[4].trim()], remark);
    asNumber(
      base,
      signed(qualified[1], qualified[2], qualifiedUnit.pow10),
      qualifiedUnit.unit,
      qualifiedUnit.pow10,
    );
    base.category = `${qualified[1]}${qualified[2]}${qualified[3]}(${qualified[4].trim()})`;
    return ofKind(base, "category");
  }

  const startsWithNumber = STARTS_WITH_NUMBER.test(body);
  if (body !== "" && isNote(body, startsWithNumber)) return ofKind(base, "note");
  // Digits no grammar above accepts: a note when it says the figure is pending ("8月公表予定"),
  // else the text wants to be a number and cannot be read.
  if (body !== "" && hasDigit(body) && NOTE_MARKER.test(body)) return ofKind(base, "note");
  if (body === "" || hasDigit(body)) return ofKind(base, "invalid");
  // Short text without digits ("待機児童なし"): a category, compared as text.
  // Spaces carry no meaning in a category: "待機児童 なし" is "待機児童なし".
  base.category = body.replace(/\s+/g, "");
  return ofKind(base, "category");
}
