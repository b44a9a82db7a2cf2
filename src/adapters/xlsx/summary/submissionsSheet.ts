// 提出状況: every 担当課 of the distributed workbook, the file it sent back or none, and whether it is ready.
import * as ExcelJS from "exceljs";
import type { BoardSummary } from "../../../core/aggregate/boardSummary";
import { SUMMARY_TEXT as T } from "../../../i18n/summary";
import { STYLE, applyPageSetup, setWidths, titleRows } from "./layout";
import { label, type SummaryContext } from "./summaryContext";
import { ListStyles, addListTable, stateFill, styleRows } from "./listTable";

export function submissionsSheet(wb: ExcelJS.Workbook, summary: BoardSummary, ctx: SummaryContext): void {
  const submissions = summary.submissions ?? [];
  const ws = wb.addWorksheet(T.sheets.submissions);
  const notes = ctx.master ? [T.submissionsNote(ctx.master)] : [];
  const title = T.sheetTitle(ctx.fiscalYear, T.sheets.submissions);
  const top = titleRows(ws, title, notes, 8) + 1;
  const C = T.submissionColumns;
  const columns = [C.department, C.rows, C.submitted, C.files, C.errors, C.warnings, C.infos, C.state];
  // A copy sent back with nothing entered is 未記入で返送, with its file: never 未提出.
  const stateOf = (s: (typeof submissions)[number]) =>
    s.files.length === 0 ? "missing" : s.returnedUnchanged ? "unchanged" : s.ready ? "ready" : "fix";
  const rows = submissions.map((s) => [
    s.department,
    s.rows,
    s.files.length === 0 ? T.submitted.no : s.returnedUnchanged ? T.submitted.unchanged : T.submitted.yes,
    s.files.length > 0 ? s.files.map((f) => label(ctx, f)).join("\n") : null,
    s.files.length > 0 ? s.errors : null,
    s.files.length > 0 ? s.warnings : null,
    s.files.length > 0 ? s.infos : null,
    T.state[stateOf(s)],
  ]);
  addListTable(ws, "Submissions", top, columns, rows);
  const styles = new ListStyles(columns.length, [4], {});
  styleRows(ws, top + 1, rows, (_values, c, i) => {
    const sub = submissions[i];
    if (c !== 8 || !sub) return styles.base(c);
    const state = stateOf(sub);
    return styles.variant(c, state, { fill: stateFill[state] });
  });
  let r = top + Math.max(rows.length, 1) + 2;
  if (summary.unassignedFiles.length > 0) {
    ws.getCell(r, 1).value = T.unassignedHeading;
    ws.getCell(r, 1).font = STYLE.sectionFont;
    r++;
    for (const f of summary.unassignedFiles) ws.getCell(r++, 1).value = label(ctx, f);
  }
  setWidths(ws, [20, 8, 13, 40, 8, 8, 8, 13]);
  ws.views = [
    { state: "frozen", xSplit: 0, ySplit: top, topLeftCell: `A${top + 1}`, activeCell: `A${top + 1}` },
  ];
  applyPageSetup(ws, `1:${top}`, { title, date: T.date(ctx.now) });
}
