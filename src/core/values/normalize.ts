// Text normalisation for value cells only.

const ZERO_WIDTH = /[\u200B-\u200D\u2060\uFEFF]/g;

/**
 * Normalises a value cell's text before parsing: NFKC (full-width digits, commas, parentheses, ％ and
 * the full-width space become ASCII), the minus sign U+2212 becomes "-", zero-width characters go,
 * and white space of any width collapses to one ASCII space and is trimmed.
 *
 * Value cells only: NFKC also rewrites ① to 1, so it must never touch the ①②③ activity text.
 */
export function normalizeValueText(s: string): string {
  return s
    .normalize("NFKC")
    .replace(ZERO_WIDTH, "")
    .replace(/\u2212/g, "-")
    .replace(/\s+/g, " ")
    .trim();
}
