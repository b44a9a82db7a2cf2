// `--summary OUT.xlsx`: builds the board summary from the batch's results and writes it as a new file.
import * as path from "path";
import { buildBoardSummary } from "../../core/aggregate/boardSummary";
import type { CheckedFile } from "../../core/aggregate/submissions";
import type { ProgressRule } from "../../core/model";
import { writeSummaryWorkbook } from "../../adapters/xlsx/summary/writeSummary";
import type { FileResult } from "../checkFile";
import { CLI_TEXT } from "../../i18n/cli";
import { outputProblem, writeAtomically } from "../commands/cycleFiles";
import { version } from "../version";

/** Characters that would end or change a relative URI; everything else (Japanese included) is kept. */
const encodePath = (p: string) => p.replace(/[%# ?]/g, (c) => encodeURIComponent(c));

/** A link from the summary's folder to an input workbook: `../返却/file.xlsx`. */
export function fileLink(summaryFile: string, inputFile: string): string {
  return encodePath(path.relative(path.dirname(summaryFile), inputFile).split(path.sep).join("/"));
}

/** The fiscal year most of the batch's files report. */
function commonFiscalYear(results: readonly FileResult[]): string | null {
  const counts = new Map<string, number>();
  for (const r of results) if (r.fiscalYear) counts.set(r.fiscalYear, (counts.get(r.fiscalYear) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
}

/** Writes the summary; returns null, or why it could not be written (in words). */
export async function writeSummaryFile(
  out: string,
  cwd: string,
  results: readonly FileResult[],
  master: FileResult | null,
  rule: ProgressRule,
  force: boolean,
  now = new Date(),
): Promise<string | null> {
  const inputs = [...results.map((r) => r.file), ...(master ? [master.file] : [])];
  const problem = outputProblem(out, cwd, force, inputs);
  if (problem) return problem;
  const absOut = path.resolve(cwd, out);
  const withRows = (r: FileResult): CheckedFile => ({ ...r, rows: r.detail ?? [] });
  // Counted by the city's own levels when its sheets were judged on them.
  const levels = [...results, ...(master ? [master] : [])].find((r) => r.levels)?.levels;
  const summary = buildBoardSummary(results.map(withRows), rule, master && withRows(master), levels);
  const bytes = await writeSummaryWorkbook(summary, {
    fiscalYear: commonFiscalYear(master ? [master] : results),
    linkTo: (file) => fileLink(absOut, path.resolve(cwd, file)),
    master: master?.file ?? null,
    version: version(),
    now,
  });
  try {
    writeAtomically(absOut, bytes);
    return null;
  } catch (err) {
    return CLI_TEXT.writeFailed(out, (err as { code?: string }).code ?? String(err));
  }
}
