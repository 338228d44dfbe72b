// Script writes under protections (issue 20 leftover): the spreadsheet model's one write gate
// (scripts/emulator/spreadsheet/writeGate.ts). A script runs as its user, so Sheets refuses it a
// write into a range or sheet that user may not edit, with the message Sheets answers:
// "You are trying to edit a protected cell or object. Please contact the spreadsheet owner to
// remove protection if you need to edit." (the text Sheets returns for such a write, as quoted in
// github.com/theoephraim/node-google-spreadsheet/pull/20). The reference (Class Protection):
// "The spreadsheet owner is always able to edit protected ranges and sheets" (canEdit);
// "Warning-based protection means that every user can edit data in the area, except editing
// prompts a warning" (setWarningOnly); until the script changes the editors "the permissions
// mirror those of the spreadsheet itself, which effectively means that the range remains
// unprotected" (Range.protect).
import { testContext, caught } from './fixtures/context';
import { SpreadsheetModel, createSpreadsheetApp, PROTECTED_EDIT_MESSAGE } from '../../scripts/emulator/spreadsheet';
import { EmuRange, EmuSheet, EmuSpreadsheet } from '../../scripts/emulator/spreadsheet/objects';
import { WRITE_MEMBERS } from '../../scripts/emulator/spreadsheet/writeGate';

type App = GoogleAppsScript.Spreadsheet.SpreadsheetApp;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

function setup() {
  const model = new SpreadsheetModel({ id: 'sheet-id-1', name: 'Dealboard', timeZone: 'Europe/Berlin' });
  model.owner = 'owner@studio.test';
  const base = testContext(() => model.timeZone);
  let who = 'owner@studio.test';
  const ctx = { ...base.ctx, currentUser: () => who, currentExecution: () => ({ id: 1, user: who, authMode: 'FULL' as const }) };
  const app = createSpreadsheetApp(ctx, model, { getUi: () => ({}), toast: () => undefined }) as App;
  const ss = () => app.getActiveSpreadsheet();
  const sheet = () => ss().getSheetByName('Sheet1')!;
  return { model, app, ss, sheet, as: (email: string) => { who = email; } };
}

/** A1:B5 protected for the owner and the head only; the sheet holds a little data. */
function protectedBlock() {
  const t = setup();
  t.sheet().getRange('A1:C6').setValues([['a', 'b', 'c'], [1, 2, 3], [4, 5, 6], [7, 8, 9], [10, 11, 12], [13, 14, 15]]);
  t.as('head@studio.test');
  const p = t.sheet().getRange('A1:B5').protect().setDescription('owner and head');
  p.removeEditors(p.getEditors());
  t.as('anna@studio.test');
  return t;
}

const refused = (fn: () => unknown) => expect(caught(fn).message).toBe(PROTECTED_EDIT_MESSAGE);

describe('script writes into a protected range are refused to a user who may not edit it', () => {
  test('setValue, setValues, setFormula, clear, setNumberFormat, setBackground: refused, nothing changes', () => {
    const { sheet } = protectedBlock();
    refused(() => sheet().getRange('A2').setValue('x'));
    refused(() => sheet().getRange('B4:C5').setValues([[0, 0], [0, 0]])); // overlaps B4:B5
    refused(() => sheet().getRange('A3').setFormula('=1+1'));
    refused(() => sheet().getRange('A1:C1').clear());
    refused(() => sheet().getRange('A2').setNumberFormat('0.00'));
    refused(() => sheet().getRange('B2').setBackground('#ff0000'));
    refused(() => sheet().getRange('A1:A2').setNotes([['n'], ['n']]));
    expect(sheet().getRange('A1:C2').getValues()).toEqual([['a', 'b', 'c'], [1, 2, 3]]);
    expect(sheet().getRange('B2').getBackground()).toBe('#ffffff');
  });

  test('cells outside the protected range stay writable', () => {
    const { sheet } = protectedBlock();
    sheet().getRange('C2').setValue('fine');
    sheet().getRange('A6:C6').setValues([['x', 'y', 'z']]);
    sheet().appendRow(['appended']);
    expect(sheet().getRange('C2').getValue()).toBe('fine');
    expect(sheet().getRange('A7').getValue()).toBe('appended');
  });

  test('"The spreadsheet owner is always able to edit protected ranges and sheets."', () => {
    const { sheet, as } = protectedBlock();
    as('owner@studio.test');
    sheet().getRange('A2').setValue('by the owner');
    expect(sheet().getRange('A2').getValue()).toBe('by the owner');
  });

  test('an editor listed on the protection may write (the head removed everyone else, not herself)', () => {
    const { sheet, as } = protectedBlock();
    as('head@studio.test');
    sheet().getRange('A2:B2').setValues([['h', 'h']]);
    expect(sheet().getRange('A2:B2').getValues()).toEqual([['h', 'h']]);
    // addEditor: "Adds the given user to the list of editors for the protected sheet or range."
    sheet().getProtections(SpreadsheetApp_PT('RANGE'))[0].addEditor('anna@studio.test');
    as('anna@studio.test');
    sheet().getRange('A3').setValue('anna now may');
    expect(sheet().getRange('A3').getValue()).toBe('anna now may');
  });

  test('"Warning-based protection means that every user can edit data in the area" — a script is not stopped', () => {
    const { sheet, as } = protectedBlock();
    as('head@studio.test');
    sheet().getProtections(SpreadsheetApp_PT('RANGE'))[0].setWarningOnly(true);
    as('anna@studio.test');
    sheet().getRange('A2').setValue('warned only');
    expect(sheet().getRange('A2').getValue()).toBe('warned only');
  });

  test('"the permissions mirror those of the spreadsheet itself, which effectively means that the range remains unprotected"', () => {
    const { sheet, as } = setup();
    sheet().getRange('A1:B2').protect();
    as('anna@studio.test');
    sheet().getRange('A1').setValue('still open');
    expect(sheet().getRange('A1').getValue()).toBe('still open');
  });

  test('copyTo and moveTo are refused when the destination (or moved source) is protected; a protected source may be copied from', () => {
    const { sheet } = protectedBlock();
    refused(() => sheet().getRange('C2').copyTo(sheet().getRange('A2')));
    refused(() => sheet().getRange('A2').moveTo(sheet().getRange('D2')));
    refused(() => sheet().getRange('C2').copyValuesToRange(sheet(), 1, 1, 2, 2));
    sheet().getRange('A2').copyTo(sheet().getRange('D2'));
    expect(sheet().getRange('D2').getValue()).toBe(1);
  });

  test('sort, trimWhitespace, removeDuplicates, insertCheckboxes, merge, setDataValidation, deleteCells over the range: refused', () => {
    const { sheet, app } = protectedBlock();
    refused(() => sheet().getRange('A2:C5').sort(1));
    refused(() => sheet().getRange('A2:A5').trimWhitespace());
    refused(() => sheet().getRange('A2:C5').removeDuplicates());
    refused(() => sheet().getRange('B2').insertCheckboxes());
    refused(() => sheet().getRange('A2:B2').merge());
    refused(() => sheet().getRange('A2').setDataValidation(app.newDataValidation().requireCheckbox().build()));
    refused(() => sheet().getRange('A4').deleteCells(app.Dimension.ROWS)); // shifts A5 up into A4
    sheet().getRange('C1').deleteCells(app.Dimension.COLUMNS); // shifts D1… left: nothing protected
    expect(sheet().getRange('C1').getValue()).toBe('');
  });

  test('row and column structure: deleting a protected row or column, or inserting inside the range, is refused; around it is not', () => {
    const { sheet } = protectedBlock();
    refused(() => sheet().deleteRow(3));
    refused(() => sheet().deleteRows(5, 2));
    refused(() => sheet().deleteColumn(2));
    refused(() => sheet().insertRowAfter(2)); // between rows 2 and 3, inside A1:B5
    refused(() => sheet().insertColumnBefore(2));
    refused(() => sheet().clear());
    sheet().insertRowsAfter(5, 1); // below the range: it only moves nothing
    sheet().deleteColumn(3);
    sheet().insertColumnAfter(2);
    expect(sheet().getLastRow()).toBe(7);
  });

  test('the Spreadsheet\'s active-sheet shortcuts, RangeList and TextFinder go through the same gate', () => {
    const { ss, sheet } = protectedBlock();
    refused(() => ss().deleteRows(2, 1));
    refused(() => ss().getRange('Sheet1!A2').setValue('x'));
    refused(() => sheet().getRangeList(['C2', 'A2']).setValue('x'));
    refused(() => sheet().createTextFinder('4').replaceAllWith('x'));
    expect(sheet().getRange('A3').getValue()).toBe(4);
  });
});

describe('a protected sheet', () => {
  function protectedSheet() {
    const t = setup();
    t.sheet().getRange('A1').setValue('kept');
    const p = t.sheet().protect().setDescription('owner only');
    p.removeEditors(p.getEditors());
    t.as('anna@studio.test');
    return t;
  }

  test('refuses cell writes, appendRow, inserts and changes to the sheet as an object; the owner may', () => {
    const { sheet, ss, as } = protectedSheet();
    refused(() => sheet().getRange('Z100').setValue('x'));
    refused(() => sheet().appendRow(['x']));
    refused(() => sheet().insertRowsBefore(1, 1));
    refused(() => sheet().setName('Renamed'));
    refused(() => sheet().setFrozenRows(1));
    refused(() => sheet().setColumnWidth(1, 200));
    refused(() => sheet().hideSheet());
    refused(() => ss().deleteSheet(sheet()));
    expect(sheet().getName()).toBe('Sheet1');
    as('owner@studio.test');
    sheet().appendRow(['owner']);
    sheet().setName('Renamed');
    expect(ss().getSheetByName('Renamed')!.getRange('A2').getValue()).toBe('owner');
  });

  test('another sheet of the same file stays writable', () => {
    const { ss } = protectedSheet();
    const other: Sheet = ss().insertSheet('Other');
    other.getRange('A1').setValue('free');
    expect(other.getRange('A1').getValue()).toBe('free');
  });
});

describe('every member that writes goes through the gate', () => {
  // Members that are not writes (or write only through another member that the gate checks).
  const NOT_WRITES: Record<string, string[]> = {
    Range: [
      'activate', 'createTextFinder', 'offset', 'protect',
      // developer metadata is neither cells nor the sheet object (the emulator's reading)
      'addDeveloperMetadata', 'createDeveloperMetadataFinder',
      // emulator internals, not Apps Script members
      'alive', 'checkDims', 'checkValidation', 'computed', 'fillLayer', 'formulaContext', 'readLayer', 'ref', 'self', 'setCheckState', 'setGrid', 'tz', 'writeGrid',
    ],
    Sheet: [
      'activate', 'createTextFinder', 'newChart', 'protect', 'setActiveRange', 'setCurrentCell',
      'addDeveloperMetadata', 'createDeveloperMetadataFinder',
      'copyTo', // makes a new sheet in the destination spreadsheet
      'alive', 'self', 'writeRowChecked',
    ],
    Spreadsheet: [
      // file sharing, menus, new objects, selection, file settings
      'addEditor', 'addEditors', 'addMenu', 'addViewer', 'addViewers', 'copy', 'create', 'createTextFinder', 'duplicateActiveSheet',
      'addDeveloperMetadata', 'createDeveloperMetadataFinder',
      'insertSheet', 'model', 'moveActiveSheet', 'newCellImage', 'newColor', 'newRichTextValue', 'newTextStyle', 'openById', 'openByUrl',
      'removeNamedRange', 'rename', 'setActiveRange', 'setActiveSelection', 'setActiveSheet', 'setCurrentCell', 'setNamedRange',
      'setSpreadsheetLocale', 'setSpreadsheetTimeZone', 'toast', 'updateMenu',
      // the theme is a file setting like the locale (it recolours theme-coloured cells: themeColors.ts)
      'resetSpreadsheetTheme', 'setSpreadsheetTheme',
      // active-sheet shortcuts: they call the active Sheet's wrapped member, which the gate checks
      'appendRow', 'autoResizeColumn', 'deleteActiveSheet', 'deleteColumn', 'deleteColumns', 'deleteRow', 'deleteRows', 'hideColumn', 'hideRow',
      'insertColumnAfter', 'insertColumnBefore', 'insertColumnsAfter', 'insertColumnsBefore', 'insertRowAfter', 'insertRowBefore',
      'insertRowsAfter', 'insertRowsBefore', 'renameActiveSheet', 'setColumnWidth', 'setFrozenColumns', 'setFrozenRows', 'setRowHeight',
      'sort', 'unhideColumn', 'unhideRow',
    ],
  };

  test.each([['Range', EmuRange], ['Sheet', EmuSheet], ['Spreadsheet', EmuSpreadsheet]] as const)('%s: each member that is not a getter is a gated write or listed as no write', (name, cls) => {
    const members = Object.getOwnPropertyNames((cls as unknown as { prototype: object }).prototype)
      .filter((k) => k !== 'constructor' && !/^(get|is|has|can)[A-Z]/.test(k));
    const unclassified = members.filter((m) => !(m in WRITE_MEMBERS[name]) && !NOT_WRITES[name].includes(m));
    expect(unclassified).toEqual([]);
    // and the table names only members that exist
    expect(Object.keys(WRITE_MEMBERS[name]).filter((m) => !members.includes(m))).toEqual([]);
  });
});

function SpreadsheetApp_PT(type: 'SHEET' | 'RANGE'): GoogleAppsScript.Spreadsheet.ProtectionType {
  return type as unknown as GoogleAppsScript.Spreadsheet.ProtectionType;
}
