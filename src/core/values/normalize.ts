// Text normalisation for value cells only.

const ZERO_WIDTH = /[\u200B-\u200D\u2060\uFEFF]/g;

/**
 * Normalises a value cell's text before parsing: NFKC (full-width digits, commas, parentheses, ％ and
 * the full-width space become ASCII), the minus sign U+2212 becomes "-", zero-width characters go,
 * and white space of any width collapses to one ASCII space and is trimmed.
 *
 * Value cells only: NFKC also rewrites ① to 1, so it must never touch the ①②③ activity text.
 */
// Characters NFKC leaves as they are: printable ASCII, kana, the prolonged sound mark, common CJK
// ideographs and the Japanese comma, full stop and brackets. Text made only of these skips NFKC.
const NFKC_STABLE = /^[\x20-\x7E\u3001\u3002\u300C\u300D\u3041-\u3096\u30A1-\u30FA\u30FC\u4E00-\u9FFF]*$/;

/** Whether NFKC leaves this UTF-16 unit alone (the ranges of NFKC_STABLE). */
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

/**
 * Most value cells ("1,634件 (令和元年)") are already normal: one pass over the text finds that
 * without a regex or a copy. The only white space stable text holds is the ASCII space.
 */
function isAlreadyNormal(s: string): boolean {
  const last = s.length - 1;
  if (last >= 0 && (s.charCodeAt(0) === 0x20 || s.charCodeAt(last) === 0x20)) return false;
  let space = false;
  for (let i = 0; i <= last; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x20) {
      if (space) return false;
      space = true;
    } else if (isStable(c)) space = false;
    else return false;
  }
  return true;
}

export function normalizeValueText(s: string): string {
  if (isAlreadyNormal(s)) return s;
  if (NFKC_STABLE.test(s)) {
    const trimmed = s.trim();
    return /\s{2,}|[^\S ]/.test(trimmed) ? trimmed.replace(/\s+/g, " ") : trimmed;
  }
  return s
    .normalize("NFKC")
    .replace(ZERO_WIDTH, "")
    .replace(/\u2212/g, "-")
    .replace(/\s+/g, " ")
    .trim();
}
