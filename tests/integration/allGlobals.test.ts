// Issue 20, item 3: every global of dist/Code.js checks its caller against the one access table
// (src/domain/kernel/access.ts). The globals are read from the bundle itself, so a new export without an
// entry in the table fails here; each is called as a stranger (an editor not on the Users tab) and
// as an executor, and a refused call writes nothing to the workbook, the mailbox, Drive, triggers
// or the UI (no sidebar opened).
import * as fs from 'fs';
import { BUNDLE, demoWorkspace, freshWorkspace, records, Workspace, Addon } from './harness';
import { ACCESS, mayRun, refusalFor, TRIGGER_OWNER_KEY } from '../../src/domain/kernel/access';
import { menuFor, menuFunctions } from '../../src/domain/kernel/menu';
import { ROLES, Role } from '../../src/domain/kernel/roles';

const STRANGER = 'mallory@elsewhere.test';
const EXECUTOR = 'eva@studio.test';

/** The globals the bundle defines: its footer has one `function name() { return __app.name… }` per export. */
function bundleGlobals(): string[] {
  const source = fs.readFileSync(BUNDLE, 'utf8');
  const names: string[] = [];
  const footer = /^function (\w+)\(\) \{ return __app\.(\w+)\.apply\(this, arguments\); \}$/gm;
  for (let m = footer.exec(source); m; m = footer.exec(source)) {
    expect(m[2]).toBe(m[1]);
    names.push(m[1]);
  }
  return names.sort();
}

/** Everything a refused call must leave as it was. */
function footprint(ws: Workspace): string {
  return JSON.stringify({
    sheets: ws.sheetNames().map((name: string) => [name, ws.readValues(name)]),
    mail: ws.mail.sent().length,
    files: ws.drive.listFiles().length,
    triggers: ws.triggers(),
    sidebars: ws.ui.sidebars.length,
    dialogs: ws.ui.dialogs.length,
    toasts: ws.ui.toasts.length,
  });
}

/** Calls a global as the workspace's user: the error message, or the alert it showed, or null. */
function call(ws: Workspace, addon: Addon, name: string): { threw: string | null; alert: string | null; result: unknown } {
  const alerts = ws.ui.alerts.length;
  let threw: string | null = null;
  let result: unknown;
  try {
    result = addon[name]();
  } catch (error) {
    threw = (error as Error).message;
  }
  const shown = ws.ui.alerts.slice(alerts).map((a: { prompt: string }) => a.prompt);
  return { threw, alert: shown.length ? shown.join('\n') : null, result };
}

const globals = bundleGlobals();

describe('the access table covers every global of the bundle', () => {
  it('finds the globals in dist/Code.js', () => {
    expect(globals.length).toBeGreaterThan(50);
    expect(globals).toEqual(expect.arrayContaining(['onOpen', 'onHourly', 'onEditInstalled', 'setupWorkbook', 'api_getBoard']));
  });

  it('has an entry for every global, and no entry for a function that is not one', () => {
    expect(globals.filter((g) => !(g in ACCESS))).toEqual([]);
    expect(Object.keys(ACCESS).filter((k) => globals.indexOf(k) < 0)).toEqual([]);
  });

  it('a function missing from the table is refused for everyone', () => {
    for (const role of ROLES) expect(mayRun('api_somethingNew', { role, teamEmpty: false })).toBe(false);
    expect(refusalFor('api_somethingNew', { role: 'owner', teamEmpty: false })).toMatch(/not part of Dealboard's access table/);
  });

  it('the menu shows a role exactly the items the table lets it run', () => {
    for (const name of menuFunctions()) expect(ACCESS[name]).toBeDefined();
    for (const role of ROLES) {
      const shown = menuFor(role).filter((e) => e !== 'separator').map((e) => (e as { functionName: string }).functionName);
      expect(shown).toEqual(menuFunctions().filter((name) => mayRun(name, { role, teamEmpty: false })));
    }
    const executorMenu = menuFor('executor').map((e) => (e === 'separator' ? e : e.functionName));
    expect(executorMenu).toEqual(['openBoard', 'openFullBoard', 'separator', 'openDesk', 'openClientBase']);
  });
});

describe.each([
  ['a stranger (an editor not on the Users tab)', STRANGER, null],
  ['an executor', EXECUTOR, 'executor'],
] as [string, string, Role | null][])('every global called by %s', (_who, email, role) => {
  const { ws, addon } = demoWorkspace(80, email);

  it.each(globals)('%s is refused with a plain sentence and writes nothing, unless the table allows it', (name) => {
    const caller = { role, teamEmpty: false };
    const rule = ACCESS[name];
    const allowed = rule !== undefined && mayRun(name, caller);
    const before = footprint(ws);
    const outcome = call(ws, addon, name);
    if (!allowed) {
      const sentence = outcome.threw ?? outcome.alert;
      expect({ name, refused: sentence !== null }).toEqual({ name, refused: true });
      // A sentence, not a stack trace or "Dealboard could not finish".
      expect(sentence).toMatch(/^\S.*[.!]$/);
      expect(sentence).not.toMatch(/could not finish|TypeError|undefined/);
      if (role === null) expect(sentence).not.toMatch(/studio\.test/);
      expect(footprint(ws)).toBe(before);
    } else if (outcome.threw !== null) {
      // Allowed by the table: a call without its arguments may fail its input checks, never the table's.
      expect(outcome.threw).not.toBe(refusalFor(name, { role: 'executor', teamEmpty: false }) ?? 'x');
    }
    if (role === null && rule && rule.kind !== 'anyone') expect(allowed).toBe(false);
  });
});

describe('menu items and triggers in particular', () => {
  it('a stranger\'s and an executor\'s menu items are refused with an alert; nothing is sent or opened', () => {
    for (const email of [STRANGER, EXECUTOR]) {
      const { ws, addon } = demoWorkspace(80, email);
      const before = footprint(ws);
      for (const name of ['setupWorkbook', 'loadDemoData', 'installDocumentTemplates', 'recomputeHealth', 'refreshDelayReportNow', 'sendQueuedMailNow']) {
        const outcome = call(ws, addon, name);
        expect({ name, threw: outcome.threw, result: outcome.result ?? null }).toEqual({ name, threw: null, result: null });
        expect(outcome.alert).toMatch(email === STRANGER ? /^You are not on this workbook's team\./ : /You are signed in as an executor/);
      }
      expect(footprint(ws)).toBe(before);
    }
  });

  it('the send-now globals refuse a stranger and an executor: no e-mail leaves anyone\'s mailbox', () => {
    for (const email of [STRANGER, EXECUTOR]) {
      const { ws, addon } = demoWorkspace(80, email);
      // Something waits in the outbox: the digests the owner's hourly run queues.
      ws.setUser('owner@studio.test');
      ws.clock.advance(60 * 60000);
      ws.setUser(email);
      const sent = ws.mail.sent().length;
      expect(() => addon.sendMorningDigestNow()).toThrow(/Only the owner can send the morning digests|not on this workbook's team/);
      addon.sendQueuedMailNow();
      expect(ws.mail.sent().length).toBe(sent);
    }
  });

  it('a stranger cannot fill an empty workbook with demo data, but the first person to set one up becomes its owner', () => {
    const empty = freshWorkspace({ user: STRANGER });
    const outcome = call(empty.ws, empty.addon, 'loadDemoData');
    expect(outcome.alert).toMatch(/not on this workbook's team/);
    expect(empty.ws.sheetNames().filter((n: string) => n === 'Deals')).toEqual([]);
    const first = freshWorkspace({ user: 'first@new.test' });
    expect(first.addon.setupWorkbook().ownerAdded).toBe('first@new.test');
    expect(first.ws.triggers().map((t: { user: string }) => t.user)).toEqual(['first@new.test', 'first@new.test']);
    first.ws.setUser(STRANGER);
    expect(call(first.ws, first.addon, 'setupWorkbook').alert).toMatch(/not on this workbook's team/);
    expect(call(first.ws, first.addon, 'loadDemoData').alert).toMatch(/not on this workbook's team/);
  });

  it('the hourly trigger acts only as the owner who installed it; run by hand by anyone else it is refused and writes nothing', () => {
    const { ws, addon } = demoWorkspace(80, 'owner@studio.test');
    expect(ws.globals.PropertiesService.getDocumentProperties().getProperty(TRIGGER_OWNER_KEY)).toBe('owner@studio.test');
    for (const email of [STRANGER, EXECUTOR, 'anna@studio.test', 'head@studio.test']) {
      ws.setUser(email);
      const before = footprint(ws);
      expect(() => addon.onHourly()).toThrow(/only as the owner who installed them/);
      expect(() => addon.onEditInstalled()).toThrow(/only as the owner who installed them/);
      expect(footprint(ws)).toBe(before);
    }
    ws.setUser('owner@studio.test');
    expect(ws.runTimeTriggers().map((r: { ok: boolean }) => r.ok)).toEqual([true]);
  });

  it('a trigger someone else installed for onHourly runs as them and is refused; the owner\'s still runs', () => {
    const { ws } = demoWorkspace(80, 'anna@studio.test');
    const collected = ws.triggerErrors.length;
    ws.execute(() => ws.globals.ScriptApp.newTrigger('onHourly').timeBased().everyHours(1).create(), { user: 'anna@studio.test' });
    let runs: { user: string; ok: boolean; error?: { message: string } }[] = [];
    try {
      runs = ws.runTimeTriggers();
    } catch (error) {
      expect((error as Error).message).toMatch(/only as the owner who installed them/);
    }
    if (runs.length === 0) {
      const failed = ws.triggerErrors.slice(collected);
      expect(failed.map((r: { user: string }) => r.user)).toEqual(['anna@studio.test']);
    } else {
      expect(runs.filter((r) => !r.ok).map((r) => r.user)).toEqual(['anna@studio.test']);
    }
  });

  it('the edit trigger runs as its installer and still audits the editor (e.user)', () => {
    const { ws } = demoWorkspace(80, 'anna@studio.test');
    const deals = records(ws, 'Deals');
    const header = ws.readSheet('Deals').values[0] as string[];
    const at = deals.findIndex((d) => d.Manager === 'anna@studio.test' && d.Stage === 'New');
    const before = records(ws, 'Activities').length;
    const edit = ws.editCell('Deals', at + 2, header.indexOf('Stage') + 1, 'Negotiation');
    expect(edit.runs.filter((r: { kind: string }) => r.kind === 'installable').map((r: { user: string; ok: boolean }) => [r.user, r.ok])).toEqual([['owner@studio.test', true]]);
    const added = records(ws, 'Activities').slice(before);
    expect(added.length).toBeGreaterThan(0);
    expect(added.every((a) => a.User === 'anna@studio.test')).toBe(true);
  });
});

describe('backups and restore (issue 24)', () => {
  it('the owner and heads may back up; only the owner may list backups and restore', () => {
    for (const [role, backUp, restore] of [['owner', true, true], ['head', true, false], ['manager', false, false], ['executor', false, false]] as [Role, boolean, boolean][]) {
      const caller = { role, teamEmpty: false };
      expect([role, mayRun('backUpNow', caller), mayRun('api_backUpNow', caller)]).toEqual([role, backUp, backUp]);
      for (const fn of ['openBackups', 'api_listBackups', 'api_previewRestore', 'api_applyRestore']) expect([role, fn, mayRun(fn, caller)]).toEqual([role, fn, restore]);
    }
    expect(refusalFor('api_applyRestore', { role: 'head', teamEmpty: false })).toBe('Only the owner can restore from a backup. You are signed in as a head: ask the owner (Users tab) to do it.');
    expect(menuFor('head').map((e) => (e === 'separator' ? '-' : e.functionName))).toEqual(expect.arrayContaining(['backUpNow']));
    expect(menuFor('head').map((e) => (e === 'separator' ? '-' : e.functionName))).not.toContain('openBackups');
  });
});
