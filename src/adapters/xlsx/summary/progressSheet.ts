// 進捗一覧: one row per KPI with its values, rate, both statuses, direction, trend and file.
import * as ExcelJS from "exceljs";
import type { BoardSummary } from "../../../core/aggregate/boardSummary";
import { DIRECTION_LABELS, kpiLabel } from "../../../i18n/findings";
import { SUMMARY_TEXT as T } from "../../../i18n/summary";
import { STYLE, applyPageSetup, setWidths, titleRows } from "./layout";
import { PERCENT, label, type SummaryContext } from "./summaryContext";
import { ListStyles, addListTable, styleRows } from "./listTable";

export function progressSheet(wb: ExcelJS.Workbook, summary: BoardSummary, ctx: SummaryContext): void {
  const ws = wb.addWorksheet(T.sheets.progress);
  const top = titleRows(ws, T.sheetTitle(ctx.fiscalYear, T.sheets.progress), [], 20) + 1;
  const C = T.progressColumns;
  const columns = [
    C.goal, C.subGoal, C.measure, C.kind, C.kpi, C.department,
    C.baseline, C.previous, C.actual, C.target, C.finalTarget,
    C.rate, C.entered, C.computed, C.agrees, C.direction, C.trend, C.file, C.sheet, C.row,
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
      `${label(ctx, file)}${submitted ? "" : T.notSubmitted}`,
      row.sheet,
      row.row,
    ];
  });
  addListTable(ws, "ProgressList", top, columns, rows);
  const first = top + 1;
  const last = top + Math.max(rows.length, 1);
  const styles = new ListStyles(columns.length, [1, 2, 3, 5, 7, 8, 9, 10, 11, 18], { 12: PERCENT });
  styleRows(ws, first, rows, (values, c) =>
    c === 15 && values[14] === T.agrees.differs
      ? styles.variant(c, "differs", { fill: STYLE.warningFill })
      : styles.base(c),
  );
  // Icons at the rule's own thresholds, so the lights say what the statuses say.
  ws.addConditionalFormatting({
    ref: `L${first}:L${last}`,
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
  setWidths(ws, [14, 16, 22, 9, 30, 14, 14, 14, 14, 14, 14, 11, 15, 15, 9, 10, 11, 22, 7, 6]);
  ws.views = [
    { state: "frozen", xSplit: 0, ySplit: top, topLeftCell: `A${top + 1}`, activeCell: `A${top + 1}` },
  ];
  applyPageSetup(ws, `1:${top}`);
}
