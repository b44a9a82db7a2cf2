// What the task pane says where it cannot run: in an Internet Explorer 11 or Microsoft Edge Legacy
// webview (Office 2016/2019 perpetual, some older Microsoft 365 builds), or when office.js did not
// load. Shown by the ES5 script in taskpane.html before the bundle (src/taskpane/preflight), so the
// text is injected into the page at build time (scripts/webpack/preflight.js): plain strings only,
// and this file imports nothing.

export interface PreflightMessage {
  title: string;
  /** Paragraphs, in order. */
  body: string[];
}

const instead =
  "代わりに、次のどちらかをお使いください。① 同じブックを kensho.exe（効果検証チェックのコマンドライン版。情報政策課が配布）で検証する。② Excel 2021 以降、または Microsoft 365 の Excel でブックを開き、この作業ウィンドウを使う。";

export const PREFLIGHT_MESSAGES: Record<"ie" | "edge" | "old" | "officeJs", PreflightMessage> = {
  ie: {
    title: "この Excel では効果検証チェックの作業ウィンドウを表示できません",
    body: [
      "この Excel は、作業ウィンドウの表示に Internet Explorer 11 の部品を使っています（Office 2016 / 2019 の一部の版）。効果検証チェックはこの部品では動きません。",
      instead,
    ],
  },
  edge: {
    title: "この Excel では効果検証チェックの作業ウィンドウを表示できません",
    body: [
      "この Excel は、作業ウィンドウの表示に旧 Microsoft Edge（EdgeHTML）の部品を使っています（Office 2016 / 2019 の一部の版、古い Microsoft 365）。効果検証チェックはこの部品では動きません。",
      instead,
    ],
  },
  old: {
    title: "この Excel では効果検証チェックの作業ウィンドウを表示できません",
    body: ["作業ウィンドウを表示する部品が古いため、効果検証チェックを動かせません。", instead],
  },
  officeJs: {
    title: "Office の部品（office.js）を読み込めませんでした",
    body: [
      "効果検証チェックは、Excel とやり取りするために office.js を読み込みます。この PC から Microsoft の配信サーバー（CDN）に接続できないとき（LGWAN 接続系など）や、配布物に同梱した office.js が見つからないときに、この表示になります。",
      "情報政策課に、office.js を同梱した配布物（KENSHO_OFFICE_JS=local で作成）への切り替えを依頼してください。それまでは、同じブックを kensho.exe で検証できます。",
    ],
  },
};
