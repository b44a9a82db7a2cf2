// Everything the kensho command line says to people, in Japanese.
import { ADDIN_OPTION_HELP, ADDIN_USAGE } from "./addin";
import { CYCLE_OPTION_HELP, CYCLE_USAGE } from "./cycle";

export const CLI_TEXT = {
  optionsHeading: "オプション:",
  /** Usage text around each command's generated option lines. */
  usageText: {
    check: {
      head: [
        "使い方: kensho [オプション] [ファイル.xlsx またはフォルダー ...]",
        "",
        "効果検証シート（.xlsx）を検証し、進捗状況を再計算して結果を表示します。",
        "フォルダーを指定すると、その中のブックをすべて検証します（*.xlsx のような指定も使えます）。",
        "ファイルを指定しないときは、同梱のサンプル（令和5年度）を検証します。入力ファイルは変更しません。",
      ],
      tail: [
        "企画調整課向けのコマンド（詳しくは kensho <コマンド> --help）:",
        "  kensho split <原本.xlsx> -o <フォルダー>",
        "      担当課ごとに、その課の入力セルだけを開けた配布用の写しを作ります",
        "  kensho merge <原本.xlsx> <提出ファイル...> -o <出力.xlsx>",
        "      各課から戻った写しの入力を、原本の写しにまとめます",
        "  kensho rollover <ブック.xlsx> -o <出力.xlsx>",
        "      翌年度のシートを作ります（年度の繰り上げ、前年度実績値の転記、入力欄の消去）",
        "  kensho strategy --export <ファイル.json>",
        "      総合戦略のKPIマスターをJSONで書き出します",
        "  kensho profile init <様式.xlsx> -o <市の設定.json>",
        "      他市町村の様式の読み取り方（列の項目・評価区分など）を市の設定として下書きします",
        "  kensho addin --url <https://…> --catalog <\\\\サーバー\\共有> -o <フォルダー>",
        "      Excel アドインを庁内に配置するためのファイル一式を書き出します（情報政策課向け）",
        "",
        "終了コード: 0 エラーなし / 1 エラーの指摘あり / 2 読み込めないファイルがある、または使い方の誤り",
      ],
    },
    strategy: {
      head: [
        "使い方: kensho strategy --export <ファイル.json>",
        "       kensho strategy --check <ファイル.json>",
        "",
        "同梱の総合戦略KPIマスター（基準値・最終目標値・方向・有効年度など）をJSONで書き出します。",
        "書き出したファイルを改訂や他市の戦略に合わせて編集し、kensho --strategy <ファイル.json> で使います。",
        "形式は docs/strategy-master.md を参照してください。既存のファイルは上書きしません。",
      ],
      tail: ["終了コード: 0 成功 / 2 ファイルを読み書きできない、形式の誤り、または使い方の誤り"],
    },
    ...CYCLE_USAGE,
    profile: {
      head: [
        "使い方: kensho profile init <様式.xlsx> -o <市の設定.json>",
        "",
        "ブックの読み取り結果（各列の項目とその根拠の語・年度・評価区分）から市の設定の下書きを作ります。",
        "readings で各列の読み取りを確かめ、違うものだけ fields（見出しの語か列）や scale を直してください。",
        "直した設定は kensho --profile <市の設定.json>（split・merge・rollover も同じ）で使います。形式は docs/profile.md を参照してください。",
      ],
      tail: ["終了コード: 0 成功 / 2 ブックを読めない、書き出せない、または使い方の誤り"],
    },
    ...ADDIN_USAGE,
  } as Record<string, { head: string[]; tail: string[] }>,
  /** One line of help per option, by the option's long name. */
  optionHelp: {
    "--json": "結果をJSON形式で標準出力に出力します（他の表示はしません）",
    "--csv": "指摘事項の一覧をCSV形式（Excelで開けるUTF-8）で標準出力に出力します",
    "--department": "指定した担当課の行と指摘だけを表示します",
    "--previous":
      "昨年度（以前）のブックかフォルダー。前年度実績値・取組状況・理由・基準値・最終目標値を昨年度と比べ、指標の推移を加えます（複数指定できます）",
    "--all-departments":
      "split で作った担当課の写しでも、すべての担当課の行を検証します（既定ではその課の行だけ）",
    "--on-track": "「順調に進捗」とする達成率の下限",
    "--nearly-on-track": "「概ね順調に進捗」とする達成率の下限",
    "--strategy": "総合戦略のKPIマスター（JSON）を同梱のものの代わりに使います",
    "--summary": "創生会議向けの集計ブック（集計・進捗一覧・指摘一覧）を新しく作成します",
    "--master": "配布した原本のブック。--summary に提出状況（担当課ごとの提出の有無）を加えます",
    "--annotate":
      "検証したブックの写しを指定フォルダーに作り、指摘のセルに色とメモを付けます（作業ウィンドウの「フラグを消す」で消せます）",
    "--export": "同梱の総合戦略KPIマスターをJSONファイルに書き出します",
    "--check": "KPIマスターのJSONファイルが使える形式か確認します",
    "--year": "ブックから年度が読み取れないときに年度を指定します（例: 令和6年度、R6、2024年度）",
    "--explain-layout": "検証はせず、各シートの見出し行・各列の項目と根拠・年度の読み取り結果を表示します",
    "--empty-reason-words": "遅れの理由と認めない記載。カンマ区切りで、既定の一覧を置き換えます",
    "--profile":
      "市の設定（kensho profile init で下書きしたJSON）で、列の項目・評価区分・理由の列などを指定します",
    "--help": "この説明を表示します",
    "--version": "バージョンを表示します",
    ...CYCLE_OPTION_HELP,
    ...ADDIN_OPTION_HELP,
  } as Record<string, string>,
  emptyReasonWordsDefault: (words: readonly string[]) => `${words.slice(0, 5).join(",")} など`,
  defaultValue: (v: string | number) => `（既定 ${typeof v === "number" ? v.toFixed(2) : v}）`,
  version: (v: string) => `kensho ${v}（効果検証チェック・JSON形式 version 1）`,
  csvHeader: ["ファイル", "シート", "セル", "行", "KPI", "担当課", "重要度", "コード", "内容"],
  bothFormats: "--json と --csv は同時に指定できません。",
  masterNeedsSummary:
    "--master は --summary と一緒に指定してください（提出状況は集計ブックに書き出します）。",
  masterUnreadable: (file: string, message: string) =>
    `原本「${file}」を読み込めないため、提出状況は作成できません。${message}`,
  summaryWritten: (file: string) => `集計ブックを作成しました: ${file}`,
  annotated: (file: string, cells: number) => `指摘を書き込んだ写しを作成しました: ${file}（${cells}セル）`,
  annotatedLegacy: (file: string, restored: number, left: string[]) =>
    `  ${file}: 以前の版の kensho が色を塗ったセル${restored}個を元の塗りつぶしに戻しました` +
    (left.length > 0
      ? `。記録にある次のセルは kensho の色ではなくなっていたため、そのままにしました: ${left.join("、")}`
      : ""),
  annotatedThreaded: (file: string, cells: string[]) =>
    `  ${file}: 次のセルにはスレッド形式のコメントがあるため、指摘のメモは付けていません（印の色は付けています）: ${cells.join("、")}`,
  annotateDirFailed: (dir: string, detail: string) =>
    `書き出し先のフォルダー「${dir}」を作成できませんでした（${detail}）。`,
  annotateNotADir: (dir: string) =>
    `「${dir}」はフォルダーではありません。--annotate にはフォルダーを指定してください。`,
  annotateSameName: (file: string) =>
    `「${file}」: 同じ名前の入力ファイルが複数あるため、2つ目以降の写しは作成していません。フォルダーを分けて実行してください。`,
  writeFailed: (file: string, detail: string) =>
    `「${file}」に書き込めませんでした（${detail}）。保存先のフォルダーと書き込みの権限を確認してください。`,
  explainWithFormat: "--explain-layout は --json・--csv と同時に指定できません。",
  badYear: (value: string) =>
    `--year の値「${value}」を年度として読み取れません。令和6年度、R6、2024年度 のように指定してください。`,
  explainFailed: (title: string, message: string) => `  × ${title}: ${message}`,
  explainFindingsHeading: "  ◆ 読み取りについての指摘",
  unknownOption: (opt: string) => `不明なオプションです: ${opt}（kensho --help で使い方を表示します）`,
  missingOptionValue: (opt: string) => `${opt} には値を指定してください。`,
  flagTakesNoValue: (opt: string) => `${opt} には値を指定できません。`,
  badNumber: (opt: string, value: string) =>
    `${opt} の値「${value}」は数値として読み取れません。小数で指定してください（例: 0.85）。`,
  numberOutOfRange: (
    opt: string,
    value: string,
    range: { min: number; max: number; minExclusive?: boolean },
    meant: number | null,
  ) =>
    `${opt} の値「${value}」は ${range.min} ${range.minExclusive ? "より大きく" : "以上"} ${range.max} 以下で指定してください。` +
    (meant !== null ? `${meant} のつもりではありませんか（85% は 0.85 と指定します）。` : ""),
  thresholdOrder: "「概ね順調に進捗」の下限は「順調に進捗」の下限以下にしてください。",
  noWorkbooksIn: (what: string) => `「${what}」に検証できるブック（.xlsx）がありません。`,
  sampleMissing: "同梱のサンプルファイルが見つかりません。`npm run sample` で作り直してください。",
  progress: (done: number, total: number, file: string) => `確認中 ${done}/${total}  ${file}`,
  reportTitle: (file: string) => `■ ${file}`,
  fileFailed: (title: string, message: string) => `  × ${title}: ${message}`,
  overview: (fy: string | null, sheets: number, rows: number, goals: number, kpis: number) =>
    `  年度: ${fy ?? "不明"}　シート: ${sheets}　行: ${rows}（数値目標 ${goals}・KPI ${kpis}）`,
  counts: (errors: number, warnings: number, infos: number) =>
    `エラー ${errors}件　警告 ${warnings}件　情報 ${infos}件`,
  statusOverview: (same: number, differ: number, none: number) =>
    `  進捗状況: 入力と計算が一致 ${same}行　異なる ${differ}行　計算できない ${none}行`,
  departmentHeading: (dept: string, rows: number, counts: string) => `  ◆ ${dept}（${rows}行）　${counts}`,
  noDepartment: "（担当課未入力）",
  previousNone: (what: string) => `--previous の「${what}」に読み込めるブック（.xlsx）がありません。`,
  previousUnreadable: (file: string, message: string) =>
    `--previous のファイル「${file}」を読み込めないため、比較に使いません。${message}`,
  previousNotEarlier: (file: string, checked: string) =>
    `--previous のファイル「${file}」は「${checked}」より前の年度のシートではないため（年度が同じか後、または不明）、比較に使っていません。`,
  outlookLine: (text: string) => `      見通し ${text}`,
  submissionsHeading: (master: string) => `◆ 提出状況（原本「${master}」の担当課ごと）`,
  submissionLine: (
    department: string,
    state: "ready" | "fix" | "missing" | "unchanged",
    files: string[],
    errors: number,
  ) =>
    `  ${department}　${{ ready: "提出済み（完了）", fix: "提出済み（要修正）", missing: "未提出", unchanged: "未記入で返送" }[state]}` +
    (files.length ? `　${files.join("、")}` : "") +
    (state === "fix" ? `　エラー ${errors}件` : ""),
  copyScope: (department: string, skipped: number) =>
    `  このファイルは「${department}」の配布用ファイル（kensho split で作成）です。${department}の行だけを検証しました。` +
    `他の担当課の行 ${skipped}行は検証していません（すべて検証するには --all-departments を付けてください）。`,
  departmentSpellings: (dept: string, spellings: string[]) =>
    `  ※ 担当課「${spellings.join("」「")}」は、全角・半角や空白の違いだけなので、同じ担当課「${dept}」として扱いました。`,
  rowLine: (
    where: string,
    name: string,
    direction: string,
    rate: string,
    entered: string,
    computed: string,
  ) => `    ${where}  ${name}　${direction}　達成率 ${rate}　入力「${entered}」　計算「${computed}」`,
  direction: (label: string, inferred: boolean) =>
    `${label}${inferred ? "（基準値と最終目標値から推定）" : ""}`,
  hiddenMark: "［非表示の行］",
  /** The words staff wrote beside this year's figure (約, 速報値, ※変更前), after the row line. */
  actualRemark: (remark: string) => `　実績値の注記「${remark}」`,
  noValue: "－",
  findingLine: (severity: string, cell: string, message: string) => `      [${severity}] ${cell}: ${message}`,
  fileFindingsHeading: "  ◆ ブック全体の指摘",
  wholeWorkbook: "ブック全体",
  where: (sheet: string, row: number) => `${sheet}!${row}行`,
  totals: (files: number, failed: number, rows: number, counts: string) =>
    `合計: ファイル ${files}件（読み込めなかったもの ${failed}件）　行 ${rows}　${counts}`,
  internalError: (detail: string) =>
    `検証中に予期しないエラーが発生しました（${detail}）。ファイルは変更していません。kensho の担当者に連絡してください。`,
  noRowsForDepartment: (dept: string) => `  担当課「${dept}」の行はありません。`,
  unknownDepartment: (dept: string, found: string[]) =>
    `担当課「${dept}」の行はどのファイルにもありません。` +
    (found.length > 0
      ? `ファイルにある担当課: ${found.join("、")}`
      : "読み込めた効果検証シートがないため、担当課を確認できませんでした。"),
  emptyFolder: (folder: string) => `フォルダー「${folder}」に検証できるブック（.xlsx）がありません。`,
  skippedHeading: "■ 検証しなかったファイル",
  skippedLine: (file: string, reason: string) => `  × ${file}: ${reason}`,
  skippedStderr: (file: string, reason: string) => `検証しなかったファイル: ${file}（${reason}）`,
  skippedReasons: {
    "lock-file":
      "Excel がブックを開いている間に作る一時ファイル（ロックファイル）です。検証の対象ではありません",
    "own-report": "kensho が保存した検証結果のファイルです。提出ファイルではないため検証しません",
    "legacy-xls":
      "古い Excel 形式 (.xls) です。Excel で開き「Excel ブック (*.xlsx)」形式で保存し直してください",
    xlsb: "Excel バイナリ ブック (.xlsb) は読めません。「Excel ブック (*.xlsx)」形式で保存し直してください",
    ods: "OpenDocument 形式 (.ods) は読めません。「Excel ブック (*.xlsx)」形式で保存し直してください",
    csv: "CSV ファイルです。効果検証シートは Excel ブック (.xlsx) で提出してもらってください",
    folder: "フォルダーです（中のフォルダーは検証しません）",
    "not-workbook": "Excel ブック (.xlsx) ではありません",
  } as Record<string, string>,
  outputClosed: "出力先（パイプ）が閉じられたため、結果の出力を途中で止めました。",
  diskFull:
    "ディスクの空き容量が足りないため、結果を書き込めませんでした。空き容量を確保してから、もう一度実行してください。",
  outputFailed: (code: string) => `結果を出力できませんでした（${code}）。出力先を確認してください。`,
} as const;
