// A generator of layout variants of the sample, as cities lay the sheet out: header forms (year
// forms, widths, line breaks, one to three header rows, merged year bands), column orders, extra
// and missing optional columns, title blocks, one sheet or many. Each variant is built as grids
// from the sample's own data cells, and knows where every original cell went, so that a check of
// the variant can be compared with the original's, row for row and finding for finding.
import type {
  CellArea,
  CellValue,
  CheckedRow,
  FieldKey,
  GridCell,
  SheetGrid,
  WorkbookCheck,
} from "../../src/core/model";
import { gridFromArrays } from "../../src/core/grid";
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
  /** Each row's unit (written by writeData when the variant has a 単位 column). */
  単位: { label: () => "単位", data: "" },
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

export type HeaderFormName =
  | "one-row"
  | "two-rows"
  | "year-band"
  | "three-rows"
  | "relative"
  /** Other cities' words for every field (成果指標名, 策定時, 実績, 期待値, 最終目標, 評価, 所管課). */
  | "other-words"
  /** Years across: a 実績 band over one column per year (an older year, last year, this year). */
  | "years-across";

/** Other cities' words for the sample's fields (issue 22), as one-cell labels. */
function otherWords(key: string, y: YearStyle, br: Break): string | null {
  const Y = (year: number) => y.write(year);
  const words: Record<string, string> = {
    kpi: "成果指標名",
    baseline: `策定時${br}(${Y(2019)})`,
    previous: `${Y(FY - 1)}${br}実績`,
    actual: `${Y(FY)}${br}実績`,
    target: `${Y(FY)}${br}期待値`,
    finalTarget: `最終目標${br}(${Y(2027)})`,
    status: "評価",
    department: "所管課",
  };
  return words[key] ?? null;
}

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
  if (form === "other-words") {
    const out: HeaderOut = { depth: 2, cells: [], merges: [] };
    for (const p of placed) {
      if (p.key === "measure") measureHeader(out, p, 0, 1);
      else put(out, p, 0, 1, otherWords(p.key, y, br) ?? label(p.key, false));
    }
    return out;
  }
  if (form === "years-across") {
    // 実績 over the year columns that stand together (older, previous, actual), each its year below.
    const out: HeaderOut = { depth: 2, cells: [], merges: [] };
    const run = ["add:older", "previous", "actual"].map((k) => byKey.get(k)).filter((p) => p !== undefined);
    const together = run.every((p, i) => i === 0 || adjacent(run[i - 1], p));
    if (run.length >= 3 && together)
      put(
        out,
        run[0]!,
        0,
        0,
        "実績",
        run.flatMap((p) => p!.cols),
      );
    const yearOf: Record<string, number> = { "add:older": FY - 2, previous: FY - 1, actual: FY };
    for (const p of placed) {
      if (p.key === "measure") measureHeader(out, p, 0, 1);
      else if (p.key in yearOf) {
        if (!(run.length >= 3 && together)) put(out, p, 0, 0, "実績");
        put(out, p, 1, 1, Y(yearOf[p.key]));
      } else put(out, p, 0, 1, fullLabel(p.key, y, br, false));
    }
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
  /** Blocks: a text row (≪成果と見直し≫) merged across the KPI's columns after each row it may follow. */
  textRows?: boolean;
  /** A 単位 column: each row's figures written bare beside their one unit. */
  unitColumn?: boolean;
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
    s.textRows ? "text-rows" : "",
    s.unitColumn ? "unit-column" : "",
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
  const extras: ExtraKey[] =
    spec.unitColumn && !spec.extras.includes("単位") ? [...spec.extras, "単位"] : spec.extras;
  const byKey = new Map(kept.map((g) => [g.key, g]));
  const ordered = reorder(
    kept.map((g) => g.key),
    spec.order,
  ).map((k) => byKey.get(k) as Group);
  // Extras go after the status (備考), in the middle (担当者), beside the values (older, future).
  for (const extra of extras) {
    const after = {
      備考: "reason",
      担当者: "kpi",
      older: spec.header === "years-across" ? "__before-previous" : "baseline",
      単位: "kpi",
      future: "finalTarget",
      進捗状況: "department",
    }[extra];
    const at =
      after === "__before-previous"
        ? ordered.findIndex((g) => g.key === "previous") - 1
        : ordered.findIndex((g) => g.key === after);
    ordered.splice(at < 0 && after !== "__before-previous" ? ordered.length : at + 1, 0, {
      key: `add:${extra}`,
      cols: [-1],
    });
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
  return writeData(page, headerTop + header.depth, out, rowMap, spec);
}

interface Sheet {
  cells: GridCell[];
  merges: CellArea[];
  hidden: number[];
}

function textCell(out: Sheet, row: number, col: number, text: string): void {
  out.cells.push({ row, col, value: text as CellValue, text, format: "General" });
}

/** The value fields whose figures a 単位 column may hold the unit of. */
const UNIT_FIELDS = ["baseline", "previous", "actual", "target", "finalTarget"];
/** A figure and its unit written together, nothing else ("1,563件", "80.5%"). */
const FIGURE_UNIT = /^([△▲-]?[\d,.]+)(件|人|%|ha|事業所|カ所|万人|億円|社|回|基|店|団体|歳|校|園|箇所|km)$/;

/** A page's data rows from `top`, columns moved to their places; returns the row after the last. */
function writeData(
  page: Page,
  top: number,
  out: Sheet,
  rowMap: Map<number, number>,
  spec: Pick<VariantSpec, "textRows" | "unitColumn"> = {},
): number {
  const src = page.source;
  const dataRows = new Set<number>();
  for (const c of src.dataCells) if (page.colMap.has(c.col)) dataRows.add(c.row);
  // Blocks: a text row after each row with content, where no merge at or right of the KPI's column
  // runs on below it (a merge there would swallow the text row).
  const kpiCol = page.placed.find((p) => p.key === "kpi")?.cols[0] ?? page.right;
  const textAfter = new Set<number>();
  if (spec.textRows && page.right - kpiCol + 1 >= 4) {
    for (const r of dataRows) {
      const crossing = src.dataMerges.some((m) => {
        const right = page.colMap.get(m.right);
        return m.top <= r && m.bottom > r && right !== undefined && right >= kpiCol;
      });
      if (!crossing) textAfter.add(r);
    }
  }
  const before: number[] = [];
  let inserted = 0;
  for (let r = src.firstDataRow; r <= src.lastRow; r++) {
    before[r - src.firstDataRow] = inserted;
    if (textAfter.has(r)) inserted++;
  }
  const rowOf = (r: number) => top + (r - src.firstDataRow) + (before[r - src.firstDataRow] ?? inserted);
  for (let r = src.firstDataRow; r <= src.lastRow; r++) rowMap.set(r, rowOf(r));
  // A 単位 column: the row's one unit, its figures written bare.
  const unitCol = page.placed.find((p) => p.key === "add:単位")?.cols[0];
  const valueCols = new Set(src.groups.filter((g) => UNIT_FIELDS.includes(g.key)).flatMap((g) => g.cols));
  const rowUnit = new Map<number, string>();
  if (unitCol !== undefined) {
    for (const r of dataRows) {
      const units = src.dataCells
        .filter((c) => c.row === r && valueCols.has(c.col) && c.text !== "")
        .map((c) => (typeof c.value === "string" ? FIGURE_UNIT.exec(c.value)?.[2] : undefined));
      if (units.length > 0 && units.every((u) => u !== undefined && u === units[0]))
        rowUnit.set(r, units[0]!);
    }
  }
  for (const c of src.dataCells) {
    const col = page.colMap.get(c.col);
    if (col === undefined) continue;
    const unit = rowUnit.get(c.row);
    if (unit && valueCols.has(c.col) && typeof c.value === "string") {
      const bare = FIGURE_UNIT.exec(c.value)![1];
      out.cells.push({ ...c, value: bare, text: bare, row: rowOf(c.row), col });
    } else out.cells.push({ ...c, row: rowOf(c.row), col });
  }
  for (const m of src.dataMerges) {
    const left = page.colMap.get(m.left);
    const right = page.colMap.get(m.right);
    if (left === undefined || right === undefined) continue;
    if (right - left !== m.right - m.left) throw new Error("a merge no longer spans its columns");
    out.merges.push(area(rowOf(m.top), left, rowOf(m.bottom), right));
  }
  for (const r of src.hiddenRows) out.hidden.push(rowOf(r));
  for (const r of textAfter) {
    const at = rowOf(r) + 1;
    textCell(out, at, kpiCol, "≪成果と見直し≫ 取組は計画どおり進めた。");
    out.merges.push(area(at, kpiCol, at, page.right));
  }
  for (const p of page.placed) {
    if (!p.key.startsWith("add:")) continue;
    const key = p.key.slice("add:".length) as ExtraKey;
    for (const r of dataRows) {
      const data = key === "単位" ? (rowUnit.get(r) ?? "") : EXTRA_COLUMNS[key].data;
      if (data !== "") textCell(out, rowOf(r), p.cols[0], data);
    }
  }
  return rowOf(src.lastRow) + 1 + (textAfter.has(src.lastRow) ? 1 : 0);
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
      else next = writeData(page, next, out, rows, spec);
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

// ---------------------------------------------------------------------------------------------
// Cards: the sample's rows as one card each (issue 22's card shape)

/**
 * The sample's KPIs as cards, one sheet per original sheet: the name and 担当課 above, the years
 * across (基準値, 令和3 … 5年度, 最終目標), 目標 and 実績値 and 評価 down the side, the reason as the
 * free text. Built from a check of the original, so each card can be compared with its row.
 */
export function buildCards(original: WorkbookCheck): { grids: SheetGrid[]; rows: CheckedRow[] } {
  const bySheet = new Map<string, CheckedRow[]>();
  for (const r of original.rows) bySheet.set(r.sheet, [...(bySheet.get(r.sheet) ?? []), r]);
  const grids: SheetGrid[] = [];
  const rows: CheckedRow[] = [];
  for (const [sheet, list] of bySheet) {
    const values: CellValue[][] = [["令和5年度 効果検証シート（個票）"], []];
    for (const r of list) {
      const raw = (f: keyof CheckedRow["values"]) => r.values[f].raw || null;
      const text = (f: FieldKey) => (r.cells[f] ? r.cells[f]!.cell.text || null : null);
      values.push(
        ["基本目標", r.goal],
        ["施策", r.measure ?? r.name],
        ["KPI", r.name, null, null, "担当課", r.department],
        [],
        [null, "基準値(令和元年度)", "令和3年度", "令和4年度", "令和5年度", "最終目標(令和9年度)"],
        ["目標", null, null, null, raw("target"), raw("finalTarget")],
        ["実績値", raw("baseline"), null, raw("previous"), raw("actual")],
        ["評価", null, null, null, text("status")],
        ["課題", text("reason")],
        [],
      );
      rows.push(r);
    }
    grids.push(gridFromArrays(`個票${sheet}`, values));
  }
  return { grids, rows };
}
