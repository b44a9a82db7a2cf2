// Web build of the add-in: task pane + ribbon FunctionFile into dist/web (dist/cli belongs to the
// CLI's tsc build, so this config never cleans above dist/web). A second, test-only compilation
// bundles the fake-Excel office.js shim and the demo viewer into dist/test-shim; it never ships.
//
//   npm run build        production, offline, no certificates
//   npm run dev-server   https://localhost:3000 with office-addin-dev-certs (serve mode only)
//   KENSHO_BASE_URL=https://example.org/kensho/ npm run build   manifest for a real host
//
// Production scripts are named by their content (js/[name].[contenthash].js) so that a server's
// web.config can let them be cached for good while taskpane.html is always revalidated; the
// bundled packages' licences go to oss-licenses.json (webpack-license-plugin, read from each
// package's own files, no network) for THIRD-PARTY-NOTICES.txt.
const path = require("path");
const fs = require("fs");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const LicensePlugin = require("webpack-license-plugin");
const { preflightScript } = require("./scripts/webpack/preflight");

const root = __dirname;
const TITLE = "効果検証チェック";

/**
 * manifest.xml for KENSHO_BASE_URL (developers; a city's package comes from `kensho addin`): the
 * CLI's structural rewrite of the URL attributes, from its build (`npm ci` runs build:cli).
 */
function manifestFor(content) {
  const url = process.env.KENSHO_BASE_URL;
  if (!url) return content;
  const { configureManifest } = require("./dist/cli/src/cli/addin/manifest.js");
  return configureManifest(content.toString(), url.replace(/\/*$/, "/"));
}

function tsRule(dev) {
  return {
    test: /\.tsx?$/,
    exclude: /node_modules/,
    use: {
      loader: "ts-loader",
      options: {
        // Type checking is `npm run typecheck`; ES modules let webpack tree-shake Fluent UI.
        transpileOnly: true,
        compilerOptions: { module: "esnext", sourceMap: dev },
      },
    },
  };
}

// Our own pure modules: lets webpack drop unused exports (e.g. the CLI-only parts of src/i18n).
const pureModules = { test: /[\\/]src[\\/](core|i18n|adapters)[\\/]/, sideEffects: false };

function webConfig(dev) {
  const scripts = dev ? "[name].js" : "js/[name].[contenthash:16].js";
  return {
    name: "web",
    mode: dev ? "development" : "production",
    devtool: dev ? "source-map" : false,
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      commands: "./src/commands/commands.ts",
    },
    output: {
      path: path.join(root, "dist/web"),
      filename: scripts,
      chunkFilename: scripts,
      clean: true,
    },
    resolve: { extensions: [".ts", ".tsx", ".js"] },
    module: { rules: [tsRule(dev), pureModules] },
    performance: { hints: dev ? false : "warning", maxEntrypointSize: 900 * 1024, maxAssetSize: 900 * 1024 },
    plugins: [
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["taskpane"],
        title: TITLE,
        // The ES5 script that speaks where the pane cannot run (IE11, EdgeHTML, no office.js).
        preflight: preflightScript(root),
      }),
      new HtmlWebpackPlugin({
        filename: "commands.html",
        template: "./src/commands/commands.html",
        chunks: ["commands"],
        title: TITLE,
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets", to: "assets", noErrorOnMissing: true },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            noErrorOnMissing: true,
            transform: manifestFor,
          },
        ],
      }),
      ...(dev ? [] : [new LicensePlugin({ outputFilename: "oss-licenses.json" })]),
    ],
  };
}

/** Test/demo only: office.js shim backed by the fake Excel, and the demo's workbook viewer. */
function shimConfig(dev) {
  const entry = {};
  if (fs.existsSync(path.join(root, "test/browser/shim.ts"))) entry["office-shim"] = "./test/browser/shim.ts";
  if (fs.existsSync(path.join(root, "scripts/demo/view.ts"))) entry["demo-view"] = "./scripts/demo/view.ts";
  if (Object.keys(entry).length === 0) return null;
  return {
    name: "test-shim",
    mode: dev ? "development" : "production",
    devtool: false,
    entry,
    output: { path: path.join(root, "dist/test-shim"), filename: "[name].js", clean: true },
    resolve: { extensions: [".ts", ".tsx", ".js"] },
    module: { rules: [tsRule(false), pureModules] },
    performance: { hints: false },
  };
}

module.exports = async (env, argv) => {
  const dev = argv.mode === "development";
  const web = webConfig(dev);
  if (env && env.WEBPACK_SERVE) {
    // Certificates only when serving: `npm run build` must work offline on a fresh machine.
    const devCerts = require("office-addin-dev-certs");
    web.devServer = {
      port: Number(process.env.npm_package_config_dev_server_port || 3000),
      headers: { "Access-Control-Allow-Origin": "*" },
      server: { type: "https", options: await devCerts.getHttpsServerOptions() },
      static: false,
      hot: false,
    };
    return web;
  }
  const shim = env && env.webOnly ? null : shimConfig(dev);
  return shim ? [web, shim] : web;
};
