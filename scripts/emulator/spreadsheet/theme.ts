// Spreadsheet.getSpreadsheetTheme / setSpreadsheetTheme / resetSpreadsheetTheme and the
// SpreadsheetTheme they hand out ("Access and modify existing themes. To set a theme on a
// spreadsheet, use Spreadsheet.setSpreadsheetTheme(theme)."): a SpreadsheetTheme is a copy, changed
// with setConcreteColor / setFontFamily and applied with setSpreadsheetTheme, which recolours the
// cells painted with a theme colour (themeColors.ts). The theme's font family is stored, not applied
// to cells (the emulator's cells keep their own default font).
import { gasError } from './model';
import { SELF, unwrap } from './self';
import type { Installable, Session } from './sessionApi';
import { DEFAULT_THEME, colorObject, colorParts, normalizeHex } from './color';
import { ThemeData, applyTheme, defaultTheme } from './themeColors';

type GColor = GoogleAppsScript.Spreadsheet.Color;
type GTheme = GoogleAppsScript.Spreadsheet.SpreadsheetTheme;

/** The ThemeColorTypes a theme holds, in the enum's order. */
const TYPES = Object.keys(DEFAULT_THEME);

function themeType(v: unknown, member: string): string {
  const name = String(v);
  if (!TYPES.includes(name)) throw gasError(`Invalid argument: themeColorType (SpreadsheetTheme.${member})`);
  return name;
}

export class EmuSpreadsheetTheme {
  readonly [SELF] = this;
  wrapped!: GTheme;
  constructor(private s: Session, readonly data: ThemeData) {}
  /** "Returns the concrete Color for a valid theme color type. Throws exception if the theme color type is not set in the current theme." */
  getConcreteColor(themeColorType: unknown): GColor {
    const type = themeType(themeColorType, 'getConcreteColor');
    const hex = this.data.colors[type];
    if (!hex) throw gasError(`The theme color type ${type} is not set in the current theme.`);
    return colorObject(this.s, hex);
  }
  /** "Returns the font family of the theme, or null if it's a null theme." */
  getFontFamily(): string | null { return this.data.fontFamily; }
  /** "Returns a list of all possible theme color types for the current theme." */
  getThemeColors(): string[] { return TYPES.filter((t) => this.data.colors[t] !== undefined); }
  /**
   * "Sets the concrete color associated with the ThemeColorType in this color scheme to the given color."
   * and, with (red, green, blue), "… to the given color in RGB format." A theme colour cannot be a concrete colour.
   */
  setConcreteColor(themeColorType: unknown, color: unknown, green?: unknown, blue?: unknown): GTheme {
    const type = themeType(themeColorType, 'setConcreteColor');
    if (typeof color === 'number') {
      const byte = (x: unknown) => {
        const n = Number(x);
        if (!Number.isInteger(n) || n < 0 || n > 255) throw gasError('Invalid argument: red, green and blue must be integers from 0 to 255.');
        return n.toString(16).padStart(2, '0');
      };
      this.data.colors[type] = `#${byte(color)}${byte(green)}${byte(blue)}`;
      return this.wrapped;
    }
    const { hex, theme } = colorParts(color);
    if (theme !== null || hex === null) throw gasError('Object is not of type RgbColor.');
    this.data.colors[type] = normalizeHex(hex);
    return this.wrapped;
  }
  /** "Sets the font family for the theme." */
  setFontFamily(fontFamily: unknown): GTheme {
    if (typeof fontFamily !== 'string' || fontFamily === '') throw gasError('Invalid argument: fontFamily');
    this.data.fontFamily = fontFamily;
    return this.wrapped;
  }
}

function themeObject(s: Session, data: ThemeData): GTheme {
  const t = new EmuSpreadsheetTheme(s, { fontFamily: data.fontFamily, colors: { ...data.colors } });
  t.wrapped = s.wrap('SpreadsheetTheme', t, false) as unknown as GTheme;
  return t.wrapped;
}

interface SpreadsheetInternals { s: Session }

const spreadsheetMembers = {
  /** "Returns the current theme of the spreadsheet, or null if no theme is applied." (a new spreadsheet has the default theme) */
  getSpreadsheetTheme(this: SpreadsheetInternals): GTheme {
    return themeObject(this.s, this.s.model.theme ?? defaultTheme());
  },
  /** "Sets a theme on the spreadsheet." */
  setSpreadsheetTheme(this: SpreadsheetInternals, theme: unknown): GTheme {
    const t = unwrap<EmuSpreadsheetTheme>(theme);
    if (!(t instanceof EmuSpreadsheetTheme)) throw gasError('Invalid argument: theme');
    applyTheme(this.s.model, { fontFamily: t.data.fontFamily, colors: { ...t.data.colors } });
    return themeObject(this.s, this.s.model.theme!);
  },
  /** "Removes the applied theme and sets the default theme on the spreadsheet." */
  resetSpreadsheetTheme(this: SpreadsheetInternals): GTheme {
    applyTheme(this.s.model, null);
    return themeObject(this.s, defaultTheme());
  },
};

let installed = false;
export function installSpreadsheetTheme(Spreadsheet: Installable): void {
  if (installed) return;
  installed = true;
  for (const [name, fn] of Object.entries(spreadsheetMembers)) Object.defineProperty(Spreadsheet.prototype, name, { value: fn, writable: true, configurable: true });
}
