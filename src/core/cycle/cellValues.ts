// Comparing and copying cell values between copies of a workbook: values only, as stored.
import type { CellValue, RawCell } from "../model";

/** A value to write into a cell. */
export type PlannedValue =
  | { kind: "number"; value: number }
  | { kind: "text"; value: string }
  | { kind: "blank" }
  /** Another cell's stored value on the same sheet (0-based), copied as is. */
  | { kind: "copy"; row: number; col: number };

function normalised(v: CellValue | undefined): CellValue {
  if (v === undefined || v === null) return null;
  if (typeof v === "string") {
    const s = v.replace(/\r\n?/g, "\n");
    return s === "" ? null : s;
  }
  return v;
}

/** Whether two cells hold the same value (line endings aside; blank and "" alike). */
export function sameValue(a: RawCell | undefined, b: RawCell | undefined): boolean {
  const x = normalised(a?.value);
  const y = normalised(b?.value);
  if (typeof x === "number" && typeof y === "number")
    return x === y || Math.abs(x - y) <= 1e-12 * Math.max(1, Math.abs(x));
  return x === y;
}

/** The planned value that writes a cell's stored value elsewhere. */
export function valueOf(cell: RawCell | undefined): PlannedValue {
  const v = cell?.value;
  if (v === null || v === undefined || v === "") return { kind: "blank" };
  if (typeof v === "number") return { kind: "number", value: v };
  if (typeof v === "boolean") return { kind: "text", value: v ? "TRUE" : "FALSE" };
  return { kind: "text", value: v };
}
