// What kensho.exe says beyond the CLI report, and the Japanese text files shipped in the release
// zips (使い方.txt, 配置手順.txt). Rendered by src/cli/launch and scripts/release.

export const LAUNCH_TEXT = {
  /** The report file's name without extension: 検証結果_20250601 (local date). */
  reportBaseName: (yyyymmdd: string) => `検証結果_${yyyymmdd}`,
  /** First line of a written report file. */
  reportFileHeader: (version: string, when: string) =>
    `効果検証チェック kensho ${version}　実行日時: ${when}`,
  savedReport: (file: string) => `検証結果を保存しました: ${file}`,
  saveFailed: (file: string, reason: string) =>
    `検証結果のファイルを保存できませんでした（${file}: ${reason}）。結果は上に表示したとおりです。`,
  sampleChecked: "ファイルが指定されていないため、同梱のサンプル（令和5年度）を検証しました。",
  dropHint: (exeName: string) =>
    `検証したい効果検証シート（.xlsx）やフォルダーを、${exeName} のアイコンにドラッグ＆ドロップしてください。`,
  pressAnyKey: "何かキーを押すと、このウィンドウを閉じます。",
  internalError: (detail: string) =>
    `予期しないエラーで検証を終了しました（${detail}）。ファイルは変更していません。kensho の担当者に連絡してください。`,
} as const;

/** 使い方.txt in kensho-win-x64.zip, for the clerk who unpacks it. */
export function usageText(version: string, nodeVersion: string): string {
  return [
    `効果検証チェック kensho ${version}（Windows 用）`,
    "",
    "■ 使い方",
    "1. この zip を展開し、kensho-win-x64.exe を好きなフォルダー（デスクトップなど）に置きます。",
    "   インストールは不要です。Node.js も、インターネット接続も必要ありません。",
    "2. 検証したい効果検証シート（.xlsx）、または提出されたブックを集めたフォルダーを、",
    "   kensho-win-x64.exe のアイコンにドラッグ＆ドロップします（複数選んでもかまいません）。",
    "3. 黒い画面に結果が表示され、同じ内容が入力ファイルと同じ場所に",
    "   「検証結果_年月日.txt」として保存されます（フォルダーを渡したときは、そのフォルダーの隣）。",
    "   同じ名前のファイルがあるときは「検証結果_年月日_2.txt」のように別名で保存し、上書きはしません。",
    "4. 何かキーを押すと画面が閉じます。",
    "",
    "・アイコンをダブルクリックしただけのときは、同梱のサンプル（令和5年度）を検証して表示します。",
    "・入力したブックは読むだけで、変更しません。",
    "・指摘の一覧を Excel で開ける CSV でもほしいときは、コマンドプロンプトで",
    "    kensho-win-x64.exe --csv 提出フォルダー",
    "  と実行すると「検証結果_年月日.csv」も保存します。オプションの一覧は --help で表示されます。",
    "・コマンドプロンプトで > を使って出力をファイルに送ったとき（例: kensho-win-x64.exe --json a.xlsx > 結果.json）は、",
    "  検証結果ファイルは作らず、UTF-8 で出力します。",
    "",
    "■ 終了コード（バッチファイルで使う場合）",
    "  0 エラーなし / 1 エラーの指摘あり / 2 読み込めないファイルがある、または使い方の誤り",
    "",
    "■ ファイルの確認",
    "  同梱の kensho-win-x64.exe.sha256 に SHA-256 ハッシュ値を記載しています。PowerShell で",
    "    Get-FileHash .\\kensho-win-x64.exe -Algorithm SHA256",
    "  と実行し、値が一致することを確かめてください。",
    "",
    "■ 技術情報",
    `  Node.js ${nodeVersion} の単一実行可能アプリケーション（SEA）です。ネットワークには接続しません。`,
    "  配置・更新・削除の方法、ハッシュ値の確認、署名とウイルス対策ソフトについては、同梱の 配置手順.md を、",
    "  同梱しているソフトウェアのライセンスは THIRD-PARTY-NOTICES.txt を参照してください。",
    "",
  ].join("\r\n");
}
