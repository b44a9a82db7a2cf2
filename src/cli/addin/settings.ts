// What `kensho addin` (and `npm run release` with KENSHO_BASE_URL / KENSHO_CATALOG) is told about
// a city's intranet, checked before anything is written. Problems are codes; src/i18n/addin.ts
// says them in Japanese.

export type SettingProblem =
  | { code: "url-missing" }
  | { code: "url-invalid"; input: string }
  | { code: "url-not-https"; input: string }
  | { code: "url-query"; input: string }
  | { code: "catalog-missing" }
  | { code: "catalog-not-unc"; input: string }
  | { code: "catalog-bad-character"; input: string }
  | { code: "office-js-mode"; input: string };

export type Checked<T> = { ok: true; value: T } | { ok: false; problem: SettingProblem };

/** Office loads add-ins over HTTPS only; one trailing slash, no query or fragment. */
export function checkBaseUrl(input: string | undefined): Checked<string> {
  if (input === undefined || input.trim() === "") return { ok: false, problem: { code: "url-missing" } };
  const url = input.trim().replace(/\/*$/, "/");
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { ok: false, problem: { code: "url-invalid", input } };
  }
  if (parsed.protocol !== "https:") return { ok: false, problem: { code: "url-not-https", input } };
  if (!parsed.hostname) return { ok: false, problem: { code: "url-invalid", input } };
  if (parsed.search || parsed.hash || /[?#]/.test(url))
    return { ok: false, problem: { code: "url-query", input } };
  return { ok: true, value: url };
}

/** A UNC path as Windows writes it: \\server\share\folder (forward slashes accepted, no trailing \). */
export function checkCatalogPath(input: string | undefined): Checked<string> {
  if (input === undefined || input.trim() === "") return { ok: false, problem: { code: "catalog-missing" } };
  const p = input.trim().replace(/\//g, "\\").replace(/\\+$/, "");
  if (!/^\\\\[^\\]+\\[^\\]+/.test(p)) return { ok: false, problem: { code: "catalog-not-unc", input } };
  // eslint-disable-next-line no-control-regex
  if (/["\x00-\x1f]/.test(p)) return { ok: false, problem: { code: "catalog-bad-character", input } };
  return { ok: true, value: p };
}

export type OfficeJsMode = "cdn" | "local";

export function checkOfficeJsMode(input: string | undefined): Checked<OfficeJsMode> {
  const mode = (input ?? "cdn").trim().toLowerCase();
  if (mode === "cdn" || mode === "local") return { ok: true, value: mode };
  return { ok: false, problem: { code: "office-js-mode", input: input ?? "" } };
}
