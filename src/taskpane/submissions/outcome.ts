// The notice a finished 提出ファイルを取り込む leaves in the pane. Pure.
import { t } from "../../i18n/taskpane";
import type { Notice } from "../notices";
import type { SubmissionsReport } from "./types";

/** Success when everything went in; a warning when something needs a decision or a file failed. */
export function submissionsNotice(report: SubmissionsReport): Notice {
  const title = t.submissions.done(report.writtenCells, report.writtenRows);
  const issues = [
    report.conflicts.length > 0 ? t.submissions.needsDecision(report.conflicts.length) : null,
    report.problems.length > 0 ? t.submissions.fileProblems(report.problems.length) : null,
    report.formulaCells.length > 0 ? t.submissions.formulaSkipped(report.formulaCells.length) : null,
  ].filter((s): s is string => s !== null);
  return issues.length > 0 ? { kind: "warning", title, body: issues.join("") } : { kind: "success", title };
}
