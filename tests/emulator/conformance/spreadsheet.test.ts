// Spreadsheet (reference/spreadsheet/spreadsheet): named ranges, appendRow, addMenu.
import { createWorkspace } from '../../../scripts/emulator/workspace';
import { caught, env } from './env';

describe('Spreadsheet', () => {
  test('setNamedRange: "Names a range."; getRangeByName: "Returns a named range, or null if no range with the given name is found."', () => {
    const { run, g, sheet } = env();
    run(() => {
      const ss = g.SpreadsheetApp.getActive();
      sheet().getRange('B2:C3').setValues([[1, 2], [3, 4]]);
      ss.setNamedRange('Totals', sheet().getRange('B2:C3'));
      expect(ss.getRangeByName('Totals')!.getValues()).toEqual([[1, 2], [3, 4]]);
      expect(ss.getRangeByName('totals')!.getA1Notation()).toBe('B2:C3');
      expect(ss.getRangeByName('Nope')).toBeNull();
      const named = ss.getNamedRanges();
      expect(named.map((n) => [n.getName(), n.getRange().getA1Notation()])).toEqual([['Totals', 'B2:C3']]);
      named[0].setName('Sums');
      expect(ss.getRangeByName('Sums')!.getA1Notation()).toBe('B2:C3');
      expect(sheet().getNamedRanges().length).toBe(1);
      named[0].remove();
      expect(ss.getNamedRanges()).toEqual([]);
      expect(caught(() => ss.setNamedRange('A1', sheet().getRange('A1'))).message).toBe('Invalid argument: name');
    });
  });

  test('a named range follows rows inserted above it and is kept by toJSON', () => {
    const { ws, run, g, sheet } = env();
    run(() => {
      g.SpreadsheetApp.getActive().setNamedRange('Rate', sheet().getRange('B2'));
      sheet().insertRowsBefore(1, 3);
      expect(g.SpreadsheetApp.getActive().getRangeByName('Rate')!.getA1Notation()).toBe('B5');
    });
    const restored = createWorkspace({ state: JSON.parse(JSON.stringify(ws.toJSON())) });
    restored.execute(() => {
      const ss = (restored.globals.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp).getActive();
      expect(ss.getRangeByName('Rate')!.getA1Notation()).toBe('B5');
    });
  });

  test('appendRow: "Appends a row to the bottom of the current data region in the sheet." (the active sheet)', () => {
    const { run, g, sheet } = env();
    run(() => {
      const ss = g.SpreadsheetApp.getActive();
      ss.appendRow(['Name', 'Amount']);
      ss.appendRow(['Acme', 1200]);
      expect(sheet().getDataRange().getValues()).toEqual([['Name', 'Amount'], ['Acme', 1200]]);
      expect(ss.getLastRow()).toBe(2);
      expect(ss.getLastColumn()).toBe(2);
    });
  });

  test('addMenu: "Creates a new menu in the Spreadsheet UI." — null entries are separators', () => {
    const { ws, run, g } = env();
    run(() => {
      g.SpreadsheetApp.getActive().addMenu('CRM', [{ name: 'Sync', functionName: 'sync' }, null, { name: 'Reset', functionName: 'reset' }]);
    });
    expect(ws.ui.menus).toEqual([{ title: 'CRM', items: [{ caption: 'Sync', functionName: 'sync' }, { separator: true }, { caption: 'Reset', functionName: 'reset' }] }]);
  });

  test('getSheetById finds a sheet by the id getSheetId returns', () => {
    const { run, g } = env();
    run(() => {
      const ss = g.SpreadsheetApp.getActive();
      const leads = ss.insertSheet('Leads');
      expect(ss.getSheetById(leads.getSheetId())!.getName()).toBe('Leads');
      expect(ss.getSheetById(123)).toBeNull();
    });
  });

  test('Sheet.copyTo: "The copied sheet is named \"Copy of [original name]\"."; duplicateActiveSheet; copy(name)', () => {
    const { run, g, sheet } = env();
    run(() => {
      const ss = g.SpreadsheetApp.getActive();
      sheet().getRange('A1:B1').setValues([['Invoice', '=1+1']]);
      sheet().getRange('A1').setFontWeight('bold');
      const copy = sheet().copyTo(ss);
      expect(copy.getName()).toBe('Copy of Sheet1');
      expect(copy.getRange('A1:B1').getValues()).toEqual([['Invoice', 2]]);
      expect(copy.getRange('A1').getFontWeight()).toBe('bold');
      copy.getRange('A1').setValue('changed');
      expect(sheet().getRange('A1').getValue()).toBe('Invoice');
      expect(ss.duplicateActiveSheet().getName()).toBe('Copy of Sheet1 2');
      const other = g.SpreadsheetApp.create('Archive');
      expect(sheet().copyTo(other).getName()).toBe('Copy of Sheet1');
      // Spreadsheet.copy: "Copies the spreadsheet and returns the new one."
      const whole = ss.copy('Backup');
      expect(whole.getName()).toBe('Backup');
      expect(whole.getSheets().map((x) => x.getName())).toEqual(['Sheet1', 'Copy of Sheet1 2', 'Copy of Sheet1']);
      expect(whole.getSheets()[0].getRange('A1').getValue()).toBe('Invoice');
    });
  });

  test('addEditor(s) / getEditors: "Adds the given user to the list of editors for the Spreadsheet."', () => {
    const { run, g } = env();
    run(() => {
      const ss = g.SpreadsheetApp.getActive();
      ss.addEditor('ann@studio.test').addEditors(['bob@studio.test']).addViewer('client@acme.test');
      expect(ss.getEditors().map((u) => u.getEmail())).toEqual(['owner@studio.test', 'ann@studio.test', 'bob@studio.test']);
      expect(ss.getViewers().map((u) => u.getEmail())).toEqual(['client@acme.test']);
    });
  });

  test('row, column and frozen-pane methods of Spreadsheet act on the active sheet', () => {
    const { run, g, sheet } = env();
    run(() => {
      const ss = g.SpreadsheetApp.getActive();
      sheet().getRange('A1:A3').setValues([['h'], ['a'], ['b']]);
      ss.deleteRow(2);
      expect(sheet().getRange('A1:A2').getValues()).toEqual([['h'], ['b']]);
      ss.insertRowBefore(1);
      expect(sheet().getRange('A2').getValue()).toBe('h');
      ss.setFrozenRows(1);
      expect(sheet().getFrozenRows()).toBe(1);
      expect(ss.getSheetName()).toBe('Sheet1');
      ss.renameActiveSheet('Deals');
      expect(sheet('Deals').getName()).toBe('Deals');
      ss.insertSheet('Leads');
      ss.moveActiveSheet(1);
      expect(ss.getSheets().map((x) => x.getName())).toEqual(['Leads', 'Deals']);
      expect(ss.getSpreadsheetLocale()).toBe('en_US');
      expect(ss.getOwner()!.getEmail()).toBe('owner@studio.test');
    });
  });
});
