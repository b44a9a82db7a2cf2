import * as path from "path";
import { DEFAULT_RULE, type ProgressRule } from "../core/model";
import { CLI_TEXT } from "../i18n/cli";
import { parseArgs } from "./args";
import { checkFile, filterByDepartment, type FileResult } from "./checkFile";
import { jsonReport } from "./jsonReport";
import { csvReport } from "./csvReport";
import { fileReport, totalsLine } from "./textReport";
import { findSampleWorkbook } from "./sampleWorkbook";
import { expandInputs } from "./expandInputs";
import { KENSHO_VERSION } from "./version";

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Whether stderr is a terminal, so a progress line may be redrawn in place. */
  stderrIsTTY: boolean;
  cwd: string;
}

const processIo = (): CliIo => ({
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
  stderrIsTTY: Boolean(process.stderr.isTTY),
  cwd: process.cwd(),
});

function version(): string {
  return KENSHO_VERSION;
}

/** Runs kensho; returns the exit status (0 clean, 1 error findings, 2 unreadable file or bad usage). */
export async function main(argv: string[], io: CliIo = processIo()): Promise<number> {
  const parsed = parseArgs(argv);
  if (!parsed.ok) {
    io.stderr(`${parsed.message}\n`);
    return 2;
  }
  const opts = parsed.options;
  if (opts.help) {
    io.stdout(`${CLI_TEXT.usage}\n`);
    return 0;
  }
  if (opts.version) {
    try {
      io.stdout(`kensho ${version()}\n`);
    } catch {
      io.stdout("kensho\n");
    }
    return 0;
  }
  let files = expandInputs(opts.files, io.cwd);
  if (opts.files.length > 0 && files.length === 0) {
    io.stderr(`${CLI_TEXT.noWorkbooksIn(opts.files.join(" "))}\n`);
    return 2;
  }
  if (files.length === 0) {
    const sample = findSampleWorkbook();
    if (!sample) {
      io.stderr(`${CLI_TEXT.sampleMissing}\n`);
      return 2;
    }
    files = [path.relative(io.cwd, sample) || sample];
  }
  const rule: ProgressRule = { ...DEFAULT_RULE, onTrack: opts.onTrack, nearlyOnTrack: opts.nearlyOnTrack };
  const showProgress = files.length > 1 && io.stderrIsTTY;
  const results: FileResult[] = [];
  for (const [i, file] of files.entries()) {
    if (showProgress) io.stderr(`\r\x1b[K${CLI_TEXT.progress(i + 1, files.length, file)}`);
    const result = filterByDepartment(await checkFile(path.resolve(io.cwd, file), rule), opts.department);
    results.push({ ...result, file });
  }
  if (showProgress) io.stderr("\r\x1b[K");

  if (opts.json) {
    io.stdout(`${JSON.stringify(jsonReport(results, rule), null, 2)}\n`);
  } else if (opts.csv) {
    io.stdout(csvReport(results));
  } else {
    const reports = results.map((r) => fileReport(r, opts.department));
    io.stdout(`${reports.join("\n\n")}\n\n${totalsLine(results)}\n`);
  }
  if (results.some((r) => !r.ok)) return 2;
  return results.some((r) => r.findings.some((f) => f.severity === "error")) ? 1 : 0;
}
