// What `kensho addin` says, and 配置手順.txt, the steps of one configured add-in package.
import type { SettingProblem } from "../cli/addin/settings";

export const ADDIN_USAGE: Record<string, { head: string[]; tail: string[] }> = {
  addin: {
    head: [
      "使い方: kensho addin --url https://サーバー/kensho/ --catalog \\\\サーバー\\共有 [--office-js local|cdn] -o フォルダー",
      "",
      "Excel アドイン（作業ウィンドウ）を庁内に配置するためのファイル一式を、新しいフォルダーに書き出します。",
      "web（HTTPS サーバーに置くもの）、catalog\\manifest.xml（共有フォルダーに置くもの）、",
      "信頼できるカタログを登録する .reg ファイル、配置手順.txt と 配置手順.md が入ります。",
      "インターネット接続も Node.js も不要です。",
    ],
    tail: [
      "--office-js local: office.js を Microsoft の CDN から読まず、web\\office-js に同梱します（LGWAN 接続系など、",
      "  インターネットに出られない端末向け。Microsoft がサポートしない構成です。配置手順.md を参照）。",
      "",
      "終了コード: 0 成功 / 2 設定の誤り、書き出し先が空でない、または書き込めない",
    ],
  },
};

export const ADDIN_OPTION_HELP: Record<string, string> = {
  "--url": "作業ウィンドウを置く庁内 HTTPS サーバーの URL（https:// で始まるもの）",
  "--catalog": "マニフェストを置く共有フォルダーのネットワーク パス（\\\\サーバー名\\共有名）",
  "--office-js": "office.js の読み込み元: cdn（Microsoft の CDN）または local（同梱）",
};

export const ADDIN_TEXT = {
  problem: (p: SettingProblem): string => {
    switch (p.code) {
      case "url-missing":
        return "--url で、作業ウィンドウを置く HTTPS サーバーの URL を指定してください（例: --url https://kensho.city.example.lg.jp/kensho/）。";
      case "url-invalid":
        return `--url の値が URL として読めません: ${p.input}（例: https://kensho.city.example.lg.jp/kensho/）`;
      case "url-not-https":
        return `--url は https:// で始まる URL にしてください。Office は HTTPS のアドインしか読み込みません: ${p.input}`;
      case "url-query":
        return `--url に ? や # を含めることはできません: ${p.input}`;
      case "catalog-missing":
        return "--catalog で、マニフェストを置く共有フォルダーのネットワーク パスを指定してください（例: --catalog \\\\fileserver\\addins）。";
      case "catalog-not-unc":
        return `--catalog は \\\\サーバー名\\共有名 の形のネットワーク パス（UNC パス）にしてください。ドライブ文字（Z:\\ など）や URL は使えません: ${p.input}`;
      case "catalog-bad-character":
        return `--catalog に使えない文字（" や制御文字）が含まれています: ${p.input}`;
      case "office-js-mode":
        return `--office-js は local か cdn を指定してください: ${p.input}`;
    }
  },
  outputMissing: "-o で、書き出し先の新しいフォルダーを指定してください（例: -o kensho-addin）。",
  outputNotEmpty: (dir: string) =>
    `書き出し先のフォルダー「${dir}」は空ではありません。既存のファイルを上書きしないため、新しいフォルダーを指定してください。`,
  outputIsFile: (dir: string) =>
    `書き出し先「${dir}」はフォルダーではなくファイルです。新しいフォルダーを指定してください。`,
  writeFailed: (file: string, reason: string) =>
    `ファイルを書き込めませんでした（${file}: ${reason}）。書き出し先を確認してください。`,
  noCheckout:
    "アドインのファイルが見つかりません。配布された kensho の実行ファイル（kensho-win-x64.exe など）で実行するか、リポジトリで npm run build を実行してください。",
  noWebBuild:
    "作業ウィンドウがビルドされていません。リポジトリで npm run build を実行してから、もう一度実行してください。",
  noOfficeJs:
    "--office-js local に必要な office.js がありません。リポジトリで npm ci を実行するか、配布された実行ファイルを使ってください。",
  written: (dir: string, files: number) => `アドインの配置用ファイル ${files} 個を書き出しました: ${dir}`,
  nextSteps: "次の作業は、書き出したフォルダーの 配置手順.txt（詳しくは 配置手順.md）を見てください。",
} as const;

export interface AddinGuideOptions {
  baseUrl: string;
  catalog: string;
  officeJsLocal: boolean;
  officeJsVersion: string;
}

/** 配置手順.txt: where each part of this package goes, with its URL and folder written in. */
export function addinGuideText(o: AddinGuideOptions): string {
  const officeJs = o.officeJsLocal
    ? [
        `・この配布物は office.js の複製（@microsoft/office-js ${o.officeJsVersion}）を web\\office-js に同梱しています。`,
        "  これは Microsoft がサポートしない構成です。Office の更新のたびに、新しい kensho で作り直してください。",
      ]
    : [
        "・作業ウィンドウは office.js を Microsoft の CDN（https://appsforoffice.microsoft.com）から読み込みます。",
        "  職員の PC からその URL に接続できない場合は、--office-js local を付けて作り直してください。",
      ];
  return [
    "効果検証チェック（Excel アドイン）配置手順",
    "",
    `1. web フォルダーの中身（web.config を含む）を、庁内の HTTPS サーバーの ${o.baseUrl} に置きます。`,
    `   確認: 職員の PC のブラウザーで ${o.baseUrl}taskpane.html が証明書の警告なしに開くこと。`,
    `2. catalog\\manifest.xml を共有フォルダー ${o.catalog} に置きます（職員には読み取り権限だけを付けます）。`,
    "3. 各職員の PC で、共有フォルダーを「信頼できるアドイン カタログ」に登録します。次のどちらかです。",
    "   ・Excel の［ファイル］→［オプション］→［セキュリティ センター］→［セキュリティ センターの設定］→",
    `     ［信頼できるアドイン カタログ］で ${o.catalog} を追加し、「メニューに表示する」にチェックを付けます。`,
    "   ・Excel を閉じてから kensho-catalog.reg をダブルクリックします（管理者権限は不要です）。",
    "4. Excel を起動し、［ホーム］→［アドイン］→［その他のアドイン］（古い Excel では［挿入］→［個人用アドイン］）",
    "   →［共有フォルダー］から「効果検証チェック」を追加します。",
    "",
    ...officeJs,
    "",
    "■ 削除",
    "  kensho-catalog-remove.reg をダブルクリックすると、信頼できるカタログの登録を削除します。",
    "  追加済みのアドインは、Excel を閉じて %LOCALAPPDATA%\\Microsoft\\Office\\16.0\\Wef\\ の中身を削除すると外れます。",
    "",
    "証明書、IIS の設定、グループ ポリシー、更新、ハッシュ値の確認などは 配置手順.md を参照してください。",
    "",
  ].join("\n");
}
