// What a cell held, in the two forms the pane's edits touch: its content (進捗状況を適用 and
// 提出ファイルを取り込む write values) and its data validation (the status drop-down). Equality here
// is what "the cell still holds exactly what kensho wrote" means.
import { STATUS_WORDS } from "../model";

/** A cell's content as it was, enough to write it back verbatim. */
export type CellContent =
  | { type: "empty" }
  | { type: "formula"; formula: string }
  | { type: "text"; text: string }
  | { type: "number"; number: number }
  | { type: "boolean"; boolean: boolean }
  | { type: "error"; text: string };

/** A cell's data validation as Excel reports it (ExcelApi 1.8); type "None" for none. */
export interface ValidationState {
  type: string;
  rule: unknown;
  ignoreBlanks: boolean;
  prompt: unknown;
  errorAlert: unknown;
}

export function sameContent(a: CellContent, b: CellContent): boolean {
  switch (a.type) {
    case "empty":
      return b.type === "empty";
    case "formula":
      return b.type === "formula" && a.formula === b.formula;
    case "text":
      return b.type === "text" && a.text === b.text;
    case "error":
      return b.type === "error" && a.text === b.text;
    case "number":
      return b.type === "number" && Object.is(a.number, b.number);
    case "boolean":
      return b.type === "boolean" && a.boolean === b.boolean;
  }
}

/** The list source of kensho's status drop-down. */
export const STATUS_LIST_SOURCE = STATUS_WORDS.join(",");

/** kensho's drop-down: a list of exactly the three status words. */
export function isStatusDropdown(v: ValidationState): boolean {
  const rule = v.rule as { list?: { source?: unknown } | null } | null;
  return (
    v.type === "List" && typeof rule?.list?.source === "string" && rule.list.source === STATUS_LIST_SOURCE
  );
}

/** The rule with the rule types a read lists as null left out: what is actually set. */
export function setRule(rule: unknown): Record<string, unknown> {
  if (typeof rule !== "object" || rule === null) return {};
  return Object.fromEntries(
    Object.entries(rule as Record<string, unknown>).filter(([, v]) => v !== null && v !== undefined),
  );
}

/** Two validations alike in everything a person sees: type, rule, blanks, prompt and alert. */
export function sameValidation(a: ValidationState, b: ValidationState): boolean {
  if (a.type !== b.type) return false;
  if (a.type === "None") return true;
  return (
    canonical(setRule(a.rule)) === canonical(setRule(b.rule)) &&
    a.ignoreBlanks === b.ignoreBlanks &&
    canonical(a.prompt ?? null) === canonical(b.prompt ?? null) &&
    canonical(a.errorAlert ?? null) === canonical(b.errorAlert ?? null)
  );
}

/** JSON with object keys sorted: the same value always gives the same text. */
export function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(",")}]`;
  if (typeof v === "object" && v !== null) {
    const o = v as Record<string, unknown>;
    return `{${Object.keys(o)
      .filter((k) => o[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical(o[k])}`)
      .join(",")}}`;
  }
  return JSON.stringify(v) ?? "null";
}
