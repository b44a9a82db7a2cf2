// Findings about how a workbook was read, rather than about its rows: sources that disagree on the
// fiscal year, and columns whose field was taken from their position.
import type { Finding, SheetLayout, YearSourceParam } from "../model";
import { FINDING_SEVERITY } from "../model";
import { columnName } from "./assignColumns";
import { fiscalYearLabel } from "./yearForms";

/** An info for each column read by its position because its header says nothing (once per sheet). */
function positionFindings(layouts: SheetLayout[]): Finding[] {
  const out: Finding[] = [];
  for (const layout of layouts) {
    const seen = new Set<string>();
    for (const block of layout.blocks) {
      for (const r of block.readings) {
        if (r.basis !== "position" || r.field === null) continue;
        const column = columnName(r.cols);
        if (seen.has(`${r.field}:${column}`)) continue;
        seen.add(`${r.field}:${column}`);
        out.push({
          code: "column-by-position",
          severity: FINDING_SEVERITY["column-by-position"],
          sheet: layout.sheet,
          cell: null,
          row: null,
          kpi: null,
          params: { field: r.field, column, header: r.header },
        });
      }
    }
  }
  return out;
}

/**
 * A warning for each fiscal year the sheets were read for, when the sources on those sheets do not
 * all name it (or when sheets were read for different years): it names each source and the year used.
 */
function yearFindings(layouts: SheetLayout[]): Finding[] {
  const byYear = new Map<string | null, SheetLayout[]>();
  for (const l of layouts) byYear.set(l.fiscalYear, [...(byYear.get(l.fiscalYear) ?? []), l]);
  // Sheets no source names a year for are no disagreement; sheets read for different years are one.
  const readFor = [...byYear.keys()].filter((y) => y !== null).length;
  const out: Finding[] = [];
  for (const [fiscalYear, group] of byYear) {
    const sources = new Map<string, YearSourceParam>();
    for (const l of group) {
      for (const c of l.yearClaims) {
        const key = `${c.source}:${c.year}`;
        const known = sources.get(key);
        if (known) known.sheets.push(l.sheet);
        else
          sources.set(key, {
            source: c.source,
            fiscalYear: fiscalYearLabel(c.year),
            text: c.text,
            sheets: [l.sheet],
          });
      }
    }
    const named = new Set([...sources.values()].map((s) => s.fiscalYear));
    if (fiscalYear === null || (named.size <= 1 && readFor === 1)) continue;
    out.push({
      code: "fiscal-year-disagreement",
      severity: FINDING_SEVERITY["fiscal-year-disagreement"],
      sheet: null,
      cell: null,
      row: null,
      kpi: null,
      params: { fiscalYear, yearSources: [...sources.values()] },
    });
  }
  return out;
}

export function layoutFindings(layouts: SheetLayout[]): Finding[] {
  return [...yearFindings(layouts), ...positionFindings(layouts)];
}
