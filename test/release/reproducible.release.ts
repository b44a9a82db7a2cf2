// Two builds of one commit on different paths are the same bytes. The second build runs from a
// copy of the checkout's tracked files at another path (node_modules hard-linked), with the first
// build's timestamp, and every artifact is compared. It costs a whole release build (~1.5 min on
// two cores), so it runs when KENSHO_REPRODUCE=1 (.ci/run sets it).
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { ARTIFACTS, type ReleaseSettings } from "../../scripts/release/artifacts";

const ROOT = path.join(__dirname, "..", "..");
const RELEASE = path.join(ROOT, "release");
const settings = JSON.parse(
  fs.readFileSync(path.join(RELEASE, ".build", ARTIFACTS.settings), "utf8"),
) as ReleaseSettings;

(process.env.KENSHO_REPRODUCE === "1" ? test : test.skip)(
  "a second build on another path writes the same bytes (executables, zips, sums)",
  () => {
    const base = fs.mkdtempSync(path.join(os.tmpdir(), "kensho-repro-"));
    const copy = path.join(base, "another", "path", "kensho");
    try {
      const tracked = spawnSync("git", ["ls-files", "-z"], { cwd: ROOT, encoding: "utf8" });
      expect(tracked.status).toBe(0);
      for (const rel of tracked.stdout.split("\0").filter(Boolean)) {
        const from = path.join(ROOT, rel);
        if (!fs.existsSync(from)) continue; // deleted in the working tree
        fs.mkdirSync(path.dirname(path.join(copy, rel)), { recursive: true });
        fs.copyFileSync(from, path.join(copy, rel));
      }
      // node_modules as a tree of hard links: the copy's packages live under its own path, as in a
      // fresh clone (a symlink would make webpack see the first checkout's real paths).
      const link = spawnSync("cp", ["-al", path.join(ROOT, "node_modules"), path.join(copy, "node_modules")]);
      expect(link.status).toBe(0);
      const env = {
        ...process.env,
        SOURCE_DATE_EPOCH: String(Date.parse(settings.timestamp) / 1000),
      };
      const tsc = spawnSync(
        process.execPath,
        [path.join(ROOT, "node_modules", "typescript", "bin", "tsc"), "-p", "tsconfig.cli.json"],
        { cwd: copy, env, encoding: "utf8" },
      );
      expect(tsc.stdout + tsc.stderr).toBe("");
      const build = spawnSync(
        process.execPath,
        [path.join("dist", "cli", "scripts", "release", "release.js")],
        {
          cwd: copy,
          env,
          encoding: "utf8",
        },
      );
      expect({ status: build.status, stderr: build.stderr }).toEqual({ status: 0, stderr: "" });
      const names = fs.readFileSync(path.join(RELEASE, ARTIFACTS.sums), "utf8").trim().split("\n");
      expect(
        fs
          .readFileSync(path.join(copy, "release", ARTIFACTS.sums), "utf8")
          .trim()
          .split("\n"),
      ).toEqual(names);
      for (const name of [...names.map((l) => l.split("  ")[1]), ARTIFACTS.sums])
        expect({
          name,
          same: fs
            .readFileSync(path.join(copy, "release", name))
            .equals(fs.readFileSync(path.join(RELEASE, name))),
        }).toEqual({ name, same: true });
      fs.rmSync(base, { recursive: true, force: true });
    } catch (err) {
      // Kept for a look at what differs (release/.build beside the copy's).
      process.stderr.write(`reproducibility: the second build is in ${copy}\n`);
      throw err;
    }
  },
  600000,
);
