// A profile checked against its JSON Schema (profileSchema.ts) by a small walker of the keywords the
// schema uses, so that the pane needs no schema library (ajv stays a devDependency: a test holds the
// two to the same verdicts). Each problem names the key's path and its line; then the meaning is
// checked (a scale's levels in order, the reason levels among them, a year that reads as one).
import type { LayoutProfile, Scale } from "../model";
import { parseFiscalYear } from "../layout/yearForms";
import { PROFILE_SCHEMA } from "./profileSchema";
import { parseJsonWithLines, type JsonPath } from "./jsonWithLines";

export type ProfileProblemKind =
  | "syntax"
  | "type"
  | "required"
  | "unknown-key"
  | "not-allowed"
  | "too-small"
  | "too-large"
  | "pattern"
  | "levels-order"
  | "unknown-level"
  | "bad-year";

export interface ProfileProblem {
  kind: ProfileProblemKind;
  /** The key's path, as written: "scale.levels[2].min"; "" for the document itself. */
  key: string;
  line: number | null;
  /** What was expected: a type, the allowed values, a bound. */
  expected?: string;
}

export type ProfileRead = { ok: true; profile: LayoutProfile } | { ok: false; problems: ProfileProblem[] };

type Schema = { [k: string]: unknown };

const MAX_PROBLEMS = 10;

function keyOf(path: JsonPath): string {
  return path.reduce<string>((s, p) => (typeof p === "number" ? `${s}[${p}]` : s ? `${s}.${p}` : p), "");
}

function typeOf(v: unknown): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return "array";
  if (typeof v === "number") return Number.isInteger(v) ? "integer" : "number";
  return typeof v;
}

function typeMatches(v: unknown, t: string): boolean {
  const actual = typeOf(v);
  return actual === t || (t === "number" && actual === "integer");
}

/** The problems of `value` against `schema` at `path` (schema keywords the profile schema uses). */
export function schemaProblems(
  value: unknown,
  schema: Schema,
  path: JsonPath = [],
): Omit<ProfileProblem, "line">[] {
  const out: Omit<ProfileProblem, "line">[] = [];
  const at = (kind: ProfileProblemKind, expected?: string, p = path) =>
    out.push({ kind, key: keyOf(p), ...(expected !== undefined ? { expected } : {}) });
  if (schema.oneOf) {
    const branches = schema.oneOf as Schema[];
    const fits = branches.filter((b) => schemaProblems(value, b, path).length === 0);
    if (fits.length !== 1) {
      // Report the branch whose type matches, else the types allowed.
      const typed = branches.find((b) => typeMatches(value, String(b.type)));
      if (typed) return schemaProblems(value, typed, path);
      at("type", branches.map((b) => String(b.type)).join("|"));
    }
    return out;
  }
  if ("const" in schema && value !== schema.const)
    return (at("not-allowed", JSON.stringify(schema.const)), out);
  if (schema.type !== undefined) {
    const types = Array.isArray(schema.type) ? (schema.type as string[]) : [schema.type as string];
    if (!types.some((t) => typeMatches(value, t))) return (at("type", types.join("|")), out);
  }
  if (schema.enum && !(schema.enum as unknown[]).includes(value))
    return (at("not-allowed", (schema.enum as unknown[]).join("|")), out);
  if (typeof value === "string") {
    if (typeof schema.minLength === "number" && value.length < schema.minLength)
      at("too-small", String(schema.minLength));
    if (typeof schema.pattern === "string" && !new RegExp(schema.pattern).test(value))
      at("pattern", schema.pattern);
  }
  if (typeof value === "number") {
    if (typeof schema.minimum === "number" && value < schema.minimum) at("too-small", String(schema.minimum));
    if (typeof schema.exclusiveMinimum === "number" && value <= schema.exclusiveMinimum)
      at("too-small", `>${schema.exclusiveMinimum}`);
    if (typeof schema.maximum === "number" && value > schema.maximum) at("too-large", String(schema.maximum));
  }
  if (Array.isArray(value)) {
    if (typeof schema.minItems === "number" && value.length < schema.minItems)
      at("too-small", String(schema.minItems));
    if (schema.items)
      value.forEach((v, i) => out.push(...schemaProblems(v, schema.items as Schema, [...path, i])));
  }
  if (typeOf(value) === "object") {
    const obj = value as Record<string, unknown>;
    const props = (schema.properties ?? {}) as Record<string, Schema>;
    for (const r of (schema.required ?? []) as string[]) if (!(r in obj)) at("required", r, [...path, r]);
    for (const [k, v] of Object.entries(obj)) {
      if (props[k]) out.push(...schemaProblems(v, props[k], [...path, k]));
      else if (schema.additionalProperties === false)
        at("unknown-key", Object.keys(props).join(", "), [...path, k]);
    }
  }
  return out;
}

/** A scale's meaning: levels best first with falling bounds, the last unbounded, reasons among them. */
function scaleProblems(scale: Scale): Omit<ProfileProblem, "line">[] {
  const out: Omit<ProfileProblem, "line">[] = [];
  const names = scale.levels.map((l) => l.name);
  scale.levels.forEach((l, i) => {
    const last = i === scale.levels.length - 1;
    const prev = i > 0 ? scale.levels[i - 1].min : Infinity;
    if (last ? l.min !== null : l.min === null || (prev !== null && l.min > prev))
      out.push({ kind: "levels-order", key: `scale.levels[${i}].min` });
  });
  (scale.needsReason ?? []).forEach((n, i) => {
    if (!names.includes(n))
      out.push({ kind: "unknown-level", key: `scale.needsReason[${i}]`, expected: names.join("|") });
  });
  return out;
}

/** Reads a profile's text: the profile, or its problems with keys and lines. */
export function readProfile(text: string): ProfileRead {
  const parsed = parseJsonWithLines(text);
  if (!parsed.ok) return { ok: false, problems: [{ kind: "syntax", key: "", line: parsed.line }] };
  const keyPath = (key: string): JsonPath =>
    key === "" ? [] : key.split(/\.|(?=\[)/).map((p) => (p.startsWith("[") ? Number(p.slice(1, -1)) : p));
  const withLines = (ps: Omit<ProfileProblem, "line">[]): ProfileProblem[] =>
    ps.slice(0, MAX_PROBLEMS).map((p) => {
      let path = keyPath(p.key);
      let line = parsed.lineOf(path);
      // A missing key is reported where its object starts.
      while (line === null && path.length > 0) line = parsed.lineOf((path = path.slice(0, -1)));
      return { ...p, line };
    });
  const problems = schemaProblems(parsed.value, PROFILE_SCHEMA as unknown as Schema);
  if (problems.length > 0) return { ok: false, problems: withLines(problems) };
  const profile = parsed.value as LayoutProfile;
  const meaning: Omit<ProfileProblem, "line">[] = [];
  if (typeof profile.scale === "object") {
    const given = profile.scale as Partial<Scale> & Pick<Scale, "levels">;
    const scale: Scale = { ...given, id: given.id ?? "custom", needsReason: given.needsReason ?? [] };
    if (scale.needsReason.length === 0) scale.needsReason = [scale.levels[scale.levels.length - 1].name];
    profile.scale = scale;
    meaning.push(...scaleProblems(scale));
  }
  if (profile.fiscalYear !== undefined && parseFiscalYear(profile.fiscalYear) === null)
    meaning.push({ kind: "bad-year", key: "fiscalYear" });
  if (meaning.length > 0) return { ok: false, problems: withLines(meaning) };
  return { ok: true, profile };
}
