// The shortcuts the value parser takes for common cells must read exactly what the general grammar
// reads: the plain-figure reader ("1,634件 (令和元年)"), the digit-by-digit decimal reader and the
// one-pass normalisation check. Each is held here to the slow path it stands in for.
import fc from "fast-check";
import { decimalTextToNumber } from "../../../src/core/values/decimal";
import { normalizeValueText } from "../../../src/core/values/normalize";
import { parseGeneralText, parseValueText, readPlainFigure } from "../../../src/core/values/parseText";

/** What normalizeValueText does, without its shortcut for text that is already normal. */
function normalizeSlowly(s: string): string {
  return s
    .normalize("NFKC")
    .replace(/[\u200B-\u200D\u2060\uFEFF]/g, "")
    .replace(/\u2212/g, "-")
    .replace(/\s+/g, " ")
    .trim();
}

const digits = fc.stringMatching(/^\d{1,12}$/);
/** Figures as staff write them, and near misses: bad thousands groups, a trailing point, a sign. */
const figure = fc.oneof(
  digits,
  fc.tuple(digits, digits).map(([a, b]) => `${a}.${b}`),
  fc.integer({ min: 0, max: 999_999_999 }).map((n) => n.toLocaleString("en-US")),
  fc
    .tuple(fc.integer({ min: 0, max: 99_999_999 }), fc.stringMatching(/^\d{1,3}$/))
    .map(([n, f]) => `${n.toLocaleString("en-US")}.${f}`),
  fc.constantFrom("1,5634", "15,63", "1,563.", "1.", "0", "007", "1,563,4567", "2023", "12.5.3"),
);

/** What follows a figure: units, multipliers, periods, qualifiers, remarks, and things that spoil it. */
const tailPiece = fc.constantFrom(
  "件",
  "人",
  "%",
  "万",
  "億",
  "円",
  "カ所",
  "力所",
  "基",
  " ",
  "(",
  ")",
  "令和5年",
  "令和元年",
  "H30年度",
  "R5",
  "(令和5年)",
  " (令和4年度)",
  "(※)",
  "※変更後",
  " ※変更前",
  "以上",
  "程度",
  "見込み",
  "速報値",
  "(速報値)",
  "(閏年)",
  "【",
  "】",
  "-",
  "-08-01",
  "#",
  "＃",
  "/",
  "、",
  "。",
  "小学校",
  "中学校",
  "1",
  "5",
  ",",
  ".",
  "公表予定",
  "なし",
  "~",
);
const tail = fc.string({ unit: tailPiece, maxLength: 6 });
const figureText = fc.tuple(figure, tail).map(([f, t]) => normalizeValueText(f + t));

describe("the plain-figure reader reads what the general grammar reads", () => {
  test("on figures followed by any tail (10,000 cases), and it does apply to most of them", () => {
    let applied = 0;
    fc.assert(
      fc.property(figureText, (text) => {
        const general = parseGeneralText(text, text);
        expect(parseValueText(text, text)).toEqual(general);
        const plain = readPlainFigure(text, text);
        if (plain) {
          applied++;
          expect(plain).toEqual(general);
        }
      }),
      { numRuns: 10_000 },
    );
    // Not a vacuous comparison: the shortcut answered for a good share of the cases.
    expect(applied).toBeGreaterThan(2_000);
  });

  test("on the shapes it must decline", () => {
    // A date, an error literal, a sign, a misread thousands group: the general grammar decides.
    for (const t of ["2023-08-01", "1#N/A", "-5件", "▲5件", "1,5634件", "1.件", "12.5.3件", "65件-"]) {
      expect(readPlainFigure(t, t)).toBeNull();
      expect(parseValueText(t, t)).toEqual(parseGeneralText(t, t));
    }
    expect(readPlainFigure("1,634件 (令和元年)", "x")).toMatchObject({
      kind: "number",
      number: 1634,
      unit: "件",
      raw: "x",
      period: { year: 2019, fiscal: false },
    });
  });

  test("on any text at all", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme" }), (s) => {
        const text = normalizeValueText(s);
        expect(parseValueText(text, s)).toEqual(parseGeneralText(text, s));
      }),
      { numRuns: 2_000 },
    );
  });
});

describe("decimal text is read exactly as Number() reads it", () => {
  test("digits, commas and a point, with any multiplier", () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^\d{1,18}$/),
        fc.option(fc.stringMatching(/^\d{1,18}$/), { nil: undefined }),
        fc.boolean(),
        fc.integer({ min: -12, max: 24 }),
        (int, frac, commas, pow10) => {
          const grouped = commas ? int.replace(/\B(?=(\d{3})+(?!\d))/g, ",") : int;
          const text = frac === undefined ? grouped : `${grouped}.${frac}`;
          const plain = frac === undefined ? int : `${int}.${frac}`;
          expect(decimalTextToNumber(text, pow10)).toBe(Number(`${plain}e${pow10}`));
        },
      ),
      { numRuns: 10_000 },
    );
  });
});

describe("value text already normal is recognised without a copy", () => {
  const stableOrNot = fc.constantFrom(
    "a",
    "1",
    " ",
    "  ",
    "\u3000",
    "\t",
    "\n",
    "件",
    "ア",
    "あ",
    "、",
    "（",
    "１",
    "\u2212",
    "\u200B",
    "ｶ",
    "①",
    "~",
    "\u00A0",
  );
  test("gives what NFKC and white-space folding give", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: stableOrNot, maxLength: 10 }), fc.string()), (s) => {
        expect(normalizeValueText(s)).toBe(normalizeSlowly(s));
      }),
      { numRuns: 10_000 },
    );
  });
});
