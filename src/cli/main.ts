// kensho's command line: `kensho [options] [files]` checks workbooks; `kensho <command> …` runs one
// of planning's commands. Every command declares its options as data (options/optionTable.ts).
import { CLI_TEXT } from "../i18n/cli";
import type { CliIo } from "./cliIo";
import { safeProcessIo } from "./output/safeOutput";
import { printableIo } from "./output/sanitize";
import { EXIT } from "./exitCodes";
import { parseCommandLine } from "./options/parseOptions";
import type { CommandSpec, OptionValues } from "./options/optionTable";
import { usage } from "./options/usage";
import { CHECK_COMMAND, checkOptions, runCheck } from "./commands/check";
import { STRATEGY_COMMAND, runStrategy } from "./commands/strategy";
import { version } from "./version";
import { SPLIT_COMMAND, runSplit } from "./commands/split";
import { MERGE_COMMAND, runMerge } from "./commands/merge";
import { ROLLOVER_COMMAND, runRollover } from "./commands/rollover";
import { PROFILE_COMMAND, runProfile } from "./commands/profile";
import { ADDIN_COMMAND, runAddin } from "./commands/addin";

export type { CliIo } from "./cliIo";

/** A subcommand: its option table and what it does with the parsed command line. */
export interface Command {
  spec: CommandSpec;
  run(values: OptionValues, positionals: string[], io: CliIo): Promise<number>;
}

/** Planning's commands, by name. Each lives in commands/<name>.ts. */
const COMMANDS: Record<string, Command> = {
  strategy: { spec: STRATEGY_COMMAND, run: runStrategy },
  split: { spec: SPLIT_COMMAND, run: runSplit },
  merge: { spec: MERGE_COMMAND, run: runMerge },
  profile: { spec: PROFILE_COMMAND, run: runProfile },
  rollover: {
    spec: ROLLOVER_COMMAND,
    run: (values, positionals, io) => runRollover(values, positionals, io),
  },
  addin: { spec: ADDIN_COMMAND, run: runAddin },
};

/** Whether a word is one of planning's commands (split, merge, rollover …) rather than a file. */
export function isCommandName(word: string): boolean {
  return Object.prototype.hasOwnProperty.call(COMMANDS, word);
}

const check: Command = {
  spec: CHECK_COMMAND,
  async run(values, positionals, io) {
    const opts = checkOptions(values);
    if (typeof opts === "string") {
      io.stderr(`${opts}\n`);
      return EXIT.failure;
    }
    return runCheck(positionals, opts, io);
  },
};

/** Runs kensho; returns the exit status (0 clean, 1 error findings, 2 unreadable file or bad usage). */
export async function main(argv: string[], rawIo: CliIo = safeProcessIo()): Promise<number> {
  // Everything any command prints passes one sanitiser: nothing from a cell or a file name can
  // move the cursor, clear the screen, reverse a line or hide in a zero-width character.
  const io = printableIo(rawIo);
  const sub = argv.length > 0 && isCommandName(argv[0]) ? COMMANDS[argv[0]] : undefined;
  const command = sub ?? check;
  const parsed = parseCommandLine(sub ? argv.slice(1) : argv, command.spec);
  if (!parsed.ok) {
    io.stderr(`${parsed.message}\n`);
    return EXIT.failure;
  }
  if (parsed.values["--help"]) {
    io.stdout(`${usage(command.spec)}\n`);
    return EXIT.ok;
  }
  if (parsed.values["--version"]) {
    io.stdout(`${CLI_TEXT.version(version())}\n`);
    return EXIT.ok;
  }
  return command.run(parsed.values, parsed.positionals, io);
}
