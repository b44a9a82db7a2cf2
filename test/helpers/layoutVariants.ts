// A generator of layout variants of the sample, as cities lay the sheet out: header forms (year
// forms, widths, line breaks, one to three header rows, merged year bands), column orders, extra
// and missing optional columns, title blocks, one sheet or many. Each variant is built as grids
// from the sample's own data cells, and knows where every original cell went, so that a check of
// the variant can be compared with the original's, row for row and finding for finding.
import type { CellArea, CellValue, FieldKey, GridCell, SheetGrid } from "../../src/core/model";
import { SheetView } from "../../src/core/sheetView";
import { detectLayout } from "../../src/core/layout/detectLayout";
import { a1, parseA1 } from "../../src/core/address";

// ---------------------------------------------------------------------------------------------
// The sample, cut into column groups

/** A run of the original's columns that moves as one: a field (a 施策 over two columns), or 備考. */
interface Group {
  key: string;
  /** Original absolute columns. */
  cols: number[];
}

export interface SourceSheet {
  name: string;
  groups: Group[];
  firstDataRow: number;
  lastRow: number;
  dataCells: GridCell[];
  dataMerges: CellArea[];
  hiddenRows: number[];
}

/** The sample's sheets as column groups and data, cut along the header the engine reads. */
export function sourceSheets(grids: SheetGrid[]): SourceSheet[] {
  return grids.map((grid) => {
    const view = new SheetView(grid);
    const layout = detectLayout(view);
    if (layout.blocks.length !== 1) throw new Error(`${grid.name}: expected one header`);
    const block = layout.blocks[0];
    const groups = block.readings.map((r) => ({ key: r.field ?? `extra:${r.header}`, cols: r.cols }));
    const covered = new Set(groups.flatMap((g) => g.cols));
    const dataCells = grid.cells.filter((c) => c.row >= block.firstDataRow);
    for (const c of dataCells) {
      if (!covered.has(c.col)) throw new Error(`${grid.name}!${a1(c.row, c.col)} is under no header`);
    }
    return {
      name: grid.name,
      groups,
      firstDataRow: block.firstDataRow,
      lastRow: view.lastRow,
      dataCells,
      dataMerges: grid.merges.filter((m) => m.top >= block.firstDataRow),
      hiddenRows: grid.hiddenRows.filter((r) => r >= block.firstDataRow),
    };
  });
}

// ---------------------------------------------------------------------------------------------
// Dimensions

const FULL_WIDTH = "０１２３４５６７８９";
const fw = (s: string) => s.replace(/\d/g, (d) => FULL_WIDTH[Number(d)]);
const reiwa = (y: number) => (y === 2019 ? "元" : String(y - 2018));

export interface YearStyle {
  name: string;
  write: (year: number) => string;
}

export const YEAR_STYLES: YearStyle[] = [
  { name: "令和N年度", write: (y) => `令和${reiwa(y)}年度` },
  { name: "令和Ｎ年度", write: (y) => `令和${fw(reiwa(y))}年度` },
  { name: "RN", write: (y) => `R${y - 2018}` },
  { name: "ＲＮ", write: (y) => `Ｒ${fw(String(y - 2018))}` },
  { name: "RN年度", write: (y) => `R${y - 2018}年度` },
  { name: "ＲＮ年度", write: (y) => `Ｒ${fw(String(y - 2018))}年度` },
  { name: "令N", write: (y) => `令${y - 2018}` },
  { name: "YYYY年度", write: (y) => `${y}年度` },
  { name: "FYYYYY", write: (y) => `FY${y}` },
  { name: "元年度", write: (y) => (y === 2019 ? "元年度" : `令和${y - 2018}年度`) },
];

/** What separates the parts of a label: a line break, a space of either width, nothing. */
export const BREAKS = ["\n", " ", "　", ""] as const;
export type Break = (typeof BREAKS)[number];

/** A header cell: rows relative to the header's top. */
interface HeaderCell {
  row: number;
  col: number;
  text: string;
}
interface HeaderOut {
  depth: number;
  cells: HeaderCell[];
  merges: CellArea[];
}
/** A group placed on the variant: its key and new absolute columns. */
interface Placed {
  key: string;
  cols: number[];
}

const FY = 2023;

/** Extra columns a variant may add, with their label and what their data cells hold. */
export const EXTRA_COLUMNS = {
  備考: { label: () => "備考", data: "速報値" },
  /** A second 進捗状況 column (last year's status, with no year): a true clash. */
  進捗状況: { label: () => "進捗状況", data: "順調に進捗" },
  担当者: { label: () => "担当者", data: "山田" },
  older: { label: (y: YearStyle, br: Break) => `${y.write(FY - 2)}${br}実績値`, data: "999件" },
  future: { label: (y: YearStyle, br: Break) => `${y.write(FY + 1)}${br}目標値`, data: "2,000件" },
} as const;
export type ExtraKey = keyof typeof EXTRA_COLUMNS;

/** A field's whole label in one cell (the one-row header). */
function fullLabel(key: string, y: YearStyle, br: Break, relative: boolean): string {
  const Y = (year: number) => y.write(year);
  if (relative) {
    const plain: Record<string, string> = {
      activity: `①主な取組・事業実施状況${br}②課題${br}③今後の方策等`,
      baseline: "基準値",
      previous: `前年度${br}実績値`,
      actual: "実績値",
      target: "目標値",
      finalTarget: `計画最終年度${br}目標値`,
    };
    if (plain[key]) return plain[key];
  }
  switch (key) {
    case "goal":
      return "大基本目標";
    case "subGoal":
      return "小基本目標";
    case "measure":
      return `数値目標・${br}具体的な施策`;
    case "kpi":
      return `重要業績評価指標${br}(KPI)${br}名称`;
    case "activity":
      return `${Y(FY)}${br}①主な取組・事業実施状況${br}②課題${br}③今後の方策等`;
    case "baseline":
      return `基準値${br}(${Y(2019)})`;
    case "previous":
      return `${Y(FY - 1)}${br}実績値`;
    case "actual":
      return `${Y(FY)}${br}実績値`;
    case "target":
      return `${Y(FY)}${br}目標値`;
    case "finalTarget":
      return `計画最終年度${br}目標値${br}(${Y(2027)})`;
    case "status":
      return "進捗状況";
    case "reason":
      return `進捗が遅れている${br}理由`;
    case "department":
      return "指標の担当課";
  }
  if (key.startsWith("extra:")) return key.slice("extra:".length);
  const extra = EXTRA_COLUMNS[key.slice("add:".length) as ExtraKey];
  if (extra) return extra.label(y, br);
  throw new Error(`no label for ${key}`);
}

const area = (top: number, left: number, bottom: number, right: number): CellArea => ({
  top,
  left,
  bottom,
  right,
});

/** A label over a group, merged down `depth` rows from `row` and across the group's columns. */
function put(out: HeaderOut, p: Placed, row: number, bottom: number, text: string, cols = p.cols): void {
  out.cells.push({ row, col: cols[0], text });
  if (bottom > row || cols.length > 1) out.merges.push(area(row, cols[0], bottom, cols[cols.length - 1]));
}

const adjacent = (a: Placed | undefined, b: Placed | undefined) =>
  a !== undefined && b !== undefined && a.cols[a.cols.length - 1] + 1 === b.cols[0];

/** The measure's header over `rows` rows: 数値目標 above 具体的な施策 (split when two columns). */
function measureHeader(out: HeaderOut, p: Placed, top: number, bottom: number): void {
  put(out, p, top, top, "数値目標");
  if (p.cols.length >= 2) {
    put(out, p, top + 1, bottom, "数値目標", [p.cols[0]]);
    put(out, p, top + 1, bottom, "具体的な施策", p.cols.slice(1));
  } else {
    put(out, p, top + 1, bottom, "具体的な施策");
  }
}

export type HeaderFormName = "one-row" | "two-rows" | "year-band" | "three-rows" | "relative";

/** Writes a header form over the placed groups. */
function writeHeader(
  form: HeaderFormName,
  placed: Placed[],
  y: YearStyle,
  br: Break,
  labels: VariantSpec["labels"] = {},
): HeaderOut {
  const label = (key: string, relative: boolean) => labels[key] ?? fullLabel(key, y, br, relative);
  const byKey = new Map(placed.map((p) => [p.key, p]));
  const Y = (year: number) => y.write(year);
  if (form === "one-row") {
    const out: HeaderOut = { depth: 1, cells: [], merges: [] };
    for (const p of placed) put(out, p, 0, 0, label(p.key, false));
    return out;
  }
  if (form === "two-rows" || form === "relative") {
    const out: HeaderOut = { depth: 2, cells: [], merges: [] };
    for (const p of placed) {
      if (p.key === "measure") measureHeader(out, p, 0, 1);
      else put(out, p, 0, 1, label(p.key, form === "relative"));
    }
    return out;
  }
  if (form === "year-band") {
    // 令和５年度 merged over 実績値 and 目標値 when they stand side by side; else a band over each.
    const out: HeaderOut = { depth: 2, cells: [], merges: [] };
    const actual = byKey.get("actual");
    const target = byKey.get("target");
    const together = adjacent(actual, target) || adjacent(target, actual);
    if (actual && target && together) {
      const cols = [...actual.cols, ...target.cols].sort((a, b) => a - b);
      put(out, actual, 0, 0, Y(FY), cols);
    }
    for (const p of placed) {
      if (p.key === "measure") measureHeader(out, p, 0, 1);
      else if (p.key === "actual" || p.key === "target" || p.key === "previous") {
        if (p.key === "previous") put(out, p, 0, 0, Y(FY - 1));
        else if (!together) put(out, p, 0, 0, Y(FY));
        put(out, p, 1, 1, p.key === "target" ? "目標値" : "実績値");
      } else put(out, p, 0, 1, fullLabel(p.key, y, br, false));
    }
    return out;
  }
  // Three rows: 実績値 over the two years, 目標値 over the year, the KPI's label split over three.
  const out: HeaderOut = { depth: 3, cells: [], merges: [] };
  const previous = byKey.get("previous");
  const actual = byKey.get("actual");
  const together = adjacent(previous, actual) || adjacent(actual, previous);
  if (previous && actual && together) {
    const cols = [...previous.cols, ...actual.cols].sort((a, b) => a - b);
    put(out, actual, 0, 0, "実績値", cols);
  }
  for (const p of placed) {
    if (p.key === "measure") measureHeader(out, p, 0, 2);
    else if (p.key === "kpi") {
      put(out, p, 0, 0, "重要業績評価指標");
      put(out, p, 1, 1, "(KPI)");
      put(out, p, 2, 2, "名称");
    } else if (p.key === "previous" || p.key === "actual") {
      if (!together) put(out, p, 0, 0, "実績値");
      put(out, p, 1, 2, Y(p.key === "actual" ? FY : FY - 1));
    } else if (p.key === "target") {
      put(out, p, 0, 0, "目標値");
      put(out, p, 1, 2, Y(FY));
    } else if (p.key === "finalTarget") {
      put(out, p, 0, 0, "計画最終年度");
      put(out, p, 1, 1, "目標値");
      put(out, p, 2, 2, `(${Y(2027)})`);
    } else put(out, p, 0, 2, fullLabel(p.key, y, br, false));
  }
  return out;
}

export type TitleForm = "original" | "none" | "short" | "offset";

/** Title rows above a header: rows relative to the page's top, over columns [left, right]. */
function writeTitle(form: TitleForm, y: YearStyle, left: number, right: number): HeaderOut {
  const out: HeaderOut = { depth: 0, cells: [], merges: [] };
  if (form === "original") {
    out.depth = 3;
    out.cells.push({
      row: 0,
      col: left,
      text: `${y.write(FY)} 第2期伊勢崎市まち・ひと・しごと創生総合戦略効果検証シート`,
    });
    out.cells.push({
      row: 1,
      col: left,
      text: `${y.write(FY - 1)}実績値を基に設定したため、基準値及び${y.write(FY)}目標値よりも低い値が設定されている場合があります。`,
    });
    out.cells.push({ row: 2, col: right, text: "資料2" });
    out.merges.push(area(0, left, 0, right), area(1, left, 1, right));
  } else if (form === "short") {
    out.depth = 2;
    out.cells.push({ row: 0, col: left, text: `${y.write(FY)}　効果検証シート` });
  } else if (form === "offset") {
    out.depth = 4;
    out.cells.push({ row: 1, col: left + 2, text: `第2期総合戦略 ${y.write(FY)} 効果検証` });
    out.merges.push(area(1, left + 2, 1, left + 5));
  }
  return out;
}

export type OrderName =
  "original" | "previous-actual-swapped" | "values-reversed" | "department-first" | `shuffle-${number}`;

/** A small seeded PRNG, so that a shuffle is the same on every run. */
function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a |= 0;
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function reorder(keys: string[], order: OrderName): string[] {
  const out = [...keys];
  const swap = (a: string, b: string) => {
    const i = out.indexOf(a);
    const j = out.indexOf(b);
    if (i >= 0 && j >= 0) [out[i], out[j]] = [out[j], out[i]];
  };
  if (order === "original") return out;
  if (order === "previous-actual-swapped") {
    swap("previous", "actual");
    return out;
  }
  if (order === "values-reversed") {
    const values = ["baseline", "previous", "actual", "target", "finalTarget"];
    const at = out.map((k, i) => (values.includes(k) ? i : -1)).filter((i) => i >= 0);
    const reversed = at.map((i) => out[i]).reverse();
    at.forEach((i, n) => (out[i] = reversed[n]));
    return out;
  }
  if (order === "department-first") {
    const front = ["department", "status", "reason"].filter((k) => out.includes(k));
    const rest = out.filter((k) => !front.includes(k));
    const at = rest.indexOf("baseline");
    return [front[0], ...rest.slice(0, at), ...front.slice(1), ...rest.slice(at)];
  }
  const random = mulberry32(Number(order.slice("shuffle-".length)));
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

export type Arrangement = "sheets" | "one-sheet" | "repeated-header" | "year-named-sheets";

export interface VariantSpec {
  header: HeaderFormName;
  year: YearStyle;
  br: Break;
  order: OrderName;
  title: TitleForm;
  arrangement: Arrangement;
  extras: ExtraKey[];
  /** Optional columns left out: their cells are not written. */
  drop: FieldKey[];
  /** Blank columns before the table (it starts at column A by default). */
  offset: number;
  /** The fiscal year the user states (--year, the pane's setting). */
  statedYear: number | null;
  /** Labels written in place of a field's usual one (one-row and two-row headers), to make a clash. */
  labels?: Partial<Record<string, string>>;
}

export const BASE_SPEC: VariantSpec = {
  header: "two-rows",
  year: YEAR_STYLES[0],
  br: "\n",
  order: "original",
  title: "original",
  arrangement: "sheets",
  extras: [],
  drop: [],
  offset: 0,
  statedYear: null,
};

export function specName(s: VariantSpec): string {
  return [
    s.header,
    s.year.name,
    JSON.stringify(s.br),
    s.order,
    `title:${s.title}`,
    s.arrangement,
    s.extras.length ? `+${s.extras.join("+")}` : "",
    s.drop.length ? `-${s.drop.join("-")}` : "",
    s.offset ? `offset:${s.offset}` : "",
    s.statedYear ? `year:${s.statedYear}` : "",
    s.labels ? JSON.stringify(s.labels) : "",
  ]
    .filter(Boolean)
    .join(" ");
}

// ---------------------------------------------------------------------------------------------
// Building a variant

export interface Variant {
  spec: VariantSpec;
  grids: SheetGrid[];
  /** Where an original cell went: sheet name and 0-based row and column on the variant. */
  place(sheet: string, row: number, col: number): { sheet: string; row: number; col: number };
  /** Where an original row went: sheet name and 0-based row on the variant. */
  placeRow(sheet: string, row: number): { sheet: string; row: number };
}

/** Column groups of a page, in the variant's order, with the extras inserted and the dropped left out. */
function pageGroups(groups: Group[], spec: VariantSpec): Group[] {
  const kept = groups.filter((g) => !spec.drop.includes(g.key as FieldKey));
  const byKey = new Map(kept.map((g) => [g.key, g]));
  const ordered = reorder(
    kept.map((g) => g.key),
    spec.order,
  ).map((k) => byKey.get(k) as Group);
  // Extras go after the status (備考), in the middle (担当者), beside the values (older, future).
  for (const extra of spec.extras) {
    const after = {
      備考: "reason",
      担当者: "kpi",
      older: "baseline",
      future: "finalTarget",
      進捗状況: "department",
    }[extra];
    const at = ordered.findIndex((g) => g.key === after);
    ordered.splice(at < 0 ? ordered.length : at + 1, 0, { key: `add:${extra}`, cols: [-1] });
  }
  return ordered;
}

/** One set of column groups for a sheet holding several pages: each key at its widest. */
function unifiedGroups(sources: SourceSheet[]): Group[] {
  const widths = new Map<string, number>();
  const keys: string[] = [];
  for (const s of sources) {
    for (const g of s.groups) {
      if (!widths.has(g.key)) keys.push(g.key);
      widths.set(g.key, Math.max(widths.get(g.key) ?? 0, g.cols.length));
    }
  }
  // The widest page's order (all pages share the order of the fields they have).
  return keys.map((key) => ({ key, cols: Array.from({ length: widths.get(key) ?? 1 }, () => -1) }));
}

interface Page {
  source: SourceSheet;
  /** Where each original column goes. */
  colMap: Map<number, number>;
  placed: Placed[];
  left: number;
  right: number;
}

function layPage(source: SourceSheet, groups: Group[], offset: number): Page {
  const colMap = new Map<number, number>();
  const placed: Placed[] = [];
  let col = offset;
  for (const g of groups) {
    const own = source.groups.find((x) => x.key === g.key);
    const cols = g.cols.map((_, i) => col + i);
    placed.push({ key: g.key, cols });
    own?.cols.forEach((c, i) => colMap.set(c, cols[Math.min(i, cols.length - 1)]));
    col += cols.length;
  }
  return { source, colMap, placed, left: offset, right: col - 1 };
}

/** Writes title, header and data of one page from `top`; returns the row after its last data row. */
function writePage(
  page: Page,
  spec: VariantSpec,
  top: number,
  out: Sheet,
  rowMap: Map<number, number>,
): number {
  const title = writeTitle(spec.title, spec.year, page.left, page.right);
  const header = writeHeader(spec.header, page.placed, spec.year, spec.br, spec.labels);
  const headerTop = top + title.depth;
  for (const c of title.cells) textCell(out, top + c.row, c.col, c.text);
  for (const m of title.merges) out.merges.push(shift(m, top, 0));
  for (const c of header.cells) textCell(out, headerTop + c.row, c.col, c.text);
  for (const m of header.merges) out.merges.push(shift(m, headerTop, 0));
  return writeData(page, headerTop + header.depth, out, rowMap);
}

interface Sheet {
  cells: GridCell[];
  merges: CellArea[];
  hidden: number[];
}

function textCell(out: Sheet, row: number, col: number, text: string): void {
  out.cells.push({ row, col, value: text as CellValue, text, format: "General" });
}

/** A page's data rows from `top`, columns moved to their places; returns the row after the last. */
function writeData(page: Page, top: number, out: Sheet, rowMap: Map<number, number>): number {
  const src = page.source;
  const rowOf = (r: number) => top + (r - src.firstDataRow);
  for (let r = src.firstDataRow; r <= src.lastRow; r++) rowMap.set(r, rowOf(r));
  const dataRows = new Set<number>();
  for (const c of src.dataCells) {
    const col = page.colMap.get(c.col);
    if (col === undefined) continue;
    out.cells.push({ ...c, row: rowOf(c.row), col });
    dataRows.add(c.row);
  }
  for (const m of src.dataMerges) {
    const left = page.colMap.get(m.left);
    const right = page.colMap.get(m.right);
    if (left === undefined || right === undefined) continue;
    if (right - left !== m.right - m.left) throw new Error("a merge no longer spans its columns");
    out.merges.push(area(rowOf(m.top), left, rowOf(m.bottom), right));
  }
  for (const r of src.hiddenRows) out.hidden.push(rowOf(r));
  for (const p of page.placed) {
    if (!p.key.startsWith("add:")) continue;
    const data = EXTRA_COLUMNS[p.key.slice("add:".length) as ExtraKey].data;
    for (const r of dataRows) textCell(out, rowOf(r), p.cols[0], data);
  }
  return rowOf(src.lastRow) + 1;
}

const shift = (m: CellArea, rows: number, cols: number): CellArea =>
  area(m.top + rows, m.left + cols, m.bottom + rows, m.right + cols);

function sortCells(cells: GridCell[]): GridCell[] {
  return cells.sort((a, b) => a.row - b.row || a.col - b.col);
}

/** Builds a variant of the sample's sheets. */
export function buildVariant(sources: SourceSheet[], spec: VariantSpec): Variant {
  const grids: SheetGrid[] = [];
  const where = new Map<string, { sheet: string; rows: Map<number, number>; cols: Map<number, number> }>();
  const grid = (name: string, out: Sheet): SheetGrid => ({
    name,
    cells: sortCells(out.cells),
    merges: out.merges,
    hiddenRows: out.hidden,
    hiddenCols: [],
  });
  if (spec.arrangement === "sheets" || spec.arrangement === "year-named-sheets") {
    for (const src of sources) {
      const name = spec.arrangement === "sheets" ? src.name : `${spec.year.write(FY)}_${src.name}`;
      const page = layPage(src, pageGroups(src.groups, spec), spec.offset);
      const out: Sheet = { cells: [], merges: [], hidden: [] };
      const rows = new Map<number, number>();
      writePage(page, spec, 0, out, rows);
      grids.push(grid(name, out));
      where.set(src.name, { sheet: name, rows, cols: page.colMap });
    }
  } else {
    const name = spec.arrangement === "one-sheet" ? "全体" : "効果検証シート";
    const groups = pageGroups(unifiedGroups(sources), spec);
    const out: Sheet = { cells: [], merges: [], hidden: [] };
    let next = 0;
    for (const [i, src] of sources.entries()) {
      const page = layPage(src, groups, spec.offset);
      const rows = new Map<number, number>();
      if (i === 0) next = writePage(page, spec, 0, out, rows);
      // Pages repeat title and header after a blank row, or run on under the one header.
      else if (spec.arrangement === "repeated-header") next = writePage(page, spec, next + 1, out, rows);
      else next = writeData(page, next, out, rows);
      where.set(src.name, { sheet: name, rows, cols: page.colMap });
    }
    grids.push(grid(name, out));
  }
  return {
    spec,
    grids,
    place(sheet, row, col) {
      const w = where.get(sheet);
      const r = w?.rows.get(row);
      const c = w?.cols.get(col);
      if (!w || r === undefined || c === undefined) throw new Error(`${sheet}!${a1(row, col)} has no place`);
      return { sheet: w.sheet, row: r, col: c };
    },
    placeRow(sheet, row) {
      const w = where.get(sheet);
      const r = w?.rows.get(row);
      if (!w || r === undefined) throw new Error(`${sheet} row ${row + 1} has no place`);
      return { sheet: w.sheet, row: r };
    },
  };
}

/** An original finding's cell ("I6") on the variant. */
export function placeCell(
  v: Variant,
  sheet: string,
  cell: string,
): { sheet: string; cell: string; row: number } {
  const at = parseA1(cell);
  if (!at) throw new Error(`not a cell: ${cell}`);
  const p = v.place(sheet, at.row, at.col);
  return { sheet: p.sheet, cell: a1(p.row, p.col), row: p.row + 1 };
}
