import { departmentName, mergedSpellings } from "../../src/core/departments";

describe("departmentName: one department, however it is spelled", () => {
  test.each([
    ["ｼｮｳｺｳ課", "ショウコウ課"],
    ["Ａ課", "A課"],
    ["商工 労働課", "商工労働課"],
    ["商工　労働課", "商工労働課"],
    ["商工労働課\u200B", "商工労働課"],
    ["\uFEFF商工\u2060労働課", "商工労働課"],
    ["商工労働課\u202E", "商工労働課"],
    ["商工\n労働課", "商工労働課"],
    ["商工\u001B[31m労働課", "商工[31m労働課"],
    ["商工\uFFFE労働課\uD800", "商工労働課"],
  ])("%j is %j", (written, name) => expect(departmentName(written)).toBe(name));

  test("nothing visible, or a dash, names no department", () => {
    for (const t of ["", "\u200B", " \u3000", "-", "－", "\u2060ー"]) expect(departmentName(t)).toBeNull();
  });

  test("spellings that became one department are listed; a single spelling is not", () => {
    expect(mergedSpellings(["ｼｮｳｺｳ課", "ショウコウ課", "商工労働課", "商工労働課\u200B", "A課"])).toEqual([
      { department: "ショウコウ課", spellings: ["ｼｮｳｺｳ課", "ショウコウ課"] },
    ]);
  });
});
