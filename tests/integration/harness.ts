// Loads the built bundle (dist/Code.js) into a fresh emulated workspace, as Apps Script would.
import * as path from 'path';

// eslint-disable-next-line @typescript-eslint/no-var-requires
const emulator = require(path.join(__dirname, '../../build/emulator.cjs'));

export const BUNDLE = path.join(__dirname, '../../dist/Code.js');
export const START = '2026-11-23T09:00:00Z';

export type Addon = Record<string, (...args: unknown[]) => any>;
export type Workspace = any;

export function freshWorkspace(options: Record<string, unknown> = {}): { ws: Workspace; addon: Addon } {
  const ws = emulator.createWorkspace({ now: START, user: 'owner@studio.test', timeZone: 'Europe/Berlin', ...options });
  const addon = emulator.loadAddon(ws, BUNDLE) as Addon;
  return { ws, addon };
}

/**
 * A saved workspace (toJSON()) to restore another workspace from. SpreadsheetModel.fromJSON
 * decodes every layer into new objects and keeps nothing of its input, so the spreadsheet (nearly
 * all of the bytes) is handed over as it is and only the rest is copied; tests/emulator/workspace
 * .test.ts checks that a restored workspace never writes into the state it came from.
 */
export function copyOfState(state: any): any {
  const { spreadsheet, ...rest } = state;
  return { ...JSON.parse(JSON.stringify(rest)), spreadsheet };
}

const demoStates: Record<string, unknown> = {};

/** A set-up workbook with the demo studio at the given size; built once per size, then copied. */
export function demoWorkspace(deals = 80, user = 'owner@studio.test'): { ws: Workspace; addon: Addon } {
  const key = String(deals);
  if (!demoStates[key]) {
    const { ws, addon } = freshWorkspace();
    addon.setupWorkbook();
    addon.loadDemoData(deals === 80 ? undefined : { deals, clients: deals >= 10000 ? 20000 : deals * 5 });
    demoStates[key] = JSON.parse(JSON.stringify(ws.toJSON()));
  }
  const ws = emulator.createWorkspace({ state: copyOfState(demoStates[key]), user });
  const addon = emulator.loadAddon(ws, BUNDLE) as Addon;
  ws.setUser(user);
  return { ws, addon };
}

export function runFromClient(ws: Workspace, addon: Addon, fn: string, args: unknown[]) {
  return emulator.runFromClient(ws, addon, fn, args);
}

/** Reads a tab as records keyed by header text (uncounted). */
export function records(ws: Workspace, tab: string): Record<string, unknown>[] {
  const values = ws.readValues(tab) as unknown[][];
  const header = values[0].map(String);
  return values.slice(1).filter((row) => row.some((v) => v !== '')).map((row) => {
    const out: Record<string, unknown> = {};
    header.forEach((h, i) => (out[h] = row[i]));
    return out;
  });
}

/** Calls of one action, by category, with the counter reset before it. */
export function measure<T>(ws: Workspace, run: () => T): { result: T; calls: any } {
  ws.calls.reset();
  const result = run();
  return { result, calls: ws.calls.summary() };
}

const STAGE_NAMES: Record<string, string> = {
  New: 'new', Negotiation: 'negotiation', 'Transferred to work': 'in_work', Frozen: 'frozen', Failed: 'failed', Completed: 'completed',
};

/** The stage key of a Stage cell: cells show the default Settings names ("Transferred to work"). */
export function stageKey(cell: unknown): string {
  const text = String(cell ?? '');
  return STAGE_NAMES[text] ?? text;
}
