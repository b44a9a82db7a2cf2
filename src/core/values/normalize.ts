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

export function normalizeValueText(s: string): string {
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
