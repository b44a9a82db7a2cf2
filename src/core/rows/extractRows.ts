import { a1 } from "../address";
import type { FieldCell, FieldKey, HeaderBlock, SheetLayout, VerificationRow } from "../model";
import { VALUE_FIELDS } from "../model";
import type { SheetView } from "../sheetView";
import { cleanName, displayText, isBlankText, isDash } from "../text";
import { parseValue } from "../values/parseValue";
import { firstYear } from "../layout/yearForms";
import { departmentName } from "../departments";

/** The name of a data row whose KPI name cell is empty; the edges show it in words. */
export const UNNAMED = "";

/**
 * A field's cell whose A1 address is only spelled out when asked for: most cells are never reported,
 * and every row keeps a dozen of these, so the address is not cached in a slot of its own.
 */
class LazyFieldCell implements FieldCell {
  constructor(
    readonly row: number,
    readonly col: number,
    readonly cell: FieldCell["cell"],
  ) {}
  get address(): string {
    return a1(this.row, this.col);
  }
  toJSON() {
    return { row: this.row, col: this.col, address: this.address, cell: this.cell };
  }
}

/** The field's cell on a row: its first column, merge-resolved to the cell staff would edit. */
function fieldCell(view: SheetView, row: number, cols: readonly number[] | undefined): FieldCell | undefined {
  if (!cols || cols.length === 0) return undefined;
  const m = view.mergeAt(row, cols[0]);
  const r = m ? m.top : row;
  const c = m ? m.left : cols[0];
  return new LazyFieldCell(r, c, view.ownCell(r, c));
}

const NO_COLS: readonly number[] = Object.freeze([]);
/** Fields whose filling makes a nameless row a data row. */
const DATA_FIELDS: readonly FieldKey[] = [...VALUE_FIELDS, "status", "department"];
/** What a field without a column holds. */
const BLANK_CELL: FieldCell["cell"] = Object.freeze({ value: null, text: "", format: "General" });

/** A cell merged across other fields' columns (a title or note row) belongs to no single field. */
function spillsAcross(view: SheetView, row: number, col: number, cols: readonly number[]): boolean {
  const m = view.mergeAt(row, col);
  return m !== null && (m.left < cols[0] || m.right > cols[cols.length - 1]);
}

// The helpers below return a column (-1 for none) rather than a {text, col} pair: they run for
// several fields on every row, and the text is one lookup away when it is wanted.

/** Column of the first non-blank text among a field's columns (the measure may sit in either of its two). */
function fieldTextCol(view: SheetView, row: number, cols: readonly number[] = NO_COLS): number {
  for (const c of cols) {
    if (spillsAcross(view, row, c, cols)) continue;
    if (!isBlankText(view.text(row, c))) return c;
  }
  return -1;
}

/** First non-blank text among a field's columns, or null. */
function fieldText(view: SheetView, row: number, cols: readonly number[] | undefined): string | null {
  const c = fieldTextCol(view, row, cols);
  return c < 0 ? null : view.text(row, c);
}

/** Column of text that sits in this very row (not carried from a merge anchor above). */
function ownRowTextCol(view: SheetView, row: number, cols: readonly number[] = NO_COLS): number {
  for (const c of cols) {
    const m = view.mergeAt(row, c);
    if ((m && m.top !== row) || spillsAcross(view, row, c, cols)) continue;
    if (!isBlankText(view.text(row, c))) return c;
  }
  return -1;
}

function countFilled(view: SheetView, row: number, dataCols: readonly (readonly number[])[]): number {
  let n = 0;
  for (const cols of dataCols) if (fieldTextCol(view, row, cols) >= 0) n++;
  return n;
}

type FieldColumns = Record<FieldKey, readonly number[] | undefined>;

/** A block's columns copied into one literal: every block's map then has one shape, read by name. */
function fieldColumns({ columns: c }: HeaderBlock): FieldColumns {
  return {
    goal: c.goal,
    subGoal: c.subGoal,
    measure: c.measure,
    kpi: c.kpi,
    activity: c.activity,
    baseline: c.baseline,
    previous: c.previous,
    actual: c.actual,
    target: c.target,
    finalTarget: c.finalTarget,
    status: c.status,
    reason: c.reason,
    department: c.department,
    unit: c.unit,
    rate: c.rate,
    trend: c.trend,
    comment: c.comment,
  };
}

/**
 * A row's field cells, in one literal: every row's cells share one shape. A field without a column
 * holds undefined, which JSON and the rules read as absent.
 */
function rowCells(view: SheetView, r: number, c: FieldColumns): VerificationRow["cells"] {
  return {
    goal: fieldCell(view, r, c.goal),
    subGoal: fieldCell(view, r, c.subGoal),
    measure: fieldCell(view, r, c.measure),
    kpi: fieldCell(view, r, c.kpi),
    activity: fieldCell(view, r, c.activity),
    baseline: fieldCell(view, r, c.baseline),
    previous: fieldCell(view, r, c.previous),
    actual: fieldCell(view, r, c.actual),
    target: fieldCell(view, r, c.target),
    finalTarget: fieldCell(view, r, c.finalTarget),
    status: fieldCell(view, r, c.status),
    reason: fieldCell(view, r, c.reason),
    department: fieldCell(view, r, c.department),
  };
}

/** Other cities' columns (単位, 達成率, 改善・悪化, 分析), added only where a block has them. */
function addCityCells(view: SheetView, r: number, c: FieldColumns, cells: VerificationRow["cells"]): void {
  if (c.unit) cells.unit = fieldCell(view, r, c.unit);
  if (c.rate) cells.rate = fieldCell(view, r, c.rate);
  if (c.trend) cells.trend = fieldCell(view, r, c.trend);
  if (c.comment) cells.comment = fieldCell(view, r, c.comment);
}

/** A 単位 column's unit ("件", "(人)") given to a bare figure of the row: "1563" under 件 is 1,563件. */
function withRowUnit(cell: FieldCell["cell"], unitText: string | null): FieldCell["cell"] {
  if (unitText === null) return cell;
  const v = parseValue(cell);
  if (v.kind !== "number" || v.unit !== null) return cell;
  const unit = unitText.replace(/[()（）\s]/g, "");
  if (unit === "" || isDash(unit)) return cell;
  const text = `${v.raw.trim()}${unit}`;
  return { value: text, text, format: "General" };
}

/** The years a block's baseline and final target headers name (基準値 (H26), 目標値 (R9)). */
function datedColumns(block: HeaderBlock): NonNullable<VerificationRow["columnYears"]> {
  const out: NonNullable<VerificationRow["columnYears"]> = {};
  for (const r of block.readings) {
    if (r.year === null) continue;
    if (r.field === "baseline") out.baseline = r.year;
    if (r.field === "finalTarget") out.finalTarget = r.year;
  }
  return out;
}

/** A text row merged across the block (≪成果と見直し≫, 課題) wider than this many columns. */
const MIN_TEXT_ROW_SPAN = 4;

/**
 * A row that is one text merged across the table, right under a KPI row, belongs to that KPI (a
 * block's 成果と見直し): it is kept as the KPI's comment, never read as a KPI of its own.
 */
function attachTextRow(view: SheetView, r: number, block: HeaderBlock, rows: VerificationRow[]): void {
  const last = rows[rows.length - 1];
  // Only straight under the KPI's own row, in the same block.
  if (!last || last.cells.comment || last.row - 1 !== r - 1 || last.row - 1 < block.firstDataRow) return;
  for (const c of view.rowCells(r)) {
    const m = view.mergeAt(r, c.col);
    if (!m || m.top !== r || m.left !== c.col || m.right - m.left + 1 < MIN_TEXT_ROW_SPAN) continue;
    if (isBlankText(view.text(r, c.col))) return;
    last.cells.comment = new LazyFieldCell(r, c.col, view.ownCell(r, c.col));
    return;
  }
}

/** A card's one KPI, its cells where the card reading found them. */
function cardRow(view: SheetView, sheet: string, card: NonNullable<HeaderBlock["card"]>): VerificationRow {
  const cells: VerificationRow["cells"] = {};
  for (const [field, at] of Object.entries(card.cells)) {
    const m = view.mergeAt(at!.row, at!.col);
    const r = m ? m.top : at!.row;
    const c = m ? m.left : at!.col;
    cells[field as FieldKey] = new LazyFieldCell(r, c, view.ownCell(r, c));
  }
  const read = (f: FieldKey) => parseValue(cells[f]?.cell ?? BLANK_CELL);
  const text = (f: FieldKey) => {
    const t = cells[f] ? displayText(cells[f]!.cell).trim() : "";
    return t === "" || isDash(t) ? null : cleanName(t);
  };
  const actualRow = card.measureRows.actual ?? card.yearRow;
  // No 期待値 line: the straight line from the dated 基準値 to the dated 目標値 stands in.
  const columnYears = cells.target
    ? undefined
    : {
        baseline: yearOfLabel(card.cells.baseline?.label),
        finalTarget: yearOfLabel(card.cells.finalTarget?.label),
      };
  return {
    sheet,
    row: actualRow + 1,
    kind: "KPI",
    hidden: view.isRowHidden(actualRow),
    goal: text("goal"),
    subGoal: null,
    measure: text("measure"),
    name: text("kpi") ?? UNNAMED,
    department: cells.department ? departmentName(displayText(cells.department.cell)) : null,
    cells,
    values: {
      baseline: read("baseline"),
      previous: read("previous"),
      actual: read("actual"),
      target: read("target"),
      finalTarget: read("finalTarget"),
    },
    ...(columnYears ? { columnYears } : {}),
  };
}

const yearOfLabel = (label: string | undefined) => (label ? (firstYear(label) ?? undefined) : undefined);

/** Reads the data rows of one sheet, carrying merged 大基本目標 / 小基本目標 / 施策 labels down. */
export function extractRows(view: SheetView, layout: SheetLayout): VerificationRow[] {
  const rows: VerificationRow[] = [];
  let goal: string | null = null;
  let subGoal: string | null = null;
  let measure: string | null = null;
  for (const block of layout.blocks) {
    if (block.card) {
      rows.push(cardRow(view, layout.sheet, block.card));
      continue;
    }
    const cols = fieldColumns(block);
    const columnYears = cols.target ? undefined : datedColumns(block);
    const cityColumns = Boolean(cols.unit || cols.rate || cols.trend || cols.comment);
    const dataCols = DATA_FIELDS.map((f) => cols[f] ?? NO_COLS);
    for (let r = block.firstDataRow; r <= block.lastDataRow; r++) {
      const kpiText = fieldText(view, r, cols.kpi);
      const measureCol = ownRowTextCol(view, r, cols.measure);
      const measureHere = measureCol < 0 ? null : view.text(r, measureCol);
      const kpiIsName = kpiText !== null && !isDash(kpiText);
      let kind: VerificationRow["kind"];
      let name: string;
      if (kpiIsName) {
        kind = "KPI";
        name = cleanName(kpiText);
        if (measureHere !== null) measure = cleanName(measureHere);
      } else if (measureHere !== null && !isDash(measureHere)) {
        const m = view.mergeAt(r, measureCol);
        const spansDown = m !== null && m.bottom > m.top;
        if (spansDown && kpiText === null) {
          // A 施策 label merged down over KPI rows whose first name is missing: still a KPI row.
          kind = "KPI";
          name = UNNAMED;
          measure = cleanName(measureHere);
        } else {
          kind = "数値目標";
          name = cleanName(measureHere);
        }
      } else if (countFilled(view, r, dataCols) >= 2) {
        // Data without any name: still checked, so that nothing staff entered is silently skipped.
        kind = "KPI";
        name = UNNAMED;
      } else {
        attachTextRow(view, r, block, rows);
        continue;
      }
      const goalHere = fieldText(view, r, cols.goal);
      if (goalHere !== null) goal = cleanName(goalHere);
      const subGoalHere = fieldText(view, r, cols.subGoal);
      if (subGoalHere !== null) subGoal = cleanName(subGoalHere);
      if (kind === "数値目標") measure = null;

      const cells = rowCells(view, r, cols);
      if (cityColumns) addCityCells(view, r, cols, cells);
      const unit = cols.unit ? fieldText(view, r, cols.unit) : null;
      // One literal in VALUE_FIELDS order: every row's values share a shape.
      const values: VerificationRow["values"] =
        unit === null
          ? {
              baseline: parseValue(cells.baseline?.cell ?? BLANK_CELL),
              previous: parseValue(cells.previous?.cell ?? BLANK_CELL),
              actual: parseValue(cells.actual?.cell ?? BLANK_CELL),
              target: parseValue(cells.target?.cell ?? BLANK_CELL),
              finalTarget: parseValue(cells.finalTarget?.cell ?? BLANK_CELL),
            }
          : {
              baseline: parseValue(withRowUnit(cells.baseline?.cell ?? BLANK_CELL, unit)),
              previous: parseValue(withRowUnit(cells.previous?.cell ?? BLANK_CELL, unit)),
              actual: parseValue(withRowUnit(cells.actual?.cell ?? BLANK_CELL, unit)),
              target: parseValue(withRowUnit(cells.target?.cell ?? BLANK_CELL, unit)),
              finalTarget: parseValue(withRowUnit(cells.finalTarget?.cell ?? BLANK_CELL, unit)),
            };
      const departmentText = fieldText(view, r, cols.department);
      rows.push({
        sheet: layout.sheet,
        row: r + 1,
        kind,
        hidden: view.isRowHidden(r),
        goal,
        subGoal,
        measure: kind === "KPI" ? measure : null,
        name,
        department: departmentText === null ? null : departmentName(departmentText),
        cells,
        values,
        ...(columnYears ? { columnYears } : {}),
      });
    }
  }
  return rows;
}
