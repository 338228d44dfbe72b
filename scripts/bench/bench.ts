// npm run bench [-- --check] [-- --sizes 1000,10000] [-- --runs 5]
// Every user action through the built bundle in the emulator, at each workbook size:
// service calls (data calls marked), server CPU, payload, heap, and an estimated wall time.
import * as fs from 'fs';
import * as path from 'path';
import { createWorkspace, loadAddon } from '../emulator';
import { estimateMs, LATENCY_MS } from './latency';

type Addon = Record<string, (...args: unknown[]) => any>;
interface Row {
  action: string;
  size: number;
  calls: { total: number; data: number; spreadsheetRead: number; spreadsheetWrite: number; byMethod: Record<string, number> };
  cpuMs: { median: number; max: number };
  payloadBytes: number;
  heapMB: number;
  estimatedMs: number;
  cells: number;
}

const root = path.resolve(__dirname, '..');
const args = process.argv.slice(2);
const check = args.includes('--check');
const argValue = (name: string, fallback: string) => {
  const at = args.indexOf(name);
  return at >= 0 && args[at + 1] ? args[at + 1] : fallback;
};
const sizes = argValue('--sizes', '1000,10000').split(',').map(Number);
const runs = Math.max(1, Number(argValue('--runs', '5')));
const bundle = path.join(root, 'dist/Code.js');

function prepare(size: number): unknown {
  const ws = createWorkspace({ now: '2026-11-23T09:00:00Z', user: 'owner@studio.test', timeZone: 'Europe/Berlin' });
  const addon = loadAddon(ws, bundle) as unknown as Addon;
  addon.setupWorkbook();
  addon.loadDemoData({ deals: size, clients: size >= 10000 ? 20000 : 5000 });
  return JSON.parse(JSON.stringify(ws.toJSON()));
}

interface Action {
  name: string;
  user: string;
  /** Prepares arguments on the live workspace (uncounted), then the measured call. */
  run(addon: Addon, ws: any, i: number): () => unknown;
}

function liveCards(addon: Addon, manager: string, stage: string) {
  const board = addon.api_getBoard({ scope: 'all' });
  return board.columns.find((c: any) => c.key === stage).cards.filter((c: any) => c.manager === manager);
}

const ACTIONS: Action[] = [
  { name: 'open board', user: 'anna@studio.test', run: (addon) => () => addon.api_getBoard({ scope: 'all' }) },
  {
    name: 'move a card', user: 'anna@studio.test',
    run: (addon, _ws, i) => {
      const card = liveCards(addon, 'anna@studio.test', 'new')[i];
      return () => addon.api_moveDeal(card.id, 'negotiation', 0, card.version);
    },
  },
  {
    name: 'update a card', user: 'anna@studio.test',
    run: (addon, _ws, i) => {
      const card = liveCards(addon, 'anna@studio.test', 'negotiation')[i];
      return () => addon.api_updateDeal(card.id, { forecast: 'green', estimateSent: true }, card.version);
    },
  },
  { name: 'open card details', user: 'anna@studio.test', run: (addon, _ws, i) => { const card = liveCards(addon, 'anna@studio.test', 'new')[i]; return () => addon.api_getDeal(card.id); } },
  { name: 'add a lead', user: 'anna@studio.test', run: (addon, _ws, i) => () => addon.api_addLead({ name: `Bench lead ${i}`, phone: `+49 30 555${1000 + i}` }) },
  {
    name: 'convert a lead', user: 'anna@studio.test',
    run: (addon, _ws, i) => {
      const lead = addon.api_getBoard().inbox[i % 5];
      return () => addon.api_convertLead(lead.id);
    },
  },
  { name: 'log a call', user: 'anna@studio.test', run: (addon, _ws, i) => { const card = liveCards(addon, 'anna@studio.test', 'new')[i]; return () => addon.api_logActivity({ dealId: card.id, kind: 'call', summary: 'Bench call' }); } },
  {
    name: 'hand edit of a stage', user: 'anna@studio.test',
    run: (_addon, ws, i) => {
      const values = ws.readSheet('Deals').values as unknown[][];
      const stageCol = (values[0] as string[]).indexOf('Stage');
      const managerCol = (values[0] as string[]).indexOf('Manager');
      const rows = values.map((r, n) => ({ r, n })).filter(({ r }) => r[stageCol] === 'new' && r[managerCol] === 'anna@studio.test');
      const row = rows[i].n + 1;
      return () => ws.editCell('Deals', row, stageCol + 1, 'negotiation');
    },
  },
  { name: 'setup on a set-up workbook', user: 'owner@studio.test', run: (addon) => () => addon.setupWorkbook() },
];

/** Health desk, checkpoints and documents are measured here as soon as they are built. */
const NOT_BUILT = ['health recompute', 'health desk', 'mark a checkpoint done', 'generate a document'];

function median(values: number[]): number {
  const sorted = values.slice().sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function cellsOf(byMethod: Record<string, number>, size: number): number {
  // Rough: each tab read moves about size x 30 cells; writes are small blocks.
  return (byMethod['Range.getValues'] || 0) * size * 30;
}

function measure(state: unknown, action: Action, size: number): Row {
  const cpu: number[] = [];
  let first: Row['calls'] | null = null;
  let payload = 0;
  let heapPeak = 0;
  for (let i = 0; i <= runs; i++) {
    const ws: any = createWorkspace({ state: JSON.parse(JSON.stringify(state)) });
    const addon = loadAddon(ws, bundle) as unknown as Addon;
    ws.setUser(action.user);
    const call = ws.calls.uncounted(() => action.run(addon, ws, i));
    if (global.gc) global.gc();
    const heapBefore = process.memoryUsage().heapUsed;
    ws.calls.reset();
    const start = process.cpuUsage();
    const result = call();
    const used = process.cpuUsage(start);
    heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed - heapBefore);
    if (i === 0) continue; // warm-up
    cpu.push((used.user + used.system) / 1000);
    if (!first) {
      const summary = ws.calls.summary();
      first = {
        total: summary.total,
        data: summary.data,
        spreadsheetRead: summary.byCategory.spreadsheetRead,
        spreadsheetWrite: summary.byCategory.spreadsheetWrite,
        byMethod: summary.byMethod,
      };
      payload = result === undefined ? 0 : JSON.stringify(result).length;
    }
  }
  const calls = first as Row['calls'];
  const cells = cellsOf(calls.byMethod, size);
  return {
    action: action.name,
    size,
    calls,
    cpuMs: { median: Math.round(median(cpu) * 10) / 10, max: Math.round(Math.max(...cpu) * 10) / 10 },
    payloadBytes: payload,
    heapMB: Math.round((heapPeak / 1048576) * 10) / 10,
    estimatedMs: estimateMs({ ...calls, byCategory: { spreadsheetRead: calls.spreadsheetRead, spreadsheetWrite: calls.spreadsheetWrite, cache: calls.byMethod['Cache.get'] || 0, properties: 0, lock: calls.byMethod['Lock.waitLock'] || 0, drive: 0, docs: 0, mail: 0, calendar: 0, handle: calls.total - calls.data } } as any, cells),
    cells,
  };
}

const TARGETS: Record<string, { reads?: number; writes?: number; cpuMs?: number; payloadKB?: number }> = {
  'open board': { reads: 3, writes: 0, cpuMs: 300, payloadKB: 250 },
  'move a card': { reads: 2, writes: 2, cpuMs: 30 },
  'update a card': { reads: 2, writes: 2, cpuMs: 30 },
};

function pad(text: string | number, width: number, right = false): string {
  const s = String(text);
  return right ? s.padStart(width) : s.padEnd(width);
}

function main() {
  const started = Date.now();
  const rows: Row[] = [];
  for (const size of sizes) {
    const state = prepare(size);
    for (const action of ACTIONS) rows.push(measure(state, action, size));
  }
  const budget = JSON.parse(fs.readFileSync(path.join(root, 'bench/budget.json'), 'utf8')) as Record<string, { data: number; total: number }>;
  const lines: string[] = [];
  lines.push(`${pad('action', 28)} ${pad('deals', 6, true)} ${pad('calls', 6, true)} ${pad('data', 5, true)} ${pad('reads', 5, true)} ${pad('writes', 6, true)} ${pad('cpu ms', 8, true)} ${pad('max', 7, true)} ${pad('payload', 9, true)} ${pad('heap MB', 8, true)} ${pad('est. ms', 8, true)}  notes`);
  const failures: string[] = [];
  for (const row of rows) {
    const notes: string[] = [];
    const target = TARGETS[row.action];
    const atMax = row.size === Math.max(...sizes);
    if (target && atMax) {
      if (target.reads !== undefined && row.calls.spreadsheetRead > target.reads) notes.push(`MISSES target reads ≤ ${target.reads}`);
      if (target.writes !== undefined && row.calls.spreadsheetWrite > target.writes) notes.push(`MISSES target writes ≤ ${target.writes}`);
      if (target.cpuMs !== undefined && row.cpuMs.median > target.cpuMs) notes.push(`MISSES target cpu ≤ ${target.cpuMs} ms`);
      if (target.payloadKB !== undefined && row.payloadBytes > target.payloadKB * 1024) notes.push(`MISSES target payload ≤ ${target.payloadKB} KB`);
    }
    if (row.heapMB > 200) notes.push('MISSES heap < 200 MB');
    const limit = budget[row.action];
    if (limit && (row.calls.data > limit.data || row.calls.total > limit.total)) {
      const message = `${row.action} at ${row.size}: ${row.calls.data} data / ${row.calls.total} total calls exceed the budget ${limit.data} / ${limit.total}`;
      failures.push(message);
      notes.push('OVER BUDGET');
    }
    lines.push(`${pad(row.action, 28)} ${pad(row.size, 6, true)} ${pad(row.calls.total, 6, true)} ${pad(row.calls.data, 5, true)} ${pad(row.calls.spreadsheetRead, 5, true)} ${pad(row.calls.spreadsheetWrite, 6, true)} ${pad(row.cpuMs.median, 8, true)} ${pad(row.cpuMs.max, 7, true)} ${pad(`${(row.payloadBytes / 1024).toFixed(1)}K`, 9, true)} ${pad(row.heapMB, 8, true)} ${pad(row.estimatedMs, 8, true)}  ${notes.join('; ')}`);
  }
  if (sizes.length >= 2) {
    const [small, large] = [Math.min(...sizes), Math.max(...sizes)];
    lines.push('');
    lines.push(`scaling ${large}/${small}: calls and CPU`);
    for (const action of ACTIONS) {
      const a = rows.find((r) => r.action === action.name && r.size === small)!;
      const b = rows.find((r) => r.action === action.name && r.size === large)!;
      lines.push(`  ${pad(action.name, 28)} calls ×${(b.calls.total / a.calls.total).toFixed(2)}  cpu ×${(b.cpuMs.median / Math.max(a.cpuMs.median, 0.01)).toFixed(1)}`);
    }
  }
  lines.push('');
  lines.push(`not built yet (measured once they land): ${NOT_BUILT.join(', ')}`);
  lines.push(`latency model (ms per call, assumed; see README): ${JSON.stringify(LATENCY_MS)}`);
  lines.push(`done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  console.log(lines.join('\n'));
  fs.mkdirSync(path.join(root, 'bench'), { recursive: true });
  fs.writeFileSync(path.join(root, 'bench/results.json'), JSON.stringify({ sizes, runs, latencyMs: LATENCY_MS, rows }, null, 2));
  if (check) {
    const missing = ACTIONS.filter((a) => !budget[a.name]).map((a) => a.name);
    if (missing.length) failures.push(`no budget for: ${missing.join(', ')}`);
    if (failures.length) {
      console.error(`\nbudget check failed:\n  ${failures.join('\n  ')}`);
      process.exit(1);
    }
    console.log('\nbudget check passed');
  }
}

main();
