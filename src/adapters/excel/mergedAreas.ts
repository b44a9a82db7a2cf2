// Merged areas read in tiles that can never hold more than 512 of them, all in the batch that reads
// the cells. d.ts, Range.getMergedAreasOrNullObject: "if the merged areas count in this range is
// more than 512, then this method will fail to return the result" — and a failing call fails the
// batch. A merged area covers at least two cells, so a tile of 1,024 cells holds at most 512.
//
// The reference does not say whether a merge that only partly lies in a tile comes back whole or
// clipped. Both readings are handled: pieces that meet at a tile edge are joined when a "seam" (the
// two rows or columns on either side of that edge, also under the limit) shows one merged area
// across it; identical areas reported by several tiles are one.
//
// Undo: office-js#5918 (closed without a named fix) reported that a sync with this call emptied the
// person's undo stack on Version 2505 (Build 16.0.18827.20102). There is no other API for merged
// areas, and the layout cannot be read without them (merged headers, 施策 spanning KPI rows), so the
// call stays, on every host: docs/real-excel-checklist.md (assumption T, step 13.3) verifies it on
// each release. Nothing kensho does relies on Excel's undo (application-specific-api-model.md:
// "We advise against designing your add-in in such a way that it relies on undo support").
/* global Excel */
import type { CellArea } from "../../core/model";
import { parseAreas } from "./a1";

export const MERGED_AREA_LIMIT = 512;
const TILE_CELLS = 2 * MERGED_AREA_LIMIT;
/** So that a two-row seam along a tile's edge holds at most 1,024 cells too. */
const MAX_TILE_SPAN = MERGED_AREA_LIMIT;

export interface TilePlan {
  tiles: CellArea[];
  /** Two rows (or two columns) straddling each edge between neighbouring tiles. */
  seams: CellArea[];
}

export function planTiles(area: CellArea): TilePlan {
  const width = area.right - area.left + 1;
  const tileCols = Math.min(width, MAX_TILE_SPAN);
  const tileRows = Math.max(1, Math.min(MAX_TILE_SPAN * 2, Math.floor(TILE_CELLS / tileCols)));
  const tiles: CellArea[] = [];
  const seams: CellArea[] = [];
  for (let top = area.top; top <= area.bottom; top += tileRows) {
    const bottom = Math.min(area.bottom, top + tileRows - 1);
    for (let left = area.left; left <= area.right; left += tileCols) {
      const right = Math.min(area.right, left + tileCols - 1);
      tiles.push({ top, left, bottom, right });
      if (bottom < area.bottom) seams.push({ top: bottom, bottom: bottom + 1, left, right });
      if (right < area.right) {
        // A column seam is two columns by up to tileRows (≤ 1,024) rows: at most 512 areas.
        seams.push({ top, bottom, left: right, right: right + 1 });
      }
    }
  }
  return { tiles, seams };
}

const key = (a: CellArea) => `${a.top},${a.left},${a.bottom},${a.right}`;

/** Joins clipped pieces into whole merged areas (see the header for when two pieces are one). */
export function joinMergedAreas(pieces: CellArea[], seamAreas: CellArea[]): CellArea[] {
  const unique = [...new Map(pieces.map((p) => [key(p), p])).values()];
  const parent = unique.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  const union = (i: number, j: number) => {
    parent[find(i)] = find(j);
  };
  const byBottom = new Map<string, number>();
  const byRight = new Map<string, number>();
  unique.forEach((p, i) => {
    byBottom.set(`${p.bottom},${p.left},${p.right}`, i);
    byRight.set(`${p.right},${p.top},${p.bottom}`, i);
  });
  const crossesRows = (row: number, left: number, right: number) =>
    seamAreas.some((s) => s.top <= row && s.bottom >= row + 1 && s.left <= right && s.right >= left);
  const crossesCols = (col: number, top: number, bottom: number) =>
    seamAreas.some((s) => s.left <= col && s.right >= col + 1 && s.top <= bottom && s.bottom >= top);
  unique.forEach((p, i) => {
    const above = byBottom.get(`${p.top - 1},${p.left},${p.right}`);
    if (above !== undefined && crossesRows(p.top - 1, p.left, p.right)) union(i, above);
    const before = byRight.get(`${p.left - 1},${p.top},${p.bottom}`);
    if (before !== undefined && crossesCols(p.left - 1, p.top, p.bottom)) union(i, before);
  });
  const groups = new Map<number, CellArea>();
  unique.forEach((p, i) => {
    const root = find(i);
    const g = groups.get(root);
    groups.set(
      root,
      g
        ? {
            top: Math.min(g.top, p.top),
            left: Math.min(g.left, p.left),
            bottom: Math.max(g.bottom, p.bottom),
            right: Math.max(g.right, p.right),
          }
        : { ...p },
    );
  });
  return [...groups.values()].sort((a, b) => a.top - b.top || a.left - b.left);
}

/** What one batch learns about merged areas: pieces from tiles, evidence from seams. */
export interface MergeReading {
  pieces: CellArea[];
  seams: CellArea[];
}

/** Queues the tiles and seams of `area`; the result is valid after the sync. */
export function queueMergedAreas(sheet: Excel.Worksheet, area: CellArea): () => MergeReading {
  const { tiles, seams } = planTiles(area);
  const load = (a: CellArea) => {
    const r = sheet
      .getRangeByIndexes(a.top, a.left, a.bottom - a.top + 1, a.right - a.left + 1)
      .getMergedAreasOrNullObject();
    r.load("address");
    return r;
  };
  const tileAreas = tiles.map(load);
  const seamAreas = seams.map(load);
  const read = (rs: Excel.RangeAreas[]) => rs.flatMap((r) => (r.isNullObject ? [] : parseAreas(r.address)));
  return () => ({ pieces: read(tileAreas), seams: read(seamAreas) });
}

export function joinReadings(readings: MergeReading[]): CellArea[] {
  return joinMergedAreas(
    readings.flatMap((r) => r.pieces),
    readings.flatMap((r) => r.seams),
  );
}
