// `kensho addin --url https://… --catalog \\server\share [--office-js local|cdn] -o フォルダー`:
// writes a city's intranet package for the Excel add-in into a new folder, from the files the
// executable carries (or a checkout's build). Nothing is overwritten: the folder must be new or
// empty, and every file is created with the "wx" flag.
import * as fs from "fs";
import * as path from "path";
import { ADDIN_TEXT } from "../../i18n/addin";
import { addinPackageEntries, type PackageEntry } from "../addin/package";
import { loadPayload } from "../addin/payloadSource";
import { checkBaseUrl, checkCatalogPath, checkOfficeJsMode } from "../addin/settings";
import type { CliIo } from "../cliIo";
import { EXIT } from "../exitCodes";
import type { CommandSpec, OptionValues } from "../options/optionTable";

export const ADDIN_COMMAND: CommandSpec = {
  name: "addin",
  options: [
    { name: "--url", kind: "text", valueName: "<https://…>" },
    { name: "--catalog", kind: "text", valueName: "<\\\\サーバー\\共有>" },
    { name: "--office-js", kind: "text", valueName: "<local|cdn>", defaultValue: "cdn" },
    { name: "--output", alias: "-o", kind: "text", valueName: "<フォルダー>" },
    { name: "--help", alias: "-h", kind: "flag" },
  ],
};

/** Why the folder cannot take the package, or null; a missing folder is created later. */
function outputFolderProblem(abs: string, shown: string): string | null {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(abs);
  } catch {
    return null;
  }
  if (!stat.isDirectory()) return ADDIN_TEXT.outputIsFile(shown);
  return fs.readdirSync(abs).length > 0 ? ADDIN_TEXT.outputNotEmpty(shown) : null;
}

/** Writes every entry as a new file under dir; on failure, what this run wrote is removed again. */
function writeEntries(dir: string, entries: PackageEntry[]): void {
  const created: string[] = [];
  const createdDirs: string[] = [];
  try {
    if (!fs.existsSync(dir)) {
      fs.mkdirSync(dir, { recursive: true });
      createdDirs.push(dir);
    }
    for (const e of entries) {
      const file = path.join(dir, ...e.name.split("/"));
      const parent = path.dirname(file);
      if (!fs.existsSync(parent)) {
        fs.mkdirSync(parent, { recursive: true });
        createdDirs.push(parent);
      }
      fs.writeFileSync(file, e.data, { flag: "wx" });
      created.push(file);
    }
  } catch (err) {
    for (const f of created.reverse()) fs.rmSync(f, { force: true });
    for (const d of createdDirs.reverse()) fs.rmSync(d, { recursive: true, force: true });
    throw err;
  }
}

export async function runAddin(values: OptionValues, _positionals: string[], io: CliIo): Promise<number> {
  const fail = (message: string) => {
    io.stderr(`${message}\n`);
    return EXIT.failure;
  };
  const url = checkBaseUrl(values["--url"] as string | undefined);
  if (!url.ok) return fail(ADDIN_TEXT.problem(url.problem));
  const catalog = checkCatalogPath(values["--catalog"] as string | undefined);
  if (!catalog.ok) return fail(ADDIN_TEXT.problem(catalog.problem));
  const officeJs = checkOfficeJsMode(values["--office-js"] as string | undefined);
  if (!officeJs.ok) return fail(ADDIN_TEXT.problem(officeJs.problem));
  const out = values["--output"] as string | undefined;
  if (!out) return fail(ADDIN_TEXT.outputMissing);
  const dir = path.resolve(io.cwd, out);
  const problem = outputFolderProblem(dir, out);
  if (problem) return fail(problem);

  const payload = loadPayload();
  if (payload === "no-checkout") return fail(ADDIN_TEXT.noCheckout);
  if (payload === "no-web-build") return fail(ADDIN_TEXT.noWebBuild);
  const entries = addinPackageEntries(payload, {
    baseUrl: url.value,
    catalog: catalog.value,
    officeJs: officeJs.value,
  });
  if (entries === "no-office-js") return fail(ADDIN_TEXT.noOfficeJs);
  try {
    writeEntries(dir, entries);
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    return fail(ADDIN_TEXT.writeFailed(e.path ?? out, e.code ?? e.message));
  }
  io.stdout(`${ADDIN_TEXT.written(out, entries.length)}\n${ADDIN_TEXT.nextSteps}\n`);
  return EXIT.ok;
}
