// `--annotate DIR`: for each workbook checked, a copy in DIR with the add-in's marks
// (adapters/xlsx/annotate, docs/flag-record.md). The input is read again as bytes and never written; one file that
// cannot be annotated never stops the others.
import * as fs from "fs";
import * as path from "path";
import { annotateWorkbook } from "../../adapters/xlsx/annotate/annotateWorkbook";
import { flagsFromFindings } from "../../i18n/flagNotes";
import { CLI_TEXT } from "../../i18n/cli";
import type { FileResult } from "../checkFile";
import { outputProblem, writeAtomically, writerProblem } from "../commands/cycleFiles";

export interface AnnotateOutcome {
  /** Lines for stderr, one per file. */
  messages: string[];
  failed: number;
}

export async function annotateFiles(
  results: readonly FileResult[],
  dir: string,
  cwd: string,
  force: boolean,
): Promise<AnnotateOutcome> {
  const messages: string[] = [];
  let failed = 0;
  const absDir = path.resolve(cwd, dir);
  try {
    fs.mkdirSync(absDir, { recursive: true });
  } catch (err) {
    return {
      messages: [CLI_TEXT.annotateDirFailed(dir, (err as { code?: string }).code ?? String(err))],
      failed: results.length,
    };
  }
  if (!fs.statSync(absDir).isDirectory())
    return { messages: [CLI_TEXT.annotateNotADir(dir)], failed: results.length };
  const inputs = results.map((r) => r.file);
  const written = new Set<string>();
  for (const r of results) {
    if (!r.ok) continue;
    const out = path.join(dir, path.basename(r.file));
    const abs = path.resolve(cwd, out);
    const problem = written.has(abs)
      ? CLI_TEXT.annotateSameName(out)
      : outputProblem(out, cwd, force, inputs);
    if (problem) {
      messages.push(problem);
      failed++;
      continue;
    }
    try {
      const result = annotateWorkbook(
        new Uint8Array(fs.readFileSync(path.resolve(cwd, r.file))),
        flagsFromFindings(r.findings),
      );
      writeAtomically(abs, result.bytes);
      written.add(abs);
      messages.push(CLI_TEXT.annotated(out, result.marked));
      const cells = (list: Array<{ sheet: string; address: string }>) =>
        list.map((c) => `${c.sheet}!${c.address}`);
      if (result.legacyRestored > 0 || result.legacyLeft.length > 0)
        messages.push(CLI_TEXT.annotatedLegacy(out, result.legacyRestored, cells(result.legacyLeft)));
      if (result.skipped.length > 0) messages.push(CLI_TEXT.annotatedThreaded(out, cells(result.skipped)));
    } catch (err) {
      messages.push(writerProblem(r.file, err));
      failed++;
    }
  }
  return { messages, failed };
}
