// How a value written through Range.values (or a constant through Range.formulas) lands in a cell.
import type { CellValue } from "../../../src/core/model";
import { FakeOfficeError } from "./errors";
import type { FCell } from "./model";

const NUMBER = /^\s*(\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?\s*(%?)\s*$/;
const SIGNED_NUMBER = /^[+-]\s*(\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?\s*(%?)\s*$/;

function numberOf(text: string, re: RegExp): number | null {
  const m = re.exec(text);
  if (!m) return null;
  const n = Number(text.replace(/[%\s]/g, ""));
  if (!Number.isFinite(n)) return null;
  return m[2] === "%" ? n / 100 : n;
}

/** The displayed text. The fake renders General and percent formats only; other formats show the raw number. */
function display(value: CellValue, format = "General"): string {
  if (value === null) return "";
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  const percent = /^0(?:\.(0+))?%$/.exec(format);
  if (typeof value === "number" && percent) return `${(value * 100).toFixed(percent[1]?.length ?? 0)}%`;
  return String(value);
}

function setConstant(c: FCell, value: CellValue, quotePrefix = false): void {
  c.formula = null;
  c.quotePrefix = quotePrefix;
  c.value = value;
  c.text = display(value, c.format);
}

/** A formula the fake can evaluate: a signed number or percent, or a string literal. */
function evaluate(formula: string): CellValue {
  const body = formula.slice(1).trim();
  const n = numberOf(body, SIGNED_NUMBER) ?? numberOf(body, NUMBER);
  if (n !== null) return n;
  const literal = /^"((?:[^"]|"")*)"$/.exec(body);
  if (literal) return literal[1].replace(/""/g, '"');
  // The fake does not evaluate references or functions; Excel would show a result, the fake an error.
  return "#NAME?";
}

/**
 * Writes one entry into a cell the way Excel interprets it.
 *  - [valuesAsFormulas] d.ts Range.values: 'If the returned value starts with a plus ("+"), minus ("-"),
 *    or equal sign ("="), Excel interprets this value as a formula.' Harsher where silent: a + or -
 *    entry that is no valid formula fails the batch with InvalidArgument.
 *  - [textEntry] support article "Long numbers are displayed incorrectly in Excel": a cell formatted
 *    as Text before the entry keeps it as text ("Be sure to set the cell format before you type");
 *    a leading apostrophe keeps the rest as text and "will not be displayed".
 *  - numeric strings become numbers and TRUE/FALSE booleans, as typed entries do.
 */
export function enterValue(c: FCell, raw: unknown): void {
  if (raw === null || raw === undefined || raw === "") {
    setConstant(c, null);
    return;
  }
  if (typeof raw === "number" || typeof raw === "boolean") {
    setConstant(c, raw);
    return;
  }
  const text = String(raw);
  if (c.format === "@") {
    setConstant(c, text);
    return;
  }
  if (text.startsWith("'")) {
    setConstant(c, text.slice(1), true);
    return;
  }
  if (text.startsWith("=")) {
    if (text.length === 1) throw new FakeOfficeError("InvalidArgument", "An empty formula is not valid.");
    c.quotePrefix = false;
    c.formula = text;
    c.value = evaluate(text);
    c.text = display(c.value, c.format);
    return;
  }
  if (text.startsWith("+") || text.startsWith("-")) {
    const n = numberOf(text, SIGNED_NUMBER);
    if (n === null)
      throw new FakeOfficeError(
        "InvalidArgument",
        `'${text}' is interpreted as the formula '=${text}', which is not valid.`,
      );
    c.quotePrefix = false;
    c.formula = `=${text}`;
    c.value = n;
    c.text = display(n, c.format);
    return;
  }
  const n = numberOf(text, NUMBER);
  if (n !== null) {
    setConstant(c, n);
    return;
  }
  if (/^(true|false)$/i.test(text.trim())) {
    setConstant(c, text.trim().toLowerCase() === "true");
    return;
  }
  setConstant(c, text);
}

/** Range.formulas setter: formulas stay formulas; anything else is entered like a value. */
export function enterFormula(c: FCell, raw: unknown): void {
  if (typeof raw === "string" && raw.startsWith("=") && raw.length > 1) {
    c.quotePrefix = false;
    c.formula = raw;
    c.value = evaluate(raw);
    c.text = display(c.value, c.format);
    return;
  }
  enterValue(c, raw);
}

/** Range.valueTypes for one cell. */
export function valueType(c: FCell | undefined): string {
  const v = c?.value ?? null;
  if (v === null || v === "") return "Empty";
  if (typeof v === "number") return "Double";
  if (typeof v === "boolean") return "Boolean";
  if (/^#[A-Z/0!?]+[!?A]?$/.test(v) && !c?.quotePrefix) return "Error";
  return "String";
}

/** Range.formulas for one cell: the formula, else the value ("" when empty; no apostrophe). */
export function formulaOf(c: FCell | undefined): unknown {
  if (!c) return "";
  if (c.formula !== null) return c.formula;
  return c.value === null ? "" : c.value;
}
