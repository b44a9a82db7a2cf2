import { CLI_TEXT } from "../../i18n/cli";
import type { CommandSpec, OptionSpec, OptionValues } from "./optionTable";

export type ParsedCommandLine =
  { ok: true; values: OptionValues; positionals: string[] } | { ok: false; message: string };

/** A decimal as people type it, half- or full-width: "0.85", ".8", "１．０". No hex, no exponent. */
const DECIMAL = /^(?:\d+(?:\.\d*)?|\.\d+)$/;

function numberValue(spec: OptionSpec, raw: string): number | string {
  const text = raw.normalize("NFKC").trim();
  if (!DECIMAL.test(text)) return CLI_TEXT.badNumber(spec.name, raw);
  const n = Number(text);
  const r = spec.range;
  if (r) {
    const tooLow = r.minExclusive ? n <= r.min : n < r.min;
    if (tooLow || n > r.max) {
      // 85 for 0.85 is the usual slip: a percent typed where a ratio is asked for.
      const asRatio = n / 100;
      const hint = n > r.max && !(r.minExclusive ? asRatio <= r.min : asRatio < r.min) && asRatio <= r.max;
      return CLI_TEXT.numberOutOfRange(spec.name, raw, r, hint ? asRatio : null);
    }
  }
  return n;
}

/** Parses argv against a command's option table; values of unknown or misused options are errors. */
export function parseCommandLine(argv: readonly string[], command: CommandSpec): ParsedCommandLine {
  const byName = new Map<string, OptionSpec>();
  for (const o of command.options) {
    byName.set(o.name, o);
    if (o.alias) byName.set(o.alias, o);
  }
  const values: OptionValues = {};
  const positionals: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--") {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith("-") || arg === "-") {
      positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf("=");
    const flag = eq > 0 ? arg.slice(0, eq) : arg;
    const inline = eq > 0 ? arg.slice(eq + 1) : undefined;
    const spec = byName.get(flag);
    if (!spec) return { ok: false, message: CLI_TEXT.unknownOption(arg) };
    if (spec.kind === "flag") {
      if (inline !== undefined) return { ok: false, message: CLI_TEXT.flagTakesNoValue(spec.name) };
      values[spec.name] = true;
      continue;
    }
    let raw = inline;
    if (raw === undefined) {
      const next = argv[i + 1];
      // The next word is a value only if it does not look like an option ("--department --json").
      if (next === undefined || (next.startsWith("-") && next !== "-")) {
        return { ok: false, message: CLI_TEXT.missingOptionValue(spec.name) };
      }
      raw = next;
      i++;
    }
    if (raw.trim() === "") return { ok: false, message: CLI_TEXT.missingOptionValue(spec.name) };
    if (spec.kind === "number") {
      const n = numberValue(spec, raw);
      if (typeof n === "string") return { ok: false, message: n };
      values[spec.name] = n;
    } else if (spec.kind === "texts") {
      const list = (values[spec.name] as string[] | undefined) ?? [];
      list.push(raw.trim());
      values[spec.name] = list;
    } else {
      values[spec.name] = raw.trim();
    }
  }
  return { ok: true, values, positionals };
}
