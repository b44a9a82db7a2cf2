// Every string the task pane shows, in one place. Japanese only here; the pane code holds none.
import type { Direction, Severity } from "../core/model";
import { fiscalYearLabel } from "../core/layout/yearForms";

const severityLabel: Record<Severity, string> = {
  error: "エラー",
  warning: "警告",
  info: "情報",
};

const directionLabel: Record<Direction, string> = {
  increase: "増加",
  decrease: "減少",
  maintain: "維持",
};

const directionSourceLabel = {
  settings: "設定",
  master: "戦略",
  inferred: "推定",
} as const;

export const t = {
  appTitle: "効果検証チェック",
  loading: "準備しています…",
  notInExcel: {
    title: "Excel で開いてください",
    body: "この作業ウィンドウは Excel のアドインです。Excel で効果検証シートを開き、リボンの「効果検証チェック」から起動してください。",
  },
  previous: {
    heading: "昨年度のファイル（前年度の報告との比較）",
    intro:
      "昨年度の効果検証シートを選ぶと、前年度実績値・取組状況・理由・基準値・最終目標値を昨年度と比べ、見通しに昨年度までの実績も使います。選んだファイルは読むだけで、セルの値は変えません。",
    pick: "昨年度のファイルを選ぶ…",
    inputLabel: "昨年度の効果検証シート（.xlsx）を選ぶ",
    clear: "比較をやめる",
    using: (files: string): string => `比較に使っているファイル: ${files}`,
    done: (n: number): string => `昨年度のファイル ${n}件と比べて再検証しました。`,
    none: "昨年度のファイルを読み込めませんでした。",
    cleared: "昨年度のファイルとの比較をやめました。",
  },
  outlook: {
    label: "見通し",
    basis: "根拠",
  },
  tabs: {
    check: "検証",
    progress: "進捗状況",
    submissions: "取り込み",
    settings: "設定",
  },
  actions: {
    check: "検証する",
    checking: "検証しています…",
    recheck: "再検証する",
    clearFlags: "フラグを消す",
    applyRow: "進捗状況を適用",
    applyAll: "差異のある行をすべて適用",
    undo: "元に戻す",
    addDropdown: "進捗状況セルにドロップダウンを追加",
    saveSettings: "設定を保存",
    createSummarySheet: "集計シートを作成",
    removeSummarySheet: "集計シートを削除",
    resetSettings: "既定値に戻す",
  },
  summary: {
    heading: "検証結果",
    fiscalYear: "年度",
    fiscalYearUnknown: "不明",
    sheets: "シート",
    rows: "行",
    readLine: (sheets: number, rows: number): string => `${sheets}シート・${rows}行を読み取りました`,
    count: (severity: Severity, n: number): string => `${severityLabel[severity]} ${n}件`,
    filtered: (department: string): string => `担当課「${department}」の行のみ表示しています`,
    copyScope: (department: string, others: number): string =>
      `このブックは「${department}」の配布用ファイル（kensho split で作成）です。${department}の行だけを検証結果に表示しています。` +
      `他の担当課の行 ${others}行は表示していません（すべて表示するには、担当課の絞り込みで「すべて」を選んでください）。`,
    noFindings: "指摘事項はありません。",
    notYetChecked: "「検証する」を押すと、開いているブックの効果検証シートを確認します。",
    liveOn: "編集すると自動で再検証します。",
  },
  severity: severityLabel,
  severityPlural: {
    error: "エラー",
    warning: "警告",
    info: "情報",
  } as Record<Severity, string>,
  findings: {
    heading: "指摘事項",
    groupBy: "表示順",
    groupByKpi: "指標ごと",
    groupBySeverity: "重要度ごと",
    wholeSheet: "シート全体",
    goToCell: (sheet: string, cell: string): string => `${sheet}!${cell} を選択`,
    location: (sheet: string | null, cell: string | null): string =>
      sheet === null ? "ブック全体" : cell === null ? sheet : `${sheet} ${cell}`,
    rowLabel: (sheet: string, row: number): string => `${sheet} ${row}行目`,
    count: (n: number): string => `${n}件`,
    fixStatus: (word: string): string => `「${word}」に直す`,
    fixStatusLabel: (word: string, where: string): string => `${where} の進捗状況を「${word}」に直す`,
    statusFixed: (n: number): string =>
      `${n}件の進捗状況を直しました。「進捗状況」タブの「元に戻す」で戻せます。`,
  },
  filter: {
    label: "担当課",
    all: "すべて",
  },
  progress: {
    heading: "進捗状況",
    intro:
      "算出した進捗状況と入力された進捗状況を比べます。「適用」を押したときだけ、ブックの進捗状況セルに書き込みます。",
    entered: "入力",
    computed: "算出",
    achievement: "達成率",
    direction: "方向",
    actual: "実績値",
    remark: "注記",
    remarkText: (remark: string, kinds: string): string => (kinds ? `${remark}（${kinds}）` : remark),
    unit: "単位",
    unitAssumed: (unit: string, fromFormat: boolean): string =>
      `${unit}（${fromFormat ? "セルの表示形式" : "目標値"}に合わせて補いました）`,
    none: "(なし)",
    notComputed: "算出できません",
    differs: "差異あり",
    differingCount: (n: number): string => `差異のある行: ${n}行`,
    noDiffering: "差異のある行はありません。",
    noRows: "表示する行がありません。",
    onlyDiffering: "差異のある行のみ表示",
    rowMeta: (where: string, department: string | null): string =>
      department ? `${where} ・ ${department}` : where,
    applied: (n: number): string => `${n}件の進捗状況を書き込みました。「元に戻す」で戻せます。`,
    undone: "書き込む前の状態に戻しました。",
    nothingToUndo: "元に戻す書き込みはありません。",
    dropdownAdded: (n: number): string => `${n}個の進捗状況セルにドロップダウンを追加しました。`,
    noStatusCell: "進捗状況セルが見つかりません",
    applyRowLabel: (name: string): string => `進捗状況を適用: ${name}`,
  },
  submissions: {
    heading: "提出ファイルの取り込み",
    intro:
      "各課から戻ってきたファイル (.xlsx) を選ぶと、その課の行の入力欄（①②③・実績値・進捗状況・理由）のうち原本と異なるものを、開いているブック（原本）に書き込みます（値のみ）。行はKPIで照合します。判断が必要な変更は書き込まずに一覧にします。「元に戻す」で取り込み全体を戻せます。",
    pick: "提出ファイルを取り込む",
    picking: "取り込んでいます…",
    inputLabel: "取り込む提出ファイル (.xlsx、複数選択可)",
    loadFailed: "取り込みの機能を読み込めませんでした。",
    loadFailedHint: "作業ウィンドウを閉じて開き直してから、もう一度お試しください。",
    done: (cells: number, rows: number): string =>
      cells === 0
        ? "書き込む変更はありませんでした。"
        : `${rows}行・${cells}個のセルを原本に書き込みました。「元に戻す」で取り込み全体を戻せます。`,
    needsDecision: (n: number): string => `判断が必要な事項が${n}件あります（書き込んでいません）。`,
    fileProblems: (n: number): string => `取り込めなかったファイルが${n}件あります。`,
    formulaSkipped: (n: number): string => `数式のあるセル${n}個は書き込んでいません。`,
    reportHeading: "取り込みの結果",
    filesHeading: "提出されたファイル",
    problemsHeading: "取り込めなかったファイル",
    appliedHeading: "書き込んだ変更（値のみ）",
    appliedCount: (n: number): string => `${n}行`,
    formulaHeading: "数式のため書き込まなかったセル",
    undone: "この取り込みは「元に戻す」で取り消しました。",
    selectCell: (sheet: string, cells: string): string => `原本の ${sheet}!${cells} を選択`,
  },
  direction: directionLabel,
  directionSource: directionSourceLabel as Record<keyof typeof directionSourceLabel, string>,
  directionAuto: "自動",
  settings: {
    heading: "設定",
    intro: "設定はブックに保存され、ブックと一緒に配布されます。",
    onTrack: "順調に進捗 (達成率の下限)",
    nearlyOnTrack: "概ね順調に進捗 (達成率の下限)",
    thresholdHint: "1.00 = 100%",
    directions: "指標ごとの方向",
    directionsHint:
      "「自動」は戦略の記載または基準値と目標値から判断します。検証すると指標の一覧が表示されます。",
    noKpis: "検証すると、ここに指標の一覧が表示されます。",
    saved: "設定を保存しました。",
    savedRechecked: "設定を保存し、再検証しました。",
    invalidNumber: "数値を入力してください。",
    invalidRange: "0 より大きく、「順調に進捗」の下限以下の数値を入力してください。",
    invalidOnTrack: "0 より大きい数値を入力してください。",
    reasonPlaceholders: "遅れの理由として認めない記載",
    reasonPlaceholdersHint:
      "1行に1つ（カンマ区切りも可）。「進捗の遅れ」の行で、理由がこれらの記載だけのときは未入力と同じに扱います。",
    dropdownOption: "進捗状況セルにドロップダウンを追加",
    dropdownHint: "進捗状況セルで3つの語から選べるようにします。",
  },
  year: {
    heading: "年度の指定",
    intro:
      "ブックのタイトル・見出し・シート名から年度が読み取れないとき、または読み取った年度が違うときに指定します。指定はブックに保存されます。",
    label: "年度",
    hint: "例: 令和6年度、R6、2024年度。空欄にすると、ブックから読み取ります。",
    current: (year: number | null): string =>
      year === null ? "指定なし（ブックから読み取ります）" : `${fiscalYearLabel(year)}として検証します`,
    save: "年度を保存",
    clear: "指定を解除",
    invalid: "年度として読み取れません。令和6年度、R6、2024年度 のように入力してください。",
    saved: (year: number | null, rechecked: boolean): string =>
      (year === null ? "年度の指定を解除しました。" : `年度を${fiscalYearLabel(year)}に指定しました。`) +
      (rechecked ? "再検証しました。" : ""),
  },
  layout: {
    heading: "読み取り結果",
    intro:
      "各シートの見出しをどう読み取ったかです。列の項目と、それを決めた見出し、年度とその根拠を表示します。",
    notYetChecked: "検証すると、各シートの読み取り結果が表示されます。",
    noSheets: "読み取れた効果検証シートはありません。",
    refused: "効果検証シートとして読み取れませんでした。",
    scale: (words: string): string => `評価区分: ${words}`,
  },
  profile: {
    heading: "市の設定（他市町村の様式）",
    intro:
      "kensho profile init で作った市の設定（JSON）を読み込むと、列の項目・評価区分・理由の列をその設定で読み取ります。設定はこのブックに保存されます。",
    none: "市の設定は使っていません（見出しの語から読み取ります）。",
    current: (name: string): string => `使用中の市の設定: ${name || "（名前なし）"}`,
    choose: "設定ファイルを選ぶ",
    remove: "市の設定を外す",
    saved: (name: string): string => `市の設定「${name || "（名前なし）"}」をブックに保存しました。`,
    removed: "市の設定を外しました。",
    invalid: "この設定ファイルは使えません。",
    unreadable: "ファイルを読み込めませんでした。",
  },
  flags: {
    cleared: "フラグを消しました。",
    written: (n: number): string => `${n}個のセルにフラグを付けました。`,
    joiner: "\n",
    /** Up to ten cells named, then how many more. */
    cells: (cells: string[]): string =>
      cells.length > 10 ? `${cells.slice(0, 10).join("、")} ほか${cells.length - 10}個` : cells.join("、"),
    marksNoteTitle: "フラグについてのお知らせ",
    skipped: (cells: string): string =>
      `次のセルには、この Excel では読み取れないメモがあります。Excel はメモのあるセルにコメントを付けられないため、指摘はこの作業ウィンドウにだけ表示しています: ${cells}`,
    unreachable: (cells: string): string =>
      `次のセルにある kensho のメモは、この Excel では消せません（メモを扱えるのは Microsoft 365 の Excel です）: ${cells}。Microsoft 365 の Excel で「フラグを消す」を押すか、セルを右クリックして「メモの削除」で消してください。`,
    legacyRestored: (n: number): string =>
      `以前の版の kensho が色を塗ったセル${n}個を、元の塗りつぶしに戻しました。`,
    legacyLeft: (cells: string): string =>
      `以前の版の記録にある次のセルは kensho の色ではなくなっていたため、塗りつぶしを変えていません（記録の後に行が移動した可能性があります。色が残っていれば手で直してください）: ${cells}`,
  },
  liveSetting: {
    heading: "自動再検証",
    label: "編集したら自動で再検証する",
    hint: "オンにすると、ブックを編集するたびに検証し直し、指摘の変わったセルのフラグだけを書き直します。指摘が変わらなければ何も書き込みません。",
    noUndoHint:
      "この Excel では、kensho がブックに書き込むたびに、それまでの「元に戻す」(Ctrl+Z) の履歴が消えます（Excel の仕様）。そのため既定ではオフです。オンにするのは、自分の編集を取り消す必要がないときにしてください。",
    on: "自動再検証をオンにしました。",
    off: "自動再検証をオフにしました。「検証する」で検証してください。",
  },
  summarySheet: {
    created: (name: string): string => `集計シート「${name}」を作成しました。`,
    undoHint: "不要になったら Ctrl+Z（元に戻す）で取り消せます。",
    noChart: "この Excel ではグラフを作成できないため、内訳を記号（◎○△）で示しました。",
    removed: "集計シートを削除しました。",
    removedUndoCleared:
      "シートを削除すると、Excel の「元に戻す」(Ctrl+Z) の履歴が消去されます（Excel の仕様）。",
    notFound: "kensho が作成した集計シートは見つかりませんでした（既に削除されています）。",
    removeHint: "シートを削除すると Excel の「元に戻す」の履歴が消えます。",
  },
  unavailable: {
    heading: "この Office では使えない機能",
    liveRecheck: "編集時の自動再検証 (Excel API 1.7 以降が必要です)。「検証する」で手動で検証してください。",
    messagesInPane: "セルへのメモ・コメント。メッセージはこの作業ウィンドウに表示されます。",
    dropdown: "進捗状況セルのドロップダウン (Excel API 1.8 以降が必要です)。",
    charts: "集計シートのグラフ (Excel API 1.7 以降が必要です)。内訳は記号で示します。",
    version: (v: string): string => `Excel API ${v}`,
  },
  capabilities: {
    heading: "この Excel について",
    version: (v: string): string => `Excel API ${v}`,
    undoKept:
      "kensho がブックに書き込んだ内容も、Excel の「元に戻す」(Ctrl+Z) で取り消せます。この作業ウィンドウの「元に戻す」は Excel の履歴に頼らず、kensho が書き込んだ後に変わったセルには書き戻しません。",
    undoCleared:
      "この Excel (Excel API 1.20 未満) では、kensho がブックに書き込むたびに Excel の「元に戻す」(Ctrl+Z) の履歴が消えます。kensho の書き込みは、この作業ウィンドウの「フラグを消す」と「元に戻す」で取り消せます。",
    notesFromLibrary:
      "この Excel はメモに対応していますが、読み込まれた office.js（Office のプログラム部品）が古いため、メモの代わりにコメントを使います。配布物の office.js を新しくするとメモを使えます。",
    notesNoComments:
      "読み込まれた office.js が古いため、メモを付けられません。セルの色だけで知らせ、内容はこの作業ウィンドウに表示します。",
    groupingFromLibrary:
      "読み込まれた office.js が古いため、kensho の 1 回の操作が、Excel の「元に戻す」では数回に分かれます。",
    recheck:
      "数式の再計算で変わった値と、ドロップダウンから選んだ値は、Excel から変更として知らされないことがあります。そのようなときは「再検証する」を押してください。",
  },
  undoOutcome: {
    cell: (sheet: string, address: string): string => `${sheet}!${address}`,
    more: (n: number): string => ` ほか${n}個`,
    alreadyBack:
      "書き込んだセルは既に元の内容に戻っていました（Excel の「元に戻す」(Ctrl+Z) などによるもの）。何も書き込んでいません。",
    partly: (n: number): string =>
      n > 0
        ? `${n}個のセルを元に戻しました。元に戻さなかったセルがあります。`
        : "元に戻さなかったセルがあります。",
    changedSince: (cells: string): string =>
      `kensho が書き込んだ後に内容が変わっているため、そのままにしました（上書きしていません）: ${cells}`,
    unproven: (cells: string): string =>
      `数式または入力規則は、この作業ウィンドウで記録したものしか書き戻しません。必要なら手で入力し直してください: ${cells}`,
  },
  hostNotes: {
    "ungrouped-retry":
      "Excel がこの操作を 1 回の「元に戻す」にまとめられなかったため、分けて実行しました。Ctrl+Z では数回に分けて戻ります。",
  },
  undoWarning: {
    title: "この Excel では「元に戻す」の履歴が消えます",
    body: "この Excel は、アドインによる変更を「元に戻す」(Ctrl+Z) の履歴に残せません。検証でフラグを付けたり消したり、進捗状況を書き込んだりすると、それより前の「元に戻す」の履歴が消えます。必要な編集は先に確定させてください。kensho による変更は、この作業ウィンドウの「フラグを消す」と「元に戻す」で取り消せます。",
  },
  errors: {
    layoutHint:
      "「設定」の「読み取り結果」で、各列をどう読み取ったかを確認できます。年度もそこで指定できます。",
    noVerificationSheet: "このブックに効果検証シートが見つかりません。",
    noVerificationSheetHint:
      "「重要業績評価指標 (KPI) 名称」「実績値」「進捗状況」などの見出しがあるシートを開いてから、もう一度「検証する」を押してください。",
    unreadable: "ブックを読み取れませんでした。",
    sheetProtected: "シートが保護されているため書き込めません。",
    sheetProtectedHint: "「校閲」→「シート保護の解除」で保護を解除してから、もう一度お試しください。",
    apiUnsupported: "この Office ではこの操作に対応していません。",
    payloadTooLarge: "一度に送るデータが大きすぎます。シートを分けてお試しください。",
    excelBusy: "Excel でセルを編集中のため、処理できませんでした。",
    excelBusyHint:
      "入力中のセルを Enter キーで確定するか、Esc キーで取り消してから、もう一度お試しください。",
    invalidOperation: "Excel がこの操作を受け付けませんでした。",
    invalidOperationHint:
      "セルを編集中の場合は Enter キーで確定するか Esc キーで取り消してから、もう一度お試しください。",
    activityLimit: "Excel への要求が一度に多すぎたため、処理できませんでした。",
    activityLimitHint: "少し待ってから、もう一度お試しください。",
    unknown: "処理中に問題が発生しました。",
    details: (msg: string): string => `詳細: ${msg}`,
    dismiss: "閉じる",
  },
  // Half-up on the printed digit: 0.9235 shows as 92.4%, not the binary-float 92.3%.
  percent: (rate: number): string => `${(Math.round(rate * 1000 + 1e-6) / 10).toFixed(1)}%`,
} as const;

export type TaskpaneStrings = typeof t;
