// Theme colours stored in cells. A cell painted with a theme colour (Range.setBackgroundObject /
// setFontColorObject with `newColor().setThemeColor(…)`, a TextStyle's theme foreground, or the
// Sheets API's `…ColorStyle.themeColor`) keeps its ThemeColorType, so getBackgroundObject /
// getFontColorObject answer a Color of ColorType THEME ("asThemeColor().getThemeColorType()"),
// while the hex layers ('background', 'fontColor') hold the concrete colour the theme paints, which
// every string getter and readSheet read as before.
// The theme is kept in its own layer as a stamp { type, hex }: it holds only while the cell's hex
// layer still carries that hex, so any later write of another colour (setBackground, clearFormat,
// copyTo, …) retires it without every writer knowing about themes.
import type { LayerName, SheetData, SpreadsheetModel } from './model';
import { DEFAULT_THEME } from './color';

export interface ThemeStamp { type: string; hex: string }

export function themeLayerOf(layer: 'background' | 'fontColor'): LayerName {
  return layer === 'background' ? 'backgroundTheme' : 'fontColorTheme';
}

/** The ThemeColorType a cell's colour was set as, or null (an RGB colour or none). */
export function themeAt(sheet: SheetData, layer: 'background' | 'fontColor', row: number, col: number): string | null {
  const stamp = sheet.get(themeLayerOf(layer), row, col) as ThemeStamp | undefined;
  if (!stamp || typeof stamp !== 'object') return null;
  return sheet.get(layer, row, col) === stamp.hex ? stamp.type : null;
}

/** Writes one cell's colour: its hex (undefined = default) and, for a theme colour, the stamp. */
export function setCellColor(sheet: SheetData, layer: 'background' | 'fontColor', row: number, col: number, hex: string | undefined, theme: string | null): void {
  sheet.set(layer, row, col, hex);
  const themeLayer = themeLayerOf(layer);
  if (theme !== null && hex !== undefined) sheet.set(themeLayer, row, col, { type: theme, hex });
  else if (sheet.layers[themeLayer]) sheet.set(themeLayer, row, col, undefined);
}

/** A spreadsheet's theme: its concrete colour per ThemeColorType and its font family. */
export interface ThemeData { fontFamily: string | null; colors: Record<string, string> }

/** The theme a new spreadsheet has (Sheets' "Standard" theme). */
export function defaultTheme(): ThemeData {
  return { fontFamily: 'Arial', colors: { ...DEFAULT_THEME } };
}

/** The concrete colour a theme colour paints in this spreadsheet. */
export function concreteHex(model: SpreadsheetModel, type: string): string | undefined {
  return (model.theme ?? DEFAULT_THEME_DATA).colors[type] ?? DEFAULT_THEME[type];
}

const DEFAULT_THEME_DATA = defaultTheme();

/**
 * Applies a theme: every cell still painted with a theme colour takes the new theme's concrete
 * colour, as the Sheets editor recolours them (an RGB colour stays as it is).
 */
export function applyTheme(model: SpreadsheetModel, theme: ThemeData | null): void {
  model.theme = theme;
  for (const sheet of model.sheets) {
    for (const layer of ['background', 'fontColor'] as const) {
      const stamps = sheet.layers[themeLayerOf(layer)];
      if (!stamps) continue;
      stamps.forEach((line, r) => line?.forEach((_stamp, c) => {
        const type = themeAt(sheet, layer, r + 1, c + 1);
        if (type !== null) setCellColor(sheet, layer, r + 1, c + 1, concreteHex(model, type), type);
      }));
    }
  }
}
