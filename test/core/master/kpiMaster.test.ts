// The KPI master against an independent reading of the strategy's tables (test/fixtures/strategy),
// and findMasterEntry against every name the FY2023 verification sheet uses.

import { readFileSync } from "fs";
import { join } from "path";
import {
  KPI_MASTER,
  KpiMasterEntry,
  findMasterEntry,
  findMasterEntryById,
  inForce,
  kpiNameKey,
} from "../../../src/core/master/kpiMaster";

// ---------------------------------------------------------------------------------------------
// An independent parse of the fixture: deliberately simple line parsing, sharing no code with the master.

interface StrategyRow {
  kind: "数値目標" | "KPI";
  goal: string;
  subGoal: string;
  /** 1-based position of the KPI table within its sub goal (the ①②③ of the 施策); 0 for 数値目標. */
  measureIndex: number;
  /** The fixture block holding the table, white space removed, to find the 施策 title in. */
  block: string;
  rawName: string;
  baseline: string;
  finalTarget: string;
}

const FIXTURE = readFileSync(join(__dirname, "../../fixtures/strategy/kpi-tables.txt"), "utf8");
const LINES = FIXTURE.split(/\r?\n/).filter((l) => !l.startsWith("#"));

function parseStrategy(): StrategyRow[] {
  const rows: StrategyRow[] = [];
  let goalName = "";
  let subGoal = "";
  let measureIndex = 0;
  let kind: StrategyRow["kind"] | null = null;
  let blockStart = 0;
  let inTable = false;
  for (let i = 0; i < LINES.length; i++) {
    const line = LINES[i];
    if (line.trim() === "") {
      blockStart = i + 1;
      inTable = false;
      continue;
    }
    const sub = /^基本目標(\d-\d) (.+)$/.exec(line);
    const goal = /^基本目標(\d) (.+)$/.exec(line);
    if (sub) {
      subGoal = `${sub[1]} ${sub[2]}`;
      measureIndex = 0;
    } else if (goal) {
      goalName = goal[2];
    } else if (/^数[値值]目標$/.test(line)) {
      kind = "数値目標";
    } else if (line.startsWith("重要業績評価指標(KPI)")) {
      kind = "KPI";
      measureIndex++;
    } else if (line.startsWith("指標名\t")) {
      inTable = true;
    } else if (inTable && line.includes("\t")) {
      let [rawName, baseline, finalTarget] = line.split("\t");
      // A name broken over two lines ("…児童・" / "生徒の割合") carries a part of each value per line.
      if (rawName.endsWith("・") && LINES[i + 1]?.includes("\t")) {
        const [n2, b2, f2] = LINES[++i].split("\t");
        rawName += n2;
        baseline += ` ${b2}`;
        finalTarget += ` ${f2}`;
      }
      if (kind === null) throw new Error(`table row outside a table: ${line}`);
      const block = LINES.slice(blockStart, i + 1)
        .join("")
        .replace(/\s/g, "");
      // The goal number comes from the sub goal: the text misprints 3-2's goal heading as 基本目標2.
      const goalLabel = `${subGoal.split("-")[0]} ${goalName}`;
      rows.push({
        kind,
        goal: goalLabel,
        subGoal,
        measureIndex: kind === "KPI" ? measureIndex : 0,
        block,
        rawName,
        baseline,
        finalTarget,
      });
    } else {
      inTable = false;
    }
  }
  return rows;
}

/** Strategy name -> plain name: drop the PDF's footnote marks (*, [*], ^{**}, [®]) and (累計). */
function cleanName(raw: string): string {
  return raw
    .replace(/\^\{\*+\}/g, "")
    .replace(/\[[*®※]\]/g, "")
    .replace(/[*※]/g, "")
    .replace(/\(累計\)/g, "")
    .replace(/\s/g, "");
}

/** OCR misreads in the PDF text, corrected in the master. Reviewed by hand against the printed strategy. */
const OCR_FIXES: Record<string, { baseline?: [string, string]; finalTarget?: [string, string] }> = {
  // "0回" / "5回": 回 read as □ and as 0.
  災害図上訓練年間実施回数: { baseline: ["O□", "0回"], finalTarget: ["50", "5回"] },
  // The dash for "no baseline" (the centre opened in 令和2年4月).
  子育て世代包括支援センター相談件数: { baseline: ["_", "-"] },
};

/** Value text for comparison: OCR fixes, no "(※)" note mark, 力 misread for カ, no white space. */
function cleanValue(name: string, field: "baseline" | "finalTarget", raw: string): string {
  const fix = OCR_FIXES[name]?.[field];
  const text = fix && raw.trim() === fix[0] ? fix[1] : raw;
  return text
    .replace(/\(※\)/g, "")
    .replace(/(\d)力所/g, "$1カ所")
    .replace(/\s/g, "");
}

const squeeze = (s: string): string => s.replace(/\s/g, "");

const STRATEGY = parseStrategy();
const ACTIVE = KPI_MASTER.filter((e) => e.status === "active");
const byName = (name: string): KpiMasterEntry => {
  const entry = KPI_MASTER.find((e) => e.name === name);
  if (!entry) throw new Error(`no master entry named ${name}`);
  return entry;
};

// ---------------------------------------------------------------------------------------------

describe("the fixture parse", () => {
  it("finds the strategy's 6 数値目標 and 42 KPIs", () => {
    expect(STRATEGY.filter((r) => r.kind === "数値目標")).toHaveLength(6);
    expect(STRATEGY.filter((r) => r.kind === "KPI")).toHaveLength(42);
  });
});

describe("KPI master vs the strategy", () => {
  it.each(STRATEGY.map((r) => [cleanName(r.rawName), r] as const))("%s", (name, row) => {
    const entry = byName(name);
    expect(entry.status).toBe("active");
    expect(entry.source).toBe("strategy");
    expect(entry.kind).toBe(row.kind);
    expect(entry.goal).toBe(row.goal);
    expect(entry.subGoal).toBe(row.subGoal);
    expect(entry.cumulative).toBe(row.rawName.includes("(累計)"));
    expect(squeeze(entry.baseline)).toBe(cleanValue(name, "baseline", row.baseline));
    expect(squeeze(entry.finalTarget)).toBe(cleanValue(name, "finalTarget", row.finalTarget));
    if (row.kind === "数値目標") {
      expect(entry.measure).toBeNull();
      expect(entry.id).toBe(`${row.subGoal.split(" ")[0]}-0`);
    } else {
      const circled = "①②③④⑤⑥⑦⑧⑨"[row.measureIndex - 1];
      expect(entry.measure?.startsWith(circled)).toBe(true);
      expect(row.block).toContain(squeeze(entry.measure!.slice(1)));
      expect(entry.id.startsWith(`${row.subGoal.split(" ")[0]}-${circled}-`)).toBe(true);
    }
    // The entry's name is the strategy's (name key robust), so findMasterEntry resolves the raw text too.
    expect(findMasterEntry(row.rawName.replace(/\^\{\*+\}|\[[*®]\]/g, ""))).toBe(entry);
  });

  it("has no active entry the strategy does not list", () => {
    const names = new Set(STRATEGY.map((r) => cleanName(r.rawName)));
    expect(ACTIVE.map((e) => e.name).filter((n) => !names.has(n))).toEqual([]);
    expect(ACTIVE).toHaveLength(STRATEGY.length);
  });

  it("includes the KPIs the FY2023 sheet lacks", () => {
    for (const name of ["年少人口", "3歳児健康診査受診率", "災害図上訓練年間実施回数"]) {
      expect(findMasterEntry(name)?.status).toBe("active");
    }
  });

  it("quotes only ※ notes that are in the strategy", () => {
    const noteLines = new Set(
      LINES.map((l) => l.replace(/^\[※\]\s?/, "※").replace(/\*\*/g, "")).filter((l) => l.startsWith("※")),
    );
    for (const entry of KPI_MASTER) {
      for (const note of entry.notes) expect(noteLines).toContain(note);
    }
  });
});

describe("KPI master integrity", () => {
  it("has unique ids in the documented shape", () => {
    const ids = KPI_MASTER.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const e of KPI_MASTER) {
      expect(e.id).toMatch(e.status === "replaced" ? /^\d-\d-(0|[①-⑨])-r\d+$/ : /^\d-\d-(0|[①-⑨]-\d+)$/);
    }
  });

  it("has no name key shared by two entries", () => {
    const keys = KPI_MASTER.flatMap((e) => [e.name, ...e.aliases].map(kpiNameKey));
    expect(new Set(keys).size).toBe(keys.length);
  });

  it("keeps names free of footnote marks and (累計)", () => {
    for (const e of KPI_MASTER) expect(e.name).not.toMatch(/[*※＊\s]|累計/);
  });

  it("sets a direction and its basis on every entry", () => {
    for (const e of KPI_MASTER) {
      expect({ id: e.id, direction: e.direction }).toEqual({ id: e.id, direction: expect.any(String) });
      expect(e.directionBasis.trim()).not.toBe("");
    }
  });

  it("backs 'final target above baseline' with the strategy's numbers", () => {
    const numbers = (text: string): number[] =>
      (text.replace(/\([^)]*\)/g, "").match(/\d[\d,]*(?:\.\d+)?/g) ?? []).map((n) =>
        Number(n.replace(/,/g, "")),
      );
    const checked = KPI_MASTER.filter((e) => e.directionBasis.startsWith("final target above baseline"));
    expect(checked.length).toBeGreaterThan(30);
    for (const e of checked) {
      const row = STRATEGY.find((r) => cleanName(r.rawName) === e.name)!;
      const base = numbers(cleanValue(e.name, "baseline", row.baseline));
      const target = numbers(cleanValue(e.name, "finalTarget", row.finalTarget));
      expect(base.length).toBeGreaterThan(0);
      expect(target).toHaveLength(base.length);
      target.forEach((t, i) => expect([e.name, t > base[i]]).toEqual([e.name, true]));
      expect(e.direction).toBe("increase");
    }
  });

  it("links each replaced KPI to the active entry that replaced it", () => {
    const replaced = KPI_MASTER.filter((e) => e.status === "replaced");
    expect(replaced.map((e) => e.name).sort()).toEqual(["出生数", "合計特殊出生率"].sort());
    for (const e of replaced) {
      const successor = findMasterEntryById(e.replacedBy ?? "");
      expect(successor?.status).toBe("active");
      expect(successor?.kind).toBe(e.kind);
      expect(successor?.measure).toBe(e.measure);
      expect(e.finalTarget).toContain(`「${successor?.name}」へ変更`);
    }
    expect(ACTIVE.every((e) => e.replacedBy === null)).toBe(true);
  });
});

describe("directions named in domain.md", () => {
  it.each([
    ["刑法犯認知件数", "decrease"],
    ["交通事故発生件数", "decrease"],
    ["ファミリーサポートセンター会員登録数", "increase"],
    ["コミュニティバス利用者数", "increase"],
    ["鉄道利用者数", "increase"],
    ["保育施設待機児童数", "maintain"],
    ["健康寿命", "increase"],
    ["特定健康診査実施率", "increase"],
    ["子育て世代包括支援センター相談件数", "increase"],
    ["合計特殊出生率", "increase"],
    ["出生数", "increase"],
  ])("%s is %s", (name, direction) => {
    expect(byName(name).direction).toBe(direction);
  });

  it.each(["ファミリーサポートセンター会員登録数", "コミュニティバス利用者数", "鉄道利用者数"])(
    "%s quotes the strategy's note that it should increase despite a lower target",
    (name) => {
      const entry = byName(name);
      expect(entry.directionBasis).toMatch(/^strategy note/);
      expect(entry.notes.some((n) => n.includes("から増加させるもの"))).toBe(true);
    },
  );
});

// ---------------------------------------------------------------------------------------------
// The 47 KPI names of the FY2023 sheet (seed 003), as written there.

const SHEET_NAMES: ReadonlyArray<readonly [string, string]> = [
  ["新規求人数", "1-1-0"],
  ["製造品出荷額等", "1-1-①-1"],
  ["新技術・新製品等の開発数", "1-1-①-2"],
  ["創業相談件数", "1-1-①-3"],
  ["いせさき合同会社説明会の参加者数", "1-1-②-1"],
  ["女性のためのおしごとフェアの参加者数", "1-1-②-2"],
  ["障害者の一般企業への新規就労者数", "1-1-②-3"],
  ["製造業の事業所数", "1-1-③-1"],
  ["製造業の従業者数", "1-1-③-2"],
  ["新規就農者数", "1-1-④-1"],
  ["ほ場整備面積", "1-1-④-2"],
  ["年間観光入込客数", "1-2-0"],
  ["境地区の年間観光入込客数", "1-2-①-1"],
  ["華蔵寺公園遊園地年間利用者数", "1-2-①-2"],
  ["伊勢崎シティマラソンの市外参加者数", "1-2-②-1"],
  ["ふるさと納税寄付件数", "1-2-②-2"],
  ["移住相談会等の参加者数", "1-2-③-1"],
  ["合計特殊出生率", "2-1-0-r1"],
  ["出生数", "2-1-①-r1"],
  ["妊婦健康診査受診率", "2-1-①-2"],
  ["子育て世代包括支援センター相談件数", "2-1-①-3"],
  ["伊勢崎市で今後も子育てしたいと思う割合", "2-1-①-4"],
  ["保育施設待機児童数", "2-1-②-1"],
  ["放課後児童クラブ数", "2-1-②-2"],
  ["放課後子供教室数", "2-1-②-3"],
  ["ファミリーサポートセンター会員登録数", "2-1-②-4"],
  ["将来の夢や希望の実現に向け努力している児童・生徒の割合", "2-2-0"],
  ["自分の住んでいる地域を誇りに思っている児童・生徒の割合", "2-2-①-1"],
  ["高等教育機関との連携による公開講座参加者数", "2-2-①-2"],
  ["英語の学習が楽しいと感じている児童・生徒の割合", "2-2-②-1"],
  ["伊勢崎市が住みよいと 感じている市民の割合", "3-1-0"],
  ["健康寿命", "3-1-①-1"],
  ["休日夜間急患センターの開設日数", "3-1-①-2"],
  ["特定健康診査実施率", "3-1-①-3"],
  ["ミニデイサービス事業の実施率", "3-1-②-1"],
  ["認知症サポーター数", "3-1-②-2"],
  ["土地区画整理事業完了地区の割合", "3-1-③-1"],
  ["中心市街地整備事業の進捗率", "3-1-③-2"],
  ["伊勢崎駅周辺の中心市街地における歩行者等通行量", "3-1-③-3"],
  ["コミュニティバス利用者数", "3-1-④-1"],
  ["鉄道利用者数", "3-1-④-2"],
  ["刑法犯認知件数", "3-2-0"],
  ["災害時協力協定締結数", "3-2-①-1"],
  ["防犯灯設置数", "3-2-①-3"],
  ["交通事故発生件数", "3-2-①-4"],
  ["いせさき情報メール登録数", "3-2-①-5"],
  ["危険空き家除却件数", "3-2-②-1"],
];

describe("findMasterEntry", () => {
  it("has all 47 FY2023 sheet names, each once", () => {
    expect(SHEET_NAMES).toHaveLength(47);
    expect(new Set(SHEET_NAMES.map(([, id]) => id)).size).toBe(47);
  });

  it.each(SHEET_NAMES)("resolves the sheet's %s to %s", (name, id) => {
    expect(findMasterEntry(name)?.id).toBe(id);
  });

  it.each([
    ["伊勢崎市が住みよいと\n感じている市民の割合", "3-1-0"],
    ["伊勢崎市が住みよいと\u3000感じている市民の割合", "3-1-0"],
    ["\u3000創業相談件数 ", "1-1-①-3"],
    ["新規就農者数（累計）", "1-1-④-1"],
    ["新規就農者数*(累計)", "1-1-④-1"],
    ["ほ場＊整備面積", "1-1-④-2"],
    ["保育施設待機児童※数", "2-1-②-1"],
    ["新技術･新製品等の開発数", "1-1-①-2"],
    ["３歳児健康診査受診率", "2-1-①-1"],
    ["ミニデイサービス事業を実施している行政区\r\nの割合", "3-1-②-1"],
  ])("resolves the spelling variant %j to %s", (name, id) => {
    expect(findMasterEntry(name)?.id).toBe(id);
  });

  it.each(["", "  ", "-", "入込客数", "新規求人数数", "未登録の指標"])("returns null for %j", (name) => {
    expect(findMasterEntry(name)).toBeNull();
  });
});

describe("revisions", () => {
  const year = (y: number) => KPI_MASTER.filter((e) => inForce(e, y)).map((e) => e.name);
  test("the 令和6年3月 revision: successors and the new KPI from 令和6年度, the replaced ones until 令和5年度", () => {
    expect(year(2023)).toEqual(expect.arrayContaining(["合計特殊出生率", "出生数"]));
    expect(year(2023)).not.toEqual(expect.arrayContaining(["年少人口"]));
    expect(year(2023)).not.toContain("3歳児健康診査受診率");
    expect(year(2023)).not.toContain("災害図上訓練年間実施回数");
    expect(year(2024)).toEqual(
      expect.arrayContaining(["年少人口", "3歳児健康診査受診率", "災害図上訓練年間実施回数"]),
    );
    expect(year(2024)).not.toContain("合計特殊出生率");
    expect(year(2024)).not.toContain("出生数");
  });

  test("every replaced entry ends the year before its successor starts", () => {
    for (const e of KPI_MASTER.filter((x) => x.status === "replaced")) {
      const successor = KPI_MASTER.find((x) => x.id === e.replacedBy);
      expect(successor).toBeDefined();
      expect(e.inForceUntil).toBe((successor?.inForceFrom ?? 0) - 1);
    }
  });
});
