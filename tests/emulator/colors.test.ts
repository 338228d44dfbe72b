// Colour objects against the Apps Script reference (Class Color, ColorBuilder, RgbColor, ThemeColor,
// Range.get/setBackgroundObject(s), get/setFontColorObject(s)), quoted per test.
import { createWorkspace } from '../../scripts/emulator/workspace';
import { caught } from './fixtures/context';

/* eslint-disable @typescript-eslint/no-explicit-any */
type Any = any;

function fresh() {
  const ws = createWorkspace({ now: '2026-11-23T09:00:00Z', user: 'owner@studio.test' });
  const app = (ws.globals as Any).SpreadsheetApp;
  const run = <T>(fn: () => T) => ws.execute(fn);
  return { ws, app, run, sheet: () => app.getActive().getSheets()[0] };
}

test('newColor().setRgbColor().build(): an RGB Color; asRgbColor().asHexString()', () => {
  const { app, run } = fresh();
  run(() => {
    // ColorBuilder.setRgbColor: "Sets as RGB color." build: "Creates a color object from the settings supplied to the builder."
    const color = app.newColor().setRgbColor('#FF8800').build();
    // getColorType: "Get the type of this color." (a ColorType value)
    expect(color.getColorType()).toBe(app.ColorType.RGB);
    // RgbColor.asHexString: "Returns the color as a CSS-style 7 character hexadecimal string (#rrggbb)."
    expect(color.asRgbColor().asHexString()).toBe('#ff8800');
    expect([color.asRgbColor().getRed(), color.asRgbColor().getGreen(), color.asRgbColor().getBlue()]).toEqual([255, 136, 0]);
    expect(color.asRgbColor().getColorType()).toBe(app.ColorType.RGB);
    expect(caught(() => color.asThemeColor()).message).toBe('Object is not of type ThemeColor.');
    expect(app.newColor().getColorType()).toBe(app.ColorType.UNSUPPORTED);
    expect(caught(() => app.newColor().setRgbColor('not a colour')).message).toBe('Invalid argument: cssString');
  });
});

test('theme colours: setThemeColor, asThemeColor().getThemeColorType()', () => {
  const { app, run, sheet } = fresh();
  run(() => {
    // ColorBuilder.setThemeColor: "Sets as theme color."
    const accent = app.newColor().setThemeColor(app.ThemeColorType.ACCENT1).build();
    expect(accent.getColorType()).toBe(app.ColorType.THEME);
    // Color.asThemeColor: "Converts this color to a ThemeColor."
    expect(accent.asThemeColor().getThemeColorType()).toBe(app.ThemeColorType.ACCENT1);
    expect(accent.asThemeColor().getColorType()).toBe(app.ColorType.THEME);
    expect(caught(() => accent.asRgbColor()).message).toBe('Object is not of type RgbColor.');
    // A theme colour paints the theme's concrete colour (the default theme's ACCENT1).
    const range = sheet().getRange('A1');
    range.setBackgroundObject(accent);
    expect(range.getBackground()).toBe('#4285f4');
    expect(caught(() => app.newColor().setThemeColor('PURPLE')).message).toBe('Invalid argument: themeColorType');
  });
});

test('Range background and font colour objects, one and per cell', () => {
  const { app, run, sheet } = fresh();
  run(() => {
    const range = sheet().getRange('A1:B2');
    const red = app.newColor().setRgbColor('#ff0000').build();
    // setBackgroundObject: "Sets the background color of all cells in the range."
    range.setBackgroundObject(red);
    expect(range.getBackgrounds()).toEqual([['#ff0000', '#ff0000'], ['#ff0000', '#ff0000']]);
    // getBackgroundObject: "Returns the background color of the top-left cell in the range."
    expect(range.getBackgroundObject().asRgbColor().asHexString()).toBe('#ff0000');
    const blue = app.newColor().setRgbColor('#0000ff').build();
    range.setFontColorObjects([[red, blue], [blue, null]]);
    expect(range.getFontColorObjects().map((row: Any[]) => row.map((c) => c.asRgbColor().asHexString())))
      .toEqual([['#ff0000', '#0000ff'], ['#0000ff', '#000000']]);
    expect(range.getFontColorObject().asRgbColor().asHexString()).toBe('#ff0000');
    range.setBackgroundObjects([[blue, blue], [red, red]]);
    expect(range.getBackgroundObjects()[1][0].asRgbColor().asHexString()).toBe('#ff0000');
    expect(caught(() => range.setBackgroundObjects([[blue]])).message)
      .toBe('The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 2.');
  });
});
