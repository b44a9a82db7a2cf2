// The merge report as the pane shows it, in the words of the CLI's report (src/i18n/cycle.ts):
// who sent what, what was written, what needs a decision (file and cell), which files could not
// take part. Part of the on-demand chunk.
import type { MergeWriteResult } from "../../adapters/excel/workbookHost";
import { CONFLICT_LABELS, CYCLE_TEXT } from "../../i18n/cycle";
import { UNNAMED_KPI } from "../../i18n/findings";
import { t } from "../../i18n/taskpane";
import type { ReportConflict, SubmissionsPlan, SubmissionsReport } from "./types";

/** The CLI's lines carry its indentation and "◆" bullets; the pane has its own layout. */
const plain = (line: string): string => line.replace(/^[\s◆■]+/, "").trim();

export function submissionsReport(planned: SubmissionsPlan, written: MergeWriteResult): SubmissionsReport {
  const { plan } = planned;
  const done = new Set(written.written.map((c) => `${c.sheet}!${c.address}`));
  const formula = new Set(written.formulaCells.map((c) => `${c.sheet}!${c.address}`));
  const conflicts: ReportConflict[] = plan.conflicts.map((c) => ({
    kind: c.kind,
    title: plain(CYCLE_TEXT.conflictLine(CONFLICT_LABELS[c.kind], c.kpi || UNNAMED_KPI, c.department)),
    sources: c.sources.map((s) => plain(CYCLE_TEXT.conflictSource(s.file, s.sheet, s.cells.join(",")))),
    master:
      c.sheet && c.cells.length
        ? {
            text: plain(CYCLE_TEXT.conflictMaster(c.sheet, c.cells.join(","))),
            cell: { sheet: c.sheet, address: c.cells[0] },
            label: t.submissions.selectCell(c.sheet, c.cells.join(",")),
          }
        : null,
    hint: CYCLE_TEXT.paneConflictHint[c.kind],
  }));
  return {
    headings: { conflicts: plain(CYCLE_TEXT.conflictsHeading) },
    none: plain(CYCLE_TEXT.noneApplied),
    files: planned.files.map((file) => ({
      file,
      text: plain(
        CYCLE_TEXT.submittedLine(
          file,
          plan.departmentOf[file] ?? null,
          plan.applied.filter((a) => a.file === file).length,
          plan.conflicts.filter((c) => c.files.includes(file)).length,
          planned.sources?.[file] ?? null,
        ),
      ),
    })),
    problems: planned.problems,
    // A row whose every cell held a formula wrote nothing: it is listed under the formula cells only.
    applied: plan.applied
      .map((a) => ({ a, cells: a.cells.filter((c) => !formula.has(`${a.sheet}!${c}`)) }))
      .filter(({ cells }) => cells.length > 0)
      .map(({ a, cells }) => ({
        text: plain(CYCLE_TEXT.appliedLine(a.sheet, cells.join(","), a.kpi, a.department, a.file)),
        cell: { sheet: a.sheet, address: cells[0] },
        label: t.submissions.selectCell(a.sheet, cells.join(",")),
      })),
    conflicts,
    formulaCells: written.formulaCells.map((c) => CYCLE_TEXT.formulaInEntry(c.sheet, c.address)),
    unchanged: plain(
      CYCLE_TEXT.returnedUnchangedHeading(
        plan.unchanged.map((f) => ({ file: f, department: plan.departmentOf[f] ?? null })),
      ),
    ),
    warnings: plan.disagreements.map((d) =>
      plain(CYCLE_TEXT.markerDisagrees(d.file, d.department, d.changed, d.ownChanged)),
    ),
    missing: plain(CYCLE_TEXT.missingHeading(plan.missing)),
    writtenRows: plan.applied.filter((a) => a.cells.some((c) => done.has(`${a.sheet}!${c}`))).length,
    writtenCells: written.written.length,
    undone: false,
  };
}
