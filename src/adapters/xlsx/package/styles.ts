// xl/styles.xml, the parts the check needs: each cell style's number format and fill.
import { parseXml } from "./xml";

export interface ColorRef {
  rgb?: string;
  theme?: number;
  indexed?: number;
  tint?: number;
}

export interface Fill {
  patternType: string | null;
  fgColor: ColorRef | null;
  bgColor: ColorRef | null;
}

export interface CellXf {
  numFmtId: number;
  fillId: number;
}

export interface Styles {
  /** Custom number formats by id (ids from 164 up, or built-in ids redefined). */
  numFmts: Map<number, string>;
  /** Cell styles by index: the `s` attribute of a cell. */
  cellXfs: CellXf[];
  fills: Fill[];
}

export const EMPTY_STYLES: Styles = { numFmts: new Map(), cellXfs: [], fills: [] };

/**
 * Built-in number formats (ECMA-376 Part 1, 18.8.30), as Excel shows them on Japanese Windows: the
 * date formats 14 and 22 follow the locale, and 27–36 and 50–58 are the Japanese East Asian set.
 */
export const BUILTIN_NUM_FMTS: Readonly<Record<number, string>> = {
  0: "General",
  1: "0",
  2: "0.00",
  3: "#,##0",
  4: "#,##0.00",
  5: '"¥"#,##0;"¥"\\-#,##0',
  6: '"¥"#,##0;[Red]"¥"\\-#,##0',
  7: '"¥"#,##0.00;"¥"\\-#,##0.00',
  8: '"¥"#,##0.00;[Red]"¥"\\-#,##0.00',
  9: "0%",
  10: "0.00%",
  11: "0.00E+00",
  12: "# ?/?",
  13: "# ??/??",
  14: "yyyy/m/d",
  15: "d-mmm-yy",
  16: "d-mmm",
  17: "mmm-yy",
  18: "h:mm AM/PM",
  19: "h:mm:ss AM/PM",
  20: "h:mm",
  21: "h:mm:ss",
  22: "yyyy/m/d h:mm",
  27: "[$-411]ge.m.d",
  28: '[$-411]ggge"年"m"月"d"日"',
  29: '[$-411]ggge"年"m"月"d"日"',
  30: "m/d/yy",
  31: 'yyyy"年"m"月"d"日"',
  32: 'h"時"mm"分"',
  33: 'h"時"mm"分"ss"秒"',
  34: 'yyyy"年"m"月"',
  35: 'm"月"d"日"',
  36: "[$-411]ge.m.d",
  37: "#,##0 ;(#,##0)",
  38: "#,##0 ;[Red](#,##0)",
  39: "#,##0.00;(#,##0.00)",
  40: "#,##0.00;[Red](#,##0.00)",
  45: "mm:ss",
  46: "[h]:mm:ss",
  47: "mmss.0",
  48: "##0.0E+0",
  49: "@",
  50: "[$-411]ge.m.d",
  51: '[$-411]ggge"年"m"月"d"日"',
  52: 'yyyy"年"m"月"',
  53: 'm"月"d"日"',
  54: '[$-411]ggge"年"m"月"d"日"',
  55: 'yyyy"年"m"月"',
  56: 'm"月"d"日"',
  57: "[$-411]ge.m.d",
  58: '[$-411]ggge"年"m"月"d"日"',
};

/** The format code of a number format id: custom first, then built-in, else General. */
export function numFmtCode(styles: Styles, id: number): string {
  return styles.numFmts.get(id) ?? BUILTIN_NUM_FMTS[id] ?? "General";
}

const color = (a: Record<string, string>): ColorRef => {
  const c: ColorRef = {};
  if (a.rgb) c.rgb = a.rgb;
  if (a.theme !== undefined) c.theme = Number(a.theme);
  if (a.indexed !== undefined) c.indexed = Number(a.indexed);
  if (a.tint !== undefined) c.tint = Number(a.tint);
  return c;
};

export function parseStyles(xml: string): Styles {
  const numFmts = new Map<number, string>();
  const cellXfs: CellXf[] = [];
  const fills: Fill[] = [];
  let section: "cellXfs" | "fills" | null = null;
  let fill: Fill | null = null;
  parseXml(xml, {
    open(name, a) {
      if (name === "numFmt" && a.numFmtId !== undefined && a.formatCode !== undefined)
        numFmts.set(Number(a.numFmtId), a.formatCode);
      else if (name === "cellXfs" || name === "fills") section = name;
      else if (name === "xf" && section === "cellXfs")
        cellXfs.push({ numFmtId: Number(a.numFmtId) || 0, fillId: Number(a.fillId) || 0 });
      else if (name === "fill" && section === "fills") {
        fill = { patternType: null, fgColor: null, bgColor: null };
        fills.push(fill);
      } else if (fill && name === "patternFill") fill.patternType = a.patternType ?? null;
      else if (fill && name === "fgColor") fill.fgColor = color(a);
      else if (fill && name === "bgColor") fill.bgColor = color(a);
    },
    close(name) {
      if (name === "cellXfs" || name === "fills") section = null;
      else if (name === "fill") fill = null;
    },
  });
  return { numFmts, cellXfs, fills };
}
