// The body of an interleaving worker thread. It owns nothing: it runs the add-on's code (one
// execution at a time, each in a fresh vm context, as loadAddon does) and forwards every call
// on a service object to the main thread synchronously (postMessage, then Atomics.wait until
// the main thread answers). The main thread holds the workspace and decides when to answer.
//
// `workerMain` is started from its source text (`new Worker(source, { eval: true })`), so it
// must not refer to anything outside its own body: no imports, no helpers of this module.

export const HANDLE = '\u0000emulatorHandle';

/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-var-requires */
export function workerMain(): void {
  const { parentPort, workerData, receiveMessageOnPort } = require('node:worker_threads');
  const vm = require('node:vm');
  const fs = require('node:fs');
  const H = '\u0000emulatorHandle';
  const { port, sab, bundlePath, prelude } = workerData;
  const signal = new Int32Array(sab); // [0]: messages to main, [1]: answers to this worker
  const bundle = new vm.Script(fs.readFileSync(bundlePath, 'utf8'), { filename: bundlePath });
  const preludeScript = new vm.Script(prelude, { filename: 'emulator-prelude.js' });

  let proxies = new Map<number, object>();
  let idOf = new WeakMap<object, number>();
  let methodsOf = new Map<number, Set<string>>();
  let protoMethods = new Map<number, string[]>();

  function post(message: unknown): void {
    port.postMessage(message);
    Atomics.add(signal, 0, 1);
    Atomics.notify(signal, 0);
  }

  function ask(message: unknown): any {
    const before = Atomics.load(signal, 1);
    post(message);
    while (Atomics.load(signal, 1) === before) Atomics.wait(signal, 1, before);
    const got = receiveMessageOnPort(port);
    if (!got) throw new Error('Interleaving worker: an answer was signalled but none arrived');
    return got.message;
  }

  function answerOf(reply: any): any {
    if (reply.t === 'throw') {
      const error = new Error(reply.e.message);
      error.name = reply.e.name;
      throw error;
    }
    return fromMain(reply.v);
  }

  function remoteMethod(id: number, name: string) {
    return function remote(...args: unknown[]) {
      return answerOf(ask({ t: 'call', h: id, m: name, a: args.map(toMain) }));
    };
  }

  function handle(d: any): object {
    const id = d[H] as number;
    const known = proxies.get(id);
    if (known) return known;
    if (d.pm) protoMethods.set(d.p, d.pm);
    const methods = new Set<string>([...(protoMethods.get(d.p) || []), ...(d.om || [])]);
    methodsOf.set(id, methods);
    const bound = new Map<string, unknown>();
    const proxy = new Proxy({}, {
      get(_target, prop) {
        if (typeof prop !== 'string') return undefined;
        if (bound.has(prop)) return bound.get(prop);
        if (methods.has(prop)) {
          const fn = remoteMethod(id, prop);
          bound.set(prop, fn);
          return fn;
        }
        const reply = ask({ t: 'get', h: id, p: prop });
        if (reply.t === 'fn') {
          methods.add(prop);
          const fn = remoteMethod(id, prop);
          bound.set(prop, fn);
          return fn;
        }
        return answerOf(reply);
      },
      has(_target, prop) {
        return typeof prop === 'string' && methods.has(prop);
      },
      set() {
        return false;
      },
    });
    proxies.set(id, proxy);
    idOf.set(proxy, id);
    return proxy;
  }

  function fromMain(v: any): any {
    if (v === null || typeof v !== 'object') return v;
    if (Array.isArray(v)) return v.map(fromMain);
    if (v instanceof Date || ArrayBuffer.isView(v)) return v;
    if (Object.prototype.hasOwnProperty.call(v, H)) return handle(v);
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v)) out[k] = fromMain(v[k]);
    return out;
  }

  function toMain(v: any): any {
    if (v === null || (typeof v !== 'object' && typeof v !== 'function')) return v;
    const id = idOf.get(v);
    if (id !== undefined) return { [H]: id };
    if (typeof v === 'function') throw new Error('The Dealboard emulator cannot pass a function to an Apps Script service from an interleaved execution');
    if (Array.isArray(v)) return v.map(toMain);
    const tag = Object.prototype.toString.call(v);
    if (tag === '[object Date]') return new Date(v.getTime());
    if (ArrayBuffer.isView(v)) return v;
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v)) out[k] = toMain(v[k]);
    return out;
  }

  function virtualDate(): DateConstructor {
    const now = (): number => ask({ t: 'now' }).v;
    return new Proxy(Date, {
      construct(target, args, newTarget) {
        return Reflect.construct(target, args.length === 0 ? [now()] : args, newTarget);
      },
      apply() {
        return new Date(now()).toString();
      },
      get(target, prop, receiver) {
        if (prop === 'now') return function nowMs() { return now(); };
        return Reflect.get(target, prop, receiver);
      },
    });
  }

  parentPort.on('message', (job: any) => {
    proxies = new Map();
    idOf = new WeakMap();
    methodsOf = new Map();
    protoMethods = new Map();
    let message: unknown;
    try {
      const scope: Record<string, unknown> = {};
      for (const name of Object.keys(job.roots)) scope[name] = fromMain(job.roots[name]);
      scope.Date = virtualDate();
      vm.createContext(scope);
      preludeScript.runInContext(scope);
      bundle.runInContext(scope);
      const fn = scope[job.name];
      if (typeof fn !== 'function') throw Object.assign(new Error(`Script function not found: ${job.name}`), { name: 'Exception' });
      const args = job.json !== undefined ? vm.runInContext('JSON', scope).parse(job.json) : fromMain(job.args);
      const value = (fn as (...a: unknown[]) => unknown).apply(undefined, args);
      message = { t: 'done', ok: true, v: job.json !== undefined ? JSON.stringify(value === undefined ? null : value) : toMain(value) };
    } catch (e: any) {
      const error = e && typeof e === 'object' ? { name: String(e.name || 'Error'), message: String(e.message), stack: String(e.stack || '') } : { name: 'Error', message: String(e), stack: '' };
      message = { t: 'done', ok: false, e: error };
    }
    try {
      post(message);
    } catch (_uncloneable) {
      post({ t: 'done', ok: false, e: { name: 'Error', message: 'The execution returned a value that cannot leave the worker', stack: '' } });
    }
  });
}
