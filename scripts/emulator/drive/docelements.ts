// Where a DocumentApp element sits in a document (body, header, footer, table cells, or nowhere:
// a copy() not inserted yet), and the Paragraph / ListItem attribute members over it
// (alignment, indents, spacing, direction, getAttributes / setAttributes, copy, getParent,
// siblings). Installed on the Paragraph class by services.ts.
import { Block, DocData, Para, Table, Cell, cellText, paraText } from './docmodel';
import { textAttributes } from './extras';
import { gasError as exception } from '../services/util';

type Any = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any


export type SectionName = 'body' | 'header' | 'footer';
export const SECTION_TYPE: Record<SectionName, string> = { body: 'BODY_SECTION', header: 'HEADER_SECTION', footer: 'FOOTER_SECTION' };

/** Where a block sits: its container array and index there, the section, and the cell if in a table. */
export interface Where {
  container: Block[];
  index: number;
  section: SectionName;
  cell?: { table: Table; rowIndex: number; cellIndex: number; cell: Cell };
}

function search(blocks: Block[], node: object, section: SectionName, cell?: Where['cell']): Where | null {
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i];
    if (b === node) return { container: blocks, index: i, section, cell };
    if (b.kind === 'table') {
      for (let r = 0; r < b.rows.length; r++) {
        for (let c = 0; c < b.rows[r].cells.length; c++) {
          const cl = b.rows[r].cells[c];
          const w = search(cl.content, node, section, { table: b, rowIndex: r, cellIndex: c, cell: cl });
          if (w) return w;
        }
      }
    }
  }
  return null;
}

export function whereIs(d: DocData, node: object): Where | null {
  return search(d.body, node, 'body') ?? (d.header ? search(d.header, node, 'header') : null) ?? (d.footer ? search(d.footer, node, 'footer') : null);
}

export function sectionHolds(d: DocData, node: object): boolean {
  return whereIs(d, node) !== null;
}

/** The paragraph style DocumentApp's appendParagraph writes on a NORMAL_TEXT paragraph (live: getAttributes
 *  reads HORIZONTAL_ALIGNMENT LEFT, LINE_SPACING 1.15, LEFT_TO_RIGHT true; the Docs resource alignment START,
 *  lineSpacing 115, direction LEFT_TO_RIGHT — gas-fakes test/testdocsstyles.js, verified live). */
export function computedStyle(p: Para): Para {
  if (p.style === 'NORMAL_TEXT') {
    p.align = p.align ?? 'START';
    p.lineSpacing = p.lineSpacing ?? 115;
    p.direction = p.direction ?? 'LEFT_TO_RIGHT';
  }
  return p;
}

export function clearComputedStyle(p: Para): void {
  if (p.align === 'START') delete p.align;
  if (p.lineSpacing === 115) delete p.lineSpacing;
  if (p.direction === 'LEFT_TO_RIGHT') delete p.direction;
}

function visible(p: Para): string {
  return p.runs.filter((r) => !r.image && !r.pageBreak).map((r) => r.text).join('').replace(/\u000b/g, '\n');
}

/** Element.getText for a table: every cell's text joined by '\n' (live). */
export function tableText(t: Table): string {
  return t.rows.map((r) => r.cells.map(cellText).join('\n')).join('\n');
}

/** Body/HeaderSection/FooterSection.getText: children's text joined by '\n'. */
export function sectionText(blocks: Block[]): string {
  return blocks.map((b) => (b.kind === 'paragraph' ? visible(b) : tableText(b))).join('\n');
}

// ---- paragraph attributes ---------------------------------------------------------------

/** DocumentApp.HorizontalAlignment and the Docs API alignment it is stored as. */
export const HORIZONTAL_ALIGNMENT = Object.freeze({ LEFT: 'LEFT', CENTER: 'CENTER', RIGHT: 'RIGHT', JUSTIFY: 'JUSTIFY' });
const ALIGN_TO_API: Record<string, Para['align']> = { LEFT: 'START', CENTER: 'CENTER', RIGHT: 'END', JUSTIFY: 'JUSTIFIED' };
const API_TO_ALIGN: Record<string, string> = { START: 'LEFT', CENTER: 'CENTER', END: 'RIGHT', JUSTIFIED: 'JUSTIFY' };
const HEADING_OF: Record<string, string> = {
  NORMAL_TEXT: 'NORMAL', HEADING_1: 'HEADING1', HEADING_2: 'HEADING2', HEADING_3: 'HEADING3', HEADING_4: 'HEADING4',
  HEADING_5: 'HEADING5', HEADING_6: 'HEADING6', TITLE: 'TITLE', SUBTITLE: 'SUBTITLE',
};

/** The raw paragraph object (the methods below run with `this` = it): session, document id, the Para. */
interface RawParagraph { s: Any; id: string; p: Para; detached: boolean }

/** The paragraph, checked to be in its document (or detached); edits mark the document changed. */
function para(self: RawParagraph): Para {
  if (!self.detached && !sectionHolds(self.s.data(self.id), self.p)) throw exception('The element has been removed from the document.');
  return self.p;
}

function changed(self: RawParagraph): void {
  if (!self.detached) self.s.changed(self.id);
}

/** A number argument; the reference's setters take Number and Apps Script refuses others. */
function numberArg(v: unknown, name: string): number {
  if (typeof v !== 'number' || !Number.isFinite(v)) throw exception(`Invalid argument: ${name}`);
  return v;
}

type NumKey = 'indentStart' | 'indentEnd' | 'indentFirstLine' | 'spaceAbove' | 'spaceBelow';
function numAttr(key: NumKey, arg: string) {
  return {
    get(this: RawParagraph): number | null { return para(this)[key] ?? null; },
    set(this: RawParagraph, v: unknown): object { para(this)[key] = numberArg(v, arg); changed(this); return self(this); },
  };
}

/** Where a ListItem keeps the maker of its own handle (out of the script's sight; extras.ts sets it). */
export const ELEMENT_HANDLE = Symbol.for('dealboard.emulator.elementHandle');

/** This element's handle again (Paragraph or ListItem), for chaining. */
function self(raw: RawParagraph): object {
  const make = (raw as unknown as Record<symbol, (() => object) | undefined>)[ELEMENT_HANDLE];
  return make ? make() : raw.s.paragraph(raw.id, raw.p);
}

export function paragraphAttributes(p: Para): Record<string, unknown> {
  return {
    HEADING: HEADING_OF[p.style] ?? 'NORMAL',
    HORIZONTAL_ALIGNMENT: p.align ? API_TO_ALIGN[p.align] : null,
    LEFT_TO_RIGHT: p.direction ? p.direction === 'LEFT_TO_RIGHT' : null,
    LINE_SPACING: p.lineSpacing !== undefined ? p.lineSpacing / 100 : null,
    INDENT_START: p.indentStart ?? null,
    INDENT_END: p.indentEnd ?? null,
    INDENT_FIRST_LINE: p.indentFirstLine ?? null,
    SPACING_BEFORE: p.spaceAbove ?? null,
    SPACING_AFTER: p.spaceBelow ?? null,
  };
}

const indentStart = numAttr('indentStart', 'indentStart');
const indentEnd = numAttr('indentEnd', 'indentEnd');
const indentFirstLine = numAttr('indentFirstLine', 'indentFirstLine');
const spacingBefore = numAttr('spaceAbove', 'spacingBefore');
const spacingAfter = numAttr('spaceBelow', 'spacingAfter');

/** Attribute → paragraph setter for setAttributes; text attributes go to editAsText(). */
const PARAGRAPH_SETTERS: Record<string, string> = {
  HORIZONTAL_ALIGNMENT: 'setAlignment', INDENT_START: 'setIndentStart', INDENT_END: 'setIndentEnd', INDENT_FIRST_LINE: 'setIndentFirstLine',
  LINE_SPACING: 'setLineSpacing', SPACING_BEFORE: 'setSpacingBefore', SPACING_AFTER: 'setSpacingAfter', LEFT_TO_RIGHT: 'setLeftToRight',
  HEADING: 'setHeading',
};

export const paragraphAttributeMethods = {
  getAlignment(this: RawParagraph): string | null { const a = para(this).align; return a ? API_TO_ALIGN[a] : null; },
  setAlignment(this: RawParagraph, alignment: unknown): object {
    const api = ALIGN_TO_API[String(alignment)];
    if (!api) throw exception('Invalid argument: alignment');
    para(this).align = api;
    changed(this);
    return self(this);
  },
  getIndentStart: indentStart.get, setIndentStart: indentStart.set,
  getIndentEnd: indentEnd.get, setIndentEnd: indentEnd.set,
  getIndentFirstLine: indentFirstLine.get, setIndentFirstLine: indentFirstLine.set,
  getSpacingBefore: spacingBefore.get, setSpacingBefore: spacingBefore.set,
  getSpacingAfter: spacingAfter.get, setSpacingAfter: spacingAfter.set,
  /** "Retrieves the line spacing, in points" — a multiple of single spacing (1.15), kept as the API's percent. */
  getLineSpacing(this: RawParagraph): number | null { const v = para(this).lineSpacing; return v === undefined ? null : v / 100; },
  setLineSpacing(this: RawParagraph, multiplier: unknown): object {
    para(this).lineSpacing = Math.round(numberArg(multiplier, 'multiplier') * 10000) / 100;
    changed(this);
    return self(this);
  },
  isLeftToRight(this: RawParagraph): boolean | null { const d = para(this).direction; return d ? d === 'LEFT_TO_RIGHT' : null; },
  setLeftToRight(this: RawParagraph, leftToRight: unknown): object {
    if (typeof leftToRight !== 'boolean') throw exception('Invalid argument: leftToRight');
    para(this).direction = leftToRight ? 'LEFT_TO_RIGHT' : 'RIGHT_TO_LEFT';
    changed(this);
    return self(this);
  },
  /** "Retrieves the element's attributes … a property for each valid element attribute"; null where the
   *  paragraph inherits the value. */
  getAttributes(this: RawParagraph): Record<string, unknown> {
    const p = para(this);
    return { ...paragraphAttributes(p), ...textAttributes(p) };
  },
  setAttributes(this: RawParagraph, attributes: unknown): object {
    if (!attributes || typeof attributes !== 'object') throw exception('Invalid argument: attributes');
    const me = self(this) as Any;
    const text = me.editAsText ? me.editAsText() : null;
    for (const [key, value] of Object.entries(attributes as Any)) {
      if (value === null || value === undefined) continue;
      const setter = PARAGRAPH_SETTERS[key];
      if (setter) me[setter](value);
      else if (text) text.setAttributes({ [key]: value });
    }
    return self(this);
  },
  /** "Returns a detached, deep copy of the current element." */
  copy(this: RawParagraph): object {
    const clone = JSON.parse(JSON.stringify(para(this))) as Para;
    return this.s.detachedParagraph(this.id, clone);
  },
  /** "Retrieves the element's parent element", null for a detached element. */
  getParent(this: RawParagraph): object | null {
    if (this.detached) return null;
    const w = whereIs(this.s.data(this.id), this.p);
    if (!w) throw exception('The element has been removed from the document.');
    return parentOf(this.s, this.id, w);
  },
  getNextSibling(this: RawParagraph): object | null { return sibling(this, 1); },
  getPreviousSibling(this: RawParagraph): object | null { return sibling(this, -1); },
  isAtDocumentEnd(this: RawParagraph): boolean {
    if (this.detached) return false;
    const d = this.s.data(this.id) as DocData;
    return d.body[d.body.length - 1] === this.p;
  },
  /** A paragraph's children are its Text (and inline elements); the emulator's paragraphs hold one Text. */
  getNumChildren(this: RawParagraph): number { return paraText(para(this)).length ? 1 : 0; },
  getChild(this: RawParagraph, childIndex: number): object {
    const n = paraText(para(this)).length ? 1 : 0;
    if (!Number.isInteger(childIndex) || childIndex < 0 || childIndex >= n) throw exception(`Child index (${childIndex}) must be less than the number of child elements (${n}).`);
    return (self(this) as Any).editAsText();
  },
  clear(this: RawParagraph): object { (self(this) as Any).setText(''); return self(this); },
  /** "Returns the current element as a Paragraph." — a cast for auto-complete: the element itself. */
  asParagraph(this: RawParagraph): object { para(this); return self(this); },
  asListItem(this: RawParagraph): object { para(this); return self(this); },
  getLinkUrl(this: RawParagraph): string | null { return (textAttributes(para(this)).LINK_URL as string | null) ?? null; },
};

function sibling(raw: RawParagraph, step: number): object | null {
  if (raw.detached) return null;
  const w = whereIs(raw.s.data(raw.id), raw.p);
  if (!w) throw exception('The element has been removed from the document.');
  const b = w.container[w.index + step];
  return b ? raw.s.element(raw.id, b) : null;
}

/** The parent handle of a block at `w`: the section, or the table cell holding it. */
export function parentOf(s: Any, id: string, w: Where): object {
  if (w.cell) return s.tableCell(id, w.cell.table, w.cell.rowIndex, w.cell.cellIndex);
  return s.section(id, w.section);
}
