// ConditionalFormatRule's conditions as Color objects (reference/spreadsheet/boolean-condition, gradient-condition).
import { env } from './env';

type BoolWithObjects = GoogleAppsScript.Spreadsheet.BooleanCondition & {
  getBackgroundObject(): GoogleAppsScript.Spreadsheet.Color | null;
  getFontColorObject(): GoogleAppsScript.Spreadsheet.Color | null;
};

test('BooleanCondition.getBackgroundObject / getFontColorObject: "Gets the background color for this boolean condition. Returns null if not set."', () => {
  const { run, sheet, g } = env();
  run(() => {
    const s = sheet();
    const rule = g.SpreadsheetApp.newConditionalFormatRule().whenNumberGreaterThan(50).setBackground('#FF0000')
      .setRanges([s.getRange('A1:A10')]).build();
    const cond = rule.getBooleanCondition() as BoolWithObjects;
    // A Color's hex is lowercase, as live Apps Script gives it (gas-fakes' suite).
    expect(cond.getBackgroundObject()!.asRgbColor().asHexString()).toBe('#ff0000');
    expect(cond.getFontColorObject()).toBeNull();
    const grad = g.SpreadsheetApp.newConditionalFormatRule().setGradientMinpoint('#00FF00').setGradientMaxpoint('#0000ff')
      .setRanges([s.getRange('C1:C10')]).build().getGradientCondition() as unknown as { getMinColorObject(): GoogleAppsScript.Spreadsheet.Color };
    expect(grad.getMinColorObject().asRgbColor().asHexString()).toBe('#00ff00');
  });
});
