// The check's own settings (beyond the progress rule) as staff type them in 設定, and as they come
// back from a workbook's settings: the texts that give no reason for a delay.
import { DEFAULT_CHECK_OPTIONS, type CheckOptions } from "../core/model";

/** Enough for any list staff keep by hand; a setting beyond it was not typed in 設定. */
const MAX_WORDS = 100;
const MAX_WORD_LENGTH = 50;

/** The words typed in the box: one a line, or separated by commas or 、. Blank and repeated ones go. */
export function parsePlaceholderInput(text: string): string[] {
  const words = text
    .split(/[\n,，、]/)
    .map((w) => w.trim())
    .filter((w) => w !== "");
  return [...new Set(words)];
}

/** The list as the box shows it: one a line. */
export function formatPlaceholders(words: readonly string[]): string {
  return words.join("\n");
}

/** Saved options come from a file anyone may have edited: accept only what is well formed. */
export function sanitizeCheckOptions(value: unknown): CheckOptions {
  const list =
    value && typeof value === "object"
      ? (value as { reasonPlaceholders?: unknown }).reasonPlaceholders
      : null;
  if (!Array.isArray(list)) return { reasonPlaceholders: [...DEFAULT_CHECK_OPTIONS.reasonPlaceholders] };
  const words = list
    .filter((w): w is string => typeof w === "string")
    .map((w) => w.trim())
    .filter((w) => w !== "" && w.length <= MAX_WORD_LENGTH);
  return { reasonPlaceholders: [...new Set(words)].slice(0, MAX_WORDS) };
}
