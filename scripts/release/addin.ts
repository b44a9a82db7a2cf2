// The add-in's part of `npm run release`: the task pane built once for every city (no URL in it;
// `kensho addin --url` writes the manifest), and the payload the executables carry.
import * as fs from "fs";
import * as path from "path";
import webpack from "webpack";
import { paneFiles, webLicenses, type AddinPayload } from "../../src/cli/addin/payload";
import type { LicenseRecord } from "../../src/cli/addin/notices";

/** Builds the task pane with the project's own webpack.config.js (production), into outDir. */
export async function buildWeb(root: string, outDir: string): Promise<void> {
  const previous = process.env.KENSHO_BASE_URL;
  delete process.env.KENSHO_BASE_URL; // the pane is the same for every city; only the manifest differs
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const factory = require(path.join(root, "webpack.config.js")) as (
      env: Record<string, unknown>,
      argv: Record<string, unknown>,
    ) => Promise<webpack.Configuration>;
    const config = await factory({ webOnly: true }, { mode: "production" });
    config.context = root;
    config.output = { ...config.output, path: outDir, clean: true };
    config.performance = { hints: false };
    await new Promise<void>((resolve, reject) =>
      webpack(config, (err, stats) => {
        if (err) return reject(err);
        if (stats?.hasErrors()) return reject(new Error(stats.toString({ all: false, errors: true })));
        resolve();
      }),
    );
  } finally {
    if (previous !== undefined) process.env.KENSHO_BASE_URL = previous;
  }
}

export interface PanePart {
  web: Map<string, Uint8Array>;
  licenses: LicenseRecord[];
}

/** The built pane without what is not served (manifest template, licence report). */
export const panePart = (webDir: string): PanePart => ({
  web: paneFiles(webDir),
  licenses: webLicenses(webDir),
});

export function payloadFrom(
  pane: PanePart,
  officeJs: { files: Map<string, Uint8Array>; version: string },
  manifestTemplate: string,
  notices: string,
  runbook: string,
): AddinPayload {
  return {
    web: pane.web,
    officeJs: officeJs.files,
    officeJsVersion: officeJs.version,
    manifestTemplate,
    notices,
    runbook,
  };
}

export const readText = (file: string) => fs.readFileSync(file, "utf8");
