// eachColumnRow (issue 26, the archive's heap): readColumns' rows one at a time from narrow raw
// rows. Same calls and the same decoded rows as readColumns, whatever the columns' order and the
// users' own columns in between.
import { SMALL_TAB_CELLS, eachColumnRow, readColumns } from '../../src/workbook/rows';
import { DEALS, TabSchema } from '../../src/workbook/schema';
import { localDates } from '../../src/domain/kernel/timezone';
import { DecodedRow } from '../../src/workbook/codec';
import { SheetPort } from '../../src/ports';

const dates = localDates('Europe/Berlin');

function fakeSheets(header: unknown[], grid: unknown[][]) {
  const all = [header, ...grid];
  const log: string[] = [];
  const no = () => { throw new Error('not used'); };
  const port: SheetPort = {
    readAll: () => { log.push('readAll'); return all.map((r) => r.slice()); },
    readHeader: () => { log.push('readHeader'); return header.slice(); },
    writeBlock: no, deleteRows: no, replaceAll: no, appendRows: no, writeCells: no, readFormulas: no, findRows: no,
    timeZone: () => 'Europe/Berlin',
    dimensions: () => { log.push('dimensions'); return { rows: all.length, columns: header.length }; },
    readBlock: (_tab: string, row: number, column: number, numRows: number, numColumns: number) => {
      log.push(`read r${row}+${numRows} c${column}+${numColumns}`);
      return all.slice(row - 1, row - 1 + numRows).map((r) => r.slice(column - 1, column - 1 + numColumns));
    },
  } as unknown as SheetPort;
  return { port, log };
}

/** The Deals tab with its columns reversed and a user's own column ("Notes 2") after the third. */
function dealsGrid(count: number, tab: TabSchema = DEALS) {
  const columns = tab.columns.slice().reverse();
  const header: unknown[] = columns.map((c) => c.header);
  header.splice(3, 0, 'Notes 2');
  const rows = Array.from({ length: count }, (_, i) => {
    const values: Record<string, unknown> = {
      id: `D-${i}`, stage: i % 3 === 0 ? 'completed' : i % 3 === 1 ? 'failed' : 'new',
      closedAt: i % 4 === 0 ? new Date(Date.UTC(2023, i % 12, 1 + (i % 27))) : '',
      amount: i % 5 === 0 ? 'not a number' : i * 10, budget: i,
    };
    const row: unknown[] = columns.map((c) => (c.key in values ? values[c.key] : ''));
    row.splice(3, 0, `own ${i}`);
    // Every 7th row blank in the read columns: skipped as Table.rows skips it.
    if (i % 7 === 6) return row.map((v, k) => (k === 3 ? v : ''));
    return row;
  });
  return { header, rows };
}

const KEYS = ['id', 'stage', 'closedAt', 'amount', 'budget'];

function collect(port: SheetPort): DecodedRow[] {
  const out: DecodedRow[] = [];
  expect(eachColumnRow(port, DEALS, dates, KEYS, (r) => out.push(r))).toBe(true);
  return out;
}

describe('eachColumnRow', () => {
  test('a large tab: the same reads and the same decoded rows as readColumns', () => {
    const count = Math.ceil(SMALL_TAB_CELLS / DEALS.columns.length) + 50;
    const { header, rows } = dealsGrid(count);
    const a = fakeSheets(header, rows);
    const b = fakeSheets(header, rows);
    const expected = readColumns(a.port, DEALS, dates, KEYS)!.rows;
    const got = collect(b.port);
    expect(got).toEqual(expected);
    expect(got.length).toBeLessThan(count);
    expect(got.some((r) => r.invalid.indexOf('amount') >= 0)).toBe(true);
    expect(b.log).toEqual(a.log);
    expect(b.log.filter((l) => l === 'readAll')).toEqual([]);
  });

  test('a small tab is read whole, as readColumns reads it', () => {
    const { header, rows } = dealsGrid(20);
    const a = fakeSheets(header, rows);
    const b = fakeSheets(header, rows);
    expect(collect(b.port)).toEqual(readColumns(a.port, DEALS, dates, KEYS)!.rows);
    expect(b.log).toEqual(['dimensions', 'readAll']);
  });

  test('no tab: false, nothing called back', () => {
    const port = { dimensions: () => null } as unknown as SheetPort;
    expect(eachColumnRow(port, DEALS, dates, KEYS, () => { throw new Error('called'); })).toBe(false);
  });
});
