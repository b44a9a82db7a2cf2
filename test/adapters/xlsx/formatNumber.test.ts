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

  it("falls back to General for date formats and text sections", () => {
    expect(formatNumber(45000, "yyyy/m/d")).toBe("45000");
    expect(formatNumber(12, "@")).toBe("12");
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
