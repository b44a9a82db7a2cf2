// XmlStream drives htmlparser2's tokenizer itself; its events must be what htmlparser2's Parser in
// XML mode gave the reader before (local names, attributes, text), wherever the chunks are cut.
import { Parser } from "htmlparser2";
import { XmlStream } from "../../../src/adapters/xlsx/package/xml";

type Event = ["open", string, Record<string, string>] | ["text", string] | ["close", string];

const local = (name: string) => name.slice(name.indexOf(":") + 1);

/** Events as htmlparser2's Parser reports them, adjacent texts joined (chunking splits texts). */
function parserEvents(xml: string, cuts: number[]): Event[] {
  const out: Event[] = [];
  const p = new Parser(
    {
      onopentag: (n, a) => out.push(["open", local(n), { ...a }]),
      ontext: (t) => out.push(["text", t]),
      onclosetag: (n) => out.push(["close", local(n)]),
    },
    { xmlMode: true, decodeEntities: true, recognizeCDATA: true, recognizeSelfClosing: true },
  );
  for (const piece of pieces(xml, cuts)) p.write(piece);
  p.end();
  return joinTexts(out);
}

function streamEvents(xml: string, cuts: number[], bytes: boolean): Event[] {
  const out: Event[] = [];
  const s = new XmlStream({
    open: (n, a) => out.push(["open", n, { ...a }]),
    text: (t) => out.push(["text", t]),
    close: (n) => out.push(["close", n]),
  });
  const enc = new TextEncoder();
  if (bytes) {
    const all = enc.encode(xml);
    let from = 0;
    for (const at of [...cuts, all.length]) {
      const to = Math.min(at, all.length);
      s.writeBytes(all.subarray(from, to));
      from = to;
    }
  } else for (const piece of pieces(xml, cuts)) s.write(piece);
  s.end();
  return joinTexts(out);
}

function pieces(text: string, cuts: number[]): string[] {
  const out: string[] = [];
  let from = 0;
  for (const at of [...cuts, text.length]) {
    const to = Math.min(at, text.length);
    out.push(text.slice(from, to));
    from = to;
  }
  return out;
}

function joinTexts(events: Event[]): Event[] {
  const out: Event[] = [];
  for (const e of events) {
    const last = out[out.length - 1];
    if (e[0] === "text" && last?.[0] === "text") last[1] += e[1];
    else out.push(e);
  }
  return out;
}

const DOCUMENTS = [
  '<?xml version="1.0" encoding="UTF-8"?>\n<x:worksheet xmlns:x="urn:x"><x:sheetData><x:row r="1" spans="1:3"><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c r="B1" s="2"/></x:row></x:sheetData><x:mergeCells><x:mergeCell ref="A1:B2"/></x:mergeCells></x:worksheet>',
  '<sst><si><t xml:space="preserve"> a &amp; b &lt;c&gt; &#x41;&#66; &quot;q&quot; </t></si><si><r><t>rich</t></r><rPh><t>ルビ</t></rPh></si></sst>',
  '<a b="1" b="2" c=\'x&amp;y\' d=e f><![CDATA[<not a tag> & raw]]><!-- comment --></a>',
  "<a><b><c>unclosed</a><d>after</d></b>stray</e>text &unknown; &#0; &#1114112; &#128;",
  "<a><b/><b></b><b>x</c></b></a><z>never closed",
  '<row r="3" hidden="1"><c r="C3" t="inlineStr"><is><t>長い日本語のテキスト、改行\nも</t></is></c></row>',
];

test.each(DOCUMENTS.map((d, i) => [i, d]))(
  "document %i: the Parser's events, whatever the chunks",
  (_i, xml) => {
    const whole = parserEvents(xml as string, []);
    expect(streamEvents(xml as string, [], false)).toEqual(whole);
    for (let at = 1; at < (xml as string).length; at++) {
      expect(streamEvents(xml as string, [at], false)).toEqual(parserEvents(xml as string, [at]));
      expect(streamEvents(xml as string, [at, at + 3, at + 7], false)).toEqual(whole);
    }
    const byteLength = new TextEncoder().encode(xml as string).length;
    for (let at = 1; at < byteLength; at += 3)
      expect(streamEvents(xml as string, [at, at + 5], true)).toEqual(whole);
  },
);
