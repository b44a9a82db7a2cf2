// Every message of the catalogue, rendered from the facts the rules give, reads as Japanese with no
// placeholder left over ("undefined", "null", an empty 「」).
import { FINDING_CODES, FINDING_SEVERITY, type Finding, type NoStatusReason } from "../../src/core/model";
import { FINDINGS, QUALIFIER_LABELS, renderFinding, renderNoStatus } from "../../src/i18n/findings";

const finding = (code: Finding["code"], params: Finding["params"]): Finding => ({
  code,
  severity: FINDING_SEVERITY[code],
  sheet: "1-1",
  cell: "I7",
  row: 7,
  kpi: "製造品出荷額等",
  params,
});

const LEFTOVERS = /undefined|null|NaN|「」/;

describe("the issue-11 messages", () => {
  test.each<[Finding["code"], Finding["params"], string[]]>([
    ["date-value", { field: "actual", raw: "8月8日" }, ["実績値が日付（8月8日）", "8/8"]],
    ["missing-target", { fiscalYear: "令和5年度", raw: "" }, ["令和5年度の目標値が未入力", "企画調整課"]],
    ["missing-target", { fiscalYear: "令和5年度", raw: "未定" }, ["「未定」で数値として読み取れない"]],
    ["implausible-value", { slip: "negative", raw: "-5件" }, ["「-5件」がマイナス"]],
    [
      "implausible-value",
      { slip: "magnitude", raw: "1,300件", previous: "110件", expected: "120件", dateSerial: "2023/8/8" },
      ["「110件」", "「120件」", "2023/8/8"],
    ],
    ["actual-is-note", { raw: "集計中" }, ["「集計中」", "判明する時期"]],
    [
      "incomparable-values",
      { noStatus: { code: "category-target", target: "待機児童なし" } },
      ["「待機児童なし」", "同じ形"],
    ],
    [
      "unit-assumed",
      { field: "actual", raw: "8800", unit: "億円", unitFrom: "target" },
      ["「8800」", "目標値", "「億円」"],
    ],
    ["unit-assumed", { field: "actual", raw: "8800", unit: "億円", unitFrom: "format" }, ["セルの表示形式"]],
    [
      "qualified-actual",
      { raw: "約8,800億円（速報値）", qualifiers: ["approximate", "preliminary"], remark: "約、速報値" },
      ["概数・速報値"],
    ],
    [
      "invalid-status",
      { entered: "遅れ", suggested: "進捗の遅れ" },
      ["「遅れ」", "「進捗の遅れ」のことであれば"],
    ],
    [
      "missing-delay-reason",
      { computedFromRate: false, placeholder: true, entered: "特になし" },
      ["「特になし」", "具体的に"],
    ],
    [
      "unit-mismatch",
      { field: "target", actualUnit: "人", otherUnit: "件" },
      ["達成率と進捗状況を計算していません"],
    ],
  ])("%s", (code, params, words) => {
    const text = renderFinding(finding(code, params));
    for (const w of words) expect(text).toContain(w);
    expect(text).not.toMatch(LEFTOVERS);
  });

  test("every code has a title and renders with no facts at all", () => {
    for (const code of FINDING_CODES) {
      expect(FINDINGS[code].title).toMatch(/[ぁ-んァ-ン一-龥]/);
      expect(renderFinding(finding(code, {}))).toMatch(/[ぁ-んァ-ン一-龥]/);
    }
  });

  test.each<NoStatusReason>([
    { code: "actual-unusable", kind: "date" },
    { code: "actual-unusable", kind: "note" },
    { code: "target-unusable", kind: "blank" },
    { code: "category-target", target: "待機児童なし" },
    { code: "unit-incomparable", actualUnit: "人", targetUnit: "件" },
    { code: "unit-incomparable", actualUnit: null, targetUnit: "%", label: "小学校" },
  ])("no status: %j", (reason) => {
    const text = renderNoStatus(reason);
    expect(text).toMatch(/計算できません|比較できません/);
    expect(text).not.toMatch(LEFTOVERS);
  });

  test("every qualifier has words", () => {
    for (const words of Object.values(QUALIFIER_LABELS)) expect(words).toMatch(/[ぁ-んァ-ン一-龥]/);
  });
});
