// The dashboard's narrow reads (issue 23, cold dashboard at 10,000 deals): some columns of every
// row, more columns only for the rows that need them, and rows found by a search for many keys.
// Exact reads are asserted: a whole-column read coming back would show here.
import { readColumns, rowsHolding } from '../../src/workbook/columns';
import { SMALL_TAB_CELLS } from '../../src/workbook/rows';
import { CHECKPOINTS, DEALS, TabSchema } from '../../src/workbook/schema';
import { localDates } from '../../src/domain/kernel/timezone';
import { SheetPort } from '../../src/ports';

const dates = localDates('Europe/Berlin');

function fakeSheets(tab: TabSchema, rows: Record<string, unknown>[]) {
  const header = tab.columns.map((c) => c.header);
  const grid: unknown[][] = [header, ...rows.map((r) => tab.columns.map((c) => (c.key in r ? r[c.key] : '')))];
  const log: string[] = [];
  const no = () => { throw new Error('not used'); };
  const port: SheetPort = {
    readAll: () => { log.push('readAll'); return grid.map((r) => r.slice()); },
    readHeader: () => { log.push('readHeader'); return grid[0].slice(); },
    writeBlock: no, deleteRows: no, replaceAll: no, appendRows: no, writeCells: no, readFormulas: no,
    timeZone: () => 'Europe/Berlin',
    dimensions: () => ({ rows: grid.length, columns: header.length }),
    findRows: (_tab, column, value) => {
      const wanted = typeof value === 'string' ? [value] : value;
      log.push(`find ${wanted.length}`);
      return grid.map((r, i) => (i > 0 && wanted.indexOf(String(r[column - 1]).trim()) >= 0 ? i + 1 : 0)).filter((n) => n > 0);
    },
    readBlock: (_tab, row, column, numRows, numColumns) => {
      log.push(`read r${row}+${numRows} c${column}+${numColumns}`);
      return grid.slice(row - 1, row - 1 + numRows).map((r) => r.slice(column - 1, column - 1 + numColumns));
    },
  };
  return { port, log };
}

const col = (tab: TabSchema, key: string) => tab.columns.findIndex((c) => c.key === key) + 1;

describe('readColumns with columns for some rows only', () => {
  const count = Math.ceil(SMALL_TAB_CELLS / DEALS.columns.length) + 200;
  // Rows 2..11 live (forecast set), the rest closed.
  const rows = Array.from({ length: count }, (_, i) => ({ id: `D-${i}`, stage: i < 10 ? 'new' : 'failed', forecast: 'green', amount: i }));

  it('reads the given columns of every row, then the extra columns of the chosen rows only', () => {
    const { port, log } = fakeSheets(DEALS, rows);
    const out = readColumns(port, DEALS, dates, ['id', 'stage'], undefined, { keys: ['forecast', 'health'], when: (r) => r.stage === 'new' });
    expect(out).toHaveLength(count);
    expect(out.filter((r) => r.record.forecast === 'green').map((r) => r.record.id)).toEqual(rows.slice(0, 10).map((r) => r.id));
    expect(out[20].record.forecast).toBeUndefined();
    expect(log).toEqual([
      'readHeader',
      // ID and Stage one column apart: read through the gap (cheaper than a second read at this height).
      `read r2+${count} c${col(DEALS, 'id')}+3`,
      `read r2+10 c${col(DEALS, 'forecast')}+2`,
    ]);
  });

  it('a small tab is read once, the extra columns decoded from it', () => {
    const { port, log } = fakeSheets(DEALS, rows.slice(0, 12));
    const out = readColumns(port, DEALS, dates, ['id', 'stage'], undefined, { keys: ['forecast'], when: (r) => r.stage === 'new' });
    expect(out.map((r) => r.record.forecast)).toEqual([...new Array(10).fill('green'), undefined, undefined]);
    expect(log).toEqual(['readAll']);
  });
});

describe('rowsHolding', () => {
  const count = Math.ceil(SMALL_TAB_CELLS / CHECKPOINTS.columns.length) + 500;
  const rows = Array.from({ length: count }, (_, i) => ({ id: `C-${i}`, dealId: `D-${i % 100}`, name: `Step ${i}` }));

  it('one search for all the keys, then the found rows only (no key column read whole)', () => {
    const { port, log } = fakeSheets(CHECKPOINTS, rows);
    const out = rowsHolding(port, CHECKPOINTS, dates, 'dealId', new Set(['D-3', 'D-5']), ['name']);
    expect(out.map((r) => r.record.name)).toEqual(rows.filter((r) => r.dealId === 'D-3' || r.dealId === 'D-5').map((r) => r.name));
    expect(log[0]).toBe('readHeader');
    expect(log[1]).toBe('find 2');
    // Found rows 100 apart are read one block each (a gap read through would cost more than another read).
    expect(log.slice(2).every((l) => l.startsWith('read '))).toBe(true);
    expect(log.some((l) => l.includes(`+${count}`))).toBe(false);
  });

  it('no keys: nothing read', () => {
    const { port, log } = fakeSheets(CHECKPOINTS, rows);
    expect(rowsHolding(port, CHECKPOINTS, dates, 'dealId', new Set(), ['name'])).toEqual([]);
    expect(log).toEqual([]);
  });
});
