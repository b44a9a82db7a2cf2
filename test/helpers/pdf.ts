// Just enough of a PDF reader to test what LibreOffice prints: the pages in order, each page's size,
// and what its content stream draws (font sizes from Tf, fill colours from rg). LibreOffice writes
// plain indirect objects with Flate-compressed content streams (no object streams), which is all
// this reads; anything else fails loudly rather than passing a test by accident.
import { inflateSync } from "zlib";

export interface PdfPage {
  /** Width and height in points. */
  width: number;
  height: number;
  /** Every font size set on the page (the operand of each Tf), in drawing order. */
  fontSizes: number[];
  /** Every non-stroking RGB fill set on the page, as "RRGGBB". */
  fills: string[];
}

function objects(pdf: Buffer): Map<number, { dict: string; stream: Buffer | null }> {
  const text = pdf.toString("latin1");
  if (text.includes("/ObjStm")) throw new Error("object streams are not read by this helper");
  // Numbers stored as objects of their own: LibreOffice gives stream lengths as "/Length 12 0 R".
  const numbers = new Map<number, number>();
  for (const m of text.matchAll(/(\d+) 0 obj\s*(\d+)\s*endobj/g)) numbers.set(Number(m[1]), Number(m[2]));
  const out = new Map<number, { dict: string; stream: Buffer | null }>();
  const head = /(\d+) 0 obj\s*/g;
  for (let m = head.exec(text); m; m = head.exec(text)) {
    const from = m.index + m[0].length;
    const s = text.indexOf("stream", from);
    const e = text.indexOf("endobj", from);
    if (s < 0 || (e >= 0 && e < s)) {
      out.set(Number(m[1]), { dict: text.slice(from, e), stream: null });
      continue;
    }
    const dict = text.slice(from, s);
    const len = /\/Length\s+(\d+)(\s+0\s+R)?/.exec(dict);
    const length = len ? (len[2] ? numbers.get(Number(len[1])) : Number(len[1])) : undefined;
    if (length === undefined) throw new Error(`object ${m[1]}: a stream of unknown length`);
    let start = s + "stream".length;
    if (text[start] === "\r") start++;
    if (text[start] === "\n") start++;
    const raw = pdf.subarray(start, start + length);
    out.set(Number(m[1]), { dict, stream: /\/FlateDecode/.test(dict) ? inflateSync(raw) : raw });
    head.lastIndex = start + length;
  }
  return out;
}

const hex = (x: string) =>
  Math.round(Number(x) * 255)
    .toString(16)
    .padStart(2, "0")
    .toUpperCase();

/** The pages of a PDF in the page tree's order. */
export function readPdf(pdf: Buffer): PdfPage[] {
  const objs = objects(pdf);
  const root = [...objs.values()].find((o) => /\/Type\s*\/Pages\b/.test(o.dict) && !/\/Parent/.test(o.dict));
  if (!root) throw new Error("no page tree");
  const kids = (dict: string) =>
    [...(/\/Kids\s*\[([^\]]*)\]/.exec(dict)?.[1] ?? "").matchAll(/(\d+) 0 R/g)].map((k) => Number(k[1]));
  const pages: PdfPage[] = [];
  const walk = (ids: number[]) => {
    for (const id of ids) {
      const o = objs.get(id);
      if (!o) throw new Error(`missing object ${id}`);
      if (/\/Type\s*\/Pages\b/.test(o.dict)) {
        walk(kids(o.dict));
        continue;
      }
      const box = /\/MediaBox\s*\[\s*([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s*\]/.exec(o.dict);
      const contents = /\/Contents\s*(?:\[([^\]]*)\]|(\d+) 0 R)/.exec(o.dict);
      const refs = contents?.[1]
        ? [...contents[1].matchAll(/(\d+) 0 R/g)].map((x) => Number(x[1]))
        : [Number(contents?.[2])];
      const ops = refs.map((r) => objs.get(r)?.stream?.toString("latin1") ?? "").join("\n");
      pages.push({
        width: Number(box?.[3] ?? 0) - Number(box?.[1] ?? 0),
        height: Number(box?.[4] ?? 0) - Number(box?.[2] ?? 0),
        fontSizes: [...ops.matchAll(/\/\S+\s+([\d.]+)\s+Tf\b/g)].map((x) => Number(x[1])),
        fills: [...ops.matchAll(/([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+rg\b/g)].map(
          (x) => hex(x[1]) + hex(x[2]) + hex(x[3]),
        ),
      });
    }
  };
  walk(kids(root.dict));
  return pages;
}

/** The size most text on the pages is set in (ties: the smaller). */
export function bodyFontSize(pages: PdfPage[]): number {
  const counts = new Map<number, number>();
  for (const p of pages) for (const s of p.fontSizes) counts.set(s, (counts.get(s) ?? 0) + 1);
  let best = 0;
  let n = -1;
  for (const [s, c] of counts) if (c > n || (c === n && s < best)) [best, n] = [s, c];
  return best;
}
