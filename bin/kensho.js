#!/usr/bin/env node
// Thin launcher: the CLI is compiled to dist/cli by `npm run build:cli` (run automatically by `npm ci`).
"use strict";
let main;
try {
  ({ main } = require("../dist/cli/src/cli/main.js"));
} catch (err) {
  if (err && err.code === "MODULE_NOT_FOUND") {
    process.stderr.write(
      "kensho はまだビルドされていません。`npm ci` または `npm run build:cli` を実行してください。\n",
    );
    process.exit(2);
  }
  throw err;
}
main(process.argv.slice(2)).then((code) => {
  // A failed write of the report (closed pipe, full disk) may already have set exit status 2.
  process.exitCode = Math.max(code, Number(process.exitCode ?? 0));
});
