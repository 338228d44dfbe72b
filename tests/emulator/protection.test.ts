// Protection as the Apps Script reference describes it (developers.google.com/apps-script/reference/spreadsheet/protection,
// range#protect(), sheet#protect()); each test quotes the sentence it checks. Hand edits as a person are refused by
// Workspace.editCell the way the Sheets editor refuses them.
import { testContext, caught } from './fixtures/context';
import { SpreadsheetModel, createSpreadsheetApp, PROTECTED_EDIT_MESSAGE } from '../../scripts/emulator/spreadsheet';
import { createWorkspace } from '../../scripts/emulator/workspace';

type App = GoogleAppsScript.Spreadsheet.SpreadsheetApp;

function setup() {
  const model = new SpreadsheetModel({ id: 'sheet-id-1', name: 'Dealboard', timeZone: 'Europe/Berlin' });
  model.owner = 'owner@studio.test';
  const base = testContext(() => model.timeZone);
  let who = 'owner@studio.test';
  const ctx = { ...base.ctx, currentUser: () => who, currentExecution: () => ({ id: 1, user: who, authMode: 'FULL' as const }) };
  const app = createSpreadsheetApp(ctx, model, { getUi: () => ({}), toast: () => undefined }) as App;
  const sheet = () => app.getActiveSpreadsheet().getSheetByName('Sheet1')!;
  return { model, app, sheet, as: (email: string) => { who = email; } };
}

describe('Protection (reference: Class Protection)', () => {
  test('"Until the script actually changes the list of editors for the range ... the permissions mirror those of the spreadsheet itself, which effectively means that the range remains unprotected."', () => {
    const { model, sheet } = setup();
    sheet().getRange('A1:B2').protect();
    expect(model.protectionRefusing('Sheet1', 1, 1, 'anna@studio.test')).toBeNull();
  });

  test('"Neither the owner of the spreadsheet nor the current user can be removed." (removeEditor) — others lose the range', () => {
    const { model, sheet, as } = setup();
    as('head@studio.test');
    const p = sheet().getRange('A1:B2').protect().setDescription('only the head and the owner');
    p.addEditor('anna@studio.test');
    p.removeEditors(p.getEditors());
    expect(p.getEditors().map((u) => u.getEmail()).sort()).toEqual(['head@studio.test', 'owner@studio.test']);
    expect(model.protectionRefusing('Sheet1', 2, 2, 'anna@studio.test')).not.toBeNull();
    expect(model.protectionRefusing('Sheet1', 3, 3, 'anna@studio.test')).toBeNull(); // outside the range
    expect(model.protectionRefusing('Sheet1', 1, 1, 'head@studio.test')).toBeNull();
  });

  test('canEdit: "Determines whether the user has permission to edit the protected range or sheet. The spreadsheet owner is always able to edit protected ranges and sheets."', () => {
    const { sheet, as } = setup();
    as('head@studio.test');
    const p = sheet().protect().setDescription('sheet');
    p.removeEditors(p.getEditors());
    expect(p.canEdit()).toBe(true);
    as('owner@studio.test');
    expect(sheet().getProtections(SpreadsheetApp_PT('SHEET'))[0].canEdit()).toBe(true);
    as('anna@studio.test');
    const seen = sheet().getProtections(SpreadsheetApp_PT('SHEET'))[0];
    expect(seen.canEdit()).toBe(false);
    // getEditors: "Throws an exception if the user does not have permission to edit the protected range or sheet."
    expect(caught(() => seen.getEditors()).message).toBe(PROTECTED_EDIT_MESSAGE);
  });

  test('addEditor: "Adds the given user to the list of editors for the protected sheet or range." (a User or an e-mail address)', () => {
    const { model, sheet } = setup();
    const p = sheet().protect();
    p.removeEditors(p.getEditors());
    p.addEditor('anna@studio.test');
    p.addEditors(['boris@studio.test']);
    expect(p.getEditors().map((u) => u.getEmail()).sort()).toEqual(['anna@studio.test', 'boris@studio.test', 'owner@studio.test']);
    p.removeEditor(p.getEditors().filter((u) => u.getEmail() === 'anna@studio.test')[0]);
    expect(model.protectionRefusing('Sheet1', 5, 5, 'anna@studio.test')).not.toBeNull();
    expect(model.protectionRefusing('Sheet1', 5, 5, 'boris@studio.test')).toBeNull();
  });

  test('setWarningOnly: "Warning-based protection means that every user can edit data in the area, except editing prompts a warning"', () => {
    const { model, sheet, app } = setup();
    const p = sheet().protect().setDescription('warn').setWarningOnly(true);
    p.removeEditors(p.getEditors());
    expect(p.isWarningOnly()).toBe(true);
    expect(model.protectionRefusing('Sheet1', 1, 1, 'anna@studio.test')).toBeNull();
    // Enum values are objects compared by identity (issue 27); their name is the string.
    expect(p.getProtectionType()).toBe(app.ProtectionType.SHEET);
    expect(String(p.getProtectionType())).toBe('SHEET');
  });

  test('sheet.protect(): "If the sheet is already protected, this method returns an object representing the existing protection settings."', () => {
    const { sheet, app } = setup();
    sheet().protect().setDescription('first');
    expect(sheet().protect().getDescription()).toBe('first');
    expect(sheet().getProtections(app.ProtectionType.SHEET)).toHaveLength(1);
    // Range.protect(): "If the range is already protected, this method creates a new protected range that overlaps the existing one."
    sheet().getRange('A1').protect();
    sheet().getRange('A1').protect();
    expect(sheet().getProtections(app.ProtectionType.RANGE)).toHaveLength(2);
  });
});

describe('Workspace.editCell refuses a protected cell to a person who is not its editor', () => {
  test('the owner may, an excluded editor may not, and nothing changes', () => {
    const ws = createWorkspace({ now: '2026-11-23T09:00:00Z', user: 'owner@studio.test' });
    ws.execute(() => {
      const sheet = (ws.globals.SpreadsheetApp as App).getActive().getSheetByName('Sheet1')!;
      const p = sheet.getRange('A1:A10').protect();
      p.removeEditors(p.getEditors());
    });
    ws.editCell('Sheet1', 1, 1, 'by the owner');
    ws.setUser('anna@studio.test');
    expect(() => ws.editCell('Sheet1', 2, 1, 'by Anna')).toThrow(PROTECTED_EDIT_MESSAGE);
    expect(ws.readSheet('Sheet1').values[0][0]).toBe('by the owner');
    expect(ws.readSheet('Sheet1').values.length).toBe(1);
    ws.editCell('Sheet1', 2, 2, 'outside'); // B2 is not protected
    expect(ws.readSheet('Sheet1').values[1][1]).toBe('outside');
  });
});

function SpreadsheetApp_PT(type: 'SHEET' | 'RANGE'): GoogleAppsScript.Spreadsheet.ProtectionType {
  return type as unknown as GoogleAppsScript.Spreadsheet.ProtectionType;
}

describe('unprotected ranges and setRange', () => {
  // setUnprotectedRanges: "Unprotects the given array of ranges within a protected sheet."
  // getUnprotectedRanges: "Gets an array of unprotected ranges in a protected sheet."
  test('a sheet protection lets others write its unprotected ranges only', () => {
    const { app, sheet, as } = setup();
    as('head@studio.test');
    const p = sheet().protect().setUnprotectedRanges([sheet().getRange('A1:B1')]);
    p.removeEditors(p.getEditors());
    expect(p.getUnprotectedRanges().map((r) => r.getA1Notation())).toEqual(['A1:B1']);
    as('anna@studio.test');
    sheet().getRange('B1').setValue('allowed');
    expect(app.getActiveSpreadsheet().getSheetByName('Sheet1')!.getRange('B1').getValue()).toBe('allowed');
    expect(caught(() => sheet().getRange('A2').setValue('refused')).message).toBe(PROTECTED_EDIT_MESSAGE);
    // A range protection has no unprotected ranges.
    as('head@studio.test');
    expect(caught(() => sheet().getRange('C3').protect().setUnprotectedRanges([])).name).toBe('Exception');
  });

  // setRange: "Adjusts the range that is protected. If the given range does not match the range type of the protection, an error is thrown."
  test('setRange moves a range protection; a sheet protection refuses it', () => {
    const { sheet } = setup();
    const p = sheet().getRange('A1:D5').protect();
    p.setRange(sheet().getRange('B2:E6'));
    expect(p.getRange().getA1Notation()).toBe('B2:E6');
    expect(caught(() => sheet().protect().setRange(sheet().getRange('A1'))).name).toBe('Exception');
  });
});
