// A native Excel chart for the summary's 集計 sheet: ExcelJS writes no charts, so this pass adds the
// parts a chart needs to the package ExcelJS wrote (the summary is kensho's own new workbook):
//   xl/charts/chartN.xml          the chart (DrawingML chart, ECMA-376 Part 1, 21.2), its data as
//                                 references to the sheet's cells with cached values, so a reader
//                                 that does not recalculate (LibreOffice, a viewer) draws it as is;
//   xl/drawings/drawingN.xml      where it sits on the sheet (SpreadsheetML drawing, 20.5);
//   the relationships sheet → drawing → chart, the <drawing> element in the sheet (18.3.1.36, in
//   the order CT_Worksheet gives it) and both content types.
import { renderDocument } from "../write/xml/xmlRender";
import { childrenNamed, parseXml } from "../write/xml/xmlTree";
import { escapeAttr, escapeText as escapeXml } from "../write/xml/xmlBuild";
import { xmlCharsOnly } from "../write/xml/escapeText";
import { REL_NS, prefixFor } from "../write/namespaces";

export interface CellRange {
  column: string;
  first: number;
  last: number;
}

/** A bar chart of counts: one category per row of a block, one series per column. */
export interface BarChartSpec {
  title: string;
  categories: { ref: CellRange; values: string[] };
  series: Array<{
    name: { column: string; row: number; text: string };
    values: CellRange;
    numbers: number[];
  }>;
  /** One RGB colour per series ("5B9BD5"). */
  colors: string[];
  /** 0-based cells of the chart's top-left and bottom-right corners. */
  anchor: { fromCol: number; fromRow: number; toCol: number; toRow: number };
}

const NS = {
  c: "http://schemas.openxmlformats.org/drawingml/2006/chart",
  a: "http://schemas.openxmlformats.org/drawingml/2006/main",
  xdr: "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing",
};
const CT_CHART = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml";
const CT_DRAWING = "application/vnd.openxmlformats-officedocument.drawing+xml";
const XML_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** Elements of CT_Worksheet that come after <drawing> (ECMA-376 Part 1, 18.3.1.99). */
const AFTER_DRAWING = new Set([
  "legacyDrawing",
  "legacyDrawingHF",
  "drawingHF",
  "picture",
  "oleObjects",
  "controls",
  "webPublishItems",
  "tableParts",
  "extLst",
]);

/** Chart text has no _xHHHH_ escape: what XML 1.0 cannot carry becomes U+FFFD. */
const escapeText = (s: string) => escapeXml(xmlCharsOnly(s));
const quoteSheet = (name: string) => `'${name.replace(/'/g, "''")}'`;
const ref = (sheet: string, r: CellRange) =>
  `${quoteSheet(sheet)}!$${r.column}$${r.first}:$${r.column}$${r.last}`;

function strCache(values: string[]): string {
  return (
    `<c:strCache><c:ptCount val="${values.length}"/>` +
    values.map((v, i) => `<c:pt idx="${i}"><c:v>${escapeText(v)}</c:v></c:pt>`).join("") +
    "</c:strCache>"
  );
}

function numCache(values: number[]): string {
  return (
    `<c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="${values.length}"/>` +
    values.map((v, i) => `<c:pt idx="${i}"><c:v>${v}</c:v></c:pt>`).join("") +
    "</c:numCache>"
  );
}

const richText = (text: string, size: number, bold: boolean) =>
  `<c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="${size}" b="${bold ? 1 : 0}"/></a:pPr>` +
  `<a:r><a:rPr lang="ja-JP" sz="${size}" b="${bold ? 1 : 0}"/><a:t>${escapeText(text)}</a:t></a:r></a:p></c:rich>`;

/** The chart part: stacked horizontal bars, categories top to bottom in sheet order, zeros unlabelled. */
export function chartXml(sheet: string, spec: BarChartSpec): string {
  const series = spec.series
    .map(
      (s, i) =>
        `<c:ser><c:idx val="${i}"/><c:order val="${i}"/>` +
        `<c:tx><c:strRef><c:f>${escapeText(`${quoteSheet(sheet)}!$${s.name.column}$${s.name.row}`)}</c:f>${strCache([s.name.text])}</c:strRef></c:tx>` +
        `<c:spPr><a:solidFill><a:srgbClr val="${spec.colors[i % spec.colors.length]}"/></a:solidFill></c:spPr>` +
        `<c:invertIfNegative val="0"/>` +
        `<c:cat><c:strRef><c:f>${escapeText(ref(sheet, spec.categories.ref))}</c:f>${strCache(spec.categories.values)}</c:strRef></c:cat>` +
        `<c:val><c:numRef><c:f>${escapeText(ref(sheet, s.values))}</c:f>${numCache(s.numbers)}</c:numRef></c:val>` +
        `</c:ser>`,
    )
    .join("");
  const labels =
    `<c:dLbls><c:numFmt formatCode="0;;;" sourceLinked="0"/><c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr>` +
    `<c:showLegendKey val="0"/><c:showVal val="1"/><c:showCatName val="0"/><c:showSerName val="0"/>` +
    `<c:showPercent val="0"/><c:showBubbleSize val="0"/></c:dLbls>`;
  return (
    XML_DECL +
    `<c:chartSpace xmlns:c="${NS.c}" xmlns:a="${NS.a}" xmlns:r="${REL_NS}">` +
    `<c:roundedCorners val="0"/><c:chart>` +
    `<c:title><c:tx>${richText(spec.title, 1200, true)}</c:tx><c:overlay val="0"/></c:title>` +
    `<c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>` +
    `<c:barChart><c:barDir val="bar"/><c:grouping val="stacked"/><c:varyColors val="0"/>${series}${labels}` +
    `<c:gapWidth val="60"/><c:overlap val="100"/><c:axId val="500000001"/><c:axId val="500000002"/></c:barChart>` +
    // Categories from the top down, as in the table; the value axis then crosses at the bottom.
    `<c:catAx><c:axId val="500000001"/><c:scaling><c:orientation val="maxMin"/></c:scaling><c:delete val="0"/>` +
    `<c:axPos val="l"/><c:numFmt formatCode="General" sourceLinked="0"/><c:majorTickMark val="none"/>` +
    `<c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/><c:crossAx val="500000002"/><c:crosses val="autoZero"/>` +
    `<c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>` +
    `<c:valAx><c:axId val="500000002"/><c:scaling><c:orientation val="minMax"/><c:min val="0"/></c:scaling>` +
    `<c:delete val="0"/><c:axPos val="b"/><c:majorGridlines/><c:title><c:tx>${richText("指標数", 900, false)}</c:tx>` +
    `<c:overlay val="0"/></c:title><c:numFmt formatCode="0" sourceLinked="0"/><c:majorTickMark val="out"/>` +
    `<c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/><c:crossAx val="500000001"/><c:crosses val="max"/>` +
    `<c:crossBetween val="between"/></c:valAx></c:plotArea>` +
    `<c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend><c:plotVisOnly val="1"/>` +
    `<c:dispBlanksAs val="gap"/></c:chart></c:chartSpace>`
  );
}

function drawingXml(spec: BarChartSpec, relId: string): string {
  const a = spec.anchor;
  const corner = (tag: string, col: number, row: number) =>
    `<xdr:${tag}><xdr:col>${col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:${tag}>`;
  return (
    XML_DECL +
    `<xdr:wsDr xmlns:xdr="${NS.xdr}" xmlns:a="${NS.a}">` +
    `<xdr:twoCellAnchor editAs="oneCell">${corner("from", a.fromCol, a.fromRow)}${corner("to", a.toCol, a.toRow)}` +
    `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="${escapeAttr(xmlCharsOnly(spec.title))}"/>` +
    `<xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>` +
    `<a:graphic><a:graphicData uri="${NS.c}"><c:chart xmlns:c="${NS.c}" xmlns:r="${REL_NS}" r:id="${relId}"/>` +
    `</a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor></xdr:wsDr>`
  );
}

const relsXml = (rels: Array<{ id: string; type: string; target: string }>) =>
  XML_DECL +
  `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
  rels
    .map((r) => `<Relationship Id="${r.id}" Type="${REL_NS}/${r.type}" Target="${escapeAttr(r.target)}"/>`)
    .join("") +
  "</Relationships>";

/** Appends relationships to a rels part (made when absent); returns the id of the first added. */
function addRelationship(
  files: Record<string, Uint8Array>,
  part: string,
  type: string,
  target: string,
): string {
  const dec = new TextDecoder();
  const existing = files[part];
  if (!existing) {
    files[part] = new TextEncoder().encode(relsXml([{ id: "rId1", type, target }]));
    return "rId1";
  }
  const doc = parseXml(dec.decode(existing), part);
  const used = new Set(childrenNamed(doc.root, "Relationship").map((r) => r.attrs.Id));
  let n = used.size + 1;
  while (used.has(`rId${n}`)) n++;
  const id = `rId${n}`;
  const el = `<Relationship Id="${id}" Type="${REL_NS}/${type}" Target="${escapeAttr(target)}"/>`;
  files[part] = new TextEncoder().encode(
    renderDocument(doc, (e) => (e === doc.root ? { append: el } : undefined)),
  );
  return id;
}

/** Adds the chart to a worksheet of an unzipped package (entry name -> bytes), in place. */
export function addBarChart(
  files: Record<string, Uint8Array>,
  sheetPart: string,
  sheetName: string,
  spec: BarChartSpec,
): void {
  const dec = new TextDecoder();
  const enc = new TextEncoder();
  let n = 1;
  while (files[`xl/charts/chart${n}.xml`] || files[`xl/drawings/drawing${n}.xml`]) n++;
  const chartPart = `xl/charts/chart${n}.xml`;
  const drawingPart = `xl/drawings/drawing${n}.xml`;
  files[chartPart] = enc.encode(chartXml(sheetName, spec));
  files[`xl/drawings/_rels/drawing${n}.xml.rels`] = enc.encode(
    relsXml([{ id: "rId1", type: "chart", target: `../charts/chart${n}.xml` }]),
  );
  files[drawingPart] = enc.encode(drawingXml(spec, "rId1"));

  const slash = sheetPart.lastIndexOf("/");
  const sheetRels = `${sheetPart.slice(0, slash)}/_rels/${sheetPart.slice(slash + 1)}.rels`;
  const relId = addRelationship(files, sheetRels, "drawing", `../drawings/drawing${n}.xml`);

  const sheet = parseXml(dec.decode(files[sheetPart]), sheetPart);
  const root = sheet.root;
  const r = prefixFor(root, REL_NS);
  const prefix = root.prefix ? `${root.prefix}:` : "";
  const drawing = r
    ? `<${prefix}drawing ${r}:id="${relId}"/>`
    : `<${prefix}drawing xmlns:r="${REL_NS}" r:id="${relId}"/>`;
  const before = root.children.find((c) => AFTER_DRAWING.has(c.local));
  files[sheetPart] = enc.encode(
    renderDocument(sheet, (e) =>
      before
        ? e === before
          ? { before: drawing }
          : undefined
        : e === root
          ? { append: drawing }
          : undefined,
    ),
  );

  const ctName = "[Content_Types].xml";
  const ct = parseXml(dec.decode(files[ctName]), ctName);
  const overrides =
    `<Override PartName="/${chartPart}" ContentType="${CT_CHART}"/>` +
    `<Override PartName="/${drawingPart}" ContentType="${CT_DRAWING}"/>`;
  files[ctName] = enc.encode(renderDocument(ct, (e) => (e === ct.root ? { append: overrides } : undefined)));
}
