// Queues what kensho must know about cells before changing them, when no read has cached it: each
// cell's fill, whether it carries a note, and whether its sheet is protected. Only sheets known to
// exist are touched: what a member of a null object returns is undocumented.
/* global Excel */

import { cellKey, isKenshoMessage, type ObservedCell } from "../../core/flags";
import { fillOf, fullFills, rangeFillProps } from "./fillIo";
import { locationKey } from "./readCache";
import type { HostSupport } from "./workbookHost";

export interface CellRef {
  sheet: string;
  address: string;
}

export interface Observation {
  cells: Map<string, ObservedCell>;
  protectedSheets: string[];
  /** Sheets of the asked cells that do not exist (any more). */
  missingSheets: string[];
}

export function queueObserve(
  ctx: Excel.RequestContext,
  cells: CellRef[],
  support: HostSupport,
  existing: Set<string>,
): () => Observation {
  const full = fullFills(support);
  const names = [...new Set(cells.map((c) => c.sheet))];
  const present = names.filter((n) => existing.has(n));
  const sheets = new Map(
    present.map((name) => {
      const ws = ctx.workbook.worksheets.getItem(name);
      ws.protection.load("protected");
      return [name, ws] as const;
    }),
  );
  const seen = new Set<string>();
  const jobs: Array<() => [string, ObservedCell]> = [];
  for (const c of cells) {
    const key = cellKey(c.sheet, c.address);
    const ws = sheets.get(c.sheet);
    if (!ws || seen.has(key)) continue;
    seen.add(key);
    const fill = ws.getRange(c.address).format.fill;
    fill.load(rangeFillProps(support));
    const note = support.notes ? ws.notes.getItemOrNullObject(c.address) : null;
    note?.load("content");
    jobs.push(() => {
      const noteState: ObservedCell["note"] =
        !note || note.isNullObject ? "none" : isKenshoMessage(note.content) ? "kensho" : "user";
      return [key, { fill: fillOf(fill, full), note: noteState, comment: null }];
    });
  }
  return () => ({
    cells: new Map(jobs.map((j) => j())),
    protectedSheets: present.filter((n) => sheets.get(n)!.protection.protected),
    missingSheets: names.filter((n) => !existing.has(n)),
  });
}

/**
 * Threaded comments cannot be looked up by cell without throwing, so the whole collection is
 * listed (first sync) and each comment's location resolved (second). Comments are few; syncs stay fixed.
 */
export function queueCommentList(ctx: Excel.RequestContext): () => Excel.Comment[] {
  const comments = ctx.workbook.comments;
  comments.load("items/id,items/content");
  return () => comments.items;
}

export function queueCommentLocations(
  comments: Excel.Comment[],
): () => Map<string, { id: string; kensho: boolean }> {
  const located = comments.map((c) => ({ c, loc: c.getLocation().load("address") }));
  return () => {
    const out = new Map<string, { id: string; kensho: boolean }>();
    for (const { c, loc } of located)
      out.set(locationKey(loc.address), { id: c.id, kensho: isKenshoMessage(c.content) });
    return out;
  };
}

/** Every note of the workbook (ExcelApi 1.18), listed in the first sync of a read. */
export function queueNoteList(ctx: Excel.RequestContext): () => Excel.Note[] {
  const notes = ctx.workbook.notes;
  notes.load("items/content");
  return () => notes.items;
}

/** Where each listed note sits, queued in the next sync: cellKey -> whose note it is. */
export function queueNoteLocations(notes: Excel.Note[]): () => Map<string, "user" | "kensho"> {
  const located = notes.map((n) => ({ n, loc: n.getLocation().load("address") }));
  return () => {
    const out = new Map<string, "user" | "kensho">();
    for (const { n, loc } of located)
      out.set(locationKey(loc.address), isKenshoMessage(n.content) ? "kensho" : "user");
    return out;
  };
}
