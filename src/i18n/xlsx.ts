// Why a workbook could not be read, in Japanese: one message per reason of the xlsx reader, each
// telling staff what to do next.
import type { UnreadableParams, UnreadableReason } from "../core/model";

const label = (name: string | undefined): string => (name ? `「${name}」` : "このファイル");
const count = (n: number | undefined): string => (n === undefined ? "" : n.toLocaleString("ja-JP"));
const mib = (n: number | undefined): string => (n === undefined ? "" : `${Math.round(n / 1024 / 1024)} MB`);
const RESAVE =
  "Excel で開き、「名前を付けて保存」で「Excel ブック (*.xlsx)」形式を選んで保存し直してください。";

export const UNREADABLE_MESSAGES: Record<UnreadableReason, (p: UnreadableParams) => string> = {
  "not-found": (p) => `${label(p.file)}が見つかりません。ファイル名と保存場所を確認してください。`,
  "is-directory": (p) =>
    `${label(p.file)}はフォルダです。効果検証シートの Excel ファイル (.xlsx) を指定してください。`,
  "permission-denied": (p) =>
    `${label(p.file)}を読み取る権限がありません。ファイルのアクセス権を確認するか、読み取れる場所にコピーしてから指定してください。`,
  "symlink-loop": (p) =>
    `${label(p.file)}はシンボリックリンクが循環していて（リンクの先がリンク自身を指しています）、ファイルにたどり着けません。リンクを作り直すか、元のファイルを指定してください。`,
  "io-error": (p) =>
    `${label(p.file)}を読み込めませんでした。ファイルが他のアプリで開かれていないか、読み取りの権限があるかを確認してください。`,
  "file-too-large": (p) =>
    `${label(p.file)}は大きすぎるため読み込みません（上限 ${mib(p.limit)}）。効果検証シートのファイルか確認してください。`,
  "lock-file": (p) =>
    `${label(p.file)}は Excel がブックを開いている間に作る一時ファイル（ロックファイル）で、ブックではありません。「~$」を除いた名前のブックを指定してください（このファイルは Excel を閉じると消えます）。`,
  empty: (p) =>
    `${label(p.file)}は空のファイル (0 バイト) です。保存が途中で止まった可能性があります。Excel で開き直して .xlsx 形式で保存し直してください。`,
  "not-zip": (p) =>
    `${label(p.file)}は Excel ブック (.xlsx) ではありません。CSV やテキストファイルの拡張子を変えただけのものは読めません。Excel で開き、「Excel ブック (*.xlsx)」形式で保存してください。`,
  encrypted: (p) =>
    `${label(p.file)}はパスワードで保護（暗号化）されているため読めません。Excel で開いてパスワードを解除し（「ファイル」→「情報」→「ブックの保護」）、保存し直してください。`,
  "legacy-xls": (p) => `${label(p.file)}は古い Excel 形式 (.xls) です。${RESAVE}`,
  "legacy-or-encrypted": (p) =>
    `${label(p.file)}はパスワードで保護されているか、古い Excel 形式 (.xls) です。Excel で開き、パスワードを解除したうえで「Excel ブック (*.xlsx)」形式で保存し直してください。`,
  corrupt: (p) =>
    `${label(p.file)}は壊れているため読めません (コピーやダウンロードが途中で止まった可能性があります)。元のファイルをもう一度保存し直すか、提出元に再送を依頼してください。`,
  "no-worksheets": (p) =>
    `${label(p.file)}は Excel ブック (.xlsx) ではないか、ワークシートが 1 枚もありません。効果検証シートを含む Excel ブックを指定してください。`,
  "parse-failed": (p) => `${label(p.file)}を Excel ブックとして読み込めませんでした。${RESAVE}`,
  "part-too-large": (p) =>
    `${label(p.file)}は展開すると大きすぎるデータを含んでいるため読み込みを中止しました（1 つの部品の上限 ${mib(p.limit)}）。` +
    "効果検証シートのファイルか確認してください。不要なシートや画像を削除すると読める場合があります。",
  "string-too-long": (p) =>
    `${label(p.file)}${p.sheet ? `のシート「${p.sheet}」` : ""}に、長すぎる文字列（${count(p.limit)} 文字を超えるもの）があるため読み込みを中止しました。` +
    "Excel のセルには 32,767 文字までしか入りません。提出元に確認してください。",
  "too-many-cells": (p) =>
    `${label(p.file)}のシート「${p.sheet ?? ""}」は値のあるセルが多すぎるため（上限 ${count(p.limit)} セル）読み込みを中止しました。` +
    "効果検証シートのファイルか、不要なデータが貼り付けられていないか確認してください。",
  "too-many-cells-total": (p) =>
    `${label(p.file)}は値のあるセルがブック全体で多すぎるため（上限 ${count(p.limit)} セル）、シート「${p.sheet ?? ""}」で読み込みを中止しました。` +
    "不要なシートやデータがないか確認してください。",
};

/** The Japanese message for an unreadable workbook. */
export function unreadableMessage(reason: UnreadableReason, params: UnreadableParams = {}): string {
  return UNREADABLE_MESSAGES[reason](params);
}
