// The 創生会議 summary workbook (`kensho --summary OUT.xlsx`): a NEW workbook laid out from the
// core's BoardSummary with ExcelJS. It never touches a user's workbook (those are written surgically).
// Sheets: 集計, 進捗一覧, 指摘一覧 and, with the distributed workbook, 提出状況. Each prints on A4
// landscape, fitted to the page width, with its header rows repeated on every page.
import * as ExcelJS from "exceljs";
import type { BoardSummary, GroupCounts, StatusBucket } from "../../../core/aggregate/boardSummary";
import { STATUS_BUCKETS } from "../../../core/aggregate/boardSummary";
import { DIRECTION_LABELS, FINDINGS, SEVERITY_LABELS, kpiLabel, renderFinding } from "../../../i18n/findings";
import { FILE_ERRORS } from "../../../i18n/findings";
import { SUMMARY_TEXT as T } from "../../../i18n/summary";
import { addLinkLocations, type LinkLocations } from "./linkLocations";
import { STYLE, applyPageSetup, borderAll, headerCells, setWidths, titleRows } from "./layout";

export interface SummaryContext {
  /** The fiscal year to print in titles ("令和5年度"), or null. */
  fiscalYear: string | null;
  /** The link to an input workbook, relative to the summary's folder (a URI reference, no fragment). */
  linkTo: (file: string) => string;
  /** How a file is named in the summary (the path as given). */
  fileLabel?: (file: string) => string;
  /** The distributed workbook's name, when 提出状況 is asked for. */
  master: string | null;
  version: string;
  now: Date;
}

const PERCENT = "0.0%";

function share(n: number, of: number): number | null {
  return of === 0 ? null : n / of;
}

// ---------------------------------------------------------------------------------------------
// 集計

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
): number {
  ws.getCell(top, 1).value = heading;
  ws.getCell(top, 1).font = STYLE.sectionFont;
  const head1 = [T.level, T.name, T.rows, ...STATUS_BUCKETS.flatMap((b) => [T.statusBucket[b], ""])];
  const head2 = ["", "", "", ...STATUS_BUCKETS.flatMap(() => [T.count, T.share])];
  headerCells(ws, top + 1, head1);
  headerCells(ws, top + 2, head2);
  for (let i = 0; i < STATUS_BUCKETS.length; i++) ws.mergeCells(top + 1, 4 + 2 * i, top + 1, 5 + 2 * i);
  for (const c of [1, 2, 3]) ws.mergeCells(top + 1, c, top + 2, c);
  let r = top + 3;
  for (const g of groups) {
    const counts = pick(g);
    const values: Array<string | number | null> = [...groupLabel(g), g.counts.rows];
    for (const b of STATUS_BUCKETS) values.push(counts[b], share(counts[b], g.counts.rows));
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

function overviewSheet(wb: ExcelJS.Workbook, summary: BoardSummary, ctx: SummaryContext): void {
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
      3 + 2 * Math.max(STATUS_BUCKETS.length, summary.bands.length + 1),
    ) + 1;
  r = statusBlock(ws, r, T.enteredHeading, summary.groups, (g) => g.counts.entered) + 1;
  r = statusBlock(ws, r, T.computedHeading, summary.groups, (g) => g.counts.computed) + 1;
  r = bandBlock(ws, r, summary) + 1;
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
  setWidths(ws, [12, 34, 8, 9, 8, 9, 8, 9, 8, 9, 8, 9, 8]);
  applyPageSetup(ws, null);
}

const label = (ctx: SummaryContext, file: string) => (ctx.fileLabel ? ctx.fileLabel(file) : file);

// ---------------------------------------------------------------------------------------------
// 進捗一覧

function progressSheet(wb: ExcelJS.Workbook, summary: BoardSummary, ctx: SummaryContext): void {
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

// ---------------------------------------------------------------------------------------------
// 指摘一覧

/** The place in a workbook a link opens: `'1-1'!M8`. */
const placeIn = (sheet: string, cell: string) => `'${sheet.replace(/'/g, "''")}'!${cell}`;

function findingsSheet(
  wb: ExcelJS.Workbook,
  summary: BoardSummary,
  ctx: SummaryContext,
  locations: LinkLocations,
): void {
  const ws = wb.addWorksheet(T.sheets.findings);
  const cells = new Map<string, string>();
  locations.set(`xl/worksheets/sheet${ws.id}.xml`, cells);
  const top = titleRows(ws, T.sheetTitle(ctx.fiscalYear, T.sheets.findings), [], 9) + 1;
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
  applyPageSetup(ws, `1:${top}`);
}

// ---------------------------------------------------------------------------------------------
// 提出状況

function submissionsSheet(wb: ExcelJS.Workbook, summary: BoardSummary, ctx: SummaryContext): void {
  const submissions = summary.submissions ?? [];
  const ws = wb.addWorksheet(T.sheets.submissions);
  const notes = ctx.master ? [T.submissionsNote(ctx.master)] : [];
  const top = titleRows(ws, T.sheetTitle(ctx.fiscalYear, T.sheets.submissions), notes, 8) + 1;
  const C = T.submissionColumns;
  const columns = [C.department, C.rows, C.submitted, C.files, C.errors, C.warnings, C.infos, C.state];
  const rows = submissions.map((s) => [
    s.department,
    s.rows,
    s.files.length > 0 ? T.submitted.yes : T.submitted.no,
    s.files.length > 0 ? s.files.map((f) => label(ctx, f)).join("\n") : null,
    s.files.length > 0 ? s.errors : null,
    s.files.length > 0 ? s.warnings : null,
    s.files.length > 0 ? s.infos : null,
    s.ready ? T.state.ready : s.files.length > 0 ? T.state.fix : T.state.missing,
  ]);
  addListTable(ws, "Submissions", top, columns, rows);
  const styles = new ListStyles(columns.length, [4], {});
  styleRows(ws, top + 1, rows, (_values, c, i) => {
    const sub = submissions[i];
    if (c !== 8 || !sub) return styles.base(c);
    const state = sub.ready ? "ready" : sub.files.length > 0 ? "fix" : "missing";
    return styles.variant(c, state, { fill: stateFill[state] });
  });
  let r = top + Math.max(rows.length, 1) + 2;
  if (summary.unassignedFiles.length > 0) {
    ws.getCell(r, 1).value = T.unassignedHeading;
    ws.getCell(r, 1).font = STYLE.sectionFont;
    r++;
    for (const f of summary.unassignedFiles) ws.getCell(r++, 1).value = label(ctx, f);
  }
  setWidths(ws, [20, 8, 9, 40, 8, 8, 8, 10]);
  ws.views = [
    { state: "frozen", xSplit: 0, ySplit: top, topLeftCell: `A${top + 1}`, activeCell: `A${top + 1}` },
  ];
  applyPageSetup(ws, `1:${top}`);
}

// ---------------------------------------------------------------------------------------------

/** An Excel table with filter buttons on every column. */
function addListTable(
  ws: ExcelJS.Worksheet,
  name: string,
  top: number,
  columns: string[],
  rows: Array<Array<string | number | null>>,
): void {
  ws.addTable({
    name,
    ref: `A${top}`,
    headerRow: true,
    style: { theme: "TableStyleMedium2", showRowStripes: true },
    columns: columns.map((c) => ({ name: c, filterButton: true })),
    // A table needs a data row; an empty list gets one blank row.
    rows: rows.length > 0 ? rows : [columns.map(() => null)],
  });
  const header = ws.getRow(top);
  header.alignment = { wrapText: true, vertical: "middle", horizontal: "center" };
  header.height = 30;
}

const severityFill = { error: STYLE.errorFill, warning: STYLE.warningFill } as const;
const stateFill = { ready: STYLE.okFill, fix: STYLE.errorFill, missing: STYLE.missingFill } as const;

/**
 * The styles of a list's data cells, one object per column and variant. Cells share these objects:
 * ExcelJS recognises a style object it has seen and skips serialising it again, which is what keeps
 * a summary of thousands of rows fast. The objects are never changed once made.
 */
class ListStyles {
  private readonly columns: Partial<ExcelJS.Style>[] = [];
  private readonly variants = new Map<string, Partial<ExcelJS.Style>>();

  constructor(count: number, wrap: number[], numFmts: Record<number, string>) {
    for (let c = 1; c <= count; c++) {
      const style: Partial<ExcelJS.Style> = { alignment: { vertical: "top", wrapText: wrap.includes(c) } };
      if (numFmts[c]) style.numFmt = numFmts[c];
      this.columns[c] = style;
    }
  }

  base(c: number): Partial<ExcelJS.Style> {
    return this.columns[c];
  }

  variant(c: number, name: string, extra: Partial<ExcelJS.Style>): Partial<ExcelJS.Style> {
    const key = `${c}\u0000${name}`;
    let style = this.variants.get(key);
    if (!style) this.variants.set(key, (style = { ...this.columns[c], ...extra }));
    return style;
  }
}

/** Gives every data cell of a list its (shared) style. */
function styleRows(
  ws: ExcelJS.Worksheet,
  first: number,
  rows: ReadonlyArray<ReadonlyArray<unknown>>,
  styleOf: (values: ReadonlyArray<unknown>, column: number, index: number) => Partial<ExcelJS.Style>,
): void {
  rows.forEach((values, i) => {
    const row = ws.getRow(first + i);
    for (let c = 1; c <= values.length; c++) row.getCell(c).style = styleOf(values, c, i);
  });
}

/** The summary workbook as bytes. */
export async function writeSummaryWorkbook(summary: BoardSummary, ctx: SummaryContext): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = `kensho ${ctx.version}`;
  wb.created = ctx.now;
  wb.modified = ctx.now;
  overviewSheet(wb, summary, ctx);
  progressSheet(wb, summary, ctx);
  const locations: LinkLocations = new Map();
  findingsSheet(wb, summary, ctx, locations);
  if (summary.submissions !== null) submissionsSheet(wb, summary, ctx);
  // ExcelJS stores its parts uncompressed; the link pass compresses them all once.
  const stored = await wb.xlsx.writeBuffer({ zip: { compression: "STORE" } });
  return Buffer.from(addLinkLocations(new Uint8Array(stored as ArrayBuffer), locations));
}
