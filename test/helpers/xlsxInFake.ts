// Opens an .xlsx in the fake Excel as Excel would show it to the add-in: values (the xlsx reader),
// each cell's own fill (resolved as docs/flag-record.md says, theme and palette colours included),
// notes, every sheet's conditional formats (kensho's marks among them, with their dxf fills), and
// kensho's flag record part. Used to press フラグを消す on an annotated copy.
import { a1 } from "../../src/core/address";
import { FLAG_RECORD_NAMESPACE, type Fill } from "../../src/core/flags";
import { readWorkbookBuffer } from "../../src/adapters/xlsx/readWorkbook";
import { workbookFills } from "../../src/adapters/xlsx/annotate/annotateWorkbook";
import { readFlagRecordParts } from "../../src/adapters/xlsx/write/flagRecordPart";
import { SheetNotes } from "../../src/adapters/xlsx/write/notesPatch";
import { WorkbookPatch } from "../../src/adapters/xlsx/write/workbookPatch";
import { parseSqref } from "../../src/adapters/xlsx/write/conditionalFormats";
import { REL_NS } from "../../src/adapters/xlsx/write/namespaces";
import { childrenNamed, descendants, firstChild, parseXml } from "../../src/adapters/xlsx/write/xml/xmlTree";
import { areaAddress } from "../../src/adapters/excel/a1";
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

export interface FileFormat {
  sheet: string;
  sqref: string;
  type: string;
  formula: string;
  fill: string | null;
  priority: number;
  stopIfTrue: boolean;
}

/** Every <conditionalFormatting> rule of every sheet, with its dxf's fill colour, highest priority first. */
export function conditionalFormatsOf(bytes: Uint8Array): FileFormat[] {
  const wb = WorkbookPatch.open(bytes);
  const stylesPart = wb.pkg.rels(wb.workbookPart).find((r) => r.type === `${REL_NS}/styles`)!.part;
  const styles = parseXml(wb.pkg.text(stylesPart), stylesPart).root;
  const dxfs = firstChild(styles, "dxfs");
  const dxfFill = (id: number): string | null => {
    const dxf = dxfs ? childrenNamed(dxfs, "dxf")[id] : undefined;
    const pattern = dxf && descendants(dxf, "patternFill")[0];
    const color = pattern && (firstChild(pattern, "bgColor") ?? firstChild(pattern, "fgColor"));
    return color?.attrs.rgb ? `#${color.attrs.rgb.slice(-6).toUpperCase()}` : null;
  };
  const out: FileFormat[] = [];
  for (const info of wb.sheets()) {
    const root = parseXml(wb.pkg.text(info.part), info.part).root;
    for (const holder of childrenNamed(root, "conditionalFormatting"))
      for (const rule of childrenNamed(holder, "cfRule"))
        out.push({
          sheet: info.name,
          sqref: holder.attrs.sqref ?? "",
          type: rule.attrs.type === "expression" ? "Custom" : (rule.attrs.type ?? ""),
          formula: `=${firstChild(rule, "formula")?.text ?? ""}`,
          fill: rule.attrs.dxfId !== undefined ? dxfFill(Number(rule.attrs.dxfId)) : null,
          priority: Number(rule.attrs.priority ?? 0),
          stopIfTrue: rule.attrs.stopIfTrue === "1" || rule.attrs.stopIfTrue === "true",
        });
  }
  return out.sort((a, b) => a.priority - b.priority);
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
  // Added lowest priority first: each goes on top, as Excel's own add does.
  for (const f of [...conditionalFormatsOf(bytes)].reverse()) {
    const areas = parseSqref(f.sqref);
    if (!areas) continue; // whole rows or columns: not in the fake's model
    fake.addConditionalFormat(f.sheet, areas.map(areaAddress).join(" "), {
      formula: f.formula,
      fill: f.fill,
      stopIfTrue: f.stopIfTrue,
      type: f.type,
    });
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
