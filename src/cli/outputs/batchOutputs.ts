// The batch outputs of a check (domain.md, "Planning's batch outputs"): --annotate DIR and
// --summary OUT.xlsx [--master MASTER]. Written after the report; each failure is said in words and
// makes the exit 2, and never stops the other outputs.
import * as path from "path";
import type { WorkbookCheckOptions } from "../../core/check";
import type { ProgressRule } from "../../core/model";
import { CLI_TEXT } from "../../i18n/cli";
import type { CliIo } from "../cliIo";
import { checkFile, type FileResult } from "../checkFile";
import { annotateFiles } from "./annotateOutput";
import { writeSummaryFile } from "./summaryOutput";
import type { DepartmentSubmission } from "../../core/aggregate/submissions";

/** 提出状況 for the text report: each 担当課 of the master, its state and its files (by name). */
export function submissionsText(master: string, subs: readonly DepartmentSubmission[]): string {
  const lines = [CLI_TEXT.submissionsHeading(path.basename(master))];
  for (const s of subs) {
    const state =
      s.files.length === 0 ? "missing" : s.returnedUnchanged ? "unchanged" : s.ready ? "ready" : "fix";
    lines.push(
      CLI_TEXT.submissionLine(
        s.department,
        state,
        s.files.map((f) => path.basename(f)),
        s.errors,
      ),
    );
  }
  return lines.join("\n");
}

export interface BatchOutputOptions {
  annotate: string | null;
  summary: string | null;
  /** The report went to stdout as JSON or CSV: nothing else may be printed there. */
  json?: boolean;
  csv?: boolean;
  master: string | null;
  force: boolean;
}

/** Writes the outputs asked for; returns false when any could not be written. */
export async function writeBatchOutputs(
  opts: BatchOutputOptions,
  results: readonly FileResult[],
  rule: ProgressRule,
  checkOptions: WorkbookCheckOptions,
  io: CliIo,
  summaryResults: readonly FileResult[] = results,
): Promise<boolean> {
  let ok = true;
  if (opts.annotate !== null) {
    const outcome = await annotateFiles(results, opts.annotate, io.cwd, opts.force);
    for (const m of outcome.messages) io.stderr(`${m}\n`);
    if (outcome.failed > 0) ok = false;
  }
  if (opts.summary !== null) {
    let master: FileResult | null = null;
    if (opts.master !== null) {
      master = {
        ...(await checkFile(path.resolve(io.cwd, opts.master), rule, checkOptions, true)),
        file: opts.master,
      };
      if (!master.ok) {
        io.stderr(`${CLI_TEXT.masterUnreadable(opts.master, master.error?.message ?? "")}\n`);
        ok = false;
      }
    }
    // With the text report, 提出状況 is said there too: 未提出, 未記入で返送 or 提出済み, with the file.
    const say =
      opts.json || opts.csv
        ? undefined
        : (subs: readonly DepartmentSubmission[]) =>
            io.stdout(`\n${submissionsText(opts.master ?? "", subs)}\n`);
    const problem = await writeSummaryFile(
      opts.summary,
      io.cwd,
      summaryResults,
      master,
      rule,
      opts.force,
      undefined,
      say,
    );
    if (problem === null) io.stderr(`${CLI_TEXT.summaryWritten(opts.summary)}\n`);
    else {
      io.stderr(`${problem}\n`);
      ok = false;
    }
  }
  return ok;
}
