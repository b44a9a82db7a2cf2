// activity-text-part-missing: the ①②③ parts as staff mark them, read only where the header says
// the cell holds ①主な取組 ②課題 ③今後の方策.
import { headerDeclaresParts, missingParts } from "../../../src/core/rules/activityParts";

describe("the parts of the ①②③ text", () => {
  test.each<[string, string, number[]]>([
    ["circled numbers", "①展示会を開催した。\n②予算の確保。\n③継続する。", []],
    ["circled numbers on one line", "①展示会を開催した。②予算の確保。③継続する。", []],
    ["bracketed numbers, half- and full-width", "(1)展示会\n（２）予算の確保\n(3)継続", []],
    ["numbered paragraphs", "1. 展示会を開催した。\n2．予算\n３、継続する。", []],
    ["headings", "【主な取組】展示会\n【課題】予算\n【今後の方策】継続", []],
    ["label lines", "取組：展示会\n課題：予算\n今後の方針：継続", []],
    ["other circled forms", "⑴展示会 ⑵予算 ⑶継続", []],
    ["② missing", "①展示会を開催した。\n③継続する。", [2]],
    ["③ missing, headings", "【取組】展示会\n【課題】予算", [3]],
    ["no parts at all", "展示会を開催し、参加者が増えた。", [1, 2, 3]],
    ["a decimal is not a numbered paragraph", "1.5倍に増えた。\n②課題\n③今後", [1]],
  ])("%s", (_label, text, missing) => {
    expect(missingParts(text)).toEqual(missing);
  });

  test("only a header that names all three parts declares them", () => {
    expect(headerDeclaresParts("令和5年度 ①主な取組・事業実施状況 ②課題 ③今後の方策等")).toBe(true);
    expect(headerDeclaresParts("①主な取組・事業実施状況②課題③今後の方策等")).toBe(true);
    expect(headerDeclaresParts("取組状況")).toBe(false);
    expect(headerDeclaresParts("備考")).toBe(false);
  });
});
