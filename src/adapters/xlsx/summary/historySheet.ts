// 推移: each KPI's figures over the years, from last year's workbooks (--previous): the baseline, each
// year's actual and target, the final target and the 見通し that uses them.
import * as ExcelJS from "exceljs";
import type { BoardSummary } from "../../../core/aggregate/boardSummary";
import { fiscalYearLabel } from "../../../core/layout/yearForms";
import { kpiLabel } from "../../../i18n/findings";
import { OUTLOOK_LABELS } from "../../../i18n/outlook";
import { SUMMARY_TEXT as T } from "../../../i18n/summary";
import { applyPageSetup, setWidths, titleRows } from "./layout";
import type { SummaryContext } from "./summaryContext";
import { ListStyles, addListTable, styleRows } from "./listTable";

/** Whether any row has a history: the sheet is written only then. */
export const hasHistory = (summary: BoardSummary) => summary.rows.some((r) => r.row.history);

export function historySheet(wb: ExcelJS.Workbook, summary: BoardSummary, ctx: SummaryContext): void {
  const years = [
    ...new Set(summary.rows.flatMap((r) => (r.row.history?.years ?? []).map((y) => y.year))),
  ].sort();
  const ws = wb.addWorksheet(T.sheets.history);
  const title = T.sheetTitle(ctx.fiscalYear, T.sheets.history);
  const C = T.historyColumns;
  const columns = [
    C.kind,
    C.kpi,
    C.department,
    C.baseline,
    ...years.flatMap((y) => [C.actual(fiscalYearLabel(y)), C.target(fiscalYearLabel(y))]),
    C.finalTarget,
    C.outlook,
  ];
  const top = titleRows(ws, title, [T.historyNote], columns.length) + 1;
  const rows = summary.rows.map(({ row }) => {
    const h = row.history;
    const byYear = new Map((h?.years ?? []).map((y) => [y.year, y]));
    const dated = (raw: string, year: number | null) =>
      raw === "" ? "" : year === null || /[(（]/.test(raw) ? raw : `${raw}（${fiscalYearLabel(year)}）`;
    return [
      T.kind[row.kind],
      kpiLabel(row.name),
      row.department ?? "",
      h ? dated(h.baseline.raw, h.baseline.year) : row.values.baseline.raw.trim(),
      ...years.flatMap((y) => [byYear.get(y)?.actual ?? "", byYear.get(y)?.target ?? ""]),
      h ? dated(h.finalTarget.raw, h.finalTarget.year) : row.values.finalTarget.raw.trim(),
      row.outlook?.judgement ? OUTLOOK_LABELS[row.outlook.judgement] : T.outlookBucket.none,
    ];
  });
  addListTable(ws, "History", top, columns, rows);
  const styles = new ListStyles(columns.length, columns.map((_, i) => i + 1).slice(1), {});
  styleRows(ws, top + 1, rows, (_v, c) => styles.base(c));
  setWidths(ws, [9, 28, 12, 16, ...years.flatMap(() => [14, 14]), 16, 10]);
  ws.views = [
    { state: "frozen", xSplit: 2, ySplit: top, topLeftCell: `C${top + 1}`, activeCell: `C${top + 1}` },
  ];
  applyPageSetup(ws, `1:${top}`, { title, date: T.date(ctx.now) });
}
