// Apps Script enum values are objects (reference, "Enum BorderStyle": "To call an enum, you call its
// parent class, name, and property. For example, SpreadsheetApp.BorderStyle.DOTTED."), each value
// one object; toString() and name() give the property name. Values the emulator hands back are the
// same objects, so scripts compare them by identity, and older code comparing names still works.
import { createWorkspace } from '../../scripts/emulator/workspace';

/* eslint-disable @typescript-eslint/no-explicit-any */
type Any = any;

function fresh() {
  const ws = createWorkspace({ now: '2026-11-23T09:00:00Z', user: 'owner@studio.test' });
  const app = (ws.globals as Any).SpreadsheetApp;
  return { ws, app, run: <T>(fn: () => T) => ws.execute(fn) };
}

test('enum values are objects with toString(), name() and ordinal(), compared by identity', () => {
  const { app } = fresh();
  const dotted = app.BorderStyle.DOTTED;
  expect(typeof dotted).toBe('object');
  expect(dotted.toString()).toBe('DOTTED');
  expect(dotted.name()).toBe('DOTTED');
  expect(`${dotted}`).toBe('DOTTED');
  expect(String(dotted)).toBe('DOTTED');
  expect(JSON.stringify({ style: dotted })).toBe('{"style":"DOTTED"}');
  // Loose equality with the name holds (the value converts to its name); strict equality does not.
  expect(dotted == ('DOTTED' as Any)).toBe(true); // eslint-disable-line eqeqeq
  expect(dotted === ('DOTTED' as Any)).toBe(false);
  expect(app.BorderStyle.DOTTED).toBe(dotted);
  expect(app.BorderStyle.DASHED).not.toBe(dotted);
  expect([dotted.ordinal(), app.BorderStyle.DASHED.ordinal()]).toEqual([0, 1]);
  expect(Object.keys(app.BorderStyle)).toEqual(['DOTTED', 'DASHED', 'SOLID', 'SOLID_MEDIUM', 'SOLID_THICK', 'DOUBLE']);
});

test('values handed back are the enum objects; enum arguments and their names both work', () => {
  const { app, run } = fresh();
  run(() => {
    const sheet = app.getActive().getSheets()[0];
    const rule = app.newDataValidation().requireValueInList(['a', 'b']).build();
    // getCriteriaType: "Gets the rule's criteria type as defined in the DataValidationCriteria enum."
    expect(rule.getCriteriaType()).toBe(app.DataValidationCriteria.VALUE_IN_LIST);
    expect(rule.getCriteriaType().toString()).toBe('VALUE_IN_LIST');
    const p = sheet.protect();
    expect(p.getProtectionType()).toBe(app.ProtectionType.SHEET);
    expect(sheet.getProtections(app.ProtectionType.SHEET).length).toBe(1);
    expect(sheet.getType()).toBe(app.SheetType.GRID);
    const range = sheet.getRange('A1:B1');
    range.setWrapStrategy(app.WrapStrategy.CLIP);
    expect(range.getWrapStrategy()).toBe(app.WrapStrategy.CLIP);
    expect(range.getWrapStrategies()).toEqual([[app.WrapStrategy.CLIP, app.WrapStrategy.CLIP]]);
    range.setValues([[1, 2]]);
    range.copyTo(sheet.getRange('A2'), app.CopyPasteType.PASTE_VALUES, false);
    expect(sheet.getRange('A2:B2').getValues()).toEqual([[1, 2]]);
    range.setBorder(true, true, true, true, null, null, '#000000', app.BorderStyle.DOTTED);
    const cf = app.newConditionalFormatRule().whenDateBefore(app.RelativeDate.TODAY).setRanges([range]).setBackground('#ff0000').build();
    expect(cf.getBooleanCondition().getCriteriaType()).toBe(app.BooleanCriteria.DATE_BEFORE_RELATIVE);
  });
});
