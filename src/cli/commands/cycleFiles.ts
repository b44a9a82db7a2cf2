// Files for planning's commands: inputs read whole and never written; outputs written to a temp
// file in the target folder and renamed into place, so a failure leaves nothing half-written.
import type { LayoutProfile } from "../../core/model";
import type { OptionValues } from "../options/optionTable";
import { loadProfileFile } from "../profile/loadProfile";
import * as fs from "fs";
import { unreadableMessage } from "../../i18n/xlsx";
import * as path from "path";
import { createHash, randomBytes } from "crypto";
import { WorkbookReadError } from "../../adapters/xlsx/errors";
import { FILE_ERRORS } from "../../i18n/findings";
import { CYCLE_TEXT } from "../../i18n/cycle";
import {
  loadVerificationWorkbook,
  type VerificationWorkbook,
} from "../../adapters/xlsx/cycle/loadVerificationWorkbook";
import { PackageError } from "../../adapters/xlsx/package";
import type { Sha512 } from "../../adapters/xlsx/write/protection";

/** `--profile FILE` for planning's commands: the profile, null without one, or the message that stops. */
export function profileOption(
  values: OptionValues,
  cwd: string,
): { profile: LayoutProfile | null } | { message: string } {
  const file = values["--profile"] as string | undefined;
  if (file === undefined) return { profile: null };
  const loaded = loadProfileFile(file, cwd);
  return loaded.ok ? { profile: loaded.profile } : { message: loaded.message };
}

export type Loaded = { ok: true; workbook: VerificationWorkbook } | { ok: false; message: string };

/** Reads a workbook given on the command line; a file with no verification sheet is an error. */
export async function loadInput(
  file: string,
  cwd: string,
  profile: LayoutProfile | null = null,
): Promise<Loaded> {
  const abs = path.resolve(cwd, file);
  try {
    const stat = fs.statSync(abs);
    if (stat.isDirectory()) throw new WorkbookReadError("is-directory", { file });
    const bytes = new Uint8Array(fs.readFileSync(abs));
    const workbook = await loadVerificationWorkbook(bytes, file, profile);
    if (workbook.sheets.length === 0) return { ok: false, message: CYCLE_TEXT.notMaster(file) };
    return { ok: true, workbook };
  } catch (err) {
    if (err instanceof WorkbookReadError)
      return { ok: false, message: unreadableMessage(err.reason, err.params) };
    const code = (err as { code?: string }).code;
    if (code === "ENOENT") return { ok: false, message: unreadableMessage("not-found", { file }) };
    return { ok: false, message: `${file}: ${FILE_ERRORS["unreadable-file"].message}` };
  }
}

/** Why OUT cannot be written, or null: it exists (without --force), is an input, or has no folder. */
export function outputProblem(out: string, cwd: string, force: boolean, inputs: string[]): string | null {
  const abs = path.resolve(cwd, out);
  if (inputs.some((i) => path.resolve(cwd, i) === abs)) return CYCLE_TEXT.outputIsInput(out);
  if (!fs.existsSync(path.dirname(abs))) return CYCLE_TEXT.outputDirMissing(path.dirname(out) || ".");
  if (fs.existsSync(abs) && !force) return CYCLE_TEXT.outputExists(out);
  return null;
}

/** Writes bytes to a temp file beside the target, then renames it into place. */
export function writeAtomically(target: string, data: Uint8Array | string): void {
  const tmp = path.join(path.dirname(target), `.~kensho-${randomBytes(6).toString("hex")}.tmp`);
  try {
    fs.writeFileSync(tmp, data);
    fs.renameSync(tmp, target);
  } catch (err) {
    fs.rmSync(tmp, { force: true });
    throw err;
  }
}

/** Node's synchronous SHA-512, for the 100,000 rounds of the sheet protection hash. */
export const nodeSha512: Sha512 = (data) => new Uint8Array(createHash("sha512").update(data).digest());

/** A message for a workbook the writer cannot open (it was readable by the checker). */
export function writerProblem(file: string, err: unknown): string {
  if (err instanceof PackageError)
    return unreadableMessage(err.reason === "encrypted-entry" ? "encrypted" : "corrupt", { file });
  return CYCLE_TEXT.writeFailed(file, err instanceof Error ? err.message : String(err));
}

/** Characters Windows does not allow in a file name become "_". */
export function safeFileName(name: string): string {
  // eslint-disable-next-line no-control-regex
  return name.replace(/[\\/:*?"<>|\x00-\x1f]/g, "_").trim() || "_";
}
