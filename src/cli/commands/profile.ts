// `kensho profile init FILE.xlsx -o 市の設定.json`: drafts a city's profile from a workbook (core/
// profile/draftProfile), written as a new file. The planner checks the readings, corrects what
// recognition got wrong in `fields`, and passes it with --profile to every command.
import * as path from "path";
import type { CliIo } from "../cliIo";
import { EXIT } from "../exitCodes";
import type { CommandSpec, OptionValues } from "../options/optionTable";
import { checkWorkbook } from "../../core/check";
import { DEFAULT_RULE } from "../../core/model";
import { draftProfile } from "../../core/profile/draftProfile";
import { parseFiscalYear } from "../../core/layout/yearForms";
import { readWorkbookFile } from "../../adapters/xlsx/readWorkbook";
import { PROFILE_TEXT } from "../../i18n/profile";
import { CLI_TEXT } from "../../i18n/cli";
import { readFailureMessage } from "../checkFile";
import { outputProblem, writeAtomically, writerProblem } from "./cycleFiles";
import { headingsFound } from "../../core/layout/headingsFound";

export const PROFILE_COMMAND: CommandSpec = {
  name: "profile",
  options: [
    { name: "--output", alias: "-o", kind: "text", valueName: "<市の設定.json>" },
    { name: "--year", kind: "text", valueName: "<年度>" },
    { name: "--force", kind: "flag" },
    { name: "--help", alias: "-h", kind: "flag" },
  ],
};

export async function runProfile(values: OptionValues, positionals: string[], io: CliIo): Promise<number> {
  const fail = (message: string) => {
    io.stderr(`${message}\n`);
    return EXIT.failure;
  };
  const [sub, file, ...extra] = positionals;
  if (sub !== "init") return fail(PROFILE_TEXT.unknownSub(sub ?? ""));
  if (!file || extra.length > 0) return fail(PROFILE_TEXT.initNeedsFile);
  const out = values["--output"] as string | undefined;
  if (!out) return fail(PROFILE_TEXT.initNeedsOutput);
  const yearText = values["--year"] as string | undefined;
  const fiscalYear = yearText === undefined ? null : parseFiscalYear(yearText);
  if (yearText !== undefined && fiscalYear === null) return fail(CLI_TEXT.badYear(yearText));
  const problem = outputProblem(out, io.cwd, values["--force"] === true, [file]);
  if (problem) return fail(problem);
  let grids;
  try {
    grids = await readWorkbookFile(path.resolve(io.cwd, file));
  } catch (err) {
    return fail(readFailureMessage(err));
  }
  const check = checkWorkbook(grids, DEFAULT_RULE, { fiscalYear });
  const name = path.basename(file).replace(/\.xlsx$/i, "");
  const draft = draftProfile(check, name);
  const body: Record<string, unknown> = { $schema: "./profile.schema.json", ...draft };
  if (check.sheets.length === 0) body.headingsFound = headingsFound(grids).headings;
  try {
    writeAtomically(path.resolve(io.cwd, out), `${JSON.stringify(body, null, 2)}\n`);
  } catch (err) {
    return fail(writerProblem(out, err));
  }
  io.stdout(`${PROFILE_TEXT.wrote(out)}\n`);
  if (check.sheets.length === 0) io.stdout(`${PROFILE_TEXT.notRead}\n`);
  return EXIT.ok;
}
