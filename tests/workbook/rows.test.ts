// Rows found by a search and read alone: the read is checked, never the search's row number.
import { openRows, rowBlocks, rowsWhereIn, SMALL_TAB_CELLS } from '../../src/workbook/rows';
import { updateRow } from '../../src/workbook/table';
import { DEALS } from '../../src/workbook/schema';
import { localDates } from '../../src/domain/kernel/timezone';
import { SheetPort } from '../../src/ports';

const dates = localDates('Europe/Berlin');
const header = DEALS.columns.map((c) => c.header);
const at = (key: string) => DEALS.columns.findIndex((c) => c.key === key);

function deal(id: string, stage = 'new'): unknown[] {
  const row: unknown[] = header.map(() => '');
  row[at('id')] = id;
  row[at('title')] = `Deal ${id}`;
  row[at('stage')] = stage;
  return row;
}

/** An in-memory tab large enough to be searched, not read whole; `moveAfterSearch` sorts it between search and read. */
function fakeSheets(rows: unknown[][], moveAfterSearch?: (grid: unknown[][]) => void) {
  const grid: unknown[][] = [header.slice(), ...rows];
  const log: string[] = [];
  const port: SheetPort = {
    readAll: () => { log.push('readAll'); return grid.map((r) => r.slice()); },
    readHeader: () => { log.push('readHeader'); return grid[0].slice(); },
    writeBlock: (_tab, row, column, values) => {
      log.push(`write ${row}`);
      values.forEach((line, i) => line.forEach((v, j) => { grid[row - 1 + i][column - 1 + j] = v; }));
    },
    deleteRows: () => undefined,
    replaceAll: () => undefined,
    appendRows: () => undefined,
    timeZone: () => 'Europe/Berlin',
    dimensions: () => ({ rows: grid.length, columns: header.length }),
    findRows: (_tab, column, value) => {
      log.push('find');
      const wanted = typeof value === 'string' ? [value] : value;
      const found = grid.map((r, i) => (wanted.indexOf(String(r[column - 1]).trim()) >= 0 && i > 0 ? i + 1 : 0)).filter((n) => n > 0);
      if (moveAfterSearch) moveAfterSearch(grid);
      return found;
    },
    writeCells: () => { throw new Error('not used'); },
    readBlock: (_tab, row, column, numRows, numColumns) => {
      log.push(`read ${row}+${numRows}`);
      return grid.slice(row - 1, row - 1 + numRows).map((r) => r.slice(column - 1, column - 1 + numColumns));
    },
    readFormulas: (_tab, _row, _column, numRows, numColumns) => {
      log.push('formulas');
      return Array.from({ length: numRows }, () => new Array<string>(numColumns).fill(''));
    },
  };
  return { port, grid, log };
}

const many = (n: number) => Array.from({ length: n }, (_, i) => deal(`D-${i + 1}`));
const big = Math.ceil(SMALL_TAB_CELLS / header.length) + 10;

describe('openRows', () => {
  it('finds a deal with one search and reads only its row (a big tab)', () => {
    const { port, log } = fakeSheets(many(big));
    const found = openRows(port, DEALS, dates).byId('D-7');
    expect(found!.row).toBe(8);
    expect(found!.record.title).toBe('Deal D-7');
    expect(log).toEqual(['readHeader', 'find', 'read 8+1']);
  });

  it('a row that moved between the search and the read is not taken for the deal: searched again, found where it went', () => {
    let sorts = 0;
    const { port, log } = fakeSheets(many(big), (grid) => { if (sorts++ === 0) { const [moved] = grid.splice(7, 1); grid.push(moved); } });
    const found = openRows(port, DEALS, dates);
    expect(found.byId('D-7')!.row).toBe(big + 1);
    expect(log).toEqual(['readHeader', 'find', 'read 8+1', 'find', `read ${big + 1}+1`]);
    // The row read by mistake is not part of what was found.
    expect(found.table.rows.map((r) => r.record.id)).toEqual(['D-7']);
  });

  it('a row that keeps moving is not found at all rather than taken wrongly', () => {
    const { port } = fakeSheets(many(big), (grid) => { const [moved] = grid.splice(7, 1); grid.splice(2, 0, moved); });
    expect(openRows(port, DEALS, dates).byId('D-7')).toBeUndefined();
  });

  it('an id two rows hold is refused, naming both rows, and nothing is written', () => {
    const rows = many(big);
    rows.push(deal('D-7'));
    const { port, log } = fakeSheets(rows);
    expect(() => openRows(port, DEALS, dates).byId('D-7')).toThrow(`Deals rows 8 and ${big + 2} both hold the id D-7 (a row copied by hand?). Nothing was saved`);
    expect(log.filter((l) => l.startsWith('write'))).toEqual([]);
  });

  it('writes a found row back to the row it was read from', () => {
    const { port, grid } = fakeSheets(many(big));
    const found = openRows(port, DEALS, dates);
    const row = found.byId('D-12')!;
    updateRow(port, found.table, row, { title: 'Renamed' }, dates);
    expect(grid[12][at('title')]).toBe('Renamed');
    expect(grid[11][at('title')]).toBe('Deal D-11');
  });

  it('a small tab is read whole in one read and searched in memory', () => {
    const { port, log } = fakeSheets(many(5));
    expect(openRows(port, DEALS, dates).byId('D-3')!.row).toBe(4);
    expect(log).toEqual(['readAll']);
  });

  it('rows of one key come in adjacent blocks; far apart ones separately', () => {
    expect(rowBlocks([5, 3, 4, 40, 41, 200])).toEqual([{ start: 3, count: 3 }, { start: 40, count: 2 }, { start: 200, count: 1 }]);
    expect(rowBlocks([2, 10], 8)).toEqual([{ start: 2, count: 9 }]);
  });

  it('rowsWhereIn reads the key column, then only the matching rows', () => {
    const { port, log } = fakeSheets(many(big));
    const found = rowsWhereIn(port, DEALS, dates, 'id', new Set(['D-2', 'D-3', `D-${big}`]));
    expect(found.map((r) => r.record.id)).toEqual(['D-2', 'D-3', `D-${big}`]);
    expect(log).toEqual(['readHeader', `read 2+${big}`, 'read 3+2', `read ${big + 1}+1`]);
  });

  it('rowsWhereIn with onlyColumns reads just their span; the other cells decode as blank', () => {
    const { port, log } = fakeSheets(many(big).map((r) => { r[at('manager')] = 'anna@studio.test'; return r; }));
    const widths: number[] = [];
    const readBlock = port.readBlock;
    port.readBlock = (tab, row, column, numRows, numColumns) => { widths.push(numColumns); return readBlock(tab, row, column, numRows, numColumns); };
    const found = rowsWhereIn(port, DEALS, dates, 'id', new Set(['D-2', 'D-3']), ['stage']);
    // Manager lies beyond the span: not read, blank.
    expect(found.map((r) => [r.record.id, r.record.stage, r.record.title, r.record.manager])).toEqual([['D-2', 'new', 'Deal D-2', ''], ['D-3', 'new', 'Deal D-3', '']]);
    expect(log).toEqual(['readHeader', `read 2+${big}`, 'read 3+2']);
    // The key column alone, then the span from ID to Stage only.
    expect(widths).toEqual([1, at('stage') - at('id') + 1]);
  });

  it('rowsWhereIn with onlyColumns: a row inserted after the key read never pairs one row\'s key with another row\'s values', () => {
    const rows = 5000;
    const { port, grid } = fakeSheets(many(rows).map((r, i) => { r[at('stage')] = i % 2 === 0 ? 'negotiation' : 'new'; return r; }));
    const readBlock = port.readBlock;
    let reads = 0;
    port.readBlock = (tab, row, column, numRows, numColumns) => {
      const block = readBlock(tab, row, column, numRows, numColumns);
      // By hand, between the key read and the next: a row inserted at sheet row 2700.
      if (++reads === 1) grid.splice(2699, 0, deal('D-new', 'won'));
      return block;
    };
    const ids = [2, 500, 1000, 1500, 2000, 2500, 3000, 3500, 4000, rows].map((n) => `D-${n}`);
    const found = rowsWhereIn(port, DEALS, dates, 'id', new Set(ids), ['stage']);
    // A row read is kept only when its key, read with its values, is one asked for: each deal
    // keeps its own stage; the rows below the insertion moved after the key read and are not
    // taken (the caller sees fewer rows, never a misplaced value).
    for (const r of found) {
      const n = Number(String(r.record.id).slice(2));
      expect(r.record.stage).toBe((n - 1) % 2 === 0 ? 'negotiation' : 'new');
      expect(r.row).toBe(n + 1);
    }
    expect(found.map((r) => r.record.id)).toEqual(ids.slice(0, 6));
    expect(found.filter((r) => r.record.stage === 'won')).toEqual([]);
  });
});

describe('a table of found rows', () => {
  it('works with findRow and rowsWhere: only the rows read are in it', () => {
    const { findRow, rowsWhere } = jest.requireActual('../../src/workbook/table');
    const { port } = fakeSheets(many(big));
    const found = openRows(port, DEALS, dates);
    found.byId('D-30');
    expect(findRow(found.table, 'D-30').row).toBe(31);
    expect(findRow(found.table, 'D-31')).toBeUndefined();
    expect(rowsWhere(found.table, 'stage', (s: unknown) => s === 'new', dates).map((r: any) => r.record.id)).toEqual(['D-30']);
  });
});

describe('one column and the row just appended (issue 26: a new document reads neither again)', () => {
  it('a small tab read whole gives a column without another call; a big one reads that column alone, its header known', () => {
    const small = fakeSheets(many(3));
    const found = openRows(small.port, DEALS, dates);
    found.byId('D-2');
    const before = small.log.length;
    expect(found.column('title')).toEqual(['Deal D-1', 'Deal D-2', 'Deal D-3']);
    expect(small.log.length).toBe(before);

    const large = fakeSheets(many(big));
    const searched = openRows(large.port, DEALS, dates);
    searched.byId('D-2');
    expect(searched.column('title')).toHaveLength(big);
    expect(large.log).toEqual(['readHeader', 'find', 'read 3+1', `read 2+${big}`]);
  });

  it('the appended row is the tab\'s last row, kept as Sheets stores it (the apostrophe of formula-safe text gone) and patched without a read', () => {
    for (const n of [3, big]) {
      const { port, grid, log } = fakeSheets(many(n));
      const found = openRows(port, DEALS, dates);
      found.byId('D-1');
      const written = deal('D-new');
      written[at('title')] = "'=not a formula";
      grid.push(written.slice());
      const row = found.appended(written);
      expect(row.row).toBe(n + 2);
      expect(row.record.id).toBe('D-new');
      expect(row.record.title).toBe('=not a formula');
      const reads = log.length;
      updateRow(port, found.table, row, { stage: 'won' }, dates);
      expect(log.slice(reads)).toEqual([`write ${n + 2}`]);
      expect(grid[n + 1][at('stage')]).not.toBe('new');
      expect(grid[n + 1][at('id')]).toBe('D-new');
    }
  });
});
