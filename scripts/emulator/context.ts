// The shared core every emulated service is built on: the virtual clock, the call counter
// and the execution model. Services never read the real time and never count themselves.
import { classNameToString, implementedMembers, missingMember } from './notImplemented';

/** Asked of a counted() object: the documented methods it implements (README's per-class table). */
export const IMPLEMENTED = Symbol.for('dealboard.emulator.implementedMembers');

export type CallCategory =
  | 'spreadsheetRead'
  | 'spreadsheetWrite'
  | 'cache'
  | 'properties'
  | 'lock'
  | 'drive'
  | 'docs'
  | 'mail'
  | 'calendar'
  | 'urlfetch'
  | 'handle';

/** Methods that move data. Everything else that is counted is a "handle" call. */
export const DATA_CALLS: Record<string, CallCategory> = {
  'Range.getValues': 'spreadsheetRead',
  'Range.getValue': 'spreadsheetRead',
  'Range.getDisplayValues': 'spreadsheetRead',
  'Range.getDisplayValue': 'spreadsheetRead',
  'Range.getFormulas': 'spreadsheetRead',
  'Range.getFormula': 'spreadsheetRead',
  'Range.getNotes': 'spreadsheetRead',
  'Range.getNote': 'spreadsheetRead',
  'Sheet.getSheetValues': 'spreadsheetRead',
  'Range.setValues': 'spreadsheetWrite',
  'Range.setValue': 'spreadsheetWrite',
  'Range.setFormulas': 'spreadsheetWrite',
  'Range.setFormula': 'spreadsheetWrite',
  // A RangeList write is one round trip for all its ranges.
  'RangeList.setValue': 'spreadsheetWrite',
  'RangeList.setFormula': 'spreadsheetWrite',
  'RangeList.clearContent': 'spreadsheetWrite',
  'Range.clearContent': 'spreadsheetWrite',
  'Range.setNote': 'spreadsheetWrite',
  'Range.setNotes': 'spreadsheetWrite',
  'Range.insertCheckboxes': 'spreadsheetWrite',
  'Sheet.appendRow': 'spreadsheetWrite',
  'Sheet.deleteRow': 'spreadsheetWrite',
  'Sheet.deleteRows': 'spreadsheetWrite',
  // A TextFinder search is one round trip that returns cells, not values; a replace writes.
  'TextFinder.findAll': 'spreadsheetRead',
  'TextFinder.findNext': 'spreadsheetRead',
  'TextFinder.findPrevious': 'spreadsheetRead',
  'TextFinder.replaceAllWith': 'spreadsheetWrite',
  'TextFinder.replaceWith': 'spreadsheetWrite',
  'Cache.get': 'cache',
  'Cache.getAll': 'cache',
  'Cache.put': 'cache',
  'Cache.putAll': 'cache',
  'Cache.remove': 'cache',
  'Cache.removeAll': 'cache',
  'Properties.getProperty': 'properties',
  'Properties.getProperties': 'properties',
  'Properties.getKeys': 'properties',
  'Properties.setProperty': 'properties',
  'Properties.setProperties': 'properties',
  'Properties.deleteProperty': 'properties',
  'Properties.deleteAllProperties': 'properties',
  'Lock.waitLock': 'lock',
  'Lock.tryLock': 'lock',
  'DriveFiles.create': 'drive',
  'DriveFiles.copy': 'drive',
  'DriveFiles.get': 'drive',
  'DriveFiles.list': 'drive',
  // A Drive round trip like any other, though it only hands out ids (it was counted as a handle).
  'DriveFiles.generateIds': 'drive',
  'DriveFiles.update': 'drive',
  'DriveFiles.remove': 'drive',
  'DriveFiles.export': 'drive',
  'DrivePermissions.create': 'drive',
  'DrivePermissions.list': 'drive',
  'DrivePermissions.remove': 'drive',
  'DriveApp.getFileById': 'drive',
  'File.getAs': 'drive',
  'File.getBlob': 'drive',
  'File.setSharing': 'drive',
  'DocsDocuments.get': 'docs',
  'DocsDocuments.create': 'docs',
  'DocsDocuments.batchUpdate': 'docs',
  'DocumentApp.openById': 'docs',
  'Body.replaceText': 'docs',
  // Drive's export REST endpoint (the add-on's PDF export); its own quota (UrlFetch calls/day).
  'UrlFetchApp.fetch': 'urlfetch',
  'UrlFetchApp.fetchAll': 'urlfetch',
  'MailApp.sendEmail': 'mail',
  'MailApp.getRemainingDailyQuota': 'mail',
  'GmailApp.sendEmail': 'mail',
  'GmailDraft.send': 'mail',
};

export function categoryOf(key: string): CallCategory {
  return DATA_CALLS[key] ?? 'handle';
}

export interface CallSummary {
  total: number;
  data: number;
  byCategory: Record<CallCategory, number>;
  byMethod: Record<string, number>;
}

export class CallCounter {
  private counts = new Map<string, number>();
  /** >0 while emulator code runs on behalf of a counted call or a test helper. */
  depth = 0;
  /**
   * Runs before every call the add-on makes (not emulator internals), with its `Class.method`;
   * may throw to end an execution, or advance the virtual clock (tests that follow a latency model).
   */
  guard: ((key: string) => void) | null = null;

  record(key: string): void {
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
  }

  reset(): void {
    this.counts.clear();
  }

  byMethod(): Record<string, number> {
    return Object.fromEntries([...this.counts.entries()].sort(([a], [b]) => a.localeCompare(b)));
  }

  summary(): CallSummary {
    const byCategory = {
      spreadsheetRead: 0, spreadsheetWrite: 0, cache: 0, properties: 0, lock: 0,
      drive: 0, docs: 0, mail: 0, calendar: 0, urlfetch: 0, handle: 0,
    } as Record<CallCategory, number>;
    let total = 0;
    for (const [key, n] of this.counts) {
      byCategory[categoryOf(key)] += n;
      total += n;
    }
    return { total, data: total - byCategory.handle, byCategory, byMethod: this.byMethod() };
  }

  /** Runs fn without counting anything it calls (test helpers, emulator internals). */
  uncounted<T>(fn: () => T): T {
    this.depth++;
    try {
      return fn();
    } finally {
      this.depth--;
    }
  }
}

export class VirtualClock {
  private nowMs: number;
  constructor(start: Date | string | number) {
    this.nowMs = new Date(start).getTime();
    if (Number.isNaN(this.nowMs)) throw new Error(`Invalid start time: ${String(start)}`);
  }
  now(): Date {
    return new Date(this.nowMs);
  }
  millis(): number {
    return this.nowMs;
  }
  set(to: Date | string | number): void {
    const ms = new Date(to).getTime();
    if (Number.isNaN(ms)) throw new Error(`Invalid time: ${String(to)}`);
    this.nowMs = ms;
  }
  advance(ms: number): void {
    this.nowMs += ms;
  }
}

/**
 * Wraps a service object so that every method call made from the add-on is counted as
 * `${className}.${method}`. Calls made while another counted call (or an uncounted test
 * helper) is running are not counted, so emulator internals never inflate the figures.
 */
function emptyJson(): object { return {}; }

/** True when obj's toString is Object.prototype's (looked up through proxies without calling traps). */
function inheritsObjectToString(obj: object): boolean {
  for (let p: object | null = obj; p; p = Object.getPrototypeOf(p)) {
    if (Object.prototype.hasOwnProperty.call(p, 'toString')) return p === Object.prototype;
  }
  return false;
}

export function counted<T extends object>(counter: CallCounter, className: string, target: T): T {
  return new Proxy(target, {
    get(obj, prop, receiver) {
      const value = Reflect.get(obj, prop, receiver);
      // A documented member the emulator lacks throws "Not implemented in the Dealboard emulator".
      if (value === undefined) {
        if (prop === IMPLEMENTED) return implementedMembers(className, obj);
        // JSON.stringify(range) is "{}" on Apps Script (service objects have no enumerable data).
        if (prop === 'toJSON') return emptyJson;
        return missingMember(className, prop);
      }
      if (prop === 'toString' && inheritsObjectToString(obj)) return classNameToString(className);
      if (typeof value !== 'function' || typeof prop !== 'string' || prop === 'constructor') return value;
      return function countedMethod(this: unknown, ...args: unknown[]) {
        if (counter.depth === 0) {
          const key = `${className}.${prop}`;
          if (counter.guard) counter.guard(key);
          counter.record(key);
        }
        counter.depth++;
        try {
          return (value as (...a: unknown[]) => unknown).apply(obj, args);
        } finally {
          counter.depth--;
        }
      };
    },
  });
}

export type AuthModeName = 'NONE' | 'LIMITED' | 'CUSTOM_FUNCTION' | 'FULL';

export interface Execution {
  id: number;
  user: string;
  authMode: AuthModeName;
}

/** What every emulated service receives. */
export interface EmulatorContext {
  clock: VirtualClock;
  calls: CallCounter;
  /** The execution now running (the add-on runs one global call per execution). */
  currentExecution(): Execution;
  /** Throws as Apps Script does when the running execution may not touch the document. */
  requireAuthorization(what: string): void;
  currentUser(): string;
  timeZone(): string;
  /** Deterministic ids (Utilities.getUuid, file ids, ...). */
  nextId(prefix: string): string;
}
