import { createWorkspace, virtualDate } from '../../scripts/emulator/index';
import { VirtualClock } from '../../scripts/emulator/context';

const LOCK_TIMEOUT = 'Lock timeout: another process was holding the lock for too long.';

function props(ws: ReturnType<typeof createWorkspace>) {
  return ws.globals.PropertiesService as GoogleAppsScript.Properties.PropertiesService;
}
function caches(ws: ReturnType<typeof createWorkspace>) {
  return ws.globals.CacheService as GoogleAppsScript.Cache.CacheService;
}
function locks(ws: ReturnType<typeof createWorkspace>) {
  return ws.globals.LockService as GoogleAppsScript.Lock.LockService;
}

describe('workspace defaults', () => {
  test('clock, user, time zone', () => {
    const ws = createWorkspace();
    expect(ws.clock.now().toISOString()).toBe('2026-11-23T09:00:00.000Z');
    expect(ws.currentUser()).toBe('owner@studio.test');
    expect((ws.globals.Session as GoogleAppsScript.Base.Session).getScriptTimeZone()).toBe('Europe/Berlin');
    expect(ws.sheetNames()).toEqual(['Sheet1']);
    ws.setUser('rep@studio.test');
    expect(ws.execute(() => (ws.globals.Session as GoogleAppsScript.Base.Session).getActiveUser().getEmail())).toBe('rep@studio.test');
    expect(ws.execute(() => ws.currentUser(), { user: 'other@studio.test' })).toBe('other@studio.test');
  });

  test('globals hold the services and nothing of Node', () => {
    const ws = createWorkspace();
    for (const name of ['SpreadsheetApp', 'HtmlService', 'PropertiesService', 'CacheService', 'LockService', 'ScriptApp', 'Session', 'Utilities', 'Logger', 'console', 'Date']) {
      expect(ws.globals[name]).toBeDefined();
    }
    for (const name of ['require', 'process', 'Buffer', 'setTimeout', 'setInterval', 'URL', 'TextEncoder', 'fetch']) {
      expect(ws.globals[name]).toBeUndefined();
    }
  });
});

describe('virtual Date', () => {
  test('new Date(), Date() and Date.now() follow the clock; other forms behave normally', () => {
    const clock = new VirtualClock('2026-11-23T09:00:00Z');
    const D = virtualDate(clock);
    expect(new D().toISOString()).toBe('2026-11-23T09:00:00.000Z');
    expect(D.now()).toBe(Date.parse('2026-11-23T09:00:00Z'));
    clock.advance(60_000);
    expect(new D().toISOString()).toBe('2026-11-23T09:01:00.000Z');
    expect((D as unknown as () => string)()).toBe(new Date('2026-11-23T09:01:00Z').toString());
    expect(new D(2020, 0, 15).getDate()).toBe(15);
    expect(new D('2024-02-29T12:00:00Z').getTime()).toBe(Date.UTC(2024, 1, 29, 12));
    expect(D.UTC(2020, 0, 1)).toBe(Date.UTC(2020, 0, 1));
    expect(new Date() instanceof D).toBe(true);
    expect(new D() instanceof Date).toBe(true);
  });
});

describe('executions and locks', () => {
  test('a lock is released when its execution ends', () => {
    const ws = createWorkspace();
    ws.execute(() => {
      const lock = locks(ws).getDocumentLock();
      lock.waitLock(1000);
      expect(lock.hasLock()).toBe(true);
      lock.waitLock(1000); // re-entrant
    });
    ws.execute(() => {
      const lock = locks(ws).getDocumentLock();
      expect(lock.hasLock()).toBe(false);
      expect(lock.tryLock(0)).toBe(true);
    });
  });

  test('a concurrent execution times out with the Apps Script error and the clock advances', () => {
    const ws = createWorkspace();
    ws.execute(() => {
      locks(ws).getDocumentLock().waitLock(1000);
      const before = ws.clock.millis();
      let caught: Error | null = null;
      try {
        ws.execute(() => locks(ws).getDocumentLock().waitLock(3000));
      } catch (e) {
        caught = e as Error;
      }
      expect(caught?.name).toBe('Exception');
      expect(caught?.message).toBe(LOCK_TIMEOUT);
      expect(String(caught)).toBe(`Exception: ${LOCK_TIMEOUT}`);
      expect(ws.clock.millis() - before).toBe(3000);
      expect(ws.execute(() => locks(ws).getDocumentLock().tryLock(500))).toBe(false);
      expect(ws.clock.millis() - before).toBe(3500);
      // the script lock is a different lock
      expect(ws.execute(() => locks(ws).getScriptLock().tryLock(0))).toBe(true);
    });
  });

  test('user locks are per user', () => {
    const ws = createWorkspace();
    ws.execute(() => {
      locks(ws).getUserLock().waitLock(10);
      expect(ws.execute(() => locks(ws).getUserLock().tryLock(0), { user: 'rep@studio.test' })).toBe(true);
      expect(ws.execute(() => locks(ws).getUserLock().tryLock(0))).toBe(false);
    });
  });

  test('AuthMode.NONE refuses document access but not the Ui', () => {
    const ws = createWorkspace();
    const expected = 'You do not have permission to call PropertiesService.getDocumentProperties. Required permissions: https://www.googleapis.com/auth/spreadsheets.currentonly';
    expect(() => ws.execute(() => props(ws).getDocumentProperties(), { authMode: 'NONE' })).toThrow(expected);
    expect(() => ws.execute(() => (ws.globals.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp).getActiveSpreadsheet(), { authMode: 'NONE' }))
      .toThrow(/You do not have permission to call SpreadsheetApp.getActiveSpreadsheet/);
    ws.execute(() => {
      (ws.globals.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp).getUi().createAddonMenu().addItem('Open', 'openBoard').addToUi();
    }, { authMode: 'NONE' });
    expect(ws.ui.menus).toEqual([{ title: 'Dealboard', items: [{ caption: 'Open', functionName: 'openBoard' }] }]);
  });
});

describe('PropertiesService', () => {
  test('stores strings, per user for user properties', () => {
    const ws = createWorkspace();
    ws.execute(() => {
      const p = props(ws).getDocumentProperties();
      expect(p.getProperty('missing')).toBeNull();
      p.setProperty('n', 5 as unknown as string);
      p.setProperties({ a: '1', b: '2' });
      expect(p.getProperty('n')).toBe('5');
      expect(p.getKeys().sort()).toEqual(['a', 'b', 'n']);
      p.setProperties({ c: '3' }, true);
      expect(p.getProperties()).toEqual({ c: '3' });
      p.deleteProperty('c');
      expect(p.getKeys()).toEqual([]);
      props(ws).getUserProperties().setProperty('theme', 'dark');
    });
    expect(ws.execute(() => props(ws).getUserProperties().getProperty('theme'), { user: 'rep@studio.test' })).toBeNull();
    expect(ws.execute(() => props(ws).getUserProperties().getProperty('theme'))).toBe('dark');
  });

  test('value and store quotas', () => {
    const ws = createWorkspace();
    ws.execute(() => {
      const p = props(ws).getScriptProperties();
      expect(() => p.setProperty('big', 'x'.repeat(9 * 1024 + 1))).toThrow('Argument too large: value');
      p.setProperty('ok', 'x'.repeat(9 * 1024));
      for (let i = 0; i < 54; i++) p.setProperty(`k${i}`, 'x'.repeat(9 * 1024));
      expect(() => p.setProperty('k55', 'x'.repeat(9 * 1024)))
        .toThrow('You have exceeded the property storage quota. Please remove some properties and try again.');
      expect(p.getProperty('k55')).toBeNull();
    });
  });
});

describe('CacheService', () => {
  test('expiry on the virtual clock, default 600 s, max 6 h', () => {
    const ws = createWorkspace();
    ws.execute(() => {
      const c = caches(ws).getScriptCache();
      c.put('a', 'A');
      c.put('b', 'B', 60);
      c.put('long', 'L', 100000);
      c.putAll({ x: 'X', y: 'Y' }, 1200);
      expect(c.getAll(['a', 'b', 'x', 'nope'])).toEqual({ a: 'A', b: 'B', x: 'X' });
    });
    ws.clock.advance(61_000);
    ws.execute(() => {
      const c = caches(ws).getScriptCache();
      expect(c.get('b')).toBeNull();
      expect(c.get('a')).toBe('A');
    });
    ws.clock.advance(600_000);
    ws.execute(() => {
      const c = caches(ws).getScriptCache();
      expect(c.get('a')).toBeNull();
      expect(c.get('x')).toBe('X');
      c.remove('x');
      c.removeAll(['y']);
      expect(c.getAll(['x', 'y'])).toEqual({});
    });
    ws.clock.advance(6 * 3600_000 - 661_000 - 1);
    expect(ws.execute(() => caches(ws).getScriptCache().get('long'))).toBe('L');
    ws.clock.advance(1);
    expect(ws.execute(() => caches(ws).getScriptCache().get('long'))).toBeNull();
  });

  test('limits: value 100 KB, key 250 characters, about 1000 items', () => {
    const ws = createWorkspace();
    ws.execute(() => {
      const c = caches(ws).getDocumentCache()!;
      expect(() => c.put('v', 'x'.repeat(100 * 1024 + 1))).toThrow('Argument too large: value');
      c.put('v', 'x'.repeat(100 * 1024));
      expect(() => c.put('k'.repeat(251), 'x')).toThrow('Argument too large: key');
      for (let i = 0; i < 1005; i++) c.put(`item${i}`, String(i));
      expect(c.get('v')).toBeNull(); // evicted: oldest
      expect(c.get('item0')).toBeNull();
      expect(c.get('item1004')).toBe('1004');
    });
  });
});

describe('call counting', () => {
  test('counts each service method once, by class and category', () => {
    const ws = createWorkspace();
    ws.execute(() => props(ws).getDocumentProperties().getProperty('x'));
    const s = ws.calls.summary();
    expect(s.byMethod).toEqual({ 'Properties.getProperty': 1, 'PropertiesService.getDocumentProperties': 1 });
    expect(s.byCategory.properties).toBe(1);
    expect(s.total).toBe(2);
    expect(s.data).toBe(1);
    ws.execute(() => {
      caches(ws).getScriptCache().put('a', 'b');
      locks(ws).getScriptLock().tryLock(10);
    });
    expect(ws.calls.summary().byCategory.cache).toBe(1);
    expect(ws.calls.summary().byCategory.lock).toBe(1);
    ws.calls.reset();
    ws.readSheet('Sheet1');
    ws.writeRows('Sheet1', 1, [['a']]);
    expect(ws.calls.summary().total).toBe(0);
  });

  test('readValues is readSheet(...).values (formulas computed, dates, blanks, validated rows below the data), uncounted', () => {
    const ws = createWorkspace();
    ws.writeRows('Sheet1', 1, [['n', 'when', 'twice'], [2, new Date('2026-12-01T00:00:00Z'), ''], ['', null, 'x']]);
    ws.execute(() => {
      const sheet = (ws.globals.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp).getActive().getSheetByName('Sheet1')!;
      sheet.getRange('C2').setFormula('=A2*2');
      const rule = (ws.globals.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp).newDataValidation().requireValueInList(['a', 'b']).build();
      sheet.getRange('A5:A6').setDataValidation(rule);
    });
    ws.calls.reset();
    const values = ws.readValues('Sheet1');
    expect(ws.calls.summary().total).toBe(0);
    expect(values).toEqual(ws.readSheet('Sheet1').values);
    expect(values.length).toBe(6);
    expect(values[1][2]).toBe(4);
    expect(values[1][1]).toBeInstanceOf(Date);
    expect(values[2]).toEqual(['', '', 'x']);
  });
});

describe('persistence', () => {
  test('toJSON → createWorkspace({ state }) keeps sheets, properties, caches, triggers and the clock', () => {
    const ws = createWorkspace({ seed: 7 });
    ws.writeRows('Deals', 1, [['Id', 'Name', 'Due'], ['D1', 'Acme', new Date('2026-12-01T00:00:00Z')]]);
    ws.execute(() => {
      props(ws).getDocumentProperties().setProperty('version', '3');
      props(ws).getUserProperties().setProperty('theme', 'dark');
      caches(ws).getScriptCache().put('board', 'cached', 3600);
      const ScriptApp = ws.globals.ScriptApp as GoogleAppsScript.Script.ScriptApp;
      const SpreadsheetApp = ws.globals.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp;
      ScriptApp.newTrigger('onEditInstalled').forSpreadsheet(SpreadsheetApp.getActive()).onEdit().create();
      ScriptApp.newTrigger('onHourly').timeBased().everyHours(1).create();
    });
    ws.clock.advance(3_600_000 - 1);
    const json = JSON.parse(JSON.stringify(ws));
    const again = createWorkspace({ state: json });
    expect(again.clock.now().toISOString()).toBe(ws.clock.now().toISOString());
    expect(again.sheetNames()).toEqual(ws.sheetNames());
    expect(again.readSheet('Deals').values).toEqual(ws.readSheet('Deals').values);
    expect(again.readSheet('Deals').values[1][2]).toBeInstanceOf(Date);
    expect(again.properties('document')).toEqual({ version: '3' });
    expect(again.properties('user')).toEqual({ theme: 'dark' });
    expect(again.triggers()).toEqual(ws.triggers());
    expect(again.triggers().map((t) => `${t.handler}:${t.event}`)).toEqual(['onEditInstalled:ON_EDIT', 'onHourly:CLOCK']);
    expect(again.execute(() => caches(again).getScriptCache().get('board'))).toBe('cached');
    again.clock.advance(1);
    expect(again.execute(() => caches(again).getScriptCache().get('board'))).toBeNull();
    // ids continue deterministically
    const u1 = ws.execute(() => (ws.globals.Utilities as GoogleAppsScript.Utilities.Utilities).getUuid());
    const u2 = again.execute(() => (again.globals.Utilities as GoogleAppsScript.Utilities.Utilities).getUuid());
    expect(u1).toBe(u2);
  });

  test('a workspace restored from a state keeps nothing of its spreadsheet part: writes, formats, validations and rules never reach the state (tests share one saved spreadsheet between restores)', () => {
    const ws = createWorkspace();
    ws.writeRows('Sheet1', 1, [['n', 'when'], [1, new Date('2026-12-01T00:00:00Z')]]);
    const App = ws.globals.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp;
    ws.execute(() => {
      const sheet = App.getActive().getSheetByName('Sheet1')!;
      sheet.getRange('A2:A20').setDataValidation(App.newDataValidation().requireValueInList(['1', '2']).build());
      sheet.setConditionalFormatRules([App.newConditionalFormatRule().whenNumberGreaterThan(0).setBackground('#ff0000').setRanges([sheet.getRange('A2:A20')]).build()]);
      sheet.getRange('B2').setNumberFormat('yyyy-mm-dd');
      sheet.getRange('A1:B1').protect().setDescription('header');
      sheet.hideColumns(2);
    });
    const state = JSON.parse(JSON.stringify(ws.toJSON()));
    const before = JSON.stringify(state.spreadsheet);
    const freeze = (v: unknown): void => {
      if (v && typeof v === 'object' && !Object.isFrozen(v)) { Object.freeze(v); for (const x of Object.values(v as object)) freeze(x); }
    };
    freeze(state.spreadsheet);
    const again = createWorkspace({ state: { ...state, spreadsheet: state.spreadsheet } });
    again.writeRows('Sheet1', 2, [[2, new Date('2027-01-01T00:00:00Z')]]);
    again.execute(() => {
      const sheet = (again.globals.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp).getActive().getSheetByName('Sheet1')!;
      sheet.getRange('A3').setValue(5).setBackground('#00ff00').setNumberFormat('0.00');
      sheet.getRange('A2:A20').clearDataValidations();
      sheet.setConditionalFormatRules([]);
      sheet.getProtections((again.globals.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp).ProtectionType.RANGE).forEach((p) => p.remove());
      sheet.showColumns(2);
      sheet.insertRowBefore(2);
    });
    expect(again.readValues('Sheet1').slice(0, 4)).toEqual([['n', 'when'], ['', ''], [2, new Date('2027-01-01T00:00:00Z')], [5, '']]);
    expect(JSON.stringify(state.spreadsheet)).toBe(before);
    expect(createWorkspace({ state }).readValues('Sheet1')).toEqual(ws.readValues('Sheet1'));
  });

  test('the same seed gives the same ids', () => {
    const a = createWorkspace({ seed: 1 });
    const b = createWorkspace({ seed: 1 });
    const uuid = (ws: ReturnType<typeof createWorkspace>) => (ws.globals.Utilities as GoogleAppsScript.Utilities.Utilities).getUuid();
    expect(uuid(a)).toBe(uuid(b));
    expect(uuid(a)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(a.model.id).toBe(b.model.id);
  });
});
