import { parseCommandLine } from "../../src/cli/options/parseOptions";
import type { CommandSpec } from "../../src/cli/options/optionTable";
import { usage } from "../../src/cli/options/usage";
import { CHECK_COMMAND } from "../../src/cli/commands/check";
import { main, type CliIo } from "../../src/cli/main";
import pkg from "../../package.json";

const SPEC: CommandSpec = {
  name: "",
  options: [
    { name: "--json", kind: "flag" },
    { name: "--department", kind: "text", valueName: "<課名>" },
    { name: "--prefer", kind: "texts", valueName: "<file>" },
    { name: "--on-track", kind: "number", range: { min: 0, max: 2, minExclusive: true } },
    { name: "--help", alias: "-h", kind: "flag" },
  ],
};

const parse = (...argv: string[]) => parseCommandLine(argv, SPEC);

describe("parseCommandLine", () => {
  test("flags, values in both forms, repeated values, positionals and --", () => {
    const r = parse(
      "a.xlsx",
      "--json",
      "--department",
      "商工労働課",
      "--prefer=x",
      "--prefer",
      "y",
      "--",
      "--b",
    );
    expect(r).toEqual({
      ok: true,
      values: { "--json": true, "--department": "商工労働課", "--prefer": ["x", "y"] },
      positionals: ["a.xlsx", "--b"],
    });
    expect(parse("-h")).toMatchObject({ ok: true, values: { "--help": true } });
  });

  test("the next word is not taken as a value when it is an option", () => {
    const r = parse("--department", "--json", "a.xlsx");
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain("--department");
    expect(parse("--department").ok).toBe(false);
    expect(parse("--department", "  ").ok).toBe(false);
    // With "=", a value may start with a dash.
    expect(parse("--department=-x")).toMatchObject({ ok: true, values: { "--department": "-x" } });
  });

  test.each([["0.85"], [".85"], ["１．０"], ["2"]])("accepts the decimal %s", (text) => {
    expect(parse("--on-track", text).ok).toBe(true);
  });

  test.each([["0x1"], ["1e0"], ["Infinity"], ["0"], ["-1"], ["abc"], ["0.8.5"]])("rejects %s", (text) => {
    const r = parse(`--on-track=${text}`);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(/[ぁ-んァ-ン一-龥]/);
  });

  test("85 gets a hint that 0.85 was probably meant; 500 does not", () => {
    const r = parse("--on-track", "85");
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain("0.85 のつもり");
    const big = parse("--on-track", "500");
    expect(big.ok).toBe(false);
    if (!big.ok) expect(big.message).not.toContain("のつもり");
  });

  test("unknown options and values given to flags are usage errors", () => {
    expect(parse("--bogus").ok).toBe(false);
    expect(parse("--json=yes").ok).toBe(false);
  });
});

describe("usage and version", () => {
  test("the usage text lists every option of the table, with the defaults of the rule", () => {
    const text = usage(CHECK_COMMAND);
    for (const o of CHECK_COMMAND.options) expect(text).toContain(o.name);
    expect(text).toContain("（既定 0.85）");
    expect(text).toContain("（既定 1.00）");
  });

  test("--version prints the version of package.json", async () => {
    let out = "";
    const io: CliIo = { stdout: (t) => (out += t), stderr: () => undefined, stderrIsTTY: false, cwd: "." };
    expect(await main(["--version"], io)).toBe(0);
    expect(out).toContain(`kensho ${pkg.version}`);
  });
});
