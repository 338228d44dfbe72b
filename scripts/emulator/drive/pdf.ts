// Doc → PDF with pdfkit (what Drive's export as application/pdf returns): A4, 2 cm margins,
// Helvetica, headings larger and bold, tables as grids, page numbers in the footer.
// Synchronous (Apps Script exports are) and deterministic (dates come from the file).

import PDFDocument from 'pdfkit';
import { DocData, NamedStyleType, Para, Run, Table, TextStyle } from './docmodel';
import { listIndex, listMarker } from './html';

const CM = 72 / 2.54;
const MARGIN = 2 * CM;
const PAGE_W = 595.28;
const PAGE_H = 841.89;
const CONTENT_W = PAGE_W - 2 * MARGIN;
const BOTTOM = PAGE_H - MARGIN;
const TEXT = '#202124';
const GREY = '#5f6368';
const BORDER = '#9aa0a6';
const HEADER_BG = '#eef0f2';
const PAD = 5;
const TABLE_SIZE = 10;

const SIZES: Record<NamedStyleType, number> = {
  NORMAL_TEXT: 11, TITLE: 24, SUBTITLE: 14, HEADING_1: 18, HEADING_2: 15, HEADING_3: 13, HEADING_4: 12,
  HEADING_5: 11, HEADING_6: 11,
};
const SPACE_BEFORE: Record<NamedStyleType, number> = {
  NORMAL_TEXT: 0, TITLE: 0, SUBTITLE: 0, HEADING_1: 12, HEADING_2: 10, HEADING_3: 8, HEADING_4: 8, HEADING_5: 6,
  HEADING_6: 6,
};

type Doc = PDFKit.PDFDocument;

function isHeading(p: Para): boolean {
  return p.style !== 'NORMAL_TEXT' && p.style !== 'SUBTITLE';
}

function fontFor(style: TextStyle, para: Para): string {
  const bold = style.bold || isHeading(para);
  if (bold && style.italic) return 'Helvetica-BoldOblique';
  if (bold) return 'Helvetica-Bold';
  if (style.italic) return 'Helvetica-Oblique';
  return 'Helvetica';
}

function runText(r: Run): string {
  return r.text.replace(/\u000b/g, '\n').replace(/\u00a0/g, ' ');
}

function paraPlain(p: Para): string {
  return p.runs.filter((r) => !r.image && !r.pageBreak).map(runText).join('');
}

const NUMERIC = /^[-+−(]?\s*[€$£¥]?\s*[-+]?\d[\d\s.,'’]*\s*(%|€|\$|£|¥|[A-Z]{3})?\)?$/;

function alignOf(p: Para, numericRight: boolean): 'left' | 'center' | 'right' | 'justify' {
  if (p.align === 'CENTER') return 'center';
  if (p.align === 'END') return 'right';
  if (p.align === 'JUSTIFIED') return 'justify';
  if (numericRight && NUMERIC.test(paraPlain(p).trim())) return 'right';
  return 'left';
}

function imageBuffer(uri: string): Buffer | null {
  const m = /^data:image\/(png|jpe?g);base64,(.*)$/i.exec(uri);
  return m ? Buffer.from(m[2], 'base64') : null;
}

function drawImage(doc: Doc, run: Run, x: number, width: number): void {
  const w = Math.min(width, run.image?.width ?? 120);
  const h = run.image?.height ?? 40;
  if (doc.y + h > BOTTOM) doc.addPage();
  const y = doc.y;
  const buf = run.image ? imageBuffer(run.image.uri) : null;
  if (buf) {
    try {
      doc.image(buf, x, y, { fit: [w, h] });
      doc.y = y + h + 4;
      return;
    } catch {
      // fall through to the placeholder
    }
  }
  doc.save().lineWidth(0.5).strokeColor(BORDER).rect(x, y, w, h).stroke().restore();
  doc.font('Helvetica').fontSize(8).fillColor(GREY).text('image', x, y + h / 2 - 4, { width: w, align: 'center', lineBreak: false });
  doc.x = x;
  doc.y = y + h + 4;
}

/** The runs of a paragraph cut into lines at soft breaks (Shift+Enter, <br>). */
function linesOf(runs: Run[]): Run[][] {
  const lines: Run[][] = [[]];
  for (const r of runs) {
    const parts = r.text.split('\u000b');
    parts.forEach((part, i) => {
      if (i > 0) lines.push([]);
      if (part !== '') lines[lines.length - 1].push({ ...r, text: part });
    });
  }
  return lines;
}

/**
 * Writes a paragraph's runs at (x, doc.y) within width. pdfkit drops a line break that ends a
 * `continued` run, so each soft-broken line is written as its own chain of runs.
 */
function writeRuns(doc: Doc, p: Para, x: number, width: number, size: number, align: 'left' | 'center' | 'right' | 'justify'): void {
  const runs = p.runs.filter((r) => !r.image && !r.pageBreak && r.text !== '');
  if (runs.length === 0) return;
  for (const line of linesOf(runs)) {
    if (line.length === 0) {
      doc.font('Helvetica').fontSize(size);
      doc.y += doc.currentLineHeight(true) + 1.5;
      continue;
    }
    line.forEach((r, k) => {
      const continued = k < line.length - 1;
      doc.font(fontFor(r, p)).fontSize(r.fontSize ?? size).fillColor(r.link ? '#1155cc' : TEXT);
      const opts: PDFKit.Mixins.TextOptions = { width, align, continued, lineGap: 1.5, underline: Boolean(r.underline || r.link) };
      if (r.link) opts.link = r.link;
      else opts.link = null as unknown as string;
      if (k === 0) doc.text(runText(r), x, doc.y, opts);
      else doc.text(runText(r), opts);
    });
  }
}

function renderParagraph(doc: Doc, p: Para, index = 0): void {
  const size = SIZES[p.style] ?? 11;
  const before = SPACE_BEFORE[p.style] ?? 0;
  // keep a heading with the lines after it
  const need = before + size * 1.3 + (isHeading(p) ? 3 * 11 * 1.3 : 0);
  if (doc.y + need > BOTTOM) doc.addPage();
  else if (doc.y > MARGIN + 1) doc.y += before;
  for (const r of p.runs) if (r.image) drawImage(doc, r, MARGIN, CONTENT_W);
  const text = paraPlain(p);
  const item = listMarker(p, index);
  if (item) {
    // a list item (Body.appendListItem): its glyph in the margin of an indented paragraph
    const indent = 18 + item.nesting * 18;
    const y = doc.y;
    doc.font('Helvetica').fontSize(size).fillColor(TEXT).text(item.marker, MARGIN + indent - 12, y, { lineBreak: false });
    doc.y = y;
    writeRuns(doc, p, MARGIN + indent, CONTENT_W - indent, size, alignOf(p, false));
  } else if (text.trim() === '') {
    if (!p.runs.some((r) => r.image)) doc.y += size * 1.15;
  } else writeRuns(doc, p, MARGIN, CONTENT_W, size, alignOf(p, false));
  doc.x = MARGIN;
  doc.y += p.style === 'TITLE' ? 10 : isHeading(p) ? 4 : 5;
}

interface CellBox {
  paras: Para[];
  header: boolean;
  background?: string;
}

function cellHeight(doc: Doc, cell: CellBox, width: number): number {
  let h = 0;
  for (const p of cell.paras) {
    const text = paraPlain(p);
    const first = p.runs.find((r) => !r.image);
    doc.font(fontFor(first ?? {}, p)).fontSize(first?.fontSize ?? TABLE_SIZE);
    h += doc.heightOfString(text === '' ? ' ' : text, { width, lineGap: 1.5 });
    for (const r of p.runs) if (r.image) h += (r.image.height ?? 40) + 4;
  }
  return h;
}

function longestWord(doc: Doc, text: string): number {
  let w = 0;
  for (const word of text.split(/\s+/)) if (word) w = Math.max(w, doc.widthOfString(word));
  return w;
}

function columnWidths(doc: Doc, rows: CellBox[][], cols: number): number[] {
  const natural = new Array<number>(cols).fill(0);
  const min = new Array<number>(cols).fill(0);
  for (const row of rows) {
    row.forEach((cell, j) => {
      for (const p of cell.paras) {
        const text = paraPlain(p);
        doc.font(fontFor(p.runs[0] ?? {}, p)).fontSize(TABLE_SIZE);
        let full = 0;
        for (const line of text.split('\n')) full = Math.max(full, doc.widthOfString(line));
        natural[j] = Math.max(natural[j], full + 2 * PAD + 1);
        // amounts and short labels stay on one line; other text may wrap between words
        const keep = NUMERIC.test(text.trim()) || (cell.header && text.length <= 24) ? full : longestWord(doc, text);
        min[j] = Math.max(min[j], Math.min(keep, CONTENT_W / cols) + 2 * PAD + 1);
      }
    });
  }
  for (let j = 0; j < cols; j++) {
    natural[j] = Math.max(natural[j], 28);
    min[j] = Math.max(min[j], 28);
  }
  const sumNat = natural.reduce((a, b) => a + b, 0);
  if (sumNat <= CONTENT_W) {
    // everything fits on one line: share the spare width in proportion, text columns first
    const spare = CONTENT_W - sumNat;
    return natural.map((w) => w + (spare * w) / sumNat);
  }
  const sumMin = min.reduce((a, b) => a + b, 0);
  if (sumMin >= CONTENT_W) return new Array<number>(cols).fill(CONTENT_W / cols);
  const flex = natural.map((w, j) => w - min[j]);
  const sumFlex = flex.reduce((a, b) => a + b, 0) || 1;
  return min.map((w, j) => w + ((CONTENT_W - sumMin) * flex[j]) / sumFlex);
}

function renderTable(doc: Doc, t: Table): void {
  const cols = Math.max(...t.rows.map((r) => r.cells.length));
  const rows: CellBox[][] = t.rows.map((r) =>
    r.cells.map((c) => ({
      paras: c.content,
      header: c.content.every((p) => p.runs.filter((x) => !x.image && x.text.trim()).every((x) => x.bold)) &&
        c.content.some((p) => paraPlain(p).trim() !== ''),
      background: c.background,
    })),
  );
  const widths = columnWidths(doc, rows, cols);
  const headerRow = rows[0]?.every((c) => c.header || c.paras.every((p) => paraPlain(p).trim() === '')) ? 0 : -1;
  // a header cell over a column of numbers is right-aligned like them
  const numericCol = Array.from({ length: cols }, (_, j) => {
    const texts = rows.slice(headerRow + 1).map((r) => (r[j]?.paras ?? []).map(paraPlain).join(' ').trim()).filter(Boolean);
    return texts.length > 0 && texts.filter((t) => NUMERIC.test(t)).length * 2 > texts.length;
  });
  if (doc.y > MARGIN + 1) doc.y += 4;

  const drawRow = (row: CellBox[], isHeader: boolean) => {
    const heights = row.map((c, j) => cellHeight(doc, c, widths[j] - 2 * PAD));
    const h = Math.max(...heights, TABLE_SIZE) + 2 * PAD;
    if (doc.y + h > BOTTOM && doc.y > MARGIN + 1) {
      doc.addPage();
      if (!isHeader && headerRow === 0) drawRow(rows[0], true);
    }
    const y = doc.y;
    let x = MARGIN;
    row.forEach((cell, j) => {
      const w = widths[j];
      const bg = cell.background ?? (isHeader ? HEADER_BG : undefined);
      if (bg) doc.save().rect(x, y, w, h).fill(bg).restore();
      doc.y = y + PAD;
      for (const p of cell.paras) {
        for (const r of p.runs) if (r.image) drawImage(doc, r, x + PAD, w - 2 * PAD);
        if (paraPlain(p) === '') doc.y += TABLE_SIZE * 1.2;
        else writeRuns(doc, p, x + PAD, w - 2 * PAD, TABLE_SIZE, isHeader && numericCol[j] && !p.align ? 'right' : alignOf(p, !isHeader));
      }
      x += w;
    });
    // grid
    doc.save().lineWidth(0.5).strokeColor(BORDER);
    x = MARGIN;
    for (const w of widths) {
      doc.rect(x, y, w, h).stroke();
      x += w;
    }
    doc.restore();
    doc.x = MARGIN;
    doc.y = y + h;
  };

  rows.forEach((row, i) => {
    while (row.length < cols) row.push({ paras: [], header: false });
    drawRow(row, i === headerRow);
  });
  doc.y += 8;
}

/** Renders a Doc as PDF bytes (synchronously). */
export function docToPdf(title: string, data: DocData, date: Date): Buffer {
  const chunks: Buffer[] = [];
  const Sync = class extends PDFDocument {
    push(chunk: unknown): boolean {
      if (chunk !== null && chunk !== undefined) chunks.push(Buffer.from(chunk as Uint8Array));
      return true;
    }
  };
  const doc = new Sync({
    size: 'A4',
    margins: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
    bufferPages: true,
    compress: true,
    info: { Title: title, Creator: 'Google Docs (Dealboard emulator)', Producer: 'Dealboard emulator', CreationDate: date, ModDate: date },
  }) as unknown as Doc;
  doc.font('Helvetica').fontSize(11).fillColor(TEXT);
  doc.x = MARGIN;
  doc.y = MARGIN;
  data.body.forEach((b, i) => {
    if (b.kind === 'paragraph') renderParagraph(doc, b, listIndex(data.body, i));
    else renderTable(doc, b);
  });
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.font('Helvetica').fontSize(8.5).fillColor(GREY)
      .text(`Page ${i + 1} of ${range.count}`, MARGIN, PAGE_H - MARGIN / 2 - 5, { width: CONTENT_W, align: 'center', lineBreak: false });
    doc.page.margins.bottom = bottom;
  }
  doc.end();
  return Buffer.concat(chunks);
}
