// The profile's JSON Schema: the one description of its shape. docs/profile.schema.json is this
// object written out (a test keeps them equal), and validateProfile walks it, so the published
// schema, the CLI and the pane can never disagree about what a profile may hold.

const FIELD_NAMES = [
  "goal",
  "subGoal",
  "measure",
  "kpi",
  "activity",
  "baseline",
  "previous",
  "actual",
  "target",
  "finalTarget",
  "status",
  "reason",
  "department",
  "unit",
  "rate",
  "trend",
  "comment",
] as const;

const field = {
  type: "object",
  description: "How to find a field: heading words (a heading containing one matches) or column letters.",
  additionalProperties: false,
  properties: {
    headings: { type: "array", items: { type: "string", minLength: 1 }, description: "見出しの語" },
    columns: {
      type: "array",
      items: { type: "string", pattern: "^[A-Za-z]{1,3}(:[A-Za-z]{1,3})?$" },
      description: "列（B, C:D）",
    },
  },
} as const;

const level = {
  type: "object",
  additionalProperties: false,
  required: ["name", "min"],
  properties: {
    name: { type: "string", minLength: 1, description: "評価の語（◎, A, 順調 …）" },
    min: {
      type: ["number", "null"],
      minimum: 0,
      maximum: 10,
      description: "この評価になる達成率の下限（1 = 100%）。最後の段階は null",
    },
    exclusive: { type: "boolean", description: "true: 下限ちょうどは含めない（△ は 0 より大きい）" },
    aliases: { type: "array", items: { type: "string" } },
  },
} as const;

export const PROFILE_SCHEMA = {
  $schema: "http://json-schema.org/draft-07/schema#",
  $id: "https://kensho.invalid/profile.schema.json",
  title: "kensho 市の設定（レイアウト・評価区分）",
  type: "object",
  additionalProperties: false,
  required: ["version"],
  properties: {
    $schema: { type: "string" },
    version: { const: 1, description: "形式の版。1" },
    name: { type: "string", description: "設定の名前（市町村名など）" },
    fields: {
      type: "object",
      additionalProperties: false,
      properties: Object.fromEntries(FIELD_NAMES.map((f) => [f, field])),
      description: "項目ごとの見出しの語か列。認識が違うものだけ書けばよい",
    },
    ignore: { type: "array", items: { type: "string", minLength: 1 }, description: "読まない見出しの語" },
    fiscalYear: {
      type: "string",
      description: "年度を固定するとき（令和5年度, R5, 2023年度）。ブックのどこにも年度がない様式だけに使う",
    },
    yearFound: { type: "string", description: "profile init が読み取った年度（参考。読み込み時は使わない）" },
    scale: {
      description: "評価区分: 既定の名前か、段階の一覧",
      oneOf: [
        { type: "string", enum: ["isesaki", "maru", "abcd", "sabc", "abplus"] },
        {
          type: "object",
          additionalProperties: false,
          required: ["levels"],
          properties: {
            id: { type: "string" },
            levels: { type: "array", minItems: 2, items: level },
            needsReason: { type: "array", items: { type: "string" } },
            notEvaluated: { type: "array", items: { type: "string" } },
          },
        },
      ],
    },
    reasonColumn: { ...field, description: "遅れの理由を書く列（理由の列がない様式で、課題・分析など）" },
    thresholds: {
      type: "object",
      additionalProperties: false,
      properties: {
        onTrack: { type: "number", exclusiveMinimum: 0, maximum: 2 },
        nearlyOnTrack: { type: "number", exclusiveMinimum: 0, maximum: 2 },
      },
    },
    headingsFound: {
      type: "array",
      description: "profile init が様式を読み取れなかったときに見つけた見出し（参考。読み込み時は使わない）",
    },
    readings: {
      type: "array",
      description: "profile init が書く、各列の読み取り結果（参考。読み込み時は使わない）",
    },
  },
} as const;
