// The progress rule as staff type it in 設定, and as it comes back from a workbook's settings.
import { DEFAULT_RULE, type Direction, type ProgressRule } from "../core/model";
import { t } from "../i18n/taskpane";

export interface RuleInput {
  onTrack: string;
  nearlyOnTrack: string;
}

export interface RuleErrors {
  onTrack?: string;
  nearlyOnTrack?: string;
}

function parseNumber(text: string): number | null {
  // Staff may type full-width digits; NFKC folds them to ASCII.
  const s = text.normalize("NFKC").trim();
  if (!/^[+]?(\d+(\.\d*)?|\.\d+)$/.test(s)) return null;
  const n = Number(s);
  return Number.isFinite(n) ? n : null;
}

/** Checks the thresholds as typed: numbers, and 0 < nearlyOnTrack <= onTrack. */
export function validateRuleInput(input: RuleInput): {
  errors: RuleErrors;
  onTrack?: number;
  nearlyOnTrack?: number;
} {
  const errors: RuleErrors = {};
  const onTrack = parseNumber(input.onTrack);
  const nearly = parseNumber(input.nearlyOnTrack);
  if (onTrack === null) errors.onTrack = t.settings.invalidNumber;
  else if (onTrack <= 0) errors.onTrack = t.settings.invalidOnTrack;
  if (nearly === null) errors.nearlyOnTrack = t.settings.invalidNumber;
  else if (nearly <= 0 || (onTrack !== null && nearly > onTrack))
    errors.nearlyOnTrack = t.settings.invalidRange;
  if (errors.onTrack || errors.nearlyOnTrack) return { errors };
  return { errors, onTrack: onTrack!, nearlyOnTrack: nearly! };
}

const DIRECTIONS: readonly Direction[] = ["increase", "decrease", "maintain"];

/** A saved rule comes from a file anyone may have edited: accept only what is well formed. */
export function sanitizeRule(value: unknown): ProgressRule {
  if (!value || typeof value !== "object") return { ...DEFAULT_RULE, directionOverrides: {} };
  const v = value as Partial<Record<keyof ProgressRule, unknown>>;
  const num = (x: unknown): number | null =>
    typeof x === "number" && Number.isFinite(x) && x > 0 ? x : null;
  let onTrack = num(v.onTrack) ?? DEFAULT_RULE.onTrack;
  let nearly = num(v.nearlyOnTrack) ?? DEFAULT_RULE.nearlyOnTrack;
  if (nearly > onTrack) [onTrack, nearly] = [DEFAULT_RULE.onTrack, DEFAULT_RULE.nearlyOnTrack];
  const overrides: Record<string, Direction> = {};
  if (v.directionOverrides && typeof v.directionOverrides === "object") {
    for (const [k, d] of Object.entries(v.directionOverrides as Record<string, unknown>)) {
      if (DIRECTIONS.includes(d as Direction)) overrides[k] = d as Direction;
    }
  }
  return { onTrack, nearlyOnTrack: nearly, directionOverrides: overrides };
}
