// 見通し (the pace to the final target) in words: the judgement, the projection and why there is none.
import type { NoOutlookReason, Outlook, OutlookJudgement } from "../core/progress/pace";

export const OUTLOOK_LABELS: Record<OutlookJudgement, string> = {
  "on-track": "達成見込み",
  watch: "要注意",
  "off-track": "達成困難",
};

/** For a row with no judgement. */
export const NO_OUTLOOK = "判定なし";

const FIELD: Record<"baseline" | "actual" | "finalTarget", string> = {
  baseline: "基準値",
  actual: "実績値",
  finalTarget: "計画最終年度の目標値",
};

/** Why no judgement was made, in words. */
export function renderNoOutlook(reason: NoOutlookReason): string {
  switch (reason.code) {
    case "no-final-target":
      return "計画最終年度の目標値が数値でないため、見通しを判定できません。";
    case "no-actual":
      return "今年度の実績値が数値でないため、見通しを判定できません。";
    case "no-baseline":
      return "基準値が数値でないため、見通しを判定できません。";
    case "undated":
      return `${FIELD[reason.field]}の年度が分からないため、見通しを判定できません。`;
    case "no-time-elapsed":
      return "実績値の対象年が基準値と同じかそれより前のため、1年あたりの変化を求められません。";
    case "units-differ":
      return "基準値・実績値・最終目標値の単位がそろっていないため、見通しを判定できません。";
    case "not-comparable":
      return "数値でない記載（区分）か、値の形がそろっていないため、見通しを判定できません。";
    case "no-direction":
      return "指標の方向（増加・減少・維持）が分からないため、見通しを判定できません。";
  }
}

/** A figure in the base unit written as the final target writes it: 947533333333 → "9,475億円". */
export function formatFigure(n: number, scale: number, unit: string, decimals: number): string {
  const fixed = Math.abs(n / 10 ** scale).toFixed(decimals);
  const [whole, fraction] = fixed.split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  const negative = n < 0 && Number(fixed) !== 0;
  return `${negative ? "−" : ""}${grouped}${fraction ? `.${fraction}` : ""}${unit}`;
}

/** The judgement and its projection in one line, or why there is none. */
export function outlookText(o: Outlook): string {
  if (!o.judgement || !o.years) return `${NO_OUTLOOK}（${o.reason ? renderNoOutlook(o.reason) : ""}）`;
  const fig = (n: number) => formatFigure(n, o.scale, o.unit, o.decimals);
  // A yearly change is shown with one decimal more than the figures (0.3件 a year is not 0件).
  const signed = (n: number) =>
    `${n >= 0 ? "+" : "−"}${formatFigure(Math.abs(n), o.scale, o.unit, o.decimals + 1)}`;
  const y = o.years.labels;
  const parts = o.parts
    .map(
      (p) =>
        `${p.label ? `${p.label} ` : ""}${fig(p.projected)}（目標 ${fig(p.finalTarget)}${p.meets ? "・達成" : "・未達"}）`,
    )
    .join("、");
  const pace = o.parts.map((p) => `${p.label ? `${p.label} ` : ""}年${signed(p.pace)}`).join("、");
  const recent = o.recent
    ? `。直近の変化（${o.recent.fromLabel}から）で進むと ${o.recent.parts.map((p) => `${p.label ? `${p.label} ` : ""}${fig(p.projected)}`).join("、")}`
    : "";
  return (
    `${OUTLOOK_LABELS[o.judgement]}: ${y.baseline}から${y.actual}の平均（${pace}）で進むと、` +
    `${y.final}に ${parts}${recent}`
  );
}

/** The projection alone, for a table cell: "1,381件（目標 1,630件）". */
export function projectionText(o: Outlook): string {
  if (!o.judgement) return "";
  return o.parts
    .map((p) => `${p.label ? `${p.label} ` : ""}${formatFigure(p.projected, o.scale, o.unit, o.decimals)}`)
    .join("、");
}

/** "令和元年度→令和5年度→令和9年度": the years the outlook used. */
export function outlookYears(o: Outlook): string {
  return o.years ? `${o.years.labels.baseline}→${o.years.labels.actual}→${o.years.labels.final}` : "";
}
