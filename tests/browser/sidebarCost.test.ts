// What the sidebar costs the person who opens it (issue 26, "the playground answers at once"):
// the server round trips (google.script.run calls, each one Apps Script execution) of the first
// open and of one card move, and the bytes of dist/Sidebar.html, which Apps Script serves on
// every open. Counts are asserted exactly (a new call on open is a new execution for every
// user); wall times are printed for docs/benchmark.md, never asserted.
// Run: npm run build && npx jest --runInBand tests/browser/sidebarCost.test.ts
import * as fs from 'fs';
import * as path from 'path';
import type { Page, Request } from 'playwright-core';
import { ROOT, RunningPlayground, browserSuiteEnabled, frameOf, openPlayground } from './harness';
import { cardIdsIn, closeDialog, drag, menu, openFullBoard, rowById, until } from './sheet';

const enabled = browserSuiteEnabled('Sidebar cost browser tests');
const suite = enabled ? describe : describe.skip;

/** Every google.script.run call the page's frames make (the playground's bridge posts each to /api/run), with its wall time. */
function recordRuns(page: Page): { names: string[]; ms: number[]; sentAt: number[]; since(mark: number): string[] } {
  const names: string[] = [];
  const ms: number[] = [];
  const sentAtList: number[] = [];
  const sentAt = new Map<Request, { at: number; index: number }>();
  page.on('request', (request: Request) => {
    if (request.method() !== 'POST' || !request.url().endsWith('/api/run')) return;
    let fn = '?';
    try {
      fn = String(JSON.parse(request.postData() || '{}').fn);
    } catch (_notJson) {
      // counted as '?'
    }
    sentAt.set(request, { at: Date.now(), index: names.length });
    sentAtList.push(Date.now());
    names.push(fn);
    ms.push(-1);
  });
  page.on('requestfinished', (request: Request) => {
    const sent = sentAt.get(request);
    if (!sent) return;
    // The browser's own clock for the request: the events reach this process late when the
    // machine is loaded (the server runs in it), so their arrival times understate the call.
    const timing = request.timing();
    if (timing.startTime > 0 && timing.responseEnd >= 0) {
      sentAtList[sent.index] = Math.round(timing.startTime);
      ms[sent.index] = Math.round(timing.responseEnd);
    } else {
      ms[sent.index] = Date.now() - sent.at;
    }
  });
  return { names, ms, sentAt: sentAtList, since: (mark) => names.slice(mark) };
}

/** "api_getBoard 812 ms, ..." for the calls from `mark` on. */
function timings(runs: { names: string[]; ms: number[] }, mark: number): string {
  return runs.names.slice(mark).map((n, i) => `${n} ${runs.ms[mark + i]} ms`).join(', ');
}

/** Waits until no /api/run has been sent for `quietMs` (the page settled), at most 15 s. */
async function settled(runs: { names: string[] }, quietMs = 1500): Promise<void> {
  let count = -1;
  let stableSince = Date.now();
  const start = Date.now();
  while (Date.now() - start < 15000) {
    if (runs.names.length !== count) {
      count = runs.names.length;
      stableSince = Date.now();
    } else if (Date.now() - stableSince >= quietMs) {
      return;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the page kept calling the server for 15 s');
}

function loadAverage(): string {
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  return require('os').loadavg().map((n: number) => n.toFixed(1)).join(' ');
}

function tally(names: readonly string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const n of names) out[n] = (out[n] || 0) + 1;
  return out;
}

suite('the sidebar\'s cost: round trips and bytes', () => {
  const session = openPlayground({ now: '2026-12-01T08:00:00Z' });
  let pg: RunningPlayground;
  let page: Page;
  let runs: ReturnType<typeof recordRuns>;

  beforeAll(() => {
    ({ pg, page } = session);
    runs = recordRuns(page);
  });

  test('dist/Sidebar.html is one self-contained file under 400 KB', () => {
    const bytes = fs.statSync(path.join(ROOT, 'dist/Sidebar.html')).size;
    const code = fs.statSync(path.join(ROOT, 'dist/Code.js')).size;
    // eslint-disable-next-line no-console
    console.log(`bundle: dist/Sidebar.html ${bytes} bytes, dist/Code.js ${code} bytes`);
    expect(bytes).toBeGreaterThan(10000);
    expect(bytes).toBeLessThan(400 * 1024);
  });

  test('first open (the owner): three round trips — the change stamp, the board, the setup checklist', async () => {
    const mark = runs.names.length;
    const started = Date.now();
    await menu(page, 'openBoard');
    const frame = await frameOf(page, 'sidebar-frame');
    await frame.waitForSelector('.card', { timeout: 15000 });
    const drawnMs = Date.now() - started;
    await settled(runs);
    const calls = runs.since(mark);
    // eslint-disable-next-line no-console
    console.log(`first sidebar open: ${calls.length} round trips (${timings(runs, mark)}), the first sent ${runs.sentAt[mark] - started} ms and cards drawn ${drawnMs} ms after the menu click (wall, this machine; load: ${loadAverage()})`);
    expect(tally(calls)).toEqual({ api_boardStamp: 1, api_getBoard: 1, api_setupChecklist: 1 });
    expect(session.pageErrors).toEqual([]);
  });

  test('one card move on the full board: one round trip, the board is not fetched again', async () => {
    let mark = runs.names.length;
    let started = Date.now();
    const frame = await openFullBoard(page);
    const drawnMs = Date.now() - started;
    await settled(runs);
    // eslint-disable-next-line no-console
    console.log(`full board open: ${runs.names.length - mark} round trips (${timings(runs, mark)}), the first sent ${runs.sentAt[mark] - started} ms and cards drawn ${drawnMs} ms after the menu click`);
    expect(tally(runs.since(mark))).toEqual({ api_boardStamp: 1, api_getBoard: 1, api_setupChecklist: 1 });

    const dealId = (await frame.$$eval('[data-testid="column-new"] .card[data-editable="true"]', (els) => els.map((e) => e.getAttribute('data-id') || '')))[0];
    expect(dealId).toBeTruthy();
    const target = await cardIdsIn(frame, 'negotiation');
    expect(target.length).toBeGreaterThan(0);
    // The frame takes the focus first: a focused board asks for the change stamp (freshness.ts,
    // at most every 2 s), which is the freshness rule's call, not the move's.
    await frame.evaluate(() => window.focus());
    await settled(runs);
    mark = runs.names.length;
    started = Date.now();
    await drag(page, frame.locator(`[data-testid="card-${dealId}"] .card-who`), frame.locator(`[data-testid="column-negotiation"] .card[data-id="${target[0]}"]`), 'top');
    await until('the Deals row in Negotiation', () => rowById(pg, 'Deals', dealId)!.Stage === 'Negotiation', 20000);
    const savedMs = Date.now() - started;
    // The playground's grid (the Deals tab, shown since the page loaded) follows the call.
    await page.waitForFunction((id) => {
      const heads = Array.from(document.querySelectorAll('[data-testid^="cell-1-"]')).map((c) => (c.textContent || '').trim());
      const first = Array.from(document.querySelectorAll('td[data-c="1"]')).find((c) => (c.textContent || '').trim() === id);
      const td = first && document.querySelector(`td[data-r="${first.getAttribute('data-r')}"][data-c="${heads.indexOf('Stage') + 1}"]`);
      return !!td && (td.textContent || '').trim() === 'Negotiation';
    }, dealId, { timeout: 15000 });
    const gridMs = Date.now() - started;
    await settled(runs);
    // The call leaves when the card is dropped: what comes before it is the pointer gesture.
    const dropMs = runs.sentAt[mark] - started;
    // eslint-disable-next-line no-console
    console.log(`one card move: ${runs.names.length - mark} round trips (${timings(runs, mark)}); the drag took ${dropMs} ms, then the row was saved ${savedMs - dropMs} ms and the playground's grid showed it ${gridMs - dropMs} ms after the drop (load: ${loadAverage()})`);
    expect(tally(runs.since(mark))).toEqual({ api_moveDeal: 1 });
    expect(session.pageErrors).toEqual([]);
    await closeDialog(page);
  });
});
