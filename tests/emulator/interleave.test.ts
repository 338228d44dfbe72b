// The interleaving scheduler (scripts/emulator/interleave): executions paused at their service
// calls, a seeded order, and LockService locks that make another execution wait for a release.
import { join } from 'node:path';
import { closeInterleaving, createWorkspace, loadAddon, runInterleaved } from '../../scripts/emulator/index';
import type { ReadyRun } from '../../scripts/emulator/index';

const FIXTURE = join(__dirname, 'fixtures', 'interleave', 'Code.js');
const LOCK_TIMEOUT = 'Exception: Lock timeout: another process was holding the lock for too long.';

afterAll(() => closeInterleaving());

function setup() {
  const ws = createWorkspace();
  loadAddon(ws, FIXTURE);
  return ws;
}

/** Round robin: every ready run advances one call in turn, the tightest interleaving. */
const roundRobin = (ready: ReadyRun[], step: number) => step % ready.length;

/** Runs `first` until it is about to make `pauseAt`, then prefers `then` while it can advance. */
function pauseFirst(first: string, pauseAt: string, then: string) {
  return (ready: ReadyRun[]) => {
    const a = ready.findIndex((r) => r.label === first);
    if (a >= 0 && ready[a].next !== pauseAt) return a;
    const b = ready.findIndex((r) => r.label === then);
    return b >= 0 ? b : Math.max(a, 0);
  };
}

describe('interleaved executions', () => {
  test('two read-modify-writes without a lock lose an update when interleaved', () => {
    const ws = setup();
    const out = runInterleaved(ws, [{ fn: 'bump', args: ['n'] }, { fn: 'bump', args: ['n'] }], { choose: roundRobin });
    expect(out.map((o) => o.value)).toEqual([1, 1]);
    expect(ws.properties('document').n).toBe('1');
  });

  test('with the document lock no update is lost, whatever the seed', () => {
    for (let seed = 1; seed <= 12; seed++) {
      const ws = setup();
      const out = runInterleaved(ws, [1, 2, 3].map(() => ({ fn: 'bumpLocked', args: ['n'] })), { seed });
      expect(out.every((o) => o.ok)).toBe(true);
      expect(out.map((o) => o.value).sort()).toEqual([1, 2, 3]);
      expect(ws.properties('document').n).toBe('3');
    }
  });

  test('a seed always yields the same interleaving, and seeds differ', () => {
    const results = (seed: number) => {
      const ws = setup();
      return JSON.stringify(runInterleaved(ws, [1, 2, 3].map((i) => ({ label: `bump ${i}`, fn: 'bump', args: ['n'] })), { seed }).map((o) => o.value));
    };
    expect(results(7)).toBe(results(7));
    const seen = new Set<string>();
    for (let seed = 1; seed <= 20; seed++) seen.add(results(seed));
    expect(seen.size).toBeGreaterThan(1);
  });

  test('each execution runs as its own user; arguments and results keep dates; service errors keep their text', () => {
    const ws = setup();
    const at = new Date('2026-01-02T03:04:05Z');
    const out = runInterleaved(ws, [
      { fn: 'whoAmI', user: 'anna@studio.test' },
      { fn: 'whoAmI', user: 'boris@studio.test' },
      { fn: 'writeCell', args: [at] },
      { fn: 'waitFor', args: ['document', 400000] },
    ], { seed: 3 });
    expect(out[0].value).toBe('anna@studio.test');
    expect(out[1].value).toBe('boris@studio.test');
    expect(out[2].value).toEqual(at);
    expect((out[3].value as { error: string }).error).toBe('Exception: Invalid argument: timeoutInMillis. The maximum is 300000.');
  });

  test('an edit typed in an interleaved run fires onEdit as an execution of its own', () => {
    const ws = setup();
    const out = runInterleaved(ws, [{ label: 'typing', edit: { sheet: 'Sheet1', row: 2, col: 2, value: 'hi', user: 'eva@studio.test' } }]);
    expect(out.map((o) => [o.label, o.ok])).toEqual([['typing', true], ['typing: onEdit', true]]);
    expect(ws.properties('document').edited).toBe('B2=hi by eva@studio.test');
  });
});

describe('Lock in interleaved executions (reference/lock/lock)', () => {
  // releaseLock(): "Releases the lock, allowing other processes waiting on the lock to continue."
  test('waitLock waits for the holder to release, then acquires', () => {
    const ws = setup();
    const start = ws.clock.millis();
    const seen: string[] = [];
    const pause = pauseFirst('holder', 'Utilities.sleep', 'waiter');
    const out = runInterleaved(ws, [
      { label: 'holder', fn: 'holdLockFor', args: [3000, 'document'] },
      { label: 'waiter', fn: 'waitFor', args: ['document', 10000] },
    ], { choose: (ready, step) => { seen.push(ready.map((r) => `${r.label}:${r.next}`).join(' ')); return pause(ready); } });
    expect(out[0].value).toEqual([true, false]);
    expect(out[1].value).toEqual({ got: true, waited: 3000, has: true });
    // While the holder slept with the lock, the waiter was not ready: its waitLock was pending.
    expect(seen).toContain('holder:Utilities.sleep');
    expect(ws.clock.millis() - start).toBe(3000);
  });

  // waitLock(timeoutInMillis): "Attempts to acquire the lock, timing out with an exception after
  // the provided number of milliseconds." hasLock(): "returns false if ... timed out before the
  // lock could be retrieved". The message is what Apps Script throws (its reference does not print it).
  test('waitLock times out with the Apps Script exception after its timeout on the virtual clock', () => {
    const ws = setup();
    const out = runInterleaved(ws, [
      { label: 'holder', fn: 'holdLockFor', args: [20000, 'document'] },
      { label: 'waiter', fn: 'waitFor', args: ['document', 5000] },
    ], { choose: pauseFirst('holder', 'Utilities.sleep', 'waiter') });
    expect(out[1].value).toEqual({ error: LOCK_TIMEOUT, waited: 5000, has: false, isError: true });
    expect(out[0].value).toEqual([true, false]);
  });

  // tryLock(timeoutInMillis): "Attempts to acquire the lock, timing out after the provided number
  // of milliseconds. ... Return: Boolean — true if the lock was acquired, false otherwise"
  test('tryLock returns false when the wait runs out, true when the holder releases in time', () => {
    const short = runInterleaved(setup(), [
      { label: 'holder', fn: 'holdLockFor', args: [20000, 'document'] },
      { label: 'waiter', fn: 'waitFor', args: ['document', 5000, 'try'] },
    ], { choose: pauseFirst('holder', 'Utilities.sleep', 'waiter') });
    expect(short[1].value).toEqual({ got: false, waited: 5000, has: false });
    const long = runInterleaved(setup(), [
      { label: 'holder', fn: 'holdLockFor', args: [2000, 'document'] },
      { label: 'waiter', fn: 'waitFor', args: ['document', 5000, 'try'] },
    ], { choose: pauseFirst('holder', 'Utilities.sleep', 'waiter') });
    expect(long[1].value).toEqual({ got: true, waited: 2000, has: true });
  });

  // getScriptLock: "A code section guarded by a script lock cannot be executed simultaneously
  // regardless of the identity of the user." getUserLock: "A code section guarded by a user lock
  // can be executed simultaneously by different users, but by no more than one execution for any
  // given user." getDocumentLock: "... by no more than one execution for any given document."
  test('document, script and user locks are separate scopes', () => {
    const holdThenTry = (kind: string, holder: string, other: string, tryKind: string) => runInterleaved(setup(), [
      { label: 'holder', fn: 'holdLockFor', args: [1000, kind], user: holder },
      { label: 'other', fn: 'waitFor', args: [tryKind, 0, 'try'], user: other },
    ], { choose: pauseFirst('holder', 'Utilities.sleep', 'other') })[1].value;
    expect(holdThenTry('document', 'anna@x.test', 'boris@x.test', 'document')).toMatchObject({ got: false });
    expect(holdThenTry('document', 'anna@x.test', 'anna@x.test', 'script')).toMatchObject({ got: true });
    expect(holdThenTry('script', 'anna@x.test', 'boris@x.test', 'script')).toMatchObject({ got: false });
    expect(holdThenTry('user', 'anna@x.test', 'boris@x.test', 'user')).toMatchObject({ got: true });
    expect(holdThenTry('user', 'anna@x.test', 'anna@x.test', 'user')).toMatchObject({ got: false });
  });

  test('a lock is released when its execution ends, letting a waiter in', () => {
    const ws = setup();
    const out = runInterleaved(ws, [
      { label: 'holder', fn: 'waitFor', args: ['document', 100] }, // takes the lock and ends holding it
      { label: 'waiter', fn: 'waitFor', args: ['document', 10000] },
    ], { choose: (ready) => Math.max(ready.findIndex((r) => r.label === 'holder'), 0) });
    expect(out[0].value).toMatchObject({ got: true, has: true });
    expect(out[1].value).toEqual({ got: true, waited: 0, has: true });
  });
});
