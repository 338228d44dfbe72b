// On Apps Script a script's local time is its time zone: `new Date(2026, 11, 2, 9, 30)` is 09:30
// there, and getHours() answers in it. Node has one local zone per process (process.env.TZ, read
// again by V8 whenever it is set), so an execution runs with it set to the script's zone and the
// host's is put back after, for the code around it. Executions here are synchronous, so nothing
// else runs in between.
import * as vm from 'vm';

// The Node process itself: a test runner may hand modules a copy of `process` whose env is a
// plain object, where setting TZ changes nothing (Jest does).
const nodeProcess = vm.runInThisContext('process') as NodeJS.Process;

/** Runs fn with the process's local time zone set to timeZone (an IANA id). */
export function inTimeZone<T>(timeZone: string, fn: () => T): T {
  const env = nodeProcess.env;
  const host = env.TZ;
  if (host === timeZone) return fn();
  env.TZ = timeZone;
  try {
    return fn();
  } finally {
    if (host === undefined) delete env.TZ;
    else env.TZ = host;
  }
}
