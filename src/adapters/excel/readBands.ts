// Reading after the payload limit: Excel on the web caps requests and responses at 5 MB and a get
// at five million cells (performance.md), shown as its own error code, as a GeneralException, or as
// values missing (null) from the response. Sizes first, then one band of rows per sync, halved while
// a band still does not fit; merged areas ride along per band, with a seam to the band before.
/* global Excel */

import type { CellArea, SheetGrid } from "../../core/model";
import { emptySheetGrid } from "../../core/grid";
import { isPayloadError, toHostError } from "./errors";
import { joinReadings, queueMergedAreas, type MergeReading } from "./mergedAreas";
import { gridFrom, queueVisible, type Dims, type Part } from "./readShape";
import { HostError, type HostSupport } from "./workbookHost";

/**
 * Bands after the payload limit: sizes first (with the host's extras), then one band of rows per
 * sync, halved while a band still does not fit. Merged areas ride along per band, with a seam to the
 * band before.
 */
export async function readBanded(
  ctx: Excel.RequestContext,
  names: string[],
  support: HostSupport,
  opts: { chunkCells: number },
  extra: () => () => void,
): Promise<Part[]> {
  const sized = names.map((name) => {
    const used = ctx.workbook.worksheets.getItem(name).getUsedRange(true);
    used.load("rowIndex,columnIndex,rowCount,columnCount");
    return { name, used, visible: queueVisible(used, support) };
  });
  const finish = extra();
  await ctx.sync();
  finish();
  const parts: Part[] = [];
  for (const { name, used, visible } of sized) {
    const dims: Dims = {
      rowIndex: used.rowIndex,
      columnIndex: used.columnIndex,
      rowCount: used.rowCount,
      columnCount: used.columnCount,
    };
    const grid: SheetGrid = emptySheetGrid(name);
    const hidden = visible(dims);
    grid.hiddenRows = hidden.rows;
    grid.hiddenCols = hidden.cols;
    const readings: MergeReading[] = [];
    const ws = ctx.workbook.worksheets.getItem(name);
    let band = Math.max(1, Math.floor(opts.chunkCells / Math.max(1, dims.columnCount)));
    for (let start = 0; start < dims.rowCount;) {
      const count = Math.min(band, dims.rowCount - start);
      const top = dims.rowIndex + start;
      const chunk = ws
        .getRangeByIndexes(top, dims.columnIndex, count, dims.columnCount)
        .load("values,text,numberFormat");
      const area: CellArea = {
        top,
        left: dims.columnIndex,
        bottom: top + count - 1,
        right: dims.columnIndex + dims.columnCount - 1,
      };
      const merges = support.mergedAreas ? queueMergedAreas(ws, area) : null;
      const seam =
        support.mergedAreas && start > 0
          ? queueMergedAreas(ws, { ...area, top: top - 1, bottom: top })
          : null;
      let failed = false;
      try {
        // Deliberately one sync per band: each must stay under the payload limit on its own.
        await ctx.sync();
        failed = chunk.values === null || chunk.text === null || chunk.numberFormat === null;
      } catch (err) {
        if (!isPayloadError(err, true)) throw toHostError(err);
        failed = true;
      }
      if (failed) {
        if (band === 1)
          throw new HostError("payload-too-large", `row ${top + 1} of ${name} does not fit in one response`);
        band = Math.max(1, Math.floor(band / 2));
        continue;
      }
      const part = gridFrom(name, { ...dims, rowIndex: top }, chunk.values, chunk.text, chunk.numberFormat);
      grid.cells.push(...part.cells);
      if (merges) readings.push(merges());
      if (seam) readings.push({ pieces: [], seams: seam().pieces });
      start += count;
    }
    grid.merges = joinReadings(readings);
    parts.push({ grid, dims });
  }
  return parts;
}
