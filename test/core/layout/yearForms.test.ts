import {
  fiscalYearLabel,
  parseFiscalYear,
  relativeYear,
  withoutYears,
  yearsIn,
} from "../../../src/core/layout/yearForms";

describe("year forms in headers, titles and sheet names", () => {
  test.each([
    ["令和6年度 実績値", 2024],
    ["令和６年度\n実績値", 2024],
    ["R6実績値", 2024],
    ["Ｒ６年度実績", 2024],
    ["R6年度", 2024],
    ["r6 目標値", 2024],
    ["令6 実績", 2024],
    ["2024年度 実績値", 2024],
    ["２０２４年度", 2024],
    ["FY2024 actual", 2024],
    ["ＦＹ２０２４", 2024],
    ["FY24", 2024],
    ["基準値 (元年度)", 2019],
    ["基準値\n(令和元年度)", 2019],
    ["平成30年度", 2018],
    ["H30", 2018],
    ["令和 6 年度", 2024],
  ])("%j names %i", (text, year) => {
    expect(yearsIn(text).map((m) => m.year)).toEqual([year]);
  });

  test.each([
    "1-1",
    "重要業績評価指標\n(KPI)\n名称",
    "進捗状況",
    "第2期伊勢崎市",
    "FR6",
    "R123",
    "資料2",
    "3,923ha",
    "令和",
  ])("%j names no year", (text) => {
    expect(yearsIn(text)).toEqual([]);
  });

  test("the ①②③ after a year are not read as its digits (NFKC turns ① into 1)", () => {
    expect(yearsIn("R5①主な取組・事業実施状況②課題③今後の方策等").map((m) => m.year)).toEqual([2023]);
    expect(yearsIn("令和5年度\n①主な取組").map((m) => m.year)).toEqual([2023]);
  });

  test("several years in reading order", () => {
    expect(yearsIn("令和4年度実績値を基に…令和5年度目標値").map((m) => m.year)).toEqual([2022, 2023]);
  });

  test("前年度 and 今年度 are years relative to the sheet's", () => {
    expect(relativeYear("前年度\n実績値")).toBe("previous");
    expect(relativeYear("昨年度実績")).toBe("previous");
    expect(relativeYear("今年度 実績値")).toBe("current");
    expect(relativeYear("当年度目標値")).toBe("current");
    expect(relativeYear("計画最終年度目標値")).toBeNull();
    expect(relativeYear("令和5年度実績値")).toBeNull();
  });

  test("what a label says once its years are taken out", () => {
    expect(withoutYears("令和６年度")).toBe("");
    expect(withoutYears("Ｒ６年度 実績値")).toBe("実績値");
    expect(withoutYears("FY2024")).toBe("");
  });

  test.each([
    ["令和6年度", 2024],
    ["令和６年度", 2024],
    ["R6", 2024],
    ["Ｒ６", 2024],
    ["2024年度", 2024],
    ["2024", 2024],
    ["FY2024", 2024],
    ["令和元年度", 2019],
    [" 令和6年度 ", 2024],
  ])("--year %j is %i", (text, year) => {
    expect(parseFiscalYear(text)).toBe(year);
  });

  test.each(["", "6", "令和6年度と7年度", "来年", "R6実績値", "abc"])("--year %j is not a year", (text) => {
    expect(parseFiscalYear(text)).toBeNull();
  });

  test("labels", () => {
    expect(fiscalYearLabel(2024)).toBe("令和6年度");
    expect(fiscalYearLabel(2019)).toBe("令和元年度");
    expect(fiscalYearLabel(2018)).toBe("平成30年度");
  });
});
