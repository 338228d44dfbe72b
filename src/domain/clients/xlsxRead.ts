// Reading the first worksheet of an .xlsx (Office Open XML) as rows of text, from the XML
// files of its zip: shared strings, inline strings, numbers and booleans. Formulas are never
// evaluated: a formula cell gives the value Excel cached for it, as text.

/** What the reader takes from one sheet: more is refused with these figures in the sentence. */
export const XLSX_LIMITS = { rows: 100000, columns: 200, cells: 2000000 };

/** Excel's column letters of a 0-based index ("A", "Z", "AA", …). */
export function columnLetters(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

export interface ZipText {
  path: string;
  text: string;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function decodeXml(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_m, e: string) => {
    if (e[0] === '#') {
      const code = e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return isFinite(code) ? String.fromCodePoint(code) : '';
    }
    return ENTITIES[e];
  });
}

/** The text of every <t> in a fragment (rich text runs joined; phonetic runs left out). */
function textOf(fragment: string): string {
  const withoutPhonetic = fragment.replace(/<rPh\b[\s\S]*?<\/rPh>/g, '');
  let out = '';
  const re = /<t(?:\s[^>]*)?>([\s\S]*?)<\/t>|<t(?:\s[^>]*)?\/>/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(withoutPhonetic)) !== null) out += decodeXml(m[1] || '');
  return out;
}

export function sharedStrings(xml: string): string[] {
  const out: string[] = [];
  const re = /<si>([\s\S]*?)<\/si>|<si\/>/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(xml)) !== null) out.push(textOf(m[1] || ''));
  return out;
}

/** 0-based column of a cell reference such as "AB12". */
export function columnIndex(ref: string): number {
  const letters = (/^[A-Z]+/.exec(ref) || [''])[0];
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

function attr(tag: string, name: string): string | null {
  const m = new RegExp(`\\s${name}="([^"]*)"`).exec(tag);
  return m ? decodeXml(m[1]) : null;
}

/** Numbers as Excel shows them in General format for integers; "4.9E+11" style never reaches a phone. */
function numberText(v: string): string {
  const n = Number(v);
  if (!isFinite(n)) return v;
  if (Number.isInteger(n) && Math.abs(n) < 1e21) return n.toFixed(0);
  return String(n);
}

/**
 * The rows of a sheet as text. Bounded (XLSX_LIMITS): a row number or a cell reference is only
 * a number in the file, so `<row r="2000000000">` or a cell at ZZZZZZZ1 would otherwise make
 * billions of empty cells. Empty rows and cells beyond the limits (formatting Excel keeps far
 * down or right) are passed over; a value there is refused with the limit in the sentence.
 */
export function sheetRows(xml: string, strings: readonly string[], limits = XLSX_LIMITS): string[][] {
  const rows: string[][] = [];
  const rowRe = /<row\b([^>]*)>([\s\S]*?)<\/row>|<row\b([^>]*)\/>/g;
  let rm: RegExpExecArray | null;
  let nextRow = 0;
  let cellCount = 0;
  while ((rm = rowRe.exec(xml)) !== null) {
    const r = attr(rm[1] || rm[3] || '', 'r');
    const index = r && /^\d+$/.test(r.trim()) ? Number(r) - 1 : nextRow;
    const cells: string[] = [];
    const cellRe = /<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g;
    let cm: RegExpExecArray | null;
    let nextCol = 0;
    const body = rm[2] || '';
    while ((cm = cellRe.exec(body)) !== null) {
      const tag = cm[1];
      const ref = attr(tag, 'r');
      const col = ref ? columnIndex(ref) : nextCol;
      nextCol = col + 1;
      if (col < 0) continue;
      const type = attr(tag, 't') || 'n';
      const inner = cm[2] || '';
      const v = /<v>([\s\S]*?)<\/v>/.exec(inner);
      let value = '';
      if (type === 's') value = v ? strings[Number(v[1])] || '' : '';
      else if (type === 'inlineStr') value = textOf((/<is>([\s\S]*?)<\/is>/.exec(inner) || ['', ''])[1]);
      else if (type === 'b') value = v ? (v[1] === '1' ? 'TRUE' : 'FALSE') : '';
      else if (type === 'str' || type === 'e') value = v ? decodeXml(v[1]) : '';
      else value = v ? numberText(decodeXml(v[1])) : '';
      if (value === '') continue;
      if (col >= limits.columns) {
        throw new Error(`cell ${ref ? ref.slice(0, 20) : `${columnLetters(col)}${index + 1}`} holds a value beyond column ${columnLetters(limits.columns - 1)}; an import reads at most ${limits.columns} columns.`);
      }
      if (index >= limits.rows) {
        throw new Error(`row ${index + 1} holds a value; an import reads at most ${limits.rows.toLocaleString('en-US')} rows.`);
      }
      if (++cellCount > limits.cells) throw new Error(`the sheet holds more than ${limits.cells.toLocaleString('en-US')} filled cells, the most an import reads.`);
      while (cells.length < col) cells.push('');
      cells[col] = value;
    }
    nextRow = index + 1;
    if (cells.length === 0) continue;
    while (rows.length < index) rows.push([]);
    rows[index] = cells;
  }
  return rows;
}

/** The first sheet of the workbook (by workbook order), as rows of text. */
export function readXlsxRows(parts: readonly ZipText[]): string[][] {
  const file = (path: string) => parts.filter((p) => p.path.replace(/^\//, '') === path)[0];
  const workbook = file('xl/workbook.xml');
  let sheetPath = 'xl/worksheets/sheet1.xml';
  if (workbook) {
    const first = /<sheet\b[^>]*>/.exec(workbook.text);
    const rid = first ? attr(first[0], 'r:id') : null;
    const rels = file('xl/_rels/workbook.xml.rels');
    if (rid && rels) {
      const rel = new RegExp(`<Relationship\\b[^>]*Id="${rid}"[^>]*>`).exec(rels.text);
      const target = rel ? attr(rel[0], 'Target') : null;
      if (target) sheetPath = target.charAt(0) === '/' ? target.slice(1) : `xl/${target.replace(/^\.\//, '')}`;
    }
  }
  const sheet = file(sheetPath) || parts.filter((p) => /^xl\/worksheets\/[^/]+\.xml$/.test(p.path))[0];
  if (!sheet) throw new Error('The workbook has no worksheet.');
  const shared = file('xl/sharedStrings.xml');
  return sheetRows(sheet.text, shared ? sharedStrings(shared.text) : []);
}
