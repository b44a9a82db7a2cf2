// `kensho --annotate DIR`: copies that carry the add-in's marks and flag record. Proven here: the
// inputs never change; only the parts that must change do (every other entry is the input's own
// compressed bytes); every finding's cell is marked, error rows included; no value changes; and
// pressing フラグを消す in (the documented fake of) Excel puts every cell back as it was.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as ExcelJS from "exceljs";
import { ZipPackage } from "../../src/adapters/xlsx/package";
import { readWorkbookBuffer } from "../../src/adapters/xlsx/readWorkbook";
import { annotateWorkbook } from "../../src/adapters/xlsx/annotate/annotateWorkbook";
import { checkWorkbook } from "../../src/core/check";
import { FLAG_RECORD_NAMESPACE, MESSAGE_PREFIX, SEVERITY_COLOR, parseFlagRecord } from "../../src/core/flags";
import { flagsFromFindings } from "../../src/taskpane/selectors";
import { hostOnFake } from "../fakes/fakeHost";
import { fakeLook, looksOf, openInFake } from "../helpers/xlsxInFake";
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
    // note and its drawing: edited in place, its relationships unchanged), styles, the record's
    // parts, the workbook's relationships and the content types.
    expect(result.changedParts).toEqual([
      "[Content_Types].xml",
      "customXml/_rels/item1.xml.rels",
      "customXml/item1.xml",
      "customXml/itemProps1.xml",
      "xl/_rels/workbook.xml.rels",
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

  test("marks every finding's cell (error rows included) with its colour and a kensho note; values do not change", async () => {
    const copy = bytesOf(path.join(dir, "写し", "formula-errors.xlsx"));
    const original = bytesOf(path.join(dir, "formula-errors.xlsx"));
    const flags = await flagsOf(original);
    const errors = flags.filter((f) => f.severity === "error");
    expect(errors.map((f) => `${f.sheet}!${f.address}`)).toEqual(["1-1!I7", "2-1!I7", "3-2!H8"]);
    const looks = looksOf(copy);
    for (const f of flags) {
      const look = looks.get(`${f.sheet}!${f.address}`);
      expect(look?.fill).toMatchObject({ color: SEVERITY_COLOR[f.severity], pattern: "Solid" });
      expect(look?.note).toBe(`${MESSAGE_PREFIX}${f.message}`);
    }
    // Values, texts and formats as read back are the input's, and the check finds the same.
    const [before, after] = [await readWorkbookBuffer(original), await readWorkbookBuffer(copy)];
    expect(after.map((g) => [g.name, g.cells])).toEqual(before.map((g) => [g.name, g.cells]));
    expect(checkWorkbook(after).findings).toEqual(checkWorkbook(before).findings);
  });

  test("the copy holds the flag record the add-in keeps: each cell's fill before the mark", async () => {
    const copy = bytesOf(path.join(dir, "写し", "返却.xlsx"));
    const pkg = ZipPackage.open(copy);
    const record = parseFlagRecord(new TextDecoder().decode(pkg.read("customXml/item1.xml")));
    expect(record.unreadable).toBe(false);
    const byCell = new Map(record.doc.flags.map((f) => [`${f.sheet}!${f.cell}`, f]));
    // A person's note is never touched: that cell is filled, with no kensho message.
    expect(byCell.get("1-1!I9")).toMatchObject({ fill: null, painted: true, message: "none" });
    // The patterned theme fill is recorded as the add-in would read it: accent1 of the file's theme
    // (ExcelJS writes the Office 2007 theme, 4F81BD) with its tint; yellow behind.
    expect(byCell.get("1-1!I13")).toMatchObject({
      fill: { color: "#FFFF00", pattern: "LightUp", patternColor: "#4F81BD", patternTintAndShade: 0.4 },
      painted: true,
      message: "note",
    });
    expect(looksOf(copy).get("1-1!I9")?.note).toBe("担当者のメモ: 速報値");
    const props = new TextDecoder().decode(pkg.read("customXml/itemProps1.xml"));
    expect(props).toContain(`ds:schemaRef ds:uri="${FLAG_RECORD_NAMESPACE}"`);
  });

  test("フラグを消す in Excel (the documented fake) puts every cell back exactly", async () => {
    const original = bytesOf(input);
    const copy = bytesOf(path.join(dir, "写し", "返却.xlsx"));
    const fake = await openInFake(copy);
    const host = await hostOnFake(fake);
    await host.clearFlags();
    const want = await openInFake(original);
    const cells = new Set([...looksOf(original).keys(), ...looksOf(copy).keys()]);
    expect(cells.size).toBeGreaterThan(20);
    for (const key of cells) {
      const [sheet, address] = key.split("!");
      expect([key, fakeLook(fake, sheet, address)]).toEqual([key, fakeLook(want, sheet, address)]);
    }
    expect(fake.undoClears).toEqual([]);
  });

  test("annotating an annotated copy again keeps each cell's true original, not kensho's mark", async () => {
    const original = bytesOf(input);
    const once = annotateWorkbook(original, await flagsOf(original)).bytes;
    const twice = annotateWorkbook(once, await flagsOf(once)).bytes;
    const read = (b: Uint8Array) =>
      parseFlagRecord(new TextDecoder().decode(ZipPackage.open(b).read("customXml/item1.xml"))).doc;
    expect(read(twice).flags).toEqual(read(once).flags);
    expect(looksOf(twice)).toEqual(looksOf(once));
    // And one flag fewer (a fixed cell) restores that cell's own look.
    const flags = await flagsOf(once);
    const fixed = flags.find((f) => f.sheet === "1-1" && f.address === "I13")!;
    const after = annotateWorkbook(
      once,
      flags.filter((f) => f !== fixed),
    ).bytes;
    expect(looksOf(after).get("1-1!I13")).toEqual(looksOf(original).get("1-1!I13"));
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
        // domain.md, "Fidelity": worksheets, styles, workbook rels, content types, comments and their
        // VML drawings may change, and kensho adds its record as custom XML.
        const allowed =
          /^(xl\/worksheets\/(_rels\/)?sheet\d+\.xml(\.rels)?|xl\/styles\.xml|xl\/_rels\/workbook\.xml\.rels|\[Content_Types\]\.xml|xl\/comments\d+\.xml|xl\/drawings\/vmlDrawing\d+\.vml|customXml\/(_rels\/)?item(Props)?1\.xml(\.rels)?)$/;
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
      },
    );
  });
});
