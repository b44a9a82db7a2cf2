// Property tests of the streaming reader: generated sheets (cells of every type, formats, merges,
// hidden rows) and raw hostile XML. It never throws anything but a WorkbookReadError, and what a
// well-formed sheet holds comes back as written. Merges start left of column AQ, so AZ5 (the
// uncalculated formula) is never inside one.
// 2,000 + 2,000 cases here; with the value parser's 6,400 (test/core/values) over 10,000 in all.
import fc from "fast-check";
import { strToU8, unzipSync, zipSync } from "fflate";
import type { GridCell, SheetGrid } from "../../../src/core/model";
import { readWorkbookBytesSync, WorkbookReadError } from "../../../src/adapters/xlsx/read";
import { writeXlsx } from "../../../scripts/synthetic-xlsx";

const FORMATS = [
  "General",
  "0",
  "0.0%",
  '#,##0"件"',
  "yyyy/m/d",
  'm"月"d"日"',
  '[$-411]ggge"年"m"月"d"日"',
  "h:mm AM/PM",
  "0.00E+00",
  "@",
  '#,##0;[Red]-#,##0;"-"',
];

// Text as a writer would put in XML: no control characters but tab and line breaks.
const xmlChar = fc.oneof(
  fc.constantFrom(
    "あ",
    "漢",
    "①",
    "\u3000",
    "\t",
    "\n",
    "&",
    "<",
    ">",
    '"',
    "'",
    "_x",
    "_x001B_",
    "😀",
    " ",
    "=",
    "-",
  ),
  fc
    .string({ minLength: 1, maxLength: 1 })
    // eslint-disable-next-line no-control-regex -- XML 1.0 cannot carry these characters
    .filter((c) => !/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/.test(c)),
);
const text = fc.array(xmlChar, { minLength: 1, maxLength: 12 }).map((a) => a.join(""));

const value = fc.oneof(
  // -0 is written "0" and reads back as 0, as in Excel.
  fc
    .double({ noNaN: true, noDefaultInfinity: true, min: -1e12, max: 1e12 })
    .map((n) => (Object.is(n, -0) ? 0 : n)),
  fc.integer({ min: -100000, max: 3_000_000 }),
  text,
  fc.boolean(),
  fc.constantFrom("#DIV/0!", "#N/A", "#VALUE!"),
);

const cell = fc.record({
  row: fc.integer({ min: 0, max: 60 }),
  col: fc.integer({ min: 0, max: 30 }),
  value,
  format: fc.constantFrom(...FORMATS),
});

const area = fc
  .tuple(fc.integer({ min: 0, max: 80 }), fc.integer({ min: 0, max: 40 }), fc.nat(1_048_575), fc.nat(16_383))
  .map(([top, left, h, w]) => ({
    top,
    left,
    bottom: Math.min(1_048_575, top + (h % 5 === 0 ? h : h % 4)),
    right: Math.min(16_383, left + (w % 3)),
  }));

const sheet = fc.record({
  cells: fc.array(cell, { maxLength: 40 }),
  // Merged areas never overlap in a sheet Excel or LibreOffice writes (Excel refuses a file whose
  // areas overlap); a later area that would overlap an earlier one is left out.
  merges: fc
    .array(area, { maxLength: 3 })
    .map((areas) =>
      areas.filter((m, i) =>
        areas
          .slice(0, i)
          .every((o) => m.bottom < o.top || m.top > o.bottom || m.right < o.left || m.left > o.right),
      ),
    ),
  hiddenRows: fc.array(fc.integer({ min: 0, max: 60 }), { maxLength: 3 }),
  uncalculated: fc.boolean(),
});

/** One cell per position, in row-major order, as a sheet holds them. */
function normalise(cells: GridCell[]): GridCell[] {
  const byPos = new Map<string, GridCell>();
  for (const c of cells) byPos.set(`${c.row},${c.col}`, c);
  return [...byPos.values()].sort((a, b) => a.row - b.row || a.col - b.col);
}

const decodeEscapes = (s: string) =>
  s.replace(/_x([0-9A-Fa-f]{4})_/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));

test("generated sheets: no throw, and every value outside a merge comes back", () => {
  fc.assert(
    fc.property(sheet, (s) => {
      const cells = normalise(s.cells.map((c) => ({ ...c, text: String(c.value) }) as GridCell));
      const grid: SheetGrid = {
        name: "s",
        cells,
        merges: [],
        hiddenRows: [...new Set(s.hiddenRows)],
        hiddenCols: [],
      };
      const bytes = writeXlsx([
        {
          grid: { ...grid, merges: s.merges },
          uncalculated: s.uncalculated ? { AZ5: "SUM(A1:B2)" } : undefined,
        },
      ]);
      const [read] = readWorkbookBytesSync(bytes, { name: "p.xlsx" });
      expect(read.merges).toEqual(s.merges);
      const inMerge = (c: GridCell) =>
        s.merges.some(
          (m) =>
            c.row >= m.top &&
            c.row <= m.bottom &&
            c.col >= m.left &&
            c.col <= m.right &&
            (c.row !== m.top || c.col !== m.left),
        );
      const got = new Map(read.cells.map((c) => [`${c.row},${c.col}`, c]));
      for (const c of cells) {
        const r = got.get(`${c.row},${c.col}`);
        const expected = typeof c.value === "string" ? decodeEscapes(c.value) : c.value;
        if (expected === "" || inMerge(c)) continue;
        expect(r?.value).toEqual(expected);
        if (typeof c.value === "number") expect(r?.format).toBe(c.format);
        expect(typeof r?.text).toBe("string");
      }
      // A merged area shows only its top-left cell: the others never come back.
      for (const r of read.cells) expect(inMerge(r)).toBe(false);
      if (s.uncalculated)
        expect(read.cells.some((c) => c.uncalculated === true && c.value === null)).toBe(true);
    }),
    { numRuns: 2000 },
  );
});

const XML_PIECES = [
  "<sheetData>",
  "</sheetData>",
  "<row>",
  '<row r="3" hidden="1">',
  "</row>",
  '<c r="B2" t="s">',
  '<c t="inlineStr"><is><t>x',
  "</t></is>",
  '<c r="ZZZZ9999999">',
  '<c r="A1" s="99999" t="n">',
  '<c t="b">',
  '<c t="d"><v>2024-13-45',
  "<v>",
  "</v>",
  "<f>SUM(A1)</f>",
  "</c>",
  "<v>1e999</v>",
  "<v>-0</v>",
  "<v>99999999</v>",
  '<mergeCell ref="A1:XFD1048576"/>',
  '<mergeCell ref="B:C"/>',
  '<col min="0" max="-5" hidden="1"/>',
  '<col min="1" max="16384" hidden="true"/>',
  "<![CDATA[<v>",
  "]]>",
  "&amp;",
  "&bogus;",
  "&#0;",
  "<x:c r='A1'><x:v>3</x:v></x:c>",
  "<",
  ">",
  '"',
  "\u0000",
];

test("hostile sheet XML: never a crash, only grids or a WorkbookReadError", () => {
  const good = unzipSync(
    writeXlsx([{ grid: { name: "s", cells: [], merges: [], hiddenRows: [], hiddenCols: [] } }]),
  );
  fc.assert(
    fc.property(
      fc.array(fc.oneof(fc.constantFrom(...XML_PIECES), fc.string({ maxLength: 6 })), { maxLength: 40 }),
      (pieces) => {
        // Swap the sheet part for the generated XML, keeping the rest of the package.
        const files = { ...good, "xl/worksheets/sheet1.xml": strToU8(`<worksheet>${pieces.join("")}`) };
        try {
          readWorkbookBytesSync(zipSync(files), { name: "h.xlsx" });
        } catch (err) {
          expect(err).toBeInstanceOf(WorkbookReadError);
        }
      },
    ),
    { numRuns: 2000 },
  );
});
