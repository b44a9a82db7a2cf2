// Every Japanese message the xlsx adapter shows, in one place. Each tells staff what to do next.

/** Why a file could not be read; each maps to one message below. */
export type UnreadableReason =
  | "not-found"
  | "is-directory"
  | "empty"
  | "not-zip"
  | "legacy-or-encrypted"
  | "corrupt"
  | "no-worksheets"
  | "parse-failed"
  | "io-error";

const label = (name: string): string => (name ? `「${name}」` : "このファイル");

export const unreadableMessages: Record<UnreadableReason, (name: string) => string> = {
  "not-found": (name) => `${label(name)}が見つかりません。ファイル名と保存場所を確認してください。`,
  "is-directory": (name) =>
    `${label(name)}はフォルダです。効果検証シートの Excel ファイル (.xlsx) を指定してください。`,
  empty: (name) =>
    `${label(name)}は空のファイル (0 バイト) です。保存が途中で止まった可能性があります。Excel で開き直して .xlsx 形式で保存し直してください。`,
  "not-zip": (name) =>
    `${label(name)}は Excel ブック (.xlsx) ではありません。CSV やテキストファイルの拡張子を変えただけのものは読めません。Excel で開き、「Excel ブック (*.xlsx)」形式で保存してください。`,
  "legacy-or-encrypted": (name) =>
    `${label(name)}はパスワードで保護されているか、古い Excel 形式 (.xls) です。Excel で開き、パスワードを解除したうえで「Excel ブック (*.xlsx)」形式で保存し直してください。`,
  corrupt: (name) =>
    `${label(name)}は壊れているため読めません (コピーやダウンロードが途中で止まった可能性があります)。元のファイルをもう一度保存し直すか、提出元に再送を依頼してください。`,
  "no-worksheets": (name) =>
    `${label(name)}は Excel ブック (.xlsx) ではないか、ワークシートが 1 枚もありません。効果検証シートを含む Excel ブックを指定してください。`,
  "parse-failed": (name) =>
    `${label(name)}を Excel ブックとして読み込めませんでした。Excel で開き、「名前を付けて保存」で「Excel ブック (*.xlsx)」形式を選んで保存し直してから、もう一度お試しください。`,
  "io-error": (name) =>
    `${label(name)}を読み込めませんでした。ファイルが他のアプリで開かれていないか、読み取りの権限があるかを確認してください。`,
};
