// One flag per cell: the cells a check marks, keyed and merged the same way by the pane and by
// `kensho --annotate` (marks.ts plans what to write from them).
import type { Severity } from "../model";
import { SEVERITY_RANK } from "../summary";

/** One cell to mark: the worst severity among its findings and their messages, already rendered. */
export interface CellFlag {
  sheet: string;
  /** A1 address on the sheet. */
  address: string;
  severity: Severity;
  /** The findings' messages in the user's language (the core renders none). */
  message: string;
}

export function normalizeAddress(address: string): string {
  const bang = address.lastIndexOf("!");
  return (bang >= 0 ? address.slice(bang + 1) : address).replace(/\$/g, "").toUpperCase();
}

export function cellKey(sheet: string, address: string): string {
  return `${sheet}\u0000${normalizeAddress(address)}`;
}

/** Several findings on one cell become one flag: the most severe colour, every distinct message. */
export function mergeFlags(flags: CellFlag[], joiner = "\n"): CellFlag[] {
  const byCell = new Map<string, CellFlag & { messages: string[] }>();
  for (const f of flags) {
    const key = cellKey(f.sheet, f.address);
    const prev = byCell.get(key);
    if (!prev) {
      byCell.set(key, { ...f, address: normalizeAddress(f.address), messages: [f.message] });
      continue;
    }
    if (SEVERITY_RANK[f.severity] < SEVERITY_RANK[prev.severity]) prev.severity = f.severity;
    if (!prev.messages.includes(f.message)) prev.messages.push(f.message);
  }
  return [...byCell.values()].map(({ messages, ...flag }) => ({ ...flag, message: messages.join(joiner) }));
}
