// `kensho rollover FILE -o OUT [--to 令和N年度] [--targets blank|keep|linear] [--dry-run] [--log FILE]`
import * as path from "path";
import type { CliIo } from "../cliIo";
import { EXIT } from "../exitCodes";
import type { CommandSpec, OptionValues } from "../options/optionTable";
import { CYCLE_TEXT, changeLogRow, changeLogText } from "../../i18n/cycle";
import { planRollover } from "../../core/cycle/rollover";
import { TARGET_POLICIES, type TargetPolicy } from "../../core/cycle/rolloverTypes";
import { fiscalYearName, parseFiscalYear } from "../../core/cycle/yearLabels";
import { KPI_MASTER, type KpiMasterEntry } from "../../core/master/kpiMaster";
import { applyRollover } from "../../adapters/xlsx/cycle/applyRollover";
import { DEFAULT_RULE } from "../../core/model";
import { checkFile } from "../checkFile";
import { csvDocument, csvLine } from "../output/csv";
import { fileReport } from "../textReport";
import { loadInput, profileOption, outputProblem, writeAllOrNothing, writerProblem } from "./cycleFiles";

export const ROLLOVER_COMMAND: CommandSpec = {
  name: "rollover",
  options: [
    { name: "--output", alias: "-o", kind: "text", valueName: "<ファイル>" },
    { name: "--to", kind: "text", valueName: "<令和N年度>" },
    { name: "--targets", kind: "text", valueName: "<blank|keep|linear>", defaultValue: "blank" },
    { name: "--dry-run", kind: "flag" },
    { name: "--log", kind: "text", valueName: "<CSVファイル>" },
    { name: "--force", kind: "flag" },
    { name: "--profile", kind: "text", valueName: "<市の設定.json>" },
    { name: "--help", alias: "-h", kind: "flag" },
  ],
};

/** Runs a rollover against a KPI master (the bundled one unless another is given). */
export async function runRollover(
  values: OptionValues,
  positionals: string[],
  io: CliIo,
  master: readonly KpiMasterEntry[] = KPI_MASTER,
): Promise<number> {
  const fail = (message: string) => {
    io.stderr(`${message}\n${CYCLE_TEXT.nothingWritten}\n`);
    return EXIT.failure;
  };
  if (positionals.length === 0) return fail(CYCLE_TEXT.needMaster("rollover"));
  if (positionals.length > 1)
    return fail(CYCLE_TEXT.tooManyInputs("rollover", positionals.slice(1).join(" ")));
  const file = positionals[0];
  const dryRun = values["--dry-run"] === true;
  const targets = ((values["--targets"] as string | undefined) ?? "blank") as TargetPolicy;
  if (!TARGET_POLICIES.includes(targets)) return fail(CYCLE_TEXT.badTargets(targets));
  const toText = values["--to"] as string | undefined;
  const toYear = toText === undefined ? null : parseFiscalYear(toText);
  if (toText !== undefined && toYear === null) return fail(CYCLE_TEXT.badTo(toText));
  const out = values["--output"] as string | undefined;
  const logFile = values["--log"] as string | undefined;
  if (!dryRun) {
    if (!out) return fail(CYCLE_TEXT.needOutput("rollover"));
    const p = outputProblem(out, io.cwd, values["--force"] === true, [file]);
    if (p) return fail(p);
    if (logFile) {
      const q = outputProblem(logFile, io.cwd, values["--force"] === true, [file, out]);
      if (q) return fail(q);
    }
  }

  const chosen = profileOption(values, io.cwd);
  if ("message" in chosen) return fail(chosen.message);
  const loaded = await loadInput(file, io.cwd, chosen.profile);
  if (!loaded.ok) return fail(loaded.message);
  const wb = loaded.workbook;
  const from = wb.year ?? (toYear !== null ? toYear - 1 : null);
  if (from === null) return fail(CYCLE_TEXT.noYear(file));
  const to = toYear ?? from + 1;
  if (to !== from + 1)
    return fail(CYCLE_TEXT.toNotNext(toText ?? "", fiscalYearName(from), fiscalYearName(from + 1)));

  const plan = planRollover(wb.sheets, { from, to, targets, master });
  const lines = [
    CYCLE_TEXT.rolloverHeading(file, fiscalYearName(from), fiscalYearName(to)),
    changeLogText(plan.log),
  ];
  if (dryRun) {
    lines.push(CYCLE_TEXT.rolloverDryRun(plan.log.length));
    io.stdout(`${lines.join("\n")}\n`);
    return EXIT.ok;
  }
  const logRows = [[...CYCLE_TEXT.logHeader], ...plan.log.map(changeLogRow)];
  const target = path.resolve(io.cwd, out!);
  let written;
  try {
    written = applyRollover(wb.bytes, plan, { sheetName: CYCLE_TEXT.logSheetName, rows: logRows });
    // The workbook and its log are written together or not at all.
    writeAllOrNothing([
      { target, data: written.bytes },
      ...(logFile
        ? [{ target: path.resolve(io.cwd, logFile), data: csvDocument(logRows.map(csvLine)) }]
        : []),
    ]);
  } catch (err) {
    return fail(writerProblem(out!, err));
  }
  for (const s of written.notInserted) lines.push(`  ${CYCLE_TEXT.cannotInsert(s)}`);
  lines.push(CYCLE_TEXT.rolloverWritten(out!, plan.log.length));
  if (logFile) lines.push(CYCLE_TEXT.logWritten(logFile));
  // kensho reads its own output: the new year checks with only what an empty year implies.
  const check = await checkFile(target, DEFAULT_RULE, { profile: chosen.profile });
  lines.push("", CYCLE_TEXT.checkHeading(out!), fileReport({ ...check, file: out! }, null));
  io.stdout(`${lines.join("\n")}\n`);
  return written.notInserted.length ? EXIT.findings : EXIT.ok;
}
