// Files for planning's commands: inputs read whole and never written; outputs written to a temp
// file in the target folder and renamed into place, so a failure leaves nothing half-written.
import type { LayoutProfile } from "../../core/model";
import type { OptionValues } from "../options/optionTable";
import { loadProfileFile } from "../profile/loadProfile";
import * as fs from "fs";
import { unreadableMessage } from "../../i18n/xlsx";
import * as path from "path";
import * as crypto from "crypto";
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

/**
 * Writes several files as one: each into a temp file beside its target first, then all renamed into
 * place. When any write or rename fails, the files already placed are taken back (a file --force was
 * replacing is put back as it was), every temp file goes, and the error is thrown: the folders are
 * left as they were found.
 */
export function writeAllOrNothing(files: ReadonlyArray<{ target: string; data: Uint8Array | string }>): void {
  const temp = (target: string, kind: string) =>
    path.join(path.dirname(target), `.~kensho-${randomBytes(6).toString("hex")}.${kind}`);
  const staged: Array<{ target: string; tmp: string; backup: string | null; done: boolean }> = [];
  try {
    for (const f of files) {
      const entry = {
        target: f.target,
        tmp: temp(f.target, "new"),
        backup: null as string | null,
        done: false,
      };
      staged.push(entry);
      fs.writeFileSync(entry.tmp, f.data);
    }
    for (const entry of staged) {
      if (fs.existsSync(entry.target)) {
        if (!fs.statSync(entry.target).isFile())
          throw Object.assign(new Error(entry.target), { code: "EISDIR" });
        const backup = temp(entry.target, "old");
        fs.renameSync(entry.target, backup);
        entry.backup = backup;
      }
      fs.renameSync(entry.tmp, entry.target);
      entry.done = true;
    }
    // Every file in place: what --force replaced can go.
    for (const entry of staged) if (entry.backup) fs.rmSync(entry.backup, { force: true });
  } catch (err) {
    for (const entry of [...staged].reverse()) {
      try {
        if (entry.done) fs.rmSync(entry.target, { force: true });
        if (entry.backup) fs.renameSync(entry.backup, entry.target);
      } catch {
        // Best effort: the error below is what the user is told.
      }
    }
    throw err;
  } finally {
    for (const entry of staged) fs.rmSync(entry.tmp, { force: true });
  }
}

/** Node's synchronous SHA-512, for the 100,000 rounds of the sheet protection hash. */
export const nodeSha512: Sha512 = crypto.hash
  ? (data) => crypto.hash("sha512", data, "buffer") // one call per round: a third faster than createHash
  : (data) => createHash("sha512").update(data).digest();

/** A message for a workbook the writer cannot open (it was readable by the checker). */
export function writerProblem(file: string, err: unknown): string {
  if (err instanceof PackageError)
    return unreadableMessage(err.reason === "encrypted-entry" ? "encrypted" : "corrupt", { file });
  return CYCLE_TEXT.writeFailed(file, err instanceof Error ? err.message : String(err));
}
