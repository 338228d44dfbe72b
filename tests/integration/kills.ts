// Kill points for integration tests: an execution ended at its k-th service call, as at Apps
// Script's time limit (every later call of that execution fails too), and the calls of a run
// that write (a kill before a read leaves the same workbook as one before the next write).
import { Workspace } from './harness';

export const KILLED = 'Exceeded maximum execution time';

/** Ends the running execution at its k-th service call; returns how many calls it made. */
export function withKillAt<T>(ws: Workspace, k: number | null, run: () => T): { calls: number; killed: boolean } {
  const previous = ws.calls.guard;
  let n = 0;
  let killed = false;
  ws.calls.guard = () => {
    if (previous) previous();
    if (killed) throw new Error(KILLED);
    n += 1;
    if (k !== null && n === k) {
      killed = true;
      throw new Error(KILLED);
    }
  };
  try {
    run();
  } catch (_killed) {
    // A trigger run that was killed throws out of runTimeTriggers/execute: that is the kill.
  } finally {
    ws.calls.guard = previous;
  }
  return { calls: n, killed };
}

export const WRITE = /\.(set|append|insert|delete|put|remove|clear|copy|create|send|move|trash|batchUpdate|add|update|sort|hide|protect)/;

/** The 1-based numbers of the calls of `run` that write, and how many calls it made. */
export function writeCalls(ws: Workspace, run: () => unknown): number[] {
  const record = ws.calls.record;
  const keys: string[] = [];
  ws.calls.record = (key: string) => { keys.push(key); record.call(ws.calls, key); };
  try { run(); } finally { ws.calls.record = record; }
  const out: number[] = [];
  keys.forEach((key, i) => { if (WRITE.test(key)) out.push(i + 1); });
  return out;
}

/** Kill points: before each write, and none (the run goes through). */
export function killPoints(writes: number[]): (number | null)[] {
  return (writes as (number | null)[]).concat([null]);
}

