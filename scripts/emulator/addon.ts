// loadAddon(): loads the very bundle clasp pushes (dist/Code.js) with gas-local into a sandbox
// made from ws.globals, and wraps each of its top-level functions so that one call is one
// execution, each in a fresh global scope. runFromClient(): google.script.run's rules for calls
// from the sidebar.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import * as vm from 'node:vm';
import type { AuthModeName } from './context';
import { applyManifestFile } from './manifest';
import { Addon, AddonInternals, ExecuteOptions, RUN, Workspace } from './workspace';

// eslint-disable-next-line @typescript-eslint/no-var-requires
const gasLocal = require('gas-local') as { require(dir: string, globals: object, options: { filter(f: string): boolean }): object };


/**
 * Runs in the sandbox before the bundle. On Apps Script every object lives in one realm; here
 * errors thrown and arrays returned by the emulator's services come from the host realm, so
 * `e instanceof Error` and `x instanceof Array` in the add-on also accept those.
 */
export const PRELUDE = `(function () {
  var ordinary = Function.prototype[Symbol.hasInstance];
  var tag = Object.prototype.toString;
  Object.defineProperty(Error, Symbol.hasInstance, { configurable: true, value: function (x) {
    return ordinary.call(this, x) || (this === Error && tag.call(x) === '[object Error]');
  } });
  Object.defineProperty(Array, Symbol.hasInstance, { configurable: true, value: function (x) {
    return ordinary.call(this, x) || (this === Array && Array.isArray(x));
  } });
})();`;

/**
 * The standard built-ins the bundle reads, bound once per execution as script-level constants
 * of that execution's own realm. Why: a global read inside a vm context goes through Node's
 * interceptor on the contextified global (a C++ call each time, never optimised), so a loop
 * calling Math.imul or String() per character ran ~60x slower than on Apps Script, whose
 * globals are ordinary. The objects are the very same (the context's own, prelude patches
 * included); only the lookup is cheaper. `undefined`, `NaN`, `Infinity` (not configurable),
 * `eval` (a direct eval must stay direct) and `globalThis` are left alone.
 */
export const BOUND_BUILTINS = [
  'Object', 'Function', 'Array', 'Number', 'Boolean', 'String', 'Symbol', 'Date', 'Promise', 'RegExp',
  'Error', 'EvalError', 'RangeError', 'ReferenceError', 'SyntaxError', 'TypeError', 'URIError',
  'JSON', 'Math', 'Intl', 'Reflect', 'Proxy', 'Map', 'Set', 'WeakMap', 'WeakSet', 'BigInt',
  'ArrayBuffer', 'DataView', 'Uint8Array', 'Int8Array', 'Uint16Array', 'Int16Array', 'Uint32Array', 'Int32Array',
  'Float32Array', 'Float64Array', 'Uint8ClampedArray',
  'parseInt', 'parseFloat', 'isNaN', 'isFinite', 'encodeURIComponent', 'decodeURIComponent', 'encodeURI', 'decodeURI',
  'escape', 'unescape',
];

/**
 * The bundle's source with BOUND_BUILTINS declared first, on its first line (line numbers of
 * stack traces stay as they are) and after a leading "use strict" directive (it stays one).
 */
export function withBoundBuiltins(source: string): string {
  const bind = `const ${BOUND_BUILTINS.map((n) => `${n} = globalThis.${n}`).join(', ')};`;
  const directive = /^(\s*(['"])use strict\2;?)/.exec(source);
  return directive ? `${directive[1]}${bind}${source.slice(directive[1].length)}` : `${bind}${source}`;
}

const AUTH_MODES: AuthModeName[] = ['NONE', 'LIMITED', 'CUSTOM_FUNCTION', 'FULL'];
const SANDBOX_JSON = Symbol('emulator.sandboxJson');
/** The bundle file a loaded add-on came from (the interleaving scheduler loads it in workers). */
export const BUNDLE_FILE = Symbol.for('dealboard.emulator.bundleFile');
const CLIENT_ARGS = Symbol('emulator.clientArgs');

type LoadedAddon = Addon & AddonInternals & { [SANDBOX_JSON]?: JSON };

/** Loads the bundle into ws (sets ws.addon, ws.bundleDir, ws.sandbox) and returns its functions. */
export function loadAddon(ws: Workspace, bundlePath = 'dist/Code.js'): Addon {
  const file = resolve(process.cwd(), bundlePath);
  if (!existsSync(file)) throw new Error(`No add-on bundle at ${file} (run npm run build first)`);
  const dir = dirname(file);
  // Apps Script gives every execution a fresh global scope: the script's top-level statements
  // run again and nothing a previous execution left in a global survives. The bundle is compiled
  // once (vm.Script keeps V8's compiled code) and run in a new context per execution.
  const prelude = new vm.Script(PRELUDE, { filename: 'emulator-prelude.js' });
  const source = readFileSync(file, 'utf8');
  const bundle = new vm.Script(withBoundBuiltins(source), { filename: file });
  const freshScope = (): Record<string, unknown> => {
    const scope: Record<string, unknown> = Object.assign({}, ws.globals);
    vm.createContext(scope);
    prelude.runInContext(scope);
    bundle.runInContext(scope);
    return scope;
  };
  // The load-time scope (which functions the script defines) is gas-local's, as before.
  const sandbox: Record<string, unknown> = Object.assign({}, ws.globals);
  vm.createContext(sandbox);
  prelude.runInContext(sandbox);
  gasLocal.require(dir, sandbox, { filter: (f: string) => resolve(f) === file });
  const emulatorGlobals = new Set(Object.keys(ws.globals));
  const addon = {} as LoadedAddon;
  const run = (name: string, args: unknown[], options: ExecuteOptions & { [CLIENT_ARGS]?: string }): unknown => {
    if (typeof sandbox[name] !== 'function') throw Object.assign(new Error(`Script function not found: ${name}`), { name: 'Exception' });
    return ws.execute(() => {
      const outer = ws.sandbox;
      const scope = freshScope();
      ws.sandbox = scope;
      try {
        // Arguments from google.script.run are made in the execution's own realm (x instanceof Object).
        const json = options[CLIENT_ARGS];
        const callArgs = json === undefined ? args : (vm.runInContext('JSON', scope) as JSON).parse(json) as unknown[];
        return (scope[name] as (...a: unknown[]) => unknown).apply(undefined, callArgs);
      } finally {
        if (outer !== null) ws.sandbox = outer;
      }
    }, options);
  };
  for (const name of Object.getOwnPropertyNames(sandbox)) {
    if (emulatorGlobals.has(name) || typeof sandbox[name] !== 'function') continue;
    addon[name] = (...args: unknown[]) => {
      const first = args[0] as { authMode?: unknown } | undefined;
      const mode = first && typeof first === 'object' && AUTH_MODES.includes(first.authMode as AuthModeName)
        ? (first.authMode as AuthModeName) : undefined;
      return run(name, args, mode ? { authMode: mode } : {});
    };
  }
  Object.defineProperty(addon, RUN, { value: run, enumerable: false });
  Object.defineProperty(addon, BUNDLE_FILE, { value: file, enumerable: false });
  Object.defineProperty(addon, SANDBOX_JSON, { value: vm.runInContext('JSON', sandbox), enumerable: false });

  ws.bundleDir = dir;
  // Without explicit oauthScopes the scopes are inferred from the bundle's code, as the editor does.
  applyManifestFile(ws, dir, source);
  ws.sandbox = sandbox;
  ws.addon = addon;
  return addon;
}

export type ClientResult =
  | { ok: true; value: unknown }
  | { ok: false; error: { name: string; message: string } };

const CARRIED = 'google.script.run only carries numbers, booleans, strings, null, and plain objects and arrays of those';

function describe(v: unknown): string {
  if (typeof v === 'function') return 'a function';
  if (typeof v === 'bigint') return 'a BigInt';
  if (typeof v === 'symbol') return 'a Symbol';
  const tag = Object.prototype.toString.call(v).slice(8, -1);
  if (tag === 'Date') return 'a Date';
  if (tag === 'Error') return 'an Error';
  if (tag === 'Map' || tag === 'Set' || tag === 'RegExp') return `a ${tag}`;
  const proto = Object.getPrototypeOf(v) as { constructor?: { name?: string } } | null;
  const ctor = proto && proto.constructor && proto.constructor.name;
  return ctor ? `an instance of ${ctor}` : 'an object that is not plain';
}

function isPlainObject(v: object): boolean {
  const proto = Object.getPrototypeOf(v) as object | null;
  if (proto === null) return true;
  if (Object.getPrototypeOf(proto) !== null) return false;
  const ctor = (proto as { constructor?: { name?: string } }).constructor;
  return !!ctor && ctor.name === 'Object' && Object.prototype.toString.call(v) === '[object Object]';
}

/** Where the first value google.script.run cannot carry sits, or null if the payload is fine. */
export function findIllegalValue(v: unknown, path = 'value', seen: Set<object> = new Set()): string | null {
  if (v === null || v === undefined || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return null;
  if (typeof v !== 'object') return `${describe(v)} at ${path}`;
  if (seen.has(v)) return `a circular reference at ${path}`;
  seen.add(v);
  try {
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) {
        const p = findIllegalValue(v[i], `${path}[${i}]`, seen);
        if (p) return p;
      }
      return null;
    }
    if (!isPlainObject(v)) return `${describe(v)} at ${path}`;
    for (const key of Object.keys(v)) {
      const p = findIllegalValue((v as Record<string, unknown>)[key], /^[A-Za-z_$][\w$]*$/.test(key) ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`, seen);
      if (p) return p;
    }
    return null;
  } finally {
    seen.delete(v);
  }
}

function errorInfo(e: unknown): { name: string; message: string } {
  if (e && typeof e === 'object' && 'message' in e) {
    const err = e as { name?: unknown; message?: unknown };
    return { name: String(err.name ?? 'Error'), message: String(err.message) };
  }
  return { name: 'Error', message: String(e) };
}

/**
 * A call from the sidebar: google.script.run.withSuccessHandler(...)[functionName](...args).
 * The function must be a global of the bundle whose name does not end in '_'; arguments and the
 * return value may only hold numbers, booleans, strings, null and plain objects/arrays (undefined
 * object fields are dropped). Returns what the success or the failure handler would receive.
 */
export function runFromClient(ws: Workspace, addon: Addon, functionName: string, args: unknown[] = []): ClientResult {
  const loaded = addon as LoadedAddon;
  const name = String(functionName);
  if (name.endsWith('_') || !Object.prototype.hasOwnProperty.call(addon, name) || typeof addon[name] !== 'function') {
    return { ok: false, error: { name: 'ScriptError', message: `Script function not found: ${name}` } };
  }
  const argProblem = findIllegalValue(args, 'arguments');
  if (argProblem) {
    return { ok: false, error: { name: 'Error', message: `Failed due to illegal value in the arguments of ${name}: ${argProblem}; ${CARRIED}.` } };
  }
  const json = loaded[SANDBOX_JSON] ?? JSON;
  const argsJson = JSON.stringify(args.map((a) => (a === undefined ? null : a)));
  const sandboxArgs = json.parse(argsJson) as unknown[];
  let value: unknown;
  try {
    const runner = loaded[RUN] as ((name: string, args: unknown[], options: ExecuteOptions & { [CLIENT_ARGS]?: string }) => unknown) | undefined;
    value = runner ? runner(name, sandboxArgs, { user: ws.currentUser(), [CLIENT_ARGS]: argsJson }) : addon[name](...sandboxArgs);
  } catch (e) {
    return { ok: false, error: errorInfo(e) };
  }
  const problem = findIllegalValue(value, 'result');
  if (problem) {
    return { ok: false, error: { name: 'Error', message: `Failed due to illegal value in the return value of ${name}: ${problem}; ${CARRIED}.` } };
  }
  return { ok: true, value: value === undefined ? null : JSON.parse(JSON.stringify(value)) };
}
