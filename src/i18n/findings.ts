// The one catalogue of finding codes: severity, a short title and the Japanese message staff read.
// Rules decide *whether* a finding applies; every word staff see comes from here.
import type {
  ActivityPart,
  FieldKey,
  FileError,
  FileErrorCode,
  LayoutConflict,
  YearSource,
  YearSourceParam,
  Finding,
  FindingCode,
  FindingParams,
  NoStatusReason,
  Severity,
  ValueKind,
  ValueQualifier,
} from "../core/model";

export const SEVERITY_LABELS: Record<Severity, string> = {
  error: "エラー",
  warning: "警告",
  info: "情報",
};

export const FIELD_LABELS: Record<FieldKey, string> = {
  goal: "大基本目標",
  subGoal: "小基本目標",
  measure: "具体的な施策",
  kpi: "重要業績評価指標（KPI）名称",
  activity: "①主な取組・事業実施状況 ②課題 ③今後の方策等",
  baseline: "基準値",
  previous: "前年度の実績値",
  actual: "実績値",
  target: "目標値",
  finalTarget: "計画最終年度の目標値",
  status: "進捗状況",
  reason: "進捗が遅れている理由",
  department: "指標の担当課",
  unit: "単位",
  rate: "達成率（シートの記載）",
  trend: "前年度との比較（改善・悪化）",
  comment: "分析・課題などの記述",
};

export const YEAR_SOURCE_LABELS: Record<YearSource, string> = {
  stated: "指定した年度",
  "actual-header": "実績値の見出し",
  "target-header": "目標値の見出し",
  "activity-header": "①②③の見出し",
  title: "タイトル",
  "sheet-name": "シート名",
};

/** A field in words, with the year where it matters: 令和6年度の実績値. */
export function fieldInWords(field: FieldKey, fiscalYear: string | null): string {
  if (field === "actual" || field === "target") return `${fiscalYear ?? "今年度"}の${FIELD_LABELS[field]}`;
  return FIELD_LABELS[field];
}

/** 「H列「令和6年度 実績値」」 */
export function columnInWords(c: { column: string; header: string }): string {
  return c.header === "" ? `${c.column}列（見出しなし）` : `${c.column}列「${c.header}」`;
}

/** Why a layout stopped the check, with the columns it names and what to do. */
export function renderConflict(sheet: string, c: LayoutConflict): string {
  const columns = c.columns.map(columnInWords).join("と");
  const where = `シート「${sheet}」の${c.headerRow}行目からの見出し`;
  if (c.kind === "ambiguous-word") {
    return (
      `${where}の${columns}は、${AMBIGUOUS_WORDS[c.field] ?? "二つの項目"}のどちらとも読めて、周りの見出しからも決められません。` +
      "このファイルの検証を中止しました。見出しに年度や「基準値」「実績値」などの語を入れて区別するか、" +
      "市の設定（kensho profile init で下書きを作り、その列の項目を書き込んだもの）を --profile で指定してください。"
    );
  }
  if (c.kind === "same-field") {
    return (
      `${where}で、${columns}がどちらも「${fieldInWords(c.field, c.fiscalYear)}」を表しているため、` +
      "どちらを読むか決められません。このファイルの検証を中止しました。" +
      "見出しを直して一つの列だけがその項目を表すようにする（例: 「令和6年度 実績値」「令和5年度 実績値」のように年度を入れる）か、" +
      "年度を指定してください（kensho --year 令和6年度、作業ウィンドウでは設定の「年度」）。"
    );
  }
  return (
    `${where}に「${fieldInWords(c.field, c.fiscalYear)}」の列がありません（${columns}）。` +
    "このファイルの検証を中止しました。指定した年度や、タイトル・見出しの年度が正しいか確認してください。"
  );
}

/** What an undecided word could be, by the field the conflict names. */
const AMBIGUOUS_WORDS: Partial<Record<FieldKey, string>> = {
  baseline: "基準値と今年度の実績値",
  kpi: "指標の名称と目標値",
  target: "目標値と実績値",
};

/** Shown as the name of a data row whose KPI name cell is empty. */
export const UNNAMED_KPI = "（KPI名称なし）";

/** The parts of the ①②③ text, as a message names them. */
export const ACTIVITY_PART_LABELS: Record<ActivityPart, string> = {
  1: "①主な取組・事業実施状況",
  2: "②課題",
  3: "③今後の方策等",
};

/** Percent with one decimal, as staff write it: 0.9235 -> "92.4%". */
export function formatRate(rate: number): string {
  return `${(Math.round(rate * 1000) / 10).toFixed(1)}%`;
}

const STATUS_CHOICES = "「順調に進捗」「概ね順調に進捗」「進捗の遅れ」";
/** The choices a message names: the city scale's levels when the sheet has its own. */
const choices = (p: FindingParams) => (p.levels ? p.levels.map((l) => `「${l}」`).join("") : STATUS_CHOICES);

const KIND_WORDS: Partial<Record<ValueKind, string>> = {
  blank: "未入力",
  note: "数値ではない記載",
  invalid: "数値として読み取れない値",
  error: "計算エラー",
  date: "日付",
};

/** What each qualifier says about a figure, for messages and the row detail. */
export const QUALIFIER_LABELS: Record<ValueQualifier, string> = {
  approximate: "概数",
  estimate: "見込み・推計",
  preliminary: "速報値",
  provisional: "暫定値",
  final: "確定値",
  "at-least": "以上",
  "at-most": "以下",
  below: "未満",
  above: "超",
  cumulative: "累計",
};

const unitWord = (u: string | null | undefined) => (u ? `「${u}」` : "なし（数値のみ）");

/** Why no status could be computed for a row, in words. */
export function renderNoStatus(reason: NoStatusReason): string {
  switch (reason.code) {
    case "actual-unusable":
      return `実績値が${KIND_WORDS[reason.kind] ?? "数値ではない"}のため、達成率を計算できません。`;
    case "target-unusable":
      return `目標値が${KIND_WORDS[reason.kind] ?? "数値ではない"}のため、達成率を計算できません。`;
    case "category-target":
      return `目標値が「${reason.target}」という記載のため、実績値も同じ形の記載でなければ比較できません。`;
    case "unit-incomparable":
      return (
        `${reason.label ? `「${reason.label}」の` : ""}実績値の単位${unitWord(reason.actualUnit)}と` +
        `目標値の単位${unitWord(reason.targetUnit)}が比較できないため、達成率を計算できません。`
      );
    case "no-direction":
      return "基準値と目標値から指標の方向（増加・減少・維持）を判断できないため、達成率を計算できません。設定で方向を指定してください。";
    case "part-missing":
      return `実績値に目標値の「${reason.label}」に当たる値がないため、達成率を計算できません。`;
    case "shape-differs":
      return "実績値と目標値の形式（単一の数値・複数の値）が異なるため、達成率を計算できません。";
  }
}

/** A finding's parameters as its message template sees them: the KPI's name is always there. */
type MessageParams = FindingParams & { kpi: string };

interface CatalogueEntry {
  title: string;
  message: (p: MessageParams) => string;
}

const field = (p: MessageParams) => (p.field ? FIELD_LABELS[p.field] : "値");
const rateText = (p: MessageParams) =>
  p.rate === null || p.rate === undefined ? "" : `（達成率 ${formatRate(p.rate)}）`;

export const FINDINGS: Record<FindingCode, CatalogueEntry> = {
  "missing-actual": {
    title: "実績値が未入力",
    message: (p) => `${p.fiscalYear ?? "今年度"}の実績値が入力されていません。実績値を入力してください。`,
  },
  "missing-status": {
    title: "進捗状況が未入力",
    message: (p) =>
      `進捗状況が入力されていません。${choices(p)}のいずれかを入力してください。` +
      (p.computed ? `（達成率から求めると「${p.computed}」${rateText(p)}です）` : ""),
  },
  "invalid-status": {
    title: "進捗状況の記載が不正",
    message: (p) =>
      `進捗状況「${p.entered ?? ""}」は使えません。` +
      (p.suggested
        ? `「${p.suggested}」のことであれば、そのとおりに入力してください（${STATUS_CHOICES}のいずれか）。`
        : `${choices(p)}のいずれかを入力してください。`),
  },
  "missing-delay-reason": {
    title: "遅れの理由が未入力",
    message: (p) =>
      (p.computedFromRate
        ? `達成率から求めた進捗状況が「${p.level ?? "進捗の遅れ"}」${rateText(p)}ですが、`
        : `進捗状況が「${p.level ?? "進捗の遅れ"}」ですが、`) +
      (p.field === "comment"
        ? p.placeholder
          ? `その下の記述が「${p.entered ?? ""}」で、遅れの理由が書かれていません。理由を具体的に入力してください。`
          : "その下の記述（成果と見直し・課題など）が空欄です。遅れの理由を入力してください。"
        : p.placeholder
          ? `進捗が遅れている理由が「${p.entered ?? ""}」で、理由が書かれていません。遅れている理由を具体的に入力してください。`
          : "進捗が遅れている理由が入力されていません。理由を入力してください。"),
  },
  "missing-department": {
    title: "担当課が未入力",
    message: () => "指標の担当課が入力されていません。担当課名を入力してください。",
  },
  "unparseable-value": {
    title: "数値として読めない値",
    message: (p) =>
      `${field(p)}「${p.raw ?? ""}」を数値として読み取れません。数字と単位で入力してください（例: 1,563件、80.5%）。` +
      "英字のOやlが数字の代わりに入っていないかも確認してください。",
  },
  "formula-error": {
    title: "計算エラー",
    message: (p) =>
      `${field(p)}が計算エラー（${p.errorCode ?? ""}）になっています。数式や参照しているセルを確認してください。`,
  },
  "status-mismatch": {
    title: "進捗状況が計算と異なる",
    message: (p) =>
      `入力された進捗状況「${p.entered ?? ""}」が、達成率 ${p.rate === null || p.rate === undefined ? "" : formatRate(p.rate)}` +
      `${p.direction ? `（${RATE_BASIS[p.direction]}）` : ""}から求めた「${p.computed ?? ""}」と異なります。実績値・目標値と進捗状況を確認してください。`,
  },
  "unit-mismatch": {
    title: "単位が異なる",
    message: (p) =>
      `実績値の単位「${p.actualUnit ?? "なし"}」が${field(p)}の単位「${p.otherUnit ?? "なし"}」と異なります。` +
      (p.field === "target" ? "比較できないため、達成率と進捗状況を計算していません。" : "") +
      "単位をそろえてください。",
  },
  "reference-year-mismatch": {
    title: "対象時点が目標値と異なる",
    message: (p) =>
      `実績値の対象時点（${p.actualPeriod ?? ""}）が目標値の対象時点（${p.targetPeriod ?? ""}）と異なります。` +
      "最新の数値か確認し、公表時期の都合で古い数値を使う場合はその旨を記載してください。",
  },
  "unchanged-from-previous-year": {
    title: "前年度と同じ実績値",
    message: (p) =>
      `実績値が前年度の実績値（${p.previous ?? ""}）と同じです。今年度の数値に更新されているか確認してください。`,
  },
  "percent-out-of-range": {
    title: "割合が0～100%の範囲外",
    message: (p) =>
      `${field(p)}「${p.raw ?? ""}」は割合として0～100%の範囲外です。入力値を確認してください。`,
  },
  "missing-activity-text": {
    title: "取組状況が未入力",
    message: () =>
      "①主な取組・事業実施状況、②課題、③今後の方策等が入力されていません。内容を入力してください。",
  },
  "date-value": {
    title: "日付になっている値",
    message: (p) =>
      `${field(p)}が日付（${p.raw ?? ""}）になっています。入力した数値をExcelが日付に変換した可能性があります` +
      "（例: 8/8 や 1-2 と入力すると日付になります）。このままでは達成率を計算できません。" +
      "セルの表示形式を「標準」か「文字列」にしてから、数値と単位で入力し直してください。",
  },
  "uncalculated-formula": {
    title: "数式の計算結果がない",
    message: (p) =>
      `${field(p)}の数式に計算結果が保存されていません（プログラムで作成され、再計算されていないファイルです）。` +
      "Excelで開いて保存し直してください。",
  },
  "missing-target": {
    title: "目標値がない",
    message: (p) =>
      `${p.fiscalYear ?? "今年度"}の目標値が` +
      (p.raw ? `「${p.raw}」で数値として読み取れない` : "未入力の") +
      "ため、達成率と進捗状況を計算できません。目標値を入力してください（企画調整課の記入欄です）。",
  },
  "implausible-value": {
    title: "入力誤りの可能性",
    message: (p) =>
      p.slip === "negative"
        ? `実績値「${p.raw ?? ""}」がマイナスですが、基準値・前年度の実績値・目標値はいずれも0以上です。` +
          "符号（-、△、▲）の入力誤りでないか確認してください。"
        : `実績値「${p.raw ?? ""}」が、前年度の実績値「${p.previous ?? ""}」とも目標値「${p.expected ?? ""}」とも10倍以上離れています。` +
          (p.dateSerial
            ? `日付（${p.dateSerial}）のシリアル値が数値として残っている可能性もあります。`
            : "") +
          "単位（万・億・千円など）や桁の誤りでないか確認してください。",
  },
  "actual-is-note": {
    title: "実績値が数値でない",
    message: (p) =>
      `実績値が「${p.raw ?? ""}」で数値ではないため、達成率と進捗状況を計算できません。` +
      "数値が判明していれば数値と単位で入力してください。まだ判明していない場合は、その理由と判明する時期を記載してください。",
  },
  "incomparable-values": {
    title: "実績値と目標値を比較できない",
    message: (p) =>
      (p.noStatus
        ? renderNoStatus(p.noStatus)
        : "実績値と目標値を比較できないため、達成率を計算できません。") +
      "実績値を目標値と同じ形で記載してください。",
  },
  "unit-assumed": {
    title: "単位を補って計算",
    message: (p) =>
      `${field(p)}「${p.raw ?? ""}」には単位がないため、` +
      (p.unitFrom === "format" ? "セルの表示形式" : "目標値") +
      `の単位に合わせて「${p.unit ?? ""}」として計算しました。違う場合は単位を付けて入力してください。`,
  },
  "qualified-actual": {
    title: "実績値に「約」「速報値」などの注記",
    message: (p) =>
      `実績値「${p.raw ?? ""}」は${(p.qualifiers ?? []).map((q) => QUALIFIER_LABELS[q]).join("・")}として記載されています。` +
      "記載された数値で達成率を計算しました。確定した数値があれば更新してください。",
  },
  "master-mismatch": {
    title: "総合戦略の値と異なる",
    message: (p) =>
      `${field(p)}「${p.raw ?? ""}」が総合戦略の値「${p.expected ?? ""}」と異なります。どちらが正しいか確認してください。`,
  },
  "unexpected-delay-reason": {
    title: "遅れていないのに理由の記載あり",
    message: (p) =>
      `進捗状況が「${p.entered ?? p.computed ?? ""}」ですが、進捗が遅れている理由が入力されています。不要であれば「-」にしてください。`,
  },
  "kpi-name-differs": {
    title: "KPI名称が総合戦略と異なる",
    message: (p) =>
      `KPI名称「${p.kpi}」が総合戦略の名称「${p.expected ?? ""}」と異なります。同じ指標であれば名称をそろえてください。`,
  },
  "fiscal-year-disagreement": {
    title: "年度の記載が一致しない",
    message: (p) =>
      `年度の記載が一致しません（${(p.yearSources ?? []).map(yearSourceText).join("、")}）。` +
      `${p.fiscalYear ?? ""}として読み取りました。違う場合は、タイトルや見出しの年度を直すか、` +
      "年度を指定してください（kensho --year、作業ウィンドウでは設定の「年度」）。",
  },
  "column-by-position": {
    title: "位置から判断した列",
    message: (p) =>
      `${p.column ?? ""}列の見出し${p.header ? `「${p.header}」` : "（空欄）"}からは項目が分からないため、` +
      `列の位置から「${field(p)}」の列として読み取りました。正しければ、見出しに項目名を入れておいてください。`,
  },
  "activity-text-part-missing": {
    title: "①②③の一部がない",
    message: (p) =>
      `取組状況の記載に${(p.parts ?? []).map((n) => ACTIVITY_PART_LABELS[n]).join("・")}が見当たりません。` +
      "①主な取組・事業実施状況、②課題、③今後の方策等をそれぞれ記載してください（①②③、(1)(2)(3)、【課題】などの見出しで区切ってください）。",
  },
  "previous-actual-differs": {
    title: "前年度実績値が昨年度の報告と異なる",
    message: (p) =>
      `前年度実績値「${p.raw ?? ""}」が、昨年度のシート（${p.previousFile ?? ""}${p.previousYear ? `・${p.previousYear}` : ""}）で報告した実績値「${p.expected ?? ""}」と異なります。` +
      "数値が確定して修正した場合はその旨を記載し、そうでなければ昨年度の報告に合わせてください。",
  },
  "activity-text-unchanged": {
    title: "取組状況が昨年度と同じ",
    message: (p) =>
      `①②③の記載が昨年度のシート（${p.previousFile ?? ""}）と同じです（実績値は変わっています）。今年度の取組・課題・今後の方策に更新してください。`,
  },
  "reason-unchanged": {
    title: "遅れの理由が昨年度と同じ",
    message: (p) =>
      `進捗が遅れている理由が昨年度のシート（${p.previousFile ?? ""}）と同じです（実績値は変わっています）。今年度の状況に合っているか確認してください。`,
  },
  "baseline-changed": {
    title: "基準値が昨年度と異なる",
    message: (p) =>
      `基準値「${p.raw ?? ""}」が昨年度のシート（${p.previousFile ?? ""}）の「${p.expected ?? ""}」と異なります。` +
      "総合戦略の改訂によらない変更です。どちらが正しいか確認してください。",
  },
  "final-target-changed": {
    title: "最終目標値が昨年度と異なる",
    message: (p) =>
      `計画最終年度の目標値「${p.raw ?? ""}」が昨年度のシート（${p.previousFile ?? ""}）の「${p.expected ?? ""}」と異なります。` +
      "総合戦略の改訂によらない変更です。どちらが正しいか確認してください。",
  },
  "target-interpolated": {
    title: "目標値を基準値と最終目標値から算出",
    message: (p) => {
      const t = p.target?.kind === "interpolated" ? p.target : null;
      if (!t)
        return "今年度の目標値がシートにないため、基準値から計画最終年度の目標値までを年度で直線に結んだ値を今年度の目標として進捗を計算しました。";
      const value = t.shown;
      return (
        `今年度の目標値がシートにないため、基準値（${fiscalYearWords(t.fromYear)}）から計画最終年度の目標値（${fiscalYearWords(t.toYear)}）までを` +
        `年度で直線に結んだ値 ${value} を今年度の目標として進捗を計算しました。シートに今年度の目標値（期待値）があれば、その列を加えてください。`
      );
    },
  },
  "direction-target": {
    title: "目標が方向だけの記載",
    message: (p) => {
      const t = p.target?.kind === "direction" ? p.target : null;
      if (!t)
        return "目標値が方向だけの記載のため、達成率は計算せず、実績値が前年度の実績値（または基準値）からその方向に動いたかで進捗を判断しました。";
      const against = t.against === "previous" ? "前年度の実績値" : "基準値";
      return (
        `目標値が「${t.word}」のため、達成率は計算せず、実績値を${against}（${t.compared}）と比べて` +
        `「${DIRECTION_LABELS[t.direction]}」になっているかで進捗を判断しました。`
      );
    },
  },
  "trend-mismatch": {
    title: "前年度比較の記号が実績と合わない",
    message: (p) =>
      `前年度との比較「${p.raw ?? ""}」が、実績値と前年度の実績値から求めた「${TREND_WORDS[p.trend ?? "same"]}」と合いません。` +
      "記号か実績値を確認してください（この記号は進捗の評価ではなく、前年度との比較として確認しています）。",
  },
  "reasons-not-checked": {
    title: "遅れの理由を確認していない",
    message: (p) =>
      `このシートには遅れの理由を書く列がないため、進捗が遅れている${p.rows ?? 0}行の理由は確認していません。` +
      "理由を書く列（課題・分析など）があれば、市の設定（--profile）の reasonColumn でその列を指定してください。",
  },
  "kpi-not-in-sheet": {
    title: "総合戦略のKPIがシートにない",
    message: (p) =>
      `総合戦略のKPI「${p.expected ?? ""}」${p.department ? `（担当課: ${p.department}）` : ""}の行がシートにありません。` +
      "今年度の総合戦略に沿って行が抜けていないか確認してください。",
  },
};

/** A finding's message in Japanese, from its code and parameters. */
export function renderFinding(f: Finding): string {
  return FINDINGS[f.code].message({ ...f.params, kpi: f.kpi === "" ? UNNAMED_KPI : (f.kpi ?? "") });
}

/** A row's name for display: the name as written, or a mark for an empty name cell. */
export function kpiLabel(name: string | null): string {
  return name === "" || name === null ? UNNAMED_KPI : name;
}

export const DIRECTION_LABELS = {
  increase: "増加",
  decrease: "減少",
  maintain: "維持",
} as const;

/** A trend in words, as a mark against last year says it. */
const TREND_WORDS = { improved: "改善（上昇）", same: "横ばい（維持）", worse: "悪化（低下）" } as const;

/** "令和元年度" for a Gregorian fiscal year (the edge's own copy of the core's label). */
function fiscalYearWords(year: number): string {
  if (year >= 2019) return year === 2019 ? "令和元年度" : `令和${year - 2018}年度`;
  return year === 1989 ? "平成元年度" : `平成${year - 1988}年度`;
}

/** How the achievement rate was formed, for the status-mismatch message. */
export const RATE_BASIS: Record<keyof typeof DIRECTION_LABELS, string> = {
  increase: "増加を目指す指標: 実績値÷目標値",
  decrease: "減少を目指す指標: 目標値÷実績値",
  maintain: "維持を目指す指標",
};

export const FILE_ERRORS: Record<FileErrorCode, { title: string; message: string }> = {
  "unreadable-file": {
    title: "ファイルを読み込めません",
    message: "ファイルを読み込めませんでした。Excelで開けるか確認し、.xlsx形式で保存し直してください。",
  },
  "no-verification-sheet": {
    title: "効果検証シートが見つかりません",
    message:
      "効果検証シートの見出し（重要業績評価指標（KPI）名称・実績値・進捗状況など）が見つかりませんでした。" +
      "効果検証シートのファイルか確認してください。",
  },
  "ambiguous-layout": {
    title: "見出しから列を決められません",
    message:
      "二つの列の見出しが同じ項目を表しているため、どちらを読むか決められません。このファイルの検証を中止しました。" +
      "見出しに年度を入れるなどして区別するか、年度を指定してください。",
  },
  "year-column-missing": {
    title: "今年度の列が見つかりません",
    message:
      "見出しに今年度の列が見つかりません。このファイルの検証を中止しました。" +
      "指定した年度や、タイトル・見出しの年度が正しいか確認してください。",
  },
};

/** A file error's message, naming the sheet and columns when the core gives them. */
export function renderFileError(error: FileError): string {
  if (error.params) return renderConflict(error.params.sheet, error.params);
  if (error.found) return `${FILE_ERRORS[error.code].message}${renderFound(error.found)}`;
  return FILE_ERRORS[error.code].message;
}

/** Words for what a heading was taken to mean (fields, and the words that could mean two). */
export function meaningInWords(meaning: string | null): string {
  if (meaning === null) return "不明（読み取らない列）";
  if (meaning in FIELD_LABELS) return FIELD_LABELS[meaning as FieldKey];
  const others: Record<string, string> = {
    remarks: "備考（読み取らない列）",
    actualOrPrevious: "実績値（年度で今年度か前年度かを判断）",
    baselineOrActual: "基準値か今年度の実績値（未決定）",
    kpiOrTarget: "指標の名称か目標値（未決定）",
    targetOrActual: "目標値か実績値（未決定）",
  };
  return others[meaning] ?? meaning;
}

const NEEDED_WORDS: Record<string, string> = {
  kpi: "指標の名称（指標名・KPIなど）",
  actual: "実績値（実績・実績値・現状値など）",
  target: "目標値か評価（目標値・期待値・進捗状況・評価など）",
};

/** The refusal's detail: headings found with their meanings, the fields missing, the next step. */
function renderFound(found: NonNullable<FileError["found"]>): string {
  const lines: string[] = [];
  if (found.headings.length === 0) lines.push("見出しと思われる行はありませんでした。");
  else {
    lines.push(`見出しと思われる行（シート「${found.headings[0].sheet}」）で読み取った項目:`);
    for (const h of found.headings)
      lines.push(`・${h.cell}「${h.text.replace(/\s+/g, " ")}」→ ${meaningInWords(h.meaning)}`);
  }
  if (found.missing.length > 0)
    lines.push(`足りない項目: ${found.missing.map((m) => NEEDED_WORDS[m] ?? m).join("、")}`);
  lines.push(
    "他市町村の様式であれば、kensho profile init ファイル.xlsx -o 市の設定.json で設定の下書きを作り、" +
      "各列の項目を確かめてから --profile 市の設定.json を付けて検証してください。",
  );
  return `\n${lines.join("\n")}`;
}

const MAX_SOURCE_TEXT = 30;

/** 「タイトル「令和6年度 …効果検証シート」（1-1 ほか5シート）は令和6年度」 */
function yearSourceText(s: YearSourceParam): string {
  const text = s.text.length > MAX_SOURCE_TEXT ? `${s.text.slice(0, MAX_SOURCE_TEXT)}…` : s.text;
  const sheets =
    s.sheets.length === 0
      ? ""
      : s.sheets.length === 1
        ? `・シート「${s.sheets[0]}」`
        : `・シート「${s.sheets[0]}」ほか${s.sheets.length - 1}シート`;
  return `${YEAR_SOURCE_LABELS[s.source]}「${text.replace(/\s+/g, " ")}」${sheets}は${s.fiscalYear}`;
}
