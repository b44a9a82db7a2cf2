import { a1 } from "../address";
import type { FieldCell, FieldKey, HeaderBlock, SheetLayout, ValueField, VerificationRow } from "../model";
import { VALUE_FIELDS } from "../model";
import type { SheetView } from "../sheetView";
import { cleanName, isBlankText, isDash } from "../text";
import { parseValue } from "../values/parseValue";

/** The name of a data row whose KPI name cell is empty; the edges show it in words. */
export const UNNAMED = "";

const ALL_FIELDS: FieldKey[] = [
  "goal",
  "subGoal",
  "measure",
  "kpi",
  "activity",
  ...VALUE_FIELDS,
  "status",
  "reason",
  "department",
];

/** A field's cell whose A1 address is only spelled out when asked for: most cells are never reported. */
class LazyFieldCell implements FieldCell {
  private a1: string | null = null;
  constructor(
    readonly row: number,
    readonly col: number,
    readonly cell: FieldCell["cell"],
  ) {}
  get address(): string {
    return (this.a1 ??= a1(this.row, this.col));
  }
  toJSON() {
    return { row: this.row, col: this.col, address: this.address, cell: this.cell };
  }
}

/** The field's cell on a row: its first column, merge-resolved to the cell staff would edit. */
function fieldCell(view: SheetView, row: number, cols: number[] | undefined): FieldCell | undefined {
  if (!cols || cols.length === 0) return undefined;
  const m = view.mergeAt(row, cols[0]);
  const r = m ? m.top : row;
  const c = m ? m.left : cols[0];
  return new LazyFieldCell(r, c, view.ownCell(r, c));
}

/** A cell merged across other fields' columns (a title or note row) belongs to no single field. */
function spillsAcross(view: SheetView, row: number, col: number, cols: number[]): boolean {
  const m = view.mergeAt(row, col);
  return m !== null && (m.left < cols[0] || m.right > cols[cols.length - 1]);
}

/** First non-blank text among a field's columns (the measure may sit in either of its two). */
function fieldText(
  view: SheetView,
  row: number,
  cols: number[] | undefined,
): { text: string; col: number } | null {
  for (const c of cols ?? []) {
    if (spillsAcross(view, row, c, cols ?? [])) continue;
    const t = view.text(row, c);
    if (!isBlankText(t)) return { text: t, col: c };
  }
  return null;
}

/** Text that sits in this very row (not carried from a merge anchor above). */
function ownRowText(
  view: SheetView,
  row: number,
  cols: number[] | undefined,
): { text: string; col: number } | null {
  for (const c of cols ?? []) {
    const m = view.mergeAt(row, c);
    if ((m && m.top !== row) || spillsAcross(view, row, c, cols ?? [])) continue;
    const t = view.text(row, c);
    if (!isBlankText(t)) return { text: t, col: c };
  }
  return null;
}

function countFilled(view: SheetView, row: number, block: HeaderBlock, fields: FieldKey[]): number {
  return fields.filter((f) => fieldText(view, row, block.columns[f]) !== null).length;
}

/** Reads the data rows of one sheet, carrying merged 大基本目標 / 小基本目標 / 施策 labels down. */
export function extractRows(view: SheetView, layout: SheetLayout): VerificationRow[] {
  const rows: VerificationRow[] = [];
  let goal: string | null = null;
  let subGoal: string | null = null;
  let measure: string | null = null;
  for (const block of layout.blocks) {
    const cols = block.columns;
    for (let r = block.firstDataRow; r <= block.lastDataRow; r++) {
      const kpiText = fieldText(view, r, cols.kpi);
      const measureHere = ownRowText(view, r, cols.measure);
      const kpiIsName = kpiText !== null && !isDash(kpiText.text);
      let kind: VerificationRow["kind"];
      let name: string;
      if (kpiIsName) {
        kind = "KPI";
        name = cleanName(kpiText.text);
        if (measureHere) measure = cleanName(measureHere.text);
      } else if (measureHere && !isDash(measureHere.text)) {
        const m = view.mergeAt(r, measureHere.col);
        const spansDown = m !== null && m.bottom > m.top;
        if (spansDown && kpiText === null) {
          // A 施策 label merged down over KPI rows whose first name is missing: still a KPI row.
          kind = "KPI";
          name = UNNAMED;
          measure = cleanName(measureHere.text);
        } else {
          kind = "数値目標";
          name = cleanName(measureHere.text);
        }
      } else if (countFilled(view, r, block, [...VALUE_FIELDS, "status", "department"]) >= 2) {
        // Data without any name: still checked, so that nothing staff entered is silently skipped.
        kind = "KPI";
        name = UNNAMED;
      } else {
        continue;
      }
      const goalHere = fieldText(view, r, cols.goal);
      if (goalHere) goal = cleanName(goalHere.text);
      const subGoalHere = fieldText(view, r, cols.subGoal);
      if (subGoalHere) subGoal = cleanName(subGoalHere.text);
      if (kind === "数値目標") measure = null;

      const cells: VerificationRow["cells"] = {};
      for (const f of ALL_FIELDS) {
        const fc = fieldCell(view, r, cols[f]);
        if (fc) cells[f] = fc;
      }
      const values = {} as Record<ValueField, ReturnType<typeof parseValue>>;
      for (const f of VALUE_FIELDS) {
        values[f] = parseValue(cells[f]?.cell ?? { value: null, text: "", format: "General" });
      }
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
        department: departmentText && !isDash(departmentText.text) ? cleanName(departmentText.text) : null,
        cells,
        values,
      });
    }
  }
  return rows;
}
