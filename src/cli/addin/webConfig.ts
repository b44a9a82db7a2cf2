// web.config for IIS, shipped in web/: what to cache for how long, and the MIME types the pane's
// files need. Scripts webpack names by their content (js/…[contenthash].js) never change under
// one name, so browsers and WebView2 keep them a year; every other file (taskpane.html, which
// names the current scripts, the icons, the local office.js copy) is revalidated on each load,
// so an update can never pair a new page with an old script.
//
// IIS: <clientCache cacheControlMode="DisableCache"/> sends "Cache-Control: no-cache";
// UseMaxAge with cacheControlCustom sends "max-age=…, immutable" (IIS configuration reference,
// system.webServer/staticContent/clientCache). Each <mimeMap> is preceded by <remove> so the file
// also works where the server already maps that extension (a duplicate entry is a 500 error).

/** The folder of content-hashed scripts (webpack output.filename / chunkFilename). */
export const HASHED_DIR = "js";

const MIME_TYPES: [string, string][] = [
  [".css", "text/css; charset=utf-8"],
  [".html", "text/html; charset=utf-8"],
  [".js", "text/javascript; charset=utf-8"],
  [".json", "application/json; charset=utf-8"],
  [".png", "image/png"],
  [".txt", "text/plain; charset=utf-8"],
];

export function webConfigXml(): string {
  const mime = MIME_TYPES.flatMap(([ext, type]) => [
    `      <remove fileExtension="${ext}" />`,
    `      <mimeMap fileExtension="${ext}" mimeType="${type}" />`,
  ]);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    "<!-- kensho: IIS settings for the task pane (see 配置手順.md). -->",
    "<configuration>",
    "  <system.webServer>",
    "    <staticContent>",
    '      <clientCache cacheControlMode="DisableCache" />',
    ...mime,
    "    </staticContent>",
    "  </system.webServer>",
    `  <location path="${HASHED_DIR}">`,
    "    <system.webServer>",
    "      <staticContent>",
    '        <clientCache cacheControlMode="UseMaxAge" cacheControlMaxAge="365.00:00:00" cacheControlCustom="immutable" />',
    "      </staticContent>",
    "    </system.webServer>",
    "  </location>",
    "</configuration>",
    "",
  ].join("\r\n");
}
