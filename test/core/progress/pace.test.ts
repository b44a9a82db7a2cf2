// 見通し, worked by hand: the pace since the baseline projected to the final year, judged in the
// KPI's direction, on crafted rows (on track, behind, no data; increase and decrease; units) and
// on the sample's rows.
import * as path from "path";
import { paceOutlook, type PaceInput } from "../../../src/core/progress/pace";
import { parseValue } from "../../../src/core/values/parseValue";
import type { ParsedValue } from "../../../src/core/model";
import { readWorkbookFile } from "../../../src/adapters/xlsx/readWorkbook";
import { checkWorkbook } from "../../../src/core/check";
import { outlookText } from "../../../src/i18n/outlook";
import { addOutlooks } from "../../../src/core/progress/outlooks";

const v = (text: string): ParsedValue => parseValue({ value: text, text, format: "General" });

/** A KPI with its baseline in 令和元年度 (2019), this year's actual in 2023 and the final target in 2027. */
type Over = Partial<Omit<PaceInput, "baseline" | "actual">> & {
  baseline?: string;
  actual?: string;
  final?: string;
};

function input(over: Over): PaceInput {
  const { baseline, actual, final, ...rest } = over;
  return {
    direction: "increase",
    baselineYear: 2019,
    actualYear: 2023,
    finalYear: 2027,
    onTrackThisYear: true,
    earlier: [],
    ...rest,
    baseline: v(baseline ?? "100件"),
    actual: v(actual ?? "120件"),
    finalTarget: v(final ?? "140件"),
  };
}

describe("the rule, by hand", () => {
  test("increase on track: +5 a year from 100 (2019) to 120 (2023) reaches 140 in 2027", () => {
    const o = paceOutlook(input({}));
    expect(o.judgement).toBe("on-track");
    expect(o.parts).toEqual([{ label: "", pace: 5, projected: 140, finalTarget: 140, meets: true }]);
    expect(o.years).toMatchObject({ baseline: 2019, actual: 2023, final: 2027 });
    expect(o.years!.labels).toEqual({ baseline: "令和元年度", actual: "令和5年度", final: "令和9年度" });
  });

  test("increase behind: 100 → 110 is +2.5 a year, 120 in 2027 against 140", () => {
    const watch = paceOutlook(input({ actual: "110件" }));
    expect(watch.parts[0]).toMatchObject({ pace: 2.5, projected: 120, meets: false });
    // This year's status is 順調 or 概ね順調 (on track): 要注意; 進捗の遅れ or none: 達成困難.
    expect(watch.judgement).toBe("watch");
    expect(paceOutlook(input({ actual: "110件", onTrackThisYear: false })).judgement).toBe("off-track");
    expect(paceOutlook(input({ actual: "110件", onTrackThisYear: null })).judgement).toBe("off-track");
  });

  test("decrease: 1,465件 → 1,185件 is −70 a year, 905 ≤ 1,050 in 2027; a rise is off track", () => {
    const down = paceOutlook(
      input({ direction: "decrease", baseline: "1,465件", actual: "1,185件", final: "1,050件" }),
    );
    expect(down.parts[0]).toMatchObject({ pace: -70, projected: 905, meets: true });
    expect(down.judgement).toBe("on-track");
    const up = paceOutlook(
      input({
        direction: "decrease",
        baseline: "1,634件",
        actual: "1,869件",
        final: "1,318件",
        onTrackThisYear: false,
      }),
    );
    expect(up.parts[0]).toMatchObject({ pace: 58.75, projected: 2104, meets: false });
    expect(up.judgement).toBe("off-track");
  });

  test("units: 万人 and 人 compare in the base unit; 件 against 人 cannot be judged", () => {
    const o = paceOutlook(input({ baseline: "331万人", actual: "3,000,000人", final: "365万人" }));
    // (3,000,000 − 3,310,000) / 4 = −77,500 a year; 2,690,000 in 2027.
    expect(o.parts[0]).toMatchObject({ pace: -77500, projected: 2690000, finalTarget: 3650000 });
    expect(o.unit).toBe("万人");
    expect(outlookText({ ...o })).toContain("令和9年度に 269万人（目標 365万人・未達）");
    expect(paceOutlook(input({ actual: "120人" })).reason).toEqual({ code: "units-differ" });
    // A percent is a percent: 80.5% → 78.1% is −0.6 points a year.
    const pct = paceOutlook(input({ baseline: "80.5%", actual: "78.1%", final: "82.0%" }));
    expect(pct.parts[0].pace).toBeCloseTo(-0.6, 9);
    expect(pct.parts[0].projected).toBeCloseTo(75.7, 9);
  });

  test("a value's own period dates it: 11,942億円 (平成30年) → 11,017億円 (令和3年) → 13,500億円 (令和8年)", () => {
    const o = paceOutlook(
      input({
        baseline: "11,942億円 (平成30年)",
        actual: "11,017億円 (令和3年)",
        final: "13,500億円 (令和8年)",
      }),
    );
    expect(o.years).toMatchObject({ baseline: 2018, actual: 2021, final: 2026 });
    expect(o.years!.labels).toEqual({ baseline: "平成30年", actual: "令和3年", final: "令和8年" });
    expect(o.parts[0].projected).toBeCloseTo(1101700000000 - (92500000000 / 3) * 5, 0);
    expect(outlookText(o)).toContain("令和8年に 9,475億円（目標 13,500億円・未達）");
  });

  test("parts: every part must meet its target", () => {
    const both = paceOutlook(
      input({
        baseline: "男性77.41歳 女性79.89歳",
        actual: "男性79.4歳 女性83.7歳",
        final: "男性79.4歳 女性84.0歳",
      }),
    );
    expect(both.judgement).toBe("on-track");
    const one = paceOutlook(
      input({
        baseline: "小学校88.7% 中学校82.8%",
        actual: "小学校89.7% 中学校72.2%",
        final: "小学校90.0% 中学校85.0%",
      }),
    );
    expect(one.parts.map((p) => [p.label, p.meets])).toEqual([
      ["小学校", true],
      ["中学校", false],
    ]);
    expect(one.judgement).toBe("watch");
  });

  test("no judgement without enough data, and the reason", () => {
    const reason = (over: Over) => paceOutlook(input(over)).reason;
    expect(reason({ final: "令和6年3月の改訂に伴い、令和6年度以降は「年少人口」へ変更" })).toEqual({
      code: "no-final-target",
    });
    expect(reason({ actual: "" })).toEqual({ code: "no-actual" });
    expect(reason({ actual: "集計中" })).toEqual({ code: "no-actual" });
    expect(reason({ baseline: "-" })).toEqual({ code: "no-baseline" });
    expect(reason({ baselineYear: null })).toEqual({ code: "undated", field: "baseline" });
    expect(reason({ finalYear: null })).toEqual({ code: "undated", field: "finalTarget" });
    expect(reason({ baselineYear: 2023 })).toEqual({
      code: "no-time-elapsed",
      baselineYear: 2023,
      actualYear: 2023,
    });
    expect(reason({ baseline: "待機児童なし", actual: "待機児童なし", final: "待機児童なし" })).toEqual({
      code: "not-comparable",
    });
    expect(reason({ direction: null })).toEqual({ code: "no-direction" });
    expect(paceOutlook(input({ actual: "" })).judgement).toBeNull();
  });

  test("the recent pace starts from the earliest actual after the baseline year", () => {
    const o = paceOutlook(
      input({
        actual: "120件",
        earlier: [
          { value: v("118件"), year: 2022 },
          { value: v("104件"), year: 2021 },
          { value: v("90件"), year: 2018 }, // before the baseline: not used
        ],
      }),
    );
    // 104 (2021) → 120 (2023): +8 a year, 152 in 2027.
    expect(o.recent).toMatchObject({
      fromYear: 2021,
      fromLabel: "令和3年度",
      parts: [{ pace: 8, projected: 152 }],
    });
    expect(o.judgement).toBe("on-track"); // judged on the pace since the baseline, not the recent one
  });
});

describe("on the sample, by hand", () => {
  test("the judgements of rows worked out on paper", async () => {
    const sample = path.join(__dirname, "..", "..", "..", "assets", "sample", "kensho-sample-r5.xlsx");
    const check = addOutlooks(checkWorkbook(await readWorkbookFile(sample)));
    const of = (name: string) => check.rows.find((r) => r.name === name)!.outlook!;
    // 新規求人数: (1,472 − 1,563) / 4 = −22.75 a year; 1,381件 in 令和9年度 < 1,630件; 概ね順調 → 要注意.
    expect(of("新規求人数").judgement).toBe("watch");
    expect(of("新規求人数").parts[0].projected).toBeCloseTo(1381, 9);
    // 創業相談件数: (28 − 10) / 4 = 4.5; 46件 ≥ 28件 → 達成見込み.
    expect(of("創業相談件数")).toMatchObject({ judgement: "on-track", parts: [{ projected: 46 }] });
    // 年間観光入込客数: (258万 − 331万) / 4 = −18.25万; 185万人 < 365万人; 進捗の遅れ → 達成困難.
    expect(of("年間観光入込客数")).toMatchObject({ judgement: "off-track", parts: [{ projected: 1850000 }] });
    // 交通事故発生件数 (decrease): (1,185 − 1,465) / 4 = −70; 905件 ≤ 1,050件 → 達成見込み.
    expect(of("交通事故発生件数")).toMatchObject({ judgement: "on-track", parts: [{ projected: 905 }] });
    // 鉄道利用者数 (increase by the strategy's note): 490.7万 (平成30年度) → 425.1万 (令和4年度) → 430万 (令和8年度):
    // −16.4万 a year, 359.5万 < 430万; 概ね順調 → 要注意.
    expect(of("鉄道利用者数").judgement).toBe("watch");
    expect(of("鉄道利用者数").parts[0].projected).toBeCloseTo(3595000, 6);
    // A replaced KPI's final target is a sentence; 待機児童なし is a category: no judgement, and why.
    expect(of("合計特殊出生率")).toMatchObject({ judgement: null, reason: { code: "no-final-target" } });
    expect(of("保育施設待機児童数")).toMatchObject({ judgement: null, reason: { code: "not-comparable" } });
    expect(of("子育て世代包括支援センター相談件数")).toMatchObject({ reason: { code: "no-baseline" } });
    const counts = { "on-track": 0, watch: 0, "off-track": 0, none: 0 };
    for (const r of check.rows) counts[r.outlook?.judgement ?? "none"]++;
    // Counted from the 47 rows on paper: 15 達成見込み, 15 要注意, 12 達成困難, 5 with no judgement
    // (合計特殊出生率, 出生数, 子育て世代包括支援センター相談件数, 保育施設待機児童数, 休日夜間急患センターの開設日数).
    expect(counts).toEqual({ "on-track": 15, watch: 15, "off-track": 12, none: 5 });
  });
});
