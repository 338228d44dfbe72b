// writeChangedCells: only changed cells are written, by runs of adjacent columns over runs of
// adjacent rows (issue 20, item 13: a hand edit must not rewrite a neighbour typed meanwhile).
import { decodeTable } from '../../src/workbook/table';
import { writeChangedCells } from '../../src/workbook/changedCells';
import { DEALS } from '../../src/workbook/schema';
import { localDates } from '../../src/domain/timezone';

const dates = localDates('Europe/Berlin');
const header = DEALS.columns.map((c) => c.header);
const at = (key: string) => DEALS.columns.findIndex((c) => c.key === key);

function deal(id: string): unknown[] {
  const row: unknown[] = header.map(() => '');
  row[at('id')] = id;
  row[at('title')] = `Deal ${id}`;
  row[at('stage')] = 'New';
  row[at('budget')] = 100;
  row[at('notes')] = `notes of ${id}`;
  return row;
}

function recorder() {
  const writes: { row: number; column: number; values: unknown[][] }[] = [];
  const sheets = { writeBlock: (_tab: string, row: number, column: number, values: unknown[][]) => writes.push({ row, column, values }) } as never;
  return { writes, sheets };
}

describe('writeChangedCells', () => {
  it('writes each run of adjacent changed columns, never a column between them', () => {
    const table = decodeTable(DEALS, [header, deal('D-1')], dates);
    const { writes, sheets } = recorder();
    writeChangedCells(sheets, table, [{ row: table.rows[0], patch: { stage: 'negotiation', forecast: 'red', version: 4 } }], dates);
    expect(at('forecast')).toBe(at('stage') + 1);
    expect(writes.map((w) => [w.row, w.column, w.values[0].length])).toEqual([
      [2, at('stage') + 1, 2],
      [2, at('version') + 1, 1],
    ]);
    const written = new Set(writes.flatMap((w) => w.values[0].map((_v, i) => w.column - 1 + i)));
    expect(written.has(at('notes'))).toBe(false);
    expect(table.raw[0][at('version')]).toBe(4);
  });

  it('a pasted block of rows is one write per run of columns, not one per row; unchanged rows are not written', () => {
    const table = decodeTable(DEALS, [header, deal('D-1'), deal('D-2'), deal('D-3'), deal('D-4')], dates);
    const { writes, sheets } = recorder();
    const rows = table.rows;
    writeChangedCells(sheets, table, [
      { row: rows[0], patch: { stage: 'negotiation' } },
      { row: rows[1], patch: { stage: 'negotiation', version: 2 } },
      { row: rows[2], patch: { stage: 'new' } }, // unchanged
      { row: rows[3], patch: { version: 9 } },
    ], dates);
    expect(writes.map((w) => [w.row, w.column, w.values.length, w.values[0].length])).toEqual([
      [2, at('stage') + 1, 2, 1],
      [2, at('version') + 1, 2, 1],
      [5, at('version') + 1, 1, 1],
    ]);
    expect(writes[0].values.map((r) => r[0])).toEqual(['Negotiation', 'Negotiation']);
  });
});
