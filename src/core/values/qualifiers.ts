// Words staff write around a figure that qualify it without changing it: 約8,800億円, 80%以上,
// 8,800億円（速報値）, 【令和5年度見込み】1,200人. The number is read as usual; the words are kept.
import type { ReferencePeriod, ValueQualifier } from "../model";
import { parseReferencePeriod } from "./referencePeriod";

/** Each qualifier word as written, after NFKC. */
const WORDS: ReadonlyMap<string, ValueQualifier> = new Map<string, ValueQualifier>([
  ["約", "approximate"],
  ["概ね", "approximate"],
  ["おおむね", "approximate"],
  ["およそ", "approximate"],
  ["凡そ", "approximate"],
  ["程度", "approximate"],
  ["前後", "approximate"],
  ["概数", "approximate"],
  ["概数値", "approximate"],
  ["概算", "approximate"],
  ["概算値", "approximate"],
  ["見込み", "estimate"],
  ["見込", "estimate"],
  ["見込値", "estimate"],
  ["見込み値", "estimate"],
  ["推計", "estimate"],
  ["推計値", "estimate"],
  ["推定", "estimate"],
  ["推定値", "estimate"],
  ["速報", "preliminary"],
  ["速報値", "preliminary"],
  ["暫定", "provisional"],
  ["暫定値", "provisional"],
  ["確定", "final"],
  ["確定値", "final"],
  ["以上", "at-least"],
  ["以下", "at-most"],
  ["未満", "below"],
  ["超", "above"],
  ["超え", "above"],
  ["超過", "above"],
  ["累計", "cumulative"],
  ["累計値", "cumulative"],
]);

/** Words that may open a figure ("約8,800億円", "速報値:1,200人"). */
const LEADING_WORD =
  /^(約|概ね|おおむね|およそ|凡そ|概算|推計値|推計|推定値|推定|見込み値|見込値|見込み|見込|速報値|速報|暫定値|暫定|確定値|確定|累計)\s*:?\s*(?=[-+▲△.\d])/;
/** Words that may close a figure ("80%以上", "8,800億円程度"). */
const TRAILING_WORD =
  /^(.*?)\s*(程度|前後|以上|以下|未満|超え|超過|超|見込み値|見込値|見込み|見込|推計値|推計|推定値|速報値|速報|暫定値|暫定|確定値|確定|累計)$/;
/** A period followed by a qualifier inside one bracket: (令和5年度速報値), (R5見込み). */
const PERIOD_THEN_WORD =
  /^(.+?)(速報値|速報|暫定値|暫定|確定値|確定|見込み値|見込値|見込み|見込|推計値|推計|推定値|推定|概数)$/;

const OPEN = "([【〔";
const CLOSE = ")]】〕";
const LEADING_BRACKET = /^[([【〔]([^()[\]【】〔〕]*)[)\]】〕]\s*(.*)$/;
/** Cheap guard: text without any of these characters has nothing to peel. */
const MAY_QUALIFY = /[()[\]【】〔〕約概おお凡推見速暫確以未超程前累]/;

export interface Peeled {
  body: string;
  period: ReferencePeriod | null;
  qualifiers: readonly ValueQualifier[];
  /** The qualifier words as written, in reading order. */
  words: readonly string[];
}

const NONE: readonly never[] = Object.freeze([]);
/** Last characters of the trailing words, and first characters of the leading ones: cheap guards. */
const TRAILING_LAST = /[度後上下満え過超値み込計報定]$/;
const LEADING_FIRST = /^[約概お凡推見速暫確累]/;

interface BracketContent {
  period: ReferencePeriod | null;
  words: Array<[string, ValueQualifier]>;
}

/**
 * Where the bracket that closes the text opens: the last opening bracket, provided no other bracket
 * sits between it and the end. -1 when there is none.
 */
function lastOpening(text: string): number {
  for (let i = text.length - 2; i >= 0; i--) {
    const c = text[i];
    if (OPEN.includes(c)) return i;
    if (CLOSE.includes(c)) return -1;
  }
  return -1;
}

/** A bracket that holds only a period and/or qualifier words; null for anything else ((閏年)). */
function readBracket(inner: string, periodFree: boolean): BracketContent | null {
  const whole = parseReferencePeriod(inner);
  if (whole) return periodFree ? { period: whole, words: [] } : null;
  const tokens = inner.split(/[\s、,・/;]+/).filter((t) => t !== "");
  if (tokens.length === 0) return null;
  const out: BracketContent = { period: null, words: [] };
  const takePeriod = (p: ReferencePeriod | null): boolean => {
    if (!p || out.period || !periodFree) return false;
    out.period = p;
    return true;
  };
  for (const token of tokens) {
    const q = WORDS.get(token);
    if (q) {
      out.words.push([token, q]);
      continue;
    }
    if (takePeriod(parseReferencePeriod(token))) continue;
    const split = PERIOD_THEN_WORD.exec(token);
    const word = split ? WORDS.get(split[2]) : undefined;
    if (split && word && takePeriod(parseReferencePeriod(split[1]))) {
      out.words.push([split[2], word]);
      continue;
    }
    return null;
  }
  return out;
}

/**
 * Peels qualifier words and bracketed periods or qualifiers off both ends of a figure, outside in,
 * in any order. What is left is the figure itself ("8,800億円"). At most one period is taken.
 */
export function peelQualifiers(text: string): Peeled {
  if (!MAY_QUALIFY.test(text)) return { body: text, period: null, qualifiers: NONE, words: NONE };
  let period: ReferencePeriod | null = null;
  let front: Array<[string, ValueQualifier | null]> | null = null;
  let back: Array<[string, ValueQualifier | null]> | null = null;
  let body = text;
  for (let guard = 0; guard < 8 && body !== ""; guard++) {
    if (CLOSE.includes(body[body.length - 1])) {
      const open = lastOpening(body);
      const content: BracketContent | null =
        open < 0 ? null : readBracket(body.slice(open + 1, -1), period === null);
      if (content) {
        period = content.period ?? period;
        if (content.words.length > 0) (back ??= []).unshift(...content.words);
        body = body.slice(0, open).trimEnd();
        continue;
      }
    }
    if (OPEN.includes(body[0])) {
      const m = LEADING_BRACKET.exec(body);
      const content: BracketContent | null = m ? readBracket(m[1], period === null) : null;
      if (m && content) {
        period = content.period ?? period;
        if (content.words.length > 0) (front ??= []).push(...content.words);
        body = m[2];
        continue;
      }
    }
    const trailing = TRAILING_LAST.test(body) ? TRAILING_WORD.exec(body) : null;
    if (trailing && /\d/.test(trailing[1])) {
      (back ??= []).unshift([trailing[2], WORDS.get(trailing[2]) ?? null]);
      body = trailing[1];
      continue;
    }
    const leading = LEADING_FIRST.test(body) ? LEADING_WORD.exec(body) : null;
    if (leading) {
      (front ??= []).push([leading[1], WORDS.get(leading[1]) ?? null]);
      body = body.slice(leading[0].length);
      continue;
    }
    break;
  }
  if (!front && !back) return { body, period, qualifiers: NONE, words: NONE };
  const words: string[] = [];
  const qualifiers: ValueQualifier[] = [];
  for (const [word, q] of [...(front ?? []), ...(back ?? [])]) {
    words.push(word);
    if (q) qualifiers.push(q);
  }
  return { body, period, qualifiers, words };
}
