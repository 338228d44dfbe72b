// Plans the one Docs batchUpdate that fills a document: pure, over the Docs API JSON.
// Index model (Docs API v1): a table takes one index at its start, each row one, each cell
// one, and an empty cell holds one paragraph "\n"; so a new row of k empty cells is 1 + 2k
// long and its cell j takes text at rowStart + 2 + 2j.
// All edits are emitted from the highest index down, so no edit shifts one still to come.

export interface DocTextStyle {
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  fontSize?: { magnitude?: number; unit?: string };
}

export interface DocTextRun {
  startIndex: number;
  endIndex: number;
  textRun?: { content: string; textStyle?: DocTextStyle };
}

export interface DocParagraph {
  elements: DocTextRun[];
}

export interface DocStructuralElement {
  startIndex?: number;
  endIndex: number;
  paragraph?: DocParagraph;
  table?: { tableRows: DocTableRow[] };
  sectionBreak?: unknown;
}

export interface DocTableCell {
  startIndex: number;
  endIndex: number;
  content: DocStructuralElement[];
}

export interface DocTableRow {
  startIndex: number;
  endIndex: number;
  tableCells: DocTableCell[];
}

export interface DocJson {
  body: { content: DocStructuralElement[] };
  /** The Docs API's revision of the content (changes with every write to it). */
  revisionId?: string;
  namedRanges?: Record<string, { name: string; namedRanges: { namedRangeId: string; name: string; ranges: { startIndex: number; endIndex: number }[] }[] }>;
}

export interface Placeholder {
  token: string;
  expression: string;
  startIndex: number;
  endIndex: number;
}

const TOKEN = /\{\{\s*([^{}]+?)\s*\}\}/g;
export const EACH_OPEN = /\{\{\s*#each\s+lines\s*\}\}/;
export const EACH_CLOSE = /\{\{\s*\/each\s*\}\}/;
export const NAMED_PREFIX = 'db:';

function paragraphText(paragraph: DocParagraph): { text: string; start: number } {
  let text = '';
  let start = -1;
  for (const element of paragraph.elements) {
    if (!element.textRun) continue;
    if (start < 0) start = element.startIndex;
    text += element.textRun.content;
  }
  return { text, start };
}

function eachParagraph(content: readonly DocStructuralElement[], visit: (p: DocParagraph, inTable: boolean) => void, inTable = false): void {
  for (const element of content) {
    if (element.paragraph) visit(element.paragraph, inTable);
    if (element.table) {
      for (const row of element.table.tableRows) for (const cell of row.tableCells) eachParagraph(cell.content, visit, true);
    }
  }
}

export function findPlaceholders(content: readonly DocStructuralElement[], skip?: { startIndex: number; endIndex: number }): Placeholder[] {
  const found: Placeholder[] = [];
  eachParagraph(content, (paragraph) => {
    const { text, start } = paragraphText(paragraph);
    if (start < 0) return;
    TOKEN.lastIndex = 0;
    let match: RegExpExecArray | null;
    while ((match = TOKEN.exec(text)) !== null) {
      const startIndex = start + utf16Offset(text, match.index);
      const placeholder = { token: match[0], expression: match[1], startIndex, endIndex: startIndex + match[0].length };
      if (skip && placeholder.startIndex >= skip.startIndex && placeholder.endIndex <= skip.endIndex) continue;
      if (/^[#/]/.test(placeholder.expression)) continue;
      found.push(placeholder);
    }
  });
  return found;
}

/**
 * A "{{#if name}} … {{/if}}" inside one paragraph: shown (markers removed) when `name` has a
 * value, removed when it does not. A block that is a whole paragraph takes the paragraph with
 * it, so a missing payment link leaves no "Pay online:" line; a block that is a whole table
 * cell of a table's first row takes the table column with it (the discount column of a quote
 * where no line has a discount).
 */
export interface Conditional {
  expression: string;
  openStart: number;
  openEnd: number;
  closeStart: number;
  closeEnd: number;
  /** The paragraph [start, end) when the block is all of its text (newline included). */
  paragraph: { startIndex: number; endIndex: number } | null;
  /** When the block is all of a first-row table cell: where the column deletion points. */
  column: { tableStart: number; columnIndex: number } | null;
}

const IF_BLOCK = /\{\{\s*#if\s+([^{}]+?)\s*\}\}([\s\S]*?)\{\{\s*\/if\s*\}\}/g;

export function findConditionals(content: readonly DocStructuralElement[]): Conditional[] {
  const found: Conditional[] = [];
  const scan = (paragraph: DocParagraph, whole: { startIndex: number; endIndex: number } | null, column: Conditional['column'], cellText: string | null) => {
    const { text, start } = paragraphText(paragraph);
    if (start < 0) return;
    IF_BLOCK.lastIndex = 0;
    let match: RegExpExecArray | null;
    while ((match = IF_BLOCK.exec(text)) !== null) {
      const openStart = start + match.index;
      const openEnd = openStart + match[0].indexOf('}}') + 2;
      const closeEnd = openStart + match[0].length;
      const closeStart = closeEnd - (/\{\{\s*\/if\s*\}\}$/.exec(match[0]) as RegExpExecArray)[0].length;
      const isWhole = text.replace(/\n$/, '').trim() === match[0].trim();
      found.push({
        expression: match[1],
        openStart, openEnd, closeStart, closeEnd,
        paragraph: isWhole && whole ? whole : null,
        column: column && cellText !== null && cellText.trim() === match[0].trim() ? column : null,
      });
    }
  };
  for (let i = 0; i < content.length; i++) {
    const element = content[i];
    if (element.paragraph) {
      // The body's last paragraph cannot be removed with its newline (the segment's end).
      const last = i === content.length - 1;
      scan(element.paragraph, last ? null : { startIndex: element.startIndex as number, endIndex: element.endIndex }, null, null);
    }
    if (element.table) {
      element.table.tableRows.forEach((row, r) => row.tableCells.forEach((cell, c) => {
        const text = cellText(cell);
        for (const inner of cell.content) {
          if (inner.paragraph) scan(inner.paragraph, null, r === 0 ? { tableStart: element.startIndex as number, columnIndex: c } : null, cell.content.length === 1 ? text : null);
        }
      }));
    }
  }
  return found;
}

/** A condition holds when its value prints as something other than nothing, "false" or "0". */
export function conditionHolds(value: string | null): boolean {
  if (value === null) return false;
  const text = value.trim();
  return text !== '' && text !== 'false' && text !== '0';
}

function utf16Offset(_text: string, index: number): number {
  // JavaScript strings are UTF-16 already, as are Docs indexes.
  return index;
}

export function tables(content: readonly DocStructuralElement[]): DocStructuralElement[] {
  return content.filter((e) => e.table);
}

export function cellText(cell: DocTableCell): string {
  let text = '';
  eachParagraph(cell.content, (p) => (text += paragraphText(p).text));
  return text.replace(/\n$/, '');
}

/** The text styles a line cell keeps (what updateTextStyle sets on the filled text). */
export interface PartStyle {
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  fontSize?: number;
}

/** A run of a line cell's template text in one style ("{{description}}\n" plain, "{{details}}" 9 pt). */
export interface CellPart {
  text: string;
  style: PartStyle;
}

export interface RowTemplate {
  tableIndex: number;
  rowIndex: number;
  cells: string[];
  /** Only when some cell mixes text styles: each cell's runs, so the filled text keeps them. */
  parts?: CellPart[][];
}

/** A filled line cell: its text and, when the template cell mixes styles, the style of each span. */
export interface FilledCell {
  text: string;
  spans: { start: number; end: number; style: PartStyle }[];
}

const STYLE_FIELDS = 'bold,italic,underline,fontSize';

function partStyle(style: DocTextStyle | undefined): PartStyle {
  const out: PartStyle = {};
  if (!style) return out;
  if (style.bold) out.bold = true;
  if (style.italic) out.italic = true;
  if (style.underline) out.underline = true;
  if (style.fontSize && typeof style.fontSize.magnitude === 'number') out.fontSize = style.fontSize.magnitude;
  return out;
}

function sameStyle(a: PartStyle, b: PartStyle): boolean {
  return Boolean(a.bold) === Boolean(b.bold) && Boolean(a.italic) === Boolean(b.italic) &&
    Boolean(a.underline) === Boolean(b.underline) && (a.fontSize || 0) === (b.fontSize || 0);
}

/** A cell's runs (paragraphs joined by "\n", the last one's newline dropped), same styles merged. */
export function cellParts(cell: DocTableCell): CellPart[] {
  const parts: CellPart[] = [];
  eachParagraph(cell.content, (p) => {
    for (const element of p.elements) {
      if (!element.textRun) continue;
      const style = partStyle(element.textRun.textStyle);
      const last = parts[parts.length - 1];
      if (last && sameStyle(last.style, style)) last.text += element.textRun.content;
      else parts.push({ text: element.textRun.content, style });
    }
  });
  const last = parts[parts.length - 1];
  if (last) {
    last.text = last.text.replace(/\n$/, '');
    if (last.text === '') parts.pop();
  }
  return parts;
}

export function mixedStyles(parts: readonly CellPart[]): boolean {
  return parts.some((p) => !sameStyle(p.style, parts[0].style));
}

function stripEach(parts: CellPart[]): CellPart[] {
  return parts.map((p) => ({ text: p.text.replace(EACH_OPEN, '').replace(EACH_CLOSE, ''), style: p.style }));
}

/**
 * Fills one line cell from its template runs. `fill` replaces the placeholders of a piece of
 * text. A line of the cell (a paragraph) that holds placeholders and nothing else and fills
 * empty is dropped with its line break, so an empty {{details}} under the service prints
 * nothing, not a blank line. Style spans are given only when the template cell mixes styles.
 */
export function fillCell(parts: readonly CellPart[], fill: (text: string) => string): FilledCell {
  // Pieces of the template grouped into lines (a piece never holds a newline).
  type Piece = { template: string; style: PartStyle };
  const lines: Piece[][] = [[]];
  for (const part of parts) {
    part.text.split('\n').forEach((text, i) => {
      if (i > 0) lines.push([]);
      if (text !== '') lines[lines.length - 1].push({ template: text, style: part.style });
    });
  }
  const styled = mixedStyles(parts as CellPart[]);
  let text = '';
  const spans: FilledCell['spans'] = [];
  let kept = 0;
  let lastStyle: PartStyle = parts.length ? parts[0].style : {};
  for (const line of lines) {
    const template = line.map((p) => p.template).join('');
    const filled = line.map((p) => ({ text: fill(p.template), style: p.style }));
    const onlyPlaceholders = template.replace(new RegExp(TOKEN.source, 'g'), '').trim() === '';
    if (onlyPlaceholders && new RegExp(TOKEN.source).test(template) && filled.every((p) => p.text.trim() === '')) continue;
    if (kept > 0) {
      spans.push({ start: text.length, end: text.length + 1, style: lastStyle });
      text += '\n';
    }
    kept++;
    for (const piece of filled) {
      if (piece.text === '') continue;
      spans.push({ start: text.length, end: text.length + piece.text.length, style: piece.style });
      text += piece.text;
      lastStyle = piece.style;
    }
  }
  if (!styled) return { text, spans: [] };
  // Neighbouring spans of one style become one updateTextStyle.
  const merged: FilledCell['spans'] = [];
  for (const span of spans) {
    const prev = merged[merged.length - 1];
    if (prev && prev.end === span.start && sameStyle(prev.style, span.style)) prev.end = span.end;
    else merged.push({ ...span });
  }
  return { text, spans: merged };
}

function styleRequest(start: number, end: number, style: PartStyle): Request {
  const textStyle: Record<string, unknown> = {};
  if (style.bold) textStyle.bold = true;
  if (style.italic) textStyle.italic = true;
  if (style.underline) textStyle.underline = true;
  if (style.fontSize) textStyle.fontSize = { magnitude: style.fontSize, unit: 'PT' };
  return { updateTextStyle: { range: { startIndex: start, endIndex: end }, textStyle, fields: STYLE_FIELDS } };
}

/** The text of a line cell, then (mixed-style templates only) its styles, at the cell's text start. */
function insertCell(index: number, value: string | FilledCell, requests: Request[]): void {
  const cell = typeof value === 'string' ? { text: value, spans: [] } : value;
  if (cell.text === '') return;
  requests.push({ insertText: { location: { index }, text: cell.text } });
  for (const span of cell.spans) {
    if (span.end > span.start) requests.push(styleRequest(index + span.start, index + span.end, span.style));
  }
}

export type CellFill = string | FilledCell;

/** The table row holding {{#each lines}} … {{/each}}: the row repeated per quote line. */
export function findRowTemplate(content: readonly DocStructuralElement[]): RowTemplate | null {
  const list = tables(content);
  for (let t = 0; t < list.length; t++) {
    const rows = (list[t].table as { tableRows: DocTableRow[] }).tableRows;
    for (let r = 0; r < rows.length; r++) {
      const texts = rows[r].tableCells.map(cellText);
      if (texts.some((x) => EACH_OPEN.test(x))) {
        const found: RowTemplate = { tableIndex: t, rowIndex: r, cells: texts.map((x) => x.replace(EACH_OPEN, '').replace(EACH_CLOSE, '')) };
        const parts = rows[r].tableCells.map((cell) => stripEach(cellParts(cell)));
        if (parts.some(mixedStyles)) found.parts = parts;
        return found;
      }
    }
  }
  return null;
}

export type Request = Record<string, unknown>;

/** Replaces the text of one cell (its paragraphs, keeping the final newline). */
function setCellText(cell: DocTableCell, value: CellFill, requests: Request[]): void {
  const first = cell.content[0];
  const last = cell.content[cell.content.length - 1];
  const start = first.startIndex as number;
  const end = last.endIndex - 1;
  if (end > start) requests.push({ deleteContentRange: { range: { startIndex: start, endIndex: end } } });
  insertCell(start, value, requests);
}

export interface RowsPlan {
  /** Where the rows edit sits, for ordering among other edits. */
  anchor: number;
  requests: Request[];
}

/**
 * Makes the line rows of a table hold exactly `lines` (cell texts per line): rows
 * [firstRow, firstRow + currentCount) are the current line rows; extra rows are inserted
 * below the first or deleted from the end.
 */
export function planRows(table: DocStructuralElement, firstRow: number, currentCount: number, lines: CellFill[][]): RowsPlan {
  const rows = (table.table as { tableRows: DocTableRow[] }).tableRows;
  const tableStart = table.startIndex as number;
  const requests: Request[] = [];
  const location = (rowIndex: number) => ({ tableCellLocation: { tableStartLocation: { index: tableStart }, rowIndex, columnIndex: 0 } });
  const keep = Math.max(1, currentCount);
  if (lines.length === 0) {
    // No lines: remove every line row (from the last up).
    for (let r = firstRow + keep - 1; r >= firstRow; r--) requests.push({ deleteTableRow: location(r) });
    return { anchor: tableStart, requests };
  }
  const existing = Math.min(keep, lines.length);
  // Surplus current rows go first (they are the highest).
  for (let r = firstRow + keep - 1; r >= firstRow + lines.length; r--) requests.push({ deleteTableRow: location(r) });
  const lastExisting = rows[firstRow + existing - 1];
  const k = lastExisting.tableCells.length;
  // New rows go below the last kept row; they are empty, so their cells are at known places.
  const added = lines.length - existing;
  for (let i = 0; i < added; i++) {
    requests.push({ insertTableRow: { ...location(firstRow + existing - 1), insertBelow: true } });
  }
  for (let i = added - 1; i >= 0; i--) {
    const rowStart = lastExisting.endIndex + i * (1 + 2 * k);
    const values = lines[existing + i];
    for (let j = k - 1; j >= 0; j--) {
      insertCell(rowStart + 2 + 2 * j, values[j] || '', requests);
    }
  }
  for (let r = existing - 1; r >= 0; r--) {
    const row = rows[firstRow + r];
    for (let j = row.tableCells.length - 1; j >= 0; j--) setCellText(row.tableCells[j], lines[r][j] || '', requests);
  }
  return { anchor: rows[firstRow].startIndex, requests };
}

export interface FillPlan {
  requests: Request[];
  /** Placeholders the data could not fill: left visible in the document. */
  unfilled: string[];
  /** Each "{{#if …}}" of the template and whether it held (a regenerate compares them). */
  conditions: Record<string, boolean>;
  /** Line-row cells whose column was removed with a failed "{{#if …}}" in its header. */
  removedColumns: number[];
  /** The "{{#if}}"s that decide a table column (a regenerate cannot add or remove one in place). */
  columnConditions: string[];
}

/** The edits of the "{{#if}}" blocks, and the ranges whose placeholders must not be filled. */
function planConditionals(
  content: readonly DocStructuralElement[],
  placeholders: readonly Placeholder[],
  evaluate: (expression: string) => string | null,
  skip?: { startIndex: number; endIndex: number },
) {
  const edits: { anchor: number; requests: Request[] }[] = [];
  const hidden: { startIndex: number; endIndex: number }[] = [];
  const conditions: Record<string, boolean> = {};
  const removedColumns: number[] = [];
  const columnConditions: string[] = [];
  for (const c of findConditionals(content)) {
    // The line row is filled line by line; a block there is not a document-level condition.
    if (skip && c.openStart >= skip.startIndex && c.closeEnd <= skip.endIndex) continue;
    const holds = conditionHolds(evaluate(c.expression));
    conditions[c.expression] = holds;
    if (c.column) columnConditions.push(c.expression);
    const range = c.paragraph || { startIndex: c.openStart, endIndex: c.closeEnd };
    if (holds) {
      edits.push({ anchor: c.closeStart, requests: [{ deleteContentRange: { range: { startIndex: c.closeStart, endIndex: c.closeEnd } } }] });
      edits.push({ anchor: c.openStart, requests: [{ deleteContentRange: { range: { startIndex: c.openStart, endIndex: c.openEnd } } }] });
      if (c.column) continue;
      // The shown block is marked, so a regenerate where it no longer holds removes it in place.
      let length = range.endIndex - range.startIndex - (c.openEnd - c.openStart) - (c.closeEnd - c.closeStart);
      for (const p of placeholders) {
        if (p.startIndex < c.openEnd || p.endIndex > c.closeStart) continue;
        const value = evaluate(p.expression);
        if (value !== null) length += (value === '' ? EMPTY.length : value.length) - (p.endIndex - p.startIndex);
      }
      edits.push({ anchor: range.startIndex, requests: [{ createNamedRange: { name: IF_PREFIX + c.expression, range: { startIndex: range.startIndex, endIndex: range.startIndex + length } } }] });
    } else if (c.column) {
      hidden.push({ startIndex: c.openStart, endIndex: c.closeEnd });
      // After every edit inside the table (they sit at higher indexes), before any above it.
      edits.push({ anchor: c.column.tableStart, requests: [{ deleteTableColumn: { tableCellLocation: { tableStartLocation: { index: c.column.tableStart }, rowIndex: 0, columnIndex: c.column.columnIndex } } }] });
      removedColumns.push(c.column.columnIndex);
    } else {
      hidden.push({ startIndex: c.openStart, endIndex: c.closeEnd });
      edits.push({ anchor: range.startIndex, requests: [{ deleteContentRange: { range } }] });
    }
  }
  return { edits, hidden, conditions, columnConditions, removedColumns: removedColumns.sort((a, b) => a - b) };
}

/** Named ranges that mark a shown "{{#if}}" block: `db:if:<expression>`. */
export const IF_PREFIX = `${NAMED_PREFIX}if:`;

function inside(p: { startIndex: number; endIndex: number }, ranges: readonly { startIndex: number; endIndex: number }[]): boolean {
  return ranges.some((r) => p.startIndex >= r.startIndex && p.endIndex <= r.endIndex);
}

function overlaps(p: { startIndex: number; endIndex: number }, ranges: readonly { startIndex: number; endIndex: number }[]): boolean {
  return ranges.some((r) => p.startIndex < r.endIndex && r.startIndex < p.endIndex);
}

/**
 * First fill of a fresh copy of a template: every placeholder replaced by its value and
 * marked with a named range (so a regenerate can replace it in place), the line rows built.
 */
export function planFirstFill(
  doc: DocJson,
  evaluate: (expression: string) => string | null,
  lines: CellFill[][] | null,
  template: RowTemplate | null,
): FillPlan {
  const content = doc.body.content;
  const edits: { anchor: number; requests: Request[] }[] = [];
  let skip: { startIndex: number; endIndex: number } | undefined;
  if (template && lines) {
    const table = tables(content)[template.tableIndex];
    const row = (table.table as { tableRows: DocTableRow[] }).tableRows[template.rowIndex];
    skip = { startIndex: row.startIndex, endIndex: row.endIndex };
    edits.push(planRows(table, template.rowIndex, 1, lines));
  }
  const placeholders = findPlaceholders(content, skip);
  const blocks = planConditionals(content, placeholders, evaluate, skip);
  const unfilled: string[] = [];
  for (const p of placeholders) {
    if (inside(p, blocks.hidden)) continue;
    const value = evaluate(p.expression);
    if (value === null) {
      if (unfilled.indexOf(p.token) < 0) unfilled.push(p.token);
      continue;
    }
    edits.push({ anchor: p.startIndex, requests: replaceWithNamedRange(p.startIndex, p.endIndex, value, NAMED_PREFIX + p.expression) });
  }
  return {
    requests: inOrder(edits.concat(blocks.edits)),
    unfilled, conditions: blocks.conditions, removedColumns: blocks.removedColumns, columnConditions: blocks.columnConditions,
  };
}

/**
 * The edits as one request list, highest index first, so no edit shifts one still to come. The
 * sort is stable, and at one index `rank` decides (a marker before the placeholder right after
 * it; a column deletion after the table's own edits; a block's mark after its edits).
 */
function inOrder(edits: readonly { anchor: number; requests: Request[] }[]): Request[] {
  const ordered = edits.map((e, i) => ({ ...e, i }));
  ordered.sort((a, b) => b.anchor - a.anchor || rank(a) - rank(b) || a.i - b.i);
  return ordered.reduce<Request[]>((all, e) => all.concat(e.requests), []);
}

/** At one index: text replacements first, then marker and paragraph deletions, then table column deletions, then block marks. */
function rank(edit: { requests: Request[] }): number {
  const first = edit.requests[0];
  if (first && 'createNamedRange' in first) return 3;
  if (first && 'deleteTableColumn' in first) return 2;
  if (first && 'deleteContentRange' in first && edit.requests.length === 1) return 1;
  return 0;
}

// An empty value still needs a character to carry the named range: a zero-width space.
const EMPTY = '\u200b';

// Inserted text takes the style of the character before it (Docs API, InsertTextRequest), so
// the value goes in right after the placeholder's last character and the placeholder is deleted
// afterwards: a bold {{client.name}} gives a bold name, not the style of the text before it.
function replaceWithNamedRange(start: number, end: number, value: string, name: string): Request[] {
  const text = value === '' ? EMPTY : value;
  return [
    { insertText: { location: { index: end }, text } },
    { deleteContentRange: { range: { startIndex: start, endIndex: end } } },
    { createNamedRange: { name, range: { startIndex: start, endIndex: start + text.length } } },
  ];
}

/**
 * Regenerate in place: named ranges get their new values, placeholders that could not be
 * filled before are tried again, and the line rows are rebuilt for the current quote.
 */
export function planRefill(
  doc: DocJson,
  evaluate: (expression: string) => string | null,
  lines: CellFill[][] | null,
  rows: { tableIndex: number; rowIndex: number; count: number } | null,
): FillPlan {
  const content = doc.body.content;
  const edits: { anchor: number; requests: Request[] }[] = [];
  let skip: { startIndex: number; endIndex: number } | undefined;
  if (rows && lines) {
    const table = tables(content)[rows.tableIndex];
    if (table) {
      const tableRows = (table.table as { tableRows: DocTableRow[] }).tableRows;
      const last = tableRows[Math.min(tableRows.length - 1, rows.rowIndex + Math.max(1, rows.count) - 1)];
      skip = { startIndex: tableRows[rows.rowIndex].startIndex, endIndex: last.endIndex };
      edits.push(planRows(table, rows.rowIndex, rows.count, lines));
    }
  }
  const unfilled: string[] = [];
  const groups = Object.keys(doc.namedRanges || {}).map((key) => (doc.namedRanges as NonNullable<DocJson['namedRanges']>)[key]);
  // A shown "{{#if}}" block whose value is gone now is removed, with what it holds.
  const removed: { startIndex: number; endIndex: number }[] = [];
  const conditions: Record<string, boolean> = {};
  for (const group of groups) {
    if (group.name.indexOf(IF_PREFIX) !== 0) continue;
    const expression = group.name.slice(IF_PREFIX.length);
    if (conditionHolds(evaluate(expression))) continue;
    conditions[expression] = false;
    for (const range of group.namedRanges) {
      const r = range.ranges[0];
      if (r) removed.push({ startIndex: r.startIndex, endIndex: r.endIndex });
    }
  }
  for (const r of removed) edits.push({ anchor: r.startIndex, requests: [{ deleteContentRange: { range: r } }] });
  for (const group of groups) {
    if (group.name.indexOf(NAMED_PREFIX) !== 0 || group.name.indexOf(IF_PREFIX) === 0) continue;
    const value = evaluate(group.name.slice(NAMED_PREFIX.length));
    if (value === null) continue;
    for (const range of group.namedRanges) {
      const r = range.ranges[0];
      if (!r || (skip && r.startIndex >= skip.startIndex && r.endIndex <= skip.endIndex) || inside(r, removed)) continue;
      edits.push({ anchor: r.startIndex, requests: [{ replaceNamedRangeContent: { namedRangeId: range.namedRangeId, text: value === '' ? EMPTY : value } }] });
    }
  }
  // Filled values are data, never a template: a "{{…}}" that the data brought in (a client
  // named {{log "x"}}) is not a placeholder, even across two values or a value and the text.
  const filled: { startIndex: number; endIndex: number }[] = [];
  for (const group of groups) {
    if (group.name.indexOf(NAMED_PREFIX) !== 0 || group.name.indexOf(IF_PREFIX) === 0) continue;
    for (const range of group.namedRanges) for (const r of range.ranges) filled.push(r);
  }
  for (const p of findPlaceholders(content, skip)) {
    if (inside(p, removed) || overlaps(p, filled)) continue;
    const value = evaluate(p.expression);
    if (value === null) {
      if (unfilled.indexOf(p.token) < 0) unfilled.push(p.token);
      continue;
    }
    edits.push({ anchor: p.startIndex, requests: replaceWithNamedRange(p.startIndex, p.endIndex, value, NAMED_PREFIX + p.expression) });
  }
  // Edits inside a removed block were skipped. `conditions`: the blocks removed now; the
  // markers went with the first fill, so no new ones appear.
  return { requests: inOrder(edits), unfilled, conditions, removedColumns: [], columnConditions: [] };
}
