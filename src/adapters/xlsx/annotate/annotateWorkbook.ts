// `kensho --annotate`: a copy of a workbook with the add-in's marks on the cells of its findings,
// written exactly as the pane writes them (docs/flag-record.md): a conditional format of kensho's
// own on each cell, its colour a dxf appended to styles.xml, and kensho's message in a note (on a
// person's note, below its text). The marks are planned by the core's planMarks against the marks
// the input already holds, so annotating an annotated copy again keeps what is right and changes
// only what differs. An earlier version's marks (fills, and the flag record) are cleared once, the
// same way the pane clears them. Written surgically: the sheets marked, styles.xml, the notes'
// parts, their relationships and content types (and, for an earlier version's copy, its record
// part) change; every other part is copied byte for byte. Values never change.
import { parseA1 } from "../../../core/address";
import {
  SEVERITY_COLOR,
  cellKey,
  mergeFlags,
  planLegacyRestore,
  planMarks,
  type CellFlag,
  type PresentMark,
  type PresentMessage,
} from "../../../core/flags";
import { marksInSheet, patchSheetMarks } from "../write/conditionalFormats";
import { DxfStyles } from "../write/dxfStyles";
import { FillStyles, themeColors } from "../write/fillStyles";
import { readFlagRecordParts, writeFlagRecordPart } from "../write/flagRecordPart";
import { SheetNotes } from "../write/notesPatch";
import { WorkbookPatch } from "../write/workbookPatch";
import { REL_NS } from "../write/namespaces";

export interface AnnotateResult {
  bytes: Uint8Array;
  /** Parts that differ from the input (edited or added), sorted. */
  changedParts: string[];
  /** Cells marked, and of them the cells that carry kensho's message in a note. */
  marked: number;
  notes: number;
  /** Cells whose message stays out of the file: a threaded comment is on them (the CLI writes notes only). */
  skipped: Array<{ sheet: string; address: string }>;
  /** An earlier version's marks: fills put back, and recorded cells left as they were. */
  legacyRestored: number;
  legacyLeft: Array<{ sheet: string; address: string }>;
}

/** The workbook's fills, read through its styles part and its theme's colours. */
export function workbookFills(wb: WorkbookPatch): FillStyles {
  const pkg = wb.pkg;
  const stylesPart = stylesPartOf(wb);
  const themePart = pkg.rels(wb.workbookPart).find((r) => r.type === `${REL_NS}/theme`)?.part;
  const theme = themeColors(themePart && pkg.has(themePart) ? pkg.text(themePart) : null);
  return new FillStyles(stylesPart, () => pkg.text(stylesPart), theme);
}

function stylesPartOf(wb: WorkbookPatch): string {
  const part = wb.pkg.rels(wb.workbookPart).find((r) => r.type === `${REL_NS}/styles`)?.part;
  if (!part || !wb.pkg.has(part)) throw new Error("no styles part");
  return part;
}

/** Cells holding a threaded comment (its legacy note is a placeholder the CLI must not write into). */
function threadedCells(wb: WorkbookPatch, part: string): Set<string> {
  const cells = new Set<string>();
  for (const rel of wb.pkg.rels(part)) {
    if (!/\/threadedComment$/.test(rel.type) || rel.external || !wb.pkg.has(rel.part)) continue;
    for (const m of wb.pkg.text(rel.part).matchAll(/<(?:\w+:)?threadedComment\b[^>]*\sref="([A-Z]+\d+)"/g))
      cells.add(m[1]);
  }
  return cells;
}

export function annotateWorkbook(
  input: Uint8Array,
  flags: CellFlag[],
  random: () => number = Math.random,
): AnnotateResult {
  const wb = WorkbookPatch.open(input);
  const pkg = wb.pkg;
  const styles = workbookFills(wb);
  const sheets = wb.sheets();
  const sheetNames = new Set(sheets.map((s) => s.name));
  const partOf = new Map(sheets.map((s) => [s.name, s.part]));

  // What the copy holds: kensho's marks, every note, an earlier version's record.
  const notes = new Map(sheets.map((s) => [s.name, new SheetNotes(pkg, s.part)]));
  const marks: PresentMark[] = sheets.flatMap((s) => marksInSheet(pkg.text(s.part), s.part, s.name));
  const threaded = new Map(sheets.map((s) => [s.name, threadedCells(wb, s.part)]));
  const messages: PresentMessage[] = sheets.flatMap((s) => {
    const n = notes.get(s.name)!;
    return n
      .addresses()
      .filter((a) => !threaded.get(s.name)!.has(a))
      .map((address) => ({ sheet: s.name, address, kind: "note" as const, content: n.note(address)!.text }));
  });
  const stored = readFlagRecordParts(pkg, wb.workbookPart);

  const plan = planMarks({
    flags: flags.filter((f) => sheetNames.has(f.sheet)),
    marks,
    messages,
    mode: "note",
  });
  const wanted = new Map(
    mergeFlags(flags.filter((f) => sheetNames.has(f.sheet))).map((f) => [cellKey(f.sheet, f.address), f]),
  );
  // A cell with a threaded comment keeps its thread as it is; its message stays in the report.
  const isThreaded = (sheet: string, address: string) => threaded.get(sheet)?.has(address) ?? false;
  const skipped = plan.messages.filter((m) => isThreaded(m.sheet, m.address));
  const position = (address: string) => {
    const p = parseA1(address);
    if (!p) throw new Error(`not a cell address: ${address}`);
    return p;
  };

  // An earlier version's fills: back where kensho's colour still shows (core/flags/legacy.ts).
  const legacy = planLegacyRestore(
    stored.record.flags.filter((f) => sheetNames.has(f.sheet)),
    (sheet, cell) => {
      const { row, col } = position(cell);
      return styles.fillOf(wb.sheet(sheet).cellStyle(row, col));
    },
  );
  for (const r of legacy.restore) {
    const { row, col } = position(r.cell);
    const patch = wb.sheet(r.sheet);
    patch.setStyle(row, col, styles.withFill(patch.cellStyle(row, col), r.fill));
  }

  for (const op of plan.messages) {
    if (op.kind !== "note" || isThreaded(op.sheet, op.address)) continue;
    const n = notes.get(op.sheet)!;
    if (op.op === "delete") n.remove(op.address);
    else n.set(op.address, op.text);
  }

  const stylesPart = stylesPartOf(wb);
  const fillsXml = styles.render();
  const dxfs = new DxfStyles(stylesPart, fillsXml ?? pkg.text(stylesPart));
  const removeIds = new Set(plan.deleteMarks.map((m) => m.id));
  for (const info of sheets) {
    const rendered = wb.sheet(info.name).render();
    const sheetNotes = notes.get(info.name)!;
    let xml = sheetNotes.changed ? sheetNotes.apply(rendered ?? pkg.text(info.part)) : rendered;
    const adds = plan.addMarks
      .filter((m) => m.sheet === info.name)
      .map((m) => ({ ...m, dxfId: dxfs.fill(SEVERITY_COLOR[m.kind.severity]) }));
    const removes = new Set([...removeIds].filter((id) => id.startsWith(`${partOf.get(info.name)}#`)));
    if (adds.length > 0 || removes.size > 0)
      xml = patchSheetMarks(xml ?? pkg.text(info.part), info.part, removes, adds);
    if (xml !== null && xml !== pkg.text(info.part)) pkg.setText(info.part, xml);
  }
  const stylesXml = dxfs.render() ?? fillsXml;
  if (stylesXml !== null) pkg.setText(stylesPart, stylesXml);
  // An earlier version's record keeps its undo steps and loses its flags (cleared above).
  if (stored.record.flags.length > 0)
    writeFlagRecordPart(pkg, wb.workbookPart, stored, { flags: [], undo: stored.record.undo }, random);

  return {
    bytes: pkg.write(),
    changedParts: pkg.changedParts(),
    marked: wanted.size,
    notes: [...wanted.values()].filter((f) => !isThreaded(f.sheet, f.address)).length,
    skipped: skipped.map((m) => ({ sheet: m.sheet, address: m.address })),
    legacyRestored: legacy.restore.length,
    legacyLeft: legacy.left.map((l) => ({ sheet: l.sheet, address: l.cell })),
  };
}
