// The fiscal-year forms cities write in headers, titles and sheet names: 令和6年度, 令和６年度, R6,
// Ｒ６年度, 令6, 2024年度, FY2024, 元年度. Everything is read after NFKC with white space removed,
// so full-width digits and letters, and line breaks inside a label, need no patterns of their own.
import { labelKey } from "../text";
import { memoByString } from "../memo";

/** A year named in a text: the fiscal (or calendar) year's Gregorian start year, and where it was. */
export interface YearMention {
  year: number;
  /** The matched text, as normalised ("令和6年度", "R6", "FY2024"). */
  text: string;
  index: number;
}

const MIN_YEAR = 1989;
const MAX_YEAR = 2200;

// 令和N / 平成N / 令N / 平N / RN / HN, each with an optional 年 or 年度. A Latin R or H must not be the
// end of a word (no "FR6"), and the number must end where the digits end (R6 is not R60).
const ERA = /(令和|平成|令|平|(?<![A-Za-z])[RH])(元|\d{1,2})(?!\d)(?:年度|年)?/gi;
// 2024年度 or 2024年: four digits alone, then 年.
const GREGORIAN = /(?<!\d)((?:19|20|21)\d\d)年度?/g;
// FY2024, FY24.
const FISCAL = /(?<![A-Za-z])FY((?:19|20|21)?\d\d)(?!\d)/gi;
// 元年度 with no era before it (the era is 令和: 平成元年度 is always written with its era).
const BARE_FIRST = /(?<![和成令平RHrh])元年度/g;

function eraYear(era: string, n: number): number {
  const e = era.toUpperCase();
  return e === "令和" || e === "令" || e === "R" ? 2018 + n : 1988 + n;
}

// NFKC reads ① as 1, which would make "R5①主な取組" name the year R51: circled numbers are kept apart.
const CIRCLED = /[\u2460-\u24ff\u2776-\u2793\u3251-\u325f\u32b1-\u32bf]/g;

/** A text as years are read from it: NFKC without white space, circled numbers as a separator. */
function yearKey(text: string): string {
  return labelKey(text.replace(CIRCLED, "|"));
}

function readMentions(text: string): YearMention[] {
  const key = yearKey(text);
  const found: YearMention[] = [];
  const push = (year: number, m: RegExpExecArray) => {
    if (year >= MIN_YEAR && year <= MAX_YEAR) found.push({ year, text: m[0], index: m.index });
  };
  for (const m of key.matchAll(ERA)) push(eraYear(m[1], m[2] === "元" ? 1 : Number(m[2])), m);
  for (const m of key.matchAll(GREGORIAN)) push(Number(m[1]), m);
  for (const m of key.matchAll(FISCAL)) push(m[1].length === 2 ? 2000 + Number(m[1]) : Number(m[1]), m);
  for (const m of key.matchAll(BARE_FIRST)) push(2019, m);
  return found.sort((a, b) => a.index - b.index);
}

/** Every year a text names, in reading order. Texts are headers and titles, a small vocabulary. */
export const yearsIn: (text: string) => readonly YearMention[] = memoByString(readMentions);

/** The first year a text names, or null. */
export function firstYear(text: string): number | null {
  return yearsIn(text)[0]?.year ?? null;
}

export type RelativeYear = "previous" | "current";

const PREVIOUS = /前年度|昨年度|前年/;
const CURRENT = /今年度|当年度|本年度/;

/** 前年度 / 今年度 and their kin in a header: a year named relative to the sheet's own. */
export function relativeYear(text: string): RelativeYear | null {
  const key = labelKey(text);
  if (PREVIOUS.test(key)) return "previous";
  if (CURRENT.test(key)) return "current";
  return null;
}

/** Text with its year mentions taken out (what is left says what the label is about). */
export function withoutYears(text: string): string {
  let key = yearKey(text);
  const mentions = yearsIn(text);
  for (let i = mentions.length - 1; i >= 0; i--) {
    const m = mentions[i];
    key = key.slice(0, m.index) + key.slice(m.index + m.text.length);
  }
  return key;
}

/**
 * A fiscal year as a person states it (`--year 令和6年度`, `R6`, `2024年度`, `FY2024`, `2024`): its
 * Gregorian start year, or null when the text is not exactly one year.
 */
export function parseFiscalYear(text: string): number | null {
  const key = yearKey(text);
  if (/^(?:19|20|21)\d\d$/.test(key)) return Number(key);
  const mentions = yearsIn(key);
  if (mentions.length !== 1) return null;
  const rest = withoutYears(key).replace(/^年度$/, "");
  return rest === "" ? mentions[0].year : null;
}

/** "令和5年度" for 2023. Years before 2019 are written in 平成. */
export function fiscalYearLabel(year: number): string {
  if (year >= 2019) return year === 2019 ? "令和元年度" : `令和${year - 2018}年度`;
  return year === 1989 ? "平成元年度" : `平成${year - 1988}年度`;
}
