import { CLI_TEXT } from "../i18n/cli";

export interface CliOptions {
  json: boolean;
  csv: boolean;
  help: boolean;
  version: boolean;
  department: string | null;
  onTrack: number;
  nearlyOnTrack: number;
  files: string[];
}

export type ParsedArgs = { ok: true; options: CliOptions } | { ok: false; message: string };

function threshold(opt: string, value: string | undefined): number | string {
  if (value === undefined) return CLI_TEXT.missingOptionValue(opt);
  const n = Number(value.normalize("NFKC"));
  if (!Number.isFinite(n) || n <= 0) return CLI_TEXT.badThreshold(opt, value);
  return n;
}

export function parseArgs(argv: string[]): ParsedArgs {
  const options: CliOptions = {
    json: false,
    csv: false,
    help: false,
    version: false,
    department: null,
    onTrack: 1.0,
    nearlyOnTrack: 0.85,
    files: [],
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--") {
      options.files.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith("-") || arg === "-") {
      options.files.push(arg);
      continue;
    }
    const [flag, inline] = arg.includes("=")
      ? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)]
      : [arg, undefined];
    const next = () => inline ?? argv[++i];
    switch (flag) {
      case "--json":
        options.json = true;
        break;
      case "--csv":
        options.csv = true;
        break;
      case "-h":
      case "--help":
        options.help = true;
        break;
      case "-v":
      case "--version":
        options.version = true;
        break;
      case "--department": {
        const v = next();
        if (v === undefined || v.trim() === "")
          return { ok: false, message: CLI_TEXT.missingOptionValue(flag) };
        options.department = v.trim();
        break;
      }
      case "--on-track":
      case "--nearly-on-track": {
        const t = threshold(flag, next());
        if (typeof t === "string") return { ok: false, message: t };
        if (flag === "--on-track") options.onTrack = t;
        else options.nearlyOnTrack = t;
        break;
      }
      default:
        return { ok: false, message: CLI_TEXT.unknownOption(arg) };
    }
  }
  if (options.nearlyOnTrack > options.onTrack) return { ok: false, message: CLI_TEXT.thresholdOrder };
  if (options.json && options.csv) return { ok: false, message: CLI_TEXT.bothFormats };
  return { ok: true, options };
}
