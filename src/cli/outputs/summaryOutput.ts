// `--summary OUT.xlsx`: builds the board summary from the batch's results and writes it as a new file.
import * as path from "path";
import { pathToFileURL } from "url";
import { buildBoardSummary } from "../../core/aggregate/boardSummary";
import type { CheckedFile, DepartmentSubmission } from "../../core/aggregate/submissions";
import type { ProgressRule } from "../../core/model";
import { writeSummaryWorkbook } from "../../adapters/xlsx/summary/writeSummary";
import type { FileResult } from "../checkFile";
import { CLI_TEXT } from "../../i18n/cli";
import { outputProblem, writeAtomically } from "../commands/cycleFiles";
import { version } from "../version";

// Characters percent-encoded in a link: those that would end or change a relative URI reference,
// those no URI may hold (controls, space, quotes, brackets, backslash), and the invisible ones a
// file name may carry (bidi controls, zero-width characters, U+FFFE). Japanese is kept as written.
// eslint-disable-next-line no-control-regex -- controls are exactly what must not stay raw
const URI_UNSAFE = /[\u0000-\u0020"%#<>?[\\\]^`{|}\u007F-\u009F\p{Cf}\p{Z}\uFFFE\uFFFF]/gu;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

const encodePath = (p: string) =>
  p.replace(LONE_SURROGATE, "\uFFFD").replace(URI_UNSAFE, (c) => encodeURIComponent(c));

/**
 * A link from the summary's folder to an input workbook: `./file.xlsx`, `../返却/file.xlsx`. A link
 * to a local file always starts with ./ or ../, so a file named `http:evil.example.xlsx` is a file
 * beside the summary, never a scheme Excel would open on the web.
 */
export function fileLink(summaryFile: string, inputFile: string): string {
  const relative = path.relative(path.dirname(summaryFile), inputFile);
  // On another drive there is no relative way: the file's own URL.
  if (path.isAbsolute(relative)) return pathToFileURL(inputFile).href;
  const encoded = encodePath(relative.split(path.sep).join("/"));
  return encoded.startsWith("../") ? encoded : `./${encoded}`;
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
  onSubmissions?: (submissions: readonly DepartmentSubmission[]) => void,
): Promise<string | null> {
  const inputs = [...results.map((r) => r.file), ...(master ? [master.file] : [])];
  const problem = outputProblem(out, cwd, force, inputs);
  if (problem) return problem;
  const absOut = path.resolve(cwd, out);
  const withRows = (r: FileResult): CheckedFile => ({ ...r, rows: r.detail ?? [] });
  // Counted by the city's own levels when its sheets were judged on them.
  const levels = [...results, ...(master ? [master] : [])].find((r) => r.levels)?.levels;
  const summary = buildBoardSummary(results.map(withRows), rule, master && withRows(master), levels);
  if (summary.submissions && onSubmissions) onSubmissions(summary.submissions);
  const bytes = await writeSummaryWorkbook(summary, {
    fiscalYear: commonFiscalYear(master ? [master] : results),
    linkTo: (file) => fileLink(absOut, path.resolve(cwd, file)),
    // People read names; the folder is only in the hidden column of 進捗一覧（詳細）.
    fileLabel: (file) => path.basename(file),
    location: (file) => path.resolve(cwd, file),
    master: master ? path.basename(master.file) : null,
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
