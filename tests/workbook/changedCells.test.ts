// The edit trigger's writes (updateRows with neverBlock): only changed cells are written, by runs
// of adjacent columns, rows changed alike sharing a write (issue 20, item 13: a hand edit must not
// rewrite a neighbour typed meanwhile; one writer for every path, so a pasted block never writes
// a row's cell back from the value read, which would arm `'=x` text or drop a formula).
import { decodeTable, updateRows } from '../../src/workbook/table';
import { DEALS } from '../../src/workbook/schema';
import { localDates } from '../../src/domain/kernel/timezone';

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
  const refuse = () => { throw new Error('the edit trigger never reads formulas to write a block'); };
  const sheets = { writeBlock: (_tab: string, row: number, column: number, values: unknown[][]) => writes.push({ row, column, values }), readFormulas: refuse } as never;
  return { writes, sheets };
}

describe('updateRows with neverBlock (the edit trigger)', () => {
  it('writes each run of adjacent changed columns, never a column between them', () => {
    const table = decodeTable(DEALS, [header, deal('D-1')], dates);
    const { writes, sheets } = recorder();
    updateRows(sheets, table, [{ row: table.rows[0], patch: { stage: 'negotiation', forecast: 'red', version: 4 } }], dates, { neverBlock: true });
    expect(at('forecast')).toBe(at('stage') + 1);
    expect(writes.map((w) => [w.row, w.column, w.values[0].length])).toEqual([
      [2, at('stage') + 1, 2],
      [2, at('version') + 1, 1],
    ]);
    const written = new Set(writes.flatMap((w) => w.values[0].map((_v, i) => w.column - 1 + i)));
    expect(written.has(at('notes'))).toBe(false);
    expect(table.raw[0][at('version')]).toBe(4);
  });

  it('a pasted block: rows changed alike share a write; a row is never written in a column only another row changed; unchanged rows are not written', () => {
    const table = decodeTable(DEALS, [header, deal('D-1'), deal('D-2'), deal('D-3'), deal('D-4'), deal('D-5')], dates);
    const { writes, sheets } = recorder();
    const rows = table.rows;
    updateRows(sheets, table, [
      { row: rows[0], patch: { stage: 'negotiation' } },
      { row: rows[1], patch: { stage: 'negotiation' } },
      { row: rows[2], patch: { stage: 'negotiation', version: 2 } },
      { row: rows[3], patch: { stage: 'new' } }, // unchanged
      { row: rows[4], patch: { version: 9 } },
      { row: rows[4], patch: {} },
    ], dates, { neverBlock: true });
    expect(writes.map((w) => [w.row, w.column, w.values.length, w.values[0].length])).toEqual([
      [2, at('stage') + 1, 2, 1],
      [4, at('stage') + 1, 1, 1],
      [4, at('version') + 1, 1, 1],
      [6, at('version') + 1, 1, 1],
    ]);
    expect(writes[0].values.map((r) => r[0])).toEqual(['Negotiation', 'Negotiation']);
    // Written cells: exactly the changed ones.
    const written = writes.flatMap((w) => w.values.flatMap((line, r) => line.map((_v, c) => `${w.row + r}:${w.column + c}`))).sort();
    expect(written).toEqual([`2:${at('stage') + 1}`, `3:${at('stage') + 1}`, `4:${at('stage') + 1}`, `4:${at('version') + 1}`, `6:${at('version') + 1}`].sort());
  });

  it('many differently changed rows still write only their changed cells (never one block over the rest)', () => {
    const table = decodeTable(DEALS, [header, deal('D-1'), deal('D-2'), deal('D-3')], dates);
    const { writes, sheets } = recorder();
    const rows = table.rows;
    updateRows(sheets, table, [
      { row: rows[0], patch: { stage: 'negotiation', version: 3 } },
      { row: rows[1], patch: { forecast: 'red', notes: 'x' } },
      { row: rows[2], patch: { title: 'T', budget: 5 } },
    ], dates, { neverBlock: true });
    expect(writes.every((w) => w.values.length === 1 && w.values[0].length === 1)).toBe(true);
    expect(writes).toHaveLength(6);
  });
});
