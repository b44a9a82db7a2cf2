// The hostile corpus for what kensho writes and prints (issue 21: split names and protection, XML
// 1.0 in every written part, formula-safe CSV, nothing from a cell on the terminal). Each workbook is
// the bundled sample's grids written straight to XML by synthetic-xlsx.ts (strings go into the
// shared strings exactly as given, so `_xFFFE_` is Excel's escape of U+FFFE), sometimes with a part
// patched afterwards. Made at test time; never committed.
//
// | name                  | what it holds |
// |-----------------------|---------------|
// | colliding-departments | 1-1 商工労働課's rows split into 商工/労働課 (N6, N8) and 商工:労働課 (N9-N11); 1-2 A課 (N7, N8) and a課 (N9) |
// | unlocked-master       | the Normal style (cellStyleXfs) and cell format 0 unlocked, a column default (P:T) and a row default (row 30) on format 0, and "Allow Users to Edit Ranges" (protectedRanges) on 1-1 and 2-1 |
// | department-spellings  | 1-1 N6 "商工 労働課", N8 "商工労働課" + U+200B, N9 "\uFEFF商工労働課"; 1-2 N6 "ｼｮｳｺｳ課", N7 "ショウコウ課", N8 "Ａ課", N9 "A課"; 2-1 N6 企画調整課 + U+202E + "xslx.exe" |
// | long-department       | 1-2 文化観光課's rows (N6-N8) under a 120-character 担当課 |
// | blank-department      | 1-1 N7 and N13 (企業誘致課) blank |
// | hostile-texts-returned | hostile-texts as 商工労働課 returns it: 1-1 I6 1,500件 + U+FFFE, M6 要因_x0041_ as typed, F6 with ESC |
// | hostile-texts         | 1-1 title (A1) with ESC [2J and U+202E; KPI names =HYPERLINK(…) (E7), +1+cmd|' /C calc'!A0 (E8), @SUM(1,1) (E9), one holding U+FFFE and ESC (E10); I7 actual 1,472件 + U+FFFE; M8 reason 要因_x0041_ as staff typed it (stored _x005F_x0041_); N11 商工労働課 + U+202E |
import * as fs from "fs";
import * as path from "path";
import { strToU8, strFromU8, unzipSync, zipSync } from "fflate";
import { writeXlsx, type SheetSpec } from "./synthetic-xlsx";
import { readWorkbookBuffer } from "../src/adapters/xlsx/readWorkbook";
import type { GridCell, SheetGrid } from "../src/core/model";

export const OUTPUT_HOSTILE_NAMES = [
  "colliding-departments",
  "unlocked-master",
  "department-spellings",
  "long-department",
  "blank-department",
  "hostile-texts",
  "hostile-texts-returned",
] as const;
export type OutputHostileName = (typeof OUTPUT_HOSTILE_NAMES)[number];

/** The 120-character 担当課 of long-department. */
export const LONG_DEPARTMENT = `${"地域産業振興".repeat(20).slice(0, 119)}課`;

/** The bundled sample, from scripts/ (ts-jest) or dist/cli/scripts (compiled): looked for upwards. */
function samplePath(): string {
  for (let dir = __dirname; path.dirname(dir) !== dir; dir = path.dirname(dir)) {
    const p = path.join(dir, "assets", "sample", "kensho-sample-r5.xlsx");
    if (fs.existsSync(p)) return p;
  }
  throw new Error("assets/sample/kensho-sample-r5.xlsx not found");
}

/** A copy of the grids with cells set (value and text alike) or removed (null), by sheet and A1. */
function withCells(grids: SheetGrid[], sheet: string, changes: Record<string, string | null>): SheetGrid[] {
  return grids.map((g) => {
    if (g.name !== sheet) return g;
    const cells = new Map(g.cells.map((c) => [`${c.row},${c.col}`, c] as [string, GridCell]));
    for (const [ref, value] of Object.entries(changes)) {
      const m = /^([A-Z]+)(\d+)$/.exec(ref)!;
      const col = m[1].split("").reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
      const row = Number(m[2]) - 1;
      if (value === null) cells.delete(`${row},${col}`);
      else cells.set(`${row},${col}`, { row, col, value, text: value, format: "General" });
    }
    return { ...g, cells: [...cells.values()].sort((a, b) => a.row - b.row || a.col - b.col) };
  });
}

const specs = (grids: SheetGrid[]): SheetSpec[] => grids.map((grid) => ({ grid }));

/** The package with some parts rewritten. */
function patchParts(bytes: Uint8Array, patch: Record<string, (xml: string) => string>): Uint8Array {
  const files = unzipSync(bytes);
  for (const [name, fn] of Object.entries(patch)) files[name] = strToU8(fn(strFromU8(files[name])));
  return zipSync(files, { level: 6 });
}

const PROTECTED_RANGES =
  '<protectedRanges><protectedRange name="全員" sqref="A1:Z200"/><protectedRange name="実績" sqref="I6:I30"/></protectedRanges>';

/** The Normal style and format 0 unlocked, defaults on a column and a row, allow-edit ranges. */
function unlockedMaster(bytes: Uint8Array): Uint8Array {
  const withDefaults = (xml: string) =>
    xml
      .replace(
        "<sheetData>",
        '<cols><col min="16" max="20" width="9" style="0" customWidth="1"/></cols><sheetData>',
      )
      .replace("</sheetData>", '<row r="30" s="0" customFormat="1"/></sheetData>');
  const withRanges = (xml: string) =>
    withDefaults(xml).replace("</sheetData>", `</sheetData>${PROTECTED_RANGES}`);
  return patchParts(bytes, {
    "xl/styles.xml": (xml) =>
      xml
        .replace(
          '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>',
          '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" applyProtection="1"><protection locked="0"/></xf>',
        )
        .replace(
          /(<cellXfs count="\d+">)<xf numFmtId="0" fontId="0" fillId="0" borderId="0"\/>/,
          '$1<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyProtection="1"><protection locked="0"/></xf>',
        ),
    "xl/worksheets/sheet1.xml": withRanges,
    "xl/worksheets/sheet2.xml": withDefaults,
    "xl/worksheets/sheet3.xml": withRanges,
  });
}

/** Writes the corpus into `dir`; returns name -> absolute path. */
export async function buildOutputHostileFixtures(dir: string): Promise<Record<OutputHostileName, string>> {
  fs.mkdirSync(dir, { recursive: true });
  const grids = await readWorkbookBuffer(new Uint8Array(fs.readFileSync(samplePath())), "sample.xlsx");
  const out = {} as Record<OutputHostileName, string>;
  const put = (name: OutputHostileName, data: Uint8Array) => {
    out[name] = path.resolve(dir, `${name}.xlsx`);
    fs.writeFileSync(out[name], data);
  };
  const edited = (...steps: Array<[string, Record<string, string | null>]>) =>
    steps.reduce((g, [sheet, changes]) => withCells(g, sheet, changes), grids);

  put(
    "colliding-departments",
    writeXlsx(
      specs(
        edited(
          [
            "1-1",
            {
              N6: "商工/労働課",
              N8: "商工/労働課",
              N9: "商工:労働課",
              N10: "商工:労働課",
              N11: "商工:労働課",
            },
          ],
          ["1-2", { N7: "A課", N8: "A課", N9: "a課" }],
        ),
      ),
    ),
  );
  put("unlocked-master", unlockedMaster(writeXlsx(specs(grids))));
  put(
    "department-spellings",
    writeXlsx(
      specs(
        edited(
          ["1-1", { N6: "商工 労働課", N8: "商工労働課\u200B", N9: "\uFEFF商工労働課" }],
          ["1-2", { N6: "ｼｮｳｺｳ課", N7: "ショウコウ課", N8: "Ａ課", N9: "A課" }],
          ["2-1", { N6: "企画調整課\u202Exslx.exe" }],
        ),
      ),
    ),
  );
  put(
    "long-department",
    writeXlsx(specs(edited(["1-2", { N6: LONG_DEPARTMENT, N7: LONG_DEPARTMENT, N8: LONG_DEPARTMENT }]))),
  );
  put("blank-department", writeXlsx(specs(edited(["1-1", { N7: null, N13: null }]))));
  const title = grids[0].cells.find((c) => c.row === 0 && c.col === 0)!.text;
  const texts: Record<string, string> = {
    A1: `${title}_x001B_[2J\u202E`,
    E7: '=HYPERLINK("http://evil.example/","製造品出荷額等")',
    E8: "+1+cmd|' /C calc'!A0",
    E9: "@SUM(1,1)",
    E10: "いせさき合同会社説明会の参加者数_xFFFE__x001B_[31m",
    I7: "1,472件_xFFFE_",
    M8: "要因_x005F_x0041_",
    N11: "商工労働課\u202E",
  };
  put("hostile-texts", writeXlsx(specs(edited(["1-1", texts]))));
  const returned = { ...texts, I6: "1,500件_xFFFE_", M6: "要因_x005F_x0041_", F6: "①説明会_x001B_[2J" };
  put("hostile-texts-returned", writeXlsx(specs(edited(["1-1", returned]))));
  return out;
}
