// `kensho --annotate`: a copy of a workbook with the add-in's marks on the cells of its findings: a
// fill in the finding's colour and a note, and the flag record that lets the task pane's フラグを消す
// put every cell back (docs/flag-record.md). The marks are planned by the core's planFlags, exactly
// as the add-in plans them, and written surgically: the sheets marked, styles.xml, the notes' parts,
// the record's parts, their relationships and content types change; every other part is copied
// byte for byte. Values never change.
import { parseA1 } from "../../../core/address";
import { cellKey, planFlags, type CellFlag, type ObservedCell } from "../../../core/flags";
import { isKenshoMessage } from "../../../core/flags";
import { FillStyles, themeColors } from "../write/fillStyles";
import { readFlagRecordParts, writeFlagRecordPart } from "../write/flagRecordPart";
import { SheetNotes } from "../write/notesPatch";
import { WorkbookPatch } from "../write/workbookPatch";
import { REL_NS } from "../write/namespaces";

export interface AnnotateResult {
  bytes: Uint8Array;
  /** Parts that differ from the input (edited or added), sorted. */
  changedParts: string[];
  /** Cells marked, and of them the cells that carry a kensho note. */
  marked: number;
  notes: number;
}

/** The workbook's fills, read through its styles part and its theme's colours. */
export function workbookFills(wb: WorkbookPatch): FillStyles {
  const pkg = wb.pkg;
  const rels = pkg.rels(wb.workbookPart);
  const stylesPart = rels.find((r) => r.type === `${REL_NS}/styles`)?.part;
  if (!stylesPart || !pkg.has(stylesPart)) throw new Error("no styles part");
  const themePart = rels.find((r) => r.type === `${REL_NS}/theme`)?.part;
  const theme = themeColors(themePart && pkg.has(themePart) ? pkg.text(themePart) : null);
  return new FillStyles(stylesPart, () => pkg.text(stylesPart), theme);
}

export function annotateWorkbook(
  input: Uint8Array,
  flags: CellFlag[],
  random: () => number = Math.random,
): AnnotateResult {
  const wb = WorkbookPatch.open(input);
  const pkg = wb.pkg;
  const styles = workbookFills(wb);

  const sheetNames = new Set(wb.sheets().map((s) => s.name));
  const notes = new Map<string, SheetNotes>();
  const notesOf = (sheet: string): SheetNotes => {
    let n = notes.get(sheet);
    if (!n) {
      const info = wb.sheets().find((s) => s.name === sheet)!;
      notes.set(sheet, (n = new SheetNotes(pkg, info.part)));
    }
    return n;
  };
  const position = (address: string) => {
    const p = parseA1(address);
    if (!p) throw new Error(`not a cell address: ${address}`);
    return p;
  };

  const stored = readFlagRecordParts(pkg, wb.workbookPart);
  // Entries for sheets the workbook no longer has cannot be restored here; they stay in the record.
  const previous = stored.record.flags.filter((r) => sheetNames.has(r.sheet));
  const orphans = stored.record.flags.filter((r) => !sheetNames.has(r.sheet));
  const wanted = flags.filter((f) => sheetNames.has(f.sheet));

  const observed = new Map<string, ObservedCell>();
  for (const { sheet, address } of [
    ...wanted.map((f) => ({ sheet: f.sheet, address: f.address })),
    ...previous.map((r) => ({ sheet: r.sheet, address: r.cell })),
  ]) {
    const key = cellKey(sheet, address);
    if (observed.has(key)) continue;
    const { row, col } = position(address);
    const note = notesOf(sheet).note(address);
    observed.set(key, {
      fill: styles.fillOf(wb.sheet(sheet).cellStyle(row, col)),
      note: note === null ? "none" : isKenshoMessage(note.text) ? "kensho" : "user",
      // Threaded comments carry a legacy placeholder note, seen above as a person's note.
      comment: null,
    });
  }

  const plan = planFlags(previous, wanted, observed, "note");
  const paint = (sheet: string, address: string, fill: Parameters<FillStyles["withFill"]>[1]) => {
    const { row, col } = position(address);
    const patch = wb.sheet(sheet);
    patch.setStyle(row, col, styles.withFill(patch.cellStyle(row, col), fill));
  };
  for (const r of plan.restore) paint(r.sheet, r.address, r.fill);
  for (const d of plan.deleteMessages) if (d.kind === "note") notesOf(d.sheet).remove(d.address);
  let withNotes = 0;
  for (const a of plan.apply) {
    if (a.fill) paint(a.sheet, a.address, a.fill);
    if (a.message.op !== "none") {
      notesOf(a.sheet).set(a.address, a.message.text);
      withNotes++;
    }
  }

  for (const info of wb.sheets()) {
    const patch = wb.sheet(info.name);
    const rendered = patch.render();
    const sheetNotes = notes.get(info.name);
    const xml = sheetNotes ? sheetNotes.apply(rendered ?? pkg.text(info.part)) : rendered;
    if (xml !== null && xml !== pkg.text(info.part)) pkg.setText(info.part, xml);
  }
  const stylesXml = styles.render();
  if (stylesXml !== null) pkg.setText(styles.part, stylesXml);
  writeFlagRecordPart(
    pkg,
    wb.workbookPart,
    stored,
    { flags: [...plan.records, ...orphans], undo: stored.record.undo },
    random,
  );
  return {
    bytes: pkg.write(),
    changedParts: pkg.changedParts(),
    marked: plan.apply.length,
    notes: withNotes,
  };
}
