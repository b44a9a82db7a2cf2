// The default command: check workbooks and report, as text, JSON or CSV.
import * as path from "path";
import {
  DEFAULT_CHECK_OPTIONS,
  DEFAULT_RULE,
  type ProgressRule,
  type WorkbookOptions,
} from "../../core/model";
import { parseFiscalYear } from "../../core/layout/yearForms";
import { CLI_TEXT } from "../../i18n/cli";
import type { CliIo } from "../cliIo";
import { EXIT } from "../exitCodes";
import { checkFile, filterByDepartment, scopeToMarker, type FileResult } from "../checkFile";
import { jsonReport, writeJsonReport } from "../jsonReport";
import { csvReport } from "../csvReport";
import { skippedReport, totalsLine, writeFileReport } from "../textReport";
import { findSampleWorkbook } from "../sampleWorkbook";
import { collectInputs, UNREADABLE_SKIPS, type SkippedFile } from "../expandInputs";
import { explainFiles } from "../explainLayout";
import { stripControlsInline } from "../output/sanitize";
import { departmentName } from "../../core/departments";
import type { CommandSpec, OptionValues } from "../options/optionTable";
import type { KpiMaster } from "../../core/master/kpiMaster";
import type { WorkbookCheckOptions } from "../../core/check";
import { loadStrategyFile } from "../strategy/loadStrategy";
import { writeBatchOutputs } from "../outputs/batchOutputs";
import type { PreviousWorkbook } from "../../core/rules/previousYear";
import type { LayoutProfile } from "../../core/model";
import { resolveSettings, type StatedSettings } from "../../core/profile/resolveSettings";
import { loadProfileFile } from "../profile/loadProfile";

/** A ratio between 0 (exclusive) and 2: thresholds above 200% make no sense on this sheet. */
const RATIO = { min: 0, max: 2, minExclusive: true };

export const CHECK_COMMAND: CommandSpec = {
  name: "",
  options: [
    { name: "--json", kind: "flag" },
    { name: "--csv", kind: "flag" },
    { name: "--department", kind: "text", valueName: "<課名>" },
    { name: "--all-departments", kind: "flag" },
    { name: "--previous", kind: "texts", valueName: "<前年度.xlsx>" },
    {
      name: "--on-track",
      kind: "number",
      valueName: "<値>",
      range: RATIO,
      defaultValue: DEFAULT_RULE.onTrack,
    },
    {
      name: "--nearly-on-track",
      kind: "number",
      valueName: "<値>",
      range: RATIO,
      defaultValue: DEFAULT_RULE.nearlyOnTrack,
    },
    { name: "--strategy", kind: "text", valueName: "<ファイル.json>" },
    { name: "--summary", kind: "text", valueName: "<出力.xlsx>" },
    { name: "--master", kind: "text", valueName: "<原本.xlsx>" },
    { name: "--annotate", kind: "text", valueName: "<フォルダー>" },
    { name: "--force", kind: "flag" },
    { name: "--year", kind: "text", valueName: "<年度>" },
    { name: "--explain-layout", kind: "flag" },
    { name: "--profile", kind: "text", valueName: "<市の設定.json>" },
    {
      name: "--empty-reason-words",
      kind: "text",
      valueName: "<語,…>",
      defaultValue: CLI_TEXT.emptyReasonWordsDefault(DEFAULT_CHECK_OPTIONS.reasonPlaceholders),
    },
    { name: "--help", alias: "-h", kind: "flag" },
    { name: "--version", alias: "-v", kind: "flag" },
  ],
};

export interface CheckOptions {
  json: boolean;
  csv: boolean;
  department: string | null;
  /** Check every department's rows of a split copy, not only the copy's own. */
  allDepartments: boolean;
  /** Last year's (and earlier years') workbooks or folders, to compare with and for the history. */
  previous: string[];
  rule: ProgressRule;
  /** A KPI master file to use instead of the bundled one. */
  strategyFile: string | null;
  /** Where to write the 創生会議 summary workbook. */
  summary: string | null;
  /** The distributed workbook, for the summary's 提出状況. */
  master: string | null;
  /** Where to write the annotated copies. */
  annotate: string | null;
  /** Outputs may replace existing files (never an input). */
  force: boolean;
  /** The fiscal year stated with --year (Gregorian start year), for a workbook that cannot state it. */
  fiscalYear: number | null;
  /** Print how each sheet's layout was read instead of checking. */
  explainLayout: boolean;
  /** What the engine is told beyond the rule: the stated year, the texts that give no reason. */
  engine: WorkbookOptions;
  /** A city's profile file (--profile), read when the check runs. */
  profileFile: string | null;
  /** What the user stated on the command line, which a profile does not override. */
  stated: StatedSettings;
}

/** "特になし,なし、無し" → the words, split at half- or full-width commas and 、. */
export function wordList(text: string): string[] {
  return text
    .split(/[,，、]/)
    .map((w) => w.trim())
    .filter((w) => w !== "");
}

/** Typed options from parsed values, or a usage message. */
export function checkOptions(values: OptionValues): CheckOptions | string {
  const rule: ProgressRule = {
    ...DEFAULT_RULE,
    onTrack: (values["--on-track"] as number | undefined) ?? DEFAULT_RULE.onTrack,
    nearlyOnTrack: (values["--nearly-on-track"] as number | undefined) ?? DEFAULT_RULE.nearlyOnTrack,
  };
  if (rule.nearlyOnTrack > rule.onTrack) return CLI_TEXT.thresholdOrder;
  if (values["--json"] && values["--csv"]) return CLI_TEXT.bothFormats;
  const explainLayout = values["--explain-layout"] === true;
  if (explainLayout && (values["--json"] || values["--csv"])) return CLI_TEXT.explainWithFormat;
  const yearText = values["--year"] as string | undefined;
  const fiscalYear = yearText === undefined ? null : parseFiscalYear(yearText);
  if (yearText !== undefined && fiscalYear === null) return CLI_TEXT.badYear(yearText);
  if (values["--master"] !== undefined && values["--summary"] === undefined)
    return CLI_TEXT.masterNeedsSummary;
  const words = values["--empty-reason-words"] as string | undefined;
  const reasonPlaceholders = words === undefined ? DEFAULT_CHECK_OPTIONS.reasonPlaceholders : wordList(words);
  if (reasonPlaceholders.length === 0) return CLI_TEXT.missingOptionValue("--empty-reason-words");
  return {
    json: values["--json"] === true,
    csv: values["--csv"] === true,
    department: (values["--department"] as string | undefined) ?? null,
    allDepartments: values["--all-departments"] === true,
    previous: (values["--previous"] as string[] | undefined) ?? [],
    rule,
    strategyFile: (values["--strategy"] as string | undefined) ?? null,
    summary: (values["--summary"] as string | undefined) ?? null,
    master: (values["--master"] as string | undefined) ?? null,
    annotate: (values["--annotate"] as string | undefined) ?? null,
    force: values["--force"] === true,
    fiscalYear,
    explainLayout,
    engine: { fiscalYear, reasonPlaceholders },
    profileFile: (values["--profile"] as string | undefined) ?? null,
    stated: {
      fiscalYear,
      onTrack: values["--on-track"] as number | undefined,
      nearlyOnTrack: values["--nearly-on-track"] as number | undefined,
    },
  };
}

/** Checks the files (or the bundled sample) and prints the report; returns the exit status. */
export async function runCheck(files: string[], given: CheckOptions, io: CliIo): Promise<number> {
  let opts = given;
  const collected = collectInputs(files, io.cwd);
  const { skipped } = collected;
  let inputs = collected.files;
  if (collected.emptyFolders.length > 0) {
    for (const s of skipped)
      io.stderr(`${CLI_TEXT.skippedStderr(safe(s.file), CLI_TEXT.skippedReasons[s.reason])}\n`);
    for (const folder of collected.emptyFolders) io.stderr(`${CLI_TEXT.emptyFolder(safe(folder))}\n`);
    return EXIT.failure;
  }
  if (files.length > 0 && inputs.length === 0) {
    io.stderr(`${CLI_TEXT.noWorkbooksIn(safe(files.join(" ")))}\n`);
    return EXIT.failure;
  }
  if (inputs.length === 0) {
    const sample = findSampleWorkbook();
    if (!sample) {
      io.stderr(`${CLI_TEXT.sampleMissing}\n`);
      return EXIT.failure;
    }
    inputs = [path.relative(io.cwd, sample) || sample];
  }
  let profile: LayoutProfile | null = null;
  let profileName = "";
  if (opts.profileFile !== null) {
    const loaded = loadProfileFile(opts.profileFile, io.cwd);
    if (!loaded.ok) {
      io.stderr(`${loaded.message}\n`);
      return EXIT.failure;
    }
    profile = loaded.profile;
    profileName = loaded.name;
  }
  // One resolver says where each setting comes from: stated now, the profile, or the default.
  const settings = resolveSettings(
    opts.stated,
    profile,
    profile ? { kind: "file", name: profileName } : { kind: "none" },
  );
  if (profile)
    opts = {
      ...opts,
      rule: settings.rule,
      fiscalYear: settings.fiscalYear,
      engine: { ...opts.engine, fiscalYear: settings.fiscalYear, profile },
    };
  if (opts.explainLayout) return explainFiles(inputs, opts.fiscalYear, io, profile ? settings : null);
  const { rule } = opts;
  let strategy: KpiMaster | undefined;
  if (opts.strategyFile !== null) {
    const loaded = await loadStrategyFile(path.resolve(io.cwd, opts.strategyFile), opts.strategyFile);
    if (!loaded.ok) {
      io.stderr(`${loaded.message}\n`);
      return EXIT.failure;
    }
    strategy = loaded.master;
  }
  const previous = await loadPrevious(opts.previous, rule, { ...opts.engine, strategy }, io);
  if (previous === null) return EXIT.failure;
  const engine: WorkbookCheckOptions = {
    ...opts.engine,
    strategy,
    ...(previous.workbooks.length > 0 ? { previous: previous.workbooks } : {}),
  };
  const keepDetail = opts.summary !== null; // the summary reads every value and matches rows by their cells
  const showProgress = inputs.length > 1 && io.stderrIsTTY;
  const checked: FileResult[] = [];
  for (const [i, file] of inputs.entries()) {
    if (showProgress) io.stderr(`\r\x1b[K${CLI_TEXT.progress(i + 1, inputs.length, safe(file))}`);
    checked.push({ ...(await checkFile(path.resolve(io.cwd, file), rule, engine, keepDetail)), file });
  }
  if (showProgress) io.stderr("\r\x1b[K");

  let results = checked;
  if (opts.department) {
    const wanted = departmentName(opts.department);
    const found = [...new Set(checked.flatMap((r) => r.rows.map((row) => row.department)))].filter(
      (d): d is string => d !== null,
    );
    const match = found.find((d) => d === wanted);
    if (!match) {
      io.stderr(`${CLI_TEXT.unknownDepartment(safe(opts.department), found.map(safe))}\n`);
      return EXIT.failure;
    }
    results = checked.map((r) => filterByDepartment(r, match));
  } else if (!opts.allDepartments) {
    // A department's copy (split's marker) is checked for its own rows; --all-departments for all.
    results = checked.map(scopeToMarker);
  }

  const wait = io.stdoutWait ?? (async () => undefined);
  if (opts.json) {
    await writeJsonReport(jsonReport(results, rule, skipped), io.stdout, wait);
  } else if (opts.csv) {
    io.stdout(csvReport(results, skipped));
  } else {
    // One file's report at a time: never the whole batch as one string.
    for (const [i, r] of results.entries()) {
      if (i > 0) io.stdout("\n\n");
      await writeFileReport(r, opts.department, io.stdout, wait);
    }
    if (skipped.length > 0) io.stdout(`\n\n${skippedReport(skipped)}`);
    io.stdout(`\n\n${totalsLine(results)}\n`);
  }
  for (const r of checked)
    for (const f of r.previousIgnored ?? [])
      io.stderr(`${CLI_TEXT.previousNotEarlier(safe(f), safe(r.file))}\n`);
  const exit = previous.failed ? EXIT.failure : exitFor(results, skipped);
  // The summary against the master decides each copy's department itself and needs every row.
  const forSummary = opts.master !== null && opts.department === null ? checked : results;
  const written = await writeBatchOutputs(opts, results, rule, engine, io, forSummary);
  return written ? exit : EXIT.failure;
}

const safe = stripControlsInline;

/**
 * Reads the workbooks given with --previous (files or folders), checked as any workbook is. One
 * that cannot be read is said and the others are used; null when none was found at all.
 */
async function loadPrevious(
  args: string[],
  rule: ProgressRule,
  engine: WorkbookCheckOptions,
  io: CliIo,
): Promise<{ workbooks: PreviousWorkbook[]; failed: boolean } | null> {
  if (args.length === 0) return { workbooks: [], failed: false };
  const found = collectInputs(args, io.cwd);
  if (found.files.length === 0) {
    io.stderr(`${CLI_TEXT.previousNone(safe(args.join(" ")))}\n`);
    return null;
  }
  const workbooks: PreviousWorkbook[] = [];
  let failed = false;
  for (const file of found.files) {
    const r = await checkFile(path.resolve(io.cwd, file), rule, engine, true);
    if (!r.ok || !r.detail) {
      io.stderr(`${CLI_TEXT.previousUnreadable(safe(file), safe(r.error?.message ?? ""))}\n`);
      failed = true;
      continue;
    }
    workbooks.push({
      file,
      fiscalYear: r.fiscalYear,
      rows: r.detail,
      department: r.marker?.department ?? null,
    });
  }
  return { workbooks, failed };
}

/** One exit decision for a batch: unreadable beats findings. */
export function exitFor(results: FileResult[], skipped: SkippedFile[] = []): number {
  if (results.some((r) => !r.ok) || skipped.some((s) => UNREADABLE_SKIPS.has(s.reason))) return EXIT.failure;
  return results.some((r) => r.findings.some((f) => f.severity === "error")) ? EXIT.findings : EXIT.ok;
}
