// Match the pane to Office's own colours when Office tells us them (officeTheme is ExcelApi-independent
// but absent on some hosts); otherwise the standard web light theme.
import { webDarkTheme, webLightTheme, type Theme } from "@fluentui/react-components";

export interface OfficeThemeColors {
  bodyBackgroundColor?: string;
  bodyForegroundColor?: string;
  controlBackgroundColor?: string;
  controlForegroundColor?: string;
}

/** Relative luminance of a #rrggbb colour, or null when it is not one. */
function luminance(hex: string): number | null {
  const m = /^#?([0-9a-f]{6})$/i.exec(hex.trim());
  if (!m) return null;
  const n = parseInt(m[1], 16);
  const ch = [(n >> 16) & 255, (n >> 8) & 255, n & 255].map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * ch[0] + 0.7152 * ch[1] + 0.0722 * ch[2];
}

export function themeFromOffice(office: OfficeThemeColors | null | undefined): Theme {
  const bg = office?.bodyBackgroundColor;
  const fg = office?.bodyForegroundColor;
  const bgLum = bg ? luminance(bg) : null;
  if (!bg || !fg || bgLum === null || luminance(fg) === null) return webLightTheme;
  const base = bgLum < 0.2 ? webDarkTheme : webLightTheme;
  return {
    ...base,
    colorNeutralBackground1: bg,
    colorNeutralForeground1: fg,
  };
}

/** Reads Office.context.officeTheme without assuming Office (or the property) exists. */
export function officeThemeColors(): OfficeThemeColors | null {
  try {
    const ctx = typeof Office !== "undefined" ? Office.context : undefined;
    return (ctx?.officeTheme as OfficeThemeColors | undefined) ?? null;
  } catch {
    return null;
  }
}
