// A cell's content read so it can be written back exactly as it was.
//
// d.ts, Range.values: 'If the returned value starts with a plus ("+"), minus ("-"), or equal sign
// ("="), Excel interprets this value as a formula' — and typed entries turn "12" into a number. What
// keeps text as text (support article "Long numbers are displayed incorrectly in Excel"): a cell
// formatted as Text before the entry, or a leading apostrophe, which "will not be displayed". So a
// text that Excel would read as something else goes back with an apostrophe, unless the cell is
// formatted as Text already. Reading `formulas` does not show that apostrophe (OfficeDev/office-js
// #6687), so a formula is told from text by its value: a formula's value is its result.
/* global Excel */

import type { CellContent } from "../../core/flags";

export interface ReadContent {
  content: CellContent;
  /** The cell's number format: "@" (Text) keeps entries verbatim without an apostrophe. */
  format: string;
}

/** Queues the read of one cell; the result is valid after the sync. */
export function queueContent(range: Excel.Range): () => ReadContent {
  range.load("formulas,values,valueTypes,numberFormat");
  return () => {
    const formula = range.formulas[0][0] as unknown;
    const value = range.values[0][0] as unknown;
    const type = range.valueTypes[0][0] as string;
    const format = String(range.numberFormat[0][0] ?? "General");
    return { content: contentOf(formula, value, type), format };
  };
}

export function contentOf(formula: unknown, value: unknown, type: string): CellContent {
  if (typeof formula === "string" && formula.startsWith("=") && formula !== value)
    return { type: "formula", formula };
  switch (type) {
    case "Empty":
      return { type: "empty" };
    case "Double":
      return { type: "number", number: Number(value) };
    case "Boolean":
      return { type: "boolean", boolean: value === true };
    case "Error":
      return { type: "error", text: String(value) };
  }
  return value === "" || value === null || value === undefined
    ? { type: "empty" }
    : { type: "text", text: String(value) };
}

/**
 * Whether Excel would read `text` as something other than that text: a formula (=, +, -), an
 * apostrophe of its own, a number, percent, date or time (anything with a digit), a boolean, or an
 * entry Excel may treat specially (@, leading or trailing space).
 */
export function needsApostrophe(text: string): boolean {
  return (
    /^[=+\-'@]/.test(text) || /\d/.test(text) || /^(true|false)$/i.test(text.trim()) || text.trim() !== text
  );
}

/** The entry that stores `text` verbatim in a cell with this number format. */
export function textEntry(text: string, format: string): string {
  return format === "@" || !needsApostrophe(text) ? text : `'${text}`;
}

/** Queues writing a cell's content back. */
export function writeContent(range: Excel.Range, c: CellContent, format: string): void {
  switch (c.type) {
    case "empty":
      range.values = [[""]];
      return;
    case "formula":
      range.formulas = [[c.formula]];
      return;
    case "number":
      range.values = [[c.number]];
      return;
    case "boolean":
      range.values = [[c.boolean]];
      return;
    case "error":
      range.values = [[c.text]];
      return;
    case "text":
      range.values = [[textEntry(c.text, format)]];
  }
}
