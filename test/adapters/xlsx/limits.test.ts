// Every limit of the reader is a stated per-file error with a Japanese message, never a crash.
import * as fs from "fs";
import {
  readWorkbookBytesSync,
  WorkbookReadError,
  type UnreadableReason,
} from "../../../src/adapters/xlsx/read";
import { unreadableMessage } from "../../../src/i18n/xlsx";
import { writeXlsx } from "../../../scripts/synthetic-xlsx";
import { zipSync } from "fflate";
import { fixturePath } from "../../helpers/fixtures";

const failure = (fn: () => unknown): WorkbookReadError => {
  try {
    fn();
  } catch (err) {
    if (err instanceof WorkbookReadError) return err;
    throw err;
  }
  throw new Error("did not throw");
};

const grid = (name: string, n: number) => ({
  grid: {
    name,
    cells: Array.from({ length: n }, (_, i) => ({
      row: i,
      col: 0,
      value: i + 1,
      text: String(i + 1),
      format: "General",
    })),
    merges: [],
    hiddenRows: [],
    hiddenCols: [],
  },
});

const expectMessage = (err: WorkbookReadError, reason: UnreadableReason, ...parts: string[]) => {
  expect(err.reason).toBe(reason);
  const message = unreadableMessage(err.reason, err.params);
  expect(message).toMatch(/[ぁ-んァ-ヶ一-龠]/);
  for (const p of parts) expect(message).toContain(p);
};

test("cells per sheet", () => {
  const bytes = writeXlsx([grid("大きい", 11)]);
  expect(readWorkbookBytesSync(bytes, { limits: { maxCellsPerSheet: 11 } })[0].cells).toHaveLength(11);
  const err = failure(() =>
    readWorkbookBytesSync(bytes, { name: "a.xlsx", limits: { maxCellsPerSheet: 10 } }),
  );
  expect(err.params).toMatchObject({ file: "a.xlsx", sheet: "大きい", limit: 10 });
  expectMessage(err, "too-many-cells", "a.xlsx", "大きい", "10 セル");
});

test("cells in the whole workbook", () => {
  const bytes = writeXlsx([grid("一", 6), grid("二", 6)]);
  const err = failure(() => readWorkbookBytesSync(bytes, { name: "b.xlsx", limits: { maxTotalCells: 10 } }));
  expect(err.params).toMatchObject({ sheet: "二", limit: 10 });
  expectMessage(err, "too-many-cells-total", "ブック全体", "二");
});

test("one shared string's length", () => {
  const long = { row: 0, col: 0, value: "あ".repeat(50), text: "", format: "General" };
  const bytes = writeXlsx([{ grid: { ...grid("s", 0).grid, cells: [long] } }]);
  const err = failure(() => readWorkbookBytesSync(bytes, { name: "c.xlsx", limits: { maxStringChars: 49 } }));
  expectMessage(err, "string-too-long", "c.xlsx", "49 文字");
});

test("one part's uncompressed size (a zip bomb stops at the limit)", () => {
  const bytes = writeXlsx([grid("s", 2000)]);
  const err = failure(() =>
    readWorkbookBytesSync(bytes, { name: "d.xlsx", limits: { maxPartBytes: 10_000 } }),
  );
  expectMessage(err, "part-too-large", "d.xlsx");
});

test("a zip that is not a workbook, and a workbook whose sheet part is missing", async () => {
  const notBook = zipSync({ "hello.txt": new Uint8Array([104, 105]) });
  expectMessage(
    failure(() => readWorkbookBytesSync(notBook, { name: "e.xlsx" })),
    "no-worksheets",
    "e.xlsx",
  );
  const sample = fs.readFileSync(await fixturePath("sample"));
  const { unzipSync } = await import("fflate");
  const files = unzipSync(new Uint8Array(sample));
  delete files["xl/worksheets/sheet1.xml"];
  expectMessage(
    failure(() => readWorkbookBytesSync(zipSync(files), { name: "f.xlsx" })),
    "corrupt",
    "f.xlsx",
  );
});
