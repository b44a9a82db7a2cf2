// Options are declared as data: one table per command drives both parsing and the Japanese usage
// text (src/i18n/cli.ts renders each option's help from its name), so the two never drift apart.

export type OptionKind =
  /** Present or not. */
  | "flag"
  /** One text value; a later occurrence replaces an earlier one. */
  | "text"
  /** Text values, each occurrence adds one (`--prefer A --prefer B`); commas do not split. */
  | "texts"
  /** A decimal number, validated by `range`. */
  | "number";

export interface OptionSpec {
  /** Long name with its dashes: "--json". */
  name: string;
  /** Short alias: "-h". */
  alias?: string;
  kind: OptionKind;
  /** Placeholder for the value in the usage text ("<課名>"), for options that take one. */
  valueName?: string;
  /** Shown in the usage text; the command applies its own defaults. */
  defaultValue?: string | number;
  /** Inclusive bounds for a number option. */
  range?: { min: number; max: number; minExclusive?: boolean };
}

export interface CommandSpec {
  /** "" for the default command (check), else the subcommand's name. */
  name: string;
  options: readonly OptionSpec[];
}

export type OptionValue = boolean | string | string[] | number;
export type OptionValues = Record<string, OptionValue | undefined>;
