// Members of an Apps Script class that the emulator does not emulate throw a clear error instead
// of `undefined is not a function`: "Not implemented in the Dealboard emulator: Range.sort".
// The member lists come from @types/google-apps-script (members.generated.ts). Every object made
// with counted() gets this for free when its class name is an Apps Script class; an object that
// is not counted adopts it with one line: `return withNotImplemented('CalendarEvent', obj);`.
import { APPS_SCRIPT_MEMBERS } from './members.generated';

/** Where a bare class name is looked up first (Range is Spreadsheet's before Document's). */
const NAMESPACE_ORDER = ['Spreadsheet', 'Base', 'Drive', 'Document', 'Script', 'HTML', 'Properties', 'Cache', 'Lock',
  'URL_Fetch', 'Utilities', 'Mail', 'Calendar', 'Gmail'];

/** Emulator class names that are not the @types interface name. */
const ALIASES: Record<string, string> = {};

/** Never stubbed: names the host's own machinery probes (JSON, jest, promises, String()). */
const NEVER_STUBBED = new Set(['toJSON', 'toString', 'valueOf', 'then', 'constructor', 'inspect', 'asymmetricMatch']);

const cache = new Map<string, ReadonlySet<string> | null>();

/** The methods @types/google-apps-script declares for a class ('Range' or 'Spreadsheet.Range'). */
export function apiMembers(className: string): ReadonlySet<string> | null {
  if (cache.has(className)) return cache.get(className)!;
  const name = ALIASES[className] ?? className;
  let list: readonly string[] | undefined = APPS_SCRIPT_MEMBERS[name];
  if (!list && !name.includes('.')) {
    for (const ns of NAMESPACE_ORDER) {
      list = APPS_SCRIPT_MEMBERS[`${ns}.${name}`];
      if (list) break;
    }
  }
  const set = list ? new Set(list.filter((m) => !NEVER_STUBBED.has(m))) : null;
  cache.set(className, set);
  return set;
}

export function notImplementedError(className: string, member: string): Error {
  const e = new Error(`Not implemented in the Dealboard emulator: ${className}.${member}`);
  e.name = 'Exception';
  return e;
}

const STUB = Symbol.for('dealboard.emulator.notImplemented');

/** The function that stands for a member the emulator does not emulate (marked, so it can be told apart). */
export function notImplementedStub(className: string, member: string): (...args: unknown[]) => never {
  const fn = function notImplemented(): never { throw notImplementedError(className, member); };
  Object.defineProperty(fn, STUB, { value: true });
  return fn;
}

/** True when obj[name] is a real member (not missing, not a not-implemented stub). */
export function isImplemented(obj: unknown, name: string): boolean {
  if (!obj || (typeof obj !== 'object' && typeof obj !== 'function')) return false;
  const v = (obj as Record<string, unknown>)[name];
  return typeof v === 'function' && !(v as unknown as Record<symbol, unknown>)[STUB];
}

/** What the proxies answer for a property the target lacks: a stub for a documented method, else undefined. */
export function missingMember(className: string, prop: string | symbol): ((...args: unknown[]) => never) | undefined {
  if (typeof prop !== 'string') return undefined;
  const members = apiMembers(className);
  return members && members.has(prop) ? notImplementedStub(className, prop) : undefined;
}

/** `String(range)` is "Range" on Apps Script; real code branches on it. */
export function classNameToString(className: string): () => string {
  return function toString() { return className; };
}

/** One line for an object that is not made with counted(): missing documented members throw clearly. */
export function withNotImplemented<T extends object>(className: string, target: T): T {
  return new Proxy(target, {
    get(obj, prop, receiver) {
      const value = Reflect.get(obj, prop, receiver);
      if (value !== undefined) {
        if (prop === 'toString' && value === Object.prototype.toString) return classNameToString(className);
        return value;
      }
      return missingMember(className, prop);
    },
  });
}

/** Methods of the class that the emulator implements on this object (for the README's table). */
export function implementedMembers(className: string, target: object): string[] {
  const members = apiMembers(className);
  if (!members) return [];
  return [...members].filter((m) => typeof (target as Record<string, unknown>)[m] === 'function').sort();
}
