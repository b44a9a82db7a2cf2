// The 集計 sheet's contents, made from a check: status counts per 基本目標 (as entered and as computed),
// the chart's source and colours, and the text bars used where a host cannot draw a chart. Pure; the
// host lays it out (adapters/excel/summarySheet.ts).
import {
  buildBoardSummary,
  STATUS_BUCKETS,
  type GroupCounts,
  type StatusBucket,
} from "../core/aggregate/boardSummary";
import type { ProgressRule, WorkbookCheck } from "../core/model";
import type { SheetValue, SummarySheetSpec } from "../adapters/excel/workbookHost";
import { SUMMARY_TEXT } from "../i18n/summary";

const P = SUMMARY_TEXT.paneSheet;

/** Status colours of the chart: on track green, nearly amber, behind red, undetermined grey. */
export const STATUS_COLORS: Record<StatusBucket, string> = {
  順調に進捗: "#70AD47",
  概ね順調に進捗: "#FFC000",
  進捗の遅れ: "#C00000",
  none: "#A5A5A5",
};

/** The longest text bar; larger counts are drawn to scale. */
const MAX_BAR = 40;

function bar(counts: Record<StatusBucket, number>, scale: number): string {
  return STATUS_BUCKETS.map((b) => P.barSymbols[b].repeat(Math.round(counts[b] * scale))).join("");
}

function tableRows(
  groups: GroupCounts[],
  pick: (g: GroupCounts) => Record<StatusBucket, number>,
): SheetValue[][] {
  return groups.map((g) => {
    const counts = pick(g);
    return [g.level === "total" ? P.total : g.goal, ...STATUS_BUCKETS.map((b) => counts[b]), g.counts.rows];
  });
}

export function summarySheetSpec(check: WorkbookCheck, rule: ProgressRule): SummarySheetSpec {
  const summary = buildBoardSummary(
    [{ file: "", ok: true, error: null, rows: check.rows, findings: check.findings }],
    rule,
  );
  const goals = summary.groups.filter((g) => g.level === "goal");
  const total = summary.groups.filter((g) => g.level === "total");
  const header: SheetValue[] = [P.goal, ...STATUS_BUCKETS.map((b) => SUMMARY_TEXT.statusBucket[b]), P.sum];
  const values: SheetValue[][] = [
    [P.title(check.fiscalYear)],
    [P.note],
    [SUMMARY_TEXT.basis(rule.onTrack, rule.nearlyOnTrack)],
    [],
    [P.entered],
    header,
    ...tableRows([...goals, ...total], (g) => g.counts.entered),
    [],
    [P.computed],
    header,
    ...tableRows([...goals, ...total], (g) => g.counts.computed),
  ];
  const firstHeader = 5;
  const secondHeader = firstHeader + goals.length + 4;
  const widest = Math.max(1, ...goals.map((g) => g.counts.rows));
  const scale = Math.min(1, MAX_BAR / widest);
  return {
    name: P.name,
    values,
    titleRow: 0,
    headerRows: [firstHeader, secondHeader],
    totalRows: [firstHeader + goals.length + 1, secondHeader + goals.length + 1],
    chart: {
      title: P.chartTitle,
      // Header and goal rows, label column and the four status columns (not 計, not 合計).
      source: { top: firstHeader, left: 0, bottom: firstHeader + goals.length, right: STATUS_BUCKETS.length },
      colors: STATUS_BUCKETS.map((b) => STATUS_COLORS[b]),
      from: "I4",
      to: "Q22",
      barsColumn: STATUS_BUCKETS.length + 2,
      bars: goals.map((g) => bar(g.counts.entered, scale)),
      barsHeader: P.barsHeader,
    },
  };
}
