// The rows the corpus entries are typed into: real KPIs of the FY2023 sheet (seeds/003) with their
// baseline, last year's actual, this year's target and the final target as the sheet has them,
// plus a few rows shaped like what other sheets hold (千円 and 億円 mixed, 億 without 円).
import type { RowSpec } from "../../helpers/rowGrid";

export type ContextName =
  | "求人"
  | "出荷"
  | "観光"
  | "受診"
  | "子育"
  | "出生率"
  | "待機"
  | "学校"
  | "急患"
  | "刑法犯"
  | "寄付"
  | "総生産"
  | "年少"
  | "事業所"
  | "クラブ";

export const CONTEXTS: Record<ContextName, Omit<RowSpec, "actual">> = {
  求人: {
    name: "新規求人数",
    baseline: "1,563件",
    previous: "1,486件",
    target: "1,594件",
    finalTarget: "1,630件",
  },
  出荷: {
    name: "製造品出荷額等",
    baseline: "11,942億円 (平成30年)",
    previous: "10,060億円 (令和2年)",
    target: "12,262億円 (令和3年)",
    finalTarget: "13,500億円 (令和8年)",
  },
  観光: {
    name: "年間観光入込客数",
    baseline: "331万人",
    previous: "258万人",
    target: "378万人",
    finalTarget: "365万人",
  },
  受診: {
    name: "妊婦健康診査受診率",
    baseline: "80.5%",
    previous: "82.1%",
    target: "82.0%",
    finalTarget: "82.0%",
  },
  子育: {
    name: "伊勢崎市で今後も子育てしたいと思う割合",
    baseline: "72.5%",
    previous: "62.2%",
    target: "80.1%",
    finalTarget: "77.3%",
  },
  出生率: {
    name: "合計特殊出生率",
    baseline: "1.41 (平成30年)",
    previous: "1.35 (令和3年)",
    target: "1.64 (令和4年)",
    finalTarget: "令和6年3月の改訂に伴い、令和6年度以降は「年少人口」へ変更",
  },
  待機: {
    name: "保育施設待機児童数",
    baseline: "待機児童なし",
    previous: "待機児童なし",
    target: "待機児童なし",
    finalTarget: "待機児童なし",
  },
  学校: {
    name: "授業の内容がよく分かると答えた児童生徒の割合",
    baseline: "小学校88.7% 中学校82.8%",
    previous: "小学校86.1% 中学校76.6%",
    target: "小学校94.5% 中学校85.0%",
    finalTarget: "小学校90.0% 中学校85.0%",
  },
  急患: {
    name: "休日夜間急患センターの開設日数",
    baseline: "365日",
    previous: "366日 (閏年)",
    target: "366日 (閏年)",
    finalTarget: "366日 (閏年)",
  },
  刑法犯: {
    name: "刑法犯認知件数",
    baseline: "1,465件 (令和元年)",
    previous: "1,420件 (令和4年)",
    target: "1,450件 (令和5年)",
    finalTarget: "1,318件 (令和9年)",
  },
  寄付: {
    name: "ふるさと納税寄付額",
    baseline: "150,000千円",
    previous: "3.2億円",
    target: "3億円",
    finalTarget: "5億円",
  },
  総生産: {
    name: "市内総生産",
    baseline: "8,000億",
    previous: "8,200億",
    target: "8,500億",
    finalTarget: "9,000億",
  },
  年少: {
    name: "年少人口",
    baseline: "28,653人",
    previous: "27,900人",
    target: "28,700人",
    finalTarget: "28,929人",
  },
  事業所: {
    name: "製造業の事業所数",
    baseline: "187事業所 (平成29年)",
    previous: "187事業所 (令和3年)",
    target: "189事業所 (令和4年)",
    finalTarget: "195事業所 (令和8年)",
  },
  クラブ: {
    name: "放課後児童クラブ数",
    baseline: "78力所",
    previous: "95力所",
    target: "91力所",
    finalTarget: "97カ所",
  },
};
