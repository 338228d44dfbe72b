// The content of one Google Doc as plain data, its Docs API v1 JSON view and the edits the
// Docs API applies (batchUpdate requests), with UTF-16 indexes as the real API counts them.
//
// Index model (Docs API v1, body segment):
// - index 0..1 is the section break that opens the body;
// - a paragraph takes its text length + 1 (its trailing '\n'); an inline image takes 1;
// - a table takes 1 at its start, each row 1 at its start, each cell 1 at its start, then the
//   cell's paragraphs (an empty cell holds one paragraph "\n": 2 indexes per empty cell);
//   the table's endIndex is its last row's endIndex (nothing at the end);
// so a row of k empty cells is 1 + 2k long and its cell j takes text at rowStart + 2 + 2j.
// The body always ends with a paragraph (a table is followed by one), and two tables are
// always separated by a paragraph, as in Google Docs.

export interface TextStyle {
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  /** points */
  fontSize?: number;
  link?: string;
  strikethrough?: boolean;
  /** weightedFontFamily.fontFamily */
  fontFamily?: string;
  /** '#rrggbb' */
  foregroundColor?: string;
  /** '#rrggbb' */
  backgroundColor?: string;
}

export interface ImageData {
  id: string;
  uri: string;
  width?: number;
  height?: number;
}

export interface Run extends TextStyle {
  /** One '\uFFFC' for an inline image. */
  text: string;
  image?: ImageData;
  /** A page break: one '\f' (one index, as the API's pageBreak element), no visible text. */
  pageBreak?: boolean;
}

export type NamedStyleType =
  | 'NORMAL_TEXT' | 'TITLE' | 'SUBTITLE'
  | 'HEADING_1' | 'HEADING_2' | 'HEADING_3' | 'HEADING_4' | 'HEADING_5' | 'HEADING_6';
export const NAMED_STYLES: NamedStyleType[] = [
  'NORMAL_TEXT', 'TITLE', 'SUBTITLE', 'HEADING_1', 'HEADING_2', 'HEADING_3', 'HEADING_4', 'HEADING_5', 'HEADING_6',
];
export type Alignment = 'START' | 'CENTER' | 'END' | 'JUSTIFIED';

export interface Para {
  kind: 'paragraph';
  runs: Run[];
  style: NamedStyleType;
  align?: Alignment;
  /** Text style of the paragraph's '\n' (inherited by text typed into an empty paragraph). */
  nl?: TextStyle;
  /** Paragraph style set explicitly (points; lineSpacing in percent, as the Docs API's paragraphStyle). */
  indentStart?: number;
  indentEnd?: number;
  indentFirstLine?: number;
  lineSpacing?: number;
  spaceAbove?: number;
  spaceBelow?: number;
  direction?: 'LEFT_TO_RIGHT' | 'RIGHT_TO_LEFT';
}

export interface Cell {
  content: Para[];
  background?: string;
}

export interface Row {
  cells: Cell[];
}

export interface Table {
  kind: 'table';
  rows: Row[];
}

export type Block = Para | Table;

export interface NamedRangeData {
  namedRangeId: string;
  name: string;
  ranges: { startIndex: number; endIndex: number }[];
}

/** The document style set explicitly (points); unset fields take a new Google Doc's defaults (DOC_STYLE_DEFAULTS). */
export interface DocStyle {
  marginTop?: number;
  marginBottom?: number;
  marginLeft?: number;
  marginRight?: number;
  pageWidth?: number;
  pageHeight?: number;
}

/** A new Google Doc (US Letter, 1-inch margins): gas-fakes' live-verified test/testdocsstyles.js
 *  "Document initial documentStyle validation" expects 72 pt margins and 36 pt header/footer margins. */
export const DOC_STYLE_DEFAULTS: Required<DocStyle> = { marginTop: 72, marginBottom: 72, marginLeft: 72, marginRight: 72, pageWidth: 612, pageHeight: 792 };

export interface DocData {
  body: Block[];
  namedRanges: NamedRangeData[];
  revision: number;
  documentStyle?: DocStyle;
  /** Header / footer section content (DocumentApp addHeader/addFooter); absent until added. */
  header?: Block[];
  footer?: Block[];
  /** Text attributes Body.setAttributes gave the body: paragraphs appended later take them. */
  bodyTextStyle?: TextStyle;
  /** Paragraph spacing Body.setHeadingAttributes gave a named style (points; lineSpacing in percent). */
  headingStyles?: Partial<Record<NamedStyleType, Record<string, number>>>;
}

export const IMAGE_CHAR = '\uFFFC';
const STYLE_KEYS: (keyof TextStyle)[] = ['bold', 'italic', 'underline', 'fontSize', 'link', 'strikethrough', 'fontFamily', 'foregroundColor', 'backgroundColor'];
/** The Docs API's TextStyle field for each of the model's keys (fontFamily is weightedFontFamily there). */
const API_FIELD: Record<string, keyof TextStyle> = {
  bold: 'bold', italic: 'italic', underline: 'underline', fontSize: 'fontSize', link: 'link', strikethrough: 'strikethrough',
  weightedFontFamily: 'fontFamily', foregroundColor: 'foregroundColor', backgroundColor: 'backgroundColor',
};

// ---------------------------------------------------------------------------------------
// errors

/** An error as the Docs API reports it through the Apps Script advanced service. */
export class DocsRequestError extends Error {
  constructor(readonly code: number, message: string) {
    super(message);
    this.name = 'DocsRequestError';
  }
}

function invalid(message: string): DocsRequestError {
  return new DocsRequestError(400, message);
}

// ---------------------------------------------------------------------------------------
// construction helpers

export function emptyPara(style: NamedStyleType = 'NORMAL_TEXT', nl?: TextStyle): Para {
  const p: Para = { kind: 'paragraph', runs: [], style };
  if (nl && Object.keys(nl).length) p.nl = { ...nl };
  return p;
}

export function textPara(text: string, style: NamedStyleType = 'NORMAL_TEXT', textStyle: TextStyle = {}): Para {
  return { kind: 'paragraph', runs: text ? [{ ...textStyle, text }] : [], style };
}

export function emptyDoc(): DocData {
  return { body: [emptyPara()], namedRanges: [], revision: 1 };
}

export function cloneDoc(doc: DocData): DocData {
  return JSON.parse(JSON.stringify(doc)) as DocData;
}

/** Enforces the structural rules (body ends with a paragraph, no adjacent tables, no empty cells). */
export function normalizeBody(body: Block[]): Block[] {
  const out: Block[] = [];
  for (const b of body) {
    if (b.kind === 'table') {
      if (b.rows.length === 0) continue;
      const width = Math.max(1, ...b.rows.map((r) => r.cells.length));
      for (const r of b.rows) {
        while (r.cells.length < width) r.cells.push({ content: [emptyPara()] });
        for (const c of r.cells) if (c.content.length === 0) c.content.push(emptyPara());
      }
      if (out.length && out[out.length - 1].kind === 'table') out.push(emptyPara());
    }
    out.push(b);
  }
  if (out.length === 0 || out[out.length - 1].kind === 'table') out.push(emptyPara());
  return out;
}

// ---------------------------------------------------------------------------------------
// runs

export function styleOf(run: Run | TextStyle | undefined): TextStyle {
  const s: TextStyle = {};
  if (!run) return s;
  for (const k of STYLE_KEYS) if (run[k] !== undefined && run[k] !== false) (s as Record<string, unknown>)[k] = run[k];
  return s;
}

export function sameStyle(a: TextStyle, b: TextStyle): boolean {
  for (const k of STYLE_KEYS) if ((a[k] ?? false) !== (b[k] ?? false)) return false;
  return true;
}

function normalizeRuns(runs: Run[]): Run[] {
  const out: Run[] = [];
  for (const r of runs) {
    if (!r.image && r.text === '') continue;
    const last = out[out.length - 1];
    if (last && !last.image && !r.image && !last.pageBreak && !r.pageBreak && sameStyle(last, r)) last.text += r.text;
    else out.push({ ...r });
  }
  return out;
}

function splitRuns(runs: Run[], offset: number): [Run[], Run[]] {
  const left: Run[] = [];
  const right: Run[] = [];
  let pos = 0;
  for (const r of runs) {
    const len = r.text.length;
    if (pos + len <= offset) left.push({ ...r });
    else if (pos >= offset) right.push({ ...r });
    else {
      const cut = offset - pos;
      left.push({ ...r, text: r.text.slice(0, cut) });
      right.push({ ...r, text: r.text.slice(cut) });
    }
    pos += len;
  }
  return [left, right];
}

export function paraText(p: Para): string {
  let s = '';
  for (const r of p.runs) s += r.text;
  return s;
}

export function paraLength(p: Para): number {
  let n = 1;
  for (const r of p.runs) n += r.text.length;
  return n;
}

/** Style a character typed at `offset` takes: the character before it, else the one after. */
function styleAt(p: Para, offset: number): TextStyle {
  const [left, right] = splitRuns(p.runs, offset);
  const before = left[left.length - 1];
  if (before) return styleOf(before);
  if (right[0]) return styleOf(right[0]);
  return styleOf(p.nl);
}

// ---------------------------------------------------------------------------------------
// layout

export interface ParaLoc {
  para: Para;
  start: number;
  end: number;
  /** The array holding the paragraph (the body, or a cell's content). */
  container: Block[];
  pos: number;
  cell?: CellLoc;
}

export interface CellLoc {
  cell: Cell;
  start: number;
  end: number;
  paras: ParaLoc[];
}

export interface RowLoc {
  row: Row;
  start: number;
  end: number;
  cells: CellLoc[];
}

export interface TableLoc {
  table: Table;
  start: number;
  end: number;
  pos: number;
  rows: RowLoc[];
}

export interface BlockLoc {
  block: Block;
  start: number;
  end: number;
}

export interface Layout {
  paras: ParaLoc[];
  tables: TableLoc[];
  blocks: BlockLoc[];
  /** endIndex of the body segment (end of its last paragraph). */
  end: number;
}

export function layout(doc: DocData): Layout {
  const paras: ParaLoc[] = [];
  const tables: TableLoc[] = [];
  const blocks: BlockLoc[] = [];
  let i = 1;
  doc.body.forEach((b, pos) => {
    const start = i;
    if (b.kind === 'paragraph') {
      i += paraLength(b);
      paras.push({ para: b, start, end: i, container: doc.body, pos });
    } else {
      i += 1;
      const rows: RowLoc[] = [];
      for (const row of b.rows) {
        const rs = i;
        i += 1;
        const cells: CellLoc[] = [];
        for (const cell of row.cells) {
          const cs = i;
          i += 1;
          const cellLoc: CellLoc = { cell, start: cs, end: cs, paras: [] };
          cell.content.forEach((p, k) => {
            const ps = i;
            i += paraLength(p);
            const loc: ParaLoc = { para: p, start: ps, end: i, container: cell.content, pos: k, cell: cellLoc };
            cellLoc.paras.push(loc);
            paras.push(loc);
          });
          cellLoc.end = i;
          cells.push(cellLoc);
        }
        rows.push({ row, start: rs, end: i, cells });
      }
      tables.push({ table: b, start, end: i, pos, rows });
    }
    blocks.push({ block: b, start, end: i });
  });
  return { paras, tables, blocks, end: i };
}

// ---------------------------------------------------------------------------------------
// text reading

function visibleText(p: Para): string {
  let s = '';
  for (const r of p.runs) if (!r.image && !r.pageBreak) s += r.text;
  return s.replace(/\u000b/g, '\n');
}

export function cellText(cell: Cell): string {
  return cell.content.map(visibleText).join('\n');
}

/** Paragraphs joined by '\n'; a table's rows joined by '\n' and its cells by '\t'. */
export function docText(doc: DocData): string {
  return doc.body
    .map((b) => (b.kind === 'paragraph' ? visibleText(b) : b.rows.map((r) => r.cells.map(cellText).join('\t')).join('\n')))
    .join('\n');
}

export function docTables(doc: DocData): string[][][] {
  return doc.body.filter((b): b is Table => b.kind === 'table').map((t) => t.rows.map((r) => r.cells.map(cellText)));
}

// ---------------------------------------------------------------------------------------
// Docs API JSON

function textStyleJson(s: TextStyle): Record<string, unknown> {
  const o: Record<string, unknown> = {};
  if (s.bold) o.bold = true;
  if (s.italic) o.italic = true;
  if (s.underline) o.underline = true;
  if (s.fontSize) o.fontSize = { magnitude: s.fontSize, unit: 'PT' };
  if (s.link) o.link = { url: s.link };
  if (s.strikethrough) o.strikethrough = true;
  if (s.fontFamily) o.weightedFontFamily = { fontFamily: s.fontFamily, weight: 400 };
  if (s.foregroundColor) o.foregroundColor = { color: { rgbColor: hexToRgb(s.foregroundColor) } };
  if (s.backgroundColor) o.backgroundColor = { color: { rgbColor: hexToRgb(s.backgroundColor) } };
  return o;
}

/** An OptionalColor ({ color: { rgbColor: { red, green, blue } } }, 0–1 each) as '#rrggbb'; undefined when empty. */
function optionalColorHex(v: unknown): string | undefined {
  const rgb = (v as { color?: { rgbColor?: { red?: number; green?: number; blue?: number } } } | undefined)?.color?.rgbColor;
  if (!rgb) return undefined;
  const hex = (x: number | undefined) => Math.round(Math.max(0, Math.min(1, Number(x ?? 0))) * 255).toString(16).padStart(2, '0');
  return `#${hex(rgb.red)}${hex(rgb.green)}${hex(rgb.blue)}`;
}

function paragraphJson(p: Para, start: number, inlineObjects: Record<string, unknown>): Record<string, unknown> {
  const elements: Record<string, unknown>[] = [];
  let i = start;
  const runs = p.runs;
  runs.forEach((r, k) => {
    if (r.image) {
      elements.push({ startIndex: i, endIndex: i + 1, inlineObjectElement: { inlineObjectId: r.image.id, textStyle: textStyleJson(r) } });
      inlineObjects[r.image.id] = {
        objectId: r.image.id,
        inlineObjectProperties: {
          embeddedObject: {
            imageProperties: { contentUri: r.image.uri, sourceUri: r.image.uri },
            ...(r.image.width && r.image.height
              ? { size: { width: { magnitude: r.image.width, unit: 'PT' }, height: { magnitude: r.image.height, unit: 'PT' } } }
              : {}),
          },
        },
      };
      i += 1;
      return;
    }
    if (r.pageBreak) {
      elements.push({ startIndex: i, endIndex: i + 1, pageBreak: { textStyle: textStyleJson(r) } });
      i += 1;
      return;
    }
    const isLast = k === runs.length - 1;
    const mergeNl = isLast && sameStyle(r, styleOf(p.nl));
    const content = mergeNl ? r.text + '\n' : r.text;
    elements.push({ startIndex: i, endIndex: i + content.length, textRun: { content, textStyle: textStyleJson(r) } });
    i += content.length;
  });
  const last = runs[runs.length - 1];
  if (!last || last.image || last.pageBreak || !sameStyle(last, styleOf(p.nl))) {
    elements.push({ startIndex: i, endIndex: i + 1, textRun: { content: '\n', textStyle: textStyleJson(styleOf(p.nl)) } });
  }
  const paragraphStyle: Record<string, unknown> = { namedStyleType: p.style, direction: p.direction ?? 'LEFT_TO_RIGHT' };
  if (p.align) paragraphStyle.alignment = p.align;
  if (p.lineSpacing !== undefined) paragraphStyle.lineSpacing = p.lineSpacing;
  // A list item (DocumentApp's appendListItem) is a paragraph with a bullet naming its list.
  const item = (p as Para & { listItem?: { listId: string; nesting: number } }).listItem;
  const pt = (v: number | undefined) => (v === undefined ? undefined : { magnitude: v, unit: 'PT' });
  for (const [k, v] of [['indentStart', p.indentStart], ['indentEnd', p.indentEnd], ['indentFirstLine', p.indentFirstLine], ['spaceAbove', p.spaceAbove], ['spaceBelow', p.spaceBelow]] as const) {
    if (v !== undefined) paragraphStyle[k] = pt(v);
  }
  const out: Record<string, unknown> = { elements, paragraphStyle };
  if (item) out.bullet = item.nesting ? { listId: item.listId, nestingLevel: item.nesting, textStyle: {} } : { listId: item.listId, textStyle: {} };
  return out;
}

/** The structural elements of one segment; a header/footer segment indexes from 0 (shift 1), the body from 1. */
function contentJson(blocks: Block[], shift: number, inlineObjects: Record<string, unknown>): Record<string, unknown>[] {
  const content: Record<string, unknown>[] = [];
  const L = layout({ body: blocks, namedRanges: [], revision: 0 });
  const at = (n: number) => n - shift;
  let ti = 0;
  for (const bl of L.blocks) {
    const b = bl.block;
    if (b.kind === 'paragraph') {
      content.push({ startIndex: at(bl.start), endIndex: at(bl.end), paragraph: paragraphJson(b, at(bl.start), inlineObjects) });
      continue;
    }
    const tl = L.tables[ti++];
    const columns = b.rows[0]?.cells.length ?? 0;
    content.push({
      startIndex: at(tl.start),
      endIndex: at(tl.end),
      table: {
        rows: b.rows.length,
        columns,
        tableRows: tl.rows.map((rl) => ({
          startIndex: at(rl.start),
          endIndex: at(rl.end),
          tableCells: rl.cells.map((cl) => ({
            startIndex: at(cl.start),
            endIndex: at(cl.end),
            content: cl.paras.map((pl) => ({ startIndex: at(pl.start), endIndex: at(pl.end), paragraph: paragraphJson(pl.para, at(pl.start), inlineObjects) })),
            tableCellStyle: {
              rowSpan: 1,
              columnSpan: 1,
              ...(cl.cell.background ? { backgroundColor: { color: { rgbColor: hexToRgb(cl.cell.background) } } } : {}),
            },
          })),
          tableRowStyle: { minRowHeight: { unit: 'PT' } },
        })),
        tableStyle: { tableColumnProperties: Array.from({ length: columns }, () => ({ widthType: 'EVENLY_DISTRIBUTED' })) },
      },
    });
  }
  // The API's JSON leaves out zero values: a header's first element has no startIndex (as the body's section break).
  const dropZero = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(dropZero);
    else if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      if (o.startIndex === 0) delete o.startIndex;
      Object.values(o).forEach(dropZero);
    }
  };
  if (shift > 0) dropZero(content);
  return content;
}

/** Header/footer ids as the Docs API shows them ('kix.' ids); the emulator's documents have one of each at most. */
const SECTION_IDS = { header: 'kix.emuheader0', footer: 'kix.emufooter0' };

/** The Docs API v1 `Document` resource (body, headers, footers, named ranges, inline objects). */
export function documentJson(documentId: string, title: string, doc: DocData): Record<string, unknown> {
  const inlineObjects: Record<string, unknown> = {};
  const content: Record<string, unknown>[] = [
    { endIndex: 1, sectionBreak: { sectionStyle: { columnSeparatorStyle: 'NONE', contentDirection: 'LEFT_TO_RIGHT', sectionType: 'CONTINUOUS' } } },
    ...contentJson(doc.body, 0, inlineObjects),
  ];
  const out: Record<string, unknown> = {
    title,
    body: { content },
    documentStyle: documentStyleJson(doc),
    namedStyles: namedStylesJson(doc),
    revisionId: revisionId(documentId, doc.revision),
    suggestionsViewMode: 'SUGGESTIONS_INLINE',
    documentId,
  };
  if (doc.namedRanges.length) {
    const named: Record<string, { name: string; namedRanges: unknown[] }> = {};
    for (const nr of doc.namedRanges) {
      (named[nr.name] ??= { name: nr.name, namedRanges: [] }).namedRanges.push({
        namedRangeId: nr.namedRangeId,
        name: nr.name,
        ranges: nr.ranges.map((r) => ({ startIndex: r.startIndex, endIndex: r.endIndex })),
      });
    }
    out.namedRanges = named;
  }
  const style = out.documentStyle as Record<string, unknown>;
  if (doc.header) {
    out.headers = { [SECTION_IDS.header]: { headerId: SECTION_IDS.header, content: contentJson(doc.header, 1, inlineObjects) } };
    style.defaultHeaderId = SECTION_IDS.header;
  }
  if (doc.footer) {
    out.footers = { [SECTION_IDS.footer]: { footerId: SECTION_IDS.footer, content: contentJson(doc.footer, 1, inlineObjects) } };
    style.defaultFooterId = SECTION_IDS.footer;
  }
  if (Object.keys(inlineObjects).length) out.inlineObjects = inlineObjects;
  return out;
}

/** A new Google Doc's named styles (the Docs editor's defaults; gas-fakes testdocsnext.js "Document initial
 *  namedStyles validation", verified live: 9 styles, NORMAL_TEXT Arial 11 pt at 115 % line spacing,
 *  HEADING_1 20 pt with 20 pt above, HEADING_3 grey 0.2627451, HEADING_6 italic, TITLE 26 pt). Headings
 *  set only what differs from NORMAL_TEXT (no font family, no alignment). */
function namedStylesJson(doc: DocData): Record<string, unknown> {
  const pt = (magnitude?: number) => (magnitude === undefined ? { unit: 'PT' } : { magnitude, unit: 'PT' });
  const grey = (v: number) => ({ color: { rgbColor: { red: v, green: v, blue: v } } });
  const heading = (type: NamedStyleType, size: number, above: number, below: number, extra: Record<string, unknown> = {}) => ({
    namedStyleType: type,
    textStyle: { fontSize: pt(size), ...extra },
    paragraphStyle: { namedStyleType: type, direction: 'LEFT_TO_RIGHT', spaceAbove: pt(above), spaceBelow: pt(below), keepLinesTogether: true, keepWithNext: true, pageBreakBefore: false },
  });
  const styles: Record<string, unknown>[] = [
    {
      namedStyleType: 'NORMAL_TEXT',
      textStyle: {
        bold: false, italic: false, underline: false, strikethrough: false, smallCaps: false, backgroundColor: {},
        foregroundColor: { color: { rgbColor: {} } }, fontSize: pt(11), weightedFontFamily: { fontFamily: 'Arial', weight: 400 }, baselineOffset: 'NONE',
      },
      paragraphStyle: {
        namedStyleType: 'NORMAL_TEXT', alignment: 'START', lineSpacing: 115, direction: 'LEFT_TO_RIGHT', spacingMode: 'COLLAPSE_LISTS',
        spaceAbove: pt(), spaceBelow: pt(), indentFirstLine: pt(), indentStart: pt(), indentEnd: pt(),
        keepLinesTogether: false, keepWithNext: false, avoidWidowAndOrphan: true, pageBreakBefore: false,
      },
    },
    heading('HEADING_1', 20, 20, 6),
    heading('HEADING_2', 16, 18, 6),
    heading('HEADING_3', 14, 16, 4, { foregroundColor: grey(0.2627451) }),
    heading('HEADING_4', 12, 14, 4, { foregroundColor: grey(0.4) }),
    heading('HEADING_5', 11, 12, 4, { foregroundColor: grey(0.4) }),
    heading('HEADING_6', 11, 12, 4, { italic: true, foregroundColor: grey(0.4) }),
    heading('TITLE', 26, 0, 3),
    heading('SUBTITLE', 15, 0, 16, { foregroundColor: grey(0.4), weightedFontFamily: { fontFamily: 'Arial', weight: 400 } }),
  ];
  for (const st of styles) {
    const over = doc.headingStyles?.[st.namedStyleType as NamedStyleType];
    if (over) Object.assign(st.paragraphStyle as Record<string, unknown>, Object.fromEntries(Object.entries(over).map(([k, v]) => [k, k === 'lineSpacing' ? v : pt(v)])));
  }
  return { styles };
}

function documentStyleJson(doc: DocData): Record<string, unknown> {
  const st = { ...DOC_STYLE_DEFAULTS, ...(doc.documentStyle ?? {}) };
  const pt = (magnitude: number) => ({ magnitude, unit: 'PT' });
  return {
    background: { color: {} },
    pageNumberStart: 1,
    marginTop: pt(st.marginTop),
    marginBottom: pt(st.marginBottom),
    marginRight: pt(st.marginRight),
    marginLeft: pt(st.marginLeft),
    pageSize: { height: pt(st.pageHeight), width: pt(st.pageWidth) },
    marginHeader: pt(36),
    marginFooter: pt(36),
    useCustomHeaderFooterMargins: true,
  };
}

/** updateDocumentStyle: the page size and margins (the fields the emulator keeps). */
export function updateDocumentStyle(doc: DocData, documentStyle: Record<string, unknown> | undefined, fields: unknown): void {
  const what = 'updateDocumentStyle';
  const list = parseFields(fields, ['pageSize', 'marginTop', 'marginBottom', 'marginLeft', 'marginRight'], what);
  const ds = documentStyle ?? {};
  const st: DocStyle = { ...(doc.documentStyle ?? {}) };
  const mag = (v: unknown, f: string): number | undefined => {
    if (v === undefined || v === null) return undefined;
    const m = Number((v as { magnitude?: unknown }).magnitude);
    if (!Number.isFinite(m) || m < 0) throw invalid(`${what}: Invalid value for ${f}.`);
    return m;
  };
  for (const f of list) {
    if (f === 'pageSize') {
      const size = (ds.pageSize ?? {}) as { width?: unknown; height?: unknown };
      st.pageWidth = mag(size.width, 'pageSize.width');
      st.pageHeight = mag(size.height, 'pageSize.height');
    } else {
      st[f as keyof DocStyle] = mag(ds[f], f);
    }
  }
  for (const k of Object.keys(st) as (keyof DocStyle)[]) if (st[k] === undefined) delete st[k];
  doc.documentStyle = st;
}

export function revisionId(documentId: string, revision: number): string {
  let h = 2166136261;
  for (const ch of documentId) h = Math.imul(h ^ ch.charCodeAt(0), 16777619) >>> 0;
  return `ALBJ4Ls${h.toString(36)}_${revision.toString(36).padStart(4, '0')}`;
}

function hexToRgb(hex: string): { red: number; green: number; blue: number } {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) return { red: 1, green: 1, blue: 1 };
  return { red: parseInt(m[1], 16) / 255, green: parseInt(m[2], 16) / 255, blue: parseInt(m[3], 16) / 255 };
}

// ---------------------------------------------------------------------------------------
// named ranges follow the text

function keepNonEmpty(doc: DocData): void {
  for (const nr of doc.namedRanges) nr.ranges = nr.ranges.filter((r) => r.endIndex > r.startIndex);
  doc.namedRanges = doc.namedRanges.filter((nr) => nr.ranges.length > 0);
}

/** Text of length n inserted at i: a range starting at or after i moves; one spanning i grows. */
export function shiftInsert(doc: DocData, i: number, n: number): void {
  for (const nr of doc.namedRanges) {
    for (const r of nr.ranges) {
      if (i <= r.startIndex) {
        r.startIndex += n;
        r.endIndex += n;
      } else if (i < r.endIndex) r.endIndex += n;
    }
  }
}

/** [s, e) deleted: ranges after move back, overlapping ranges shrink; empty ranges vanish. */
export function shiftDelete(doc: DocData, s: number, e: number): void {
  const map = (x: number) => (x <= s ? x : x >= e ? x - (e - s) : s);
  for (const nr of doc.namedRanges) {
    for (const r of nr.ranges) {
      r.startIndex = map(r.startIndex);
      r.endIndex = map(r.endIndex);
    }
  }
  keepNonEmpty(doc);
}

/** [s, e) replaced by n characters inside one paragraph: ranges holding the span keep holding it. */
function shiftReplace(doc: DocData, s: number, e: number, n: number): void {
  const delta = n - (e - s);
  const map = (x: number) => (x <= s ? x : x >= e ? x - (e - s) : s);
  for (const nr of doc.namedRanges) {
    for (const r of nr.ranges) {
      if (r.startIndex <= s && e <= r.endIndex && r.endIndex > r.startIndex) r.endIndex += delta;
      else if (r.startIndex >= e) {
        r.startIndex += delta;
        r.endIndex += delta;
      } else if (r.endIndex <= s) {
        // before the span
      } else {
        r.startIndex = map(r.startIndex);
        r.endIndex = map(r.endIndex);
        if (s <= r.startIndex) r.startIndex += n;
        if (s < r.endIndex) r.endIndex += n;
      }
    }
  }
  keepNonEmpty(doc);
}

// ---------------------------------------------------------------------------------------
// raw edits (content only; callers move the named ranges)

export function findPara(L: Layout, index: number): ParaLoc | undefined {
  return L.paras.find((p) => p.start <= index && index < p.end);
}

function rawInsert(doc: DocData, index: number, text: string, styleOverride?: TextStyle): void {
  const L = layout(doc);
  const loc = findPara(L, index);
  if (!loc) throw invalid('The insertion index must be inside the bounds of an existing paragraph. You can still create new paragraphs by inserting newlines.');
  const p = loc.para;
  const off = index - loc.start;
  const style = styleOverride ?? styleAt(p, off);
  const [left, right] = splitRuns(p.runs, off);
  const parts = text.split('\n');
  if (parts.length === 1) {
    p.runs = normalizeRuns([...left, { ...style, text }, ...right]);
    return;
  }
  p.runs = normalizeRuns([...left, { ...style, text: parts[0] }]);
  const nl = p.nl;
  p.nl = Object.keys(style).length ? { ...style } : undefined;
  if (!p.nl) delete p.nl;
  const created: Para[] = [];
  for (let k = 1; k < parts.length; k++) {
    const last = k === parts.length - 1;
    const np: Para = { kind: 'paragraph', style: p.style, runs: normalizeRuns(last ? [{ ...style, text: parts[k] }, ...right] : [{ ...style, text: parts[k] }]) };
    if (p.align) np.align = p.align;
    const npNl = last ? nl : style;
    if (npNl && Object.keys(npNl).length) np.nl = { ...npNl };
    created.push(np);
  }
  loc.container.splice(loc.pos + 1, 0, ...created);
}

/** insertInlineImage: "Inserts an InlineObject containing an image at the given location." The emulator
 *  does not fetch the uri (no network): it keeps it, with objectSize as the image's size. */
export function insertInlineImage(doc: DocData, r: Record<string, unknown>, objectId: string): void {
  const uri = String(r.uri ?? '');
  if (!uri) throw invalid('The uri must be set.');
  if (uri.length > 2048) throw invalid('The URI must be less than 2 kB in size.');
  if (!/^https?:\/\//i.test(uri)) throw invalid(`Invalid requests: the image uri must be a publicly accessible URL (got ${uri.slice(0, 60)}).`);
  const L = layout(doc);
  let index: number;
  if (r.endOfSegmentLocation) index = L.end - 1;
  else {
    index = Number((r.location as { index?: number } | undefined)?.index ?? 0);
    if (!Number.isInteger(index) || index < 1) throw invalid(`Index ${index} must be greater than 0 (index 0 is the section break).`);
    if (index >= L.end) throw invalid(`Index ${index} must be less than the end index of the referenced segment, ${L.end}.`);
  }
  const loc = findPara(L, index);
  if (!loc) throw invalid('The insertion index must be inside the bounds of an existing paragraph.');
  const size = (r.objectSize ?? {}) as { width?: { magnitude?: number }; height?: { magnitude?: number } };
  const image: ImageData = { id: objectId, uri };
  if (size.width?.magnitude) image.width = Number(size.width.magnitude);
  if (size.height?.magnitude) image.height = Number(size.height.magnitude);
  const [left, right] = splitRuns(loc.para.runs, index - loc.start);
  loc.para.runs = normalizeRuns([...left, { text: IMAGE_CHAR, image }, ...right]);
  shiftInsert(doc, index, 1);
}

/** Joins `second` onto `first` (whose newline was deleted); `first` is kept (object identity). */
function mergeParas(first: Para, second: Para): Para {
  const keepFirst = first.runs.length > 0;
  first.runs = normalizeRuns([...first.runs, ...second.runs]);
  if (!keepFirst) {
    first.style = second.style;
    if (second.align) first.align = second.align;
    else delete first.align;
  }
  if (second.nl) first.nl = { ...second.nl };
  else delete first.nl;
  return first;
}

interface Span {
  block: Block;
  start: number;
  end: number;
}

function deleteInContainer(container: Block[], spans: Span[], s: number, e: number): void {
  const keep: Block[] = [];
  let pending: Para | null = null;
  for (const { block, start, end } of spans) {
    const touched = end > s && start < e;
    if (!touched) {
      if (pending) {
        if (block.kind === 'paragraph') {
          keep.push(mergeParas(pending, block));
          pending = null;
          continue;
        }
        if (pending.runs.length) throw invalid('Invalid deletion range. Cannot delete the newline before a table without deleting the table.');
        pending = null;
      }
      keep.push(block);
      continue;
    }
    if (block.kind === 'table') continue; // fully inside the range (checked by the caller)
    const textLen = end - start - 1;
    const a = Math.max(s, start) - start;
    const b = Math.min(e, end) - start;
    const [left] = splitRuns(block.runs, a);
    const [, right] = splitRuns(block.runs, Math.min(b, textLen));
    block.runs = normalizeRuns([...left, ...right]);
    let np: Para = block;
    if (pending) {
      np = mergeParas(pending, np);
      pending = null;
    }
    if (b > textLen) pending = np;
    else keep.push(np);
  }
  if (pending) {
    if (pending.runs.length) throw invalid('Invalid deletion range. Cannot delete the requested range.');
  }
  container.splice(0, container.length, ...keep);
}

function rawDelete(doc: DocData, s: number, e: number, what: string): void {
  const L = layout(doc);
  if (s < 1) throw invalid(`${what}: The start index must be greater than 0.`);
  if (e <= s) throw invalid(`${what}: The range should not be empty.`);
  if (e > L.end) throw invalid(`${what}: Index ${e - 1} must be less than the end index of the referenced segment, ${L.end}.`);
  if (e === L.end) throw invalid(`${what}: The range cannot include the newline character at the end of the segment.`);
  // Inside one cell?
  for (const t of L.tables) {
    for (const r of t.rows) {
      for (const c of r.cells) {
        const contentStart = c.start + 1;
        if (s >= contentStart && s < c.end) {
          if (e > c.end - 1) {
            if (e === c.end) throw invalid(`${what}: The range cannot include the newline character at the end of a table cell.`);
            throw invalid(`${what}: Invalid deletion range. A deletion that starts inside a table cell must end inside the same cell.`);
          }
          deleteInContainer(c.cell.content, c.paras.map((p) => ({ block: p.para, start: p.start, end: p.end })), s, e);
          return;
        }
      }
    }
  }
  for (const t of L.tables) {
    const partial = (s > t.start && s < t.end) || (e > t.start && e < t.end) || (s === t.start && e < t.end);
    if (partial) throw invalid(`${what}: Invalid deletion range. Cannot delete part of a table's structure; delete whole tables or text inside one cell.`);
  }
  deleteInContainer(doc.body, L.blocks, s, e);
  doc.body.splice(0, doc.body.length, ...normalizeBody(doc.body));
  if (layout(doc).end !== L.end - (e - s)) {
    throw invalid(`${what}: Invalid deletion range. A paragraph must remain between two tables and after the last table.`);
  }
}

// ---------------------------------------------------------------------------------------
// public edits (content + named ranges)

export function insertText(doc: DocData, index: number, text: string): void {
  if (text === '') return;
  rawInsert(doc, index, text);
  shiftInsert(doc, index, text.length);
}

export function deleteRange(doc: DocData, s: number, e: number, what = 'deleteContentRange'): void {
  rawDelete(doc, s, e, what);
  shiftDelete(doc, s, e);
}

/** Replaces [s, e) (inside one paragraph) by text, in the style of the replaced text. */
export function replaceSpan(doc: DocData, loc: ParaLoc, s: number, e: number, text: string): void {
  // the replacement takes the style of the first replaced character
  const style = styleAt(loc.para, e > s ? s - loc.start + 1 : s - loc.start);
  if (e > s) {
    const [left] = splitRuns(loc.para.runs, s - loc.start);
    const [, right] = splitRuns(loc.para.runs, e - loc.start);
    loc.para.runs = normalizeRuns([...left, ...right]);
  }
  if (text) rawInsert(doc, s, text, style);
  shiftReplace(doc, s, e, text.length);
}

export function replaceAllText(doc: DocData, find: string, replace: string, matchCase: boolean): number {
  if (!find) throw invalid('replaceAllText: The search text must not be empty.');
  const L = layout(doc);
  const needle = matchCase ? find : find.toLowerCase();
  const hits: { loc: ParaLoc; s: number; e: number }[] = [];
  for (const loc of L.paras) {
    const text = paraText(loc.para);
    const hay = matchCase ? text : text.toLowerCase();
    let from = 0;
    for (;;) {
      const at = hay.indexOf(needle, from);
      if (at < 0) break;
      hits.push({ loc, s: loc.start + at, e: loc.start + at + find.length });
      from = at + find.length;
    }
  }
  for (let k = hits.length - 1; k >= 0; k--) {
    const h = hits[k];
    // Earlier replacements are at higher indexes, so this paragraph's location is unchanged.
    replaceSpan(doc, h.loc, h.s, h.e, replace);
  }
  return hits.length;
}

function requireNamed(doc: DocData, id: string | undefined, name: string | undefined, what: string): NamedRangeData[] {
  if (id) {
    const nr = doc.namedRanges.find((n) => n.namedRangeId === id);
    if (!nr) throw invalid(`${what}: The named range with ID ${id} was not found.`);
    return [nr];
  }
  if (name !== undefined) return doc.namedRanges.filter((n) => n.name === name);
  throw invalid(`${what}: Either namedRangeId or namedRangeName must be set.`);
}

export function replaceNamedRangeContent(doc: DocData, id: string | undefined, name: string | undefined, text: string): void {
  const targets = requireNamed(doc, id, name, 'replaceNamedRangeContent');
  for (const target of targets) {
    const nrId = target.namedRangeId;
    const nrName = target.name;
    const ranges = [...target.ranges].sort((a, b) => a.startIndex - b.startIndex);
    // Ranges after the first: their content is deleted (highest first).
    for (let k = ranges.length - 1; k >= 1; k--) {
      const cur = doc.namedRanges.find((n) => n.namedRangeId === nrId);
      const r = cur?.ranges.find((x) => x.startIndex === ranges[k].startIndex);
      if (r) deleteRange(doc, r.startIndex, r.endIndex, 'replaceNamedRangeContent');
    }
    const cur = doc.namedRanges.find((n) => n.namedRangeId === nrId);
    const first = cur?.ranges.slice().sort((a, b) => a.startIndex - b.startIndex)[0];
    if (!first) continue;
    const s = first.startIndex;
    const e = first.endIndex;
    const L = layout(doc);
    const loc = findPara(L, s);
    if (loc && e <= loc.end - 1) replaceSpan(doc, loc, s, e, text);
    else {
      deleteRange(doc, s, e, 'replaceNamedRangeContent');
      insertText(doc, s, text);
    }
    // The named range covers exactly the new text.
    const others = doc.namedRanges.filter((n) => n.namedRangeId !== nrId);
    const mine = doc.namedRanges.find((n) => n.namedRangeId === nrId);
    if (text.length) {
      const rec = mine ?? { namedRangeId: nrId, name: nrName, ranges: [] };
      rec.ranges = [{ startIndex: s, endIndex: s + text.length }];
      const at = doc.namedRanges.findIndex((n) => n.namedRangeId === nrId);
      if (at < 0) doc.namedRanges.push(rec);
    } else doc.namedRanges = others;
  }
}

function tableAt(L: Layout, index: number | undefined, what: string): TableLoc {
  const t = L.tables.find((x) => x.start === index);
  if (!t) throw invalid(`${what}: The table start location at index ${String(index)} is not the start of a table.`);
  return t;
}

interface CellLocation {
  tableStartLocation?: { index?: number; segmentId?: string };
  rowIndex?: number;
  columnIndex?: number;
}

function rowAt(t: TableLoc, loc: CellLocation, what: string): RowLoc {
  const ri = loc.rowIndex ?? 0;
  const ci = loc.columnIndex ?? 0;
  if (!Number.isInteger(ri) || ri < 0 || ri >= t.rows.length) throw invalid(`${what}: Invalid table cell location: row index ${ri} is out of bounds (the table has ${t.rows.length} rows).`);
  const row = t.rows[ri];
  if (!Number.isInteger(ci) || ci < 0 || ci >= row.cells.length) throw invalid(`${what}: Invalid table cell location: column index ${ci} is out of bounds (the row has ${row.cells.length} cells).`);
  return row;
}

export function insertTableRow(doc: DocData, loc: CellLocation | undefined, insertBelow: boolean): void {
  const what = 'insertTableRow';
  if (!loc) throw invalid(`${what}: tableCellLocation is required.`);
  const L = layout(doc);
  const t = tableAt(L, loc.tableStartLocation?.index, what);
  const ref = rowAt(t, loc, what);
  const cells: Cell[] = ref.row.cells.map((c) => {
    const p0 = c.content[0];
    const nl = p0.runs.find((r) => !r.image) ?? p0.nl;
    const np = emptyPara(p0.style, styleOf(nl));
    if (p0.align) np.align = p0.align;
    const nc: Cell = { content: [np] };
    if (c.background) nc.background = c.background;
    return nc;
  });
  const ri = t.rows.indexOf(ref);
  t.table.rows.splice(insertBelow ? ri + 1 : ri, 0, { cells });
  shiftInsert(doc, insertBelow ? ref.end : ref.start, 1 + 2 * cells.length);
}

export function deleteTableRow(doc: DocData, loc: CellLocation | undefined): void {
  const what = 'deleteTableRow';
  if (!loc) throw invalid(`${what}: tableCellLocation is required.`);
  const L = layout(doc);
  const t = tableAt(L, loc.tableStartLocation?.index, what);
  const ref = rowAt(t, loc, what);
  if (t.rows.length === 1) {
    doc.body.splice(t.pos, 1);
    shiftDelete(doc, t.start, t.end);
    return;
  }
  t.table.rows.splice(t.rows.indexOf(ref), 1);
  shiftDelete(doc, ref.start, ref.end);
}

/**
 * Docs API, DeleteTableColumnRequest: "The column this cell spans will be deleted. … If no
 * columns remain in the table after this deletion, the whole table is deleted." (The emulator
 * has no merged cells, so a cell spans one column.)
 */
export function deleteTableColumn(doc: DocData, loc: CellLocation | undefined): void {
  const what = 'deleteTableColumn';
  if (!loc) throw invalid(`${what}: tableCellLocation is required.`);
  const L = layout(doc);
  const t = tableAt(L, loc.tableStartLocation?.index, what);
  rowAt(t, loc, what);
  const ci = loc.columnIndex ?? 0;
  if (t.rows.every((r) => r.cells.length === 1)) {
    doc.body.splice(t.pos, 1);
    shiftDelete(doc, t.start, t.end);
    return;
  }
  // From the last row up, so each deletion leaves the indexes of the rows above unchanged.
  for (let ri = t.rows.length - 1; ri >= 0; ri--) {
    const row = t.rows[ri];
    const cell = row.cells[ci];
    if (!cell) continue;
    row.row.cells.splice(ci, 1);
    shiftDelete(doc, cell.start, cell.end);
  }
}

function parseFields(fields: unknown, allowed: string[], what: string): string[] {
  if (typeof fields !== 'string' || fields.trim() === '') {
    throw invalid(`${what}: At least one field must be listed in 'fields'. (Use '*' to indicate all fields.)`);
  }
  const list = fields.split(',').map((f) => f.trim()).filter(Boolean);
  if (list.includes('*')) return allowed;
  for (const f of list) if (!allowed.includes(f)) throw invalid(`${what}: Invalid field: ${f} (the emulator supports ${allowed.join(', ')}).`);
  return list;
}

function checkRange(L: Layout, range: { startIndex?: number; endIndex?: number } | undefined, what: string): [number, number] {
  const s = range?.startIndex ?? 0;
  const e = range?.endIndex ?? 0;
  if (!Number.isInteger(s) || !Number.isInteger(e) || s < 1 || e <= s) throw invalid(`${what}: The range must have a start index greater than 0 and an end index greater than its start index (got ${s}-${e}).`);
  if (e > L.end) throw invalid(`${what}: Index ${e - 1} must be less than the end index of the referenced segment, ${L.end}.`);
  return [s, e];
}

export function updateTextStyle(doc: DocData, range: { startIndex?: number; endIndex?: number } | undefined, textStyle: Record<string, unknown> | undefined, fields: unknown): void {
  const what = 'updateTextStyle';
  const L = layout(doc);
  const [s, e] = checkRange(L, range, what);
  const list = parseFields(fields, Object.keys(API_FIELD), what);
  const ts = textStyle ?? {};
  const apply = (target: TextStyle) => {
    for (const api of list) {
      const v = ts[api];
      const f = API_FIELD[api];
      const t = target as Record<string, unknown>;
      if (v === undefined || v === null || v === false) delete t[f];
      else if (f === 'fontSize') t.fontSize = Number((v as { magnitude?: number }).magnitude) || undefined;
      else if (f === 'link') t.link = (v as { url?: string }).url;
      else if (f === 'fontFamily') t.fontFamily = (v as { fontFamily?: string }).fontFamily || undefined;
      else if (f === 'foregroundColor' || f === 'backgroundColor') t[f] = optionalColorHex(v);
      else t[f] = Boolean(v);
      if (t[f] === undefined) delete t[f];
    }
  };
  for (const loc of L.paras) {
    if (loc.end <= s || loc.start >= e) continue;
    const p = loc.para;
    const textLen = loc.end - loc.start - 1;
    const a = Math.max(s, loc.start) - loc.start;
    const b = Math.min(e, loc.end) - loc.start;
    const [left, rest] = splitRuns(p.runs, a);
    const [mid, right] = splitRuns(rest, Math.min(b, textLen) - a);
    for (const r of mid) apply(r);
    p.runs = normalizeRuns([...left, ...mid, ...right]);
    if (b > textLen) {
      const nl = { ...(p.nl ?? {}) };
      apply(nl);
      if (Object.keys(nl).length) p.nl = nl;
      else delete p.nl;
    }
  }
}

export function updateParagraphStyle(doc: DocData, range: { startIndex?: number; endIndex?: number } | undefined, paragraphStyle: Record<string, unknown> | undefined, fields: unknown): void {
  const what = 'updateParagraphStyle';
  const L = layout(doc);
  const [s, e] = checkRange(L, range, what);
  const list = parseFields(fields, ['namedStyleType', 'alignment'], what);
  const ps = paragraphStyle ?? {};
  for (const loc of L.paras) {
    if (loc.end <= s || loc.start >= e) continue;
    for (const f of list) {
      if (f === 'namedStyleType') {
        const v = (ps.namedStyleType as NamedStyleType | undefined) ?? 'NORMAL_TEXT';
        if (!NAMED_STYLES.includes(v)) throw invalid(`${what}: Invalid value for namedStyleType: ${String(v)}.`);
        loc.para.style = v;
      } else {
        const v = ps.alignment as Alignment | undefined;
        if (v && !['START', 'CENTER', 'END', 'JUSTIFIED'].includes(v)) throw invalid(`${what}: Invalid value for alignment: ${String(v)}.`);
        if (v && v !== 'START') loc.para.align = v;
        else delete loc.para.align;
      }
    }
  }
}

// ---------------------------------------------------------------------------------------
// batchUpdate

export interface BatchContext {
  newNamedRangeId(): string;
  /** An inline object's id (insertInlineImage). */
  newObjectId?(): string;
}

const SUPPORTED = [
  'replaceAllText', 'insertText', 'deleteContentRange', 'insertTableRow', 'deleteTableRow', 'deleteTableColumn', 'createNamedRange',
  'deleteNamedRange', 'replaceNamedRangeContent', 'updateTextStyle', 'updateParagraphStyle', 'updateDocumentStyle', 'insertInlineImage',
];

type Req = Record<string, Record<string, unknown>>;

function applyOne(doc: DocData, req: Req, k: number, bctx: BatchContext): Record<string, unknown> {
  const kinds = Object.keys(req ?? {}).filter((key) => req[key] !== undefined && req[key] !== null);
  if (kinds.length !== 1) throw invalid(`Invalid requests[${k}]: exactly one kind of request must be set (got ${kinds.length ? kinds.join(', ') : 'none'}).`);
  const kind = kinds[0];
  const r = req[kind];
  const at = `requests[${k}].${kind}`;
  try {
    switch (kind) {
      case 'replaceAllText': {
        const ct = (r.containsText ?? {}) as { text?: string; matchCase?: boolean };
        const n = replaceAllText(doc, String(ct.text ?? ''), String(r.replaceText ?? ''), Boolean(ct.matchCase));
        return { replaceAllText: n ? { occurrencesChanged: n } : {} };
      }
      case 'insertText': {
        const text = String(r.text ?? '');
        const L = layout(doc);
        let index: number;
        if (r.endOfSegmentLocation) index = L.end - 1;
        else {
          const loc = r.location as { index?: number } | undefined;
          if (!loc) throw invalid('Either location or endOfSegmentLocation must be set.');
          index = loc.index ?? 0;
          if (!Number.isInteger(index) || index < 1) throw invalid(`Index ${index} must be greater than 0 (index 0 is the section break).`);
          if (index >= L.end) throw invalid(`Index ${index} must be less than the end index of the referenced segment, ${L.end}.`);
        }
        insertText(doc, index, text);
        return {};
      }
      case 'deleteContentRange': {
        const range = (r.range ?? {}) as { startIndex?: number; endIndex?: number };
        deleteRange(doc, range.startIndex ?? 0, range.endIndex ?? 0, 'deleteContentRange');
        return {};
      }
      case 'insertTableRow':
        insertTableRow(doc, r.tableCellLocation as CellLocation, Boolean(r.insertBelow));
        return {};
      case 'deleteTableRow':
        deleteTableRow(doc, r.tableCellLocation as CellLocation);
        return {};
      case 'deleteTableColumn':
        deleteTableColumn(doc, r.tableCellLocation as CellLocation);
        return {};
      case 'createNamedRange': {
        const name = String(r.name ?? '');
        if (name.length < 1 || name.length > 256) throw invalid('The name must be between 1 and 256 characters long.');
        const L = layout(doc);
        const [s, e] = checkRange(L, r.range as { startIndex?: number; endIndex?: number }, 'createNamedRange');
        const namedRangeId = bctx.newNamedRangeId();
        doc.namedRanges.push({ namedRangeId, name, ranges: [{ startIndex: s, endIndex: e }] });
        return { createNamedRange: { namedRangeId } };
      }
      case 'deleteNamedRange': {
        const targets = requireNamed(doc, r.namedRangeId as string | undefined, r.name as string | undefined, 'deleteNamedRange');
        doc.namedRanges = doc.namedRanges.filter((n) => !targets.includes(n));
        return {};
      }
      case 'replaceNamedRangeContent':
        replaceNamedRangeContent(doc, r.namedRangeId as string | undefined, r.namedRangeName as string | undefined, String(r.text ?? ''));
        return {};
      case 'updateTextStyle':
        updateTextStyle(doc, r.range as { startIndex?: number; endIndex?: number }, r.textStyle as Record<string, unknown>, r.fields);
        return {};
      case 'updateParagraphStyle':
        updateParagraphStyle(doc, r.range as { startIndex?: number; endIndex?: number }, r.paragraphStyle as Record<string, unknown>, r.fields);
        return {};
      case 'insertInlineImage': {
        const objectId = bctx.newObjectId ? bctx.newObjectId() : bctx.newNamedRangeId();
        insertInlineImage(doc, r, objectId);
        return { insertInlineImage: { objectId } };
      }
      case 'updateDocumentStyle':
        updateDocumentStyle(doc, r.documentStyle as Record<string, unknown>, r.fields);
        return {};
      default:
        throw invalid(`The request kind '${kind}' is not emulated (supported: ${SUPPORTED.join(', ')}).`);
    }
  } catch (e) {
    if (e instanceof DocsRequestError) {
      const msg = e.message.replace(new RegExp(`^${kind}: `), '');
      throw new DocsRequestError(e.code, msg.startsWith('Invalid requests[') ? msg : `Invalid ${at}: ${msg}`);
    }
    throw e;
  }
}

/** Applies the requests in order; all or nothing, as the API does. Returns the replies. */
export function applyRequests(doc: DocData, requests: unknown, bctx: BatchContext): { doc: DocData; replies: Record<string, unknown>[] } {
  if (!Array.isArray(requests)) throw invalid('Invalid JSON payload: requests must be a list.');
  const work = cloneDoc(doc);
  const replies = requests.map((req, k) => applyOne(work, req as Req, k, bctx));
  if (requests.length) work.revision += 1;
  return { doc: work, replies };
}
