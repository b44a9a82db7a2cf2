import {
  FLAG_RECORD_NAMESPACE,
  mergeRecords,
  parseFlagRecord,
  serializeFlagRecord,
  type FlagRecordDocument,
} from "../../../src/core/flags";

const doc: FlagRecordDocument = {
  flags: [
    {
      sheet: "1-1 <&> 'x'",
      cell: "L9",
      fill: {
        color: "#4472C4",
        pattern: "Gray25",
        patternColor: "#FF0000",
        tintAndShade: 0.4,
        patternTintAndShade: -0.25,
      },
      painted: true,
      message: "note",
    },
    { sheet: "1-2", cell: "I3", fill: null, painted: true, message: "none" },
  ],
  undo: [
    {
      action: "status",
      entries: [
        { kind: "value", sheet: "1-2", cell: "L4", before: { type: "text", text: "+5%" } },
        {
          kind: "value",
          sheet: "1-2",
          cell: "L5",
          before: { type: "formula", formula: '=IF(A1>0,"<&>","")' },
        },
      ],
    },
    {
      // 提出ファイルを取り込む: one step for the whole merge.
      action: "merge",
      entries: [
        { kind: "value", sheet: "3-2", cell: "H8", before: { type: "number", number: 17187 } },
        { kind: "value", sheet: "3-2", cell: "M8", before: { type: "text", text: "-" } },
      ],
    },
  ],
};

describe("the flag record (docs/flag-record.md)", () => {
  test("round-trips through its XML text, namespaced root element, JSON content", () => {
    const xml = serializeFlagRecord(doc);
    expect(xml).toContain(`xmlns="${FLAG_RECORD_NAMESPACE}"`);
    expect(xml).not.toMatch(/<&>/);
    expect(parseFlagRecord(xml)).toEqual({ doc, dropped: 0, unreadable: false });
  });

  test("reads what another serializer may make of it: prefix, pretty printing, CDATA, numeric entities", () => {
    const json = JSON.stringify({ version: 1, flags: doc.flags, undo: [] });
    const pretty = `<?xml version="1.0"?>\n<!-- kept by Excel -->\n<k:kenshoFlagRecord xmlns:k="${FLAG_RECORD_NAMESPACE}">\n<![CDATA[${json}]]>\n</k:kenshoFlagRecord>\n`;
    expect(parseFlagRecord(pretty).doc.flags).toEqual(doc.flags);
    const entities = `<kenshoFlagRecord xmlns="${FLAG_RECORD_NAMESPACE}">${json.replace(/"/g, "&#34;").replace(/</g, "&#x3C;")}</kenshoFlagRecord>`;
    expect(parseFlagRecord(entities).doc.flags).toEqual(doc.flags);
  });

  test("a damaged entry loses that entry, not the record; an unknown version is unreadable", () => {
    const json = JSON.stringify({
      version: 1,
      flags: [
        doc.flags[1],
        { sheet: "x", cell: "not a cell", fill: null },
        { sheet: "y", cell: "A1", fill: { color: 3 } },
      ],
      undo: [{ action: "status", entries: [{ kind: "value", sheet: "a", cell: "B2" }] }],
    });
    const parsed = parseFlagRecord(`<r xmlns="${FLAG_RECORD_NAMESPACE}">${json}</r>`);
    expect(parsed.doc).toEqual({ flags: [doc.flags[1]], undo: [] });
    expect(parsed.dropped).toBe(3);
    expect(parseFlagRecord(`<r xmlns="${FLAG_RECORD_NAMESPACE}">{"version":2}</r>`).unreadable).toBe(true);
    expect(parseFlagRecord("not xml").unreadable).toBe(true);
  });

  test("several parts merge into one record; for a cell listed twice the first part wins", () => {
    const other: FlagRecordDocument = {
      flags: [
        { ...doc.flags[1], fill: { ...doc.flags[0].fill! } },
        { sheet: "1-3", cell: "A1", fill: null, painted: true, message: "none" },
      ],
      undo: [],
    };
    const merged = mergeRecords([doc, other]);
    expect(merged.flags.map((f) => `${f.sheet}!${f.cell}`)).toEqual(["1-1 <&> 'x'!L9", "1-2!I3", "1-3!A1"]);
    expect(merged.flags[1].fill).toBeNull();
  });
});
