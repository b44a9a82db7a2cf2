// A row's identity across copies of the workbook: what it is (基本目標, 施策, KPI name), never
// where it is. Rows inserted, deleted or re-sorted in a returned copy still find their master row.
import { kpiNameKey } from "../master/kpiMaster";
import type { VerificationRow } from "../model";

const key = (s: string | null): string => (s === null ? "" : kpiNameKey(s));

export interface RowIdentity {
  /** 小基本目標 + 施策 + name: exact. */
  full: string;
  /** 小基本目標 + name: survives a 施策 label lost when rows were moved. */
  group: string;
  /** Name (and kind) alone: used only when the name is unique in the master. */
  name: string;
}

export function rowIdentity(row: VerificationRow): RowIdentity {
  const name = `${row.kind}\u0000${key(row.name)}`;
  const group = `${key(row.subGoal ?? row.goal)}\u0000${name}`;
  return { full: `${group}\u0000${key(row.measure)}`, group, name };
}

/** Finds rows of one workbook by the identity of rows of another, most specific key first. */
export class RowMatcher<T extends VerificationRow> {
  private readonly maps: Array<Map<string, T | null>> = [new Map(), new Map(), new Map()];

  constructor(rows: readonly T[]) {
    for (const row of rows) {
      if (row.name === "") continue;
      const id = rowIdentity(row);
      [id.full, id.group, id.name].forEach((k, i) => {
        const m = this.maps[i];
        // A key held by two rows identifies neither.
        m.set(k, m.has(k) ? null : row);
      });
    }
  }

  match(row: VerificationRow): T | null {
    if (row.name === "") return null;
    const id = rowIdentity(row);
    for (const [i, k] of [id.full, id.group, id.name].entries()) {
      const hit = this.maps[i].get(k);
      if (hit) return hit;
    }
    return null;
  }
}
