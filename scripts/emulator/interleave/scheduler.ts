// Interleaved executions: several executions of the loaded add-on run "at once", paused at their
// service calls and resumed in an order a seeded scheduler decides, as concurrent executions of
// one script interleave on Apps Script. Each execution runs in a worker thread that owns nothing
// (worker.ts); every call it makes on a service object comes here synchronously and is answered
// against the one workspace, as that execution (Session, AuthMode, locks follow it). Only one
// worker runs at a time, so a seed always yields the same interleaving.
//
// A waitLock/tryLock on a lock another execution holds is not answered until that execution
// releases it (releaseLock or its end) or the timeout passes on the virtual clock; when every
// live execution is waiting, the clock jumps to the nearest deadline and that call times out.
import { MessageChannel, MessagePort, Worker, receiveMessageOnPort } from 'node:worker_threads';
import { BUNDLE_FILE, PRELUDE } from '../addon';
import type { AuthModeName, Execution } from '../context';
import { EmuLock, LOCK_TIMEOUT_MESSAGE } from '../services/lock';
import { SeededRandom, gasError } from '../services/util';
import { EXECUTIONS, ExecutionHooks, PendingHandler, Workspace } from '../workspace';
import { HANDLE, workerMain } from './worker';

/** One execution to interleave: a global of the bundle, or a hand edit (which fires handlers). */
export interface InterleavedRun {
  /** Shown in outcomes and to `choose`. */
  label?: string;
  /** A global function of the loaded bundle. */
  fn?: string;
  args?: unknown[];
  /** Who runs it (default: the workspace's current user). */
  user?: string;
  authMode?: AuthModeName;
  /** As google.script.run calls it from the sidebar: arguments and result travel as JSON. */
  client?: boolean;
  /** A person types a value when this run starts; the onEdit handlers it fires run as further interleaved executions. */
  edit?: { sheet: string; row: number; col: number; value: unknown; user?: string };
}

export interface RunOutcome {
  label: string;
  ok: boolean;
  value?: unknown;
  error?: { name: string; message: string; stack?: string };
  /** Service calls this execution made. */
  calls: number;
}

/** A run the scheduler may advance now. */
export interface ReadyRun {
  /** Index in the outcomes (runs given, then the handlers edits fired, in the order they fired). */
  index: number;
  label: string;
  /** 'start', or the service call it waits to make: 'Range.setValues', 'Lock.waitLock', ... */
  next: string;
  /** Service calls answered so far. */
  calls: number;
}

export interface InterleaveOptions {
  /** Seed of the default scheduler (uniform choice among the runs that can advance). */
  seed?: number;
  /** A scheduler of your own: returns the position in `ready` to advance. */
  choose?: (ready: ReadyRun[], step: number) => number;
  /** Wall-clock milliseconds a worker may stay silent before the run fails (default 60 s). */
  workerTimeoutMs?: number;
}

interface Slot {
  worker: Worker;
  port: MessagePort;
  signal: Int32Array;
  seen: number;
  bundle: string;
}

interface RunState {
  index: number;
  label: string;
  spec: InterleavedRun & { handler?: PendingHandler };
  status: 'unstarted' | 'running' | 'pending' | 'done';
  slot?: Slot;
  execution?: Execution;
  pending?: { h: number; m: string; a: unknown[] };
  /** A call that waits on the virtual clock: for a lock another execution holds, or a sleep. */
  wait?: { kind: 'waitLock' | 'tryLock' | 'sleep'; key?: string; deadline: number; ms: number; timedOut?: boolean };
  calls: number;
  described: Set<number>;
  protos: Set<number>;
  outcome?: RunOutcome;
}

const idle: Slot[] = [];
const all = new Set<Slot>();
let workerSource: string | null = null;

function newSlot(bundle: string): Slot {
  workerSource = workerSource ?? `(${workerMain.toString()})()`;
  const { port1, port2 } = new MessageChannel();
  const sab = new SharedArrayBuffer(8);
  const worker = new Worker(workerSource, {
    eval: true,
    workerData: { port: port2, sab, bundlePath: bundle, prelude: PRELUDE },
    transferList: [port2],
  });
  worker.unref();
  const slot = { worker, port: port1, signal: new Int32Array(sab), seen: 0, bundle };
  all.add(slot);
  return slot;
}

function takeSlot(bundle: string): Slot {
  const at = idle.findIndex((s) => s.bundle === bundle);
  return at >= 0 ? idle.splice(at, 1)[0] : newSlot(bundle);
}

/** Ends the idle worker threads (they are unref'd, so a process exits without this). */
export async function closeInterleaving(): Promise<void> {
  const slots = [...all];
  all.clear();
  idle.length = 0;
  await Promise.all(slots.map((s) => s.worker.terminate()));
}

function isPlain(v: object): boolean {
  const proto = Object.getPrototypeOf(v);
  return proto === null || proto === Object.prototype;
}

/**
 * Runs the given executions interleaved and returns one outcome per execution (the runs given,
 * then the handlers their edits fired). Requires a loaded add-on (loadAddon).
 */
export function runInterleaved(ws: Workspace, runs: InterleavedRun[], options: InterleaveOptions = {}): RunOutcome[] {
  const hooks = (ws as unknown as Record<symbol, ExecutionHooks>)[EXECUTIONS];
  const bundle = ws.addon ? (ws.addon as unknown as Record<symbol, string>)[BUNDLE_FILE] : undefined;
  if (!bundle) throw new Error('runInterleaved needs an add-on loaded with loadAddon(ws)');
  const random = new SeededRandom((options.seed ?? 1) | 0);
  const timeoutMs = options.workerTimeoutMs ?? 60000;

  const handles = new Map<number, object>();
  const handleIds = new Map<object, number>();
  const protoIds = new Map<object, number>();
  const protoMethodNames = new Map<number, string[]>();

  const functionNames = (o: object): string[] =>
    Object.getOwnPropertyNames(o).filter((k) => {
      if (k === 'constructor') return false;
      const d = Object.getOwnPropertyDescriptor(o, k);
      return !!d && typeof d.value === 'function';
    });

  function protoIdOf(proto: object | null): number {
    if (proto === null) return 0;
    let id = protoIds.get(proto);
    if (id === undefined) {
      id = protoIds.size + 1;
      protoIds.set(proto, id);
      const names = new Set<string>();
      for (let p: object | null = proto; p && p !== Object.prototype && p !== Function.prototype; p = Object.getPrototypeOf(p)) {
        for (const n of functionNames(p)) names.add(n);
      }
      protoMethodNames.set(id, [...names]);
    }
    return id;
  }

  function describe(o: object, run: RunState): Record<string, unknown> {
    let id = handleIds.get(o);
    if (id === undefined) {
      id = handleIds.size + 1;
      handleIds.set(o, id);
      handles.set(id, o);
    }
    if (run.described.has(id)) return { [HANDLE]: id };
    run.described.add(id);
    const p = protoIdOf(Object.getPrototypeOf(o));
    const d: Record<string, unknown> = { [HANDLE]: id, p, om: functionNames(o) };
    if (!run.protos.has(p)) {
      run.protos.add(p);
      d.pm = protoMethodNames.get(p);
    }
    return d;
  }

  function toWorker(v: unknown, run: RunState): unknown {
    if (v === null || (typeof v !== 'object' && typeof v !== 'function')) return v;
    if (typeof v === 'function') return describe(v, run);
    if (Array.isArray(v)) return v.map((x) => toWorker(x, run));
    if (v instanceof Date || Object.prototype.toString.call(v) === '[object Date]') return new Date((v as Date).getTime());
    if (ArrayBuffer.isView(v)) return v;
    if (isPlain(v) && !Object.keys(v).some((k) => typeof (v as Record<string, unknown>)[k] === 'function')) {
      const out: Record<string, unknown> = {};
      for (const k of Object.keys(v)) out[k] = toWorker((v as Record<string, unknown>)[k], run);
      return out;
    }
    return describe(v, run);
  }

  // Messages arrive in Node's main realm; the emulator may run in another (jest's vm context),
  // so dates, arrays and objects are rebuilt here for its instanceof checks.
  function fromWorker(v: unknown): unknown {
    if (v === null || typeof v !== 'object') return v;
    if (Array.isArray(v)) {
      const out: unknown[] = [];
      for (const x of v) out.push(fromWorker(x));
      return out;
    }
    if (Object.prototype.toString.call(v) === '[object Date]') return new Date((v as Date).getTime());
    if (ArrayBuffer.isView(v)) return v;
    if (Object.prototype.hasOwnProperty.call(v, HANDLE)) {
      const o = handles.get((v as Record<string, number>)[HANDLE]);
      if (!o) throw new Error('Interleaving: unknown handle');
      return o;
    }
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v)) out[k] = fromWorker((v as Record<string, unknown>)[k]);
    return out;
  }

  const states: RunState[] = runs.map((spec, index) => ({
    index, label: spec.label ?? spec.fn ?? `edit ${index}`, spec, status: 'unstarted', calls: 0, described: new Set(), protos: new Set(),
  }));

  function reply(run: RunState, message: unknown): void {
    const slot = run.slot!;
    slot.port.postMessage(message);
    Atomics.add(slot.signal, 1, 1);
    Atomics.notify(slot.signal, 1);
  }

  function receive(run: RunState): Record<string, unknown> {
    const slot = run.slot!;
    const until = Date.now() + timeoutMs;
    for (;;) {
      const got = receiveMessageOnPort(slot.port);
      if (got) return got.message as Record<string, unknown>;
      const seen = Atomics.load(slot.signal, 0);
      const again = receiveMessageOnPort(slot.port);
      if (again) return again.message as Record<string, unknown>;
      const left = until - Date.now();
      if (left <= 0) throw new Error(`Interleaved execution "${run.label}" did not answer within ${timeoutMs} ms`);
      Atomics.wait(slot.signal, 0, seen, Math.min(left, 1000));
    }
  }

  function errorOf(e: unknown): { name: string; message: string } {
    const err = e as { name?: unknown; message?: unknown };
    return e && typeof e === 'object' ? { name: String(err.name ?? 'Error'), message: String(err.message) } : { name: 'Error', message: String(e) };
  }

  /** Lets the run's worker go on until its next service call or its end. */
  function advance(run: RunState): void {
    for (;;) {
      const m = receive(run);
      if (m.t === 'now') {
        reply(run, { v: ws.clock.millis() });
      } else if (m.t === 'get') {
        const target = handles.get(m.h as number)!;
        try {
          const v = hooks.within(run.execution!, () => Reflect.get(target, m.p as string));
          reply(run, typeof v === 'function' ? { t: 'fn' } : { t: 'ret', v: toWorker(v, run) });
        } catch (e) {
          reply(run, { t: 'throw', e: errorOf(e) });
        }
      } else if (m.t === 'call') {
        run.pending = { h: m.h as number, m: m.m as string, a: m.a as unknown[] };
        run.status = 'pending';
        run.wait = waitOf(run);
        return;
      } else if (m.t === 'done') {
        hooks.end(run.execution!);
        idle.push(run.slot!);
        run.slot = undefined;
        run.status = 'done';
        const value = m.ok && run.spec.client ? JSON.parse(m.v as string) : fromWorker(m.v);
        run.outcome = m.ok
          ? { label: run.label, ok: true, value, calls: run.calls }
          : { label: run.label, ok: false, error: m.e as RunOutcome['error'], calls: run.calls };
        return;
      } else {
        throw new Error(`Interleaving: unexpected message ${String(m.t)}`);
      }
    }
  }

  /**
   * A waitLock/tryLock (valid timeout) may have to wait for another execution; Utilities.sleep
   * lets the others run while its time passes. Invalid arguments go to the method, which refuses them.
   */
  function waitOf(run: RunState): RunState['wait'] {
    const call = run.pending!;
    const target = handles.get(call.h);
    const ms = Number(call.a[0]);
    if (!Number.isFinite(ms) || ms < 0 || ms > 300000) return undefined;
    if ((call.m === 'waitLock' || call.m === 'tryLock') && target instanceof EmuLock) {
      return { kind: call.m, key: target.key, deadline: ws.clock.millis() + ms, ms };
    }
    if (call.m === 'sleep' && target === ws.globals.Utilities) return { kind: 'sleep', deadline: ws.clock.millis() + ms, ms };
    return undefined;
  }

  function heldByAnother(run: RunState): boolean {
    const w = run.wait;
    if (!w || !w.key) return false;
    const holder = hooks.locks.get(w.key);
    return holder !== undefined && holder !== run.execution!.id;
  }

  function canAdvance(run: RunState): boolean {
    if (run.status === 'unstarted') return true;
    if (run.status !== 'pending') return false;
    const w = run.wait;
    if (!w) return true;
    if (w.kind === 'sleep') return ws.clock.millis() >= w.deadline;
    return w.timedOut === true || !heldByAnother(run);
  }

  /** A lock wait whose deadline passed while another execution held the lock has timed out, whatever happens next. */
  function noteTimeouts(): void {
    for (const r of states) {
      const w = r.wait;
      if (r.status === 'pending' && w && w.key && !w.timedOut && ws.clock.millis() >= w.deadline && heldByAnother(r)) w.timedOut = true;
    }
  }

  function start(run: RunState): void {
    const spec = run.spec;
    if (spec.edit) {
      const e = spec.edit;
      const typed = hooks.typeCell(e.sheet, e.row, e.col, e.value, e.user ?? ws.currentUser());
      for (const h of typed.handlers) {
        states.push({
          index: states.length, label: `${run.label}: ${h.handler}`, spec: { handler: h, fn: h.handler, user: h.user, authMode: h.authMode },
          status: 'unstarted', calls: 0, described: new Set(), protos: new Set(),
        });
      }
      run.status = 'done';
      run.outcome = { label: run.label, ok: true, value: { oldValue: typed.oldValue, value: typed.value }, calls: 0 };
      return;
    }
    if (!spec.fn) throw new Error('An interleaved run needs fn or edit');
    run.execution = hooks.begin({ user: spec.user ?? ws.currentUser(), authMode: spec.authMode ?? 'FULL' });
    run.slot = takeSlot(bundle!);
    run.status = 'running';
    const roots: Record<string, unknown> = {};
    for (const name of Object.keys(ws.globals)) {
      if (name !== 'Date') roots[name] = describe(ws.globals[name] as object, run);
    }
    const job: Record<string, unknown> = { name: spec.fn, roots };
    if (spec.handler) {
      const event = hooks.within(run.execution, () => ws.calls.uncounted(() => spec.handler!.makeEvent()));
      job.args = [toWorker(event, run)];
    } else if (spec.client) {
      job.json = JSON.stringify((spec.args ?? []).map((a) => (a === undefined ? null : a)));
    } else {
      job.args = toWorker(spec.args ?? [], run);
    }
    run.slot.worker.postMessage(job);
    advance(run);
  }

  function answer(run: RunState): void {
    const call = run.pending!;
    run.pending = undefined;
    run.calls++;
    run.status = 'running';
    const wait = run.wait;
    run.wait = undefined;
    const target = handles.get(call.h) as Record<string, (...a: unknown[]) => unknown>;
    let message: unknown;
    try {
      if (wait && wait.timedOut) {
        // The deadline passed while another execution held the lock.
        ws.calls.record(`Lock.${wait.kind}`);
        if (wait.kind === 'waitLock') throw gasError(LOCK_TIMEOUT_MESSAGE);
        message = { t: 'ret', v: false };
      } else {
        // A sleep's time has passed while the others ran: it ends at its deadline, not ms later.
        if (wait && wait.kind === 'sleep') ws.clock.set(Math.max(ws.clock.millis(), wait.deadline) - wait.ms);
        const args = call.a.map(fromWorker);
        const v = hooks.within(run.execution!, () => target[call.m](...args));
        message = { t: 'ret', v: toWorker(v, run) };
      }
    } catch (e) {
      message = { t: 'throw', e: errorOf(e) };
    }
    reply(run, message);
    advance(run);
  }

  let step = 0;
  try {
    for (;;) {
      const live = states.filter((r) => r.status !== 'done');
      if (live.length === 0) break;
      noteTimeouts();
      const ready = live.filter(canAdvance);
      if (ready.length === 0) {
        // Every live execution waits (for a lock another holds, or asleep): time passes to the nearest deadline.
        const first = live.reduce((a, b) => (b.wait!.deadline < a.wait!.deadline ? b : a));
        ws.clock.set(Math.max(ws.clock.millis(), first.wait!.deadline));
        continue;
      }
      const view: ReadyRun[] = ready.map((r) => ({
        index: r.index, label: r.label, calls: r.calls,
        next: r.status === 'unstarted' ? 'start' : `${classNameOf(handles.get(r.pending!.h))}.${r.pending!.m}`,
      }));
      const pick = options.choose ? options.choose(view, step) : Math.floor(random.next() * ready.length);
      const chosen = ready[pick];
      if (!chosen) throw new Error(`The scheduler chose ${pick} of ${ready.length} ready runs`);
      step++;
      if (chosen.status === 'unstarted') start(chosen);
      else answer(chosen);
    }
  } catch (e) {
    // A broken run leaves workers mid-execution: they cannot serve another run.
    for (const r of states) {
      if (r.slot) {
        all.delete(r.slot);
        void r.slot.worker.terminate();
      }
    }
    throw e;
  }
  return states.map((r) => r.outcome!);
}

function classNameOf(o: unknown): string {
  try {
    const s = String(o);
    return /^[A-Z]\w*$/.test(s) ? s : 'Object';
  } catch {
    return 'Object';
  }
}
