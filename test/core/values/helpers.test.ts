import {
  excelErrorCode,
  EXCEL_ERROR_CODES,
  makeReferencePeriod,
  normalizeUnit,
  normalizeValueText,
  parseReferencePeriod,
  parseUnitSuffix,
  samePeriod,
  sameUnit,
} from "../../../src/core/values";
import { analyzeNumberFormat } from "../../../src/core/values/numberFormat";
import { decimalTextToNumber, scaleNumber } from "../../../src/core/values/decimal";

describe("normalizeValueText", () => {
  test.each([
    ["１，５６３件", "1,563件"],
    ["\u3000 80.5％ \u3000", "80.5%"],
    ["（令和３年度）", "(令和3年度)"],
    ["男性77.41歳\u3000\u3000女性79.89歳", "男性77.41歳 女性79.89歳"],
    ["\u22125", "-5"],
    ["1\u200B563", "1563"],
    ["\u3000", ""],
  ])("%s", (input, out) => expect(normalizeValueText(input)).toBe(out));
});

describe("parseReferencePeriod", () => {
  test.each<[string, string, number, boolean]>([
    ["(令和3年)", "令和3年", 2021, false],
    ["(令和3年度)", "令和3年度", 2021, true],
    ["(平成30年)", "平成30年", 2018, false],
    ["(H30年度)", "平成30年度", 2018, true],
    ["(h30年度)", "平成30年度", 2018, true],
    ["(R3年度)", "令和3年度", 2021, true],
    ["(令和元年度)", "令和元年度", 2019, true],
    ["令和元年", "令和元年", 2019, false],
    ["(平成31年度)", "令和元年度", 2019, true],
    ["（令和３年度）", "令和3年度", 2021, true],
    ["( 令和 3 年度 )", "令和3年度", 2021, true],
    ["(2021年度)", "令和3年度", 2021, true],
    ["(平成元年)", "平成元年", 1989, false],
  ])("%s", (input, label, year, fiscal) => {
    const p = parseReferencePeriod(input);
    expect(p).toEqual({
      era: label.slice(0, 2),
      eraYear: year - (label.startsWith("令和") ? 2018 : 1988),
      year,
      fiscal,
      label,
    });
  });

  test.each(["(閏年)", "(令和0年)", "令和3", "(昭和60年)", "(令和3年度", "", "(1900年)"])(
    "not a period: %s",
    (input) => {
      expect(parseReferencePeriod(input)).toBeNull();
    },
  );

  test("令和元年度 is 平成31年度 is FY2019, and 年 differs from 年度", () => {
    expect(samePeriod(parseReferencePeriod("令和元年度"), parseReferencePeriod("H31年度"))).toBe(true);
    expect(samePeriod(parseReferencePeriod("令和元年度"), parseReferencePeriod("令和元年"))).toBe(false);
    expect(samePeriod(null, null)).toBe(true);
    expect(samePeriod(makeReferencePeriod(2021, true), null)).toBe(false);
  });
});

describe("units", () => {
  test.each<[string, number, string | null]>([
    ["件", 0, "件"],
    ["万人", 4, "人"],
    ["億円", 8, "円"],
    ["千円", 3, "円"],
    ["百万円", 6, "円"],
    ["万", 4, null],
    ["", 0, null],
    ["力所", 0, "カ所"],
    ["ヶ所", 0, "カ所"],
    ["ＨＡ", 0, "ha"],
    ["％", 0, "%"],
  ])("suffix %s", (suffix, pow10, unit) => expect(parseUnitSuffix(suffix)).toEqual({ pow10, unit }));

  test.each(["..5%", "0件", "件 (閏年)", "件、", "とても長い単位のようなもの"])(
    "not a unit: %s",
    (suffix) => {
      expect(parseUnitSuffix(suffix)).toBeNull();
    },
  );

  test("sameUnit compares normalised units", () => {
    expect(sameUnit("力所", "カ所")).toBe(true);
    expect(sameUnit("％", "%")).toBe(true);
    expect(sameUnit("件", "人")).toBe(false);
    expect(sameUnit(null, null)).toBe(true);
    expect(sameUnit("件", null)).toBe(false);
    expect(normalizeUnit(" 箇所 ")).toBe("カ所");
  });
});

describe("excelErrorCode", () => {
  test.each([...EXCEL_ERROR_CODES])("%s", (code) => expect(excelErrorCode(code)).toBe(code));
  test("lower case and padding", () => expect(excelErrorCode(" #div/0! ")).toBe("#DIV/0!"));
  test.each(["#", "#DIV/0", "DIV/0!", "1,563件"])("not an error: %s", (t) =>
    expect(excelErrorCode(t)).toBeNull(),
  );
});

describe("analyzeNumberFormat", () => {
  test.each<[string, number, Partial<ReturnType<typeof analyzeNumberFormat>>]>([
    ["0.0%", 1, { percent: 1, suffix: "", thousandsScale: 0 }],
    ['#,##0"件"', 1, { suffix: "件", thousandsScale: 0 }],
    ["#,##0人", 1, { suffix: "人" }],
    ['#,##0,"千円"', 1, { suffix: "千円", thousandsScale: 1 }],
    ["#,##0,,", 1, { thousandsScale: 2 }],
    ['0"件";"▲"0"件"', -1, { prefix: "▲", suffix: "件" }],
    ["#,##0_);(#,##0)", -1, { prefix: "(", suffix: ")" }],
    ['[$-ja-JP]ggge"年"m"月"d"日"', 1, { isDate: true }],
    ["yyyy/m/d", 1, { isDate: true }],
    ["[h]:mm", 1, { isDate: true }],
    ["0.00E+00", 1, { isDate: false, suffix: "" }],
    ["@", 1, { isText: true }],
  ])("%s", (format, value, info) => expect(analyzeNumberFormat(format, value)).toMatchObject(info));
});

describe("decimal scaling", () => {
  test("is exact where multiplication is not", () => {
    expect(scaleNumber(0.805, 2)).toBe(80.5);
    expect(scaleNumber(0.0705, 2)).toBe(7.05);
    expect(0.0705 * 100).not.toBe(7.05);
    expect(decimalTextToNumber("490.7", 4)).toBe(4907000);
    expect(decimalTextToNumber("1,563")).toBe(1563);
    expect(scaleNumber(1e21, 2)).toBe(1e23);
    expect(decimalTextToNumber("abc")).toBeNaN();
  });
});
