// The add-in manifest is kept in the repository with every URL under the webpack dev server's
// address. Configuring it for a city's server rewrites those URLs where they are URLs: in the
// values of the URL-bearing attributes of elements, never in comments, text or other attributes.

/** The base every URL in manifest.xml starts with (the webpack dev server). */
export const DEV_URL = "https://localhost:3000/";

/** Attributes that hold a URL in an add-in manifest (SourceLocation, IconUrl, bt:Url, bt:Image …). */
const URL_ATTRIBUTES = new Set(["DefaultValue", "Value"]);

const xmlAttributeEscape = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

interface AttributeValue {
  /** Offsets of the value between its quotes. */
  start: number;
  end: number;
  value: string;
}

/**
 * The URL-bearing attribute values of every element start tag, in document order. Comments,
 * CDATA sections, processing instructions and the text between tags are stepped over whole.
 */
export function urlAttributeValues(xml: string): AttributeValue[] {
  const out: AttributeValue[] = [];
  let i = 0;
  while (i < xml.length) {
    const lt = xml.indexOf("<", i);
    if (lt < 0) break;
    const skipTo = (close: string) => {
      const end = xml.indexOf(close, lt);
      if (end < 0) throw new Error(`unterminated markup at offset ${lt}`);
      return end + close.length;
    };
    if (xml.startsWith("<!--", lt)) i = skipTo("-->");
    else if (xml.startsWith("<![CDATA[", lt)) i = skipTo("]]>");
    else if (xml.startsWith("<?", lt)) i = skipTo("?>");
    else if (xml.startsWith("<!", lt) || xml.startsWith("</", lt)) i = skipTo(">");
    else {
      // A start tag: attribute values are quoted and cannot contain their own quote or "<".
      const attr = /\s+([A-Za-z_:][\w.:-]*)\s*=\s*(["'])([^<]*?)\2|\s*(\/?>)/gy;
      attr.lastIndex = xml.slice(lt + 1).search(/[\s/>]/) + lt + 1;
      for (;;) {
        const m = attr.exec(xml);
        if (!m) throw new Error(`malformed start tag at offset ${lt}`);
        if (m[4]) {
          i = attr.lastIndex;
          break;
        }
        const local = m[1].includes(":") ? m[1].slice(m[1].indexOf(":") + 1) : m[1];
        if (URL_ATTRIBUTES.has(local)) {
          const end = attr.lastIndex - 1;
          out.push({ start: end - m[3].length, end, value: m[3] });
        }
      }
    }
  }
  return out;
}

/** Every URL value in the manifest that is under DEV_URL (what configuring rewrites). */
export const templateUrls = (xml: string) =>
  urlAttributeValues(xml)
    .map((a) => a.value)
    .filter((v) => v.startsWith(DEV_URL));

/**
 * The manifest for a server at baseUrl (https, one trailing slash): each URL attribute value under
 * DEV_URL is re-rooted there, byte for byte everything else stays. A template with no such URL,
 * or one that would still name the dev server afterwards outside comments, is refused.
 */
export function configureManifest(template: string, baseUrl: string): string {
  const values = urlAttributeValues(template).filter((a) => a.value.startsWith(DEV_URL));
  if (values.length === 0) throw new Error(`the manifest has no URL under ${DEV_URL}`);
  let out = "";
  let at = 0;
  for (const v of values) {
    out += template.slice(at, v.start) + xmlAttributeEscape(baseUrl + v.value.slice(DEV_URL.length));
    at = v.end;
  }
  out += template.slice(at);
  if (urlAttributeValues(out).some((a) => a.value.includes("localhost")))
    throw new Error("the configured manifest still names localhost");
  return out;
}
