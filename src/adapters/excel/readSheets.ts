// Reading every sheet into SheetGrids in a fixed number of syncs.
/* global Excel */
/* eslint-disable office-addins/call-sync-before-read, office-addins/call-sync-after-load -- loaded
   properties are read in closures that callers run after the sync; the rule cannot follow closures. */
// Normal path: sync 1 lists the sheets, sync 2 loads everything of every sheet at once — values,
// text, formats, merged areas (in tiles under the 512-area limit) and visibility. Hooks let the host
// queue its own reads (kensho's marks, notes, comments, the record, event registration) into these
// same two batches.
//
// Sizes come from the used range (getUsedRange(true), never null: "If the entire worksheet is blank,
// this function will return the top left cell"). Merged-area tiles must be queued before that size is
// known, so they cover what the host last knew of the sheet with a margin; a sheet that outgrew it
// costs one more sync.
//
// The payload limit (performance.md: 5 MB per request and response on the web, five million cells
// per get) shows itself as its own error, as a GeneralException, or as values missing (null) from
// the response. Any of the three sends the read to bands: the size first, then one band of rows
// per sync, halved whenever a band still does not fit.
import type { CellArea, SheetGrid } from "../../core/model";
import { isPayloadError, toHostError } from "./errors";
import { joinReadings, queueMergedAreas, type MergeReading } from "./mergedAreas";
import { readBanded } from "./readBands";
import { gridFrom, queueVisible, readHiddenPerRow, type Dims, type Part } from "./readShape";
import { LEGACY_STATE_SHEET } from "./recordStore";
import { apiAtLeast } from "./support";
import type { HostSupport } from "./workbookHost";

export type { Dims } from "./readShape";

export interface SheetRef {
  name: string;
  id: string;
}

/** Extra reads the host rides on readSheets' batches, so they cost no sync of their own. */
export interface ReadHooks {
  /** Queued in the sheet-list batch (sync 1); the returned function runs after it with every sheet. */
  withList?(ctx: Excel.RequestContext): (sheets: SheetRef[]) => void;
  /**
   * Queued in the batch that loads the cells (sync 2; again in the size batch when the payload limit
   * sends the read to bands). The returned function runs after the batch that succeeded.
   */
  withCells?(ctx: Excel.RequestContext, sheets: SheetRef[]): () => void;
}

export interface ReadOptions {
  /** Cells per band when the payload limit forces bands. */
  chunkCells: number;
  hooks?: ReadHooks;
  /** What the host last knew of a sheet's used range, to place merged-area tiles before the read. */
  knownDims(name: string): Dims | null;
}

export interface ReadResult {
  grids: SheetGrid[];
  /** Every read sheet's used range. */
  dims: Map<string, Dims>;
}

export const DEFAULT_CHUNK_CELLS = 20000;

/** Where merged-area tiles go for a sheet never read: the top-left of a typical form. */
const DEFAULT_COVERAGE: CellArea = { top: 0, left: 0, bottom: 255, right: 39 };

/** The area tiles cover: what was known, grown by a quarter (at least 64 rows) and 8 columns. */
export function coverageFor(known: Dims | null): CellArea {
  if (!known || known.rowCount === 0) return DEFAULT_COVERAGE;
  return {
    top: known.rowIndex,
    left: known.columnIndex,
    bottom: known.rowIndex + Math.max(known.rowCount + 64, Math.ceil(known.rowCount * 1.25)) - 1,
    right: known.columnIndex + known.columnCount + 8 - 1,
  };
}

function covers(outer: CellArea, d: Dims): boolean {
  return (
    d.rowIndex >= outer.top &&
    d.columnIndex >= outer.left &&
    d.rowIndex + d.rowCount - 1 <= outer.bottom &&
    d.columnIndex + d.columnCount - 1 <= outer.right
  );
}

function areaOf(d: Dims): CellArea {
  return {
    top: d.rowIndex,
    left: d.columnIndex,
    bottom: d.rowIndex + d.rowCount - 1,
    right: d.columnIndex + d.columnCount - 1,
  };
}

/** Thrown inside the whole read when a value came back null: the partial-response form of the limit. */
class PartialResponse extends Error {}

/** Sync 2: every sheet whole. Returns, per sheet, the grid and what merged-area tiles covered. */
async function readWhole(
  ctx: Excel.RequestContext,
  names: string[],
  support: HostSupport,
  opts: ReadOptions,
  extra: () => () => void,
): Promise<Array<{ part: Part; merges: () => MergeReading; covered: CellArea | null }>> {
  const jobs = names.map((name) => {
    const ws = ctx.workbook.worksheets.getItem(name);
    const used = ws.getUsedRange(true);
    used.load("rowIndex,columnIndex,rowCount,columnCount,values,text,numberFormat");
    const covered = support.mergedAreas ? coverageFor(opts.knownDims(name)) : null;
    const merges = covered ? queueMergedAreas(ws, covered) : () => ({ pieces: [], seams: [] });
    const visible = queueVisible(used, support);
    return () => {
      if (used.values === null || used.text === null || used.numberFormat === null)
        throw new PartialResponse();
      const dims: Dims = {
        rowIndex: used.rowIndex,
        columnIndex: used.columnIndex,
        rowCount: used.rowCount,
        columnCount: used.columnCount,
      };
      const grid = gridFrom(name, dims, used.values, used.text, used.numberFormat);
      const hidden = visible(dims);
      grid.hiddenRows = hidden.rows;
      grid.hiddenCols = hidden.cols;
      return { part: { grid, dims }, merges, covered };
    };
  });
  const finish = extra();
  await ctx.sync();
  const out = jobs.map((j) => j());
  finish();
  return out;
}

/** A sheet that outgrew the tiles, read again in one more sync: all its merged areas, fresh. */
async function completeMerges(
  ctx: Excel.RequestContext,
  parts: Array<{ part: Part; merges: () => MergeReading; covered: CellArea | null }>,
): Promise<void> {
  const redo = parts.filter((p) => p.covered && !covers(p.covered, p.part.dims));
  const again = redo.map((p) => ({
    p,
    read: queueMergedAreas(ctx.workbook.worksheets.getItem(p.part.grid.name), areaOf(p.part.dims)),
  }));
  if (again.length > 0) await ctx.sync();
  const fresh = new Map(again.map(({ p, read }) => [p, read()]));
  for (const p of parts) {
    const reading = fresh.get(p) ?? p.merges();
    p.part.grid.merges = joinReadings([reading]);
  }
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
  const wanted = all
    .map((s) => s.name)
    .filter((n) => n !== LEGACY_STATE_SHEET && (!names || names.includes(n)));
  const extra = () => opts.hooks?.withCells?.(ctx, all) ?? (() => undefined);
  let parts: Part[];
  try {
    const whole = await readWhole(ctx, wanted, support, opts, extra);
    await completeMerges(ctx, whole);
    parts = whole.map((w) => w.part);
  } catch (err) {
    if (!(err instanceof PartialResponse) && !isPayloadError(err, true)) throw toHostError(err);
    parts = await readBanded(ctx, wanted, support, opts, extra);
  }
  if (!apiAtLeast(support.excelApi, "1.9")) await readHiddenPerRow(ctx, parts);
  const dims = new Map<string, Dims>();
  for (const p of parts) {
    dims.set(p.grid.name, p.dims);
  }
  return { grids: parts.map((p) => p.grid), dims };
}
