import { CLI_TEXT } from "../../i18n/cli";
import type { CommandSpec } from "./optionTable";

/** Columns a string takes in a terminal: CJK and full-width forms take two. */
function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text)
    w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(
      ch,
    )
      ? 2
      : 1;
  return w;
}

const LEFT_COLUMN = 28;

/** The usage text of a command, its option lines generated from the table. */
export function usage(command: CommandSpec): string {
  const lines = command.options.map((o) => {
    const names = [o.alias, o.name].filter(Boolean).join(", ");
    const left = o.valueName ? `${names} ${o.valueName}` : names;
    const pad = " ".repeat(Math.max(1, LEFT_COLUMN - displayWidth(left)));
    const help = CLI_TEXT.optionHelp[o.name] ?? "";
    const byDefault = o.defaultValue === undefined ? "" : CLI_TEXT.defaultValue(o.defaultValue);
    return `  ${left}${pad}${help}${byDefault}`;
  });
  const text = CLI_TEXT.usageText[command.name === "" ? "check" : command.name];
  return [...text.head, "", CLI_TEXT.optionsHeading, ...lines, "", ...text.tail].join("\n");
}
