import { createHash } from "crypto";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import type { CellArea, SheetGrid } from "../../../src/core/model";
import { WorkbookReadError } from "../../../src/adapters/xlsx/errors";
import { readWorkbookBuffer, readWorkbookFile } from "../../../src/adapters/xlsx/readWorkbook";
import { unreadableMessage } from "../../../src/i18n/xlsx";
import { type FixtureName, getFixtures, type Fixtures } from "../../helpers/fixtures";
import { cellAt, dense } from "../../helpers/dense";

const at = cellAt;

const sheet = (grids: SheetGrid[], name: string): SheetGrid => {
  const g = grids.find((x) => x.name === name);
  if (!g) throw new Error(`no sheet ${name}`);
  return g;
};

const area = (top: number, left: number, bottom: number, right: number): CellArea => ({
  top,
  left,
  bottom,
  right,
});

let fx: Fixtures;
beforeAll(async () => {
  fx = await getFixtures();
});

describe("readWorkbookFile on the sample", () => {
  let grids: SheetGrid[];
  beforeAll(async () => {
    grids = await readWorkbookFile(fx.sample);
  });

  it("reads one grid per page sheet, from A1", () => {
    expect(grids.map((g) => g.name)).toEqual(["1-1", "1-2", "2-1", "2-2", "3-1", "3-2"]);
    // 14, 14, 14, 14, 15 and 13 columns; 5 rows above the data plus the page's KPI rows.
    expect(grids.map((g) => dense(g).values[0].length)).toEqual([14, 14, 14, 14, 15, 13]);
    expect(grids.map((g) => dense(g).values.length - 5)).toEqual([11, 6, 9, 4, 11, 6]);
  });

  it("gives the title, note, 資料2 and header cells", () => {
    const g = sheet(grids, "1-1");
    expect(at(g, "A1").value).toBe("令和5年度 第2期伊勢崎市まち・ひと・しごと創生総合戦略効果検証シート");
    expect(at(g, "A2").text).toMatch(/^令和4年度実績値を基に設定したため/);
    expect(at(g, "N3").value).toBe("資料2");
    expect(at(g, "C4").value).toBe("数値目標");
    expect(at(g, "C5").value).toBe("数値目標");
    expect(at(g, "D5").value).toBe("具体的な施策");
    expect(at(g, "E4").value).toBe("重要業績評価指標\n(KPI)\n名称");
    expect(at(g, "I4").value).toBe("令和5年度\n実績値");
    expect(at(sheet(grids, "1-2"), "C5").value).toBe("具体的な施策");
    expect(at(sheet(grids, "3-1"), "L4").value).toBe("進捗が遅れている\n理由");
    expect(at(sheet(grids, "3-1"), "O4").value).toBe("備考");
    expect(at(sheet(grids, "3-2"), "M4").value).toBe("指標の担当課");
  });

  it("gives exact data cells", () => {
    const g = sheet(grids, "1-1");
    expect(at(g, "A6").value).toBe("1 しごとの創生");
    expect(at(g, "B6").value).toBe("1-1 安定した雇用の創出");
    expect(at(g, "C6").value).toBe("新規求人数");
    expect(at(g, "E6").value).toBe("-");
    expect(at(g, "G6")).toEqual({ value: "1,563件", text: "1,563件", format: "General" });
    expect(at(g, "C7").value).toBe("①地域産業の活性化、付加価値の向上");
    expect(at(g, "E8").text).toBe("新技術・新製品等の開発数");
    expect(at(g, "L8").value).toBe("進捗の遅れ");
    expect(at(g, "M8").value).toMatch(/^コロナ禍の影響による事業者の開発意欲の低下のため/);
    expect(at(g, "N8").value).toBe("商工労働課");
    expect(at(g, "F6").value).toBe(
      "①雇用を促進するため、セミナー等を開催し支援に努めた。\n②雇用を促進するため、ニーズに沿った支援を検討。\n③引き続き雇用促進の支援を図る。",
    );
    const s31 = sheet(grids, "3-1");
    expect(at(s31, "D8").value).toBe("休日夜間急患センターの開設日数");
    expect(at(s31, "G8").value).toBe("365日");
    expect(at(s31, "J8").value).toBe("366日 (閏年)");
    expect(at(s31, "L9").value).toMatch(/^目標値が国の基準に準じて/);
    expect(at(s31, "N9").value).toBe("国民健康保険課");
    expect(at(sheet(grids, "2-1"), "G12").value).toBe("78カ所");
    expect(at(sheet(grids, "3-2"), "C7").value).toBe("①安心できるまちづくり");
    expect(at(sheet(grids, "3-2"), "C11").value).toBe("②空き家対策の推進");
  });

  it("reports merged areas, and merged cells other than the first read as empty", () => {
    const g = sheet(grids, "1-1");
    expect(g.merges).toEqual(
      expect.arrayContaining([
        area(0, 0, 0, 13), // title across the table
        area(3, 2, 3, 3), // 数値目標 over C4:D4
        area(3, 4, 4, 4), // KPI header down E4:E5
        area(5, 2, 5, 3), // 新規求人数 across C6:D6
        area(6, 2, 8, 3), // ① over C7:D9
        area(5, 0, 15, 0), // goal down A6:A16
      ]),
    );
    expect(at(g, "D6").value).toBeNull();
    // A merged area's other cells hold nothing, so the sparse grid has no cell there.
    expect(at(g, "C8")).toEqual({ value: null, text: "", format: "" });
    expect(sheet(grids, "3-1").merges).toEqual(
      expect.arrayContaining([area(3, 11, 4, 12), area(7, 11, 7, 12)]),
    );
  });

  it("reports no hidden rows or columns", () => {
    for (const g of grids) expect([g.hiddenRows, g.hiddenCols]).toEqual([[], []]);
  });
});

describe("cell values", () => {
  it("keeps numbers as numbers, with their format and displayed text", async () => {
    const grids = await readWorkbookFile(fx["numeric-formats"]);
    const s11 = sheet(grids, "1-1");
    expect(at(s11, "G6")).toEqual({ value: 1563, text: "1,563件", format: '#,##0"件"' });
    expect(at(s11, "I6")).toEqual({ value: 1472, text: "1,472件", format: '#,##0"件"' }); // formula result
    expect(at(s11, "G16")).toEqual({ value: 3923, text: "3,923ha", format: '#,##0"ha"' });
    expect(at(s11, "I16").value).toBe(3942);
    const s21 = sheet(grids, "2-1");
    expect(at(s21, "G8")).toEqual({ value: 0.805, text: "80.5%", format: "0.0%" });
    expect(at(s21, "I8")).toEqual({ value: 0.781, text: "78.1%", format: "0.0%" });
    expect(at(sheet(grids, "1-2"), "H6")).toEqual({ value: 258, text: "258万人", format: '0"万人"' });
    expect(at(sheet(grids, "1-2"), "G7").text).toBe("88,271人");
  });

  it("gives formula errors and error values as their literal text", async () => {
    const grids = await readWorkbookFile(fx["formula-errors"]);
    expect(at(sheet(grids, "1-1"), "I7")).toMatchObject({ value: "#DIV/0!", text: "#DIV/0!" });
    expect(at(sheet(grids, "2-1"), "I7")).toMatchObject({ value: "#N/A", text: "#N/A" });
    expect(at(sheet(grids, "3-2"), "H8")).toMatchObject({ value: "#VALUE!", text: "#VALUE!" });
  });

  it("keeps full-width digits and spaces as typed", async () => {
    const grids = await readWorkbookFile(fx["fullwidth-digits"]);
    const g = sheet(grids, "1-1");
    expect(at(g, "G6").value).toBe("１，５６３件");
    expect(at(g, "H6").value).toBe(" 1,486件 ");
    expect(at(g, "M8").value).toBe("\u3000");
  });

  it("reports hidden rows and columns", async () => {
    const grids = await readWorkbookFile(fx["hidden-rows"]);
    const g = sheet(grids, "1-1");
    expect(g.hiddenRows).toEqual([8, 9]);
    expect(g.hiddenCols).toEqual([5]);
    expect(at(g, "E9").value).toBe("創業相談件数"); // hidden cells are still read
    expect(sheet(grids, "1-2").hiddenRows).toEqual([]);
  });

  it("reads a workbook without verification sheets as plain grids", async () => {
    const grids = await readWorkbookFile(fx["no-verification-sheet"]);
    expect(grids).toHaveLength(1);
    expect(grids[0].name).toBe("名簿");
    expect(dense(grids[0]).values[1]).toEqual(["伊勢崎 太郎", "企画調整課", 1234]);
  });

  it("flattens rich text; gives dates as serial numbers shown as Excel shows them; booleans", async () => {
    const ExcelJS = await import("exceljs");
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("x");
    ws.getCell("B2").value = { richText: [{ text: "順調に" }, { text: "進捗", font: { bold: true } }] };
    ws.getCell("C2").value = new Date(Date.UTC(2024, 2, 31));
    ws.getCell("C2").numFmt = "yyyy/m/d";
    ws.getCell("D2").value = true;
    ws.getCell("E3").value = { formula: '"a"&"b"', result: "ab" } as never;
    const [g] = await readWorkbookBuffer(Buffer.from(await wb.xlsx.writeBuffer()), "x.xlsx");
    expect(dense(g).values).toEqual([
      [null, null, null, null, null],
      [null, "順調に進捗", 45382, true, null],
      [null, null, null, null, "ab"],
    ]);
    expect(dense(g).texts[1]).toEqual(["", "順調に進捗", "2024/3/31", "TRUE", ""]);
    expect(dense(g).formats[1][2]).toBe("yyyy/m/d");
  });
});

describe("unreadable files", () => {
  const broken: [FixtureName | "missing" | "directory", WorkbookReadError["reason"]][] = [
    ["not-xlsx", "not-zip"],
    ["corrupt", "corrupt"],
    ["legacy-or-encrypted", "legacy-or-encrypted"],
    ["empty", "empty"],
    ["missing", "not-found"],
    ["directory", "is-directory"],
  ];

  it.each(broken)("%s -> WorkbookReadError (%s)", async (name, reason) => {
    const file =
      name === "missing"
        ? path.join(os.tmpdir(), "kensho-no-such-file.xlsx")
        : name === "directory"
          ? os.tmpdir()
          : fx[name];
    const err = await readWorkbookFile(file).then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(WorkbookReadError);
    const e = err as WorkbookReadError;
    expect(e.code).toBe("unreadable-file");
    expect(e.reason).toBe(reason);
    expect(e.params.file).toBe(path.basename(file));
    const message = unreadableMessage(e.reason, e.params);
    expect(message).toMatch(/[ぁ-んァ-ヶ一-龠]/);
    expect(message).toContain(path.basename(file));
  });

  it("says a password-protected or .xls file must be saved as .xlsx without a password", async () => {
    const e = (await readWorkbookFile(fx["legacy-or-encrypted"]).catch(
      (x: unknown) => x,
    )) as WorkbookReadError;
    const message = unreadableMessage(e.reason, e.params);
    expect(message).toContain("パスワード");
    expect(message).toContain(".xls");
    expect(message).toContain(".xlsx");
  });

  it("reports a zip with damaged contents as unreadable", async () => {
    // The magic bytes pass; the archive's entries are garbage.
    const ExcelJS = await import("exceljs");
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("a");
    const good = Buffer.from(await wb.xlsx.writeBuffer());
    const damaged = Buffer.from(good);
    damaged.fill(0x41, 200, damaged.length - 200); // keep the headers, ruin the contents
    const err = await readWorkbookBuffer(damaged, "damaged.xlsx").catch((x: unknown) => x);
    expect(err).toBeInstanceOf(WorkbookReadError);
    expect((err as WorkbookReadError).code).toBe("unreadable-file");
  });
});

describe("read only", () => {
  const digest = (file: string): string => createHash("sha256").update(fs.readFileSync(file)).digest("hex");

  it.each(["sample", "numeric-formats", "hidden-rows", "formula-errors"] as FixtureName[])(
    "does not modify %s",
    async (name) => {
      const file = fx[name];
      const before = { hash: digest(file), mtime: fs.statSync(file).mtimeMs };
      await readWorkbookFile(file);
      await readWorkbookFile(file);
      expect({ hash: digest(file), mtime: fs.statSync(file).mtimeMs }).toEqual(before);
    },
  );
});
