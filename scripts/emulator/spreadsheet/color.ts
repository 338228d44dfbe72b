// SpreadsheetApp.newColor() → ColorBuilder → Color (RGB only; theme colours throw not-implemented),
// and the Range colour-object accessors (getBackgroundObject(s), setFontColorObject(s), …).
import { gasError } from './model';
import { SELF, unwrap } from './builders';
import type { Session } from './objects';

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

class EmuRgbColor {
  readonly [SELF] = this;
  constructor(readonly hex: string) {}
  asHexString(): string { return this.hex; }
  getRed(): number { return parseInt(this.hex.slice(1, 3), 16); }
  getGreen(): number { return parseInt(this.hex.slice(3, 5), 16); }
  getBlue(): number { return parseInt(this.hex.slice(5, 7), 16); }
  getColorType(): string { return 'RGB'; }
}

class EmuColor {
  readonly [SELF] = this;
  constructor(private s: Session, readonly hex: string | null) {}
  asRgbColor(): object {
    if (this.hex === null) throw gasError('Object is not of type RgbColor.');
    return this.s.wrap('RgbColor', new EmuRgbColor(this.hex), false);
  }
  getColorType(): string { return this.hex === null ? 'UNSUPPORTED' : 'RGB'; }
}

class EmuColorBuilder extends EmuColor {
  wrapped!: object;
  private value: string | null = null;
  constructor(private ss: Session) { super(ss, null); }
  setRgbColor(cssString: string): object { this.value = normalizeHex(cssString); return this.wrapped; }
  build(): GColor { return colorObject(this.ss, this.value); }
  asRgbColor(): object {
    if (this.value === null) throw gasError('Object is not of type RgbColor.');
    return this.ss.wrap('RgbColor', new EmuRgbColor(this.value), false);
  }
  getColorType(): string { return this.value === null ? 'UNSUPPORTED' : 'RGB'; }
}

export function colorObject(s: Session, hex: string | null): GColor {
  return s.wrap('Color', new EmuColor(s, hex), false) as unknown as GColor;
}

export function newColorBuilder(s: Session): object {
  const b = new EmuColorBuilder(s);
  const w = s.wrap('ColorBuilder', b, false);
  b.wrapped = w;
  return w;
}

/** The hex of a Color argument (a built Color or a ColorBuilder). */
export function hexOfColor(color: unknown): string | null {
  const c = unwrap<EmuColor & { value?: string | null }>(color);
  if (!c) throw gasError('Invalid argument: color');
  if (c instanceof EmuColorBuilder) return (c as unknown as { value: string | null }).value;
  return c.hex;
}
