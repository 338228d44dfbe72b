// Stand-in packages for the imports of gas-fakes' test files, written into the harness's
// scratch folder (node_modules/…): the suite then loads with no install and no network.
// '@mcpher/gas-fakes' (which would install gas-fakes' own fakes) becomes an empty module: the
// emulator's globals are installed before any test file loads. '@mcpher/unit' hands out the
// counting unit. '@sindresorhus/is' is reduced to the predicates the suite calls, each as the
// package documents it. Imports the suite needs only for services we do not emulate
// (fiddler, gas-flex-cache) load, and throw when used.

/** The text of each stand-in, by package folder. `countingUrl` is the file URL of gasFakesCounting.mjs. */
export function shimPackages(countingUrl) {
  const pkg = (name, exportsField) => JSON.stringify({ name, type: 'module', ...(exportsField ? { exports: exportsField } : { main: 'index.js' }) });
  const unavailable = (what) => `const fail = () => { throw new Error('${what} is not available in the gas-fakes conformance harness'); };\n`
    + 'const any = new Proxy(fail, { get: (_t, k) => (k === "then" ? undefined : any), apply: fail, construct: fail });\n';
  return {
    '@mcpher/gas-fakes': {
      'package.json': pkg('@mcpher/gas-fakes'),
      'index.js': '// the emulator installed the globals already\nexport {};\n',
    },
    '@mcpher/unit': {
      'package.json': pkg('@mcpher/unit'),
      'index.js': `import { newCountingUnit } from ${JSON.stringify(countingUrl)};\n`
        + 'export const Exports = {\n'
        + '  newUnit: () => globalThis.__gasFakesUnit ?? newCountingUnit("(unknown)"),\n'
        + '  CodeLocator: { isGas: false, setGetResource() {}, setScriptId() {} },\n'
        + '};\n',
    },
    '@sindresorhus/is': {
      'package.json': pkg('@sindresorhus/is'),
      'index.js': IS_SHIM,
    },
    zod: {
      'package.json': pkg('zod', { './v4/core': './core.js', '.': './core.js' }),
      'core.js': 'export const _null = () => null;\nexport const z = {};\n',
    },
    '@mcpher/gas-flex-cache': {
      'package.json': pkg('@mcpher/gas-flex-cache'),
      'index.js': `${unavailable('@mcpher/gas-flex-cache')}export const getUserIdFromToken = any;\nexport const newCacheDropin = any;\n`,
    },
    '@mcpher/fiddler': {
      'package.json': pkg('@mcpher/fiddler'),
      'index.js': `${unavailable('@mcpher/fiddler')}export const Fiddler = any;\n`,
    },
  };
}

// The @sindresorhus/is predicates gas-fakes' tests use (readme of sindresorhus/is).
const IS_SHIM = `
const typeName = (v) => v === null ? 'null' : Array.isArray(v) ? 'Array' : v instanceof Date ? 'Date' : typeof v === 'object' ? 'Object' : typeof v;
const is = (v) => typeName(v);
is.undefined = (v) => v === undefined;
is.null = (v) => v === null;
is.nullOrUndefined = (v) => v === null || v === undefined;
is.string = (v) => typeof v === 'string';
is.nonEmptyString = (v) => typeof v === 'string' && v.length > 0;
is.number = (v) => typeof v === 'number' && !Number.isNaN(v);
is.integer = (v) => Number.isInteger(v);
is.boolean = (v) => v === true || v === false;
is.function = (v) => typeof v === 'function';
is.array = (v, assertion) => Array.isArray(v) && (!assertion || v.every(assertion));
is.nonEmptyArray = (v) => Array.isArray(v) && v.length > 0;
is.emptyArray = (v) => Array.isArray(v) && v.length === 0;
is.date = (v) => Object.prototype.toString.call(v) === '[object Date]';
is.object = (v) => v !== null && (typeof v === 'object' || typeof v === 'function');
is.plainObject = (v) => { if (Object.prototype.toString.call(v) !== '[object Object]') return false; const p = Object.getPrototypeOf(v); return p === null || p === Object.prototype; };
is.emptyObject = (v) => is.object(v) && !(v instanceof Map) && !(v instanceof Set) && Object.keys(v).length === 0;
is.nonEmptyObject = (v) => is.object(v) && !(v instanceof Map) && !(v instanceof Set) && Object.keys(v).length > 0;
is.regExp = (v) => Object.prototype.toString.call(v) === '[object RegExp]';
is.promise = (v) => !!v && typeof v.then === 'function';
is.truthy = (v) => !!v;
is.falsy = (v) => !v;
export default new Proxy(is, { get(t, k) { if (k in t || typeof k === 'symbol') return t[k]; throw new Error('is.' + String(k) + ' is not in the harness shim of @sindresorhus/is'); } });
`;
