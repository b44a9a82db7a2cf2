// What the host knows of the pane's undoable edits between batches: the edit record as stored,
// structural moves it has not written yet, and the session's proof of the steps it recorded itself.
import { moveEdits, renameEdits, SessionProof, type EditDocument, type EditStep } from "../../core/edits";
import type { StructuralChange } from "../../core/flags";
import { noEdits, type StoredEdits } from "./editStore";
import type { SheetRef } from "./readSheets";

type Move = { change: StructuralChange } | { rename: { from: string; to: string } };

function applyMove(doc: EditDocument, m: Move): EditDocument {
  return "change" in m ? moveEdits(doc, m.change) : renameEdits(doc, m.rename.from, m.rename.to);
}

export class EditState {
  private stored: StoredEdits = noEdits();
  /** Moves since kensho last wrote the record: what a record read from the workbook lacks. */
  private pending: Move[] = [];
  private names = new Map<string, string>();
  /** Memory only: the steps this session recorded (core/edits/restore.ts). */
  readonly proof = new SessionProof();

  get steps(): EditStep[] {
    return this.stored.doc.steps;
  }

  get storage(): StoredEdits {
    return this.stored;
  }

  adopt(stored: StoredEdits): void {
    this.stored = { ...stored, doc: this.pending.reduce(applyMove, stored.doc) };
  }

  get movesSeen(): number {
    return this.pending.length;
  }

  written(doc: EditDocument, partId: string | null, movesSeen: number): void {
    const later = this.pending.slice(movesSeen);
    this.stored = {
      ...this.stored,
      doc: later.reduce(applyMove, doc),
      partIds: partId ? [partId] : [],
    };
    this.pending = later;
  }

  /** A sheet list: a known id under a new name is a rename, and the steps follow it. */
  sheetsListed(sheets: SheetRef[]): void {
    for (const s of sheets) {
      const before = this.names.get(s.id);
      if (before !== undefined && before !== s.name) this.move({ rename: { from: before, to: s.name } });
      this.names.set(s.id, s.name);
    }
  }

  structural(change: StructuralChange): void {
    this.move({ change });
  }

  private move(m: Move): void {
    this.stored = { ...this.stored, doc: applyMove(this.stored.doc, m) };
    this.pending.push(m);
  }
}
