// How a conditional format rule's conditions print. The reference names the classes BooleanCondition
// and GradientCondition but documents no toString; Apps Script prints the Java class names, which
// gas-fakes' suite checks against live Apps Script (testconditionalformat.js: "getBooleanCondition()
// should return ConditionalFormatBooleanCondition").
import { testContext } from './fixtures/context';
import { SpreadsheetModel, createSpreadsheetApp } from '../../scripts/emulator/spreadsheet';

type App = GoogleAppsScript.Spreadsheet.SpreadsheetApp;

test('String(condition) is ConditionalFormatBooleanCondition / ConditionalFormatGradientCondition', () => {
  const model = new SpreadsheetModel({ id: 'sheet-id-1', name: 'Dealboard', timeZone: 'Europe/Berlin' });
  const { ctx } = testContext(() => model.timeZone);
  const app = createSpreadsheetApp(ctx, model, { getUi: () => ({}), toast: () => undefined }) as App;
  const sheet = app.getActiveSpreadsheet().getSheetByName('Sheet1')!;
  // getBooleanCondition: "Retrieves the rule's BooleanCondition information if this rule uses boolean condition criteria."
  const bool = app.newConditionalFormatRule().whenNumberGreaterThan(50).setBackground('#ff0000').setRanges([sheet.getRange('A1:A3')]).build();
  expect(String(bool.getBooleanCondition())).toBe('ConditionalFormatBooleanCondition');
  expect(`${bool.getBooleanCondition()}`).toBe('ConditionalFormatBooleanCondition');
  // getGradientCondition: "Retrieves the rule's GradientCondition information, if this rule uses gradient condition criteria."
  const gradient = app.newConditionalFormatRule().setGradientMinpoint('#00ff00').setGradientMaxpoint('#0000ff').setRanges([sheet.getRange('B1:B3')]).build();
  expect(String(gradient.getGradientCondition())).toBe('ConditionalFormatGradientCondition');
  // The rule and the builder keep their reference names.
  expect(String(bool)).toBe('ConditionalFormatRule');
});
