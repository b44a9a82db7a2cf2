// The pane's first load stays small: the xlsx reader (its zip and XML libraries) and the merge
// planner of 提出ファイルを取り込む are in chunks loaded on demand, never in what taskpane.html loads.
// Reads the production build in dist/web (npm test builds it first).
import * as fs from "fs";
import * as path from "path";
import * as zlib from "zlib";

const WEB = path.join(__dirname, "../../dist/web");
const built = fs.existsSync(path.join(WEB, "taskpane.html"));

/** Strings only the reader's code holds, each from a different part of it. */
const READER_MARKERS = [
  "[Content_Types].xml", // the package reader (src/adapters/xlsx/package)
  "unreadable workbook", // WorkbookReadError (src/adapters/xlsx/read)
  "invalid zip data", // fflate
  "ontextentity", // htmlparser2's Tokenizer (the reader drives it directly)
];

/** bench/run.ts's target for the pane, gzipped. */
const BUDGET_KB = 300;

const read = (f: string) => fs.readFileSync(path.join(WEB, f), "utf8");

/** Scripts taskpane.html loads itself (office.js comes from Microsoft's CDN). */
function firstLoad(): string[] {
  return [...read("taskpane.html").matchAll(/<script[^>]*\ssrc=["']?([^"'\s>]+)/g)]
    .map((m) => m[1])
    .filter((src) => !/^https?:/.test(src))
    .map((src) => src.replace(/^\.?\//, ""));
}

(built ? describe : describe.skip)("the pane's bundle", () => {
  test("taskpane.html loads no reader code; the reader is in a chunk of its own", () => {
    const first = firstLoad();
    // Named by content (webpack [contenthash]) in js/, so a server may cache them for good.
    expect(first).toEqual([expect.stringMatching(/^js\/taskpane\.[0-9a-f]{16}\.js$/)]);
    const main = first.map(read).join("\n");
    for (const m of READER_MARKERS) expect([m, main.includes(m)]).toEqual([m, false]);
    const scripts = fs.readdirSync(path.join(WEB, "js")).map((f) => `js/${f}`);
    const lazy = scripts
      .filter((f) => f.endsWith(".js") && !first.includes(f) && !/^js\/commands\./.test(f))
      .map(read)
      .join("\n");
    for (const m of READER_MARKERS) expect([m, lazy.includes(m)]).toEqual([m, true]);
    expect(scripts.filter((f) => /^js\/submissions\.[0-9a-f]{16}\.js$/.test(f))).toHaveLength(1);
  });

  test("taskpane.html runs its inline scripts (the preflight) before office.js and the bundle, all ES5", () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const acorn = require("acorn") as typeof import("acorn");
    const html = read("taskpane.html");
    const inline = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)];
    expect(inline.map((m) => m[1].includes("kenshoPreflight"))).toEqual([true, true]);
    for (const m of inline) acorn.parse(m[1], { ecmaVersion: 5, sourceType: "script" });
    const office = html.indexOf("appsforoffice.microsoft.com");
    expect(inline[0].index).toBeLessThan(office);
    expect(inline[1].index).toBeGreaterThan(office);
    const bundle = html.search(/js\/taskpane\.[0-9a-f]{16}\.js/);
    expect(bundle).toBeGreaterThan(inline[0].index!);
  });

  test("the preflight probe asks for the ECMAScript version the bundle needs, no more and no less", () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const acorn = require("acorn") as typeof import("acorn");
    const probe = /var PROBE = "([^"]+)";/.exec(
      fs.readFileSync(path.join(__dirname, "../../src/taskpane/preflight/preflight.es5.js"), "utf8"),
    )![1];
    const parses = (src: string, v: import("acorn").ecmaVersion) => {
      try {
        acorn.parse(src, { ecmaVersion: v });
        return true;
      } catch {
        return false;
      }
    };
    const versions = [2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024] as const;
    const i = versions.findIndex((v) => parses(`(function () { ${probe} })`, v));
    expect(i).toBeGreaterThan(0);
    // The bundle parses at the probe's version and not one below.
    const [main] = firstLoad();
    const bundle = read(main);
    expect([parses(bundle, versions[i - 1]), parses(bundle, versions[i])]).toEqual([false, true]);
  });

  test(`the first load is within the budget (${BUDGET_KB} KB gzipped)`, () => {
    const kb =
      firstLoad().reduce(
        (n, f) => n + zlib.gzipSync(fs.readFileSync(path.join(WEB, f)), { level: 9 }).length,
        0,
      ) / 1024;
    expect(kb).toBeLessThanOrEqual(BUDGET_KB);
  });
});

if (!built) {
  test("the web build exists (run `npm run build`)", () => {
    expect(built).toBe(true);
  });
}
