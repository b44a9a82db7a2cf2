// The edit record is read from a workbook, and a workbook is input: every value is checked against
// this schema before anything is done with it. Strict: a field of the wrong type, an unknown field or
// a value past its limit rejects the entry (and with it the step), never a guess at what was meant.
import { parseA1 } from "../address";
import type { CellContent, ValidationState } from "./content";

/** Excel's limits: 32,767 characters in a cell, 8,192 in a formula, 31 in a sheet name. */
export const MAX_TEXT = 32_767;
export const MAX_FORMULA = 8_192;
const MAX_SHEET_NAME = 31;
const MAX_ROW = 1_048_576;
const MAX_COLUMN = 16_384;

/** The error values a cell can show (Excel's CellValueType Error): never anything else. */
export const ERROR_VALUES: ReadonlySet<string> = new Set([
  "#NULL!",
  "#DIV/0!",
  "#VALUE!",
  "#REF!",
  "#NAME?",
  "#NUM!",
  "#N/A",
  "#GETTING_DATA",
  "#SPILL!",
  "#CALC!",
  "#FIELD!",
  "#BLOCKED!",
  "#CONNECT!",
  "#BUSY!",
  "#UNKNOWN!",
]);

/** DataValidationType (ExcelApi 1.8). */
const VALIDATION_TYPES: ReadonlySet<string> = new Set([
  "None",
  "WholeNumber",
  "Decimal",
  "List",
  "Date",
  "Time",
  "TextLength",
  "Custom",
  "Inconsistent",
  "MixedCriteria",
]);

/** DataValidationRule's seven rule types; "No more than one of these properties may be present". */
const RULE_TYPES: ReadonlySet<string> = new Set([
  "wholeNumber",
  "decimal",
  "list",
  "date",
  "time",
  "textLength",
  "custom",
]);
const RULE_FIELDS: ReadonlySet<string> = new Set([
  "formula1",
  "formula2",
  "operator",
  "inCellDropDown",
  "source",
  "formula",
]);

export const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

/** Only these keys, each present one passing its check. */
export function hasOnly(o: Record<string, unknown>, allowed: readonly string[]): boolean {
  return Object.keys(o).every((k) => allowed.includes(k));
}

const boundedString = (v: unknown, max: number): v is string => typeof v === "string" && v.length <= max;

/** A worksheet name Excel accepts: 1–31 characters, none of : \ / ? * [ ]. */
export function isSheetName(v: unknown): v is string {
  return boundedString(v, MAX_SHEET_NAME) && v.length > 0 && !/[:\\/?*[\]]/.test(v);
}

/** An A1 cell inside Excel's grid, as kensho writes it: upper case, no "$", no sheet. */
export function isCellAddress(v: unknown): v is string {
  if (typeof v !== "string" || !/^[A-Z]{1,3}[1-9]\d{0,6}$/.test(v)) return false;
  const p = parseA1(v);
  return p !== null && p.row < MAX_ROW && p.col < MAX_COLUMN;
}

/** A cell's content, or null when it is not one kensho could have recorded. */
export function readCellContent(v: unknown): CellContent | null {
  if (!isObject(v)) return null;
  switch (v.type) {
    case "empty":
      return hasOnly(v, ["type"]) ? { type: "empty" } : null;
    case "formula":
      return hasOnly(v, ["type", "formula"]) &&
        boundedString(v.formula, MAX_FORMULA) &&
        v.formula.startsWith("=") &&
        v.formula.length > 1
        ? { type: "formula", formula: v.formula }
        : null;
    case "text":
      return hasOnly(v, ["type", "text"]) && boundedString(v.text, MAX_TEXT) && v.text !== ""
        ? { type: "text", text: v.text }
        : null;
    case "error":
      return hasOnly(v, ["type", "text"]) && typeof v.text === "string" && ERROR_VALUES.has(v.text)
        ? { type: "error", text: v.text }
        : null;
    case "number":
      return hasOnly(v, ["type", "number"]) && typeof v.number === "number" && Number.isFinite(v.number)
        ? { type: "number", number: v.number }
        : null;
    case "boolean":
      return hasOnly(v, ["type", "boolean"]) && typeof v.boolean === "boolean"
        ? { type: "boolean", boolean: v.boolean }
        : null;
  }
  return null;
}

function isRuleValue(v: unknown): boolean {
  if (v === null) return true;
  if (!isObject(v) || !hasOnly(v, [...RULE_FIELDS])) return false;
  return Object.values(v).every(
    (x) =>
      x === null ||
      typeof x === "boolean" ||
      (typeof x === "number" && Number.isFinite(x)) ||
      boundedString(x, MAX_FORMULA),
  );
}

function isRule(v: unknown): boolean {
  if (!isObject(v) || !hasOnly(v, [...RULE_TYPES])) return false;
  const set = Object.values(v).filter((x) => x !== null && x !== undefined);
  return set.length <= 1 && Object.values(v).every(isRuleValue);
}

function isMessageBox(v: unknown, flag: string, extra: readonly string[]): boolean {
  if (v === null) return true;
  if (!isObject(v) || !hasOnly(v, [flag, "title", "message", ...extra])) return false;
  return (
    (v[flag] === undefined || typeof v[flag] === "boolean") &&
    (v.title === undefined || boundedString(v.title, 255)) &&
    (v.message === undefined || boundedString(v.message, 255)) &&
    extra.every((k) => v[k] === undefined || ["Stop", "Warning", "Information"].includes(v[k] as string))
  );
}

/** A cell's data validation as read by the pane, or null when it is not one. */
export function readValidationState(v: unknown): ValidationState | null {
  if (!isObject(v) || !hasOnly(v, ["type", "rule", "ignoreBlanks", "prompt", "errorAlert"])) return null;
  if (typeof v.type !== "string" || !VALIDATION_TYPES.has(v.type)) return null;
  if (typeof v.ignoreBlanks !== "boolean") return null;
  const rule = v.rule ?? {};
  if (!isRule(rule)) return null;
  const prompt = v.prompt ?? null;
  const errorAlert = v.errorAlert ?? null;
  if (!isMessageBox(prompt, "showPrompt", []) || !isMessageBox(errorAlert, "showAlert", ["style"]))
    return null;
  return { type: v.type, rule, ignoreBlanks: v.ignoreBlanks, prompt, errorAlert };
}
