// What the yearly-archive tests share (integration and browser): the archive's saved state, the
// Settings key that turns it on, and a demo whose closed deals are moved back into older years.
import { runFromClient, Workspace, Addon } from './harness';

/* eslint-disable @typescript-eslint/no-explicit-any */
type Any = any;

export const ARCHIVE_KEY = 'dealboard:archive';
/** The live tabs a deal's rows leave when it is archived. */
export const ARCHIVED_TABS = ['Deals', 'Checkpoints', 'Activities', 'Quote lines', 'Payments', 'Documents'];

export const isDate = (v: unknown): v is Date => Object.prototype.toString.call(v) === '[object Date]';

/** A global called as the sidebar calls it; its refusal fails the test with the add-on's message. */
export function ok(ws: Workspace, addon: Addon, fn: string, ...args: unknown[]): Any {
  const reply = runFromClient(ws, addon, fn, args);
  if (!reply.ok) throw new Error(`${fn}: ${reply.error.message}`);
  return reply.value;
}

export function archiveState(ws: Workspace): Any {
  return JSON.parse(ws.globals.PropertiesService.getDocumentProperties().getProperty(ARCHIVE_KEY) || 'null');
}

export function saveArchiveState(ws: Workspace, s: Any): void {
  ws.globals.PropertiesService.getDocumentProperties().setProperty(ARCHIVE_KEY, JSON.stringify(s));
}

export function setArchiveMonths(ws: Workspace, value: string): void {
  const values = ws.readSheet('Settings').values as unknown[][];
  const at = values.findIndex((r) => r[0] === 'archive_after_months');
  if (at > 0) ws.editCell('Settings', at + 1, 2, value);
  else ws.appendRows('Settings', [['archive_after_months', value, '']]);
}

/**
 * The demo closed every deal in the last weeks: two of every three closed deals are moved back
 * to 2024 and 2025 (written uncounted, as a person's earlier years would be).
 */
export function olderClosings(ws: Workspace): void {
  const values = (ws.readSheet('Deals').values as unknown[][]).map((r) => r.slice());
  const at = (values[0] as string[]).indexOf('Closed at');
  let n = 0;
  values.forEach((r, i) => {
    if (i === 0 || !isDate(r[at])) return;
    const k = n++ % 3;
    if (k === 2) return;
    r[at] = new Date(k === 0 ? `2024-0${1 + (n % 9)}-1${n % 10}T10:00:00Z` : `2025-0${1 + (n % 9)}-0${1 + (n % 9)}T15:30:00Z`);
    ws.writeRows('Deals', i + 1, [r]);
  });
}
