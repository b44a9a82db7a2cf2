// No status is ever computed from a note, a date or an incomparable unit. Rows are generated with
// the class of their actual known by construction (not by asking the parser), typed into a sheet
// beside a numeric target, and checked by the whole engine. Each row has a twin whose actual is a
// plain figure in the target's unit, so the property cannot hold merely because nothing is computed.
import fc from "fast-check";
import { checkWorkbook } from "../../../src/core/check";
import { STATUS_WORDS } from "../../../src/core/model";
import { type CellSpec, type RowSpec, sheetRow, verificationSheet } from "../../helpers/rowGrid";

/** Units that measure different things: a figure in one is never comparable with another. */
const UNITS = ["件", "人", "%", "円", "ha", "事業所", "カ所", "教室", "基", "日", "歳", "回"] as const;
const MULTIPLIERS = ["", "万", "億", "千"] as const;

const digits = fc.integer({ min: 1, max: 9_999_999 }).map((n) => n.toLocaleString("en-US"));
const fullWidth = (s: string) => s.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

/** Text in place of a figure: words that say it is not there, dashes, sentences, ※ notes. */
const noteText: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    "集計中",
    "未確定",
    "未集計",
    "調査中",
    "非公表",
    "公表前",
    "不明",
    "対象外",
    "未実施",
    "なし",
    "該当なし",
    "-",
    "－",
    "ー",
    "―",
    "—",
    "‐",
    "--",
    "―――",
    "N/A",
  ),
  fc
    .tuple(
      fc.constantFrom("集計中", "未確定", "調査中", "公表前"),
      fc.constantFrom("", "のため未記入", "（8月公表予定）", "。"),
    )
    .map(([a, b]) => a + b),
  fc.integer({ min: 1, max: 12 }).map((m) => `令和6年${m}月公表予定`),
  fc
    .array(
      fc.constantFrom("調査", "は", "3年ごと", "の", "ため", "、", "実施", "していない", "。", "令和5年度"),
      {
        minLength: 4,
        maxLength: 10,
      },
    )
    .map((w) => `※${w.join("")}`),
  // Any text with no digit at all is not a figure, whatever it says.
  fc
    .string({
      unit: fc.constantFrom("あ", "い", "集", "計", "中", "未", "定", "な", "し", "ー", " ", "　"),
      minLength: 1,
    })
    .filter((s) => s.trim() !== ""),
);

/** A date: a serial under a date format (what Excel makes of 8/8 or 1-2), or ISO text from a reader. */
const dateCell: fc.Arbitrary<CellSpec> = fc.oneof(
  fc
    .tuple(
      fc.integer({ min: 1, max: 2_958_000 }),
      fc.constantFrom(
        "m/d",
        'm"月"d"日"',
        "yyyy/m/d",
        "d-mmm",
        '[$-ja-JP]ggge"年"m"月"d"日"',
        "h:mm",
        "yyyy年m月d日",
      ),
      fc.constantFrom("8/8", "8月8日", "2023/8/8", "8-Aug", "", "令和5年8月8日"),
    )
    .map(([serial, format, text]): CellSpec => ({ value: serial, format, text })),
  fc
    .tuple(
      fc.integer({ min: 1990, max: 2040 }),
      fc.integer({ min: 1, max: 12 }),
      fc.integer({ min: 1, max: 28 }),
      fc.boolean(),
    )
    .map(([y, m, d, time]) => {
      const date = `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
      return time ? `${date}T09:30:00` : date;
    }),
);

interface Generated {
  actual: CellSpec;
  targetUnit: string;
  targetMultiplier: string;
  klass: "note" | "date" | "unit";
}

const targetUnit = fc.constantFrom(...UNITS);
const targetMultiplier = fc.constantFrom(...MULTIPLIERS);

const row: fc.Arbitrary<Generated> = fc.tuple(targetUnit, targetMultiplier).chain(([unit, mult]) =>
  fc.oneof(
    noteText.map((actual): Generated => ({
      actual,
      targetUnit: unit,
      targetMultiplier: mult,
      klass: "note",
    })),
    dateCell.map((actual): Generated => ({
      actual,
      targetUnit: unit,
      targetMultiplier: mult,
      klass: "date",
    })),
    fc
      .tuple(
        fc.constantFrom(...UNITS.filter((u) => u !== unit)),
        fc.constantFrom(...MULTIPLIERS),
        digits,
        fc.boolean(),
        fc.constantFrom("", "約", "概ね"),
        fc.constantFrom("", "（速報値）", "以上", " (令和5年度)"),
      )
      .map(([other, m, n, wide, before, after]): Generated => {
        const text = `${before}${n}${m}${other}${after}`;
        return {
          actual: wide ? fullWidth(text) : text,
          targetUnit: unit,
          targetMultiplier: mult,
          klass: "unit",
        };
      }),
  ),
);

const statusWord = fc.constantFrom<string | null>(null, ...STATUS_WORDS, "順調", "遅れ");

test("no status is computed from a note, a date or an incomparable unit", () => {
  fc.assert(
    fc.property(fc.array(fc.tuple(row, statusWord), { minLength: 1, maxLength: 8 }), (rows) => {
      const specs: RowSpec[] = [];
      for (const [g, status] of rows) {
        const u = `${g.targetMultiplier}${g.targetUnit}`;
        const base = {
          baseline: `100${u}`,
          previous: `110${u}`,
          target: `120${u}`,
          finalTarget: `150${u}`,
          status,
        };
        specs.push({ name: `指標${specs.length}`, actual: g.actual, ...base });
        specs.push({ name: `指標${specs.length}`, actual: `115${u}`, ...base }); // the twin
      }
      const result = checkWorkbook([verificationSheet(specs)]);
      expect(result.rows).toHaveLength(specs.length);
      rows.forEach(([g], i) => {
        const mine = result.rows.find((r) => r.row === sheetRow(2 * i));
        const twin = result.rows.find((r) => r.row === sheetRow(2 * i + 1));
        expect(twin?.computedStatus).not.toBeNull();
        expect({ klass: g.klass, status: mine?.computedStatus, rate: mine?.achievement }).toEqual({
          klass: g.klass,
          status: null,
          rate: null,
        });
        expect(mine?.noStatus).not.toBeNull();
      });
    }),
    { numRuns: 400 },
  );
});
