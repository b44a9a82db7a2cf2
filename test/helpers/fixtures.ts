// Builds the xlsx fixtures (scripts/build-fixtures.ts) once per process into a temp directory.
// Jest gives every test file its own module registry, so the cache is a manifest on disk keyed by
// process id and start time: test files run by the same worker reuse what the first one built.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { buildFixtures, FIXTURE_NAMES, type FixtureName } from "../../scripts/build-fixtures";

export type { FixtureName };
export type Fixtures = Record<FixtureName, string>;

const processStart = Math.round(Date.now() - process.uptime() * 1000);
/** Temp directory of this process's fixtures. */
export const fixtureDir = path.join(os.tmpdir(), `kensho-fixtures-${process.pid}-${processStart}`);
const manifestFile = path.join(fixtureDir, "manifest.json");

let pending: Promise<Fixtures> | null = null;

function readManifest(): Fixtures | null {
  try {
    const files = JSON.parse(fs.readFileSync(manifestFile, "utf8")) as Fixtures;
    return FIXTURE_NAMES.every((n) => files[n] && fs.existsSync(files[n])) ? files : null;
  } catch {
    return null;
  }
}

/** Removes fixture directories left by test processes that have ended (exit hooks may not run under Jest). */
function removeStaleDirs(): void {
  for (const entry of fs.readdirSync(os.tmpdir())) {
    const m = /^kensho-fixtures-(\d+)-\d+$/.exec(entry);
    if (!m || path.join(os.tmpdir(), entry) === fixtureDir) continue;
    try {
      process.kill(Number(m[1]), 0); // signal 0 only asks whether the process exists
    } catch (err) {
      if ((err as { code?: string }).code === "ESRCH")
        fs.rmSync(path.join(os.tmpdir(), entry), { recursive: true, force: true });
    }
  }
}

async function build(): Promise<Fixtures> {
  const existing = readManifest();
  if (existing) return existing;
  removeStaleDirs();
  const files = await buildFixtures(fixtureDir);
  fs.writeFileSync(manifestFile, JSON.stringify(files, null, 2));
  process.once("exit", () => fs.rmSync(fixtureDir, { recursive: true, force: true }));
  return files;
}

/** All fixtures, name -> absolute path. Built on first use in this process. */
export function getFixtures(): Promise<Fixtures> {
  pending ??= build();
  return pending;
}

/** Absolute path of one fixture. */
export async function fixturePath(name: FixtureName): Promise<string> {
  return (await getFixtures())[name];
}
