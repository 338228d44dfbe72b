// Members of Apps Script classes that the emulator does not emulate throw a clear error; the
// host's own machinery (jest, JSON, String(), typeof of undocumented names) is not disturbed.
import { notImplementedError, withNotImplemented } from '../../../scripts/emulator/notImplemented';
import { caught, env } from './env';

describe('Not implemented in the Dealboard emulator: Class.method', () => {
  test('a documented method the emulator lacks throws the clear error, not "undefined is not a function"', () => {
    const { run, g, sheet } = env();
    run(() => {
      const range = sheet().getRange('A1') as unknown as Record<string, () => unknown>;
      // Range.getDataSourceTables is in @types/google-apps-script and not emulated
      const e = caught(() => range.getDataSourceTables());
      expect(e.message).toBe('Not implemented in the Dealboard emulator: Range.getDataSourceTables');
      expect(e.name).toBe('Exception');
      const app = g.SpreadsheetApp as unknown as Record<string, () => unknown>;
      expect(caught(() => app.newDataSourceSpec()).message).toBe('Not implemented in the Dealboard emulator: SpreadsheetApp.newDataSourceSpec');
      const drive = g.DriveApp as unknown as Record<string, () => unknown>;
      expect(caught(() => drive.getFileByIdAndResourceKey()).message).toBe('Not implemented in the Dealboard emulator: DriveApp.getFileByIdAndResourceKey');
    });
  });

  test('names that are not Apps Script members stay undefined (then, asymmetricMatch, $$typeof); JSON gives {}', () => {
    const { run, sheet } = env();
    run(() => {
      const range = sheet().getRange('A1') as unknown as Record<string, unknown>;
      for (const name of ['then', 'asymmetricMatch', '$$typeof', 'nodeType', 'noSuchMethod']) expect(range[name]).toBeUndefined();
      expect(typeof range.getValues).toBe('function');
      // JSON.stringify of a service object is "{}" on Apps Script
      expect(JSON.stringify({ r: range })).toBe('{"r":{}}');
      expect(sheet().getRange('A1')).toEqual(sheet().getRange('A1'));
    });
  });

  test('toString() of service objects gives their class name, since real code branches on it', () => {
    const { run, g, sheet } = env();
    run(() => {
      expect(String(sheet().getRange('A1'))).toBe('Range');
      expect(String(sheet())).toBe('Sheet');
      expect(String(g.SpreadsheetApp.getActive())).toBe('Spreadsheet');
      expect(String(g.SpreadsheetApp.newDataValidation().requireValueInList(['a']).build())).toBe('DataValidation');
      expect(String(g.SpreadsheetApp)).toBe('SpreadsheetApp');
      expect(`${g.LockService.getScriptLock()}`).toBe('Lock');
    });
  });

  test('one line adopts it for an object that is not counted', () => {
    const event = withNotImplemented('CalendarEvent', { getTitle: () => 'Kick-off' }) as unknown as Record<string, () => unknown>;
    expect(event.getTitle()).toBe('Kick-off');
    expect(caught(() => event.getGuestList()).message).toBe('Not implemented in the Dealboard emulator: CalendarEvent.getGuestList');
    expect(event.notAMember).toBeUndefined();
    expect(String(event)).toBe('CalendarEvent');
    expect(notImplementedError('X', 'y').message).toBe('Not implemented in the Dealboard emulator: X.y');
  });
});
