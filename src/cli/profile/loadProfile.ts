// `--profile FILE`: a city's profile read from disk, checked, and its problems put in words with the
// key and the line. One bad profile stops the command (exit 2): a check against the wrong layout
// would mislead.
import * as fs from "fs";
import * as path from "path";
import type { LayoutProfile } from "../../core/model";
import { readProfile } from "../../core/profile/validateProfile";
import { PROFILE_TEXT } from "../../i18n/profile";

/** A profile is a page of JSON; anything larger is the wrong file. */
const MAX_PROFILE_BYTES = 1024 * 1024;

export type ProfileLoad = { ok: true; profile: LayoutProfile; name: string } | { ok: false; message: string };

export function loadProfileFile(file: string, cwd: string): ProfileLoad {
  const abs = path.resolve(cwd, file);
  let text: string;
  try {
    if (fs.statSync(abs).size > MAX_PROFILE_BYTES) return { ok: false, message: PROFILE_TEXT.tooLarge(file) };
    text = fs.readFileSync(abs, "utf8");
  } catch {
    return { ok: false, message: PROFILE_TEXT.notFound(file) };
  }
  const read = readProfile(text);
  if (read.ok) return { ok: true, profile: read.profile, name: file };
  return {
    ok: false,
    message: [
      PROFILE_TEXT.badProfile(file),
      ...read.problems.map((p) => PROFILE_TEXT.problemLine(file, p)),
    ].join("\n"),
  };
}
