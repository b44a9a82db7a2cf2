// The rules for what staff actually type: placeholder reasons, the probable status word, slips,
// a missing target, notes and units assumed, each through the whole engine on a sheet built in code.
import { checkWorkbook } from "../../../src/core/check";
import { DEFAULT_REASON_PLACEHOLDERS, type Finding, type FindingCode } from "../../../src/core/model";
import { probableStatus } from "../../../src/core/progress/status";
import { placeholderKeys, reasonState } from "../../../src/core/rules/reasons";
import { renderFinding, renderNoStatus } from "../../../src/i18n/findings";
import { COLUMN, type RowSpec, sheetRow, verificationSheet } from "../../helpers/rowGrid";

const ROW: Omit<RowSpec, "name"> = {
  baseline: "100件",
  previous: "110件",
  actual: "60件",
  target: "120件",
  finalTarget: "150件",
  status: "進捗の遅れ",
  reason: "コロナ禍の影響で申請が減少したため。",
};

function check(rows: Array<Partial<RowSpec>>, placeholders?: string[]) {
  const specs = rows.map((r, i) => ({ ...ROW, name: `指標${i}`, ...r }));
  const result = checkWorkbook(
    [verificationSheet(specs)],
    undefined,
    placeholders ? { reasonPlaceholders: placeholders } : undefined,
  );
  const at = (i: number, column: keyof typeof COLUMN, code?: FindingCode): Finding[] =>
    result.findings.filter(
      (f) => f.cell === `${COLUMN[column]}${sheetRow(i)}` && (code === undefined || f.code === code),
    );
  return { result, at };
}

describe("reasons: blank, dashes, spaces and placeholders give no reason for a delay", () => {
  const keys = placeholderKeys(DEFAULT_REASON_PLACEHOLDERS);
  test.each([
    ["", "blank"],
    ["-", "blank"],
    ["－", "blank"],
    ["ー", "blank"],
    ["―", "blank"],
    ["—", "blank"],
    ["--", "blank"],
    [" - ", "blank"],
    ["\u3000", "blank"],
    ["\u3000\u3000", "blank"],
    ["特になし", "placeholder"],
    ["特になし。", "placeholder"],
    ["特に なし", "placeholder"],
    ["（特になし）", "placeholder"],
    ["なし", "placeholder"],
    ["無し", "placeholder"],
    ["ナシ", "placeholder"],
    ["該当なし", "placeholder"],
    ["不明", "placeholder"],
    ["n/a", "placeholder"],
    ["Ｎ／Ａ", "placeholder"],
    ["コロナ禍の影響による。", "given"],
    ["特になし（目標値が高く設定されているため）", "given"],
    ["なしくずし的に事業が縮小したため", "given"],
  ] as const)("%j is %s", (text, state) => {
    expect(reasonState(text, keys)).toBe(state);
  });

  test("a placeholder reason on a delay is missing-delay-reason, and the message quotes it", () => {
    const { at } = check([
      { reason: "特になし" },
      { reason: "なし" },
      { reason: "―" },
      { reason: "特になし", status: null },
    ]);
    for (const i of [0, 1, 2]) expect(at(i, "reason", "missing-delay-reason")).toHaveLength(1);
    expect(renderFinding(at(0, "reason")[0])).toContain("「特になし」");
    expect(at(0, "reason")[0].params).toMatchObject({ placeholder: true, entered: "特になし" });
    expect(at(2, "reason")[0].params.placeholder).toBeUndefined();
    // No status entered: the computed 進捗の遅れ (60 of 120) still asks for a reason.
    expect(at(3, "reason", "missing-delay-reason")[0].params).toMatchObject({ computedFromRate: true });
  });

  test("a placeholder is not an unexpected reason on a row that is on track", () => {
    const { at } = check([
      { actual: "125件", status: "順調に進捗", reason: "特になし" },
      { actual: "125件", status: "順調に進捗", reason: "念のため記載" },
    ]);
    expect(at(0, "reason")).toEqual([]);
    expect(at(1, "reason", "unexpected-delay-reason")).toHaveLength(1);
  });

  test("the list comes from the settings: another list replaces the defaults", () => {
    const { at } = check([{ reason: "特になし" }, { reason: "検討中" }], ["検討中"]);
    expect(at(0, "reason")).toEqual([]);
    expect(at(1, "reason", "missing-delay-reason")).toHaveLength(1);
  });

  test("settings that hold no list fall back to the defaults", () => {
    const result = checkWorkbook(
      [verificationSheet([{ ...ROW, name: "指標", reason: "特になし" }])],
      undefined,
      { reasonPlaceholders: "特になし" as unknown as string[] },
    );
    expect(result.findings.map((f) => f.code)).toContain("missing-delay-reason");
  });
});

describe("status words: invalid-status names the word probably meant", () => {
  test.each([
    ["順調", "順調に進捗"],
    ["順調に推移", "順調に進捗"],
    ["順調に進捗。", "順調に進捗"],
    ["概ね順調", "概ね順調に進捗"],
    ["おおむね順調", "概ね順調に進捗"],
    ["ほぼ順調", "概ね順調に進捗"],
    ["遅れ", "進捗の遅れ"],
    ["やや遅れ", "進捗の遅れ"],
    ["進捗に遅れ", "進捗の遅れ"],
    ["遅延", "進捗の遅れ"],
    ["順調ではない", null],
    ["遅れなし", null],
    ["達成", null],
    ["○", null],
  ] as const)("%s → %s", (text, word) => {
    expect(probableStatus(text)).toBe(word);
  });

  test("the message says the word; without a guess it lists the three", () => {
    const { at } = check([
      { status: "概ね順調", actual: "110件" },
      { status: "○", actual: "110件" },
    ]);
    const [guess] = at(0, "status", "invalid-status");
    expect(guess.params.suggested).toBe("概ね順調に進捗");
    expect(renderFinding(guess)).toContain("「概ね順調に進捗」のことであれば");
    const [none] = at(1, "status", "invalid-status");
    expect(none.params.suggested).toBeUndefined();
    expect(renderFinding(none)).toContain("「順調に進捗」「概ね順調に進捗」「進捗の遅れ」のいずれか");
  });
});

describe("implausible-value: slips a reader spots at once", () => {
  test("a negative actual where nothing else is negative; not when the row has negatives", () => {
    const { at } = check([
      { actual: "-60件" },
      { actual: "△60件" },
      { actual: "-60件", baseline: "-100件", previous: "-110件", target: "-120件", finalTarget: "-150件" },
    ]);
    expect(at(0, "actual", "implausible-value")[0].params).toMatchObject({ slip: "negative", raw: "-60件" });
    expect(at(1, "actual", "implausible-value")).toHaveLength(1);
    expect(at(2, "actual", "implausible-value")).toEqual([]);
  });

  test("ten times off both last year's actual and the target, stating both figures", () => {
    const { at } = check([
      { actual: "1,300件" }, // 11.8x last year, 10.8x the target
      { actual: "1,100件" }, // exactly 10x last year: not more than 10
      { actual: "1,300件", previous: "1,200件" }, // close to last year
      { actual: "10件" }, // 11x below last year, 12x below the target
    ]);
    const [slip] = at(0, "actual", "implausible-value");
    expect(slip.params).toMatchObject({
      slip: "magnitude",
      raw: "1,300件",
      previous: "110件",
      expected: "120件",
    });
    expect(renderFinding(slip)).toContain("「110件」");
    expect(renderFinding(slip)).toContain("「120件」");
    expect(at(1, "actual", "implausible-value")).toEqual([]);
    expect(at(2, "actual", "implausible-value")).toEqual([]);
    expect(at(3, "actual", "implausible-value")).toHaveLength(1);
  });

  test("an actual 10¹⁴ times the target is flagged (the issue's example)", () => {
    const { at } = check([{ actual: "12,572,000,000,000,000件", target: "120件" }]);
    expect(at(0, "actual", "implausible-value")).toHaveLength(1);
  });

  test("a figure that looks like a date serial says which date it would be", () => {
    const { at } = check([{ actual: { value: 45146, text: "45146", format: "General" } }]);
    const [slip] = at(0, "actual", "implausible-value");
    expect(slip.params.dateSerial).toBe("2023/8/8");
    expect(renderFinding(slip)).toContain("2023/8/8");
  });
});

describe("missing-target: no status without the year's target, and a finding says why", () => {
  test.each([
    [null, "未入力"],
    ["-", "「-」"],
    ["未定", "「未定」"],
    ["1,5O0件", "「1,5O0件」"],
  ])("target %j", (target, words) => {
    const { result, at } = check([{ target }]);
    expect(result.rows[0].computedStatus).toBeNull();
    const [f] = at(0, "target", "missing-target");
    expect(f.severity).toBe("warning");
    expect(renderFinding(f)).toContain(words);
    expect(renderFinding(f)).toContain("企画調整課");
  });

  test("a category target is not missing", () => {
    const { at } = check([{ target: "待機児童なし", actual: "待機児童なし", status: "順調に進捗" }]);
    expect(at(0, "target")).toEqual([]);
  });
});

describe("dates in value cells", () => {
  test("date-value says what Excel shows; an ISO date from a reader is shown as staff read it", () => {
    const { result, at } = check([
      { actual: { value: 45146, text: "8月8日", format: 'm"月"d"日"' } },
      { actual: "2023-08-08" },
      { previous: { value: 44928, text: "1月2日", format: "m/d" } },
    ]);
    expect(renderFinding(at(0, "actual", "date-value")[0])).toContain("日付（8月8日）");
    expect(renderFinding(at(1, "actual", "date-value")[0])).toContain("日付（2023/8/8）");
    expect(at(2, "previous", "date-value")).toHaveLength(1);
    expect(result.rows[0].computedStatus).toBeNull();
    expect(renderNoStatus(result.rows[0].noStatus!)).toContain("日付");
    // A date in last year's column does not stop this year's status.
    expect(result.rows[2].computedStatus).not.toBeNull();
  });
});

describe("units assumed and no status from incomparable units", () => {
  test("the issue's example: 8800 beside 12,572億円 is 8,800億円, said in an info", () => {
    const { result, at } = check([
      {
        baseline: "11,942億円",
        previous: "10,060億円",
        actual: { value: 8800, text: "8800", format: "General" },
        target: "12,572億円",
        finalTarget: "13,500億円",
      },
    ]);
    expect(result.rows[0].values.actual).toMatchObject({ number: 8.8e11, unit: "円", unitAssumed: "target" });
    expect(result.rows[0].achievement).toBeCloseTo(8800 / 12572, 12);
    const [info] = at(0, "actual", "unit-assumed");
    expect(info.severity).toBe("info");
    expect(renderFinding(info)).toContain("「億円」");
    expect(at(0, "actual", "unit-mismatch")).toEqual([]);
  });

  test("a row whose figures disagree about the unit assumes nothing", () => {
    const { result, at } = check([{ actual: "8800", previous: "10,060百万円", target: "12,572億円" }]);
    expect(result.rows[0].values.actual.unitAssumed).toBeNull();
    expect(result.rows[0].computedStatus).toBeNull();
    expect(renderNoStatus(result.rows[0].noStatus!)).toContain("比較できない");
    expect(at(0, "actual", "unit-mismatch")).toHaveLength(1);
  });

  test("名 counts people like 人; 千円 and 億円 compare in 円", () => {
    const { result } = check([
      { actual: "45名", baseline: "40人", previous: "42人", target: "50人", finalTarget: "60人" },
      {
        actual: "250,000千円",
        baseline: "2億円",
        previous: "2.2億円",
        target: "3億円",
        finalTarget: "4億円",
      },
    ]);
    expect(result.rows[0].achievement).toBeCloseTo(0.9, 12);
    expect(result.rows[1].achievement).toBeCloseTo(2.5 / 3, 12);
    expect(result.findings.filter((f) => f.code === "unit-mismatch")).toEqual([]);
  });
});

describe("notes and qualifiers on the actual", () => {
  test("a note asks for the figure or an explanation; no status", () => {
    const { result, at } = check([{ actual: "集計中" }]);
    const [f] = at(0, "actual", "actual-is-note");
    expect(f.severity).toBe("warning");
    expect(renderFinding(f)).toContain("「集計中」");
    expect(result.rows[0].computedStatus).toBeNull();
  });

  test("the issue's example: 8,800億円（速報値） keeps its number and says it is preliminary", () => {
    const { result, at } = check([
      {
        actual: "8,800億円（速報値）",
        baseline: "11,942億円",
        previous: "10,060億円",
        target: "12,572億円",
        finalTarget: "13,500億円",
      },
    ]);
    expect(result.rows[0].values.actual).toMatchObject({
      number: 8.8e11,
      remark: "速報値",
      qualifiers: ["preliminary"],
    });
    expect(result.rows[0].computedStatus).toBe("進捗の遅れ");
    const [info] = at(0, "actual", "qualified-actual");
    expect(info.severity).toBe("info");
    expect(renderFinding(info)).toContain("速報値");
  });

  test("a number against a category target, and parts that do not match, are incomparable", () => {
    const { result, at } = check([
      {
        actual: "0人",
        target: "待機児童なし",
        baseline: "待機児童なし",
        previous: "待機児童なし",
        finalTarget: "待機児童なし",
      },
      {
        actual: "小学校87.1%",
        target: "小学校94.5% 中学校85.0%",
        baseline: "小学校88.7% 中学校82.8%",
        previous: "小学校86.1% 中学校76.6%",
        finalTarget: "小学校90.0% 中学校85.0%",
      },
    ]);
    expect(result.rows.map((r) => r.computedStatus)).toEqual([null, null]);
    expect(renderFinding(at(0, "actual", "incomparable-values")[0])).toContain("「待機児童なし」");
    expect(renderFinding(at(1, "actual", "incomparable-values")[0])).toContain("「中学校」");
  });
});
