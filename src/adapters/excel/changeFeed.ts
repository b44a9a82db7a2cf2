// Turns raw worksheet.onChanged events into debounced CellChange batches, dropping kensho's own
// writes, and reports rows and columns inserted or deleted so the host can move its record.
// Events arrive asynchronously, possibly after the write's sync has resolved, so kensho's written
// cells stay suppressed for a grace period rather than only while the write is running.
import type { CellArea } from "../../core/model";
import type { StructuralChange } from "../../core/flags";
import { parseA1 } from "../../core/address";
import { areaAddress, parseArea, stripSheet } from "./a1";
import { LEGACY_STATE_SHEET } from "./recordStore";
import type { CellChange } from "./workbookHost";

export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  now(): number;
}

export const realTimers: Timers = {
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
  now: () => Date.now(),
};

/** The fields of Excel.WorksheetChangedEventArgs we look at (structural, so tests can fake them). */
export interface RawChange {
  address: string;
  changeType: string;
  source: string;
  triggerSource?: string;
  /** ExcelApi 1.9, single-cell changes only: the value before and after. */
  details?: { valueBefore?: unknown; valueAfter?: unknown } | null;
  /** ExcelApi 1.14: which way cells shifted for CellInserted / CellDeleted. */
  changeDirectionState?: { insertShiftDirection?: string; deleteShiftDirection?: string } | null;
}

interface Suppression {
  sheet: string;
  area: CellArea;
  until: number;
  /** kensho changed only the look (a flag), never the value. */
  formatOnly: boolean;
}

/** The change details, when the host gives them; reading them must never break the feed. */
function detailsOf(ev: RawChange): { valueBefore?: unknown; valueAfter?: unknown } | null {
  try {
    return ev.details ?? null;
  } catch {
    return null;
  }
}

function directionOf(ev: RawChange): { insertShiftDirection?: string; deleteShiftDirection?: string } | null {
  try {
    return ev.changeDirectionState ?? null;
  } catch {
    return null;
  }
}

/**
 * The change types that can change what a check sees. d.ts, DataChangeType.unknown: "The name of
 * this value was 'Others' in ExcelApi 1.7".
 */
const VALUE_CHANGES = new Set([
  "RangeEdited",
  "RowInserted",
  "RowDeleted",
  "ColumnInserted",
  "ColumnDeleted",
  "CellInserted",
  "CellDeleted",
  "Unknown",
  "Others",
]);

function columnIndex(letters: string): number {
  return parseA1(`${letters}1`)!.col;
}

/** Whole rows ("5:7", "5") or whole columns ("C:D", "C"), as insert and delete events report them. */
export function parseWholeLines(
  address: string,
): { axis: "rows" | "cols"; start: number; count: number } | null {
  const [a, b = a] = stripSheet(address.trim()).replace(/\$/g, "").split(":");
  if (/^\d+$/.test(a) && /^\d+$/.test(b)) {
    const [x, y] = [Number(a) - 1, Number(b) - 1];
    return { axis: "rows", start: Math.min(x, y), count: Math.abs(y - x) + 1 };
  }
  if (/^[A-Za-z]{1,3}$/.test(a) && /^[A-Za-z]{1,3}$/.test(b)) {
    const [x, y] = [columnIndex(a), columnIndex(b)];
    return { axis: "cols", start: Math.min(x, y), count: Math.abs(y - x) + 1 };
  }
  return null;
}

/**
 * What moved, from an insert or delete event. The axis comes from the address's shape, not from the
 * change type: a column inserted at A was reported as RowInserted (OfficeDev/office-js#669). Cells
 * inserted or deleted (not whole lines) move only with ExcelApi 1.14's changeDirectionState.
 */
export function structuralChange(sheet: string, ev: RawChange): StructuralChange | null {
  const kind = /Inserted$/.test(ev.changeType) ? "insert" : /Deleted$/.test(ev.changeType) ? "delete" : null;
  if (!kind) return null;
  const lines = parseWholeLines(ev.address);
  if (lines) return { sheet, kind, ...lines };
  const area = parseArea(ev.address);
  const dir = directionOf(ev);
  const shift = kind === "insert" ? dir?.insertShiftDirection : dir?.deleteShiftDirection;
  if (!area || !shift) return null;
  if (shift === "Down" || shift === "Up")
    return {
      sheet,
      kind,
      axis: "rows",
      start: area.top,
      count: area.bottom - area.top + 1,
      within: { from: area.left, to: area.right },
    };
  if (shift === "Right" || shift === "Left")
    return {
      sheet,
      kind,
      axis: "cols",
      start: area.left,
      count: area.right - area.left + 1,
      within: { from: area.top, to: area.bottom },
    };
  return null;
}

export class ChangeFeed {
  private pending = new Map<string, CellChange>();
  private timer: unknown = null;
  private suppressions: Suppression[] = [];
  private handlers = new Set<(changes: CellChange[]) => void>();

  constructor(
    private readonly debounceMs: number,
    private readonly graceMs: number,
    private readonly timers: Timers = realTimers,
    /** Rows or columns moved (by anyone, co-authors included): called at once, before any re-check. */
    private readonly onStructure: (change: StructuralChange) => void = () => undefined,
    /** Anything changed that kensho did not write (a person, a co-author): called at once. */
    private readonly onForeignChange: () => void = () => undefined,
  ) {}

  subscribe(handler: (changes: CellChange[]) => void): () => void {
    this.handlers.add(handler);
    return () => this.handlers.delete(handler);
  }

  get subscribed(): boolean {
    return this.handlers.size > 0;
  }

  /**
   * Call before kensho's own write sync; `end` after it (success or not). `formatOnly` writes (flags)
   * change no value, so an event whose details show a value change there is a person's edit.
   */
  beginWrite(cells: Array<{ sheet: string; address: string }>, formatOnly = false): () => void {
    const open: Suppression[] = [];
    for (const c of cells) {
      const area = parseArea(c.address);
      if (area) open.push({ sheet: c.sheet, area, until: Number.POSITIVE_INFINITY, formatOnly });
    }
    this.suppressions.push(...open);
    return () => {
      const until = this.timers.now() + this.graceMs;
      for (const s of open) s.until = until;
    };
  }

  /** Feeds one raw event for a sheet (by name). */
  push(sheet: string, ev: RawChange): void {
    if (sheet === LEGACY_STATE_SHEET) return;
    // Moved cells move the record whoever moved them; kensho itself never inserts or deletes.
    const moved = structuralChange(sheet, ev);
    if (moved) this.onStructure(moved);
    // Co-authors' kensho instances write marks too; their panes run their own checks. What this
    // pane last read may be out of date either way.
    if (ev.source && ev.source !== "Local") {
      this.onForeignChange();
      return;
    }
    if (ev.triggerSource === "ThisLocalAddin") return;
    if (ev.changeType && !VALUE_CHANGES.has(ev.changeType)) return;
    const lines = parseWholeLines(ev.address);
    const area = lines ? null : parseArea(ev.address);
    if (!lines && !area) return;
    if (area) {
      const details = detailsOf(ev);
      // Same value before and after: only the look changed (a flag being drawn), nothing to re-check.
      if (details && details.valueBefore === details.valueAfter) return;
      if (this.isSuppressed(sheet, area, details !== null)) return;
    }
    this.onForeignChange();
    const address = area ? areaAddress(area) : stripSheet(ev.address);
    this.pending.set(`${sheet}\u0000${address}`, { sheet, address });
    if (this.timer !== null) this.timers.clearTimeout(this.timer);
    this.timer = this.timers.setTimeout(() => this.flush(), this.debounceMs);
  }

  private isSuppressed(sheet: string, area: CellArea, valueChanged: boolean): boolean {
    const now = this.timers.now();
    this.suppressions = this.suppressions.filter((s) => s.until >= now);
    // A proven value change is never hidden behind a flag kensho drew on the same cell.
    const mine = this.suppressions.filter((s) => s.sheet === sheet && !(valueChanged && s.formatOnly));
    if (mine.length === 0) return false;
    // Suppressed only when every cell of the event lies in something kensho wrote.
    const cells = (area.bottom - area.top + 1) * (area.right - area.left + 1);
    if (cells > 10000) return false;
    for (let r = area.top; r <= area.bottom; r++) {
      for (let c = area.left; c <= area.right; c++) {
        if (!mine.some((s) => r >= s.area.top && r <= s.area.bottom && c >= s.area.left && c <= s.area.right))
          return false;
      }
    }
    return true;
  }

  private flush(): void {
    this.timer = null;
    const changes = [...this.pending.values()];
    this.pending.clear();
    if (changes.length === 0) return;
    for (const h of this.handlers) h(changes);
  }

  dispose(): void {
    if (this.timer !== null) this.timers.clearTimeout(this.timer);
    this.timer = null;
    this.pending.clear();
    this.handlers.clear();
  }
}
