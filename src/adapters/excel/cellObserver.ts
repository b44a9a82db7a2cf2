// Queues, in the read sync of a flag rewrite, what kensho must know about each involved cell before
/* global Excel */
// changing it: its fill, whether it carries a note, and (on the sheet) whether the sheet is protected.
import { cellKey, isKenshoMessage, type ObservedCell } from "./flagPlan";
import { locationKey } from "./readCache";
import { apiAtLeast } from "./support";
import type { HostSupport } from "./workbookHost";

export interface CellRef {
  sheet: string;
  address: string;
}

export interface Observation {
  cells: Map<string, ObservedCell>;
  protectedSheets: string[];
  missingSheets: string[];
}

export function queueObserve(
  ctx: Excel.RequestContext,
  cells: CellRef[],
  support: HostSupport,
): () => Observation {
  const withPattern = apiAtLeast(support.excelApi, "1.9");
  const sheetNames = [...new Set(cells.map((c) => c.sheet))];
  const sheets = new Map(
    sheetNames.map((name) => {
      const ws = ctx.workbook.worksheets.getItemOrNullObject(name);
      ws.load("name");
      ws.protection.load("protected");
      return [name, ws] as const;
    }),
  );
  const seen = new Set<string>();
  const jobs: Array<() => [string, ObservedCell] | null> = [];
  for (const c of cells) {
    const key = cellKey(c.sheet, c.address);
    if (seen.has(key)) continue;
    seen.add(key);
    const ws = sheets.get(c.sheet)!;
    const fill = ws.getRange(c.address).format.fill;
    fill.load(withPattern ? "color,pattern" : "color");
    const note = support.notes ? ws.notes.getItemOrNullObject(c.address) : null;
    note?.load("content");
    jobs.push(() => {
      if (ws.isNullObject) return null;
      const noteState: ObservedCell["note"] =
        !note || note.isNullObject ? "none" : isKenshoMessage(note.content) ? "kensho" : "user";
      return [
        key,
        { fill: fill.color, pattern: withPattern ? fill.pattern : null, note: noteState, comment: null },
      ];
    });
  }
  return () => ({
    cells: new Map(jobs.map((j) => j()).filter((e): e is [string, ObservedCell] => e !== null)),
    protectedSheets: sheetNames.filter(
      (n) => !sheets.get(n)!.isNullObject && sheets.get(n)!.protection.protected,
    ),
    missingSheets: sheetNames.filter((n) => sheets.get(n)!.isNullObject),
  });
}

/**
 * Threaded comments cannot be looked up by cell without throwing, so the whole collection is
 * loaded (sync A) and each comment's location resolved (sync B). Comments are few; syncs stay fixed.
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
