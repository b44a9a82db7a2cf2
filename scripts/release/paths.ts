import * as fs from "fs";
import * as path from "path";

/** The repository root, from the TypeScript sources (jest) and from dist/cli alike. */
export function projectRoot(start = __dirname): string {
  let dir = start;
  for (;;) {
    if (
      fs.existsSync(path.join(dir, "package-lock.json")) &&
      fs.existsSync(path.join(dir, "webpack.config.js"))
    )
      return dir;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`kensho's repository root not found above ${start}`);
    dir = parent;
  }
}

/** Downloaded Node runtimes live with node_modules, so `npm ci` starts them afresh like everything else. */
export const runtimeCacheDir = (root: string) => path.join(root, "node_modules", ".cache", "kensho-release");

export const releaseDir = (root: string) => path.join(root, "release");

/** Intermediate files of a release build (bundle, blob, staged add-in); kept for the artifact tests. */
export const buildDir = (root: string) => path.join(releaseDir(root), ".build");
