import { decodeTable, findRow, rowsWhere, updateRows } from '../../src/workbook/table';
import { DEALS } from '../../src/workbook/schema';
import { localDates } from '../../src/domain/kernel/timezone';

const dates = localDates('Europe/Berlin');
const header = DEALS.columns.map((c) => c.header);
const at = (key: string) => DEALS.columns.findIndex((c) => c.key === key);

function deal(id: string, stage: string, budget: unknown = 100): unknown[] {
  const row: unknown[] = header.map(() => '');
  row[at('id')] = id;
  row[at('title')] = `Deal ${id}`;
  row[at('stage')] = stage;
  row[at('budget')] = budget;
  return row;
}

describe('lazy table decoding', () => {
  it('finds one row by id without decoding the others, and hands out the same object as rows', () => {
    const table = decodeTable(DEALS, [header, deal('D-1', 'new'), deal('D-2', 'negotiation', 'lots'), deal('D-3', 'new')], dates);
    const found = findRow(table, 'D-3')!;
    expect(found.row).toBe(4);
    expect(found.record.stage).toBe('new');
    expect(findRow(table, 'D-9')).toBeUndefined();
    expect(table.rows[2]).toBe(found);
    // The bad budget of D-2 is still reported once the whole table is decoded.
    expect(table.problems).toEqual([expect.objectContaining({ tab: 'Deals', row: 3, column: 'Budget', value: 'lots' })]);
  });

  it('rowsWhere keeps the rows whose decoded cell passes, skipping blank rows', () => {
    const blank = header.map(() => '');
    const table = decodeTable(DEALS, [header, deal('D-1', 'new'), blank, deal('D-2', 'Negotiation'), deal('D-3', 'negotiation')], dates);
    const rows = rowsWhere(table, 'stage', (stage) => stage === 'negotiation', dates);
    expect(rows.map((r) => r.record.id)).toEqual(['D-2', 'D-3']);
    expect(table.rows.filter((r) => r.record.stage === 'negotiation')).toEqual(rows);
    expect(rows[0]).toBe(table.rows[1]);
  });
});

describe('updateRows', () => {
  // This test used to expect one block per run of adjacent rows spanning the first to the last
  // changed column, with the unchanged cells in it rewritten from what was read: the defect of
  // issue 20 (that rewrite arms `'=…` text and erases formulas). Now only changed cells are
  // written; when that takes more than two writes, one block after one read of its formulas.
  it('writes the changed cells: adjacent ones together, scattered ones as one formula-keeping block', () => {
    const table = decodeTable(DEALS, [header, deal('D-1', 'New'), deal('D-2', 'New'), deal('D-3', 'New'), deal('D-4', 'New')], dates);
    const writes: { row: number; column: number; values: unknown[][] }[] = [];
    const formulaReads: number[][] = [];
    const sheets = {
      writeBlock: (_tab: string, row: number, column: number, values: unknown[][]) => writes.push({ row, column, values }),
      readFormulas: (_tab: string, row: number, column: number, rows: number, columns: number) => {
        formulaReads.push([row, column, rows, columns]);
        return Array.from({ length: rows }, () => new Array(columns).fill(''));
      },
    } as never;
    const rows = table.rows;
    updateRows(sheets, table, [
      { row: rows[0], patch: { stage: 'negotiation' } },
      { row: rows[1], patch: { stage: 'negotiation', budget: 5 } },
      { row: rows[2], patch: { stage: 'new' } }, // unchanged: no cell to write
      { row: rows[3], patch: { budget: 7 } },
    ], dates);
    const width = at('budget') - at('stage') + 1;
    expect(formulaReads).toEqual([[2, at('stage') + 1, 4, width]]);
    expect(writes.map((w) => [w.row, w.column, w.values.length, w.values[0].length])).toEqual([[2, at('stage') + 1, 4, width]]);
    expect(writes[0].values[1][at('budget') - at('stage')]).toBe(5);
    expect(writes[0].values[0][at('budget') - at('stage')]).toBe(100); // a number read is written back as it was
    expect(writes[0].values[2][0]).toBe("'New"); // text read is written back as text
    expect(table.raw[3][at('budget')]).toBe(7);

    writes.length = 0;
    formulaReads.length = 0;
    updateRows(sheets, table, [
      { row: rows[0], patch: { stage: 'new' } },
      { row: rows[1], patch: { stage: 'new' } },
      { row: rows[3], patch: { budget: 6 } },
    ], dates);
    expect(formulaReads).toEqual([]);
    expect(writes.map((w) => [w.row, w.column, w.values])).toEqual([[2, at('stage') + 1, [['New'], ['New']]], [5, at('budget') + 1, [[6]]]]);
  });
});
