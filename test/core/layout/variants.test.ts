// The sample re-laid out as other years' and other cities' workbooks are: every variant must read
// exactly like the original (the same rows, statuses and findings, at the cells they moved to).
import * as path from "path";
import { columnLetters } from "../../../src/core/address";
import { detectLayout } from "../../../src/core/layout/detectLayout";
import { SheetView } from "../../../src/core/sheetView";
import { readWorkbookFile } from "../../../src/adapters/xlsx/readWorkbook";
import { checkWorkbook } from "../../../src/core/check";
import { DEFAULT_RULE, type FieldKey, type SheetGrid, type WorkbookCheck } from "../../../src/core/model";
import { renderFileError } from "../../../src/i18n/findings";
import {
  BASE_SPEC,
  BREAKS,
  buildCards,
  buildVariant,
  type ExtraKey,
  type HeaderFormName,
  type OrderName,
  sourceSheets,
  specName,
  type SourceSheet,
  type TitleForm,
  type Arrangement,
  type Variant,
  type VariantSpec,
  YEAR_STYLES,
} from "../../helpers/layoutVariants";
import { checkFacts, expectedFacts } from "../../helpers/variantCheck";

const SAMPLE = path.join(__dirname, "..", "..", "..", "assets", "sample", "kensho-sample-r5.xlsx");

let original: WorkbookCheck;
let sources: SourceSheet[];
beforeAll(async () => {
  const grids: SheetGrid[] = await readWorkbookFile(SAMPLE);
  original = checkWorkbook(grids);
  sources = sourceSheets(grids);
});

const expected = (v: Variant) => expectedFacts(original, v);
const actual = (v: Variant) =>
  checkFacts(checkWorkbook(v.grids, DEFAULT_RULE, { fiscalYear: v.spec.statedYear }));

const spec = (over: Partial<VariantSpec>): VariantSpec => ({ ...BASE_SPEC, ...over });

const HEADERS: HeaderFormName[] = ["one-row", "two-rows", "year-band", "three-rows"];
const ORDERS: OrderName[] = [
  "original",
  "previous-actual-swapped",
  "values-reversed",
  "department-first",
  "shuffle-1",
  "shuffle-2",
  "shuffle-3",
];
const TITLES: TitleForm[] = ["original", "none", "short", "offset"];
const ARRANGEMENTS: Arrangement[] = ["sheets", "one-sheet", "repeated-header", "year-named-sheets"];
const EXTRAS: ExtraKey[][] = [
  ["備考"],
  ["担当者"],
  ["older"],
  ["future"],
  ["備考", "担当者", "older", "future"],
];
const DROPS: FieldKey[][] = [["activity"], ["reason"], ["previous"], ["activity", "reason"]];

function cross(): VariantSpec[] {
  const out: VariantSpec[] = [];
  // Every year form in every header form, with each kind of break between a label's parts.
  for (const header of HEADERS)
    for (const [i, year] of YEAR_STYLES.entries())
      out.push(spec({ header, year, br: BREAKS[i % BREAKS.length] }));
  // Column orders.
  for (const header of HEADERS)
    for (const order of ORDERS) out.push(spec({ header, order, year: YEAR_STYLES[3] }));
  // Extra and missing optional columns.
  for (const header of HEADERS) {
    for (const extras of EXTRAS) out.push(spec({ header, extras, year: YEAR_STYLES[4] }));
    for (const drop of DROPS) out.push(spec({ header, drop, order: "shuffle-2" }));
  }
  // Title blocks, and where the table starts.
  for (const header of HEADERS)
    for (const title of TITLES)
      out.push(spec({ header, title, year: YEAR_STYLES[7], offset: title === "short" ? 2 : 0 }));
  // One sheet or many.
  for (const header of HEADERS)
    for (const arrangement of ARRANGEMENTS)
      for (const order of ["original", "shuffle-3"] as OrderName[])
        out.push(spec({ header, arrangement, order, year: YEAR_STYLES[8] }));
  // Headers that name no year (前年度 / 実績値 / 目標値): the title states it, or the user does.
  for (const title of TITLES)
    out.push(
      spec({ header: "relative", title, statedYear: title === "none" ? 2023 : null, order: "shuffle-1" }),
    );
  // Other cities' shapes (issue 22): other words, years across under a 実績 band, a block's text row
  // after its KPI rows, a 単位 column; alone and with the other dimensions.
  for (const title of TITLES) {
    out.push(spec({ header: "other-words", title, year: YEAR_STYLES[2] }));
    out.push(spec({ header: "years-across", title, extras: ["older"], year: YEAR_STYLES[5] }));
  }
  for (const arrangement of ARRANGEMENTS) {
    out.push(spec({ header: "two-rows", arrangement, textRows: true }));
    out.push(spec({ header: "year-band", arrangement, unitColumn: true }));
    out.push(
      spec({
        header: "other-words",
        arrangement,
        textRows: true,
        unitColumn: true,
        order: "department-first",
      }),
    );
    out.push(
      spec({
        header: "years-across",
        arrangement,
        extras: ["older", "備考"],
        unitColumn: true,
        textRows: true,
      }),
    );
  }
  // And a seeded random cross of everything.
  let seed = 7;
  const pick = <T>(xs: readonly T[]): T => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return xs[seed % xs.length];
  };
  for (let i = 0; i < 80; i++) {
    const header = pick([...HEADERS, "relative"] as HeaderFormName[]);
    const title = pick(TITLES);
    out.push(
      spec({
        header,
        year: pick(YEAR_STYLES),
        br: pick(BREAKS),
        order: pick([...ORDERS, `shuffle-${10 + i}` as OrderName]),
        title,
        arrangement: pick(ARRANGEMENTS),
        extras: pick(EXTRAS.concat([[]])),
        drop: pick(DROPS.concat([[], []])),
        offset: pick([0, 0, 1, 3]),
        statedYear: header === "relative" && title === "none" ? 2023 : pick([null, null, 2023]),
      }),
    );
  }
  return out;
}

const VARIANTS = cross();

describe("layout variants of the sample read exactly like the original", () => {
  test("the cross covers every dimension", () => {
    expect(VARIANTS.length).toBeGreaterThan(200);
    expect(new Set(VARIANTS.map(specName)).size).toBeGreaterThan(200);
  });

  test.each(VARIANTS.map((s) => [specName(s), s] as const))("%s", (_name, s) => {
    const v = buildVariant(sources, s);
    expect(actual(v)).toEqual(expected(v));
  });
});

describe("cards: the sample's KPIs one per card read as their rows", () => {
  test("each card gives its row's figures, 担当課 and statuses", () => {
    const cards = buildCards(original);
    const r = checkWorkbook(cards.grids);
    expect(r.fileError).toBeNull();
    expect(r.fiscalYear).toBe("令和5年度");
    expect(r.rows).toHaveLength(cards.rows.length);
    const facts = (row: (typeof r.rows)[number]) => ({
      name: row.name,
      department: row.department,
      values: Object.fromEntries(Object.entries(row.values).map(([k, v]) => [k, v.raw])),
      enteredStatus: row.enteredStatus,
      computedStatus: row.computedStatus,
      achievement: row.achievement,
      direction: row.direction,
    });
    expect(r.rows.map(facts)).toEqual(cards.rows.map(facts));
  });
});

describe("a block's text row stands in for a missing 理由 column", () => {
  test("rows behind with a text row are checked by it; only the others are counted as unchecked", () => {
    const plain = buildVariant(sources, spec({ header: "other-words", drop: ["reason"] }));
    const blocks = buildVariant(sources, spec({ header: "other-words", drop: ["reason"], textRows: true }));
    const unchecked = (v: Variant) =>
      checkWorkbook(v.grids)
        .findings.filter((f) => f.code === "reasons-not-checked")
        .reduce((n, f) => n + (f.params.rows ?? 0), 0);
    const r = checkWorkbook(blocks.grids);
    const commented = r.rows.filter((row) => row.cells.comment !== undefined).length;
    expect(commented).toBeGreaterThan(5);
    expect(unchecked(blocks)).toBeLessThan(unchecked(plain));
    // The text rows say something, so no delay goes without a reason where one stands.
    expect(r.findings.filter((f) => f.code === "missing-delay-reason")).toEqual([]);
    expect(r.rows.map((row) => row.name)).toEqual(original.rows.map((row) => row.name));
  });
});

describe("the variants really differ from the original", () => {
  test("header depths, actual columns, sheets, blocks and year sources all vary", () => {
    const seen = { depth: new Set<number>(), actualCol: new Set<string>(), sheets: new Set<number>() };
    const blocks = new Set<number>();
    const yearSources = new Set<string>();
    for (const s of VARIANTS) {
      const layouts = buildVariant(sources, s).grids.map((g) =>
        detectLayout(new SheetView(g), { statedYear: s.statedYear }),
      );
      const r = { sheets: layouts };
      const first = r.sheets[0];
      seen.depth.add(first.blocks[0].headerRows.length);
      seen.actualCol.add(String(first.blocks[0].columns.actual));
      seen.sheets.add(r.sheets.length);
      blocks.add(first.blocks.length);
      yearSources.add(first.fiscalYearSource ?? "none");
    }
    expect([...seen.depth].sort()).toEqual([1, 2, 3]);
    expect(seen.actualCol.size).toBeGreaterThanOrEqual(8);
    expect([...seen.sheets].sort()).toEqual([1, 6]);
    expect([...blocks].sort()).toEqual([1, 6]);
    expect([...yearSources].sort()).toEqual(["actual-header", "stated", "title"]);
  });
});

describe("a truly ambiguous variant stops the check and names both columns", () => {
  /** The letters of an original column of sheet 1-1 on the variant. */
  const letter = (v: Variant, col: number) => columnLetters(v.place("1-1", 5, col).col);

  function stopped(s: VariantSpec) {
    const v = buildVariant(sources, s);
    const r = checkWorkbook(v.grids, DEFAULT_RULE, { fiscalYear: s.statedYear });
    expect(r.rows).toEqual([]);
    expect(r.findings).toEqual([]);
    return { v, r, message: r.fileError ? renderFileError(r.fileError) : "" };
  }

  test.each<HeaderFormName>(["one-row", "two-rows"])(
    "%s: last year's 実績値 labelled with this year: both claim this year's actual",
    (header) => {
      const { v, r, message } = stopped(
        spec({ header, order: "shuffle-2", labels: { previous: "令和5年度\n実績値" } }),
      );
      expect(r.fileError?.code).toBe("ambiguous-layout");
      const columns = [letter(v, 7), letter(v, 8)].sort();
      expect(r.fileError?.params).toMatchObject({ sheet: "1-1", field: "actual", kind: "same-field" });
      expect(r.fileError?.params?.columns.map((c) => c.column).sort()).toEqual(columns);
      expect(r.fileError?.params?.columns.map((c) => c.header)).toEqual([
        "令和5年度 実績値",
        "令和5年度 実績値",
      ]);
      for (const c of columns) expect(message).toContain(`${c}列「令和5年度 実績値」`);
      expect(message).toContain("シート「1-1」");
      expect(message).toContain("--year");
    },
  );

  test("two 実績値 with no year at all: the stated year cannot tell them apart either", () => {
    const { v, r, message } = stopped(
      spec({ header: "relative", title: "none", statedYear: 2023, labels: { previous: "実績値" } }),
    );
    expect(r.fileError?.code).toBe("ambiguous-layout");
    expect(r.fileError?.params?.columns.map((c) => c.column).sort()).toEqual(
      [letter(v, 7), letter(v, 8)].sort(),
    );
    expect(message).toContain("「令和5年度の実績値」");
  });

  test("a second 進捗状況 column", () => {
    const { r, message } = stopped(spec({ header: "two-rows", extras: ["進捗状況"] }));
    expect(r.fileError?.code).toBe("ambiguous-layout");
    expect(r.fileError?.params).toMatchObject({ field: "status", headerRow: 4 });
    expect(r.fileError?.params?.columns).toEqual([
      { column: "L", header: "進捗状況" },
      { column: "O", header: "進捗状況" },
    ]);
    expect(message).toContain("L列「進捗状況」とO列「進捗状況」");
  });

  test("a stated year with no 実績値 column of its own", () => {
    const { r, message } = stopped(spec({ statedYear: 2024 }));
    expect(r.fileError?.code).toBe("year-column-missing");
    expect(r.fileError?.params).toMatchObject({ field: "actual", fiscalYear: "令和6年度" });
    expect(r.fileError?.params?.columns).toEqual([
      { column: "H", header: "令和4年度 実績値" },
      { column: "I", header: "令和5年度 実績値" },
    ]);
    expect(message).toContain("「令和6年度の実績値」の列がありません");
  });
});
