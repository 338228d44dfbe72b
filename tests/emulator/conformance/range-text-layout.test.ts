// Range text rotation and direction (reference/spreadsheet/range, text-rotation, text-direction).
import { caught, env } from './env';

describe('Range text rotation', () => {
  test('setTextRotation / getTextRotation(s): "Sets the text rotation settings for the cells in the range."', () => {
    const { run, sheet } = env();
    run(() => {
      const r = sheet().getRange('B2:C3');
      // A fresh cell: "Returns the text rotation settings for the top left cell of the range."
      expect(r.getTextRotation().getDegrees()).toBe(0);
      expect(r.getTextRotation().isVertical()).toBe(false);
      r.setTextRotation(45);
      // getDegrees: "Gets the angle between standard text orientation and the current text orientation."
      expect(r.getTextRotations().flat().map((x) => x.getDegrees())).toEqual([45, 45, 45, 45]);
      expect(String(r.getTextRotation())).toBe('TextRotation');
      r.setTextRotations([[-2, 9], [89, null]] as unknown as GoogleAppsScript.Spreadsheet.TextRotation[][]); // gas-fakes' live-verified form: degrees
      expect(r.getTextRotations().flat().map((x) => x.getDegrees())).toEqual([-2, 9, 89, 0]);
      // The Sheets API's TextRotation.angle: "Valid values are between -90 and 90."
      expect(caught(() => r.setTextRotation(91)).name).toBe('Exception');
      // A TextRotation read from a cell can be applied to another (the TextRotation overload).
      sheet().getRange('E5').setTextRotation(sheet().getRange('B2').getTextRotation());
      expect(sheet().getRange('E5').getTextRotation().getDegrees()).toBe(-2);
    });
  });

  test('setVerticalText: "If the text is stacked vertically, the degree text rotation setting is ignored."', () => {
    const { run, sheet } = env();
    run(() => {
      const r = sheet().getRange('A1').setTextRotation(30);
      r.setVerticalText(true);
      // getDegrees: "If the text is set to stack vertically, this method returns 0."
      expect(r.getTextRotation().getDegrees()).toBe(0);
      expect(r.getTextRotation().isVertical()).toBe(true);
      r.setVerticalText(false);
      expect(r.getTextRotation().isVertical()).toBe(false);
      expect(r.getTextRotation().getDegrees()).toBe(0);
    });
  });

  test('clearFormat resets rotation and direction; a RangeList applies them range by range', () => {
    const { run, sheet, g } = env();
    run(() => {
      const list = sheet().getRangeList(['A1', 'C3']);
      list.setTextRotation(45).setTextDirection(g.SpreadsheetApp.TextDirection.RIGHT_TO_LEFT);
      expect(sheet().getRange('C3').getTextRotation().getDegrees()).toBe(45);
      expect(sheet().getRange('C3').getTextDirection()).toBe(g.SpreadsheetApp.TextDirection.RIGHT_TO_LEFT);
      sheet().getRange('A1:C3').clearFormat();
      expect(sheet().getRange('C3').getTextRotation().getDegrees()).toBe(0);
      expect(sheet().getRange('C3').getTextDirection()).toBeNull();
    });
  });
});

describe('Range text direction', () => {
  test('getTextDirection: "Returns null if the cell text direction is determined with automatic detection."', () => {
    const { run, sheet, g } = env();
    run(() => {
      const r = sheet().getRange('A1:B1');
      expect(r.getTextDirection()).toBeNull();
      const TD = g.SpreadsheetApp.TextDirection;
      r.setTextDirections([[TD.LEFT_TO_RIGHT, null as unknown as GoogleAppsScript.Spreadsheet.TextDirection]]);
      // Enum values, not strings, as on Apps Script.
      expect(r.getTextDirections()).toEqual([[TD.LEFT_TO_RIGHT, null]]);
      r.setTextDirection(TD.RIGHT_TO_LEFT);
      expect(r.getTextDirections()).toEqual([[TD.RIGHT_TO_LEFT, TD.RIGHT_TO_LEFT]]);
      r.setTextDirection(null as unknown as GoogleAppsScript.Spreadsheet.TextDirection);
      expect(r.getTextDirection()).toBeNull();
      expect(caught(() => r.setTextDirections([[TD.LEFT_TO_RIGHT]])).message).toMatch(/number of columns/);
    });
  });
});
