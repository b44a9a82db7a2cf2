import type { ProgressRule, StatusWord } from "../model";
import { STATUS_WORDS } from "../model";
import { labelKey } from "../text";
import { TOLERANCE } from "./achievement";

/** 順調に進捗 at or above onTrack, 概ね順調に進捗 at or above nearlyOnTrack, else 進捗の遅れ. */
export function statusForRate(
  rate: number,
  rule: Pick<ProgressRule, "onTrack" | "nearlyOnTrack">,
): StatusWord {
  if (rate >= rule.onTrack - TOLERANCE) return "順調に進捗";
  if (rate >= rule.nearlyOnTrack - TOLERANCE) return "概ね順調に進捗";
  return "進捗の遅れ";
}

/** The status word staff meant, tolerant of stray spaces and full-width forms; null if not one of the three. */
export function recogniseStatus(text: string): StatusWord | null {
  if ((STATUS_WORDS as readonly string[]).includes(text)) return text as StatusWord;
  const key = labelKey(text);
  return STATUS_WORDS.find((w) => w === key) ?? null;
}

/** Words that turn a status into its opposite ("順調ではない", "遅れなし"): no guess is made then. */
const NEGATION = /ない|なし|無し|せず|不明/;
const NEARLY = /概ね|おおむね|ほぼ|概|大体|だいたい/;

/**
 * The status word staff probably meant by text that is not one of the three ("順調", "概ね順調",
 * "遅れ"), or null when there is no safe guess.
 */
export function probableStatus(text: string): StatusWord | null {
  const key = labelKey(text);
  if (key === "" || NEGATION.test(key)) return null;
  if (key.includes("遅")) return "進捗の遅れ";
  if (key.includes("順調")) return NEARLY.test(key) ? "概ね順調に進捗" : "順調に進捗";
  return null;
}
