// The names of what `npm run release` writes, and release/.build/release.json's shape: shared by
// the build and the artifact tests (which must not load the build's ESM-only libraries).
import type { AddinSettings } from "../../src/cli/addin/package";
import { SEA_ADDIN_ASSET } from "../../src/cli/addin/payload";
import type { AuthenticodeResult } from "./authenticode";

export const ARTIFACTS = {
  winExe: "kensho-win-x64.exe",
  linuxBinary: "kensho-linux-x64",
  winZip: "kensho-win-x64.zip",
  addinZip: "kensho-addin.zip",
  sums: "SHA256SUMS.txt",
  blob: "kensho.blob",
  payload: SEA_ADDIN_ASSET,
  /** What the release was built with, for the artifact tests (release/.build/release.json). */
  settings: "release.json",
} as const;

export interface ReleaseSettings {
  kensho: string;
  node: string;
  /** The configured add-in package's settings, when KENSHO_BASE_URL and KENSHO_CATALOG were set. */
  addin: AddinSettings | null;
  /** The zips' timestamp (ISO), from SOURCE_DATE_EPOCH or the commit. */
  timestamp: string;
  /** What was checked of node.exe before its signature was removed. */
  nodeExe: { sha256: string; publishedSha256: string; authenticode: AuthenticodeResult };
  /** The Linux runtime: nodejs.org publishes no hash of the bare binary, so it is not compared. */
  nodeLinux: { sha256: string; published: null };
}
