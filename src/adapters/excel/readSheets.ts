// Reading every sheet's used range into SheetGrids in a fixed number of syncs.
/* global Excel */
/* eslint-disable office-addins/call-sync-before-read, office-addins/call-sync-after-load -- loaded
   properties are read in closures that callers run after the sync; the rule cannot follow closures. */
// Normal path: sync 1 lists the sheets, sync 2 loads everything of every sheet at once — values,
// text, formats, shapes and (ExcelApi 1.9+) every cell's original fill via getCellProperties, which
// the host caches so that writeFlags needs no read sync of its own. Hooks let the host queue its
// own reads (state, notes, comments, event registration) into these same two batches.
// Excel on the web caps a whole batch (request and response) at 5 MB, so splitting a range into
// several proxies inside one sync does not help; only when Excel reports the payload limit do we
// fall back to one sync per row chunk (a path that exists for pathological workbooks only).
import type { CellArea, CellValue, SheetGrid } from "../../core/model";
import { emptySheetGrid, gridFromArrays } from "../../core/grid";
import { parseAreas } from "./a1";
import { isPayloadError, toHostError } from "./errors";
import { observedFill, type FillSpec } from "./flagPlan";
import type { SheetFills } from "./readCache";
import { STATE_SHEET } from "./stateStore";
import { apiAtLeast } from "./support";
import type { HostSupport } from "./workbookHost";

export interface SheetRef {
  name: string;
  id: string;
}

/** Extra reads the host rides on readSheets' batches, so they cost no sync of their own. */
export interface ReadHooks {
  /** Queued in the sheet-list batch (sync 1); the returned function runs after it with every sheet. */
  withList?(ctx: Excel.RequestContext): (sheets: SheetRef[]) => void;
  /**
   * Queued in the batch that loads the cells (sync 2; again in the dimension batch when a payload
   * error forces the chunked fallback). The returned function runs after the batch that succeeded.
   */
  withCells?(ctx: Excel.RequestContext, sheets: SheetRef[]): () => void;
}

export interface ReadOptions {
  /** Cells per chunk in the payload-limit fallback. */
  chunkCells: number;
  hooks?: ReadHooks;
}

export interface ReadResult {
  grids: SheetGrid[];
  /** Original fills per read sheet (ExcelApi 1.9+; empty below). */
  fills: Map<string, SheetFills>;
}

/** getCellProperties (ExcelApi 1.9), reduced to the fill: one small object per cell. */
const FILL_PROPS: Excel.CellPropertiesLoadOptions = { format: { fill: { color: true, pattern: true } } };
const NO_FILL: FillSpec = Object.freeze({ fill: null, pattern: null }) as FillSpec;

function fillsFrom(props: Excel.CellProperties[][]): Array<Array<FillSpec | undefined>> {
  return props.map((row) =>
    row.map((p) => {
      const f = observedFill(p.format?.fill?.color ?? null, p.format?.fill?.pattern ?? null);
      return f.fill === null ? NO_FILL : f;
    }),
  );
}

export const DEFAULT_CHUNK_CELLS = 20000;

interface Dims {
  rowIndex: number;
  columnIndex: number;
  rowCount: number;
  columnCount: number;
}

function toCellValue(v: unknown): CellValue {
  if (v === "" || v === undefined) return null;
  if (typeof v === "string" || typeof v === "number" || typeof v === "boolean" || v === null) return v;
  return String(v);
}

/** Rows and columns of the used range that no visible area covers. */
function hiddenFromVisible(dims: Dims, visible: CellArea[] | null): { rows: number[]; cols: number[] } {
  const rows: number[] = [];
  const cols: number[] = [];
  if (visible === null) {
    // Nothing visible at all: report the rows hidden (the core skips hidden rows; columns rarely all hide).
    for (let r = 0; r < dims.rowCount; r++) rows.push(dims.rowIndex + r);
    return { rows, cols };
  }
  const rowSeen = new Uint8Array(dims.rowCount);
  const colSeen = new Uint8Array(dims.columnCount);
  for (const a of visible) {
    for (
      let r = Math.max(a.top, dims.rowIndex);
      r <= Math.min(a.bottom, dims.rowIndex + dims.rowCount - 1);
      r++
    )
      rowSeen[r - dims.rowIndex] = 1;
    for (
      let c = Math.max(a.left, dims.columnIndex);
      c <= Math.min(a.right, dims.columnIndex + dims.columnCount - 1);
      c++
    )
      colSeen[c - dims.columnIndex] = 1;
  }
  rowSeen.forEach((seen, i) => seen || rows.push(dims.rowIndex + i));
  colSeen.forEach((seen, i) => seen || cols.push(dims.columnIndex + i));
  return { rows, cols };
}

/** Queues merged areas and visibility for one sheet's used range; read after the sync. */
function queueShape(
  used: Excel.Range,
  support: HostSupport,
): (dims: Dims) => { merges: CellArea[]; rows: number[]; cols: number[] } {
  const merged = support.mergedAreas ? used.getMergedAreasOrNullObject() : null;
  merged?.load("address");
  // getSpecialCells (1.9) reports hidden rows and columns in one proxy per sheet.
  const visible = apiAtLeast(support.excelApi, "1.9") ? used.getSpecialCellsOrNullObject("Visible") : null;
  visible?.load("address");
  return (dims) => {
    const merges = merged && !merged.isNullObject ? parseAreas(merged.address) : [];
    const hidden = visible
      ? hiddenFromVisible(dims, visible.isNullObject ? null : parseAreas(visible.address))
      : { rows: [], cols: [] };
    return { merges, ...hidden };
  };
}

function gridFrom(
  name: string,
  dims: Dims,
  values: unknown[][],
  texts: string[][],
  formats: unknown[][],
): SheetGrid {
  return gridFromArrays(
    name,
    values.map((row) => row.map(toCellValue)),
    {
      texts: texts.map((row) => row.map((t) => t ?? "")),
      formats: formats.map((row) => row.map((f) => (typeof f === "string" ? f : "General"))),
      originRow: dims.rowIndex,
      originCol: dims.columnIndex,
    },
  );
}

/**
 * Before ExcelApi 1.9 there is no getSpecialCells: hidden rows and columns come from one proxy per
 * row and column, in one extra sync (fixed; proxies grow with rows, syncs do not).
 */
async function readHiddenPerRow(ctx: Excel.RequestContext, read: ReadResult & Sized): Promise<void> {
  const jobs = read.grids
    .filter((g) => (read.dims.get(g.name)?.rowCount ?? 0) > 0)
    .map((g) => {
      const d = read.dims.get(g.name) as Dims;
      const sheet = ctx.workbook.worksheets.getItem(g.name);
      const rows = Array.from({ length: d.rowCount }, (_, i) =>
        sheet.getRangeByIndexes(d.rowIndex + i, d.columnIndex, 1, 1).load("rowHidden"),
      );
      const cols = Array.from({ length: d.columnCount }, (_, j) =>
        sheet.getRangeByIndexes(d.rowIndex, d.columnIndex + j, 1, 1).load("columnHidden"),
      );
      return () => {
        g.hiddenRows = rows.flatMap((r, i) => (r.rowHidden ? [d.rowIndex + i] : []));
        g.hiddenCols = cols.flatMap((c, j) => (c.columnHidden ? [d.columnIndex + j] : []));
      };
    });
  if (jobs.length === 0) return;
  await ctx.sync();
  jobs.forEach((apply) => apply());
}

/** Each read sheet's used-range position and size, which the sparse grid no longer carries. */
interface Sized {
  dims: Map<string, Dims>;
}

interface Part {
  grid: SheetGrid;
  fills: SheetFills | null;
  dims: Dims | null;
}

async function readWhole(
  ctx: Excel.RequestContext,
  names: string[],
  support: HostSupport,
  extra: () => () => void,
): Promise<ReadResult & Sized> {
  const withFills = apiAtLeast(support.excelApi, "1.9");
  const jobs = names.map((name) => {
    const used = ctx.workbook.worksheets.getItem(name).getUsedRangeOrNullObject(true);
    used.load("rowIndex,columnIndex,rowCount,columnCount,values,text,numberFormat");
    const props = withFills ? used.getCellProperties(FILL_PROPS) : null;
    const shape = queueShape(used, support);
    return (): Part => {
      if (used.isNullObject)
        return {
          grid: emptySheetGrid(name),
          fills: props && { originRow: 0, originCol: 0, cells: [] },
          dims: null,
        };
      const grid = gridFrom(name, used, used.values, used.text, used.numberFormat);
      const s = shape(used);
      return {
        grid: { ...grid, merges: s.merges, hiddenRows: s.rows, hiddenCols: s.cols },
        fills: props && {
          originRow: used.rowIndex,
          originCol: used.columnIndex,
          cells: fillsFrom(props.value),
        },
        dims: used,
      };
    };
  });
  const finish = extra();
  await ctx.sync();
  finish();
  return collect(jobs.map((j) => j()));
}

function collect(parts: Part[]): ReadResult & Sized {
  const fills = new Map<string, SheetFills>();
  const dims = new Map<string, Dims>();
  for (const p of parts) {
    if (p.fills) fills.set(p.grid.name, p.fills);
    if (p.dims) dims.set(p.grid.name, p.dims);
  }
  return { grids: parts.map((p) => p.grid), fills, dims };
}

/** Fallback after a payload-limit error: dimensions first, then one row chunk per sync. */
async function readChunked(
  ctx: Excel.RequestContext,
  names: string[],
  support: HostSupport,
  opts: ReadOptions,
  extra: () => () => void,
): Promise<ReadResult & Sized> {
  const withFills = apiAtLeast(support.excelApi, "1.9");
  const dimJobs = names.map((name) => {
    const used = ctx.workbook.worksheets.getItem(name).getUsedRangeOrNullObject(true);
    used.load("rowIndex,columnIndex,rowCount,columnCount");
    const shape = queueShape(used, support);
    return { name, used, shape };
  });
  const finish = extra();
  await ctx.sync();
  finish();
  const parts: Part[] = [];
  for (const { name, used, shape } of dimJobs) {
    if (used.isNullObject) {
      parts.push({
        grid: emptySheetGrid(name),
        fills: withFills ? { originRow: 0, originCol: 0, cells: [] } : null,
        dims: null,
      });
      continue;
    }
    const dims: Dims = {
      rowIndex: used.rowIndex,
      columnIndex: used.columnIndex,
      rowCount: used.rowCount,
      columnCount: used.columnCount,
    };
    const s = shape(dims);
    const grid: SheetGrid = {
      ...gridFrom(name, dims, [], [], []),
      merges: s.merges,
      hiddenRows: s.rows,
      hiddenCols: s.cols,
    };
    const fills: SheetFills | null = withFills
      ? { originRow: dims.rowIndex, originCol: dims.columnIndex, cells: [] }
      : null;
    const rowsPerChunk = Math.max(1, Math.floor(opts.chunkCells / Math.max(1, dims.columnCount)));
    for (let start = 0; start < dims.rowCount; start += rowsPerChunk) {
      const count = Math.min(rowsPerChunk, dims.rowCount - start);
      const chunk = ctx.workbook.worksheets
        .getItem(name)
        .getRangeByIndexes(dims.rowIndex + start, dims.columnIndex, count, dims.columnCount)
        .load("values,text,numberFormat");
      const props = withFills ? chunk.getCellProperties(FILL_PROPS) : null;
      // Deliberately one sync per chunk: each batch must stay under the payload limit on its own.

      await ctx.sync();
      if (fills && props) fills.cells.push(...fillsFrom(props.value));
      const part = gridFrom(name, dims, chunk.values, chunk.text, chunk.numberFormat);
      for (const cell of part.cells) grid.cells.push({ ...cell, row: cell.row + start });
    }
    parts.push({ grid, fills, dims });
  }
  return collect(parts);
}

export async function readSheets(
  ctx: Excel.RequestContext,
  support: HostSupport,
  names: string[] | undefined,
  opts: ReadOptions,
): Promise<ReadResult> {
  const sheets = ctx.workbook.worksheets;
  sheets.load("items/name,items/id");
  const afterList = opts.hooks?.withList?.(ctx);
  await ctx.sync();
  const all: SheetRef[] = sheets.items.map((s) => ({ name: s.name, id: s.id }));
  afterList?.(all);
  const wanted = all.map((s) => s.name).filter((n) => n !== STATE_SHEET && (!names || names.includes(n)));
  const extra = () => opts.hooks?.withCells?.(ctx, all) ?? (() => undefined);
  let result: ReadResult & Sized;
  try {
    result = await readWhole(ctx, wanted, support, extra);
  } catch (err) {
    if (!isPayloadError(err)) throw toHostError(err);
    try {
      result = await readChunked(ctx, wanted, support, opts, extra);
    } catch (inner) {
      throw toHostError(inner);
    }
  }
  if (!apiAtLeast(support.excelApi, "1.9")) await readHiddenPerRow(ctx, result);
  return { grids: result.grids, fills: result.fills };
}
