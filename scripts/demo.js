#!/usr/bin/env node
// `npm run demo [-- PORT]`: the built task pane beside a read-only view of the sample workbook,
// both driven by the fake Excel (test/fakes/fakeExcel.ts), so the add-in can be tried without
// Excel. Serves on http://127.0.0.1:3001 by default.
//
// Needs: dist/web (npm run build), dist/test-shim (built by the same webpack run) and
// dist/cli (npm run build:cli) for the xlsx reader. `npm run demo` builds all three first.
"use strict";
const http = require("http");
const fs = require("fs");
const path = require("path");

const root = path.join(__dirname, "..");
const WEB = path.join(root, "dist/web");
const SHIM = path.join(root, "dist/test-shim");
const OFFICE_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
const DEFAULT_SAMPLE = path.join(root, "assets/sample/kensho-sample-r5.xlsx");
const { DEMO_TEXT } = require(path.join(root, "dist/cli/src/i18n/demo.js"));

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".png": "image/png",
  ".xml": "application/xml; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

const DEMO_PAGE = `<!doctype html>
<html lang="ja">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${DEMO_TEXT.pageTitle}</title>
<style>
  html, body { margin: 0; height: 100%; font-family: "Segoe UI", "Yu Gothic UI", "Meiryo", system-ui, sans-serif; }
  body { display: flex; flex-direction: column; }
  header { padding: 6px 12px; background: #217346; color: #fff; font-size: 14px; display: flex; gap: 12px; align-items: baseline; }
  header small { opacity: .9; }
  .panes { flex: 1; display: flex; min-height: 0; }
  #workbook { flex: 1; min-width: 0; display: flex; flex-direction: column; border-right: 1px solid #c8c6c4; }
  #pane { width: 360px; border: 0; flex: none; }
</style>
</head>
<body>
<header><strong>${DEMO_TEXT.heading}</strong><small>${DEMO_TEXT.subheading}</small></header>
<div class="panes">
  <section id="workbook" aria-label="${DEMO_TEXT.workbookLabel}"></section>
  <iframe id="pane" title="${DEMO_TEXT.paneLabel}"></iframe>
</div>
<script src="/grids.js"></script>
<script src="/test-shim/demo-view.js"></script>
</body>
</html>
`;

async function loadGrids(file) {
  let reader;
  try {
    reader = require(path.join(root, "dist/cli/src/adapters/xlsx/readWorkbook.js"));
  } catch {
    throw new Error("dist/cli is missing: run `npm run build:cli` (or `npm run demo`, which builds it).");
  }
  return reader.readWorkbookFile(file);
}

function send(res, status, type, body) {
  res.writeHead(status, { "Content-Type": type, "Cache-Control": "no-store" });
  res.end(body);
}

function serveFile(res, dir, rel) {
  const file = path.normalize(path.join(dir, rel));
  if (!file.startsWith(dir + path.sep)) return send(res, 403, "text/plain", "forbidden");
  fs.readFile(file, (err, data) => {
    if (err) return send(res, 404, "text/plain", "not found");
    send(res, 200, TYPES[path.extname(file)] || "application/octet-stream", data);
  });
}

/** Starts the demo server; resolves with its URL. Exported for tests. */
async function startDemo({ port = 3001, host = "127.0.0.1", sample = DEFAULT_SAMPLE } = {}) {
  for (const [dir, hint] of [
    [WEB, "npm run build"],
    [path.join(SHIM, "office-shim.js"), "npm run build"],
    [path.join(SHIM, "demo-view.js"), "npm run build"],
  ]) {
    if (!fs.existsSync(dir))
      throw new Error(`${path.relative(root, dir)} is missing: run \`${hint}\` first.`);
  }
  const grids = await loadGrids(sample);
  const gridsJs = `window.__kenshoGrids = ${JSON.stringify(grids)};\n`;
  const server = http.createServer((req, res) => {
    const url = new URL(req.url || "/", "http://x");
    const p = decodeURIComponent(url.pathname);
    if (p === "/" || p === "/index.html") return send(res, 200, TYPES[".html"], DEMO_PAGE);
    if (p === "/favicon.ico") return send(res, 204, "text/plain", "");
    if (p === "/grids.js") return send(res, 200, TYPES[".js"], gridsJs);
    if (p === "/taskpane.html") {
      // The real page loads office.js from Microsoft's CDN; here it gets the fake instead.
      const html = fs
        .readFileSync(path.join(WEB, "taskpane.html"), "utf8")
        .split(OFFICE_CDN)
        .join("/test-shim/office-shim.js");
      return send(res, 200, TYPES[".html"], html);
    }
    if (p.startsWith("/test-shim/")) return serveFile(res, SHIM, p.slice("/test-shim/".length));
    return serveFile(res, WEB, p.slice(1));
  });
  await new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, resolve);
  });
  const addr = server.address();
  return { url: `http://${host}:${addr.port}/`, server };
}

module.exports = { startDemo };

if (require.main === module) {
  const arg = process.argv.slice(2).find((a) => /^\d+$/.test(a));
  const port = Number(arg || process.env.KENSHO_DEMO_PORT || 3001);
  startDemo({ port }).then(
    ({ url }) => {
      process.stdout.write(`${DEMO_TEXT.serving(url)}\n`);
    },
    (err) => {
      process.stderr.write(`${err.message}\n`);
      process.exit(1);
    },
  );
}
