// The hourly run as one scheduler (issue 26), at bench size: 10,000 deals with every job
// pending (a day passed for health and the delay report, the morning digests due, 200 e-mails
// queued, an import half done). Virtual time follows the latency model of the bench, call by
// call and cell by cell (scripts/bench/latency.ts), so "4.5 minutes" means what it would on
// Apps Script: no run may reach six minutes, and every job makes progress within two runs.
import { demoWorkspace, records, runFromClient, Workspace, Addon } from './harness';
import { CATEGORY_MS, METHOD_MS, PER_CELL_MS, EXECUTION_LIMIT_MS, commitMs } from '../../scripts/bench/latency';
import { categoryOf } from '../../scripts/emulator/context';
import { outboxSeal } from '../../scripts/bench/outboxSeal';

/* eslint-disable @typescript-eslint/no-explicit-any */
type Any = any;
const HOUR = 3600 * 1000;
const DAY = 24 * HOUR;
const JOBS = ['settings', 'health', 'delay report', 'digest', 'e-mail', 'meetings', 'imports'];

function gridCells(grid: unknown): number {
  if (!Array.isArray(grid)) return 0;
  let n = 0;
  for (const row of grid) n += Array.isArray(row) ? row.length : 0;
  return n;
}

/** Every counted call advances the virtual clock by its latency; cells moved by their per-cell cost. */
function latencyClock(ws: Workspace): () => void {
  const previous = ws.calls.guard;
  // A flush costs by the cells written since the previous one (issue 26's commit charge).
  let writtenSinceFlush = 0;
  ws.calls.guard = (key: string) => {
    if (key === 'SpreadsheetApp.flush') {
      ws.clock.advance(commitMs(writtenSinceFlush));
      writtenSinceFlush = 0;
    } else {
      ws.clock.advance(METHOD_MS[key] ?? CATEGORY_MS[categoryOf(key)] ?? CATEGORY_MS.handle);
    }
    if (previous) previous(key);
  };
  const restore: (() => void)[] = [];
  ws.calls.uncounted(() => {
    const sheet = ws.globals.SpreadsheetApp.getActive().getSheets()[0];
    const proto = Object.getPrototypeOf(sheet.getRange(1, 1));
    const wrap = (method: string, cells: (result: unknown, args: unknown[]) => number, per: number) => {
      const original = proto[method];
      restore.push(() => { proto[method] = original; });
      proto[method] = function (this: unknown, ...args: unknown[]) {
        const result = original.apply(this, args);
        if (ws.calls.depth === 1) ws.clock.advance(cells(result, args) * per);
        return result;
      };
    };
    wrap('getValues', (r) => gridCells(r), PER_CELL_MS.read);
    wrap('setValues', (_r, a) => { const n = gridCells(a[0]); writtenSinceFlush += n; return n; }, PER_CELL_MS.write);
  });
  return () => {
    ws.calls.guard = previous;
    for (const undo of restore) undo();
  };
}

function ok(ws: Workspace, addon: Addon, fn: string, ...args: unknown[]) {
  const reply = runFromClient(ws, addon, fn, args);
  if (!reply.ok) throw new Error(`${fn}: ${reply.error.message}`);
  return reply.value;
}

function queueMail(ws: Workspace, count: number): void {
  const header = (ws.readSheet('Outbox').values as unknown[][])[0].map(String);
  const at = new Date(ws.clock.millis());
  ws.appendRows('Outbox', Array.from({ length: count }, (_, k) => {
    const message: Record<string, unknown> = {
      ID: `M-sched-${k}`, Status: 'queued', 'Idempotency key': `sched|${k}`, Template: 'stage.in_work',
      To: `client${k}@example.com`, 'Reply to': 'anna@studio.test', 'From name': 'Anna Novak', Subject: `Hello ${k}`, Text: 'Hello', HTML: '<p>Hello</p>',
      'Queued at': at, Attempts: 0, Manager: 'anna@studio.test',
    };
    // Sealed as the add-on seals what it queues (issue 20 item 5): an unsealed row is refused, not sent.
    message.Seal = outboxSeal(ws, message);
    return header.map((col) => message[col] ?? '');
  }));
}

const state = (ws: Workspace) => JSON.parse(ws.properties('document')['dealboard:jobs']);

describe('the hourly scheduler at 10,000 deals with everything pending', () => {
  test('no run reaches six minutes, no job starts after 4.5, jobs left out go first, every job progresses within two runs', () => {
    const { ws, addon } = demoWorkspace(10000, 'owner@studio.test');
    // 200 e-mails queued (a Workspace account's quota), each send 2 s (large messages): more than one run can send.
    ws.mail.dailyQuota = 1500;
    ws.mail.sendLatencyMs = 2000;
    queueMail(ws, 200);
    // The next morning after the digest hour: health colours, the delay report and digests are due.
    ws.clock.set('2026-11-24T08:00:00Z');
    // An import of 5,000 rows, its first chunk run from the sidebar a moment ago, then the sidebar closed.
    const lines = ['Name;Telefon;E-Mail'];
    for (let i = 0; i < 5000; i++) lines.push(`Import ${i};+49 30 ${String(3000000 + i)};i${i}@import.test`);
    const prepared = ok(ws, addon, 'api_prepareImport', { fileName: 'big.csv', kind: 'csv', content: lines.join('\r\n') });
    ok(ws, addon, 'api_runImport', prepared.importId, prepared.mapping);
    const imported = () => records(ws, 'Clients').filter((c) => c['Import ID'] === prepared.importId).length;
    const importedFirst = imported();
    expect(importedFirst).toBeGreaterThan(1900); // a row or two merge with a demo client
    const healthBefore = records(ws, 'Deals').map((d) => d.Health).join();
    const realTime = latencyClock(ws);

    const runs: { elapsed: number; waiting: string[]; log: Record<string, unknown>[] }[] = [];
    for (let k = 0; k < 2; k++) {
      const logBefore = records(ws, 'Jobs log').length;
      const started = ws.clock.millis();
      const result = ws.runTimeTriggers();
      expect(result.map((r: Any) => [r.handler, r.ok])).toEqual([['onHourly', true]]);
      if (process.env.SCHEDULER_DEBUG) console.log(JSON.stringify(records(ws, 'Jobs log').slice(logBefore)), state(ws).waiting);
      runs.push({ elapsed: ws.clock.millis() - started, waiting: state(ws).waiting, log: records(ws, 'Jobs log').slice(logBefore) });
      ws.clock.advance(HOUR);
    }
    realTime();

    for (const run of runs) {
      expect(run.elapsed).toBeLessThan(EXECUTION_LIMIT_MS);
      // Deferred jobs are logged as such, with nothing done.
      for (const line of run.log.filter((l) => run.waiting.indexOf(String(l.Job)) >= 0)) {
        expect(line).toMatchObject({ Done: 0, Seconds: 0 });
        expect(String(line.Note)).toContain('time was up');
      }
    }
    // The first run had more than 4.5 minutes of work: it stopped starting jobs and left some out...
    expect(runs[0].waiting.length).toBeGreaterThan(0);
    // ...which went first in the second run, and the second run left none of them out again.
    for (const name of runs[0].waiting) expect(runs[1].waiting).not.toContain(name);
    const ran = (run: { waiting: string[] }) => JOBS.filter((j) => run.waiting.indexOf(j) < 0);
    expect(new Set(ran(runs[0]).concat(ran(runs[1])))).toEqual(new Set(JOBS));
    const firstJobOfRun2 = runs[1].log[0];
    expect(runs[0].waiting).toContain(String(firstJobOfRun2.Job));

    // Every pending job made progress within the two runs.
    expect(records(ws, 'Deals').map((d) => d.Health).join()).not.toBe(healthBefore);
    expect(String(records(ws, 'Delay report').length > 0 && ws.readSheet('Delay report').values[0][7])).toContain('2026-11-24');
    expect(records(ws, 'Outbox').filter((r) => r.Template === 'digest').length).toBeGreaterThan(0);
    expect(ws.mail.sent().length).toBeGreaterThan(0);
    expect(imported()).toBeGreaterThan(importedFirst);
    // One line per job that worked or waited: job, items done, items left, seconds.
    const mail = runs[0].log.concat(runs[1].log).filter((l) => l.Job === 'e-mail' && Number(l.Done) > 0);
    expect(mail.length).toBeGreaterThan(0);
    expect(Number(mail[0].Left)).toBeGreaterThan(0);
    expect(Number(mail[0].Seconds)).toBeGreaterThan(0);
  });
});

describe('an idle workbook', () => {
  test('the hourly run skips every job with a few calls and writes no line', () => {
    const { ws } = demoWorkspace(80, 'owner@studio.test');
    ws.runTimeTriggers(); // the first run does everything once
    // ...the Dashboard tab included (issue 23): this month's figures as values, owner's view.
    expect(records(ws, 'Jobs log').some((l) => l.Job === 'dashboard tab' && Number(l.Done) > 0)).toBe(true);
    expect((ws.readSheet('Dashboard').values as unknown[][]).some((r) => r[0] === 'Open pipeline (New + Negotiation)')).toBe(true);
    ws.clock.advance(HOUR);
    ws.runTimeTriggers(); // the run after writes the watermarks of what the first one wrote
    const lines = records(ws, 'Jobs log').length;
    ws.clock.advance(HOUR);
    ws.calls.reset();
    ws.runTimeTriggers();
    const calls = ws.calls.summary();
    expect(calls.byCategory.spreadsheetRead).toBe(0);
    expect(calls.byCategory.spreadsheetWrite).toBe(0);
    expect(calls.data).toBeLessThanOrEqual(8);
    expect(records(ws, 'Jobs log')).toHaveLength(lines);
  });

  test('the Jobs log keeps the last 500 lines', () => {
    const { ws } = demoWorkspace(80, 'owner@studio.test');
    const header = (ws.readSheet('Jobs log').values as unknown[][])[0].map(String);
    ws.appendRows('Jobs log', Array.from({ length: 499 }, (_, k) => header.map((h) => ({ At: new Date(0), Run: `RUN-old${k}`, Job: 'old', Done: 0, Left: 0, Seconds: 0 } as Record<string, unknown>)[h] ?? '')));
    ws.runTimeTriggers();
    const log = records(ws, 'Jobs log');
    expect(log).toHaveLength(500);
    expect(log[log.length - 1].Job).not.toBe('old');
    expect(log[0].Run).not.toBe('RUN-old0');
  });
});
