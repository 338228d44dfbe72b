import { join } from 'node:path';
import { createWorkspace, loadAddon, runFromClient } from '../../scripts/emulator/index';

const FIXTURE = join(__dirname, 'fixtures', 'Code.js');
const LOCK_TIMEOUT = 'Lock timeout: another process was holding the lock for too long.';

function setup(options: Parameters<typeof createWorkspace>[0] = {}) {
  const ws = createWorkspace(options);
  const addon = loadAddon(ws, FIXTURE);
  return { ws, addon };
}

describe('loadAddon', () => {
  test('exposes the top-level functions of the bundle and nothing else', () => {
    const { ws, addon } = setup();
    expect(Object.keys(addon)).toEqual(expect.arrayContaining(['onOpen', 'openBoard', 'installTriggers', 'apiPlain', 'secret_', 'probeGlobals']));
    for (const name of Object.keys(ws.globals)) expect(addon[name]).toBeUndefined();
    expect(addon.EDITS).toBeUndefined(); // a var, not a function
    expect(ws.addon).toBe(addon);
    expect(ws.bundleDir).toBe(join(__dirname, 'fixtures'));
  });

  test('the sandbox has no Node globals', () => {
    const { addon } = setup();
    expect(addon.probeGlobals()).toEqual([]);
  });

  test('relative bundle paths resolve against process.cwd()', () => {
    const ws = createWorkspace();
    const addon = loadAddon(ws, 'tests/emulator/fixtures/Code.js');
    expect(typeof addon.onOpen).toBe('function');
    expect(() => loadAddon(createWorkspace(), 'tests/emulator/fixtures/Missing.js')).toThrow(/No add-on bundle/);
  });

  test('one call is one execution; locks are released when it ends', () => {
    const { addon } = setup();
    expect(addon.holdLock()).toBe(true);
    expect(addon.holdLock()).toBe(true); // the first call's lock was released
  });

  test('a call made while another execution holds the lock times out', () => {
    const { ws, addon } = setup();
    ws.execute(() => {
      (ws.globals.LockService as GoogleAppsScript.Lock.LockService).getDocumentLock().waitLock(100);
      const before = ws.clock.millis();
      let error: Error | null = null;
      try {
        addon.holdLock();
      } catch (e) {
        error = e as Error;
      }
      expect(error?.message).toBe(LOCK_TIMEOUT);
      expect(error?.name).toBe('Exception');
      expect(ws.clock.millis() - before).toBe(5000);
    });
    expect(addon.holdLock()).toBe(true);
  });

  test('Date in the bundle follows the virtual clock and instanceof works both ways', () => {
    const { ws, addon } = setup();
    ws.clock.advance(90_000);
    const info = addon.nowInfo() as Record<string, unknown>;
    expect(info).toEqual({
      iso: '2026-11-23T09:01:30.000Z',
      ms: Date.parse('2026-11-23T09:01:30Z'),
      // Date() is the script's local time (its time zone, Europe/Berlin here), not the host's.
      str: 'Mon Nov 23 2026 10:01:30 GMT+0100 (Central European Standard Time)',
      isDate: true,
      local: 15,
      parsed: Date.UTC(2024, 1, 29, 12),
      utc: Date.UTC(2020, 0, 1),
    });
    expect(addon.theDate()).toBeInstanceOf(Date);
    expect(addon.formatNow()).toBe('2026-11-23 10:01');
  });

  // No reference page says it in one sentence; the evidence is how scripts behave live: a V8
  // script's local time is the manifest's timeZone (Erick Koleda's public time-zone examples,
  // gist 6cf5d1e764839cba8701: "Script in Eastern time"; the calendar-upload project in
  // thirdParty.test.ts builds 09:30 events with new Date(y, m, d, h, min)). Node has one zone per
  // process, so each execution sets it and puts the host's back.
  test('a Date built from local parts is in the script\'s time zone; the host\'s zone is back after', () => {
    const host = Intl.DateTimeFormat().resolvedOptions().timeZone;
    const zone = host === 'Pacific/Kiritimati' ? 'Pacific/Pago_Pago' : 'Pacific/Kiritimati';
    const { addon } = setup({ timeZone: zone });
    const pago = zone === 'Pacific/Pago_Pago';
    expect(addon.localTimes()).toEqual({
      iso: pago ? '2026-12-02T20:30:00.000Z' : '2026-12-01T19:30:00.000Z',
      hours: 9,
      offset: pago ? 660 : -840,
      zone,
    });
    expect(Intl.DateTimeFormat().resolvedOptions().timeZone).toBe(host);
  });

  test('service errors are instanceof Error inside the bundle; service arrays instanceof Array', () => {
    const { addon } = setup();
    expect(addon.catchServiceError()).toEqual({
      isError: true, name: 'Exception', message: 'Argument too large: value', str: 'Exception: Argument too large: value',
    });
    expect(addon.valuesAreArrays()).toBe(true);
  });

  test('onOpen in AuthMode.NONE builds menus; document access is refused', () => {
    const { ws, addon } = setup();
    expect(addon.onOpen({ authMode: 'NONE' })).toBe('NONE');
    expect(ws.ui.menus[0].title).toBe('Dealboard');
    expect(ws.ui.menus[0].items[0]).toEqual({ caption: 'Open board', functionName: 'openBoard' });
    expect(() => addon.readSheetName({ authMode: 'NONE' })).toThrow(/You do not have permission to call SpreadsheetApp.getActiveSpreadsheet/);
    expect(() => addon.readDocProp({ authMode: 'NONE' })).toThrow(/You do not have permission to call PropertiesService.getDocumentProperties/);
    expect(addon.readSheetName()).toBe('Sheet1');
  });

  test('HtmlService reads files next to the bundle; templates', () => {
    const { ws, addon } = setup();
    addon.openBoard();
    expect(ws.ui.sidebars).toHaveLength(1);
    expect(ws.ui.sidebars[0].title).toBe('Dealboard');
    expect(ws.ui.sidebars[0].content).toContain('Dealboard sidebar');
    expect(() => addon.openMissing()).toThrow('No HTML file named Nope was found.');
    expect(addon.showTemplate()).toBe('<p>Hello Ann &lt;CEO&gt;, raw Ann <CEO> long</p>\n');
  });

  test('logs', () => {
    const { ws, addon } = setup();
    addon.logSomething();
    expect(ws.logs.map((l) => l.message)).toEqual(['deals: 3', 'hello {"a":1}']);
  });
});

describe('triggers', () => {
  test('editCell fires the simple onEdit and installable ON_EDIT triggers with real event objects', () => {
    const { ws, addon } = setup();
    expect(addon.installTriggers()).toEqual(['onEditInstalled:ON_EDIT', 'hourly:CLOCK']);
    ws.writeRows('Sheet1', 1, [['Name', 'Amount']]);
    ws.setUser('rep@studio.test');
    const result = ws.editCell('Sheet1', 2, 2, '1200');
    expect(result.oldValue).toBe('');
    expect(result.value).toBe(1200);
    expect(result.runs.map((r) => [r.handler, r.kind, r.user, r.ok])).toEqual([
      ['onEdit', 'simple', 'rep@studio.test', true],
      ['onEditInstalled', 'installable', 'owner@studio.test', true],
    ]);
    ws.editCell('Sheet1', 2, 2, '1300');
    const edits = addon.getEdits() as Record<string, unknown>[];
    expect(edits[0]).toEqual({ kind: 'simple', a1: 'B2', value: '1200', oldValue: undefined, user: 'rep@studio.test', authMode: 'LIMITED', cell: 1200 });
    expect(edits[1]).toMatchObject({ kind: 'installable', a1: 'B2', value: '1200', user: 'owner@studio.test', authMode: 'FULL' });
    expect(edits[1].triggerUid).toBe(ws.triggers()[0].id);
    expect(edits[2]).toMatchObject({ kind: 'simple', value: '1300', oldValue: '1200' });
    expect(ws.readSheet('Sheet1').values).toEqual([['Name', 'Amount'], ['', 1300]]);
  });

  test('trigger failures are thrown by default and collected on request', () => {
    const { ws } = setup();
    ws.execute(() => (ws.globals.ScriptApp as GoogleAppsScript.Script.ScriptApp).newTrigger('doesNotExist').timeBased().everyHours(1).create());
    expect(() => ws.runTimeTriggers()).toThrow('Trigger handler doesNotExist failed: Script function not found: doesNotExist');
    const quiet = createWorkspace({ triggerErrors: 'collect', state: ws.toJSON() });
    loadAddon(quiet, FIXTURE);
    expect(quiet.runTimeTriggers()[0]).toMatchObject({ ok: false, error: { message: 'Script function not found: doesNotExist' } });
    expect(quiet.triggerErrors).toHaveLength(1);
  });

  test('runTimeTriggers runs each CLOCK trigger once as its owner', () => {
    const { ws, addon } = setup();
    addon.installTriggers();
    ws.clock.advance(3_600_000);
    const runs = ws.runTimeTriggers();
    expect(runs.map((r) => [r.handler, r.ok])).toEqual([['hourly', true]]);
    expect(addon.readDocProp('lastHourly')).toBe('2026-11-23T10:00:00.000Z');
  });

  test('openDocument runs onOpen in the given mode', () => {
    const { ws } = setup();
    const runs = ws.openDocument({ authMode: 'NONE' });
    expect(runs).toEqual([{ handler: 'onOpen', kind: 'simple', user: 'owner@studio.test', ok: true }]);
    expect(ws.ui.menus).toHaveLength(1);
  });
});

describe('runFromClient (google.script.run rules)', () => {
  test('plain values pass, undefined fields are dropped', () => {
    const { ws, addon } = setup();
    expect(runFromClient(ws, addon, 'apiPlain', [])).toEqual({ ok: true, value: { a: 1, b: 'x', c: [true, null, 2.5], nested: { e: 'f' } } });
    const echo = runFromClient(ws, addon, 'apiEcho', [{ list: [1, 2], skip: undefined }]);
    expect(echo).toEqual({ ok: true, value: { x: { list: [1, 2] }, isArray: false, isObject: true } });
    expect(runFromClient(ws, addon, 'apiEcho', [[1]])).toMatchObject({ ok: true, value: { isArray: true } });
  });

  test('a Date in the return value fails the call', () => {
    const { ws, addon } = setup();
    const r = runFromClient(ws, addon, 'apiDate', []);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toMatch(/illegal value in the return value of apiDate: a Date at result\.deals\[0\]\.created/);
  });

  test('illegal arguments fail the call before it runs', () => {
    const { ws, addon } = setup();
    const r = runFromClient(ws, addon, 'apiEcho', [{ when: new Date() }]);
    expect(r).toMatchObject({ ok: false, error: { message: expect.stringMatching(/a Date at arguments\[0\]\.when/) } });
    const m = runFromClient(ws, addon, 'apiEcho', [new Map()]);
    expect(m).toMatchObject({ ok: false, error: { message: expect.stringMatching(/a Map at arguments\[0\]/) } });
    class Deal { id = 1; }
    expect(runFromClient(ws, addon, 'apiEcho', [new Deal()])).toMatchObject({ ok: false, error: { message: expect.stringMatching(/an instance of Deal/) } });
    expect(runFromClient(ws, addon, 'apiEcho', [() => 1])).toMatchObject({ ok: false });
  });

  test('private and unknown functions are not found; thrown errors reach the failure handler', () => {
    const { ws, addon } = setup();
    expect(runFromClient(ws, addon, 'secret_', [])).toEqual({ ok: false, error: { name: 'ScriptError', message: 'Script function not found: secret_' } });
    expect(runFromClient(ws, addon, 'nope', [])).toEqual({ ok: false, error: { name: 'ScriptError', message: 'Script function not found: nope' } });
    expect(runFromClient(ws, addon, 'toString', [])).toMatchObject({ ok: false });
    expect(runFromClient(ws, addon, 'apiThrow', [])).toEqual({ ok: false, error: { name: 'Error', message: 'Deal not found' } });
  });

  test('each client call is one execution', () => {
    const { ws, addon } = setup();
    ws.execute(() => {
      (ws.globals.LockService as GoogleAppsScript.Lock.LockService).getDocumentLock().waitLock(100);
      expect(runFromClient(ws, addon, 'holdLock', [])).toEqual({ ok: false, error: { name: 'Exception', message: LOCK_TIMEOUT } });
    });
    expect(runFromClient(ws, addon, 'holdLock', [])).toEqual({ ok: true, value: true });
  });
});

describe('fresh global scope per execution', () => {
  // "Each execution must start with a fresh global scope, as on Apps Script (top-level statements
  // run again, top-level variables do not survive between executions)." (issue 9). Apps Script
  // reference, "Apps Script projects" / V8 runtime: global code runs before the called function
  // in every execution; nothing but PropertiesService/CacheService carries state between them.
  test('a counter in a global starts over and top-level statements run again in every execution', () => {
    const { addon } = setup();
    expect(addon.countCalls()).toEqual({ memo: 1, topLevelRuns: 1 });
    expect(addon.countCalls()).toEqual({ memo: 1, topLevelRuns: 1 });
  });

  test('triggers and client calls get fresh scopes too; state survives only in services', () => {
    const { ws, addon } = setup();
    expect(runFromClient(ws, addon, 'countCalls', [])).toEqual({ ok: true, value: { memo: 1, topLevelRuns: 1 } });
    expect(runFromClient(ws, addon, 'countCalls', [])).toEqual({ ok: true, value: { memo: 1, topLevelRuns: 1 } });
    ws.writeRows('Sheet1', 1, [['Name', 'Amount']]);
    ws.editCell('Sheet1', 2, 2, '5');
    ws.editCell('Sheet1', 2, 2, '6');
    expect((addon.getEdits() as unknown[]).length).toBe(2);
  });
});

describe('built-ins bound per execution (a global read in a vm context is slow)', () => {
  const { mkdtempSync, writeFileSync } = require('node:fs') as typeof import('node:fs');
  const { tmpdir } = require('node:os') as typeof import('node:os');
  const { withBoundBuiltins } = require('../../scripts/emulator/addon') as typeof import('../../scripts/emulator/addon');

  test('the bundle still runs in strict mode, sees its own realm\'s built-ins and the virtual Date, and keeps its line numbers', () => {
    const dir = mkdtempSync(join(tmpdir(), 'emulator-builtins-'));
    const file = join(dir, 'Code.js');
    writeFileSync(file, [
      '"use strict";',
      'function probeRealm() {',
      '  var line = Number(/Code\\.js:(\\d+)/.exec(new Error("where").stack)[1]);',
      '  var strict = (function () { return this === undefined; })();',
      '  return { line: line, strict: strict, same: Math === globalThis.Math && Array === globalThis.Array && JSON === globalThis.JSON && Date === globalThis.Date,',
      '    ownRealm: [] instanceof Array && Object.getPrototypeOf([]) === Array.prototype, now: new Date().toISOString(), imul: Math.imul(0x01000193, 3) };',
      '}',
    ].join('\n'));
    const ws = createWorkspace({ now: '2026-05-04T03:02:01Z' });
    const addon = loadAddon(ws, file);
    expect(addon.probeRealm()).toEqual({ line: 3, strict: true, same: true, ownRealm: true, now: '2026-05-04T03:02:01.000Z', imul: 50332857 });
  });

  test('the binding goes after a leading "use strict" directive, on the first line, or first when there is none', () => {
    expect(withBoundBuiltins('"use strict";\nvar x = 1;')).toMatch(/^"use strict";const Object = globalThis\.Object, .*Math = globalThis\.Math.*;\nvar x = 1;$/);
    expect(withBoundBuiltins('var x = 1;')).toMatch(/^const Object = globalThis\.Object, .*;var x = 1;$/);
    expect(withBoundBuiltins('var x = 1;')).not.toMatch(/\b(undefined|NaN|Infinity|eval|globalThis) = /);
  });
});
