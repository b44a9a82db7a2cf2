// 進捗一覧: one row per KPI in the columns a board reads, printed legibly on A4 landscape (区分, KPI,
// 担当課, 基準値, 前年度, 今年度, 目標値, 達成率, 進捗状況, 見通し, 理由); 進捗一覧（詳細）: everything else,
// on A3, with the path of each file in one hidden column.
import * as ExcelJS from "exceljs";
import type { BoardRow, BoardSummary } from "../../../core/aggregate/boardSummary";
import { displayText } from "../../../core/text";
import { DIRECTION_LABELS, kpiLabel } from "../../../i18n/findings";
import { OUTLOOK_LABELS, outlookYears, projectionText, renderNoOutlook } from "../../../i18n/outlook";
import { SUMMARY_TEXT as T } from "../../../i18n/summary";
import { STYLE, applyPageSetup, setWidths, titleRows } from "./layout";
import { PERCENT, label, type SummaryContext } from "./summaryContext";
import { ListStyles, addListTable, fitRowHeights, styleRows } from "./listTable";

/** The traffic lights at the rule's own thresholds, so the icons say what the statuses say. */
function trafficLights(
  ws: ExcelJS.Worksheet,
  column: string,
  first: number,
  last: number,
  summary: BoardSummary,
) {
  ws.addConditionalFormatting({
    ref: `${column}${first}:${column}${last}`,
    rules: [
      {
        type: "iconSet",
        priority: 1,
        iconSet: "3TrafficLights1",
        showValue: true,
        cfvo: [
          { type: "num", value: 0 },
          { type: "num", value: summary.rule.nearlyOnTrack },
          { type: "num", value: summary.rule.onTrack },
        ],
      },
    ],
  });
}

/** "1-1 KPI": the 小基本目標's number and the row's kind, what places a row in the strategy. */
function kindOf(row: BoardRow["row"]): string {
  const code = /^\S+/.exec(row.subGoal ?? row.goal ?? "")?.[0];
  return code ? `${code} ${T.kind[row.kind]}` : T.kind[row.kind];
}

/** The status as entered, the computed one beside it when they differ (or in its place when none). */
function statusOf(row: BoardRow["row"]): string {
  const entered = row.enteredStatus;
  const computed = row.computedStatus;
  if (entered === null) return computed ? `${computed}${T.computedMark}` : "";
  return computed && computed !== entered ? `${entered}${T.computedDiffers(computed)}` : entered;
}

const outlookWord = (row: BoardRow["row"]) =>
  row.outlook?.judgement ? OUTLOOK_LABELS[row.outlook.judgement] : T.outlookBucket.none;

export function progressSheet(wb: ExcelJS.Workbook, summary: BoardSummary, ctx: SummaryContext): void {
  const ws = wb.addWorksheet(T.sheets.progress);
  const title = T.sheetTitle(ctx.fiscalYear, T.sheets.progress);
  const top = titleRows(ws, title, [], 11) + 1;
  const C = T.boardColumns;
  const columns = [
    C.kind, C.kpi, C.department, C.baseline, C.previous, C.actual, C.target,
    C.rate, C.status, C.outlook, C.reason,
  ]; // prettier-ignore
  const rows = summary.rows.map(({ row, submitted }) => [
    kindOf(row),
    kpiLabel(row.name),
    `${row.department ?? ""}${submitted ? "" : T.notSubmitted}`,
    row.values.baseline.raw.trim(),
    row.values.previous.raw.trim(),
    row.values.actual.raw.trim(),
    row.values.target.raw.trim(),
    row.achievement,
    statusOf(row),
    outlookWord(row),
    displayText(row.cells.reason?.cell).trim(),
  ]);
  addListTable(ws, "ProgressList", top, columns, rows);
  const first = top + 1;
  const last = top + Math.max(rows.length, 1);
  const wrap = [1, 2, 3, 4, 5, 6, 7, 9, 11];
  const styles = new ListStyles(columns.length, wrap, { 8: PERCENT });
  styleRows(ws, first, rows, (_values, c, i) => {
    const row = summary.rows[i]?.row;
    const differs =
      row &&
      row.enteredStatus !== null &&
      row.computedStatus !== null &&
      row.enteredStatus !== row.computedStatus;
    if (c === 9 && differs) return styles.variant(c, "differs", { fill: STYLE.warningFill });
    const outlook = row?.outlook?.judgement;
    if (c === 10 && outlook === "off-track") return styles.variant(c, "off-track", { fill: STYLE.errorFill });
    if (c === 10 && outlook === "watch") return styles.variant(c, "watch", { fill: STYLE.warningFill });
    return styles.base(c);
  });
  trafficLights(ws, "H", first, last, summary);
  // Widths chosen for A4 landscape at a legible scale (139 character widths: about 9 points printed).
  const widths = [10, 22, 11, 11, 11, 11, 11, 9, 13, 8, 22];
  setWidths(ws, widths);
  fitRowHeights(ws, first, rows, widths, wrap);
  ws.views = [
    { state: "frozen", xSplit: 0, ySplit: top, topLeftCell: `A${top + 1}`, activeCell: `A${top + 1}` },
  ];
  applyPageSetup(ws, `1:${top}`, { title, date: T.date(ctx.now) });
}

export function progressDetailSheet(wb: ExcelJS.Workbook, summary: BoardSummary, ctx: SummaryContext): void {
  const ws = wb.addWorksheet(T.sheets.progressDetail);
  const title = T.sheetTitle(ctx.fiscalYear, T.sheets.progressDetail);
  const top = titleRows(ws, title, [T.detailNote], 20) + 1;
  const C = T.progressColumns;
  const columns = [
    C.goal, C.subGoal, C.measure, C.kind, C.kpi, C.department,
    C.baseline, C.previous, C.actual, C.target, C.finalTarget,
    C.rate, C.entered, C.computed, C.agrees, C.direction, C.trend,
    C.outlook, C.projected, C.outlookBasis, C.file, C.sheet, C.row, C.location,
  ]; // prettier-ignore
  const rows = summary.rows.map(({ file, row, trend, submitted }) => {
    const entered = row.enteredStatus;
    const agrees =
      entered === null || row.computedStatus === null
        ? T.agrees.none
        : entered === row.computedStatus
          ? T.agrees.same
          : T.agrees.differs;
    const direction = row.direction
      ? `${DIRECTION_LABELS[row.direction]}${row.directionSource === "inferred" ? T.inferred : ""}`
      : "－";
    const o = row.outlook;
    return [
      row.goal ?? "",
      row.subGoal ?? "",
      row.measure ?? "",
      T.kind[row.kind],
      kpiLabel(row.name),
      row.department ?? "",
      row.values.baseline.raw.trim(),
      row.values.previous.raw.trim(),
      row.values.actual.raw.trim(),
      row.values.target.raw.trim(),
      row.values.finalTarget.raw.trim(),
      row.achievement,
      entered ?? "",
      row.computedStatus ?? "",
      agrees,
      direction,
      trend ? T.trend[trend] : T.noTrend,
      outlookWord(row),
      o ? projectionText(o) : "",
      o ? (o.judgement ? outlookYears(o) : o.reason ? renderNoOutlook(o.reason) : "") : "",
      `${label(ctx, file)}${submitted ? "" : T.notSubmitted}`,
      row.sheet,
      row.row,
      ctx.location ? ctx.location(file) : file,
    ];
  });
  addListTable(ws, "ProgressDetail", top, columns, rows);
  const first = top + 1;
  const last = top + Math.max(rows.length, 1);
  const wrap = [1, 2, 3, 5, 7, 8, 9, 10, 11, 19, 20, 21];
  const styles = new ListStyles(columns.length, wrap, { 12: PERCENT });
  styleRows(ws, first, rows, (values, c) =>
    c === 15 && values[14] === T.agrees.differs
      ? styles.variant(c, "differs", { fill: STYLE.warningFill })
      : styles.base(c),
  );
  trafficLights(ws, "L", first, last, summary);
  const widths = [14, 16, 22, 9, 30, 14, 14, 14, 14, 14, 14, 11, 15, 15, 9, 10, 11, 10, 14, 24, 22, 7, 6, 40];
  setWidths(ws, widths);
  fitRowHeights(ws, first, rows, widths, wrap);
  // The path is for finding the file, not for reading: hidden, one click to show.
  ws.getColumn(columns.length).hidden = true;
  ws.views = [
    { state: "frozen", xSplit: 0, ySplit: top, topLeftCell: `A${top + 1}`, activeCell: `A${top + 1}` },
  ];
  applyPageSetup(ws, `1:${top}`, { title, date: T.date(ctx.now), paper: "A3" });
}
