// The dashboard's Stage history tail (issue 23, src/app/reports/historyTail.ts): whatever the order
// of the At column and whatever happened to it since the last whole read (rows appended in or out
// of order, a row deleted by hand, a row written in place), the rows read are exactly the rows whose
// At is at or after the moment — as a whole read would give. And when the tab is in order, a
// second read costs one chunk from the bottom, not the At column.
import fc from 'fast-check';
import { readHistorySince, HISTORY_ORDER_KEY } from '../../../src/app/reports/historyTail';
import { STAGE_HISTORY } from '../../../src/workbook/schema';
import { localDates } from '../../../src/domain/kernel/timezone';
import { Ports, RowJournalEntry, SheetPort } from '../../../src/ports';

const DAY = 24 * 3600 * 1000;
const T0 = Date.parse('2026-01-01T00:00:00Z');
const NOW = T0 + 400 * DAY;

function fakePorts(ats: (number | null)[]) {
  const header = STAGE_HISTORY.columns.map((c) => c.header);
  const grid: unknown[][] = [header, ...ats.map((at, i) => STAGE_HISTORY.columns.map((c) => (
    c.key === 'id' ? `H-${i}` : c.key === 'dealId' ? `D-${i % 7}` : c.key === 'to' ? 'new' : c.key === 'at' ? (at === null ? '' : new Date(at)) : ''
  )))];
  const log: string[] = [];
  const cache: Record<string, string> = {};
  const no = () => { throw new Error('not used'); };
  const sheets: SheetPort = {
    readAll: no, writeBlock: no, deleteRows: no, replaceAll: no, appendRows: no, writeCells: no, readFormulas: no, findRows: no,
    readHeader: () => grid[0].slice(),
    timeZone: () => 'Europe/Berlin',
    dimensions: () => ({ rows: grid.length, columns: header.length }),
    readBlock: (_tab, row, column, numRows, numColumns) => {
      log.push(`r${row}+${numRows}`);
      return grid.slice(row - 1, row - 1 + numRows).map((r) => r.slice(column - 1, column - 1 + numColumns));
    },
  };
  const ports = {
    sheets,
    dates: localDates('Europe/Berlin'),
    clock: { now: () => new Date(NOW) },
    cache: {
      get: (k: string) => (k in cache ? cache[k] : null),
      put: (k: string, v: string) => { cache[k] = v; },
      remove: (k: string) => { delete cache[k]; },
      getAll: () => ({}),
      putAll: no,
    },
  } as unknown as Ports;
  const atColumn = STAGE_HISTORY.columns.findIndex((c) => c.key === 'at');
  const rowOf = (at: number | null, i: number) => STAGE_HISTORY.columns.map((c) => (
    c.key === 'id' ? `H-new-${i}` : c.key === 'dealId' ? 'D-new' : c.key === 'to' ? 'new' : c.key === 'at' ? (at === null ? '' : new Date(at)) : ''));
  return {
    ports, log, cache,
    append: (at: number | null) => grid.push(rowOf(at, grid.length)),
    deleteRow: (row: number) => grid.splice(row - 1, 1),
    setAt: (row: number, at: number) => { grid[row - 1][atColumn] = new Date(at); },
    /** What a whole read gives: every row whose At is at or after the moment. */
    expected: (start: number) => grid.map((r, i) => ({ row: i + 1, at: r[atColumn] })).filter((x) => x.row > 1 && x.at instanceof Date && x.at.getTime() >= start).map((x) => x.row),
  };
}

const rowsOf = (out: ReturnType<typeof readHistorySince>) => out.rows.map((r) => r.row);
const entry = (key: string, tabs: RowJournalEntry['tabs']): RowJournalEntry => ({ key, tabs });

describe('Stage history from a moment on', () => {
  const sorted = Array.from({ length: 3000 }, (_, i) => T0 + i * 3 * 3600 * 1000);

  it('in order: the first read reads the At column whole and notes the order; the next one reads one chunk from the bottom', () => {
    const f = fakePorts(sorted);
    const start = sorted[2800];
    const first = readHistorySince(f.ports, start, []);
    expect(first.how).toBe('full');
    expect(rowsOf(first)).toEqual(f.expected(start));
    expect(JSON.parse(f.cache[HISTORY_ORDER_KEY])).toEqual(expect.objectContaining({ lastRow: 3001, sortedFrom: 2, latestAbove: null }));
    f.log.length = 0;
    const second = readHistorySince(f.ports, start, []);
    expect(second.how).toBe('tail');
    expect(rowsOf(second)).toEqual(f.expected(start));
    expect(f.log).toEqual(['r502+2500']);
  });

  it('without the journal (null) nothing is noted and every read is whole', () => {
    const f = fakePorts(sorted);
    readHistorySince(f.ports, sorted[10], null);
    expect(f.cache[HISTORY_ORDER_KEY]).toBeUndefined();
  });

  it('a row written in place since (the journal lists Stage history, or an unknown write): the At column is read whole again', () => {
    const cases: RowJournalEntry['tabs'][] = [{ 'Stage history': [40] }, { 'Stage history': '*' }, { '*': '*' }];
    for (const tabs of cases) {
      const f = fakePorts(sorted);
      readHistorySince(f.ports, sorted[2900], []);
      f.setAt(41, NOW);
      const again = readHistorySince(f.ports, sorted[2900], [entry('k1', tabs)]);
      expect(again.how).toBe('full');
      expect(rowsOf(again)).toEqual(f.expected(sorted[2900]));
    }
    // A write to another tab changes nothing here.
    const f = fakePorts(sorted);
    readHistorySince(f.ports, sorted[2900], []);
    expect(readHistorySince(f.ports, sorted[2900], [entry('k1', { Deals: [5] })]).how).toBe('tail');
  });

  it('a row appended out of order (an At far before the rows above it): the chunk check reads the column whole', () => {
    const f = fakePorts(sorted);
    readHistorySince(f.ports, sorted[2900], []);
    f.append(T0);
    const again = readHistorySince(f.ports, sorted[2900], []);
    expect(again.how).toBe('full');
    expect(rowsOf(again)).toEqual(f.expected(sorted[2900]));
  });

  it('property: any order, appends in or out of order, hand deletions, blank cells — always the rows a whole read gives', () => {
    const at = fc.oneof(fc.constant(null), fc.integer({ min: 0, max: 300 }).map((d) => T0 + d * DAY));
    const op = fc.oneof(
      fc.record({ kind: fc.constant('append' as const), at }),
      fc.record({ kind: fc.constant('delete' as const), row: fc.integer({ min: 2, max: 400 }) }),
    );
    fc.assert(fc.property(
      fc.array(at, { minLength: 1, maxLength: 300 }), fc.boolean(), fc.array(op, { maxLength: 6 }), fc.integer({ min: 0, max: 320 }), fc.integer({ min: 0, max: 320 }),
      (ats, sortFirst, ops, firstDay, secondDay) => {
        const values = sortFirst ? ats.slice().sort((a, b) => (a === null ? 0 : a) - (b === null ? 0 : b)) : ats;
        const f = fakePorts(values);
        expect(rowsOf(readHistorySince(f.ports, T0 + firstDay * DAY, []))).toEqual(f.expected(T0 + firstDay * DAY));
        for (const o of ops) {
          if (o.kind === 'append') f.append(o.at);
          else if (o.row <= f.ports.sheets.dimensions('Stage history')!.rows) f.deleteRow(o.row);
        }
        expect(rowsOf(readHistorySince(f.ports, T0 + secondDay * DAY, []))).toEqual(f.expected(T0 + secondDay * DAY));
      },
    ), { numRuns: 300 });
  });
});
