import { LAUNCH_TEXT } from "../../i18n/release";
import { isCommandName, type CliIo } from "../main";
import { CHECK_COMMAND } from "../commands/check";
import { parseCommandLine } from "../options/parseOptions";
import type { ConsoleFacts } from "./consoleFacts";
import { startedByDoubleClick, writesReportFiles } from "./consoleMode";
import { materialiseSample } from "./embeddedSample";
import { dateStamp, dateTimeText, reportDirectory, windowsText, writeNewReportFiles } from "./reportFile";

export interface LauncherDeps {
  facts: ConsoleFacts;
  io: CliIo;
  /** The CLI itself (src/cli/main.ts). */
  main: (argv: string[], io: CliIo) => Promise<number>;
  /** The sample workbook carried inside the executable, or null. */
  sampleBytes: () => Uint8Array | null;
  waitForKey: () => Promise<void>;
  now: () => Date;
  tmpDir: string;
  version: string;
  /** What staff type to run kensho: the executable's file name (kensho-win-x64.exe), else "kensho". */
  programName: string;
}

/**
 * The usage text names the program "kensho" (as `npx kensho`); run as the executable it names the
 * file staff actually have. Only "kensho" in command position is replaced: followed by an option,
 * a command or a placeholder, never "kensho の担当者" or a version line.
 */
export function withProgramName(text: string, programName: string): string {
  if (programName === "kensho") return text;
  return text.replace(/(^|[\s(（:：])kensho(?= (?:[-<a-z[]|\S+\.xlsx))/gm, `$1${programName}`);
}

const wantsHelp = (argv: string[]) => {
  const end = argv.indexOf("--");
  return (end < 0 ? argv : argv.slice(0, end)).some((a) => a === "--help" || a === "-h");
};

/** argv without the --csv flag (before any "--"), for the text run of a --csv report. */
function withoutCsvFlag(argv: string[]): string[] {
  const end = argv.indexOf("--");
  const head = end < 0 ? argv : argv.slice(0, end);
  const tail = end < 0 ? [] : argv.slice(end);
  return [...head.filter((a) => a !== "--csv"), ...tail];
}

async function runOnEmbeddedSample(argv: string[], deps: LauncherDeps): Promise<number> {
  const bytes = deps.sampleBytes();
  if (!bytes) return deps.main(argv, deps.io);
  const sample = materialiseSample(bytes, deps.tmpDir);
  try {
    // First, so that it is a file whatever follows (a trailing "--" included).
    return await deps.main([sample.arg, ...argv], { ...deps.io, cwd: sample.cwd });
  } finally {
    sample.dispose();
  }
}

/**
 * kensho.exe in its own console: the report is shown and also written beside the inputs as
 * 検証結果_<date>.txt (and .csv with --csv). The CSV comes from a second, silent run of the CLI,
 * which keeps src/cli/main.ts the single place that knows how a report is made.
 */
async function runWithReportFiles(argv: string[], csv: boolean, firstInput: string, deps: LauncherDeps) {
  const { io } = deps;
  let text = "";
  const tee: CliIo = { ...io, stdout: (t) => ((text += t), io.stdout(t)) };
  const code = await deps.main(csv ? withoutCsvFlag(argv) : argv, tee);
  if (text.trim() === "") return code; // usage errors and empty folders were already explained on stderr

  const files = [{ extension: ".txt", content: "" }];
  const now = deps.now();
  files[0].content = windowsText(
    `${LAUNCH_TEXT.reportFileHeader(deps.version, dateTimeText(now))}\n\n${text}`,
  );
  if (csv) {
    let csvText = "";
    await deps.main(argv, { ...io, stdout: (t) => (csvText += t), stderr: () => {}, stderrIsTTY: false });
    files.push({ extension: ".csv", content: csvText });
  }
  const dir = reportDirectory(firstInput, io.cwd);
  const base = LAUNCH_TEXT.reportBaseName(dateStamp(now));
  try {
    for (const written of writeNewReportFiles(dir, base, files))
      io.stdout(`${LAUNCH_TEXT.savedReport(written)}\n`);
  } catch (err) {
    const reason = (err as { code?: string }).code ?? (err instanceof Error ? err.message : String(err));
    io.stderr(`${LAUNCH_TEXT.saveFailed(dir, reason)}\n`);
  }
  return code;
}

interface CheckInvocation {
  help: boolean;
  version: boolean;
  json: boolean;
  csv: boolean;
  files: string[];
}

/** What a plain check's command line asks for; null for planning's commands and for bad usage. */
function checkInvocation(argv: string[]): CheckInvocation | null {
  if (argv.length > 0 && isCommandName(argv[0])) return null;
  const parsed = parseCommandLine(argv, CHECK_COMMAND);
  if (!parsed.ok) return null;
  const v = parsed.values;
  return {
    help: v["--help"] === true,
    version: v["--version"] === true,
    json: v["--json"] === true,
    csv: v["--csv"] === true,
    files: parsed.positionals,
  };
}

/**
 * kensho.exe's front door: the plain CLI, plus what a clerk without a command line needs — the
 * embedded sample, report files beside the inputs, and a window that waits for a key after a
 * double-click. Anywhere else (Linux, `node bin/kensho.js`, redirected output) it is the plain CLI.
 */
export async function runLauncher(argv: string[], deps: LauncherDeps): Promise<number> {
  const { facts, io } = deps;
  const opts = checkInvocation(argv);
  const informational = opts !== null && (opts.help || opts.version);
  const onSample = facts.isSea && opts !== null && !informational && opts.files.length === 0;
  const ownConsole = writesReportFiles(facts);
  let code: number;
  try {
    if (onSample) {
      code = await runOnEmbeddedSample(argv, deps);
      if (ownConsole && !opts.json && !opts.csv)
        io.stdout(`\n${LAUNCH_TEXT.sampleChecked}\n${LAUNCH_TEXT.dropHint(deps.programName)}\n`);
    } else if (ownConsole && opts !== null && !informational && !opts.json) {
      code = await runWithReportFiles(argv, opts.csv, opts.files[0], deps);
    } else if (wantsHelp(argv) && deps.programName !== "kensho") {
      let text = "";
      code = await deps.main(argv, { ...io, stdout: (t) => (text += t) });
      io.stdout(withProgramName(text, deps.programName));
    } else {
      code = await deps.main(argv, io);
    }
  } catch (err) {
    io.stderr(`${LAUNCH_TEXT.internalError(err instanceof Error ? err.message : String(err))}\n`);
    code = 2;
  }
  if (startedByDoubleClick(facts)) {
    io.stdout(`\n${LAUNCH_TEXT.pressAnyKey}\n`);
    await deps.waitForKey();
  }
  return code;
}
