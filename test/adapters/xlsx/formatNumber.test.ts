import { formatGeneral, formatNumber } from "../../../src/adapters/xlsx/formatNumber";

describe("formatNumber", () => {
  it.each([
    [1563, "General", "1563"],
    [0.805, "General", "0.805"],
    [1 / 3, "General", "0.3333333333"],
    [-12.5, "General", "-12.5"],
    [1472, "0", "1472"],
    [12.25, "0.0", "12.3"],
    [1.005, "0.00", "1.01"],
    [0.5, "0", "1"],
    [294758, "#,##0", "294,758"],
    [1234567.891, "#,##0.00", "1,234,567.89"],
    [0.805, "0.0%", "80.5%"],
    [0.821, "0%", "82%"],
    [1563, '#,##0"件"', "1,563件"],
    [258, '0"万人"', "258万人"],
    [3923, '#,##0"ha"', "3,923ha"],
    [1500000, '#,##0,"千円"', "1,500千円"],
    [-1563, '#,##0"件";[Red]-#,##0"件"', "-1,563件"],
    [-5, "#,##0;(#,##0)", "(5)"],
    [0, '#,##0;-#,##0;"-"', "-"],
    [-3, "0", "-3"],
    [-0.01, "0.0", "0.0"],
    [1000, "[$¥-411]#,##0", "¥1,000"],
    [42, "0_);(0)", "42 "],
    [7, "\\#0", "#7"],
    [1.5, "0.#", "1.5"],
    [2, "0.#", "2."],
  ])("%p under %p -> %p", (value, format, expected) => {
    expect(formatNumber(value, format)).toBe(expected);
  });

  it("falls back to General for text sections", () => {
    expect(formatNumber(12, "@")).toBe("12");
    expect(formatNumber(1234.5, "0.00E+00")).toBe("1234.5");
  });

  it.each([
    [45382, "yyyy/m/d", "2024/3/31"],
    [45512, 'm"月"d"日"', "8月8日"],
    [45382, '[$-411]ggge"年"m"月"d"日"', "令和6年3月31日"],
    [43585, '[$-411]ggge"年"m"月"d"日"', "平成31年4月30日"],
    [45382, "ge.m.d", "R6.3.31"],
    [45382, 'yyyy"年"m"月"d"日"(aaa)', "2024年3月31日(日)"],
    [45382.5, "yyyy/m/d h:mm", "2024/3/31 12:00"],
    [45382.75, "h:mm AM/PM", "6:00 PM"],
    [0.5, "[h]:mm:ss", "12:00:00"],
    [45382, "d-mmm-yy", "31-Mar-24"],
    [60, "yyyy-mm-dd", "1900-02-29"],
    [61, "yyyy-mm-dd", "1900-03-01"],
    [-1, "yyyy/m/d", "########"],
  ])("date %p under %p -> %p, as Excel shows it in Japan", (value, format, expected) => {
    expect(formatNumber(value, format)).toBe(expected);
  });

  it("counts 1904-based dates from 1904-01-01", () => {
    expect(formatNumber(0, "yyyy/m/d", { date1904: true })).toBe("1904/1/1");
    expect(formatNumber(45382 - 1462, "yyyy/m/d", { date1904: true })).toBe("2024/3/31");
  });

  it("treats a missing format as General", () => {
    expect(formatNumber(80.5, undefined)).toBe("80.5");
    expect(formatNumber(80.5, "")).toBe("80.5");
  });

  it("renders very large and very small numbers in scientific notation like Excel", () => {
    expect(formatGeneral(123456789012)).toBe("1.23457E+11");
    expect(formatGeneral(0.0000000001)).toBe("1E-10");
  });
});
