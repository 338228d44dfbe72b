// Sheet (reference/spreadsheet/sheet): hide/show rows and columns, gridlines, sort, getCharts.
import { createWorkspace } from '../../../scripts/emulator/workspace';
import { caught, env } from './env';

describe('Sheet', () => {
  test('hideColumns / showColumns / hideRows / showRows and isColumnHiddenByUser / isRowHiddenByUser', () => {
    const { run, sheet } = env();
    run(() => {
      const s = sheet();
      s.hideColumns(2, 2); // "Hides one or more consecutive columns starting at the given index."
      expect([1, 2, 3, 4].map((c) => s.isColumnHiddenByUser(c))).toEqual([false, true, true, false]);
      s.showColumns(3);
      expect(s.isColumnHiddenByUser(3)).toBe(false);
      s.hideRows(5, 3);
      expect(s.isRowHiddenByUser(7)).toBe(true);
      s.showRows(5, 3);
      expect(s.isRowHiddenByUser(7)).toBe(false);
      s.hideRow(s.getRange('A9'));
      expect(s.isRowHiddenByUser(9)).toBe(true);
      s.unhideRow(s.getRange('A9'));
      expect(s.isRowHiddenByUser(9)).toBe(false);
      expect(caught(() => s.hideColumns(30)).message).toBe('Those columns are out of bounds.');
    });
  });

  test('hidden rows follow inserted rows; hidden rows, columns and gridlines are kept by toJSON', () => {
    const { ws, run, sheet } = env();
    run(() => {
      sheet().hideRows(3);
      sheet().hideColumns(2);
      sheet().setHiddenGridlines(true);
      sheet().insertRowsBefore(1, 2);
      sheet().deleteColumns(1, 1);
      expect(sheet().isRowHiddenByUser(5)).toBe(true);
      expect(sheet().isRowHiddenByUser(3)).toBe(false);
      expect(sheet().isColumnHiddenByUser(1)).toBe(true);
    });
    const restored = createWorkspace({ state: JSON.parse(JSON.stringify(ws.toJSON())) });
    restored.execute(() => {
      const s = (restored.globals.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp).getActive().getSheets()[0];
      expect([s.isRowHiddenByUser(5), s.isColumnHiddenByUser(1), s.hasHiddenGridlines()]).toEqual([true, true, true]);
    });
  });

  test('setHiddenGridlines: "Hides or reveals the sheet gridlines."', () => {
    const { run, sheet } = env();
    run(() => {
      expect(sheet().hasHiddenGridlines()).toBe(false);
      expect(sheet().setHiddenGridlines(true).getName()).toBe('Sheet1');
      expect(sheet().hasHiddenGridlines()).toBe(true);
    });
  });

  test('sort(columnPosition, ascending): "Sorts a sheet by column." — frozen header rows stay', () => {
    const { run, sheet } = env();
    run(() => {
      const s = sheet();
      s.getRange('A1:B5').setValues([['Name', 'Amount'], ['b', 20], ['C', 5], ['a', 20], ['', 1]]);
      s.setFrozenRows(1);
      s.sort(1);
      expect(s.getRange('A1:B5').getValues()).toEqual([['Name', 'Amount'], ['a', 20], ['b', 20], ['C', 5], ['', 1]]);
      s.sort(2, false);
      expect(s.getRange('A2:A5').getValues()).toEqual([['a'], ['b'], ['C'], ['']]);
    });
  });

  test('getCharts: "Returns an array of charts on this sheet." — the emulator has none', () => {
    const { run, sheet } = env();
    run(() => expect(sheet().getCharts()).toEqual([]));
  });

  test('insertRows / deleteColumns variants keep contents in place', () => {
    const { run, sheet } = env();
    run(() => {
      const s = sheet();
      s.getRange('A1:C1').setValues([['a', 'b', 'c']]);
      s.insertRowsBefore(1, 2);
      expect(s.getRange('A3:C3').getValues()).toEqual([['a', 'b', 'c']]);
      s.insertRowsAfter(3, 1);
      s.insertColumnsAfter(1, 1);
      expect(s.getRange('A3:D3').getValues()).toEqual([['a', '', 'b', 'c']]);
      s.deleteColumns(2, 2);
      expect(s.getRange('A3:B3').getValues()).toEqual([['a', 'c']]);
      s.deleteColumn(1);
      expect(s.getRange('A3').getValue()).toBe('c');
    });
  });
});
