// Japanese text the Office.js adapter attaches to its errors; the task pane shows it as details.

export const HOST_MESSAGES = {
  protectedSheets: (sheets: string[]) => `保護されたシートがあります: ${sheets.join(", ")}`,
  dropdownNeedsApi: (have: string) =>
    `ドロップダウンには ExcelApi 1.8 以上が必要です（この Office: ${have}）`,
  liveNeedsApi: (have: string) => `変更の検知には ExcelApi 1.7 以上が必要です（この Office: ${have}）`,
} as const;
