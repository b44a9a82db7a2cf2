// What a refused workbook is told: the headings kensho found on each sheet with the meaning it gave
// them, and the fields still missing for a verification sheet, so that a planner can see at once
// whether to rename a heading or write a profile (`kensho profile init`).
import { a1 } from "../address";
import type { FoundHeading, LayoutProfile, SheetGrid } from "../model";
import { SheetView } from "../sheetView";
import { applyProfile } from "../profile/applyProfile";
import { composeHeader } from "./composeHeader";
import { headerRowsAt, isHeaderCandidate } from "./headerRows";

/** The fields a sheet must have a heading for, as a refusal names them. */
const NEEDED: ReadonlyArray<[string, string[]]> = [
  ["kpi", ["kpi", "kpiOrTarget"]],
  ["actual", ["actualOrPrevious", "baselineOrActual", "targetOrActual"]],
  ["target", ["target", "finalTarget", "status", "kpiOrTarget", "targetOrActual"]],
];
/** At most this many headings are listed per sheet. */
const MAX_HEADINGS = 30;

export function headingsFound(
  grids: readonly SheetGrid[],
  profile: LayoutProfile | null = null,
): { headings: FoundHeading[]; missing: string[] } {
  let best: { headings: FoundHeading[]; meanings: Set<string> } | null = null;
  for (const grid of grids) {
    const view = new SheetView(grid);
    for (let r = view.firstRow; r <= view.lastRow; r++) {
      // Looser than the reader: a refused sheet may name only a couple of fields kensho knows.
      if (!isHeaderCandidate(view, r, 2)) continue;
      const rows = headerRowsAt(view, r, view.firstRow);
      const segments = composeHeader(view, rows);
      applyProfile(segments, profile);
      const meanings = new Set<string>();
      const headings: FoundHeading[] = [];
      for (const s of segments) {
        if (s.header === "") continue;
        const p = s.parts[s.parts.length - 1];
        if (s.meaning) meanings.add(s.meaning);
        headings.push({ sheet: grid.name, cell: a1(p.row, p.col), text: s.header, meaning: s.meaning });
      }
      if (!best || meanings.size > best.meanings.size)
        best = { headings: headings.slice(0, MAX_HEADINGS), meanings };
      r = rows[rows.length - 1];
    }
  }
  if (!best) return { headings: [], missing: NEEDED.map(([f]) => f) };
  const found = best.meanings;
  const missing = NEEDED.filter(([, ms]) => !ms.some((m) => found.has(m))).map(([f]) => f);
  return { headings: best.headings, missing };
}
