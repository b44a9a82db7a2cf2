// Build-time: the task pane's ES5 preflight script (src/taskpane/preflight/preflight.es5.js) with
// its messages from the i18n catalogue (src/i18n/preflight.ts) written in, for taskpane.html.
// webpack.config.js and the tests use it, so the page and the tests carry the same script.
const fs = require("fs");
const path = require("path");

/** Loads src/i18n/preflight.ts (it imports nothing) by transpiling it with the project's TypeScript. */
function preflightMessages(root) {
  const ts = require("typescript");
  const source = fs.readFileSync(path.join(root, "src/i18n/preflight.ts"), "utf8");
  const js = ts.transpileModule(source, {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020 },
  }).outputText;
  const mod = { exports: {} };
  new Function("module", "exports", "require", js)(mod, mod.exports, () => {
    throw new Error("src/i18n/preflight.ts must import nothing");
  });
  return mod.exports.PREFLIGHT_MESSAGES;
}

/**
 * JSON that is a valid ES5 literal inside an HTML <script>: every non-ASCII character (U+2028 and
 * U+2029 are line terminators to ES5) and "<" (no "</script>" or "<!--") as \u escapes.
 */
function scriptJson(value) {
  return JSON.stringify(value).replace(
    /[\u007f-\uffff<]/g,
    (c) => "\\u" + c.charCodeAt(0).toString(16).padStart(4, "0"),
  );
}

/** The preflight script's source with the messages in place. */
function preflightScript(root) {
  const source = fs.readFileSync(path.join(root, "src/taskpane/preflight/preflight.es5.js"), "utf8");
  const marker = "/* KENSHO_PREFLIGHT_MESSAGES */ null";
  if (!source.includes(marker)) throw new Error(`preflight.es5.js lost its marker ${marker}`);
  return source.replace(marker, () => scriptJson(preflightMessages(root)));
}

module.exports = { preflightScript, preflightMessages, scriptJson };
