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

export interface BatchOutputOptions {
  annotate: string | null;
  summary: string | null;
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
    const problem = await writeSummaryFile(opts.summary, io.cwd, summaryResults, master, rule, opts.force);
    if (problem === null) io.stderr(`${CLI_TEXT.summaryWritten(opts.summary)}\n`);
    else {
      io.stderr(`${problem}\n`);
      ok = false;
    }
  }
  return ok;
}
