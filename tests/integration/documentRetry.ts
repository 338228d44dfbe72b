// Helpers of the document kill tests (issue 20, item 12): a prepared workbook copied per kill
// point, the rows of a deal's documents, and the files no Documents row names.
import * as path from 'path';
import { copyOfState, demoWorkspace, records, runFromClient, Workspace, Addon, BUNDLE } from './harness';
import { killPoints, withKillAt, writeCalls } from './kills';

// eslint-disable-next-line @typescript-eslint/no-var-requires
const emulator = require(path.join(__dirname, '../../build/emulator.cjs'));

/* eslint-disable @typescript-eslint/no-explicit-any */
type Any = any;
export const OWNER = 'owner@studio.test';

export function ok(ws: Workspace, addon: Addon, fn: string, ...args: unknown[]) {
  const reply = runFromClient(ws, addon, fn, args);
  if (!reply.ok) throw new Error(`${fn}: ${reply.error.message}`);
  return reply.value;
}

const states: Record<string, { state: unknown; deals: string[] }> = {};

/**
 * Templates installed and a quote saved on two open deals (then `more`, under its `key`): the
 * state every kill starts from, built once and copied.
 */
export function prepared(key = 'quotes', more?: (ws: Workspace, addon: Addon, deals: string[]) => void) {
  if (!states[key]) {
    let deals: string[] = [];
    const { ws, addon } = demoWorkspace(80, OWNER);
    addon.installDocumentTemplates();
    const board = addon.api_getBoard({ scope: 'all' });
    const open = board.columns.filter((c: Any) => c.key === 'negotiation').flatMap((c: Any) => c.cards);
    const item = addon.api_getCatalog().items[0];
    deals = open.slice(0, 2).map((c: Any) => c.id);
    for (const id of deals) {
      const version = addon.api_getDeal(id).card.version;
      addon.api_saveQuote(id, { lines: [{ code: item.code, description: item.service, unit: item.unit, quantity: 2, unitPriceMinor: item.unitPriceMinor }] }, version);
    }
    if (more) more(ws, addon, deals);
    states[key] = { state: JSON.parse(JSON.stringify(ws.toJSON())), deals };
  }
  const { state, deals } = states[key];
  const ws = emulator.createWorkspace({ state: copyOfState(state), user: OWNER });
  const addon = emulator.loadAddon(ws, BUNDLE) as Addon;
  ws.setUser(OWNER);
  const files = new Set<string>(ws.drive.listFiles().map((f: Any) => f.id));
  return { ws, addon, deals, files };
}

export const documentsOf = (ws: Workspace, dealId: string, kind: string) => records(ws, 'Documents').filter((r) => r['Deal ID'] === dealId && r.Kind === kind);

/** Files made since the prepared state that no Documents row names. */
export function orphans(ws: Workspace, before: Set<string>): string[] {
  const named = new Set<string>();
  for (const r of records(ws, 'Documents')) for (const key of ['Doc ID', 'PDF ID', 'XLSX ID', 'Deal folder ID', 'Client folder ID']) if (r[key]) named.add(String(r[key]));
  return ws.drive.listFiles().filter((f: Any) => !before.has(f.id) && !named.has(f.id)).map((f: Any) => `${f.name} (${f.id})`);
}

export function everyKill(fn: string, args: (deals: string[]) => unknown[], check: (ws: Workspace, addon: Addon, deals: string[], before: Set<string>, where: string) => void) {
  const probe = prepared();
  const points = killPoints(writeCalls(probe.ws, () => runFromClient(probe.ws, probe.addon, fn, args(probe.deals))));
  expect(points.length).toBeGreaterThan(6);
  for (const k of points) {
    const { ws, addon, deals, files } = prepared();
    const { killed } = withKillAt(ws, k, () => runFromClient(ws, addon, fn, args(deals)));
    expect([k, killed]).toEqual([k, k !== null]);
    ok(ws, addon, fn, ...args(deals)); // the person clicks again: the same request id
    check(ws, addon, deals, files, `${fn} killed at call ${k}`);
  }
}

