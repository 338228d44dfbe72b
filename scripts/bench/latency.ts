// An assumed per-call latency model for Apps Script, to turn call counts into wall time.
// Figures are assumptions, listed with their sources in the README ("Benchmark").
import type { CallSummary } from '../emulator/context';

export const LATENCY_MS = {
  /** Google's best-practices page: 10,000 single-cell writes ~70 s => ~7 ms a call at best; we assume more per read/write of a whole tab. */
  spreadsheetRead: 120,
  spreadsheetWrite: 150,
  cache: 20,
  properties: 30,
  lock: 40,
  drive: 300,
  docs: 400,
  mail: 250,
  calendar: 250,
  /** Handles (getActive, getSheetByName, getRange...) are cheap but not free. */
  handle: 2,
  /** Per 10,000 cells moved by a read or write. */
  perTenThousandCells: 40,
};

export function estimateMs(calls: CallSummary, cellsMoved: number): number {
  const c = calls.byCategory as Record<string, number>;
  let total = 0;
  for (const key of Object.keys(c)) total += (c[key] || 0) * ((LATENCY_MS as Record<string, number>)[key] || 0);
  return Math.round(total + (cellsMoved / 10000) * LATENCY_MS.perTenThousandCells);
}
