// `npm run release:fetch`, and the last step of `npm ci` (prepare): puts the pinned Node runtimes
// for the single executables into node_modules/.cache so that `npm run release` needs no network.
// With --optional (prepare) a failure is a warning: `npx kensho` does not need these.
// KENSHO_SKIP_RUNTIMES=1 skips the download in prepare.
import { projectRoot } from "./paths";
import { fetchRuntime, runtimePin, TARGETS } from "./runtimes";

const optional = process.argv.includes("--optional");
if (optional && process.env.KENSHO_SKIP_RUNTIMES === "1") {
  process.stdout.write("kensho: KENSHO_SKIP_RUNTIMES=1, Node runtimes for `npm run release` not fetched\n");
} else {
  const root = projectRoot();
  let failed = false;
  for (const target of TARGETS) {
    try {
      const file = fetchRuntime(root, runtimePin(target));
      process.stdout.write(`kensho: runtime ${target} ready (${file})\n`);
    } catch (err) {
      failed = true;
      process.stderr.write(`kensho: ${err instanceof Error ? err.message : String(err)}\n`);
    }
  }
  if (failed && optional) {
    process.stderr.write(
      "kensho: `npm run release` will need `npm run release:fetch` (npm registry) first\n",
    );
  } else if (failed) {
    process.exitCode = 1;
  }
}
