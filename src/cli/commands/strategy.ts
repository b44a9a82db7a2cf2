// `kensho strategy --export FILE` writes the bundled KPI master as a starting point for a revision
// or another city; `kensho strategy --check FILE` says whether a master file can be used.
import * as path from "path";
import { KPI_MASTER } from "../../core/master/kpiMaster";
import { STRATEGY_TEXT } from "../../i18n/strategy";
import type { CliIo } from "../cliIo";
import { EXIT } from "../exitCodes";
import type { CommandSpec, OptionValues } from "../options/optionTable";
import { loadStrategyFile } from "../strategy/loadStrategy";
import { outputProblem, writeAtomically } from "./cycleFiles";

export const STRATEGY_COMMAND: CommandSpec = {
  name: "strategy",
  options: [
    { name: "--export", kind: "text", valueName: "<ファイル.json>" },
    { name: "--check", kind: "text", valueName: "<ファイル.json>" },
    { name: "--force", kind: "flag" },
    { name: "--help", alias: "-h", kind: "flag" },
  ],
};

/** The bundled master as the documented JSON shape (docs/strategy-master.md). */
export function bundledMasterJson(): string {
  return `${JSON.stringify(KPI_MASTER, null, 2)}\n`;
}

export async function runStrategy(values: OptionValues, positionals: string[], io: CliIo): Promise<number> {
  const exportTo = values["--export"] as string | undefined;
  const check = (values["--check"] as string | undefined) ?? positionals[0];
  if (exportTo === undefined && check === undefined) {
    io.stderr(`${STRATEGY_TEXT.exportNeedsFile}\n`);
    return EXIT.failure;
  }
  if (exportTo !== undefined) {
    const problem = outputProblem(exportTo, io.cwd, values["--force"] === true, []);
    if (problem) {
      io.stderr(`${problem}\n`);
      return EXIT.failure;
    }
    try {
      writeAtomically(path.resolve(io.cwd, exportTo), bundledMasterJson());
    } catch (err) {
      io.stderr(`${STRATEGY_TEXT.writeFailed(exportTo, (err as { code?: string }).code ?? String(err))}\n`);
      return EXIT.failure;
    }
    io.stdout(`${STRATEGY_TEXT.exported(exportTo, KPI_MASTER.length)}\n`);
  }
  if (check !== undefined) {
    const loaded = await loadStrategyFile(path.resolve(io.cwd, check), check);
    if (!loaded.ok) {
      io.stderr(`${loaded.message}\n`);
      return EXIT.failure;
    }
    io.stdout(`${STRATEGY_TEXT.checked(check, loaded.master.entries.length)}\n`);
  }
  return EXIT.ok;
}
