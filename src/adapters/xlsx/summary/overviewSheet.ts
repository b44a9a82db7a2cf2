// 集計: status counts per 基本目標 and 小基本目標 (as entered and as computed), the 達成率 bands that
// follow the thresholds, and findings per 担当課.
import * as ExcelJS from "exceljs";
import type { BoardSummary, GroupCounts, StatusBucket } from "../../../core/aggregate/boardSummary";
import { OUTLOOK_BUCKETS } from "../../../core/aggregate/boardSummary";
import type { BarChartSpec } from "./chartPart";
import { FILE_ERRORS } from "../../../i18n/findings";
import { SUMMARY_TEXT as T } from "../../../i18n/summary";
import { STYLE, applyPageSetup, borderAll, headerCells, setWidths, titleRows } from "./layout";
import { PERCENT, label, share, type SummaryContext } from "./summaryContext";

function groupLabel(g: GroupCounts): [string, string | null] {
  if (g.level === "total") return [T.total, null];
  if (g.level === "goal") return [T.goalLevel, g.goal ?? T.noGoal];
  return [T.subGoalLevel, g.subGoal ?? T.noSubGoal];
}

/** One block of status counts (entered or computed): header rows, then a row per group. */
function statusBlock(
  ws: ExcelJS.Worksheet,
  top: number,
  heading: string,
  groups: readonly GroupCounts[],
  pick: (g: GroupCounts) => Record<StatusBucket, number>,
  buckets: readonly StatusBucket[],
): number {
  ws.getCell(top, 1).value = heading;
  ws.getCell(top, 1).font = STYLE.sectionFont;
  const head1 = [T.level, T.name, T.rows, ...buckets.flatMap((b) => [T.statusBucket[b] ?? b, ""])];
  const head2 = ["", "", "", ...buckets.flatMap(() => [T.count, T.share])];
  headerCells(ws, top + 1, head1);
  headerCells(ws, top + 2, head2);
  for (let i = 0; i < buckets.length; i++) ws.mergeCells(top + 1, 4 + 2 * i, top + 1, 5 + 2 * i);
  for (const c of [1, 2, 3]) ws.mergeCells(top + 1, c, top + 2, c);
  let r = top + 3;
  for (const g of groups) {
    const counts = pick(g);
    const values: Array<string | number | null> = [...groupLabel(g), g.counts.rows];
    for (const b of buckets) values.push(counts[b], share(counts[b], g.counts.rows));
    writeGroupRow(ws, r, g, values);
    r++;
  }
  return r;
}

function writeGroupRow(
  ws: ExcelJS.Worksheet,
  r: number,
  g: GroupCounts,
  values: Array<string | number | null>,
) {
  const row = ws.getRow(r);
  values.forEach((v, i) => {
    const cell = row.getCell(i + 1);
    cell.value = v;
    borderAll(cell);
    if (i >= 3 && i % 2 === 0) cell.numFmt = PERCENT;
    if (i >= 2 && i % 2 === 1) cell.numFmt = "#,##0";
  });
  row.getCell(3).numFmt = "#,##0";
  if (g.level !== "subGoal") row.font = STYLE.boldFont;
  if (g.level === "subGoal") row.getCell(2).alignment = { indent: 1, wrapText: true, vertical: "middle" };
  if (g.level === "total") for (let i = 1; i <= values.length; i++) row.getCell(i).fill = STYLE.totalFill;
}

function bandBlock(ws: ExcelJS.Worksheet, top: number, summary: BoardSummary): number {
  ws.getCell(top, 1).value = T.bandsHeading;
  ws.getCell(top, 1).font = STYLE.sectionFont;
  const labels = [...summary.bands.map((b) => T.band(b)), T.noRate];
  headerCells(ws, top + 1, [T.level, T.name, T.rows, ...labels.flatMap((l) => [l, ""])]);
  headerCells(ws, top + 2, ["", "", "", ...labels.flatMap(() => [T.count, T.share])]);
  for (let i = 0; i < labels.length; i++) ws.mergeCells(top + 1, 4 + 2 * i, top + 1, 5 + 2 * i);
  for (const c of [1, 2, 3]) ws.mergeCells(top + 1, c, top + 2, c);
  let r = top + 3;
  const first = r;
  for (const g of summary.groups) {
    const counts = [...g.counts.bands, g.counts.noRate];
    const values: Array<string | number | null> = [...groupLabel(g), g.counts.rows];
    for (const n of counts) values.push(n, share(n, g.counts.rows));
    writeGroupRow(ws, r, g, values);
    r++;
  }
  // Data bars on the shares show the distribution at a glance, on paper too.
  for (let i = 0; i < labels.length; i++) {
    const col = ws.getColumn(5 + 2 * i).letter;
    ws.addConditionalFormatting({
      ref: `${col}${first}:${col}${r - 1}`,
      rules: [
        {
          type: "dataBar",
          priority: 1,
          gradient: false,
          cfvo: [
            { type: "num", value: 0 },
            { type: "num", value: 1 },
          ],
          color: { argb: STYLE.barColor },
        } as unknown as ExcelJS.ConditionalFormattingRule,
      ],
    });
  }
  return r;
}

/** 見通し per group: 達成見込み, 要注意, 達成困難 and 判定なし, each with its share. */
function outlookBlock(ws: ExcelJS.Worksheet, top: number, summary: BoardSummary): number {
  ws.getCell(top, 1).value = T.outlookHeading;
  ws.getCell(top, 1).font = STYLE.sectionFont;
  const note = ws.getCell(top + 1, 1);
  note.value = T.outlookNote;
  note.font = STYLE.noteFont;
  note.alignment = { wrapText: true, vertical: "top" };
  ws.mergeCells(top + 1, 1, top + 1, 3 + 2 * OUTLOOK_BUCKETS.length);
  ws.getRow(top + 1).height = 26;
  const head = top + 2;
  headerCells(ws, head, [
    T.level,
    T.name,
    T.rows,
    ...OUTLOOK_BUCKETS.flatMap((b) => [T.outlookBucket[b], ""]),
  ]);
  headerCells(ws, head + 1, ["", "", "", ...OUTLOOK_BUCKETS.flatMap(() => [T.count, T.share])]);
  for (let i = 0; i < OUTLOOK_BUCKETS.length; i++) ws.mergeCells(head, 4 + 2 * i, head, 5 + 2 * i);
  for (const c of [1, 2, 3]) ws.mergeCells(head, c, head + 1, c);
  let r = head + 2;
  for (const g of summary.groups) {
    const values: Array<string | number | null> = [...groupLabel(g), g.counts.rows];
    for (const b of OUTLOOK_BUCKETS)
      values.push(g.counts.outlook[b], share(g.counts.outlook[b], g.counts.rows));
    writeGroupRow(ws, r, g, values);
    r++;
  }
  return r;
}

/**
 * The entered status counts per 基本目標 in one plain block, the data of the native chart below it
 * (a chart series needs one contiguous range; the blocks above interleave 小基本目標 rows).
 */
function chartBlock(
  ws: ExcelJS.Worksheet,
  top: number,
  summary: BoardSummary,
): { next: number; chart: BarChartSpec } {
  ws.getCell(top, 1).value = T.chartHeading;
  ws.getCell(top, 1).font = STYLE.sectionFont;
  const buckets = summary.buckets;
  headerCells(ws, top + 1, [T.level, T.name, ...buckets.map((b) => T.statusBucket[b] ?? b)]);
  const goals = summary.groups.filter((g) => g.level === "goal");
  let r = top + 2;
  for (const g of goals) {
    const row = ws.getRow(r);
    row.values = [T.goalLevel, g.goal ?? T.noGoal, ...buckets.map((b) => g.counts.entered[b] ?? 0)];
    for (let c = 1; c <= 2 + buckets.length; c++) borderAll(row.getCell(c));
    r++;
  }
  const first = top + 2;
  const lastRow = Math.max(first, r - 1);
  const col = (c: number) => ws.getColumn(c).letter;
  const chart: BarChartSpec = {
    title: T.chartTitle,
    categories: {
      ref: { column: col(2), first, last: lastRow },
      values: goals.map((g) => g.goal ?? T.noGoal),
    },
    // One series per level of the scale the rows were judged on (伊勢崎's three, or a city's), then 未判定.
    series: buckets.map((b, i) => ({
      name: { column: col(3 + i), row: top + 1, text: T.statusBucket[b] ?? b },
      values: { column: col(3 + i), first, last: lastRow },
      numbers: goals.map((g) => g.counts.entered[b] ?? 0),
    })),
    // Blue, green, orange (then gold, purple), the last grey for 未判定: distinct from the data bars
    // above (a test finds the chart by them).
    colors: [...["2E75B6", "70AD47", "ED7D31", "BF9000", "7030A0"].slice(0, buckets.length - 1), "A5A5A5"],
    anchor: { fromCol: 0, fromRow: r, toCol: 11, toRow: r + 18 },
  };
  return { next: r + 19, chart };
}

function departmentBlock(ws: ExcelJS.Worksheet, top: number, summary: BoardSummary): number {
  ws.getCell(top, 1).value = T.departmentsHeading;
  ws.getCell(top, 1).font = STYLE.sectionFont;
  headerCells(ws, top + 1, [T.department, "", T.rows, T.errors, T.warnings, T.infos]);
  ws.mergeCells(top + 1, 1, top + 1, 2);
  let r = top + 2;
  for (const d of summary.departments) {
    const row = ws.getRow(r);
    row.values = [d.department ?? T.noDepartment, null, d.rows, d.errors, d.warnings, d.infos];
    ws.mergeCells(r, 1, r, 2);
    for (let c = 1; c <= 6; c++) borderAll(row.getCell(c));
    if (d.errors > 0) row.getCell(4).fill = STYLE.errorFill;
    if (d.warnings > 0) row.getCell(5).fill = STYLE.warningFill;
    r++;
  }
  return r;
}

/** Lays out 集計 and returns the chart its status counts per 基本目標 get (drawn by chartPart). */
export function overviewSheet(
  wb: ExcelJS.Workbook,
  summary: BoardSummary,
  ctx: SummaryContext,
): { sheetId: number; chart: BarChartSpec } {
  const ws = wb.addWorksheet(T.sheets.overview);
  const files = new Set(summary.rows.map((r) => r.file)).size;
  const goals = summary.rows.filter((r) => r.row.kind === "数値目標").length;
  const notes = [
    T.basis(summary.rule.onTrack, summary.rule.nearlyOnTrack),
    T.scope(files, summary.rows.length, goals),
    ...(ctx.master ? [T.withMaster(ctx.master)] : []),
    T.made(T.date(ctx.now), ctx.version),
  ];
  let r =
    titleRows(
      ws,
      T.title(ctx.fiscalYear),
      notes,
      3 + 2 * Math.max(summary.buckets.length, summary.bands.length + 1),
    ) + 1;
  r = statusBlock(ws, r, T.enteredHeading, summary.groups, (g) => g.counts.entered, summary.buckets) + 1;
  r = statusBlock(ws, r, T.computedHeading, summary.groups, (g) => g.counts.computed, summary.buckets) + 1;
  r = bandBlock(ws, r, summary) + 1;
  r = outlookBlock(ws, r, summary) + 1;
  r = departmentBlock(ws, r, summary) + 1;
  if (summary.failedFiles.length > 0) {
    ws.getCell(r, 1).value = T.failedHeading;
    ws.getCell(r, 1).font = STYLE.sectionFont;
    headerCells(ws, r + 1, [T.file, "", T.reason]);
    r += 2;
    for (const f of summary.failedFiles) {
      ws.getRow(r).values = [label(ctx, f.file), null, FILE_ERRORS[f.code].title];
      r++;
    }
  }
  const { chart } = chartBlock(ws, r + 1, summary);
  setWidths(ws, [12, 34, 8, 9, 8, 9, 8, 9, 8, 9, 8, 9, 8]);
  const title = T.title(ctx.fiscalYear);
  applyPageSetup(ws, null, { title, date: T.date(ctx.now) });
  return { sheetId: ws.id, chart };
}
