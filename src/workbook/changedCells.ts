// Writes back only the cells a patch changed. A column between two changed ones is never
// rewritten: what someone typed there meanwhile (typing takes no lock) survives, and a
// neighbour's text is never rewritten from the value read.
import { DecodedRow, LocalDates, encodeRow } from './codec';
import { Table, sameCell } from './table';
import { SheetPort } from '../ports';

/**
 * One block per run of adjacent changed columns over each run of adjacent patched rows (no
 * per-row writes for a pasted block). In a block of several rows, a row's cell is rewritten
 * with the value read when only another row of the run changed that column.
 */
export function writeChangedCells(
  sheets: SheetPort,
  table: Table,
  patches: readonly { row: DecodedRow; patch: Record<string, unknown> }[],
  dates: LocalDates,
): void {
  const changed = patches
    .map(({ row, patch }) => {
      const before = table.raw[row.row - 2];
      const after = encodeRow(table.tab, table.map, patch, dates, before);
      const columns: number[] = [];
      for (let i = 0; i < after.length; i++) if (!sameCell(before[i], after[i])) columns.push(i);
      return { row: row.row, after, columns };
    })
    .filter((c) => c.columns.length > 0)
    .sort((a, b) => a.row - b.row);
  let start = 0;
  while (start < changed.length) {
    let end = start;
    while (end + 1 < changed.length && changed[end + 1].row === changed[end].row + 1) end++;
    const run = changed.slice(start, end + 1);
    const columns = Array.from(new Set(run.flatMap((c) => c.columns))).sort((a, b) => a - b);
    let from = 0;
    while (from < columns.length) {
      let to = from;
      while (to + 1 < columns.length && columns[to + 1] === columns[to] + 1) to++;
      const first = columns[from];
      const last = columns[to];
      sheets.writeBlock(table.tab.name, run[0].row, first + 1, run.map((c) => c.after.slice(first, last + 1)));
      from = to + 1;
    }
    for (const c of run) table.raw[c.row - 2] = c.after;
    start = end + 1;
  }
}
