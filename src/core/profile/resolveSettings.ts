// Where each setting of a check comes from, decided in one place (as prettier and ESLint resolve
// their config): what the user states now (--year, --on-track, the pane's own fields) wins over the
// profile (a --profile file, or the one kept in the workbook's settings), which wins over kensho's
// defaults. The result says, for each setting, which of them it came from.
import type { LayoutProfile, ProgressRule, Scale } from "../model";
import { DEFAULT_RULE } from "../model";
import { parseFiscalYear } from "../layout/yearForms";
import { resolveScale } from "../progress/scale";

/** Where a profile was had: a file named on the command line, the workbook's settings, or none. */
export type ProfileOrigin = { kind: "file"; name: string } | { kind: "workbook" } | { kind: "none" };

export type SettingSource = "stated" | "profile" | "default";

export interface StatedSettings {
  fiscalYear?: number | null;
  onTrack?: number;
  nearlyOnTrack?: number;
}

export interface ResolvedSettings {
  rule: ProgressRule;
  fiscalYear: number | null;
  profile: LayoutProfile | null;
  scale: Scale | null;
  origin: ProfileOrigin;
  sources: {
    fiscalYear: SettingSource;
    thresholds: SettingSource;
    scale: SettingSource;
    layout: SettingSource;
  };
}

export function resolveSettings(
  stated: StatedSettings,
  profile: LayoutProfile | null,
  origin: ProfileOrigin = profile ? { kind: "file", name: "" } : { kind: "none" },
  base: ProgressRule = DEFAULT_RULE,
): ResolvedSettings {
  const fromProfileYear = profile?.fiscalYear ? parseFiscalYear(profile.fiscalYear) : null;
  const fiscalYear = stated.fiscalYear ?? fromProfileYear ?? null;
  const t = profile?.thresholds ?? {};
  const statedThresholds = stated.onTrack !== undefined || stated.nearlyOnTrack !== undefined;
  const rule: ProgressRule = {
    ...base,
    onTrack: stated.onTrack ?? t.onTrack ?? base.onTrack,
    nearlyOnTrack: stated.nearlyOnTrack ?? t.nearlyOnTrack ?? base.nearlyOnTrack,
  };
  const scale = profile?.scale !== undefined ? resolveScale(profile.scale, rule) : null;
  return {
    rule,
    fiscalYear,
    profile,
    scale,
    origin,
    sources: {
      fiscalYear: stated.fiscalYear != null ? "stated" : fromProfileYear !== null ? "profile" : "default",
      thresholds: statedThresholds
        ? "stated"
        : t.onTrack !== undefined || t.nearlyOnTrack !== undefined
          ? "profile"
          : "default",
      scale: scale ? "profile" : "default",
      layout: profile?.fields || profile?.ignore || profile?.reasonColumn ? "profile" : "default",
    },
  };
}
