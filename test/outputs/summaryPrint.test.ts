// The 創生会議 summary as people get it (issue 19): made from a folder of split copies given with
// absolute paths, one returned with nothing entered, and last year's workbook. No machine path in
// any cell but the one hidden column; 未記入で返送 with its file; and, rendered to PDF by LibreOffice
// in one soffice run, 進捗一覧 prints on a few A4 landscape pages at a legible size and 集計 carries
// its chart.
import * as fs from "fs";
import * as path from "path";
import { spawnSync } from "child_process";
import * as ExcelJS from "exceljs";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { SAMPLE } from "../helpers/distribution";
import { runIn, tempDir } from "../cycle/helpers";
import { buildPreviousYearWorkbook } from "../../scripts/previousYearSample";
import { WorkbookPatch } from "../../src/adapters/xlsx/write/workbookPatch";
import { parseA1 } from "../../src/core/address";
import { bodyFontSize, readPdf } from "../helpers/pdf";

const soffice = ["/usr/bin/soffice", "/usr/bin/libreoffice"].find((p) => fs.existsSync(p));

/** A copy with one entry cell changed, surgically (the department wrote its status anew). */
function edited(copy: Uint8Array, sheet: string, address: string, text: string): Uint8Array {
  const wb = WorkbookPatch.open(copy);
  const at = parseA1(address)!;
  wb.sheet(sheet).setValue(at.row, at.col, { kind: "text", value: text });
  return wb.write().bytes;
}

/** The summary with every sheet but one hidden, so that a PDF of it holds that sheet's pages only. */
function only(summary: Uint8Array, sheet: string): Uint8Array {
  const files = unzipSync(summary);
  let wb = strFromU8(files["xl/workbook.xml"]);
  const names = [...wb.matchAll(/<sheet [^>]*name="([^"]+)"/g)].map((m) => m[1]);
  expect(names).toContain(sheet);
  wb = wb.replace(
    /<sheet ([^>]*)name="([^"]+)" state="visible"/g,
    (_m, before: string, name: string) =>
      `<sheet ${before}name="${name}" state="${name === sheet ? "visible" : "hidden"}"`,
  );
  // The active sheet must be a visible one (ExcelJS writes no bookViews: it is added).
  wb = wb.replace(
    "<sheets>",
    `<bookViews><workbookView activeTab="${names.indexOf(sheet)}"/></bookViews><sheets>`,
  );
  files["xl/workbook.xml"] = strToU8(wb);
  return zipSync(files);
}

describe("the summary for people", () => {
  let dir: string;
  let summary: Uint8Array;
  let report = "";
  beforeAll(async () => {
    dir = tempDir("summary-print");
    // The sample as the distributed workbook (its entries already filled: the returns differ where edited).
    fs.copyFileSync(SAMPLE, path.join(dir, "原本.xlsx"));
    expect((await runIn(dir, ["split", "原本.xlsx", "-o", "配布", "--only", "住宅課,企業誘致課"])).code).toBe(
      0,
    );
    fs.mkdirSync(path.join(dir, "返送"));
    const copy = (d: string) => new Uint8Array(fs.readFileSync(path.join(dir, "配布", `原本_${d}.xlsx`)));
    // 住宅課 entered its 進捗状況 anew (3-2!K11); 企業誘致課 sent its copy back as it went out.
    fs.writeFileSync(
      path.join(dir, "返送", "原本_住宅課.xlsx"),
      edited(copy("住宅課"), "3-2", "K11", "順調に進捗"),
    );
    fs.writeFileSync(path.join(dir, "返送", "原本_企業誘致課.xlsx"), copy("企業誘致課"));
    fs.writeFileSync(path.join(dir, "令和4年度.xlsx"), await buildPreviousYearWorkbook());
    const abs = (f: string) => path.join(dir, f);
    const r = await runIn(dir, [
      "--summary",
      abs("集計.xlsx"),
      "--master",
      abs("原本.xlsx"),
      "--previous",
      abs("令和4年度.xlsx"),
      abs("返送"),
    ]);
    expect(r.stderr).toContain("集計ブックを作成しました");
    report = r.stdout;
    summary = new Uint8Array(fs.readFileSync(abs("集計.xlsx")));
  });

  test("no machine path in any cell, except the one hidden column meant for it", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(dir, "集計.xlsx"));
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      ...["集計", "進捗一覧", "進捗一覧（詳細）", "指摘一覧", "推移", "提出状況"],
    ]);
    const withPath: string[] = [];
    for (const ws of wb.worksheets)
      ws.eachRow((row, r) =>
        row.eachCell((cell, c) => {
          const v = cell.value;
          const text =
            typeof v === "string" ? v : v && typeof v === "object" && "text" in v ? String(v.text) : "";
          if (text.includes(dir) || text.includes(`返送${path.sep}`)) withPath.push(`${ws.name}!${r},${c}`);
        }),
      );
    const detail = wb.getWorksheet("進捗一覧（詳細）")!;
    expect(detail.getColumn(24).hidden).toBe(true);
    expect(withPath.length).toBeGreaterThan(0);
    expect(withPath.filter((p) => !(p.startsWith("進捗一覧（詳細）!") && p.endsWith(",24")))).toEqual([]);
    // Headings name the master by its name.
    const overview = wb.getWorksheet("集計")!;
    expect(String(overview.getCell(4, 1).value)).toContain("配布した原本「原本.xlsx」");
  });

  test("提出状況: a copy returned unchanged is 未記入で返送, with its file; one never returned is 未提出", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(dir, "集計.xlsx"));
    const ws = wb.getWorksheet("提出状況")!;
    const rows: unknown[][] = [];
    ws.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    const of = (d: string) => rows.find((r) => r[0] === d)!;
    expect(of("企業誘致課")).toEqual([
      "企業誘致課",
      3,
      "未記入で返送",
      "原本_企業誘致課.xlsx",
      expect.any(Number),
      expect.any(Number),
      expect.any(Number),
      "未記入で返送",
    ]);
    expect(of("住宅課").slice(0, 4)).toEqual(["住宅課", 1, "提出済み", "原本_住宅課.xlsx"]);
    expect(of("商工労働課").slice(0, 3)).toEqual(["商工労働課", 6, "未提出"]);
    // The text report says the same.
    expect(report).toContain("◆ 提出状況（原本「原本.xlsx」の担当課ごと）");
    expect(report).toContain("\n  企業誘致課　未記入で返送　原本_企業誘致課.xlsx\n");
    expect(report).toMatch(/\n {2}住宅課\u3000提出済み（.+）\u3000原本_住宅課\.xlsx/);
    expect(report).toContain("\n  商工労働課　未提出\n");
    // 推移: last year's actual beside this year's.
    const history = wb.getWorksheet("推移")!;
    const header = (history.getRow(3).values as unknown[]).slice(1);
    expect(header).toEqual(
      expect.arrayContaining(["令和4年度 実績値", "令和5年度 実績値", "令和5年度 目標値", "見通し"]),
    );
  });

  test("LibreOffice renders it: 進捗一覧 on a few A4 landscape pages at a legible size, 集計 with its chart", () => {
    if (!soffice) throw new Error("soffice not found: install libreoffice-calc-nogui (.ci/run does)");
    const pdfDir = path.join(dir, "pdf");
    fs.writeFileSync(path.join(dir, "progress.xlsx"), only(summary, "進捗一覧"));
    fs.writeFileSync(path.join(dir, "overview.xlsx"), only(summary, "集計"));
    const r = spawnSync(
      soffice,
      [
        `-env:UserInstallation=file://${path.join(dir, "profile")}`,
        "--headless",
        "--convert-to",
        "pdf",
        "--outdir",
        pdfDir,
        path.join(dir, "progress.xlsx"),
        path.join(dir, "overview.xlsx"),
      ],
      { encoding: "utf8", timeout: 240_000 },
    );
    expect(r.status).toBe(0);
    const progress = readPdf(fs.readFileSync(path.join(pdfDir, "progress.pdf")));
    // 47 rows on A4 landscape (841.9 × 595.3 points), in a handful of pages.
    for (const p of progress) expect([Math.round(p.width), Math.round(p.height)]).toEqual([842, 595]);
    expect(progress.length).toBeGreaterThanOrEqual(3);
    expect(progress.length).toBeLessThanOrEqual(6);
    // The body text prints at 8 points or more: fitted to the width, its scale is about 0.8 of 11
    // points (the old 20 columns printed at 0.53, under 6 points).
    expect(bodyFontSize(progress)).toBeGreaterThanOrEqual(8);
    // 集計's chart is drawn: its series' colours fill its bars (used nowhere else on the sheet).
    const overview = readPdf(fs.readFileSync(path.join(pdfDir, "overview.pdf")));
    const fills = new Set(overview.flatMap((p) => p.fills));
    for (const colour of ["2E75B6", "70AD47", "ED7D31"]) expect(fills).toContain(colour);
    expect(bodyFontSize(overview)).toBeGreaterThanOrEqual(8);
  }, 300_000);
});
