// activity-text-part-missing: where the ①②③ column's header says the cell holds ①主な取組・事業実施状況
// ②課題 ③今後の方策等, a text that lacks one of the parts gets a warning naming it. Staff mark the parts
// with circled numbers (① ❶ ⑴ ⒈), brackets ((1) （１） 1)), "1." at the start of a line, or headings
// (【課題】, ＜今後の方策＞, 課題：); any of these counts. The text is read as written: NFKC would turn ①
// into 1, so only the markers are normalised, never the text kept.
import type { ActivityPart, CheckedRow, Finding } from "../model";
import { finding } from "./findingFactory";

const PARTS: readonly ActivityPart[] = [1, 2, 3];

/** Words of each part in a header or a heading in the text. */
const PART_WORDS: Record<ActivityPart, RegExp> = {
  1: /取組|取り組み|実施状況|事業実施|実績/,
  2: /課題|問題点/,
  3: /今後|方策|方針|対応策|改善策/,
};

/** Whether a header (the column's text over its header rows) says the cell holds all three parts. */
export function headerDeclaresParts(header: string): boolean {
  const h = header.normalize("NFKC").replace(/\s+/g, "");
  return /取組/.test(h) && /課題/.test(h) && /今後|方策/.test(h);
}

// Circled and parenthesised forms of 1, 2, 3 in Unicode: ①②③ ❶❷❸ ➀➁➂ ➊➋➌ ⑴⑵⑶ ⒈⒉⒊ ㈠㈡㈢.
const SYMBOLS: Record<ActivityPart, string> = {
  1: "\u2460\u2776\u2780\u278a\u2474\u2488\u3220",
  2: "\u2461\u2777\u2781\u278b\u2475\u2489\u3221",
  3: "\u2462\u2778\u2782\u278c\u2476\u248a\u3222",
};

/** Whether a text marks part `n`: a symbol, a bracketed or dotted number, or a heading word. */
function marks(text: string, n: ActivityPart): boolean {
  if ([...SYMBOLS[n]].some((c) => text.includes(c))) return true;
  // Digits and brackets compared in their half-width forms (１ → 1, （ → ().
  const t = text.normalize("NFKC");
  const d = String(n);
  if (new RegExp(`[(\\[]\\s*${d}\\s*[)\\]]`).test(t)) return true;
  // "1)" or "1." / "1、" / "1:" opening a line (not "1.5倍"): a numbered paragraph.
  if (new RegExp(`(?:^|\\n)[\\s・]*${d}\\s*(?:[)、:]|\\.(?!\\d))`).test(t)) return true;
  // A heading: 【課題】, [課題], <課題>, ＜今後の方策＞, 《取組》, or "課題:" opening a line.
  const heading =
    /[【[<《〈「『〔]([^】\]>》〉」』〕\n]{1,12})[】\]>》〉」』〕]|(?:^|\n)[\s・]*([^\n:：]{1,10})[:：]/g;
  for (const m of t.matchAll(heading)) if (PART_WORDS[n].test(m[1] ?? m[2] ?? "")) return true;
  return false;
}

/** The parts a ①②③ text lacks. */
export function missingParts(text: string): ActivityPart[] {
  return PARTS.filter((n) => !marks(text, n));
}

/** The finding for a row whose ①②③ text lacks a part, when its header declares the parts. */
export function activityPartFindings(row: CheckedRow, declared: boolean): Finding[] {
  if (!declared) return [];
  const cell = row.cells.activity?.cell;
  if (!cell) return [];
  const text = typeof cell.value === "string" ? cell.value : cell.text;
  if (text.trim() === "") return []; // missing-activity-text says so
  const parts = missingParts(text);
  return parts.length === 0 ? [] : [finding("activity-text-part-missing", row, "activity", { parts })];
}
