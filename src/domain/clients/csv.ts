// CSV as RFC 4180 describes it, plus what real files bring: a UTF-8 byte-order mark, `;`
// separators from European Excel (or tabs), CR, LF or CRLF line ends, and quoted fields that
// hold separators, quotes ("") and line breaks.

export type Delimiter = ',' | ';' | '\t';

export interface ParsedCsv {
  rows: string[][];
  delimiter: Delimiter;
}

const BOM = '\ufeff';

/** The separator of the first line, counted outside quotes: the most frequent of , ; and tab. */
export function detectDelimiter(text: string): Delimiter {
  const counts: Record<Delimiter, number> = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '\n' || c === '\r')) break;
    else if (!quoted && (c === ',' || c === ';' || c === '\t')) counts[c] += 1;
  }
  if (counts[';'] > counts[','] && counts[';'] >= counts['\t']) return ';';
  if (counts['\t'] > counts[','] && counts['\t'] > counts[';']) return '\t';
  return ',';
}

/**
 * Rows of fields. A quote inside an unquoted field is kept as a character (lenient, as Excel
 * is); a quoted field that never closes runs to the end of the text. A last empty line is not
 * a row.
 */
export function parseCsv(input: string, delimiter?: Delimiter): ParsedCsv {
  const text = input.charAt(0) === BOM ? input.slice(1) : input;
  const sep = delimiter || detectDelimiter(text);
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  let fieldStarted = false;
  const n = text.length;
  while (i < n) {
    const c = text[i];
    if (c === '"' && !fieldStarted) {
      // Quoted field: up to the closing quote; "" is one quote.
      i++;
      let value = '';
      for (;;) {
        const q = text.indexOf('"', i);
        if (q < 0) { value += text.slice(i); i = n; break; }
        value += text.slice(i, q);
        if (text[q + 1] === '"') { value += '"'; i = q + 2; continue; }
        i = q + 1;
        break;
      }
      field += value;
      fieldStarted = true;
      continue;
    }
    if (c === sep) {
      row.push(field);
      field = '';
      fieldStarted = false;
      i++;
      continue;
    }
    if (c === '\r' || c === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      fieldStarted = false;
      i += c === '\r' && text[i + 1] === '\n' ? 2 : 1;
      continue;
    }
    field += c;
    fieldStarted = true;
    i++;
  }
  if (fieldStarted || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return { rows, delimiter: sep };
}

export interface CsvWriteOptions {
  delimiter?: Delimiter;
  /** A UTF-8 byte-order mark first, so Excel reads accents and Cyrillic correctly. */
  bom?: boolean;
}

/**
 * Quotes a field when it must: a quote, line break, leading/trailing space, or any of the
 * separators a reader might guess (so the file reads back the same whichever it detects).
 */
export function csvField(value: string, delimiter: Delimiter): string {
  if (/["\r\n,;\t]/.test(value) || value.indexOf(delimiter) >= 0 || /^\s|\s$/.test(value)) {
    return `"${value.replace(/"/g, '""')}"`;
  }
  return value;
}

export function serializeCsv(rows: readonly (readonly string[])[], options: CsvWriteOptions = {}): string {
  const sep = options.delimiter || ',';
  const lines = rows.map((row) => {
    // A row of one empty field must still be a line of its own.
    if (row.length === 1 && row[0] === '') return '""';
    return row.map((value) => csvField(value, sep)).join(sep);
  });
  return (options.bom ? BOM : '') + lines.map((line) => `${line}\r\n`).join('');
}

/**
 * A cell a spreadsheet program would run as a formula (= + - @, or a tab/CR first) gets the
 * apostrophe that marks text; a phone or signed number ("+49 30 123", "-5") stays as it is,
 * since it cannot call anything.
 */
export function neutralizeForSpreadsheet(value: string): string {
  // Already-apostrophed text gets one more, so restoring gives back exactly what was there.
  if (/^'+[=+\-@\t\r]/.test(value)) return `'${value}`;
  if (!/^[=+\-@\t\r]/.test(value)) return value;
  if (/^[+\-][\d\s().\/-]*$/.test(value)) return value;
  return `'${value}`;
}

/** Undoes neutralizeForSpreadsheet on the way back in. */
export function restoreNeutralized(value: string): string {
  return /^'+[=+\-@\t\r]/.test(value) ? value.slice(1) : value;
}

export interface DefusedRows {
  rows: string[][];
  /** How many cells got the apostrophe: the export says so, since a spreadsheet opening a CSV shows it. */
  defused: number;
}

/**
 * Every cell through neutralizeForSpreadsheet, counting the ones it changed. Excel and Sheets
 * show that apostrophe when they open a CSV (they hide it only when it is typed into a cell),
 * so the person exporting is told how many cells carry it and why.
 */
export function defuseRows(rows: readonly (readonly string[])[]): DefusedRows {
  let defused = 0;
  const safe = rows.map((row) => row.map((value) => {
    const out = neutralizeForSpreadsheet(value);
    if (out !== value) defused += 1;
    return out;
  }));
  return { rows: safe, defused };
}

/** The sentence the export shows after a CSV with defused cells; empty when there were none. */
export function defusedNote(defused: number): string {
  if (defused <= 0) return '';
  const cells = defused === 1 ? '1 cell begins' : `${defused} cells begin`;
  return `${cells} with = + - or @, so it carries a leading apostrophe (') in the CSV: a spreadsheet then shows the text instead of running it as a formula. Dealboard's import removes the apostrophe; XLSX keeps such text exactly, without it.`;
}
