import fc from "fast-check";
import type { RawCell } from "../../../src/core/model";
import { parseReferencePeriod, parseValue, samePeriod } from "../../../src/core/values";

const KINDS = ["number", "parts", "category", "blank", "note", "invalid", "error", "date"];

/** ASCII to full width, as Japanese IMEs type it (space becomes U+3000). */
function fullWidth(s: string): string {
  return s.replace(/[!-~ ]/g, (c) => (c === " " ? "\u3000" : String.fromCharCode(c.charCodeAt(0) + 0xfee0)));
}

function withCommas(intText: string): string {
  return intText.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

const textCell = (t: string): RawCell => ({ value: t, text: t, format: "General" });

/** Pieces that make up real values, so that random strings reach deep into the grammar. */
const valuePiece = fc.constantFrom(
  "1",
  "5",
  "0",
  "9",
  ",",
  ".",
  "万",
  "億",
  "件",
  "人",
  "%",
  "％",
  "(",
  ")",
  "（",
  "）",
  "令和",
  "平成",
  "H",
  "R",
  "元",
  "年",
  "度",
  "※",
  "変更前",
  " ",
  "\u3000",
  "-",
  "ー",
  "男性",
  "小学校",
  "、",
  "。",
  "１",
  "，",
  "なし",
  "#",
  "!",
  "約",
  "概ね",
  "程度",
  "見込み",
  "推計",
  "速報値",
  "暫定値",
  "確定値",
  "以上",
  "以下",
  "未満",
  "超",
  "△",
  "▲",
  "【",
  "】",
  "[",
  "]",
  "兆",
  "千",
  "円",
  "集計中",
  "/",
  ".",
  "月",
  "日",
  "末",
  "現在",
  "FY",
  "2023",
  "-08-",
  "T",
  ":",
);

const anyText = fc.oneof(
  fc.string({ unit: "grapheme" }),
  fc.string({ unit: "binary" }),
  fc.string({ unit: valuePiece, maxLength: 12 }),
);

const anyCell: fc.Arbitrary<RawCell> = fc.record({
  value: fc.oneof(anyText, fc.double(), fc.integer(), fc.boolean(), fc.constant(null)),
  text: anyText,
  format: fc.oneof(
    fc.string(),
    fc.string({
      unit: fc.constantFrom(
        "0",
        "#",
        ",",
        ".",
        "%",
        '"',
        "件",
        "\\",
        "_",
        "*",
        "[",
        "]",
        ";",
        "@",
        "E+",
        "y",
      ),
    }),
    fc.constantFrom("General", "0.0%", '#,##0"件"', "#,##0人", "yyyy/m/d", "@", "G/標準"),
  ),
});

describe("parseValue never throws and keeps its invariants", () => {
  // The issue asks for at least 10,000 cases: 10,000 texts here, 2,000 cells and the contract breakers below.
  test("on any text", () => {
    fc.assert(
      fc.property(anyText, (t) => {
        const v = parseValue(textCell(t));
        expect(KINDS).toContain(v.kind);
        expect(v.raw).toBe(t);
        if (v.kind === "number") expect(Number.isFinite(v.number)).toBe(true);
        if (v.qualifiers.length > 0) expect(v.remark).not.toBeNull();
      }),
      { numRuns: 10_000 },
    );
  });

  test("on any cell", () => {
    fc.assert(
      fc.property(anyCell, (cell) => {
        const v = parseValue(cell);
        expect(KINDS).toContain(v.kind);
        expect(typeof v.raw).toBe("string");
        expect(v.parts.length > 0).toBe(v.kind === "parts");
        expect(v.errorCode !== null).toBe(v.kind === "error");
        if (v.kind === "number") expect(Number.isFinite(v.number)).toBe(true);
        if (v.kind !== "number" && v.kind !== "category") expect(v.number).toBeNull();
        if (v.kind === "blank") expect(v.raw.trim().replace(/\u3000/g, "")).toBe("");
      }),
      { numRuns: 2000 },
    );
  });

  test("on input that breaks the contract", () => {
    fc.assert(
      fc.property(fc.anything(), fc.anything(), fc.anything(), (value, text, format) => {
        const v = parseValue({ value, text, format } as unknown as RawCell);
        expect(KINDS).toContain(v.kind);
      }),
    );
  });
});

const UNITS = [null, "件", "人", "円", "ha", "歳", "カ所", "教室", "基", "事業所", "日"] as const;
const unitArb = fc.constantFrom(...UNITS);
const decimalArb = fc.record({
  int: fc.integer({ min: 0, max: 999_999_999 }),
  frac: fc.oneof(fc.constant(""), fc.stringMatching(/^\d{1,3}$/)),
  negative: fc.boolean(),
});
const decimalText = (d: { int: number; frac: string; negative: boolean }, commas: boolean): string =>
  `${d.negative ? "-" : ""}${commas ? withCommas(String(d.int)) : String(d.int)}${d.frac ? "." + d.frac : ""}`;
const pad = fc.constantFrom("", " ", "  ", "\u3000", " \u3000");

describe("formatting variants of one number parse to the same value", () => {
  test("ASCII or full width, with or without commas, padded, as text or as a formatted number", () => {
    fc.assert(
      fc.property(
        decimalArb,
        unitArb,
        fc.boolean(),
        fc.boolean(),
        pad,
        pad,
        (d, unit, commas, wide, left, right) => {
          const expected = Number(decimalText(d, false));
          const u = unit ?? "";
          let t = decimalText(d, commas) + u;
          if (wide) t = fullWidth(t);
          const fromText = parseValue(textCell(left + t + right));
          expect(fromText).toMatchObject({ kind: "number", number: expected, unit });

          const decimals = "0".repeat(d.frac.length);
          const format = `#,##0${decimals ? "." + decimals : ""}${unit ? `"${unit}"` : ""}`;
          const fromNumber = parseValue({ value: expected, text: decimalText(d, true) + u, format });
          expect(fromNumber).toMatchObject({ kind: "number", number: expected, unit });
        },
      ),
      { numRuns: 500 },
    );
  });

  test("a reference period and remark do not change the number", () => {
    fc.assert(
      fc.property(
        decimalArb,
        unitArb,
        fc.integer({ min: 1, max: 30 }),
        fc.boolean(),
        fc.constantFrom("", " ※変更前", " ※変更後"),
        (d, unit, eraYear, fiscal, remark) => {
          const t = `${decimalText(d, true)}${unit ?? ""} (令和${eraYear}年${fiscal ? "度" : ""})${remark}`;
          const v = parseValue(textCell(t));
          expect(v).toMatchObject({ kind: "number", number: Number(decimalText(d, false)), unit });
          expect(v.period).toMatchObject({ year: 2018 + eraYear, fiscal });
          expect(v.remark).toBe(remark === "" ? null : remark.trim());
        },
      ),
      { numRuns: 300 },
    );
  });

  test("万 and 億 forms equal the plain number where exact", () => {
    const multipliers = [
      ["万", 4],
      ["億", 8],
    ] as const;
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 9_999_999 }),
        fc.integer({ min: 0, max: 3 }),
        fc.constantFrom(...multipliers),
        fc.constantFrom("人", "円", "件"),
        (k, d, [mult, pow], unit) => {
          // m = k / 10^d written as a decimal; plain = k * 10^(pow - d) written as an integer.
          const digits = String(k).padStart(d + 1, "0");
          const m = d === 0 ? digits : `${digits.slice(0, -d)}.${digits.slice(-d)}`;
          const plain = BigInt(k) * 10n ** BigInt(pow - d);
          const short = parseValue(textCell(`${m}${mult}${unit}`));
          const long = parseValue(textCell(`${withCommas(plain.toString())}${unit}`));
          expect(short).toMatchObject({ kind: "number", unit });
          expect(short.number).toBe(long.number);
          expect(short.number).toBe(Number(plain));
          const fromFormat = parseValue({
            value: Number(m),
            text: "",
            format: `0.${"0".repeat(d)}"${mult}${unit}"`,
          });
          expect(fromFormat.number).toBe(Number(plain));
        },
      ),
      { numRuns: 500 },
    );
  });

  test("a percent stored as a fraction under 0.0% equals the percent written as text", () => {
    fc.assert(
      fc.property(fc.integer({ min: -100_000, max: 100_000 }), fc.constantFrom(1, 2), (k, d) => {
        const fraction = Number(`${k}e-${d + 2}`);
        const digits = String(Math.abs(k)).padStart(d + 1, "0");
        const shown = `${k < 0 ? "-" : ""}${digits.slice(0, -d)}.${digits.slice(-d)}%`;
        const fromNumber = parseValue({ value: fraction, text: shown, format: `0.${"0".repeat(d)}%` });
        const fromText = parseValue(textCell(shown));
        const fromWide = parseValue(textCell(fullWidth(shown)));
        for (const v of [fromNumber, fromText, fromWide])
          expect(v).toMatchObject({ kind: "number", unit: "%" });
        expect(Math.abs((fromNumber.number ?? NaN) - (fromText.number ?? NaN))).toBeLessThanOrEqual(1e-9);
        expect(fromWide.number).toBe(fromText.number);
      }),
      { numRuns: 500 },
    );
  });

  test("labelled parts keep their labels and numbers however they are spaced", () => {
    const labels = fc.uniqueArray(fc.constantFrom("小学校", "中学校", "男性", "女性", "全体", "市内"), {
      minLength: 2,
      maxLength: 4,
    });
    fc.assert(
      fc.property(
        labels,
        decimalArb,
        fc.constantFrom("%", "歳", "人"),
        fc.constantFrom("", " ", "\u3000"),
        (ls, d, unit, gap) => {
          const nth = (i: number) => ({ ...d, negative: false, int: d.int + i });
          const t = ls.map((l, i) => `${l}${gap}${decimalText(nth(i), true)}${unit}`).join(" ");
          const v = parseValue(textCell(t));
          expect(v.kind).toBe("parts");
          expect(v.parts).toEqual(
            ls.map((label, i) => ({ label, number: Number(decimalText(nth(i), false)), unit })),
          );
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe("reference period spellings", () => {
  test("令和/R, 平成/H, 元, full width and spaces give the same period", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1989, max: 2060 }),
        fc.boolean(),
        fc.boolean(),
        fc.boolean(),
        (year, fiscal, letter, wide) => {
          const reiwa = year >= 2019;
          const eraYear = year - (reiwa ? 2018 : 1988);
          const era = letter ? (reiwa ? "R" : "H") : reiwa ? "令和" : "平成";
          const yearText = eraYear === 1 && !letter ? "元" : String(eraYear);
          let t = `(${era}${yearText}年${fiscal ? "度" : ""})`;
          if (wide) t = fullWidth(t);
          const p = parseReferencePeriod(t);
          expect(p).toMatchObject({ year, fiscal, era: reiwa ? "令和" : "平成", eraYear });
          expect(samePeriod(p, parseReferencePeriod(`(${year}年${fiscal ? "度" : ""})`))).toBe(true);
          expect(p?.label).toBe(
            `${reiwa ? "令和" : "平成"}${eraYear === 1 ? "元" : eraYear}年${fiscal ? "度" : ""}`,
          );
        },
      ),
      { numRuns: 300 },
    );
  });
});
