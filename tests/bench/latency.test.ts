// Issue 26: a flush (or an execution's implicit commit) is charged by the cells it commits,
// fitted to the one public measurement (latency.ts, COMMIT_MS): ~30 ms after a one-row write,
// ~560 ms after a 4,000-cell write. Numbers below are worked out by hand from the constants.
import { COMMIT_MS, commitMs, flatCommitLatencyOf, latencyOf, NO_COMMITS } from '../../scripts/bench/latency';
import { CallSummary } from '../../scripts/emulator/context';

function calls(byMethod: Record<string, number>, byCategory: Record<string, number> = {}): CallSummary {
  const total = Object.values(byMethod).reduce((a, b) => a + b, 0);
  return { total, data: total, byCategory, byMethod } as unknown as CallSummary;
}

describe('the commit charge', () => {
  it('is 30 ms plus 0.1325 ms a cell: 560 ms for 4,000 cells, ~31 ms for one 10-cell row, 30 ms for nothing', () => {
    expect(COMMIT_MS).toEqual({ base: 30, perCell: 0.1325 });
    expect(commitMs(4000)).toBeCloseTo(560, 9);
    expect(commitMs(10)).toBeCloseTo(31.325, 9);
    expect(commitMs(0)).toBe(30);
  });

  it('charges each flush by the cells written since the previous one, not a flat 500 ms', () => {
    // Two setValues (4,000 and 10 cells), each followed by a flush.
    const c = calls({ 'Range.setValues': 2, 'SpreadsheetApp.flush': 2 }, { spreadsheetWrite: 2 });
    const cells = { read: 0, written: 4010 };
    // 2 writes × 100 ms + 4,010 cells × 0.03 ms (120.3) + flushes 560 + 31.325 = 911.625.
    expect(latencyOf(c, cells, { flushes: [4000, 10], implicit: null })).toBe(912);
    // The old ruler: 200 + 120.3 + 2 × 500 = 1,320.3.
    expect(flatCommitLatencyOf(c, cells)).toBe(1320);
  });

  it('charges the implicit commit of an execution that wrote after its last flush (or never flushed) the same way', () => {
    const c = calls({ 'Range.setValues': 1 }, { spreadsheetWrite: 1 });
    const cells = { read: 0, written: 4000 };
    // 100 + 120 + 560.
    expect(latencyOf(c, cells, { flushes: [], implicit: 4000 })).toBe(780);
    // Old: 100 + 120 + 500.
    expect(flatCommitLatencyOf(c, cells)).toBe(720);
    // A flush with nothing pending still costs its base; a read-only execution commits nothing.
    expect(latencyOf(calls({ 'SpreadsheetApp.flush': 1 }), { read: 0, written: 0 }, { flushes: [0], implicit: null })).toBe(30);
    expect(latencyOf(calls({ 'Range.getValues': 1 }, { spreadsheetRead: 1 }), { read: 1000, written: 0 }, NO_COMMITS)).toBe(130);
  });
});
