// LockService and Lock: real mutual exclusion between executions on the virtual clock.
// Executions are synchronous, so a lock held by another (outer, still running) execution
// can never be released while we wait: waitLock advances the clock by the timeout and throws.
import { counted } from '../context';
import type { ServiceState } from './state';
import { gasError } from './util';

type GLock = GoogleAppsScript.Lock.Lock;

export const LOCK_TIMEOUT_MESSAGE = 'Lock timeout: another process was holding the lock for too long.';
const MAX_TIMEOUT_MS = 300000;

export class EmuLock implements Pick<GLock, 'hasLock' | 'releaseLock' | 'tryLock' | 'waitLock'> {
  constructor(private state: ServiceState, readonly key: string) {}

  private acquire(timeoutInMillis: number): boolean {
    const ms = Number(timeoutInMillis);
    if (!Number.isFinite(ms) || ms < 0) throw gasError('Invalid argument: timeoutInMillis');
    if (ms > MAX_TIMEOUT_MS) throw gasError(`Invalid argument: timeoutInMillis. The maximum is ${MAX_TIMEOUT_MS}.`);
    const me = this.state.ctx.currentExecution().id;
    const holder = this.state.locks.get(this.key);
    if (holder === undefined || holder === me) {
      this.state.locks.set(this.key, me);
      return true;
    }
    this.state.ctx.clock.advance(ms);
    return false;
  }

  hasLock(): boolean {
    return this.state.locks.get(this.key) === this.state.ctx.currentExecution().id;
  }
  releaseLock(): void {
    if (this.hasLock()) this.state.locks.delete(this.key);
  }
  tryLock(timeoutInMillis: number): boolean {
    // Apps Script answers a negative timeout with false (no lock), not with an exception.
    if (typeof timeoutInMillis === 'number' && timeoutInMillis < 0) return false;
    return this.acquire(timeoutInMillis);
  }
  waitLock(timeoutInMillis: number): void {
    // As tryLock, a negative timeout never acquires: waitLock then times out "with an exception"
    // (live Apps Script: gas-fakes' suite, test/testlock.js, sees "Lock timeout" for waitLock(-100)).
    if (typeof timeoutInMillis === 'number' && timeoutInMillis < 0) throw gasError(LOCK_TIMEOUT_MESSAGE);
    if (!this.acquire(timeoutInMillis)) throw gasError(LOCK_TIMEOUT_MESSAGE);
  }
}

type ServiceMethods = 'getDocumentLock' | 'getScriptLock' | 'getUserLock';

export class EmuLockService implements Pick<GoogleAppsScript.Lock.LockService, ServiceMethods> {
  constructor(private state: ServiceState) {}
  private wrap(key: string): GLock {
    return counted(this.state.ctx.calls, 'Lock', new EmuLock(this.state, key)) as unknown as GLock;
  }
  getDocumentLock(): GLock {
    this.state.ctx.requireAuthorization('LockService.getDocumentLock');
    return this.wrap(`document:${this.state.spreadsheetId()}`);
  }
  getScriptLock(): GLock {
    this.state.ctx.requireAuthorization('LockService.getScriptLock');
    return this.wrap('script');
  }
  getUserLock(): GLock {
    this.state.ctx.requireAuthorization('LockService.getUserLock');
    return this.wrap(`user:${this.state.ctx.currentUser()}`);
  }
}

export function createLockService(state: ServiceState): GoogleAppsScript.Lock.LockService {
  return counted(state.ctx.calls, 'LockService', new EmuLockService(state)) as unknown as GoogleAppsScript.Lock.LockService;
}
