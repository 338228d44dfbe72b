// RichTextValue(Builder) and TextStyle(Builder): text with runs of styles and links, stored per
// cell in the 'richText' layer; a plain write to the cell drops it (as typing over it would).
import { gasError } from './model';
import { SELF } from './self';
import { colorObject, colorParts, themeColorObject, DEFAULT_THEME } from './color';
import { cssColor } from './cssColor';
import type { Session } from './sessionApi';

export interface StyleData {
  bold: boolean | null;
  italic: boolean | null;
  strikethrough: boolean | null;
  underline: boolean | null;
  fontFamily: string | null;
  fontSize: number | null;
  foregroundColor: string | null;
}

export interface RunData { start: number; end: number; style: StyleData; link: string | null }
export interface RichTextData { text: string; runs: RunData[] }

type GTextStyle = GoogleAppsScript.Spreadsheet.TextStyle;
type GTextStyleBuilder = GoogleAppsScript.Spreadsheet.TextStyleBuilder;
type GRich = GoogleAppsScript.Spreadsheet.RichTextValue;
type GRichBuilder = GoogleAppsScript.Spreadsheet.RichTextValueBuilder;

export function emptyStyle(): StyleData {
  return { bold: null, italic: null, strikethrough: null, underline: null, fontFamily: null, fontSize: null, foregroundColor: null };
}

export class EmuTextStyle {
  readonly [SELF] = this;
  constructor(private s: Session, readonly data: StyleData) {}
  copy(): GTextStyleBuilder { return newTextStyleBuilder(this.s, { ...this.data }); }
  getFontFamily(): string | null { return this.data.fontFamily; }
  getFontSize(): number | null { return this.data.fontSize; }
  getForegroundColor(): string | null { return this.data.foregroundColor; }
  /** "Gets the font color of the text or null if not set." — as a Color. */
  getForegroundColorObject(): GoogleAppsScript.Spreadsheet.Color | null {
    const fg = this.data.foregroundColor;
    if (fg === null) return null;
    // A theme colour is kept as its ThemeColorType's name (what getForegroundColor answers for it on Apps Script).
    return Object.prototype.hasOwnProperty.call(DEFAULT_THEME, fg) ? themeColorObject(this.s, fg) : colorObject(this.s, fg);
  }
  isBold(): boolean | null { return this.data.bold; }
  isItalic(): boolean | null { return this.data.italic; }
  isStrikethrough(): boolean | null { return this.data.strikethrough; }
  isUnderline(): boolean | null { return this.data.underline; }
}

export class EmuTextStyleBuilder {
  readonly [SELF] = this;
  wrapped!: GTextStyleBuilder;
  constructor(private s: Session, private data: StyleData) {}
  build(): GTextStyle { return textStyle(this.s, { ...this.data }); }
  setBold(v: boolean): GTextStyleBuilder { this.data.bold = Boolean(v); return this.wrapped; }
  setItalic(v: boolean): GTextStyleBuilder { this.data.italic = Boolean(v); return this.wrapped; }
  setStrikethrough(v: boolean): GTextStyleBuilder { this.data.strikethrough = Boolean(v); return this.wrapped; }
  setUnderline(v: boolean): GTextStyleBuilder { this.data.underline = Boolean(v); return this.wrapped; }
  setFontFamily(v: string): GTextStyleBuilder { this.data.fontFamily = v === null ? null : String(v); return this.wrapped; }
  setFontSize(v: number): GTextStyleBuilder { this.data.fontSize = Number(v); return this.wrapped; }
  setForegroundColor(v: string): GTextStyleBuilder { this.data.foregroundColor = v === null ? null : String(cssColor(v)); return this.wrapped; }
  /** "Sets the text font color." from a Color (RGB or theme colour, as Range.setFontColorObject). */
  setForegroundColorObject(color: unknown): GTextStyleBuilder {
    if (color === null) { this.data.foregroundColor = null; return this.wrapped; }
    const { hex, theme } = colorParts(color);
    this.data.foregroundColor = theme ?? hex;
    return this.wrapped;
  }
}

export function textStyle(s: Session, data: StyleData): GTextStyle {
  return s.wrap('TextStyle', new EmuTextStyle(s, data), false) as unknown as GTextStyle;
}

export function newTextStyleBuilder(s: Session, data: StyleData = emptyStyle()): GTextStyleBuilder {
  const b = new EmuTextStyleBuilder(s, data);
  const w = s.wrap('TextStyleBuilder', b, false) as unknown as GTextStyleBuilder;
  b.wrapped = w;
  return w;
}

function styleOf(style: unknown): StyleData {
  const t = (style as { [SELF]?: unknown } | null)?.[SELF];
  if (!(t instanceof EmuTextStyle)) throw gasError('Invalid argument: textStyle');
  return { ...t.data };
}

function checkOffsets(text: string, start: number, end: number): void {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > text.length || start > end) {
    throw gasError(`Index (${end}) must be less than or equal to the text length (${text.length}).`);
  }
}

/** Splits runs so that [start, end) is covered by whole runs, then applies fn to those. */
function applyToSpan(data: RichTextData, start: number, end: number, fn: (r: RunData) => void): void {
  const out: RunData[] = [];
  for (const r of data.runs) {
    const cuts = [r.start, Math.max(r.start, Math.min(start, r.end)), Math.max(r.start, Math.min(end, r.end)), r.end];
    for (let i = 0; i < 3; i++) {
      if (cuts[i] >= cuts[i + 1]) continue;
      const piece = { start: cuts[i], end: cuts[i + 1], style: { ...r.style }, link: r.link };
      if (i === 1) fn(piece);
      out.push(piece);
    }
  }
  data.runs = mergeRuns(out);
}

function sameRun(a: RunData, b: RunData): boolean {
  return a.link === b.link && JSON.stringify(a.style) === JSON.stringify(b.style);
}

function mergeRuns(runs: RunData[]): RunData[] {
  const out: RunData[] = [];
  for (const r of runs) {
    const last = out[out.length - 1];
    if (last && last.end === r.start && sameRun(last, r)) last.end = r.end;
    else out.push({ ...r, style: { ...r.style } });
  }
  return out;
}

export class EmuRichTextValue {
  readonly [SELF] = this;
  constructor(private s: Session, readonly data: RichTextData, private offset = 0) {}
  copy(): GRichBuilder { return newRichTextValueBuilder(this.s, cloneRich(this.data)); }
  getText(): string { return this.data.text; }
  getStartIndex(): number { return this.offset; }
  getEndIndex(): number { return this.offset + this.data.text.length; }
  getLinkUrl(start?: number, end?: number): string | null {
    const runs = this.span(start, end);
    const links = new Set(runs.map((r) => r.link));
    return links.size === 1 ? [...links][0] : null;
  }
  getTextStyle(start?: number, end?: number): GTextStyle {
    const runs = this.span(start, end);
    const style = emptyStyle();
    for (const key of Object.keys(style) as (keyof StyleData)[]) {
      const values = new Set(runs.map((r) => JSON.stringify(r.style[key])));
      (style as unknown as Record<string, unknown>)[key] = values.size === 1 ? runs[0]?.style[key] ?? null : null;
    }
    return textStyle(this.s, style);
  }
  getRuns(): GRich[] {
    return this.data.runs.map((r) => richTextValue(this.s, {
      text: this.data.text.slice(r.start, r.end), runs: [{ start: 0, end: r.end - r.start, style: { ...r.style }, link: r.link }],
    }, r.start));
  }
  private span(start?: number, end?: number): RunData[] {
    const a = start ?? 0;
    const b = end ?? this.data.text.length;
    checkOffsets(this.data.text, a, b);
    return this.data.runs.filter((r) => r.start < b && r.end > a);
  }
}

export class EmuRichTextValueBuilder {
  readonly [SELF] = this;
  wrapped!: GRichBuilder;
  constructor(private s: Session, private data: RichTextData) {}
  build(): GRich { return richTextValue(this.s, cloneRich(this.data)); }
  setText(text: string): GRichBuilder {
    const t = String(text);
    this.data = { text: t, runs: t.length ? [{ start: 0, end: t.length, style: emptyStyle(), link: null }] : [] };
    return this.wrapped;
  }
  setLinkUrl(a: unknown, b?: unknown, c?: unknown): GRichBuilder {
    const [start, end, url] = b === undefined ? [0, this.data.text.length, a] : [Number(a), Number(b), c];
    checkOffsets(this.data.text, start, end);
    applyToSpan(this.data, start, end, (r) => { r.link = url === null || url === undefined ? null : String(url); });
    return this.wrapped;
  }
  setTextStyle(a: unknown, b?: unknown, c?: unknown): GRichBuilder {
    const [start, end, style] = b === undefined ? [0, this.data.text.length, a] : [Number(a), Number(b), c];
    checkOffsets(this.data.text, start, end);
    const st = styleOf(style);
    applyToSpan(this.data, start, end, (r) => {
      for (const key of Object.keys(st) as (keyof StyleData)[]) if (st[key] !== null) (r.style as unknown as Record<string, unknown>)[key] = st[key];
    });
    return this.wrapped;
  }
}

export function cloneRich(d: RichTextData): RichTextData {
  return { text: d.text, runs: d.runs.map((r) => ({ ...r, style: { ...r.style } })) };
}

export function richTextValue(s: Session, data: RichTextData, offset = 0): GRich {
  return s.wrap('RichTextValue', new EmuRichTextValue(s, data, offset), false) as unknown as GRich;
}

export function newRichTextValueBuilder(s: Session, data: RichTextData = { text: '', runs: [] }): GRichBuilder {
  const b = new EmuRichTextValueBuilder(s, data);
  const w = s.wrap('RichTextValueBuilder', b, false) as unknown as GRichBuilder;
  b.wrapped = w;
  return w;
}

export function richDataOf(value: unknown): RichTextData {
  const t = (value as { [SELF]?: unknown } | null)?.[SELF];
  if (!(t instanceof EmuRichTextValue)) throw gasError('Invalid argument: value');
  return cloneRich(t.data);
}
