// Turns raw worksheet.onChanged events into debounced CellChange batches, dropping kensho's own
// writes. Events arrive asynchronously, possibly after the write's sync has resolved, so kensho's
// written cells stay suppressed for a grace period rather than only while the write is running.
import type { CellArea } from "../../core/model";
import { areaAddress, parseArea } from "./a1";
import { STATE_SHEET } from "./stateStore";
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

const VALUE_CHANGES = new Set([
  "RangeEdited",
  "RowInserted",
  "RowDeleted",
  "ColumnInserted",
  "ColumnDeleted",
  "CellInserted",
  "CellDeleted",
  "Unknown",
]);

export class ChangeFeed {
  private pending = new Map<string, CellChange>();
  private timer: unknown = null;
  private suppressions: Suppression[] = [];
  private handlers = new Set<(changes: CellChange[]) => void>();

  constructor(
    private readonly debounceMs: number,
    private readonly graceMs: number,
    private readonly timers: Timers = realTimers,
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
    if (sheet === STATE_SHEET) return;
    // Co-authors' kensho instances write flags too; their panes run their own checks.
    if (ev.source && ev.source !== "Local") return;
    if (ev.triggerSource === "ThisLocalAddin") return;
    if (ev.changeType && !VALUE_CHANGES.has(ev.changeType)) return;
    const area = parseArea(ev.address);
    if (!area) return;
    const details = detailsOf(ev);
    // Same value before and after: only the look changed (a flag being drawn), nothing to re-check.
    if (details && details.valueBefore === details.valueAfter) return;
    if (this.isSuppressed(sheet, area, details !== null)) return;
    const address = areaAddress(area);
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
