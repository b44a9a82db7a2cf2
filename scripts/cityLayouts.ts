// Other cities' verification sheets, rebuilt as grids with invented values (issue 22). Each layout
// follows a published source (docs/layouts.md names it) or, where the source only told the scale,
// the contract's description; the figures, names and departments are made up. Every layout knows
// what a right reading of it is, row by row, so the tests can hold kensho to it.
import type { CellArea, CellValue, LayoutProfile, SheetGrid } from "../src/core/model";
import * as fs from "fs";
import * as path from "path";
import { gridFromArrays } from "../src/core/grid";
import { writeXlsx } from "./synthetic-xlsx";

type Row = CellValue[];

export interface ExpectedRow {
  name: string;
  /** The actual as written. */
  actual: string;
  /** The year's target as written, or the straight-line figure kensho must use, as it says it. */
  target: string | null;
  computed: string | null;
  department?: string | null;
  /** Findings the row must carry (codes), beyond which none of these codes may appear on it. */
  codes?: string[];
}

export interface CityLayout {
  id: string;
  /** Where it comes from: "source" (docs/layouts.md cites it) or "contract" (built from the description). */
  basis: "source" | "contract";
  shape: "rows" | "years-across" | "cards" | "blocks";
  title: string;
  grids: SheetGrid[];
  fiscalYear: string;
  /** The profile it needs (a city's own scale or reason column); none when recognition reads it. */
  profile?: LayoutProfile;
  rows: ExpectedRow[];
  /** The scale kensho must read it with. */
  scale: string;
}

const area = (top: number, left: number, bottom: number, right: number): CellArea => ({
  top,
  left,
  bottom,
  right,
});

/**
 * 江田島市 資料4 (blocks): per 施策 a block with its own two-row header (指標名, 現状値 (H26), an H27
 * band over 実績 / 改善・悪化 / 達成度, 目標値 (H31)); after each KPI row a merged ≪成果と見直し≫
 * text row. No target for H27: the straight line from H26 to H31. Its 達成度 scale (順調 A,
 * 要改善 B, 未実施 −) is no preset: the profile gives it.
 */
function etajima(): CityLayout {
  const header = (top: number): { rows: Row[]; merges: CellArea[] } => ({
    rows: [
      ["指標名", "現状値\n(H26)", "H27", null, null, "目標値\n(H31)"],
      [null, null, "実績", "改善・\n悪化", "達成度", null],
    ],
    merges: [
      area(top, 0, top + 1, 0),
      area(top, 1, top + 1, 1),
      area(top, 2, top, 4),
      area(top, 5, top + 1, 5),
    ],
  });
  const rows: Row[] = [["平成27年度 総合戦略の具体的施策 効果検証"], [], ["■施策① 農林業の振興"]];
  const merges: CellArea[] = [area(0, 0, 0, 5)];
  const block = (kpis: Row[], texts: string[]) => {
    const h = header(rows.length);
    rows.push(...h.rows);
    merges.push(...h.merges);
    kpis.forEach((k, i) => {
      rows.push(k);
      merges.push(area(rows.length, 0, rows.length, 5));
      rows.push([`≪成果と見直し≫ ${texts[i]}`]);
    });
  };
  block(
    [
      // decrease: 22,585 → 20,000 over five years; H27 expects 22,068 (interpolated); 20,563 beats it.
      ["有害鳥獣による農作物年間被害額(千円)", "22,585千円", "20,563千円", "○", "A", "20,000千円"],
      // increase: 22.6 → 35.0 ha; H27 expects 25.08; 24.6 is behind (98.1%): B, and the text explains.
      ["オリーブ栽培の面積(ha)", "22.6ha", "24.6ha", "○", "B", "35.0ha"],
    ],
    ["防護柵の設置が進み、被害額が減少した。", "苗木の供給が遅れたため、植栽面積が伸び悩んだ。"],
  );
  rows.push([], ["■施策② 水産業の振興"]);
  block(
    [
      // increase: 40 → 60 t; H27 expects 44; 45 is on track (A), but the mark says 悪化 against 41.
      ["かき養殖の出荷量(t)", "40t", "45t", "×", "A", "60t"],
      // increase: 10 → 20 人; H27 expects 12; 10 is behind, and the text row is left blank.
      ["漁業の新規就業者数(人)", "10人", "10人", "△", "B", "20人"],
    ],
    ["販路の開拓が進んだ。", ""],
  );
  // The last text row holds only its label: no reason for a delay.
  rows[rows.length - 1] = ["≪成果と見直し≫"];
  return {
    id: "etajima",
    basis: "source",
    shape: "blocks",
    title: "江田島市 資料4 総合戦略の具体的施策（H27実績）",
    grids: [gridFromArrays("具体的施策", rows, { merges })],
    fiscalYear: "平成27年度",
    profile: {
      version: 1,
      name: "江田島市（資料4の様式）",
      scale: {
        id: "custom",
        levels: [
          { name: "A", min: 1.0 },
          { name: "B", min: null },
        ],
        needsReason: ["B"],
        notEvaluated: ["−", "-"],
      },
    },
    scale: "custom",
    rows: [
      {
        name: "有害鳥獣による農作物年間被害額(千円)",
        actual: "20,563千円",
        target: "22,068千円",
        computed: "A",
        codes: ["target-interpolated"],
      },
      {
        name: "オリーブ栽培の面積(ha)",
        actual: "24.6ha",
        target: "25.08ha",
        computed: "B",
        codes: ["target-interpolated"],
      },
      {
        name: "かき養殖の出荷量(t)",
        actual: "45t",
        target: "44t",
        computed: "A",
        codes: ["target-interpolated"],
      },
      {
        name: "漁業の新規就業者数(人)",
        actual: "10人",
        target: "12人",
        computed: "B",
        codes: ["target-interpolated", "missing-delay-reason"],
      },
    ],
  };
}

/**
 * 松戸市 懇談会資料4 (years across): one row per 数値目標, a 実績 band over the years, the
 * latest year marked 現状値 beside a 基準値 column, the plan's target (H31) last, a 単位 column.
 * No target for H29 and no evaluation column: statuses are kensho's, against the straight line.
 */
function matsudo(): CityLayout {
  const rows: Row[] = [
    ["平成29年度 総合戦略 数値目標の現状値"],
    [],
    ["指標名", "単位", "平成25\n(基準値)", "実績", null, null, "平成31\n(目標値)", "担当課"],
    [null, null, null, "平成27", "平成28", "平成29\n(現状値)", null, null],
    ["出生数", "人", 3823, 3975, 3782, 3679, 4107, "子ども政策課"],
    ["主要観光スポットの観光客数", "千人", 2584, 2600, 2650, 2700, 2750, "観光振興課"],
    ["松戸に住み続けたい市民の割合", "%", 58.6, 60, 61, 62.5, 62, "市民自治課"],
  ];
  const merges = [
    area(2, 0, 3, 0),
    area(2, 1, 3, 1),
    area(2, 2, 3, 2),
    area(2, 3, 2, 5),
    area(2, 6, 3, 6),
    area(2, 7, 3, 7),
  ];
  return {
    id: "matsudo",
    basis: "source",
    shape: "years-across",
    title: "松戸市 まち・ひと・しごと創生懇談会 資料4（平成29年度の現状値）",
    grids: [gridFromArrays("数値目標", rows, { merges })],
    fiscalYear: "平成29年度",
    scale: "isesaki",
    rows: [
      // 3,823 (H25) → 4,107 (H31): H29 expects 4,012.3333; 3,679 is 91.7%.
      {
        name: "出生数",
        actual: "3679人",
        target: "4,012.3333人",
        computed: "概ね順調に進捗",
        department: "子ども政策課",
        codes: ["target-interpolated"],
      },
      // 2,584 → 2,750 千人: H29 expects 2,694.6667; 2,700 is on track.
      {
        name: "主要観光スポットの観光客数",
        actual: "2700千人",
        target: "2,694.6667千人",
        computed: "順調に進捗",
        codes: ["target-interpolated"],
      },
      // 58.6 → 62 %: H29 expects 60.8667; 62.5 is on track.
      {
        name: "松戸に住み続けたい市民の割合",
        actual: "62.5%",
        target: "60.8667%",
        computed: "順調に進捗",
        codes: ["target-interpolated"],
      },
    ],
  };
}

/**
 * いの町 (rows are KPIs, ◎○△×): the source gives the scale (目標値以上 ◎, 同等 ○, 未満 △, 進捗なし
 * ×) and that each of its 76 KPIs is judged against its 目標値; the columns follow the contract's
 * words (重要業績評価指標, 単位, 策定時, 実績値, 目標値, 達成度, 担当課), one row per KPI.
 */
function ino(): CityLayout {
  const rows: Row[] = [
    ["平成29年度 いの町まち・ひと・しごと創生総合戦略 効果検証"],
    [
      "基本目標",
      "重要業績評価指標",
      "単位",
      "策定時\n(H26)",
      "H29\n実績値",
      "H29\n目標値",
      "達成度",
      "担当課",
    ],
    ["1 しごとをつくる", "新規就農者数", "人", 5, 9, 8, "◎", "農林課"],
    [null, "企業誘致件数", "件", 1, 2, 3, "△", "産業経済課"],
    [null, "観光入込客数", "万人", 80, 70, 90, "○", "産業経済課"],
    ["2 ひとの流れ", "移住相談件数", "件", 20, 25, "増加", "◎", "企画課"],
    [null, "移住体験住宅の利用者数", "人", 10, 12, "設定予定", "", "企画課"],
  ];
  return {
    id: "ino",
    basis: "contract",
    shape: "rows",
    title: "いの町型（◎○△×の評価区分）",
    grids: [gridFromArrays("KPI", rows, { merges: [area(2, 0, 4, 0), area(5, 0, 6, 0)] })],
    fiscalYear: "平成29年度",
    scale: "maru",
    rows: [
      { name: "新規就農者数", actual: "9人", target: "8人", computed: "◎", department: "農林課" },
      // 2/3 = 66.7%: △ as entered.
      { name: "企業誘致件数", actual: "2件", target: "3件", computed: "△" },
      // 70/90 = 77.8%: △, though ○ was entered.
      { name: "観光入込客数", actual: "70万人", target: "90万人", computed: "△", codes: ["status-mismatch"] },
      // 増加: a direction only; 25 against the baseline's 20 went up: ◎, on that stated basis.
      { name: "移住相談件数", actual: "25件", target: "増加", computed: "◎", codes: ["direction-target"] },
      // 設定予定: the target is still to be set.
      {
        name: "移住体験住宅の利用者数",
        actual: "12人",
        target: "設定予定",
        computed: null,
        codes: ["missing-target", "missing-status"],
      },
    ],
  };
}

/**
 * 長与町 (rows are KPIs, S/A/B/C/−): the source gives the five grades and that each 数値目標 has a
 * 基準値, a 現在値 and a 目標値 by 所管課; here 現在値 is dated to the year beside a 基準値, so it is
 * the year's actual. The grades are read on the achievement rate (docs/layouts.md says how this
 * differs from 長与町's own rule against the baseline).
 */
function nagayo(): CityLayout {
  const rows: Row[] = [
    ["令和元年度 数値目標の進捗状況（施策評価）"],
    ["数値目標", "所管課", "基準値", "現状値\n(R1)", "目標値\n(R1)", "評価"],
    ["転入者数", "政策企画課", "1,500人", "1,620人", "1,600人", "S"],
    ["子育て支援センター利用者数", "こども政策課", "8,000人", "7,000人", "9,000人", "B"],
    ["町民体育館の利用者数", "生涯学習課", "30,000人", "集計中", "32,000人", "−"],
    ["住民健診の受診率", "健康保険課", "40%", "30%", "50%", "A"],
  ];
  return {
    id: "nagayo",
    basis: "source",
    shape: "rows",
    title: "長与町 数値目標評価（S・A・B・C・−）",
    grids: [gridFromArrays("数値目標", rows)],
    fiscalYear: "令和元年度",
    scale: "sabc",
    rows: [
      { name: "転入者数", actual: "1,620人", target: "1,600人", computed: "S", department: "政策企画課" },
      // 7,000/9,000 = 77.8%: B.
      { name: "子育て支援センター利用者数", actual: "7,000人", target: "9,000人", computed: "B" },
      {
        name: "町民体育館の利用者数",
        actual: "集計中",
        target: "32,000人",
        computed: null,
        codes: ["actual-is-note"],
      },
      // 30/50 = 60%: B, though A was entered.
      { name: "住民健診の受診率", actual: "30%", target: "50%", computed: "B", codes: ["status-mismatch"] },
    ],
  };
}

/**
 * 杵築市 (rows are KPIs, A/B/C/D): the source gives the grades (B: 目標の80%以上); the columns
 * use the contract's other words (成果指標名, 担当部署, 基準値, 実績値, 期待値, 最終目標, 進捗率,
 * 判定, 課題). 課題 is the text that explains a delay: the profile names it as the reason column.
 */
function kitsuki(): CityLayout {
  const rows: Row[] = [
    ["令和5年度 総合戦略 KPI進捗状況調書"],
    [
      "成果指標名",
      "担当部署",
      "基準値\n(R1)",
      "R5\n実績値",
      "R5\n期待値",
      "最終目標\n(R6)",
      "進捗率",
      "判定",
      "課題",
    ],
    ["創業支援件数", "商工観光課", "10件", "18件", "16件", "20件", "112.5%", "A", ""],
    [
      "空き家バンク成約件数",
      "建設課",
      "5件",
      "7件",
      "9件",
      "12件",
      "77.8%",
      "C",
      "物件の掘り起こしが進まなかった。",
    ],
    ["ふるさと納税寄附額", "財政課", "2億円", "3.6億円", "4億円", "5億円", "90%", "B", ""],
    ["観光消費額", "商工観光課", "50億円", "40億円", "60億円", "70億円", "66.7%", "C", "特になし"],
  ];
  return {
    id: "kitsuki",
    basis: "contract",
    shape: "rows",
    title: "杵築市型（A・B・C・D、課題の列）",
    grids: [gridFromArrays("KPI調書", rows)],
    fiscalYear: "令和5年度",
    scale: "abcd",
    profile: { version: 1, name: "杵築市型", scale: "abcd", reasonColumn: { headings: ["課題"] } },
    rows: [
      { name: "創業支援件数", actual: "18件", target: "16件", computed: "A", department: "商工観光課" },
      // 7/9 = 77.8%: C, and 課題 gives the reason.
      { name: "空き家バンク成約件数", actual: "7件", target: "9件", computed: "C" },
      { name: "ふるさと納税寄附額", actual: "3.6億円", target: "4億円", computed: "B" },
      // 40/60 = 66.7%: C, and 課題 says 特になし: no reason.
      {
        name: "観光消費額",
        actual: "40億円",
        target: "60億円",
        computed: "C",
        codes: ["missing-delay-reason"],
      },
    ],
  };
}

/**
 * A deliberately ambiguous sheet (contract): 現状値 with no year, no 基準値 and no 実績 beside it could
 * be the baseline or this year's actual. kensho stops naming the column; a profile that says 現状値
 * is this year's actual reads it.
 */
function ambiguous(): CityLayout {
  const rows: Row[] = [
    ["令和5年度 総合戦略 成果指標の状況"],
    ["成果指標名", "現状値", "R5目標値", "評価", "所管課"],
    ["図書館の貸出冊数", "52万冊", "50万冊", "順調に進捗", "生涯学習課"],
    ["地域イベントの参加者数", "3,000人", "4,000人", "進捗の遅れ", "地域振興課"],
  ];
  return {
    id: "ambiguous",
    basis: "contract",
    shape: "rows",
    title: "どちらとも読める「現状値」",
    grids: [gridFromArrays("成果指標", rows)],
    fiscalYear: "令和5年度",
    scale: "isesaki",
    profile: { version: 1, name: "現状値を今年度の実績とする", fields: { actual: { headings: ["現状値"] } } },
    // No baseline or final target and no KPI master entry: the direction is unknown, so no status
    // is computed (the entered ones are kept and shown); a status is never made up.
    rows: [
      { name: "図書館の貸出冊数", actual: "52万冊", target: "50万冊", computed: null },
      { name: "地域イベントの参加者数", actual: "3,000人", target: "4,000人", computed: null },
    ],
  };
}

/**
 * つくば市 実績評価シート【個別施策-重要業績評価指標(KPI)】 (cards): one KPI per block, 基本目標 and
 * 個別施策 and the KPI's name above, 指標担当部課等 beside it, the years across (従前値, R2 … R6,
 * 目標値), 目標 and 実績値 down the side with 評価, and 効果発現要因・課題・今後の取組 as free text.
 * Two cards on the first sheet, one on the second. Its A/B/C grades are given by the profile.
 */
function tsukuba(): CityLayout {
  const card = (
    name: string,
    dept: string,
    expected: CellValue[],
    actual: CellValue[],
    grade: string,
    text: string,
  ): Row[] => [
    ["基本目標", "Ⅰ しごとをつくる"],
    ["個別施策", "(1) 科学技術の振興によるまちづくり"],
    ["KPI", name, null, null, "指標担当部課等", dept],
    [],
    [null, "従前値(R1)", "R2", "R3", "R4", "R5", "R6", "目標値(R6)"],
    ["目標", null, ...expected],
    ["実績値", ...actual],
    ["評価", null, null, null, null, grade],
    ["効果発現要因・課題・今後の取組", text],
    [],
  ];
  const first: Row[] = [
    ["令和5年度 まち・ひと・しごと創生事業 実績評価シート【個別施策-重要業績評価指標(KPI)】"],
    [],
    // 8 → 12 件: R5 expects 11; 12 is on track (A).
    ...card(
      "新規プロジェクトの創出数",
      "科学技術振興課",
      ["9件", "10件", "10件", "11件", "12件", "12件"],
      ["8件", "9件", "10件", "11件", "12件"],
      "A",
      "研究機関への訪問を重ねた。",
    ),
    // R5 expects 44 社; 38 is 86.4%: B+, though A was entered.
    ...card(
      "立地企業数",
      "産業振興課",
      ["35社", "38社", "41社", "44社", "50社", "50社"],
      ["30社", "34社", "36社", "37社", "38社"],
      "A",
      "用地の確保が課題。",
    ),
  ];
  const second: Row[] = [
    ["令和5年度 実績評価シート"],
    [],
    // R5 expects 1,400 人; 1,120 is 80%: B+, though B was entered.
    ...card(
      "移住相談件数",
      "企画経営課",
      ["1,100人", "1,200人", "1,300人", "1,400人", "1,500人", "1,500人"],
      ["1,000人", "1,050人", "1,080人", "1,100人", "1,120人"],
      "B",
      "",
    ),
  ];
  return {
    id: "tsukuba",
    basis: "source",
    shape: "cards",
    title: "つくば市 実績評価シート（KPIごとの個票）",
    grids: [gridFromArrays("個別施策1", first), gridFromArrays("個別施策2", second)],
    fiscalYear: "令和5年度",
    scale: "abplus",
    profile: { version: 1, name: "つくば市型", scale: "abplus" },
    rows: [
      {
        name: "新規プロジェクトの創出数",
        actual: "12件",
        target: "11件",
        computed: "A",
        department: "科学技術振興課",
      },
      { name: "立地企業数", actual: "38社", target: "44社", computed: "B+", codes: ["status-mismatch"] },
      // Entered B, a level that needs its reason: the free text is blank.
      {
        name: "移住相談件数",
        actual: "1,120人",
        target: "1,400人",
        computed: "B+",
        codes: ["status-mismatch", "missing-delay-reason"],
      },
    ],
  };
}

export const CITY_LAYOUTS: readonly (() => CityLayout)[] = [
  etajima,
  matsudo,
  ino,
  nagayo,
  kitsuki,
  tsukuba,
  ambiguous,
];

/** Writes each layout as `<id>.xlsx`, and its profile (when it has one) as `<id>.profile.json`. */
export function buildCityFixtures(dir: string): Record<string, { xlsx: string; profile: string | null }> {
  fs.mkdirSync(dir, { recursive: true });
  const out: Record<string, { xlsx: string; profile: string | null }> = {};
  for (const make of CITY_LAYOUTS) {
    const l = make();
    const xlsx = path.join(dir, `${l.id}.xlsx`);
    fs.writeFileSync(xlsx, writeXlsx(l.grids.map((grid) => ({ grid }))));
    let profile: string | null = null;
    if (l.profile) {
      profile = path.join(dir, `${l.id}.profile.json`);
      fs.writeFileSync(profile, `${JSON.stringify(l.profile, null, 2)}\n`);
    }
    out[l.id] = { xlsx, profile };
  }
  return out;
}
