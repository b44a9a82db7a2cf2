// KPIs new to the strategy in the new year, inserted in their 施策's block after the KPI that comes
// before them in the master. A KPI whose block the workbook does not have is logged, not guessed.
import type { FieldKey, VerificationRow } from "../model";
import { inForce, kpiNameKey, type KpiMasterEntry } from "../master/kpiMaster";
import type { PlannedValue } from "./cellValues";
import { blockOf } from "./entryCells";
import type { RolloverOptions, RolloverSheet } from "./rolloverTypes";
import type { RolloverDraft } from "./rolloverDraft";
import { fiscalYearName } from "./yearLabels";

/** The row a new entry goes after: the last KPI of its 施策 that precedes it in the master. */
function anchorFor(
  e: KpiMasterEntry,
  sheets: readonly RolloverSheet[],
  byName: ReadonlyMap<string, KpiMasterEntry>,
  order: ReadonlyMap<string, number>,
): { sheet: RolloverSheet; row: VerificationRow } | null {
  let anchor: { sheet: RolloverSheet; row: VerificationRow; at: number } | null = null;
  for (const s of sheets) {
    for (const r of s.rows) {
      const re = byName.get(kpiNameKey(r.name));
      if (!re || re.kind !== "KPI" || re.subGoal !== e.subGoal || re.measure !== e.measure) continue;
      const at = order.get(re.id)!;
      if (at < order.get(e.id)! && (!anchor || at > anchor.at)) anchor = { sheet: s, row: r, at };
    }
  }
  return anchor;
}

/** Plans a row for each KPI that comes into force in the new year and is not on the sheet yet. */
export function addNewKpis(
  draft: RolloverDraft,
  sheets: readonly RolloverSheet[],
  opts: RolloverOptions,
  byName: ReadonlyMap<string, KpiMasterEntry>,
  onSheet: (nameKey: string) => boolean,
): void {
  const { from, to, master } = opts;
  const order = new Map(master.map((e, i) => [e.id, i]));
  for (const e of master) {
    if (!inForce(e, to) || inForce(e, from) || e.kind !== "KPI") continue;
    if (onSheet(kpiNameKey(e.name))) continue;
    if (master.some((o) => o.replacedBy === e.id)) continue; // a successor whose predecessor is absent
    const anchor = anchorFor(e, sheets, byName, order);
    if (!anchor) {
      draft.note({
        sheet: "",
        row0: null,
        cell: null,
        kpi: e.name,
        code: "kpi-not-added",
        params: { name: e.name, reason: "no-block" },
      });
      continue;
    }
    const { sheet: s, row } = anchor;
    const cols = blockOf(s.layout, row.row - 1)?.columns ?? {};
    const own = (e as KpiMasterEntry & { department?: string }).department;
    const department = own ?? row.department ?? "";
    const values: Array<{ col: number; value: PlannedValue }> = [];
    const put = (f: FieldKey, v: string) => {
      const col = cols[f]?.[0];
      if (col !== undefined && v !== "") values.push({ col, value: { kind: "text", value: v } });
    };
    put("kpi", e.name);
    put("baseline", e.baseline);
    put("finalTarget", e.finalTarget);
    put("department", department);
    draft.insertions.push({ sheet: s.layout.sheet, after: row.row - 1, cells: values });
    draft.note({
      sheet: s.layout.sheet,
      row0: row.row - 1,
      cell: null,
      kpi: e.name,
      code: "kpi-added",
      params: {
        name: e.name,
        department,
        departmentInherited: !own,
        reason: fiscalYearName(e.inForceFrom),
      },
    });
  }
}
