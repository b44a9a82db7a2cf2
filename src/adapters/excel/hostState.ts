// What the host knows between batches: the record of the pane's own edits as stored (and an earlier
// version's flags, until cleared), the last read's cache of kensho's marks, each sheet's used range
// and id. Structural edits (rows or columns inserted or deleted, sheets renamed) move the record here
// at once; the move reaches the workbook with kensho's next record write. kensho's marks need no
// such care: they are conditional formats that Excel moves with their cells.
import { moveRecord, sheetRenamed, type FlagRecordDocument, type StructuralChange } from "../../core/flags";
import type { ReadCache } from "./readCache";
import type { Dims, SheetRef } from "./readSheets";
import { noRecord, type StoredRecord } from "./recordStore";

type Move = { change: StructuralChange } | { rename: { from: string; to: string } };

function applyMove(doc: FlagRecordDocument, m: Move): FlagRecordDocument {
  return "change" in m ? moveRecord(doc, m.change) : sheetRenamed(doc, m.rename.from, m.rename.to);
}

export class HostState {
  private stored: StoredRecord = noRecord();
  /** Moves made since kensho last wrote the record: what a record read from the workbook lacks. */
  private pending: Move[] = [];
  /** What the last readSheets saw besides the grids; null until a read (or after a failed write). */
  readCache: ReadCache | null = null;
  private dims = new Map<string, Dims>();
  /** Sheet id -> name, to tell a renamed sheet from a new one (ids survive renames). */
  private names = new Map<string, string>();
  /**
   * Cells found this session to hold a note the host cannot read (Excel refused a threaded comment
   * there, ExcelApi below 1.18). A hint only: a wrong one costs a message kept in the pane.
   */
  readonly hiddenNotes = new Set<string>();
  /** The workbook holds kensho marks, as of the pane's opening or its last read or write. */
  marksPresent = false;

  get record(): FlagRecordDocument {
    return this.stored.doc;
  }

  get storage(): StoredRecord {
    return this.stored;
  }

  /** A record read from the workbook becomes current, with the moves it cannot know about applied. */
  adopt(stored: StoredRecord): void {
    this.stored = { ...stored, doc: this.pending.reduce(applyMove, stored.doc) };
  }

  /** How many moves are pending: taken when a write is planned, handed back to `written`. */
  get movesSeen(): number {
    return this.pending.length;
  }

  /**
   * kensho wrote `doc` (planned when `movesSeen` moves were pending) to part `partId`. Moves that
   * arrived while the write was on its way are not in it: they stay pending, and apply on top.
   */
  written(doc: FlagRecordDocument, partId: string, movesSeen: number): void {
    const later = this.pending.slice(movesSeen);
    this.stored = { ...this.stored, doc: later.reduce(applyMove, doc), partIds: [partId], legacy: false };
    this.pending = later;
  }

  /** Memory only (the write failed or has not happened): nothing is stored yet. */
  replace(doc: FlagRecordDocument): void {
    this.stored = { ...this.stored, doc };
  }

  knownDims(name: string): Dims | null {
    return this.dims.get(name) ?? null;
  }

  rememberDims(dims: Map<string, Dims>): void {
    for (const [name, d] of dims) this.dims.set(name, d);
  }

  /** The sheet list of a read: a known id under a new name is a rename, and the record follows it. */
  sheetsListed(sheets: SheetRef[]): void {
    for (const s of sheets) {
      const before = this.names.get(s.id);
      if (before !== undefined && before !== s.name) this.move({ rename: { from: before, to: s.name } });
      this.names.set(s.id, s.name);
    }
  }

  /** A person inserted or deleted rows or columns: marked cells moved, and so does the record. */
  structural(change: StructuralChange): void {
    this.move({ change });
  }

  private move(m: Move): void {
    this.stored = { ...this.stored, doc: applyMove(this.stored.doc, m) };
    this.pending.push(m);
    if ("rename" in m) {
      const d = this.dims.get(m.rename.from);
      if (d) this.dims.set(m.rename.to, d);
    }
    // Cached fills, notes and comments are keyed by the old positions.
    this.readCache = null;
  }
}
