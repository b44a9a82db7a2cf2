// Opens an .xlsx in the fake Excel as Excel would show it to the add-in: values (the xlsx reader),
// each cell's own fill (resolved as docs/flag-record.md says, theme and palette colours included),
// notes, and kensho's flag record part. Used to press フラグを消す on an annotated copy.
import { a1 } from "../../src/core/address";
import { FLAG_RECORD_NAMESPACE, type Fill } from "../../src/core/flags";
import { readWorkbookBuffer } from "../../src/adapters/xlsx/readWorkbook";
import { workbookFills } from "../../src/adapters/xlsx/annotate/annotateWorkbook";
import { readFlagRecordParts } from "../../src/adapters/xlsx/write/flagRecordPart";
import { SheetNotes } from "../../src/adapters/xlsx/write/notesPatch";
import { WorkbookPatch } from "../../src/adapters/xlsx/write/workbookPatch";
import { FakeExcel, type FakeExcelOptions } from "../fakes/fakeExcel";

export interface CellLook {
  fill: Fill | null;
  note: string | null;
}

/** Every cell with a fill or a note, as the file says: sheet!A1 -> look. */
export function looksOf(bytes: Uint8Array): Map<string, CellLook> {
  const wb = WorkbookPatch.open(bytes);
  const fills = workbookFills(wb);
  const out = new Map<string, CellLook>();
  for (const info of wb.sheets()) {
    for (const { row, col, el } of wb.sheet(info.name).cells()) {
      const fill = fills.fillOf(Number(el.attrs.s ?? 0));
      if (fill) out.set(`${info.name}!${a1(row, col)}`, { fill, note: null });
    }
    const notes = new SheetNotes(wb.pkg, info.part);
    for (const address of notes.addresses()) {
      const key = `${info.name}!${address}`;
      out.set(key, { fill: out.get(key)?.fill ?? null, note: notes.note(address)!.text });
    }
  }
  return out;
}

export async function openInFake(bytes: Uint8Array, options: FakeExcelOptions = {}): Promise<FakeExcel> {
  const fake = new FakeExcel(await readWorkbookBuffer(bytes), options);
  for (const [key, look] of looksOf(bytes)) {
    const [sheet, address] = key.split("!");
    if (look.fill)
      fake.setFill(sheet, address, look.fill.color, {
        pattern: look.fill.pattern,
        patternColor: look.fill.patternColor ?? undefined,
        tintAndShade: look.fill.tintAndShade,
        patternTintAndShade: look.fill.patternTintAndShade,
      });
    if (look.note !== null) fake.setNote(sheet, address, look.note);
  }
  const wb = WorkbookPatch.open(bytes);
  for (const part of readFlagRecordParts(wb.pkg, wb.workbookPart).parts)
    fake.addXmlPart(wb.pkg.text(part), FLAG_RECORD_NAMESPACE);
  return fake;
}

/** A cell's look in the fake, in the record's terms (patternColor only where a pattern has one). */
export function fakeLook(fake: FakeExcel, sheet: string, address: string): CellLook {
  const f = fake.fullFill(sheet, address);
  return {
    fill: f
      ? {
          color: f.color,
          pattern: f.pattern,
          patternColor: f.pattern === "Solid" ? null : f.patternColor,
          tintAndShade: f.tintAndShade,
          patternTintAndShade: f.pattern === "Solid" ? 0 : f.patternTintAndShade,
        }
      : null,
    note: fake.note(sheet, address),
  };
}
