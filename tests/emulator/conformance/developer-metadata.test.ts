// Developer metadata (reference/spreadsheet/developer-metadata, developer-metadata-location,
// developer-metadata-finder) and Range's bounded-ness (reference/spreadsheet/range).
import { caught, env } from './env';

describe('DeveloperMetadata', () => {
  test('addDeveloperMetadata on whole rows/columns, a sheet and the spreadsheet; arbitrary ranges refused', () => {
    const { run, sheet, g } = env();
    run(() => {
      const s = sheet();
      const ss = g.SpreadsheetApp.getActive();
      // Sheets' refusal (gas-fakes' suite, verified live): only "the top-level spreadsheet, an individual sheet, or an entire row or column".
      expect(caught(() => s.getRange('B2:D4').addDeveloperMetadata('k', 'v')).message).toMatch(/^Adding developer metadata to arbitrary ranges is not currently supported/);
      const col = s.getRange('G:G');
      // Range.addDeveloperMetadata(key, value, visibility): "Adds developer metadata with the specified key, value, and visibility to the range." Return: "This range, for chaining."
      expect(col.addDeveloperMetadata('colKey', 'colValue', g.SpreadsheetApp.DeveloperMetadataVisibility.PROJECT).getA1Notation()).toBe('G:G');
      const [m] = col.getDeveloperMetadata();
      expect([m.getKey(), m.getValue(), String(m.getVisibility()), String(m.getLocation().getLocationType())]).toEqual(['colKey', 'colValue', 'PROJECT', 'COLUMN']);
      expect(m.getLocation().getColumn()!.getA1Notation()).toBe('G:G');
      expect(m.getLocation().getRow()).toBeNull();
      // A cell of the column is not the column.
      expect(s.getRange('G3').getDeveloperMetadata()).toEqual([]);
      s.getRange('8:8').addDeveloperMetadata('rowKey');
      // addDeveloperMetadata(key): no value — getValue "Returns the value associated with this developer metadata, or null if this metadata has no value."
      expect(s.getRange('8:8').getDeveloperMetadata()[0].getValue()).toBeNull();
      s.addDeveloperMetadata('sheetKey', 'sheetValue');
      // Sheet.getDeveloperMetadata: "Get all developer metadata associated with this sheet." (its own, not its rows')
      expect(s.getDeveloperMetadata().map((x) => x.getKey())).toEqual(['sheetKey']);
      // Default visibility DOCUMENT.
      expect(s.getDeveloperMetadata()[0].getVisibility()).toBe(g.SpreadsheetApp.DeveloperMetadataVisibility.DOCUMENT);
      ss.addDeveloperMetadata('top', g.SpreadsheetApp.DeveloperMetadataVisibility.PROJECT);
      expect(ss.getDeveloperMetadata().map((x) => [x.getKey(), x.getValue(), String(x.getVisibility())])).toEqual([['top', null, 'PROJECT']]);
    });
  });

  test('finders: "Executes this search and returns the matching metadata."; move and remove', () => {
    const { run, sheet, g } = env();
    run(() => {
      const s = sheet();
      const ss = g.SpreadsheetApp.getActive();
      s.getRange('G:G').addDeveloperMetadata('colKey', 'colValue');
      s.getRange('8:8').addDeveloperMetadata('rowKey', 'rowValue');
      s.addDeveloperMetadata('sheetKey', 'sheetValue');
      expect(ss.createDeveloperMetadataFinder().withKey('colKey').find().map((x) => x.getValue())).toEqual(['colValue']);
      expect(ss.createDeveloperMetadataFinder().withLocationType(g.SpreadsheetApp.DeveloperMetadataLocationType.ROW).find().map((x) => x.getKey())).toEqual(['rowKey']);
      expect(s.createDeveloperMetadataFinder().find().length).toBe(3);
      // Range finder: "Metadata is only within the scope of the range if it is wholly contained within that range."
      expect(s.getRange('A8:B8').createDeveloperMetadataFinder().find()).toEqual([]);
      expect(s.getRange('A8:B8').createDeveloperMetadataFinder().onIntersectingLocations().find().map((x) => x.getKey())).toEqual(['rowKey']);
      const meta = s.getRange('8:8').getDeveloperMetadata()[0];
      meta.setValue('v2').setKey('k2');
      expect(s.getRange('8:8').getDeveloperMetadata()[0].getKey()).toBe('k2');
      // moveToRow: "Moves this developer metadata to the specified row."
      meta.moveToRow(s.getRange('9:9'));
      expect(meta.getLocation().getRow()!.getA1Notation()).toBe('9:9');
      meta.moveToSheet(ss.insertSheet('Other'));
      expect(meta.getLocation().getSheet()!.getName()).toBe('Other');
      meta.moveToSpreadsheet();
      expect(meta.getLocation().getSpreadsheet()!.getId()).toBe(ss.getId());
      expect(caught(() => meta.moveToColumn(s.getRange('A1'))).name).toBe('Exception');
      // remove: "Deletes this metadata."
      meta.remove();
      expect(ss.createDeveloperMetadataFinder().withKey('k2').find()).toEqual([]);
      expect(ss.createDeveloperMetadataFinder().withId(meta.getId()).find()).toEqual([]);
    });
  });
});

describe('Range bounds', () => {
  test('isStartRowBounded/isStartColumnBounded: "Determines whether the start of the range is bound to a particular row/column."', () => {
    const { run, sheet } = env();
    run(() => {
      const s = sheet();
      expect([s.getRange('A5:C10').isStartRowBounded(), s.getRange('A5:C10').isStartColumnBounded()]).toEqual([true, true]);
      const rows = s.getRange('3:5');
      expect([rows.isStartRowBounded(), rows.isEndRowBounded(), rows.isStartColumnBounded(), rows.isEndColumnBounded()]).toEqual([true, true, false, false]);
      const cols = s.getRange('B:D');
      expect([cols.isStartRowBounded(), cols.isEndRowBounded(), cols.isStartColumnBounded(), cols.isEndColumnBounded()]).toEqual([false, false, true, true]);
      const open = s.getRange('E2:E');
      expect([open.isStartRowBounded(), open.isEndRowBounded()]).toEqual([true, false]);
    });
  });
});
