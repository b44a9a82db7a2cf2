import { spawn, spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import webpack from "webpack";
import LicensePlugin from "webpack-license-plugin";

/**
 * Packages whose package.json states no valid SPDX licence (webpack-license-plugin refuses to
 * guess), with what their authors published (exceljs → unzipper → binary needs both):
 * - buffers 0.1.1 has no licence field; its repository (github.com/substack/node-buffers,
 *   LICENSE) is "The MIT License", Copyright (c) 2010 James Halliday;
 * - chainsaw 0.1.0 says "MIT/X11", which is the MIT licence.
 */
const LICENSE_OVERRIDES = { "buffers@0.1.1": "MIT", "chainsaw@0.1.0": "MIT" };

/** webpack-license-plugin's report of the packages bundled into the CLI, beside the bundle. */
export const CLI_LICENSES_FILE = "kensho-sea.licenses.json";

/** The fuse Node's SEA support looks for; postject flips its trailing :0 to :1. */
export const SEA_FUSE = "NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2";

/**
 * The CLI as one CommonJS script: a single executable can only `require` Node's built-in modules,
 * so everything src/cli/launch/seaMain.ts imports is bundled, whatever the dependencies are.
 * A request webpack cannot resolve at build time ("Critical dependency") would fail inside the
 * executable, so it fails the build here.
 */
export function bundleCli(root: string, outDir: string): Promise<string> {
  const config: webpack.Configuration = {
    name: "sea",
    mode: "production",
    target: "node22",
    context: root,
    devtool: false,
    entry: path.join(root, "src", "cli", "launch", "seaMain.ts"),
    output: { path: outDir, filename: "kensho-sea.js", clean: false },
    resolve: { extensions: [".ts", ".tsx", ".js", ".json"] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            options: { transpileOnly: true, compilerOptions: { module: "esnext", sourceMap: false } },
          },
        },
      ],
    },
    // Readable stack traces beat a smaller script: the Node binary around it is ~70 MB anyway.
    optimization: { minimize: false },
    node: { __dirname: false, __filename: false },
    performance: { hints: false },
    plugins: [new LicensePlugin({ outputFilename: CLI_LICENSES_FILE, licenseOverrides: LICENSE_OVERRIDES })],
  };
  return new Promise((resolve, reject) => {
    webpack(config, (err, stats) => {
      if (err) return reject(err);
      if (!stats) return reject(new Error("webpack returned no stats"));
      const info = stats.toJson({ all: false, errors: true, warnings: true });
      const problems = [
        ...(info.errors ?? []),
        ...(info.warnings ?? []).filter((w) => /Critical dependency|Module not found/.test(w.message)),
      ];
      if (problems.length > 0) return reject(new Error(problems.map((p) => p.message).join("\n\n")));
      resolve(path.join(outDir, "kensho-sea.js"));
    });
  });
}

/** The version a node binary reports, e.g. "v22.23.3". */
export function nodeVersionOf(node: string): string {
  const r = spawnSync(node, ["--version"], { encoding: "utf8" });
  if (r.status !== 0) throw new Error(`${node} --version failed: ${r.stderr || r.error}`);
  return r.stdout.trim();
}

/**
 * The preparation blob. No code cache and no snapshot: those are specific to the platform that
 * makes them, and one blob goes into both the Linux and the Windows binary. The blob records the
 * main script's path as sea-config.json names it, so every path is given relative to the blob's
 * folder (and the generator runs there): no build path ends up inside the executables.
 */
export function writeSeaBlob(
  generator: string,
  script: string,
  assets: Record<string, string>,
  blob: string,
) {
  const dir = path.dirname(blob);
  const config = path.join(dir, "sea-config.json");
  const rel = (p: string) => path.relative(dir, p).split(path.sep).join("/");
  fs.writeFileSync(
    config,
    JSON.stringify(
      {
        main: rel(script),
        output: rel(blob),
        disableExperimentalSEAWarning: true,
        useSnapshot: false,
        useCodeCache: false,
        assets: Object.fromEntries(Object.entries(assets).map(([k, v]) => [k, rel(v)])),
      },
      null,
      2,
    ),
  );
  const r = spawnSync(generator, ["--experimental-sea-config", "sea-config.json"], {
    cwd: dir,
    encoding: "utf8",
  });
  if (r.status !== 0 || !fs.existsSync(blob))
    throw new Error(`blob generation failed: ${r.stderr || r.stdout || r.error}`);
}

/** Injects the blob in a child process (see injectWorker.ts); resolves when it has finished. */
export function injectBlob(binary: string, blob: string): Promise<void> {
  const worker = path.join(__dirname, "injectWorker.js");
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [worker, binary, blob], { stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (d) => (output += d));
    child.stderr.on("data", (d) => (output += d));
    child.on("error", reject);
    child.on("close", (code) =>
      code === 0
        ? resolve()
        : reject(new Error(`postject failed on ${binary} (exit ${code}):\n${output.slice(-4000)}`)),
    );
  });
}
