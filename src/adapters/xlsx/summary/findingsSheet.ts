// 指摘一覧: one row per finding, with a link that opens the input workbook at the cell.
import * as ExcelJS from "exceljs";
import type { BoardSummary } from "../../../core/aggregate/boardSummary";
import { FINDINGS, SEVERITY_LABELS, kpiLabel, renderFinding } from "../../../i18n/findings";
import { SUMMARY_TEXT as T } from "../../../i18n/summary";
import type { LinkLocations } from "./linkLocations";
import { STYLE, applyPageSetup, setWidths, titleRows } from "./layout";
import { label, type SummaryContext } from "./summaryContext";
import { ListStyles, addListTable, severityFill, styleRows } from "./listTable";

/** The place in a workbook a link opens: `'1-1'!M8`. */
const placeIn = (sheet: string, cell: string) => `'${sheet.replace(/'/g, "''")}'!${cell}`;

export function findingsSheet(
  wb: ExcelJS.Workbook,
  summary: BoardSummary,
  ctx: SummaryContext,
  locations: LinkLocations,
): void {
  const ws = wb.addWorksheet(T.sheets.findings);
  const cells = new Map<string, string>();
  locations.set(`xl/worksheets/sheet${ws.id}.xml`, cells);
  const title = T.sheetTitle(ctx.fiscalYear, T.sheets.findings);
  const top = titleRows(ws, title, [], 9) + 1;
  const C = T.findingColumns;
  const columns = [C.severity, C.code, C.title, C.message, C.department, C.kpi, C.file, C.cell, C.row];
  const rank = { error: 0, warning: 1, info: 2 } as const;
  const sorted = [...summary.findings].sort(
    (a, b) =>
      rank[a.finding.severity] - rank[b.finding.severity] ||
      a.file.localeCompare(b.file, "ja") ||
      (a.finding.sheet ?? "").localeCompare(b.finding.sheet ?? "", "ja") ||
      (a.finding.row ?? 0) - (b.finding.row ?? 0),
  );
  const rows = sorted.map(({ file, finding, department }) => [
    SEVERITY_LABELS[finding.severity],
    finding.code,
    FINDINGS[finding.code].title,
    renderFinding(finding),
    department ?? "",
    finding.kpi === null ? "" : kpiLabel(finding.kpi),
    label(ctx, file),
    finding.sheet !== null && finding.cell !== null ? `${finding.sheet}!${finding.cell}` : T.wholeWorkbook,
    finding.row,
  ]);
  if (rows.length === 0) rows.push(["", "", "", T.noFindings, "", "", "", "", null]);
  addListTable(ws, "FindingList", top, columns, rows);
  sorted.forEach(({ file, finding }, i) => {
    if (finding.sheet === null || finding.cell === null) return;
    const r = top + 1 + i;
    const where = `${finding.sheet}!${finding.cell}`;
    ws.getCell(r, 8).value = {
      text: where,
      hyperlink: ctx.linkTo(file),
      tooltip: T.linkTip(label(ctx, file), where),
    };
    cells.set(`H${r}`, placeIn(finding.sheet, finding.cell));
  });
  const styles = new ListStyles(columns.length, [3, 4, 6, 7], {});
  styleRows(ws, top + 1, rows, (_values, c, i) => {
    const f = sorted[i]?.finding;
    if (f && c === 1 && f.severity !== "info")
      return styles.variant(c, f.severity, { fill: severityFill[f.severity] });
    if (f && c === 8 && f.cell !== null) return styles.variant(c, "link", { font: STYLE.linkFont });
    return styles.base(c);
  });
  setWidths(ws, [8, 20, 22, 60, 14, 26, 22, 14, 6]);
  ws.views = [
    { state: "frozen", xSplit: 0, ySplit: top, topLeftCell: `A${top + 1}`, activeCell: `A${top + 1}` },
  ];
  applyPageSetup(ws, `1:${top}`, { title, date: T.date(ctx.now) });
}
