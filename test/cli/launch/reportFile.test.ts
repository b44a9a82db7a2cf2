import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import {
  dateStamp,
  dateTimeText,
  reportDirectory,
  windowsText,
  writeNewReportFiles,
} from "../../../src/cli/launch/reportFile";

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "kensho-report-"));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

test("dates are local and zero-padded", () => {
  const d = new Date(2025, 5, 1, 9, 5);
  expect(dateStamp(d)).toBe("20250601");
  expect(dateTimeText(d)).toBe("2025-06-01 09:05");
});

test("the report goes beside the first input: a file's folder, a folder's parent, a wildcard's folder", () => {
  const cwd = path.join(dir, "work");
  expect(reportDirectory("提出/a.xlsx", cwd)).toBe(path.join(cwd, "提出"));
  expect(reportDirectory("提出", cwd)).toBe(cwd);
  expect(reportDirectory("提出/", cwd)).toBe(cwd);
  expect(reportDirectory("提出/*.xlsx", cwd)).toBe(path.join(cwd, "提出"));
  expect(reportDirectory(path.join(dir, "x", "b.xlsx"), cwd)).toBe(path.join(dir, "x"));
});

test("writes .txt and .csv under one name, never overwriting: an existing name moves both to _2", () => {
  fs.writeFileSync(path.join(dir, "検証結果_20250601.csv"), "staff's own file");
  const written = writeNewReportFiles(dir, "検証結果_20250601", [
    { extension: ".txt", content: "text" },
    { extension: ".csv", content: "csv" },
  ]);
  expect(written).toEqual([
    path.join(dir, "検証結果_20250601_2.txt"),
    path.join(dir, "検証結果_20250601_2.csv"),
  ]);
  expect(fs.readFileSync(path.join(dir, "検証結果_20250601.csv"), "utf8")).toBe("staff's own file");
  expect(fs.existsSync(path.join(dir, "検証結果_20250601.txt"))).toBe(false);
  const again = writeNewReportFiles(dir, "検証結果_20250601", [{ extension: ".txt", content: "again" }]);
  expect(again).toEqual([path.join(dir, "検証結果_20250601.txt")]);
  expect(fs.readFileSync(path.join(dir, "検証結果_20250601_2.txt"), "utf8")).toBe("text");
});

test("an unwritable folder is an error for the caller to report", () => {
  expect(() =>
    writeNewReportFiles(path.join(dir, "missing"), "検証結果_20250601", [
      { extension: ".txt", content: "x" },
    ]),
  ).toThrow(expect.objectContaining({ code: "ENOENT" }));
});

test("report text for Windows: BOM and CRLF, existing CRLF kept single", () => {
  expect(windowsText("a\nb\r\nc\n")).toBe("\uFEFFa\r\nb\r\nc\r\n");
});
