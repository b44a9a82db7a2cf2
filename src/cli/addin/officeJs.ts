// Where the pane's office.js comes from: Microsoft's CDN (the default, and the only way Microsoft
// supports), or a copy carried beside the pane for networks that cannot reach the CDN (LGWAN α).

export const OFFICE_JS_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
/** Folder of the local office.js copy, beside taskpane.html (--office-js local). */
export const LOCAL_OFFICE_JS_DIR = "office-js";

/**
 * Which files of @microsoft/office-js/dist a local copy carries: the loader, Excel's host scripts,
 * the shared folders (locales, telemetry, error pages) — not the debug builds, typings or the
 * other Office applications' scripts (about 15 MB instead of 86 MB).
 */
export function officeJsFileWanted(relative: string): boolean {
  const parts = relative.split(/[\\/]/);
  const base = parts[parts.length - 1];
  if (/\.debug\.js$|\.d\.ts$/.test(base) || base === "office-vsdoc.js") return false;
  if (parts.length === 1 && /^(outlook|word|powerpoint|onenote|project|access|custom-functions)/i.test(base))
    return false;
  return true;
}

const CDN_SRC = new RegExp(
  `\\bsrc=(["']?)${OFFICE_JS_CDN.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")}\\1(?=[\\s>/])`,
  "g",
);

/**
 * Points a page's office.js at the local copy. The built pages are minified (html-webpack-plugin
 * drops attribute quotes), so the src is matched with or without them; it must occur exactly once.
 */
export function useLocalOfficeJs(html: string): string {
  const count = html.match(CDN_SRC)?.length ?? 0;
  if (count !== 1)
    throw new Error(`expected one <script src> of ${OFFICE_JS_CDN} in the page, found ${count}`);
  return html.replace(CDN_SRC, `src="${LOCAL_OFFICE_JS_DIR}/office.js"`);
}
