// `kensho --explain-layout FILE…`: how each sheet was read, without checking it. Per sheet: the
// header rows, each column's field and the header text that decided it, the fiscal year and its
// source. A planner runs it on a new year's workbook to see at a glance that kensho reads it right.
import * as path from "path";
import { checkWorkbook } from "../core/check";
import { DEFAULT_RULE, type WorkbookCheck } from "../core/model";
import { readWorkbookFile } from "../adapters/xlsx/readWorkbook";
import { CLI_TEXT } from "../i18n/cli";
import { FILE_ERRORS, SEVERITY_LABELS, renderFileError, renderFinding } from "../i18n/findings";
import { explainSheet } from "../i18n/layout";
import type { CliIo } from "./cliIo";
import { EXIT } from "./exitCodes";
import { readFailureMessage } from "./checkFile";
import type { ResolvedSettings } from "../core/profile/resolveSettings";
import { settingSourcesLine } from "../i18n/profile";

/** One file's explanation, and whether its layout could be read. */
async function explainFile(
  file: string,
  fiscalYear: number | null,
  settings: ResolvedSettings | null,
): Promise<{ text: string; ok: boolean }> {
  const lines = [CLI_TEXT.reportTitle(file)];
  if (settings && settings.origin.kind === "file")
    lines.push(`  ${settingSourcesLine(settings, settings.origin.name)}`);
  let check: WorkbookCheck;
  try {
    check = checkWorkbook(await readWorkbookFile(file), settings?.rule ?? DEFAULT_RULE, {
      fiscalYear,
      profile: settings?.profile ?? null,
    });
  } catch (err) {
    lines.push(CLI_TEXT.explainFailed(FILE_ERRORS["unreadable-file"].title, readFailureMessage(err)));
    return { text: lines.join("\n"), ok: false };
  }
  for (const sheet of check.sheets) lines.push(explainSheet(sheet));
  const layoutFindings = check.findings.filter((f) => f.row === null);
  if (layoutFindings.length > 0) lines.push(CLI_TEXT.explainFindingsHeading);
  for (const f of layoutFindings) {
    const where = f.sheet ?? CLI_TEXT.wholeWorkbook;
    lines.push(CLI_TEXT.findingLine(SEVERITY_LABELS[f.severity], where, renderFinding(f)));
  }
  if (check.fileError) {
    const { code } = check.fileError;
    lines.push(CLI_TEXT.explainFailed(FILE_ERRORS[code].title, renderFileError(check.fileError)));
  }
  return { text: lines.join("\n"), ok: check.fileError === null };
}

/** Explains every file; exit 0 when every layout was read, 2 when some file could not be. */
export async function explainFiles(
  files: string[],
  fiscalYear: number | null,
  io: CliIo,
  settings: ResolvedSettings | null = null,
): Promise<number> {
  const reports: string[] = [];
  let ok = true;
  for (const file of files) {
    const r = await explainFile(path.resolve(io.cwd, file), fiscalYear, settings);
    reports.push(r.text.replace(path.resolve(io.cwd, file), file));
    ok &&= r.ok;
  }
  io.stdout(`${reports.join("\n\n")}\n`);
  return ok ? EXIT.ok : EXIT.failure;
}
