// Theme colours stored in cells and the spreadsheet's theme (scripts/emulator/spreadsheet/themeColors.ts,
// theme.ts; issue 27), against the Apps Script reference, quoted per test.
import { createWorkspace } from '../../scripts/emulator/workspace';
import { SpreadsheetModel } from '../../scripts/emulator/spreadsheet/model';
import { caught } from './fixtures/context';

/* eslint-disable @typescript-eslint/no-explicit-any */
type Any = any;

function fresh() {
  const ws = createWorkspace({ now: '2026-11-23T09:00:00Z', user: 'owner@studio.test' });
  const app = (ws.globals as Any).SpreadsheetApp;
  const run = <T>(fn: () => T) => ws.execute(fn);
  return { ws, app, run, ss: () => app.getActive(), sheet: () => app.getActive().getSheets()[0] };
}

test('a theme colour set on cells reads back as a theme colour: getColorType() THEME, asThemeColor().getThemeColorType()', () => {
  const { app, run, sheet } = fresh();
  run(() => {
    const range = sheet().getRange('A1:B2');
    const accent = app.newColor().setThemeColor(app.ThemeColorType.ACCENT3).build();
    // Range.setBackgroundObject: "Sets the background color of all cells in the range."
    range.setBackgroundObject(accent);
    // Range.getBackgroundObject: "Returns the background color of the top-left cell in the range."
    const back = range.getBackgroundObject();
    // Color.getColorType: "Get the type of this color." — ThemeColor.getThemeColorType: "Get the theme color type of this color."
    expect(back.getColorType()).toBe(app.ColorType.THEME);
    expect(back.asThemeColor().getThemeColorType()).toBe(app.ThemeColorType.ACCENT3);
    expect(caught(() => back.asRgbColor()).message).toBe('Object is not of type RgbColor.');
    // The string getter reads the colour the theme paints.
    expect(range.getBackground()).toBe('#fbbc04');
    // Range.setFontColorObjects: "Sets a rectangular grid of font colors (must match dimensions of this range)."
    const rgb = app.newColor().setRgbColor('#112233').build();
    range.setFontColorObjects([[accent, rgb], [null, accent]]);
    const types = range.getFontColorObjects().map((row: Any[]) => row.map((c) => String(c.getColorType())));
    expect(types).toEqual([['THEME', 'RGB'], ['RGB', 'THEME']]);
    expect(range.getFontColorObjects()[0][1].asRgbColor().asHexString()).toBe('#112233');
    // A later RGB write replaces the theme colour.
    range.setBackground('#00ff00');
    expect(String(range.getBackgroundObject().getColorType())).toBe('RGB');
    expect(caught(() => range.getBackgroundObject().asThemeColor()).message).toBe('Object is not of type ThemeColor.');
    // clearFormat drops it too.
    range.setFontColorObject(accent);
    range.clearFormat();
    expect(range.getFontColorObject().asRgbColor().asHexString()).toBe('#000000');
  });
});

test('a TextStyle with a theme foreground: getForegroundColorObject() is a theme colour, on cells too', () => {
  const { app, run, sheet } = fresh();
  run(() => {
    const theme = app.newColor().setThemeColor(app.ThemeColorType.ACCENT4);
    // TextStyleBuilder.setForegroundColorObject: "Sets the font color."
    const style = app.newTextStyle().setFontSize(20).setForegroundColorObject(theme.build()).build();
    // TextStyle.getForegroundColorObject: "Gets the font color of the text or null if not set."
    expect(style.getForegroundColorObject().asThemeColor().getThemeColorType()).toBe(app.ThemeColorType.ACCENT4);
    const cell = sheet().getRange('C3');
    cell.setTextStyle(style);
    const read = cell.getTextStyle();
    expect(read.getFontSize()).toBe(20);
    expect(read.getForegroundColorObject().asThemeColor().getThemeColorType()).toBe(app.ThemeColorType.ACCENT4);
    expect(cell.getFontColorObject().asThemeColor().getThemeColorType()).toBe(app.ThemeColorType.ACCENT4);
  });
});

test('Spreadsheet.getSpreadsheetTheme / setSpreadsheetTheme / resetSpreadsheetTheme and SpreadsheetTheme', () => {
  const { ws, app, run, ss, sheet } = fresh();
  run(() => {
    // getSpreadsheetTheme: "Returns the current theme of the spreadsheet" — a new spreadsheet has the default theme.
    const theme = ss().getSpreadsheetTheme();
    // SpreadsheetTheme.getConcreteColor: "Returns the concrete Color for a valid theme color type."
    expect(theme.getConcreteColor(app.ThemeColorType.ACCENT1).asRgbColor().asHexString()).toBe('#4285f4');
    // getThemeColors: "Returns a list of all possible theme color types for the current theme."
    expect(theme.getThemeColors().map(String)).toEqual(['TEXT', 'BACKGROUND', 'ACCENT1', 'ACCENT2', 'ACCENT3', 'ACCENT4', 'ACCENT5', 'ACCENT6', 'HYPERLINK']);
    expect(theme.getThemeColors()[2]).toBe(app.ThemeColorType.ACCENT1);
    // getFontFamily: "Returns the font family of the theme, or null if it's a null theme."
    expect(theme.getFontFamily()).toBe('Arial');

    const cell = sheet().getRange('A1');
    cell.setBackgroundObject(app.newColor().setThemeColor(app.ThemeColorType.ACCENT1).build());
    sheet().getRange('A2').setBackground('#4285f4');
    // setConcreteColor: "Sets the concrete color associated with the ThemeColorType in this color scheme to the given color."
    // A SpreadsheetTheme is changed as a copy: "To set a theme on a spreadsheet, use Spreadsheet.setSpreadsheetTheme(theme)."
    theme.setConcreteColor(app.ThemeColorType.ACCENT1, app.newColor().setRgbColor('#aa0000').build()).setFontFamily('Lato');
    expect(ss().getSpreadsheetTheme().getConcreteColor(app.ThemeColorType.ACCENT1).asRgbColor().asHexString()).toBe('#4285f4');
    // setSpreadsheetTheme: "Sets a theme on the spreadsheet." Theme-coloured cells take the new colour; RGB cells keep theirs.
    const applied = ss().setSpreadsheetTheme(theme);
    expect(applied.getFontFamily()).toBe('Lato');
    expect(cell.getBackground()).toBe('#aa0000');
    expect(cell.getBackgroundObject().asThemeColor().getThemeColorType()).toBe(app.ThemeColorType.ACCENT1);
    expect(sheet().getRange('A2').getBackground()).toBe('#4285f4');
    // setConcreteColor(themeColorType, red, green, blue): "… to the given color in RGB format."
    ss().setSpreadsheetTheme(ss().getSpreadsheetTheme().setConcreteColor(app.ThemeColorType.ACCENT1, 0, 128, 255));
    expect(cell.getBackground()).toBe('#0080ff');
    expect(caught(() => theme.setConcreteColor(app.ThemeColorType.ACCENT2, app.newColor().setThemeColor(app.ThemeColorType.TEXT).build())).message)
      .toBe('Object is not of type RgbColor.');
    // resetSpreadsheetTheme: "Removes the applied theme and sets the default theme on the spreadsheet."
    expect(ss().resetSpreadsheetTheme().getFontFamily()).toBe('Arial');
    expect(cell.getBackground()).toBe('#4285f4');
    ss().setSpreadsheetTheme(theme);
  });
  // The theme is saved with the spreadsheet.
  const again = SpreadsheetModel.fromJSON(JSON.parse(JSON.stringify(ws.model.toJSON())));
  expect(again.theme?.colors.ACCENT1).toBe('#aa0000');
});
