// Text of `npm run demo`: the read-only workbook view beside the task pane.

export const DEMO_TEXT = {
  pageTitle: "kensho デモ（効果検証チェック）",
  heading: "kensho デモ",
  subheading: "左: サンプルブックの読み取り専用表示（Excel の代わりの疑似環境）　右: 作業ウィンドウ",
  workbookLabel: "ブック",
  paneLabel: "作業ウィンドウ",
  legend: "読み取り専用です。赤い角: メモ（ポインターを置くと表示）。紫の角: コメント。▾: ドロップダウン。",
  serving: (url: string) => `kensho デモ: ${url} をブラウザーで開いてください（終了は Ctrl+C）`,
} as const;
