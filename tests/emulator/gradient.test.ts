// Gradient (colour scale) conditional format rules (issue 27): ConditionalFormatRuleBuilder's
// setGradient* and the GradientCondition getters, each test quoting the Apps Script reference
// (developers.google.com/apps-script/reference/spreadsheet/conditional-format-rule-builder,
// .../gradient-condition).
import { testContext, caught } from './fixtures/context';
import { SpreadsheetModel, createSpreadsheetApp } from '../../scripts/emulator/spreadsheet';

type App = GoogleAppsScript.Spreadsheet.SpreadsheetApp;

function setup() {
  const model = new SpreadsheetModel({ id: 'sheet-id-1', name: 'Dealboard', timeZone: 'Europe/Berlin' });
  const { ctx } = testContext(() => model.timeZone);
  const app = createSpreadsheetApp(ctx, model, { getUi: () => ({}), toast: () => undefined }) as App;
  const sheet = app.getActiveSpreadsheet().getSheetByName('Sheet1')!;
  return { app, sheet };
}

describe('ConditionalFormatRuleBuilder gradients', () => {
  test('setGradientMaxpoint/setGradientMinpoint: "Clears the conditional format rule\'s gradient maxpoint value, and instead uses the maximum value in the rule\'s ranges. Also sets the gradient\'s maxpoint color to the input color."', () => {
    const { app, sheet } = setup();
    const rule = app.newConditionalFormatRule()
      .setGradientMaxpointWithValue('#0000FF', app.InterpolationType.NUMBER, '100')
      .setGradientMaxpoint('#FF0000')
      .setGradientMinpoint('#FFFFFF')
      .setRanges([sheet.getRange('A1:B3')])
      .build();
    const g = rule.getGradientCondition()!;
    expect(g.getMaxColor()).toBe('#FF0000');
    expect(g.getMaxType()).toBe(app.InterpolationType.MAX);
    // getMaxValue: "Returns an empty string if the InterpolationType is MAX or if the max value hasn't been set."
    expect(g.getMaxValue()).toBe('');
    expect(g.getMinColor()).toBe('#FFFFFF');
    expect(g.getMinType()).toBe(app.InterpolationType.MIN);
    expect(g.getMinValue()).toBe('');
    // getMidType: "Returns null if the gradient mid type hasn't been set."; getMidColor: "Returns an empty string if the color hasn't been set."
    expect(g.getMidType()).toBeNull();
    expect(g.getMidColor()).toBe('');
    expect(g.getMidValue()).toBe('');
  });

  test('the *WithValue setters: "Sets the conditional format rule\'s gradient maxpoint fields." (the reference\'s 0 / 50 / 100 example)', () => {
    const { app, sheet } = setup();
    const rule = app.newConditionalFormatRule()
      .setGradientMaxpointWithValue('#0000FF', app.InterpolationType.NUMBER, '100')
      .setGradientMidpointWithValue('#00FF00', app.InterpolationType.NUMBER, '50')
      .setGradientMinpointWithValue('#FF0000', app.InterpolationType.NUMBER, '0')
      .setRanges([sheet.getRange('A1:B3')])
      .build();
    sheet.setConditionalFormatRules([rule]);
    const g = sheet.getConditionalFormatRules()[0].getGradientCondition()!;
    expect([g.getMinColor(), g.getMinValue(), String(g.getMinType())]).toEqual(['#FF0000', '0', 'NUMBER']);
    expect([g.getMidColor(), g.getMidValue(), String(g.getMidType())]).toEqual(['#00FF00', '50', 'NUMBER']);
    expect([g.getMaxColor(), g.getMaxValue(), String(g.getMaxType())]).toEqual(['#0000FF', '100', 'NUMBER']);
    // getMaxColorObject: "Gets the color set for the maximum value of this gradient condition."
    const c = (g as unknown as { getMaxColorObject(): GoogleAppsScript.Spreadsheet.Color }).getMaxColorObject();
    expect(c.asRgbColor().asHexString().toLowerCase()).toBe('#0000ff');
    // the rule is a gradient rule: getBooleanCondition "Otherwise, returns null."
    expect(sheet.getConditionalFormatRules()[0].getBooleanCondition()).toBeNull();
  });

  test('setGradientMidpointWithValue: "Clears all of the midpoint fields if the passed in interpolation type is null."', () => {
    const { app } = setup();
    const b = app.newConditionalFormatRule()
      .setGradientMidpointWithValue('#00FF00', app.InterpolationType.PERCENT, '50')
      .setGradientMidpointWithValue('#00FF00', null as unknown as GoogleAppsScript.Spreadsheet.InterpolationType, '50');
    const g = b.getGradientCondition()!;
    expect(g.getMidType()).toBeNull();
    expect(g.getMidColor()).toBe('');
    expect(g.getMidValue()).toBe('');
  });

  test('getGradientCondition: "If this rule uses gradient condition criteria ... Otherwise, returns null." — a boolean rule has none', () => {
    const { app } = setup();
    expect(app.newConditionalFormatRule().whenNumberBetween(1, 10).setBackground('#FF0000').getGradientCondition()).toBeNull();
    expect(app.newConditionalFormatRule().whenCellEmpty().build().getGradientCondition()).toBeNull();
  });

  test('copy() keeps the gradient and the copy is independent', () => {
    const { app } = setup();
    const rule = app.newConditionalFormatRule().setGradientMinpoint('#FFFFFF').setGradientMaxpoint('#FF0000').build();
    const changed = rule.copy().setGradientMaxpoint('#000000').build();
    expect(rule.getGradientCondition()!.getMaxColor()).toBe('#FF0000');
    expect(changed.getGradientCondition()!.getMaxColor()).toBe('#000000');
    expect(changed.getGradientCondition()!.getMinColor()).toBe('#FFFFFF');
  });

  test('a wrong interpolation type fails with the signature error', () => {
    const { app } = setup();
    const e = caught(() => app.newConditionalFormatRule().setGradientMaxpointWithValue('#0000FF', 'LOUD' as unknown as GoogleAppsScript.Spreadsheet.InterpolationType, '1'));
    expect(e.message).toBe("The parameters (String,String,String) don't match the method signature for SpreadsheetApp.ConditionalFormatRuleBuilder.setGradientMaxpointWithValue.");
  });
});
