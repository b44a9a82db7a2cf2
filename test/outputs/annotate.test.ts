// `kensho --annotate DIR`: copies that carry the add-in's marks, written as the pane writes them.
// Proven here: the inputs never change; only the parts that must change do (every other entry is
// the input's own compressed bytes); every finding's cell is marked with a conditional format of
// kensho's own and a note, error rows included; no value and no cell's own fill changes; pressing
// フラグを消す in (the documented fake of) Excel puts the workbook back as it was; and a copy an
// earlier version annotated (fills and a flag record) is cleared of its old marks.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as ExcelJS from "exceljs";
import { ZipPackage } from "../../src/adapters/xlsx/package";
import { readWorkbookBuffer } from "../../src/adapters/xlsx/readWorkbook";
import { annotateWorkbook } from "../../src/adapters/xlsx/annotate/annotateWorkbook";
import { checkWorkbook } from "../../src/core/check";
import { MESSAGE_PREFIX, SEVERITY_COLOR, parseFlagRecord, type Fill } from "../../src/core/flags";
import { WorkbookPatch } from "../../src/adapters/xlsx/write/workbookPatch";
import { FillStyles } from "../../src/adapters/xlsx/write/fillStyles";
import { writeFlagRecordPart } from "../../src/adapters/xlsx/write/flagRecordPart";
import { flagsFromFindings } from "../../src/taskpane/selectors";
import { hostOnFake } from "../fakes/fakeHost";
import { conditionalFormatsOf, fakeLook, looksOf, openInFake } from "../helpers/xlsxInFake";
import { fixturePath } from "../helpers/fixtures";
import { SAMPLE } from "../helpers/distribution";
import { buildRichMaster } from "../helpers/richMaster";
import { runCli } from "../helpers/runCli";

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "kensho-annotate-"));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const run = (args: string[]) => runCli(args, dir);

/**
 * The sample with what staff add by hand: a note of their own on a cell kensho flags (1-1 I9), a
 * patterned theme-colour fill on another (1-1 I13) and a plain fill on a cell it does not flag.
 */
async function personalised(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(SAMPLE);
  const ws = wb.getWorksheet("1-1")!;
  ws.getCell("I9").note = "担当者のメモ: 速報値";
  // Fresh style objects: ExcelJS shares one among the cells that loaded with the same style.
  const own = (address: string) => ({ ...(ws.getCell(address).style as object) });
  ws.getCell("I13").style = {
    ...own("I13"),
    fill: {
      type: "pattern",
      pattern: "lightUp",
      fgColor: { theme: 4, tint: 0.4 } as unknown as ExcelJS.Color,
      bgColor: { argb: "FFFFFF00" },
    },
  };
  ws.getCell("B3").style = {
    ...own("B3"),
    fill: { type: "pattern", pattern: "solid", fgColor: { argb: "FF92D050" } },
  };
  await wb.xlsx.writeFile(file);
}

const bytesOf = (f: string) => new Uint8Array(fs.readFileSync(f));
const flagsOf = async (bytes: Uint8Array) =>
  flagsFromFindings(checkWorkbook(await readWorkbookBuffer(bytes)).findings);

describe("kensho --annotate DIR", () => {
  let input: string;
  beforeAll(async () => {
    input = path.join(dir, "返却.xlsx");
    await personalised(input);
    fs.copyFileSync(await fixturePath("formula-errors"), path.join(dir, "formula-errors.xlsx"));
  });

  test("writes a marked copy of each workbook into DIR and leaves the inputs as they were", async () => {
    const before = [bytesOf(input), bytesOf(path.join(dir, "formula-errors.xlsx"))];
    const r = await run(["--annotate", "写し", "返却.xlsx", "formula-errors.xlsx"]);
    expect(r.code).toBe(1); // formula-errors has error findings: the check's own exit
    expect(r.stderr).toContain(`指摘を書き込んだ写しを作成しました: ${path.join("写し", "返却.xlsx")}`);
    expect(fs.readdirSync(path.join(dir, "写し")).sort()).toEqual(["formula-errors.xlsx", "返却.xlsx"]);
    expect(Buffer.from(bytesOf(input)).equals(Buffer.from(before[0]))).toBe(true);
    expect(Buffer.from(bytesOf(path.join(dir, "formula-errors.xlsx"))).equals(Buffer.from(before[1]))).toBe(
      true,
    );
    // Again without --force: refused, the copy untouched; with it, written.
    const again = await run(["--annotate", "写し", "返却.xlsx"]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain("既にあります");
    expect((await run(["--annotate", "写し", "--force", "返却.xlsx"])).code).toBe(0);
  });

  test("changes only the parts it must; every other entry is the input's compressed bytes", async () => {
    const inputBytes = bytesOf(input);
    const result = annotateWorkbook(inputBytes, await flagsOf(inputBytes));
    const a = ZipPackage.open(inputBytes);
    const b = ZipPackage.open(result.bytes);
    const changed = new Set(result.changedParts);
    // The sheets with marks (2-2, sheet4, has none), their notes and drawings (1-1 already had a
    // note and its drawing: edited in place, its relationships unchanged), styles (the marks' dxfs),
    // the sheets' relationships to new notes and the content types. No record part: marks describe
    // themselves.
    expect(result.changedParts).toEqual([
      "[Content_Types].xml",
      "xl/comments1.xml",
      "xl/comments2.xml",
      "xl/comments3.xml",
      "xl/comments4.xml",
      "xl/comments5.xml",
      "xl/drawings/vmlDrawing1.vml",
      "xl/drawings/vmlDrawing2.vml",
      "xl/drawings/vmlDrawing3.vml",
      "xl/drawings/vmlDrawing4.vml",
      "xl/drawings/vmlDrawing5.vml",
      "xl/styles.xml",
      "xl/worksheets/_rels/sheet2.xml.rels",
      "xl/worksheets/_rels/sheet3.xml.rels",
      "xl/worksheets/_rels/sheet5.xml.rels",
      "xl/worksheets/_rels/sheet6.xml.rels",
      "xl/worksheets/sheet1.xml",
      "xl/worksheets/sheet2.xml",
      "xl/worksheets/sheet3.xml",
      "xl/worksheets/sheet5.xml",
      "xl/worksheets/sheet6.xml",
    ]);
    for (const e of a.entries) {
      if (changed.has(e.name)) continue;
      expect([e.name, Buffer.from(b.rawData(e.name)).equals(Buffer.from(a.rawData(e.name)))]).toEqual([
        e.name,
        true,
      ]);
    }
  });

  test("marks every finding's cell (error rows included) with kensho's conditional format and note; values and fills do not change", async () => {
    const copy = bytesOf(path.join(dir, "写し", "formula-errors.xlsx"));
    const original = bytesOf(path.join(dir, "formula-errors.xlsx"));
    const flags = await flagsOf(original);
    const errors = flags.filter((f) => f.severity === "error");
    expect(errors.map((f) => `${f.sheet}!${f.address}`)).toEqual(["1-1!I7", "2-1!I7", "3-2!H8"]);
    const looks = looksOf(copy);
    const own = looksOf(original);
    const formats = conditionalFormatsOf(copy);
    for (const f of flags) {
      const key = `${f.sheet}!${f.address}`;
      expect([key, looks.get(key)?.fill ?? null]).toEqual([key, own.get(key)?.fill ?? null]);
      expect(looks.get(key)?.note).toBe(`${MESSAGE_PREFIX}${f.message}`);
      const mark = formats.filter((c) => c.sheet === f.sheet && c.sqref === f.address);
      expect(mark).toEqual([
        expect.objectContaining({
          type: "Custom",
          formula: `=ISTEXT("kensho:${f.severity}:note")`,
          fill: SEVERITY_COLOR[f.severity],
          stopIfTrue: true,
        }),
      ]);
    }
    // In the fake Excel the copy shows kensho's colours over the cells' own fills.
    const fake = await openInFake(copy);
    for (const f of flags) expect(fake.displayedFill(f.sheet, f.address)).toBe(SEVERITY_COLOR[f.severity]);
    // Values, texts and formats as read back are the input's, and the check finds the same.
    const [before, after] = [await readWorkbookBuffer(original), await readWorkbookBuffer(copy)];
    expect(after.map((g) => [g.name, g.cells])).toEqual(before.map((g) => [g.name, g.cells]));
    expect(checkWorkbook(after).findings).toEqual(checkWorkbook(before).findings);
  });

  test("a person's note keeps its text with kensho's part below it; a person's fill stays as it is", async () => {
    const copy = bytesOf(path.join(dir, "写し", "返却.xlsx"));
    const flags = await flagsOf(bytesOf(input));
    const i9 = flags.find((f) => f.sheet === "1-1" && f.address === "I9")!;
    expect(looksOf(copy).get("1-1!I9")?.note).toBe(`担当者のメモ: 速報値\n${MESSAGE_PREFIX}${i9.message}`);
    // The patterned theme fill on I13 is the cell's own, unchanged; the mark is beside it.
    expect(looksOf(copy).get("1-1!I13")).toMatchObject({
      fill: { color: "#FFFF00", pattern: "LightUp", patternColor: "#4F81BD", patternTintAndShade: 0.4 },
    });
    expect(conditionalFormatsOf(copy).some((c) => c.sheet === "1-1" && c.sqref === "I13")).toBe(true);
    // No record of addresses is written.
    expect(ZipPackage.open(copy).entries.some((e) => e.name.startsWith("customXml/"))).toBe(false);
  });

  test("フラグを消す in Excel (the documented fake) puts the workbook back exactly, without a check first", async () => {
    const original = bytesOf(input);
    const copy = bytesOf(path.join(dir, "写し", "返却.xlsx"));
    const fake = await openInFake(copy);
    const host = await hostOnFake(fake);
    expect(host.hasMarks()).toBe(true);
    await host.clearFlags();
    const want = await openInFake(original);
    const cells = new Set([...looksOf(original).keys(), ...looksOf(copy).keys()]);
    expect(cells.size).toBeGreaterThan(20);
    for (const key of cells) {
      const [sheet, address] = key.split("!");
      expect([key, fakeLook(fake, sheet, address)]).toEqual([key, fakeLook(want, sheet, address)]);
    }
    expect(JSON.stringify(fake.snapshot())).toBe(JSON.stringify(want.snapshot()));
    expect(fake.undoClears).toEqual([]);
  });

  test("the pane rechecking a CLI-annotated copy finds its marks right and writes nothing", async () => {
    const copy = bytesOf(path.join(dir, "写し", "返却.xlsx"));
    const fake = await openInFake(copy);
    const host = await hostOnFake(fake);
    await host.readSheets();
    const report = await host.writeFlags(await flagsOf(copy));
    expect(report.wrote).toBe(false);
  });

  test("annotating an annotated copy again changes nothing; one finding fewer takes only its mark away", async () => {
    const original = bytesOf(input);
    const once = annotateWorkbook(original, await flagsOf(original)).bytes;
    const again = annotateWorkbook(once, await flagsOf(once));
    expect(again.changedParts).toEqual([]);
    expect(looksOf(again.bytes)).toEqual(looksOf(once));
    // And one flag fewer (a fixed cell) restores that cell's own look.
    const flags = await flagsOf(once);
    const fixed = flags.find((f) => f.sheet === "1-1" && f.address === "I13")!;
    const after = annotateWorkbook(
      once,
      flags.filter((f) => f !== fixed),
    ).bytes;
    expect(looksOf(after).get("1-1!I13")).toEqual(looksOf(original).get("1-1!I13"));
    expect(conditionalFormatsOf(after).filter((c) => c.sqref === "I13" && c.sheet === "1-1")).toEqual([]);
    expect(conditionalFormatsOf(after)).toHaveLength(conditionalFormatsOf(once).length - 1);
  });

  test("a copy an earlier version annotated: its fills go back where kensho's colour shows, its record loses its flags", async () => {
    const original = bytesOf(input);
    // What an earlier version wrote: kensho's colour painted over L9 (its own fill recorded) and
    // over I9 (no fill), a kensho note, and the record; B3's fill is no longer kensho's colour.
    const wb = WorkbookPatch.open(original);
    const styles = new FillStyles("xl/styles.xml", () => wb.pkg.text("xl/styles.xml"), []);
    const solid = (color: string): Fill => ({
      color,
      pattern: "Solid",
      patternColor: null,
      tintAndShade: 0,
      patternTintAndShade: 0,
    });
    const paint = (cell: string, fill: Fill) => {
      const p = /^([A-Z]+)(\d+)$/.exec(cell)!;
      const col = p[1].charCodeAt(0) - 65;
      const row = Number(p[2]) - 1;
      const sheet = wb.sheet("1-1");
      sheet.setStyle(row, col, styles.withFill(sheet.cellStyle(row, col), fill));
    };
    paint("L9", solid(SEVERITY_COLOR.warning));
    paint("M10", solid(SEVERITY_COLOR.error));
    const stylesXml = styles.render();
    const sheetXml = wb.sheet("1-1").render()!;
    const info = wb.sheets().find((s) => s.name === "1-1")!;
    wb.pkg.setText(info.part, sheetXml);
    if (stylesXml) wb.pkg.setText("xl/styles.xml", stylesXml);
    writeFlagRecordPart(
      wb.pkg,
      wb.workbookPart,
      { parts: [], record: { flags: [], undo: [] } },
      {
        flags: [
          { sheet: "1-1", cell: "L9", fill: null, painted: true, message: "none" },
          { sheet: "1-1", cell: "M10", fill: null, painted: true, message: "none" },
          { sheet: "1-1", cell: "B3", fill: null, painted: true, message: "none" },
        ],
        undo: [],
      },
    );
    const old = wb.pkg.write();
    const result = annotateWorkbook(old, await flagsOf(original));
    expect(result.legacyRestored).toBe(2);
    expect(result.legacyLeft).toEqual([{ sheet: "1-1", address: "B3" }]);
    const looks = looksOf(result.bytes);
    expect(looks.get("1-1!L9")?.fill ?? null).toEqual(looksOf(original).get("1-1!L9")?.fill ?? null);
    expect(looks.get("1-1!M10")?.fill ?? null).toBeNull();
    expect(looks.get("1-1!B3")?.fill).toMatchObject({ color: "#92D050" });
    const record = parseFlagRecord(
      new TextDecoder().decode(ZipPackage.open(result.bytes).read("customXml/item1.xml")),
    );
    expect(record.doc.flags).toEqual([]);
    // And the pane clears that copy the same way.
    const fake = await openInFake(old);
    await (await hostOnFake(fake)).clearFlags();
    expect(fakeLook(fake, "1-1", "M10").fill).toBeNull();
    expect(fakeLook(fake, "1-1", "B3").fill).toMatchObject({ color: "#92D050" });
  });

  describe("a rich workbook (drop-down, conditional formats, print settings, logo, custom properties)", () => {
    test.each(["multi-sheet", "single-sheet"] as const)(
      "%s: only the allowed parts change; the rest byte for byte",
      async (layout) => {
        const input = await buildRichMaster(layout);
        const flags = await flagsOf(input);
        const result = annotateWorkbook(input, flags);
        expect(flags.length).toBeGreaterThan(5);
        expect(result.marked).toBe(flags.length);
        // domain.md, "Fidelity": worksheets, styles, content types, comments and their VML drawings
        // may change; no record part is added.
        const allowed =
          /^(xl\/worksheets\/(_rels\/)?sheet\d+\.xml(\.rels)?|xl\/styles\.xml|\[Content_Types\]\.xml|xl\/comments\d+\.xml|xl\/drawings\/vmlDrawing\d+\.vml)$/;
        expect(result.changedParts.filter((p) => !allowed.test(p))).toEqual([]);
        const a = ZipPackage.open(input);
        const b = ZipPackage.open(result.bytes);
        const changed = new Set(result.changedParts);
        const untouched = a.entries.filter((e) => !changed.has(e.name));
        expect(untouched.map((e) => e.name)).toEqual(
          expect.arrayContaining(["docProps/custom.xml", "xl/media/image1.png"]),
        );
        for (const e of untouched)
          expect(Buffer.from(b.rawData(e.name)).equals(Buffer.from(a.rawData(e.name)))).toBe(true);
        // What staff rely on survives in the marked sheets: the drop-down and the conditional formats.
        const sheet = (bytes: Uint8Array, part: string) =>
          new TextDecoder().decode(ZipPackage.open(bytes).read(part));
        const part = "xl/worksheets/sheet1.xml";
        for (const tag of ["<dataValidations", "<conditionalFormatting", "<headerFooter", "<drawing "])
          expect([tag, sheet(result.bytes, part).includes(tag)]).toEqual([
            tag,
            sheet(input, part).includes(tag),
          ]);
        // The workbook's own conditional formats are all there, in their order, below kensho's.
        const own = (bytes: Uint8Array) =>
          conditionalFormatsOf(bytes)
            .filter((c) => !c.formula.includes("kensho"))
            .sort((a, b) => a.sheet.localeCompare(b.sheet)) // stable: each sheet's own order kept
            .map((c) => [c.sheet, c.sqref, c.type, c.formula, c.fill]);
        expect(own(result.bytes)).toEqual(own(input));
        const all = conditionalFormatsOf(result.bytes);
        for (const name of new Set(all.map((c) => c.sheet))) {
          const mine = all.filter((c) => c.sheet === name);
          const k = mine.filter((c) => c.formula.includes("kensho")).map((c) => c.priority);
          const o = mine.filter((c) => !c.formula.includes("kensho")).map((c) => c.priority);
          if (k.length && o.length) expect(Math.max(...k)).toBeLessThan(Math.min(...o));
        }
      },
    );
  });
});
