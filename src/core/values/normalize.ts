// Text normalisation for value cells only.

const ZERO_WIDTH = /[\u200B-\u200D\u2060\uFEFF]/g;

/**
 * Normalises a value cell's text before parsing: NFKC (full-width digits, commas, parentheses, ％ and
 * the full-width space become ASCII), the minus sign U+2212 becomes "-", zero-width characters go,
 * and white space of any width collapses to one ASCII space and is trimmed.
 *
 * Value cells only: NFKC also rewrites ① to 1, so it must never touch the ①②③ activity text.
 */
/**
 * Whether NFKC leaves this UTF-16 unit alone: printable ASCII, kana, the prolonged sound mark, common
 * CJK ideographs and the Japanese comma, full stop and brackets. Text made only of these skips NFKC.
 */
function isStable(c: number): boolean {
  if (c < 0x3001) return c >= 0x20 && c <= 0x7e;
  return (
    (c >= 0x4e00 && c <= 0x9fff) ||
    (c >= 0x3041 && c <= 0x3096) ||
    (c >= 0x30a1 && c <= 0x30fa) ||
    c === 0x30fc ||
    c === 0x3001 ||
    c === 0x3002 ||
    c === 0x300c ||
    c === 0x300d
  );
}

/** What a value text needs: nothing (most cells), only its spaces folded, or NFKC. */
type Needs = "nothing" | "spaces" | "nfkc";

/**
 * One pass over the text, without a regex or a copy. The only white space stable text holds is the
 * ASCII space, so stable text needs at most its spaces trimmed and runs of them folded.
 */
function needsOf(s: string): Needs {
  const last = s.length - 1;
  let needs: Needs =
    last >= 0 && (s.charCodeAt(0) === 0x20 || s.charCodeAt(last) === 0x20) ? "spaces" : "nothing";
  let space = false;
  for (let i = 0; i <= last; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x20) {
      if (space) needs = "spaces";
      space = true;
    } else if (isStable(c)) space = false;
    else return "nfkc";
  }
  return needs;
}

export function normalizeValueText(s: string): string {
  const needs = needsOf(s);
  if (needs === "nothing") return s;
  if (needs === "spaces") return s.trim().replace(/ {2,}/g, " ");
  return s
    .normalize("NFKC")
    .replace(ZERO_WIDTH, "")
    .replace(/\u2212/g, "-")
    .replace(/\s+/g, " ")
    .trim();
}
