import type { ParsedValue, RawCell, ReferencePeriod } from "../../../src/core/model";
import { parseValue } from "../../../src/core/values";

const text = (t: string): RawCell => ({ value: t, text: t, format: "General" });
const num = (value: number, format: string, shown = ""): RawCell => ({ value, text: shown, format });

const period = (label: string, year: number, fiscal: boolean): ReferencePeriod => {
  const era = label.startsWith("令和") ? "令和" : "平成";
  return { era, eraYear: year - (era === "令和" ? 2018 : 1988), year, fiscal, label };
};

const expected = (kind: ParsedValue["kind"], raw: string, patch: Partial<ParsedValue> = {}): ParsedValue => ({
  kind,
  raw,
  number: null,
  unit: null,
  parts: [],
  category: null,
  period: null,
  remark: null,
  qualifiers: [],
  scale: 0,
  unitAssumed: null,
  errorCode: null,
  ...patch,
});

describe("parseValue: text from the FY2023 sheet and real workbooks", () => {
  const cases: Array<[string, Partial<ParsedValue> & { kind: ParsedValue["kind"] }]> = [
    ["1,563件", { kind: "number", number: 1563, unit: "件" }],
    [
      "11,942億円 (平成30年)",
      { kind: "number", number: 1.1942e12, unit: "円", scale: 8, period: period("平成30年", 2018, false) },
    ],
    [
      "144人 (平成30年度)",
      { kind: "number", number: 144, unit: "人", period: period("平成30年度", 2018, true) },
    ],
    [
      "490.7万人 (平成30年度)",
      { kind: "number", number: 4907000, unit: "人", scale: 4, period: period("平成30年度", 2018, true) },
    ],
    ["34万人", { kind: "number", number: 340000, unit: "人", scale: 4 }],
    ["1.5万人", { kind: "number", number: 15000, unit: "人", scale: 4 }],
    ["3,923ha", { kind: "number", number: 3923, unit: "ha" }],
    ["78カ所", { kind: "number", number: 78, unit: "カ所" }],
    ["78力所", { kind: "number", number: 78, unit: "カ所" }],
    ["78ヵ所", { kind: "number", number: 78, unit: "カ所" }],
    ["78か所", { kind: "number", number: 78, unit: "カ所" }],
    ["78箇所", { kind: "number", number: 78, unit: "カ所" }],
    ["80.5%", { kind: "number", number: 80.5, unit: "%" }],
    ["80.5％", { kind: "number", number: 80.5, unit: "%" }],
    [
      "1.41 (平成30年)",
      { kind: "number", number: 1.41, unit: null, period: period("平成30年", 2018, false) },
    ],
    ["１，５６３件", { kind: "number", number: 1563, unit: "件" }],
    ["  1,563件 ", { kind: "number", number: 1563, unit: "件" }],
    ["\u30001,563件\u3000", { kind: "number", number: 1563, unit: "件" }],
    [
      "74.1% (令和3年度)",
      { kind: "number", number: 74.1, unit: "%", period: period("令和3年度", 2021, true) },
    ],
    [
      "74.1%（令和３年度）",
      { kind: "number", number: 74.1, unit: "%", period: period("令和3年度", 2021, true) },
    ],
    ["30件 (H30年度)", { kind: "number", number: 30, unit: "件", period: period("平成30年度", 2018, true) }],
    ["88件 (R3年度)", { kind: "number", number: 88, unit: "件", period: period("令和3年度", 2021, true) }],
    [
      "1,465件 (令和元年)",
      { kind: "number", number: 1465, unit: "件", period: period("令和元年", 2019, false) },
    ],
    [
      "42.5% (平成31年度)",
      { kind: "number", number: 42.5, unit: "%", period: period("令和元年度", 2019, true) },
    ],
    [
      "10,060億円 (令和2年)",
      { kind: "number", number: 1.006e12, unit: "円", scale: 8, period: period("令和2年", 2020, false) },
    ],
    [
      "187事業所 (平成29年)",
      { kind: "number", number: 187, unit: "事業所", period: period("平成29年", 2017, false) },
    ],
    ["-5件", { kind: "number", number: -5, unit: "件" }],
    ["－1.5%", { kind: "number", number: -1.5, unit: "%" }],
    ["▲300人", { kind: "number", number: -300, unit: "人" }],
    ["12教室", { kind: "number", number: 12, unit: "教室" }],
    ["80.5% ※変更後", { kind: "number", number: 80.5, unit: "%", remark: "※変更後" }],
    [
      "78.72歳 (令和5年) ※変更前",
      {
        kind: "number",
        number: 78.72,
        unit: "歳",
        period: period("令和5年", 2023, false),
        remark: "※変更前",
      },
    ],
    [
      "小学校88.7% 中学校82.8%",
      {
        kind: "parts",
        parts: [
          { label: "小学校", number: 88.7, unit: "%" },
          { label: "中学校", number: 82.8, unit: "%" },
        ],
      },
    ],
    [
      "小学校 88.7% 中学校 82.8%",
      {
        kind: "parts",
        parts: [
          { label: "小学校", number: 88.7, unit: "%" },
          { label: "中学校", number: 82.8, unit: "%" },
        ],
      },
    ],
    [
      "小学校88.7%中学校82.8%",
      {
        kind: "parts",
        parts: [
          { label: "小学校", number: 88.7, unit: "%" },
          { label: "中学校", number: 82.8, unit: "%" },
        ],
      },
    ],
    [
      "男性77.41歳 女性79.89歳 (令和元年) ※変更前",
      {
        kind: "parts",
        parts: [
          { label: "男性", number: 77.41, unit: "歳" },
          { label: "女性", number: 79.89, unit: "歳" },
        ],
        period: period("令和元年", 2019, false),
        remark: "※変更前",
      },
    ],
    ["待機児童なし", { kind: "category", category: "待機児童なし" }],
    ["366日 (閏年)", { kind: "category", category: "366日(閏年)", number: 366, unit: "日", remark: "閏年" }],
    ["-", { kind: "note" }],
    ["－", { kind: "note" }],
    ["ー", { kind: "note" }],
    ["—", { kind: "note" }],
    ["―", { kind: "note" }],
    ["‐", { kind: "note" }],
    ["令和6年3月の改訂に伴い、令和6年度以降は「年少人口」へ変更", { kind: "note" }],
    ["※健康いせさき21(第3次)検討にあわせて設定予定", { kind: "note" }],
    ["3年ごとの調査のため、令和5年度は実施していない", { kind: "note" }],
    ["", { kind: "blank" }],
    ["   ", { kind: "blank" }],
    ["\u3000", { kind: "blank" }],
    ["#DIV/0!", { kind: "error", errorCode: "#DIV/0!" }],
    ["#N/A", { kind: "error", errorCode: "#N/A" }],
    ["＃ＶＡＬＵＥ！", { kind: "error", errorCode: "#VALUE!" }],
    ["#GETTING_DATA", { kind: "error", errorCode: "#GETTING_DATA" }],
    ["1,5O0件", { kind: "invalid" }],
    ["12..5%", { kind: "invalid" }],
    ["15,63件", { kind: "invalid" }],
    ["1、563件", { kind: "invalid" }],
    ["(令和3年度)", { kind: "invalid", period: period("令和3年度", 2021, true) }],
    ["80.5% 90%", { kind: "invalid" }],
  ];

  test.each(cases)("%s", (input, patch) => {
    expect(parseValue(text(input))).toEqual(expected(patch.kind, input, patch));
  });
});

describe("parseValue: typed numbers and their formats", () => {
  test("a fraction under 0.0% is a percent", () => {
    expect(parseValue(num(0.805, "0.0%", "80.5%"))).toEqual(
      expected("number", "80.5%", { number: 80.5, unit: "%" }),
    );
  });

  test("a quoted unit in the format", () => {
    expect(parseValue(num(1563, '#,##0"件"', "1,563件"))).toEqual(
      expected("number", "1,563件", { number: 1563, unit: "件" }),
    );
  });

  test.each<[string, number, string | null]>([
    ['0.0"人"', 12.5, "人"],
    ["#,##0人", 1563, "人"],
    ['G/標準"人"', 144, "人"],
    ['0"カ所"', 78, "カ所"],
    ['#,##0"ha"', 3923, "ha"],
    ["0.00", 1.41, null],
    ["General", 42, null],
    ["\\¥#,##0;[Red]-\\¥#,##0", -42, null],
  ])("format %s", (format, value, unit) => {
    const parsed = parseValue(num(value, format));
    expect(parsed).toEqual(expected("number", String(value), { number: value, unit }));
  });

  test("a multiplier in the format is multiplied out", () => {
    expect(parseValue(num(34, '0"万人"', "34万人")).number).toBe(340000);
  });

  test("scaling commas in the format divide, the 千円 literal multiplies back", () => {
    expect(parseValue(num(1563000, '#,##0,"千円"', "1,563千円"))).toMatchObject({
      number: 1563000,
      unit: "円",
    });
  });

  test("a period and remark in the format's literal", () => {
    expect(parseValue(num(88, '0"件 (令和3年度) ※変更後"'))).toMatchObject({
      kind: "number",
      number: 88,
      unit: "件",
      period: period("令和3年度", 2021, true),
      remark: "※変更後",
    });
  });

  test("the negative section's unit is used for a negative number", () => {
    expect(parseValue(num(-3, '0"件";"▲"0"件"'))).toMatchObject({ number: -3, unit: "件" });
  });

  test("the unit is borrowed from the text when the format says nothing", () => {
    expect(parseValue(num(1563, "General", "1,563件"))).toMatchObject({
      kind: "number",
      number: 1563,
      unit: "件",
    });
  });

  test("a number under a date format is a date: what Excel shows, no figure", () => {
    expect(parseValue(num(45017, "yyyy/m/d", "2023/4/1"))).toEqual(expected("date", "2023/4/1"));
    expect(parseValue(num(45146, 'm"月"d"日"', "8月8日"))).toEqual(expected("date", "8月8日"));
    // A host that gives no displayed text: the serial is shown as the date it stands for.
    expect(parseValue(num(45146, "m/d"))).toEqual(expected("date", "2023/8/8"));
    expect(parseValue(num(45146.5, "yyyy/m/d h:mm"))).toEqual(expected("date", "2023/8/8 12:00"));
  });

  test("raw is the displayed text, or the value written out when there is none", () => {
    expect(parseValue(num(0.805, "0.0%")).raw).toBe("0.805");
    expect(parseValue({ value: true, text: "", format: "General" })).toEqual(
      expected("category", "TRUE", { category: "TRUE" }),
    );
  });

  test("null and empty", () => {
    expect(parseValue({ value: null, text: "", format: "General" })).toEqual(expected("blank", ""));
  });

  test("an error literal as the value", () => {
    expect(parseValue({ value: "#REF!", text: "#REF!", format: "General" })).toEqual(
      expected("error", "#REF!", { errorCode: "#REF!" }),
    );
  });

  test("a string value with no displayed text is parsed from the value", () => {
    expect(parseValue({ value: "1,563件", text: "", format: "General" })).toMatchObject({
      number: 1563,
      unit: "件",
    });
  });

  test("non-finite numbers are invalid", () => {
    expect(parseValue(num(NaN, "General")).kind).toBe("invalid");
    expect(parseValue(num(Infinity, "General")).kind).toBe("invalid");
  });
});
