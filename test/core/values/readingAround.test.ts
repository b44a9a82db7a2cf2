// The pieces that read around a figure: periods in every 和暦 form, qualifier words and brackets,
// dates and serials, unit comparison and the units a row lends a bare figure.
import type { ParsedValue, RawCell, ValueField } from "../../../src/core/model";
import {
  assumeUnitsFromTarget,
  isIsoDateText,
  isoDateForDisplay,
  numbersBesideNumericTarget,
  parseReferencePeriod,
  parseValue,
  peelQualifiers,
  serialToDateText,
  unitsComparable,
} from "../../../src/core/values";

describe("reference periods in every form", () => {
  test.each<[string, string, number, boolean]>([
    ["(R5)", "令和5年度", 2023, true],
    ["(r5)", "令和5年度", 2023, true],
    ["(H30)", "平成30年度", 2018, true],
    ["(令5年度)", "令和5年度", 2023, true],
    ["(平30年)", "平成30年", 2018, false],
    ["(Ｒ５年度)", "令和5年度", 2023, true],
    ["(H35年度)", "令和5年度", 2023, true],
    ["(FY2023)", "令和5年度", 2023, true],
    ["(令和5年度末)", "令和5年度末", 2023, true],
    ["(令和5年度当初)", "令和5年度当初", 2023, true],
    ["(2023年度末)", "令和5年度末", 2023, true],
    ["(令和5年3月末)", "令和5年3月末", 2023, false],
    ["(令和5年3月末現在)", "令和5年3月末", 2023, false],
    ["(令和5年4月1日時点)", "令和5年4月1日", 2023, false],
    ["(令和5年4月)", "令和5年4月", 2023, false],
    ["(R5.3.31)", "令和5年3月31日", 2023, false],
    ["(R5.3)", "令和5年3月", 2023, false],
    ["(2023年4月1日)", "令和5年4月1日", 2023, false],
    ["(2023/4/1現在)", "令和5年4月1日", 2023, false],
    ["(令和元年5月1日)", "令和元年5月1日", 2019, false],
  ])("%s", (text, label, year, fiscal) => {
    expect(parseReferencePeriod(text)).toMatchObject({ label, year, fiscal });
  });

  test.each(["(令和5年13月)", "(令和5年3月32日)", "(R5.13.1)", "(令和)", "(現在)", "(2023/13)", "(FY23)"])(
    "not a period: %s",
    (text) => expect(parseReferencePeriod(text)).toBeNull(),
  );
});

describe("qualifiers around a figure", () => {
  test.each<[string, string, string[], string[], string | null]>([
    ["約8,800億円", "8,800億円", ["approximate"], ["約"], null],
    ["8,800億円（速報値）", "8,800億円（速報値）", [], [], null], // not normalised: the bracket is full width
    ["8,800億円(速報値)", "8,800億円", ["preliminary"], ["速報値"], null],
    [
      "約8,800億円(令和3年・速報値)",
      "8,800億円",
      ["approximate", "preliminary"],
      ["約", "速報値"],
      "令和3年",
    ],
    ["80%以上", "80%", ["at-least"], ["以上"], null],
    ["10件未満", "10件", ["below"], ["未満"], null],
    ["100人超", "100人", ["above"], ["超"], null],
    ["【速報値】1,200人", "1,200人", ["preliminary"], ["速報値"], null],
    ["(令和5年度)1,200人", "1,200人", [], [], "令和5年度"],
    ["1,200人(令和5年度見込み)", "1,200人", ["estimate"], ["見込み"], "令和5年度"],
    ["366日 (閏年)", "366日 (閏年)", [], [], null],
    ["以上", "以上", [], [], null],
    ["約半数が参加", "約半数が参加", [], [], null],
    ["1,200人(令和4年)(令和5年)", "1,200人(令和4年)", [], [], "令和5年"],
  ])("%s", (text, body, qualifiers, words, period) => {
    const p = peelQualifiers(text);
    expect({
      body: p.body,
      qualifiers: p.qualifiers,
      words: p.words,
      period: p.period?.label ?? null,
    }).toEqual({
      body,
      qualifiers,
      words,
      period,
    });
  });
});

describe("dates and serials", () => {
  test.each([
    [1, "1900/1/1"],
    [59, "1900/2/28"],
    [61, "1900/3/1"],
    [45146, "2023/8/8"],
    [45017.75, "2023/4/1 18:00"],
    [-1, "-1"],
  ])("serial %d is %s", (serial, text) => expect(serialToDateText(serial)).toBe(text));

  test("ISO dates from a reader", () => {
    expect(isIsoDateText("2023-08-08")).toBe(true);
    expect(isIsoDateText("2023-08-08T09:30:00")).toBe(true);
    expect(isIsoDateText("2023-13-08")).toBe(false);
    expect(isIsoDateText("1,563")).toBe(false);
    expect(isoDateForDisplay("2023-08-08T00:00:00")).toBe("2023/8/8");
    expect(isoDateForDisplay("2023-08-08T09:30:00")).toBe("2023/8/8 9:30");
  });
});

describe("unit comparison", () => {
  test.each([
    [{ unit: "件" }, { unit: "件" }, true],
    [{ unit: "人" }, { unit: "名" }, true],
    [{ unit: "カ所" }, { unit: "力所" }, true],
    [{ unit: "件" }, { unit: "人" }, false],
    [{ unit: null }, { unit: null }, true],
    [{ unit: null }, { unit: "%" }, false],
    [{ unit: null, scale: 8 }, { unit: "円", scale: 8 }, true],
    [{ unit: null, scale: 8 }, { unit: null, scale: 4 }, true],
    [{ unit: null, scale: 0 }, { unit: null, scale: 8 }, false],
  ])("%j ~ %j: %s", (a, b, same) => expect(unitsComparable(a, b)).toBe(same));
});

const text = (t: string): RawCell => ({ value: t, text: t, format: "General" });
const row = (cells: Partial<Record<ValueField, string>>): Record<ValueField, ParsedValue> => ({
  baseline: parseValue(text(cells.baseline ?? "")),
  previous: parseValue(text(cells.previous ?? "")),
  actual: parseValue(text(cells.actual ?? "")),
  target: parseValue(text(cells.target ?? "")),
  finalTarget: parseValue(text(cells.finalTarget ?? "")),
});

describe("a bare figure takes the row's unit when that is unambiguous", () => {
  test("the target's unit and multiplier, or the base unit when the figure is already in it", () => {
    const values = assumeUnitsFromTarget(
      row({ actual: "8800", previous: "880,000,000,000", target: "12,572億円", baseline: "11,942億円" }),
    );
    expect(values.actual).toMatchObject({ number: 8.8e11, unit: "円", scale: 8, unitAssumed: "target" });
    expect(values.previous).toMatchObject({ number: 8.8e11, unit: "円", scale: 0, unitAssumed: "target" });
    expect(values.baseline.unitAssumed).toBeNull();
  });

  test("nothing is assumed when the target has no unit, the row is mixed, or 0.8 sits beside 80%", () => {
    const untouched = [
      row({ actual: "8800", target: "1.64" }),
      row({ actual: "8800", target: "12,572億円", previous: "1,006,000百万円" }),
      row({ actual: "0.78", target: "82.0%" }),
      row({ actual: "8,800億", target: "12,572億" }),
    ];
    for (const values of untouched) expect(assumeUnitsFromTarget(values)).toBe(values);
  });

  test("a number with a bracketed note counts as a number beside a numeric target only", () => {
    const numeric = numbersBesideNumericTarget(row({ actual: "1,426人（人口動態統計）", target: "1,778人" }));
    expect(numeric.actual).toMatchObject({ kind: "number", number: 1426, remark: "人口動態統計" });
    const category = row({ actual: "366日 (閏年)", target: "366日 (閏年)" });
    expect(numbersBesideNumericTarget(category)).toBe(category);
  });
});
