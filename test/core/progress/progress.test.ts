import { achievementRate } from "../../../src/core/progress/achievement";
import { inferDirection, resolveDirection } from "../../../src/core/progress/direction";
import { statusForRate } from "../../../src/core/progress/status";
import { DEFAULT_RULE, type ParsedValue } from "../../../src/core/model";
import { parseValue } from "../../../src/core/values/parseValue";
import { renderNoStatus } from "../../../src/i18n/findings";

const v = (text: string): ParsedValue => parseValue({ value: text, text, format: "General" });

describe("achievement rate", () => {
  test("increase: actual / target", () => {
    expect(achievementRate("increase", v("1,472件"), v("1,594件")).rate).toBeCloseTo(1472 / 1594, 12);
  });
  test("decrease: target / actual, and 1 when the actual is 0", () => {
    expect(achievementRate("decrease", v("1,869件"), v("1,450件")).rate).toBeCloseTo(1450 / 1869, 12);
    expect(achievementRate("decrease", v("0件"), v("1,450件")).rate).toBe(1);
  });
  test("maintain: 1 when the actual meets the target, else actual / target", () => {
    expect(achievementRate("maintain", v("366日"), v("366日")).rate).toBe(1);
    expect(achievementRate("maintain", v("300日"), v("366日")).rate).toBeCloseTo(300 / 366, 12);
  });
  test("categories: 1 when equal, else 0", () => {
    expect(achievementRate("maintain", v("待機児童なし"), v("待機児童なし")).rate).toBe(1);
    expect(achievementRate("maintain", v("待機児童あり"), v("待機児童なし")).rate).toBe(0);
  });
  test("several parts: each against its label, the lowest counts", () => {
    const r = achievementRate("increase", v("小学校87.1% 中学校72.2%"), v("小学校94.5% 中学校85.0%"));
    expect(r.rate).toBeCloseTo(72.2 / 85, 12);
  });
  test("万 and plain numbers compare in the base unit", () => {
    expect(achievementRate("increase", v("266,189人"), v("34万人")).rate).toBeCloseTo(266189 / 340000, 12);
  });
  test("no rate, with a reason, when the actual or target is missing or unreadable", () => {
    for (const [a, t, reason] of [
      ["", "10件", { code: "actual-unusable", kind: "blank" }],
      ["10件", "", { code: "target-unusable", kind: "blank" }],
      ["1,5O0件", "10件", { code: "actual-unusable", kind: "invalid" }],
      ["#DIV/0!", "10件", { code: "actual-unusable", kind: "error" }],
      ["10件", "-", { code: "target-unusable", kind: "note" }],
    ] as const) {
      const r = achievementRate("increase", v(a), v(t));
      expect(r.rate).toBeNull();
      expect(r.reason).toEqual(reason);
      expect(renderNoStatus(r.reason!)).toMatch(/達成率を計算できません/);
    }
  });
});

describe("status from the rate", () => {
  test.each([
    [1.0, "順調に進捗"],
    [0.9999, "概ね順調に進捗"],
    [0.85, "概ね順調に進捗"],
    [0.8499, "進捗の遅れ"],
  ])("%f → %s", (rate, status) => {
    expect(statusForRate(rate, DEFAULT_RULE)).toBe(status);
  });

  test("exactly 85% on paper is 85%, despite binary rounding", () => {
    const rate = achievementRate("increase", v("0.85万人"), v("1万人")).rate ?? NaN;
    expect(statusForRate(rate, DEFAULT_RULE)).toBe("概ね順調に進捗");
    expect(statusForRate(0.85 - 1e-12, DEFAULT_RULE)).toBe("概ね順調に進捗");
    expect(statusForRate(0.7 + 0.1 + 0.05, DEFAULT_RULE)).toBe("概ね順調に進捗"); // 0.8499999999999999
  });

  test("thresholds are configurable", () => {
    expect(statusForRate(0.8, { onTrack: 1, nearlyOnTrack: 0.8 })).toBe("概ね順調に進捗");
    expect(statusForRate(0.95, { onTrack: 0.95, nearlyOnTrack: 0.8 })).toBe("順調に進捗");
  });
});

describe("direction", () => {
  const values = (baseline: string, finalTarget: string, target = "") => ({
    baseline: v(baseline),
    finalTarget: v(finalTarget),
    target: v(target),
  });

  test("inferred from the final target against the baseline when the strategy does not name the KPI", () => {
    expect(resolveDirection("独自の指標", DEFAULT_RULE, values("10件", "20件"))).toEqual({
      direction: "increase",
      source: "inferred",
    });
    expect(resolveDirection("独自の指標", DEFAULT_RULE, values("20件", "10件"))).toEqual({
      direction: "decrease",
      source: "inferred",
    });
    expect(resolveDirection("独自の指標", DEFAULT_RULE, values("20件", "20件"))).toEqual({
      direction: "maintain",
      source: "inferred",
    });
    expect(inferDirection(v("20件"), v("令和6年度以降は「年少人口」へ変更"), v("25件"))).toBe("increase");
    expect(inferDirection(v("-"), v("-"), v(""))).toBeNull();
  });

  test("the strategy's master beats inference, including its ※-note exceptions", () => {
    expect(resolveDirection("コミュニティバス利用者数", DEFAULT_RULE, values("294,758人", "29万人"))).toEqual(
      {
        direction: "increase",
        source: "master",
      },
    );
  });

  test("planning's override beats everything, matched by name despite spacing", () => {
    const rule = {
      ...DEFAULT_RULE,
      directionOverrides: { "コミュニティバス 利用者数": "decrease" as const },
    };
    expect(resolveDirection("コミュニティバス利用者数", rule, values("294,758人", "29万人"))).toEqual({
      direction: "decrease",
      source: "settings",
    });
  });
});
