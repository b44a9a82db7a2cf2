// Whether 進捗が遅れている理由 gives a reason: blank, a dash of any width, white space or a placeholder
// such as 特になし does not.

/** Dashes of any width and count, with spaces around them: "-", "－", "ー", "―", "--", "- -". */
const DASHES_ONLY = /^[\s\u3000\-－ー—―‐‑‒–−─━~〜・･.。…]*$/;
/** Closing punctuation and brackets staff add around a placeholder: 「特になし。」, (なし). */
const PUNCTUATION = /[\s\u3000。、．，.,!！?？「」『』()（）[\]【】]/g;

/** The key a reason and a placeholder are compared by: NFKC, no spaces or punctuation, lower case. */
export function reasonKey(text: string): string {
  return text.normalize("NFKC").replace(PUNCTUATION, "").toLowerCase();
}

/** The comparison keys of a placeholder list (built once per check). */
export function placeholderKeys(placeholders: readonly string[]): ReadonlySet<string> {
  const keys = new PlaceholderKeys();
  for (const p of placeholders) {
    if (typeof p !== "string") continue;
    const k = reasonKey(p);
    if (k !== "") keys.add(k);
  }
  return keys;
}

/** A set of keys that knows its longest key, so that a real reason (a sentence) is not normalised. */
class PlaceholderKeys extends Set<string> {
  longest = 0;
  override add(key: string): this {
    this.longest = Math.max(this.longest, key.length);
    return super.add(key);
  }
}

export type ReasonState = "given" | "blank" | "placeholder";

/** What a reason cell holds: a reason, nothing (blank, dashes, spaces), or a placeholder. */
export function reasonState(text: string, placeholders: ReadonlySet<string>): ReasonState {
  if (DASHES_ONLY.test(text)) return "blank";
  // Punctuation and spaces at most double a placeholder; anything longer is a reason as written.
  const longest = placeholders instanceof PlaceholderKeys ? placeholders.longest : Infinity;
  if (text.length > 2 * longest + 8 && text.trim() !== "") return "given";
  const key = reasonKey(text);
  if (key === "") return "blank";
  return placeholders.has(key) ? "placeholder" : "given";
}
