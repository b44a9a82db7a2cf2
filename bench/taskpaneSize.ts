import * as fs from "fs";
import * as path from "path";
import * as zlib from "zlib";
import { execFileSync } from "child_process";

const ROOT = path.resolve(__dirname, "..", "..", "..");
const WEB = path.join(ROOT, "dist", "web");

/**
 * Gzipped size of every local script taskpane.html loads (office.js comes from Microsoft's CDN), and
 * of that the first load (`firstKb`): what the page names, without the chunks loaded on demand.
 */
export async function taskpaneGzipKB(): Promise<{ kb: number; firstKb: number; files: string[] }> {
  const html = path.join(WEB, "taskpane.html");
  if (!fs.existsSync(html)) {
    execFileSync(
      process.execPath,
      [path.join(ROOT, "node_modules", "webpack", "bin", "webpack.js"), "--mode", "production"],
      {
        cwd: ROOT,
        stdio: "ignore",
      },
    );
  }
  // Scripts the pane's page names (attributes may be unquoted in minified HTML), plus any lazily
  // loaded chunk: every other .js in the build except what only the ribbon's commands page loads.
  const scriptsOf = (page: string) =>
    [...fs.readFileSync(path.join(WEB, page), "utf8").matchAll(/<script[^>]*\ssrc=["']?([^"'\s>]+)/g)]
      .map((m) => m[1])
      .filter((src) => !/^https?:/.test(src))
      .map((src) => src.replace(/^\.?\//, ""));
  const pane = new Set(scriptsOf("taskpane.html"));
  const commandsOnly = new Set(scriptsOf("commands.html").filter((s) => !pane.has(s)));
  // Production scripts live in js/ (content-hashed names, webpack.config.js).
  const files = fs
    .readdirSync(path.join(WEB, "js"))
    .map((f) => `js/${f}`)
    .filter((f) => f.endsWith(".js") && !commandsOnly.has(f))
    .map((f) => path.join(WEB, f));
  let bytes = 0;
  let first = 0;
  for (const f of files) {
    const gz = zlib.gzipSync(fs.readFileSync(f), { level: 9 }).length;
    bytes += gz;
    if (pane.has(path.relative(WEB, f).split(path.sep).join("/"))) first += gz;
  }
  return { kb: bytes / 1024, firstKb: first / 1024, files };
}
