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
  const keys = new Set<string>();
  for (const p of placeholders) {
    if (typeof p !== "string") continue;
    const k = reasonKey(p);
    if (k !== "") keys.add(k);
  }
  return keys;
}

export type ReasonState = "given" | "blank" | "placeholder";

/** What a reason cell holds: a reason, nothing (blank, dashes, spaces), or a placeholder. */
export function reasonState(text: string, placeholders: ReadonlySet<string>): ReasonState {
  if (DASHES_ONLY.test(text)) return "blank";
  const key = reasonKey(text);
  if (key === "") return "blank";
  return placeholders.has(key) ? "placeholder" : "given";
}
