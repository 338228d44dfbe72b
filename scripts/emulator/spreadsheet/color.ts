// SpreadsheetApp.newColor() → ColorBuilder → Color (RGB or theme colour; a theme colour paints the
// default theme's concrete colour and the cell remembers the theme colour, themeColors.ts),
// and the Range colour-object accessors (getBackgroundObject(s), setFontColorObject(s), …).
import { gasError } from './model';
import { SELF, unwrap } from './self';
import type { Session } from './sessionApi';

type GColor = GoogleAppsScript.Spreadsheet.Color;

/** '#RGB' or '#RRGGBB' (and CSS colour names Sheets accepts most often) → '#rrggbb'. */
export function normalizeHex(css: string): string {
  const named: Record<string, string> = { black: '#000000', white: '#ffffff', red: '#ff0000', green: '#008000', blue: '#0000ff', yellow: '#ffff00', gray: '#808080', grey: '#808080' };
  const t = String(css).trim().toLowerCase();
  if (named[t]) return named[t];
  let m = /^#([0-9a-f])([0-9a-f])([0-9a-f])$/.exec(t);
  if (m) return `#${m[1]}${m[1]}${m[2]}${m[2]}${m[3]}${m[3]}`;
  m = /^#([0-9a-f]{6})$/.exec(t);
  if (m) return t;
  throw gasError(`Invalid argument: cssString`);
}

/** The default Sheets theme's colours (Format > Theme > Standard): what a theme colour paints. */
export const DEFAULT_THEME: Record<string, string> = {
  TEXT: '#000000', BACKGROUND: '#ffffff', ACCENT1: '#4285f4', ACCENT2: '#ea4335', ACCENT3: '#fbbc04',
  ACCENT4: '#34a853', ACCENT5: '#ff6d01', ACCENT6: '#46bdc6', HYPERLINK: '#1155cc',
};

/** A colour value: RGB hex, a theme colour type, or nothing yet (a fresh builder). */
type Value = { hex: string } | { theme: string } | null;

class EmuRgbColor {
  readonly [SELF] = this;
  constructor(readonly hex: string) {}
  asHexString(): string { return this.hex; }
  getRed(): number { return parseInt(this.hex.slice(1, 3), 16); }
  getGreen(): number { return parseInt(this.hex.slice(3, 5), 16); }
  getBlue(): number { return parseInt(this.hex.slice(5, 7), 16); }
  getColorType(): string { return 'RGB'; }
}

class EmuThemeColor {
  readonly [SELF] = this;
  constructor(readonly theme: string) {}
  getColorType(): string { return 'THEME'; }
  getThemeColorType(): string { return this.theme; }
}

class EmuColor {
  readonly [SELF] = this;
  constructor(protected s: Session, protected value: Value) {}
  get themeType(): string | null { return this.value && 'theme' in this.value ? this.value.theme : null; }
  get hex(): string | null {
    if (!this.value) return null;
    return 'hex' in this.value ? this.value.hex : DEFAULT_THEME[this.value.theme] ?? null;
  }
  /** "Converts this color to an RgbColor." — only an RGB colour converts. */
  asRgbColor(): object {
    if (!this.value || !('hex' in this.value)) throw gasError('Object is not of type RgbColor.');
    return this.s.wrap('RgbColor', new EmuRgbColor(this.value.hex), false);
  }
  /** "Converts this color to a ThemeColor." */
  asThemeColor(): object {
    if (!this.value || !('theme' in this.value)) throw gasError('Object is not of type ThemeColor.');
    return this.s.wrap('ThemeColor', new EmuThemeColor(this.value.theme), false);
  }
  getColorType(): string { return !this.value ? 'UNSUPPORTED' : 'hex' in this.value ? 'RGB' : 'THEME'; }
}

class EmuColorBuilder extends EmuColor {
  wrapped!: object;
  constructor(ss: Session) { super(ss, null); }
  /** "Sets as RGB color." */
  setRgbColor(cssString: string): object { this.value = { hex: normalizeHex(cssString) }; return this.wrapped; }
  /** "Sets as theme color." */
  setThemeColor(themeColorType: unknown): object {
    const name = String(themeColorType);
    if (!Object.prototype.hasOwnProperty.call(DEFAULT_THEME, name)) throw gasError('Invalid argument: themeColorType');
    this.value = { theme: name };
    return this.wrapped;
  }
  /** "Creates a color object from the settings supplied to the builder." */
  build(): GColor { return colorValue(this.s, this.value); }
}

function colorValue(s: Session, value: Value): GColor {
  return s.wrap('Color', new EmuColor(s, value), false) as unknown as GColor;
}

export function colorObject(s: Session, hex: string | null): GColor {
  return colorValue(s, hex === null ? null : { hex });
}

export function newColorBuilder(s: Session): object {
  const b = new EmuColorBuilder(s);
  const w = s.wrap('ColorBuilder', b, false);
  b.wrapped = w;
  return w;
}

/** A Color of ColorType THEME (what a cell painted with a theme colour answers). */
export function themeColorObject(s: Session, theme: string): GColor {
  return colorValue(s, { theme });
}

/** A Color argument (a built Color or a ColorBuilder) as its concrete hex and, for a theme colour, its ThemeColorType. */
export function colorParts(color: unknown): { hex: string | null; theme: string | null } {
  const c = unwrap<EmuColor>(color);
  if (!c || !(c instanceof EmuColor)) throw gasError('Invalid argument: color');
  return { hex: c.hex, theme: c.themeType };
}

/** The hex of a Color argument (a built Color or a ColorBuilder). */
export function hexOfColor(color: unknown): string | null {
  const c = unwrap<EmuColor & { value?: string | null }>(color);
  if (!c) throw gasError('Invalid argument: color');
  return c.hex;
}
