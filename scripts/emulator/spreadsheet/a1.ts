// A1 notation: column letters, parsing 'A1', 'B2:D10', 'A2:C', 'A:A', '1:3', "'Sheet 1'!A1".

export function columnToLetters(col: number): string {
  let n = Math.floor(col);
  if (n < 1) throw new Error(`Invalid column: ${col}`);
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function lettersToColumn(letters: string): number {
  let n = 0;
  const up = letters.toUpperCase();
  for (let i = 0; i < up.length; i++) {
    const c = up.charCodeAt(i);
    if (c < 65 || c > 90) throw new Error(`Invalid column letters: ${letters}`);
    n = n * 26 + (c - 64);
  }
  return n;
}

/** A parsed A1 reference. null bounds mean "open" (whole column / whole row / to the end). */
export interface A1Ref {
  sheetName: string | null;
  startRow: number | null;
  startCol: number | null;
  endRow: number | null;
  endCol: number | null;
}

export interface GridRange {
  row: number;
  col: number;
  numRows: number;
  numCols: number;
}

/** Splits "'My sheet'!A1:B2" into the sheet name (unquoted) and the cell part. */
export function splitSheetName(a1: string): { sheetName: string | null; cells: string } {
  const text = a1.trim();
  if (text.startsWith("'")) {
    let i = 1;
    let name = '';
    while (i < text.length) {
      if (text[i] === "'") {
        if (text[i + 1] === "'") {
          name += "'";
          i += 2;
          continue;
        }
        break;
      }
      name += text[i];
      i++;
    }
    if (text[i] !== "'" || text[i + 1] !== '!') return { sheetName: null, cells: text };
    return { sheetName: name, cells: text.slice(i + 2) };
  }
  const bang = text.lastIndexOf('!');
  if (bang < 0) return { sheetName: null, cells: text };
  return { sheetName: text.slice(0, bang), cells: text.slice(bang + 1) };
}

const ENDPOINT = /^\$?([A-Za-z]{0,3})\$?(\d*)$/;

/** Parses A1 notation; returns null when it is not valid A1 notation. */
export function parseA1(a1: string): A1Ref | null {
  if (typeof a1 !== 'string') return null;
  const { sheetName, cells } = splitSheetName(a1);
  if (sheetName === '') return null;
  const parts = cells.split(':');
  if (parts.length < 1 || parts.length > 2) return null;
  const ends: { col: number | null; row: number | null }[] = [];
  for (const p of parts) {
    const m = ENDPOINT.exec(p.trim());
    if (!m || (m[1] === '' && m[2] === '')) return null;
    const row = m[2] === '' ? null : Number(m[2]);
    if (row !== null && row < 1) return null;
    ends.push({ col: m[1] === '' ? null : lettersToColumn(m[1]), row });
  }
  if (ends.length === 1) {
    const e = ends[0];
    if (e.col === null || e.row === null) return null;
    return { sheetName, startRow: e.row, startCol: e.col, endRow: e.row, endCol: e.col };
  }
  const [a, b] = ends;
  // 'A:C' (whole columns), '1:3' (whole rows), 'A2:C' (to the last row), 'A1:B2'
  if (a.col === null && b.col !== null) return null;
  if (a.col !== null && b.col === null && b.row === null) return null;
  let startRow = a.row;
  let endRow = b.row;
  let startCol = a.col;
  let endCol = b.col;
  if (startRow === null && endRow !== null) return null;
  if (startRow === null) startRow = 1; // 'A:C'
  if (startCol === null) startCol = 1; // '1:3'
  if (endRow !== null && endRow < startRow) [startRow, endRow] = [endRow, startRow];
  if (endCol !== null && endCol < startCol) [startCol, endCol] = [endCol, startCol];
  return { sheetName, startRow, startCol, endRow, endCol };
}

/** Turns a parsed reference into concrete bounds on a sheet of the given size. */
export function resolveA1(ref: A1Ref, maxRows: number, maxCols: number): GridRange {
  const row = ref.startRow ?? 1;
  const col = ref.startCol ?? 1;
  const endRow = ref.endRow ?? Math.max(maxRows, row);
  const endCol = ref.endCol ?? Math.max(maxCols, col);
  return { row, col, numRows: endRow - row + 1, numCols: endCol - col + 1 };
}

export function cellA1(row: number, col: number): string {
  return `${columnToLetters(col)}${row}`;
}

/** A1 of a range open at the bottom, as Apps Script prints it: 'E2:E', or 'A:C' from row 1. */
export function openRangeA1(row: number, col: number, numCols: number): string {
  const first = columnToLetters(col);
  const last = columnToLetters(col + numCols - 1);
  return row === 1 ? `${first}:${last}` : `${first}${row}:${last}`;
}

export function rangeA1(row: number, col: number, numRows: number, numCols: number): string {
  const start = cellA1(row, col);
  if (numRows === 1 && numCols === 1) return start;
  return `${start}:${cellA1(row + numRows - 1, col + numCols - 1)}`;
}

/** Quotes a sheet name for use in A1 notation when needed: 'Sheet 1'!A1. */
export function quoteSheetName(name: string): string {
  if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name)) return name;
  return `'${name.replace(/'/g, "''")}'`;
}

/** Absolute R1C1 notation as getRange accepts it: 'R2C3', 'R2C3:R4C5', "'Deals'!R1C1" ('R2:R4' is A1: column R). */
export function parseR1C1(text: string): A1Ref | null {
  if (typeof text !== 'string') return null;
  const { sheetName, cells } = splitSheetName(text);
  if (sheetName === '') return null;
  const c = cells.trim().toUpperCase();
  const m = /^R(\d+)C(\d+)(?::R(\d+)C(\d+))?$/.exec(c);
  if (m) {
    const r1 = Number(m[1]), c1 = Number(m[2]);
    const r2 = m[3] ? Number(m[3]) : r1, c2 = m[4] ? Number(m[4]) : c1;
    if (Math.min(r1, r2, c1, c2) < 1) return null;
    return { sheetName, startRow: Math.min(r1, r2), startCol: Math.min(c1, c2), endRow: Math.max(r1, r2), endCol: Math.max(c1, c2) };
  }
  return null;
}
