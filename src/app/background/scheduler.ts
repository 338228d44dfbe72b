// The hourly run as one scheduler (issue 26). Every background job (health, delay report,
// digests, the e-mail drain, meeting sync, imports, and whatever later issues add) runs under
// one shared deadline: no job is started after DEADLINE_MS of the execution, so Apps Script's
// six minutes are never reached by a chain of jobs. Jobs that did not get their turn go first
// next hour (fair order). A job keeps its cursor or watermark in one document property shared
// by all jobs, and is told whether the workbook changed (the board's change stamp) since it
// last finished with nothing left, so an idle workbook's hourly run costs a few calls.
// Each job that worked, was deferred or failed leaves one line in the Jobs log tab.
import { JOBS_LOG } from '../../workbook/schema';
import { LockBusyError } from '../../workbook/errors';
import { appendRecords } from '../../workbook/table';
import { mapHeaders } from '../../workbook/headers';
import { Ports } from '../../ports';

/** Stop starting work after this much of the execution (Apps Script stops it at 6 minutes). */
export const DEADLINE_MS = 4.5 * 60 * 1000;
/** The Jobs log keeps this many lines (the oldest go first). */
export const JOBS_LOG_LINES = 500;
/** One document property for every job's state (well under a property's 9 KB). */
export const JOBS_STATE_KEY = 'dealboard:jobs';

export interface JobRun {
  ports: Ports;
  /** Epoch ms: the job starts no further item after it (its loops check it). */
  deadline: number;
  /**
   * True when the workbook may have changed since this job last finished with nothing left: the
   * board stamp moved, or this run already wrote (a job earlier in the run queued something).
   */
  changed: boolean;
  /** What the job saved last time (its cursor or watermark); null the first time. */
  saved: string | null;
  /** The figures of its last run; null the first time. */
  last: { done: number; left: number } | null;
}

export interface JobOutcome {
  /** Items done in this run. */
  done: number;
  /** Items still to do. */
  left: number;
  /** Kept for the next run; undefined keeps what was saved. */
  save?: string | null;
  /** Nothing to do (a cheap check said so): not logged. */
  skipped?: boolean;
  note?: string;
}

export interface BackgroundJob {
  name: string;
  run(run: JobRun): JobOutcome;
}

/** The board stamp (gas/deals/boardStamp.ts) as the scheduler needs it. */
export interface ChangeStamp {
  read(): string;
  /** True when this execution wrote and has not published a new stamp yet. */
  unpublished(): boolean;
  /** Publishes this execution's writes: the new stamp, or null when nothing was written. */
  publish(): string | null;
  /** Writes that do not count as a change of the workbook (the Jobs log). */
  quietly<T>(run: () => T): T;
}

interface JobState {
  saved: string | null;
  /** The board stamp when the job last finished with nothing left ('' before). */
  stamp: string;
  done: number;
  left: number;
}

interface SchedulerState {
  /** Jobs that did not get their turn: first next run. */
  waiting: string[];
  jobs: Record<string, JobState>;
}

export interface RunLine {
  job: string;
  done: number;
  left: number;
  seconds: number;
  note: string;
  /** 'ran', 'skipped' (nothing to do), 'deferred' (no time left), 'failed'. */
  outcome: 'ran' | 'skipped' | 'deferred' | 'failed';
}

export interface SchedulerRun {
  lines: RunLine[];
  /** Jobs that go first next run. */
  waiting: string[];
}

function loadState(ports: Ports): SchedulerState {
  const text = ports.store.get(JOBS_STATE_KEY);
  if (text) {
    try {
      const parsed = JSON.parse(text) as SchedulerState;
      if (parsed && Array.isArray(parsed.waiting) && parsed.jobs && typeof parsed.jobs === 'object') return parsed;
    } catch (_damaged) {
      // A damaged state is forgotten: every job runs once and saves a fresh one.
    }
  }
  return { waiting: [], jobs: {} };
}

/** Forgets a job's state, so the next hourly run treats it as new (a setting it depends on changed). */
export function wakeJob(ports: Ports, name: string): void {
  const state = loadState(ports);
  if (!state.jobs[name]) return;
  delete state.jobs[name];
  ports.store.put(JOBS_STATE_KEY, JSON.stringify(state));
}

/** Jobs that did not get their turn last time first, then the others in registry order. */
export function runOrder(jobs: readonly BackgroundJob[], waiting: readonly string[]): BackgroundJob[] {
  const first = waiting.map((name) => jobs.filter((j) => j.name === name)[0]).filter((j): j is BackgroundJob => !!j);
  return first.concat(jobs.filter((j) => first.indexOf(j) < 0));
}

/**
 * Runs the jobs in fair order until the deadline. A job that throws is logged and the others go
 * on; when the document lock cannot be had (someone else is writing), the run stops there, the
 * jobs not run go first next hour, and the error is thrown after the log and state are saved.
 */
export function runJobs(ports: Ports, jobs: readonly BackgroundJob[], stamp: ChangeStamp, startedAt: number, budgetMs = DEADLINE_MS): SchedulerRun {
  const deadline = startedAt + budgetMs;
  const before = ports.store.get(JOBS_STATE_KEY);
  const state = loadState(ports);
  const atStart = stamp.read();
  const lines: RunLine[] = [];
  const waiting: string[] = [];
  const finished: string[] = [];
  let stopped: unknown = null;
  for (const job of runOrder(jobs, state.waiting)) {
    const now = ports.clock.now().getTime();
    if (stopped || now >= deadline) {
      waiting.push(job.name);
      const last = state.jobs[job.name];
      lines.push({ job: job.name, done: 0, left: last ? last.left : 0, seconds: 0, outcome: 'deferred', note: stopped ? 'Not started: another execution held the document lock.' : 'Not started: the run\'s time was up. It goes first next hour.' });
      continue;
    }
    const mine: JobState = state.jobs[job.name] || { saved: null, stamp: '', done: 0, left: 0 };
    const known = !!state.jobs[job.name];
    try {
      const outcome = job.run({
        ports, deadline,
        changed: !known || mine.stamp !== atStart || stamp.unpublished(),
        saved: mine.saved,
        last: known ? { done: mine.done, left: mine.left } : null,
      });
      const seconds = Math.round((ports.clock.now().getTime() - now) / 100) / 10;
      state.jobs[job.name] = {
        saved: outcome.save === undefined ? mine.saved : outcome.save,
        stamp: mine.stamp, done: outcome.done, left: outcome.left,
      };
      if (outcome.left === 0) finished.push(job.name);
      lines.push({ job: job.name, done: outcome.done, left: outcome.left, seconds, note: outcome.note || '', outcome: outcome.skipped ? 'skipped' : 'ran' });
    } catch (error) {
      const seconds = Math.round((ports.clock.now().getTime() - now) / 100) / 10;
      const message = error instanceof Error ? error.message : String(error);
      lines.push({ job: job.name, done: 0, left: mine.left, seconds, note: `Failed: ${message}`, outcome: 'failed' });
      if (error instanceof LockBusyError) {
        stopped = error;
        waiting.push(job.name);
      } else {
        console.error(error);
      }
    }
  }
  writeLog(ports, stamp, lines);
  // Watermarks: a job that finished sees the stamp as it is after this run's own writes, unless
  // someone else wrote meanwhile (the stamp moved under us): then the next run looks again.
  const undisturbed = stamp.read() === atStart;
  const published = stamp.publish();
  const seen = published === null ? atStart : undisturbed ? published : atStart;
  for (const name of finished) state.jobs[name].stamp = seen;
  state.waiting = waiting;
  const text = JSON.stringify(state);
  if (text !== before) ports.store.put(JOBS_STATE_KEY, text);
  if (stopped) throw stopped;
  return { lines, waiting };
}

/** One line per job that worked, was deferred or failed; the tab keeps the last JOBS_LOG_LINES. */
function writeLog(ports: Ports, stamp: ChangeStamp, lines: readonly RunLine[]): void {
  const shown = lines.filter((l) => l.outcome !== 'skipped');
  if (shown.length === 0) return;
  const size = ports.sheets.dimensions(JOBS_LOG.name);
  // Set up before issue 26: setup adds the tab; until then the run is not logged.
  if (size === null || size.columns === 0) return;
  const header = ports.sheets.readHeader(JOBS_LOG.name) || [];
  const map = mapHeaders(JOBS_LOG, header);
  if (map.index.job === undefined) return;
  const at = ports.clock.now();
  const run = ports.ids.next(JOBS_LOG.idPrefix);
  stamp.quietly(() => {
    appendRecords(ports.sheets, { tab: JOBS_LOG, map }, shown.map((l) => ({ at, run, job: l.job, done: l.done, left: l.left, seconds: l.seconds, note: l.note })), ports.dates);
    const over = Math.max(size.rows, 1) - 1 + shown.length - JOBS_LOG_LINES;
    if (over > 0) ports.sheets.deleteRows(JOBS_LOG.name, 2, over);
  });
}
