// Writes .xlsx packages straight from sparse grids (shared strings, numbers with formats, merges,
// hidden rows), without ExcelJS: fast and small enough to make hostile workbooks at test time,
// 200,000 rows included. Used by build-fixtures.ts (hostile fixtures) and the bench.
import { strToU8, zipSync, type Zippable } from "fflate";
import type { CellArea, SheetGrid } from "../src/core/model";

const escapeXml = (s: string): string =>
  s.replace(/[&<>"]/g, (c) => (c === "&" ? "&amp;" : c === "<" ? "&lt;" : c === ">" ? "&gt;" : "&quot;"));

const colName = (c: number): string => {
  let s = "";
  for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
};
export const a1 = (row: number, col: number): string => `${colName(col)}${row + 1}`;
const areaRef = (m: CellArea): string => `${a1(m.top, m.left)}:${a1(m.bottom, m.right)}`;

export interface SheetSpec {
  grid: SheetGrid;
  /** Raw XML put after </sheetData> and before the merges (e.g. nothing) — rarely needed. */
  extraMerges?: CellArea[];
  /** Formatted empty cells (style 1, no value) to add after the content, rows × cols from `at`. */
  formattedEmpty?: { top: number; rows: number; cols: number };
  /** Leave out every row's r attribute, and each cell's that follows the previous one (Excel accepts this). */
  noRefs?: boolean;
  /** Cells whose formula has no cached value: A1 -> formula text. */
  uncalculated?: Record<string, string>;
}

/** Collects the workbook's shared strings. */
class StringTable {
  readonly list: string[] = [];
  private readonly index = new Map<string, number>();
  id(s: string): number {
    let i = this.index.get(s);
    if (i === undefined) {
      i = this.list.length;
      this.list.push(s);
      this.index.set(s, i);
    }
    return i;
  }
}

/** Number formats get ids from 164 in the order met; style i + 2 uses format i (0 General, 1 empty fill). */
class FormatTable {
  readonly list: string[] = [];
  style(format: string): number {
    if (format === "General") return 0;
    let i = this.list.indexOf(format);
    if (i < 0) i = this.list.push(format) - 1;
    return i + 2;
  }
}

function sheetXml(spec: SheetSpec, strings: StringTable, formats: FormatTable): string {
  const { grid } = spec;
  const hidden = new Set(grid.hiddenRows);
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>',
  ];
  const rows = new Map<number, string[]>();
  const push = (row: number, xml: string) => {
    let list = rows.get(row);
    if (!list) rows.set(row, (list = []));
    list.push(xml);
  };
  const uncalculated = spec.uncalculated ?? {};
  let prev = { row: -1, col: -1 };
  for (const c of grid.cells) {
    // Without references a cell follows the one before it; one after a gap still needs its own.
    const follows = c.row === prev.row ? c.col === prev.col + 1 : c.col === 0;
    prev = c;
    const ref = spec.noRefs && follows ? "" : ` r="${a1(c.row, c.col)}"`;
    const s = formats.style(c.format);
    const style = s ? ` s="${s}"` : "";
    if (typeof c.value === "number") push(c.row, `<c${ref}${style}><v>${c.value}</v></c>`);
    else if (typeof c.value === "boolean")
      push(c.row, `<c${ref}${style} t="b"><v>${c.value ? 1 : 0}</v></c>`);
    else if (typeof c.value === "string" && /^#(DIV\/0!|N\/A|VALUE!|REF!|NAME\?|NUM!|NULL!)$/.test(c.value))
      push(c.row, `<c${ref}${style} t="e"><v>${c.value}</v></c>`);
    else if (c.value !== null)
      push(c.row, `<c${ref}${style} t="s"><v>${strings.id(String(c.value))}</v></c>`);
  }
  for (const [ref, formula] of Object.entries(uncalculated)) {
    const m = /^([A-Z]+)(\d+)$/.exec(ref);
    if (m) push(Number(m[2]) - 1, `<c r="${ref}"><f>${escapeXml(formula)}</f></c>`);
  }
  const fe = spec.formattedEmpty;
  if (fe) {
    const emptyRow = (r: number) =>
      Array.from({ length: fe.cols }, (_, c) => `<c r="${a1(r, c)}" s="1"/>`).join("");
    for (let r = fe.top; r < fe.top + fe.rows; r++) push(r, emptyRow(r));
  }
  const order = [...rows.keys()].sort((a, b) => a - b);
  for (const r of order) {
    const attrs = `${spec.noRefs ? "" : ` r="${r + 1}"`}${hidden.has(r) ? ' hidden="1"' : ""}`;
    out.push(`<row${attrs}>${rows.get(r)!.join("")}</row>`);
  }
  out.push("</sheetData>");
  const merges = [...grid.merges, ...(spec.extraMerges ?? [])];
  if (merges.length > 0)
    out.push(
      `<mergeCells count="${merges.length}">${merges.map((m) => `<mergeCell ref="${areaRef(m)}"/>`).join("")}</mergeCells>`,
    );
  out.push("</worksheet>");
  if (spec.noRefs) {
    // Rows must follow one another without gaps when they carry no number.
    if (order.some((r, i) => r !== i)) throw new Error("noRefs needs rows from 1 without gaps");
  }
  return out.join("");
}

/** An .xlsx package of the given sheets, in order. */
export function writeXlsx(
  sheets: SheetSpec[],
  options: { rawSharedStrings?: (xml: string) => string } = {},
): Uint8Array {
  const strings = new StringTable();
  const formats = new FormatTable();
  const sheetParts = sheets.map((s) => sheetXml(s, strings, formats));
  const sst = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${strings.list.length}" uniqueCount="${strings.list.length}">${strings.list
    .map((s) => `<si><t xml:space="preserve">${escapeXml(s)}</t></si>`)
    .join("")}</sst>`;
  const numFmts = formats.list
    .map((f, i) => `<numFmt numFmtId="${164 + i}" formatCode="${escapeXml(f)}"/>`)
    .join("");
  const xfs = [
    '<xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>',
    '<xf numFmtId="0" fontId="0" fillId="2" borderId="0" applyFill="1"/>',
    ...formats.list.map(
      (_, i) => `<xf numFmtId="${164 + i}" fontId="0" fillId="0" borderId="0" applyNumberFormat="1"/>`,
    ),
  ];
  const styles = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="${formats.list.length}">${numFmts}</numFmts><fonts count="1"><font><sz val="11"/><name val="游ゴシック"/></font></fonts><fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill><fill><patternFill patternType="solid"><fgColor rgb="FFFFFF00"/></patternFill></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="${xfs.length}">${xfs.join("")}</cellXfs></styleSheet>`;
  const R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
  const files: Zippable = {
    "[Content_Types].xml": strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${sheets
        .map(
          (_, i) =>
            `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
        )
        .join(
          "",
        )}<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>`,
    ),
    "_rels/.rels": strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${R}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ),
    "xl/workbook.xml": strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${R}"><sheets>${sheets
        .map((s, i) => `<sheet name="${escapeXml(s.grid.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
        .join("")}</sheets></workbook>`,
    ),
    "xl/_rels/workbook.xml.rels": strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets
        .map(
          (_, i) =>
            `<Relationship Id="rId${i + 1}" Type="${R}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
        )
        .join(
          "",
        )}<Relationship Id="rS" Type="${R}/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rT" Type="${R}/styles" Target="styles.xml"/></Relationships>`,
    ),
    "xl/sharedStrings.xml": strToU8(options.rawSharedStrings ? options.rawSharedStrings(sst) : sst),
    "xl/styles.xml": strToU8(styles),
  };
  sheetParts.forEach((xml, i) => (files[`xl/worksheets/sheet${i + 1}.xml`] = strToU8(xml)));
  return zipSync(files, { level: 6 });
}

/** An OLE compound file header followed by a stream name: what .xls and encrypted .xlsx start like. */
export function oleFile(streamName: "Workbook" | "EncryptedPackage"): Uint8Array {
  const buf = new Uint8Array(4096).fill(0);
  buf.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  // A directory entry's name is UTF-16LE; put it where a directory sector would hold it.
  for (let i = 0; i < streamName.length; i++) buf[1024 + 2 * i] = streamName.charCodeAt(i);
  return buf;
}
