// The container members Body, HeaderSection and FooterSection share (append*/insert* of text or of
// a detached copy(), getChild, getNumChildren, getText, setText, clear, removeChild, …), over one
// section's block list, and Document.addHeader/addFooter. A header/footer is edited in place (the
// Docs index model of docmodel.ts covers the body segment only, as the API indexes each segment
// from 0 on its own).
import { Block, DOC_STYLE_DEFAULTS, DocData, DocStyle, NamedStyleType, Para, Table, normalizeBody, textPara } from './docmodel';
import { SECTION_TYPE, SectionName, computedStyle, sectionHolds, sectionText } from './docelements';
import { gasError as exception } from '../services/util';

type Any = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
type ListPara = Para & { listItem?: { glyph: string; nesting: number; listId: string } };


export function childIndexError(i: unknown, n: number): Error {
  return exception(`Child index (${String(i)}) must be less than the number of child elements (${n}).`);
}

/** The raw section object (`this` of the methods): session, document id and which section. */
export interface RawSection { s: Any; id: string; name: SectionName }

export function blocks(self: RawSection): Block[] {
  const d = self.s.data(self.id) as DocData;
  const b = self.name === 'body' ? d.body : d[self.name];
  if (!b) throw exception('The element has been removed from the document.');
  return b;
}

function store(self: RawSection, list: Block[]): void {
  const d = self.s.data(self.id) as DocData;
  const normalized = normalizeBody(list);
  if (self.name === 'body') d.body = normalized;
  else d[self.name] = normalized;
  self.s.changed(self.id);
}

/** What a detached element handle (from copy()) holds; null for text or an attached element. */
function detachedBlock(arg: unknown): Block | null {
  if (!arg || typeof arg !== 'object') return null;
  const h = arg as Any;
  const block = (h.p ?? h.t) as Block | undefined;
  if (!block || typeof block !== 'object' || !('kind' in block)) return null;
  if (!h.detached) {
    if (sectionHolds(h.s.data(h.id), block)) throw exception('Element must be detached.');
    throw exception('The element has been removed from the document.');
  }
  return JSON.parse(JSON.stringify(block)) as Block;
}

/** An insert position: 0…n (live: "Child index (99) must be less than or equal to the number of child
 *  elements (2).", gas-fakes testdocsnext.js "Body.insertParagraph method"). */
function indexArg(i: unknown, n: number): number {
  if (typeof i !== 'number' || !Number.isInteger(i) || i < 0 || i > n) {
    throw exception(`Child index (${String(i)}) must be less than or equal to the number of child elements (${n}).`);
  }
  return i;
}

/** An element of the wrong class where the method takes a Paragraph/ListItem/Table or text: live's
 *  "The parameters (number,DocumentApp.Body) don't match the method signature for DocumentApp.Body.insertParagraph." */
function signatureCheck(self: RawSection, method: string, args: unknown[]): void {
  const el = args[args.length - 1] as Any;
  if (!el || typeof el !== 'object' || Array.isArray(el) || el.p || el.t) return;
  const kinds = args.map((a) => (typeof a === 'number' ? 'number' : typeof a === 'string' ? 'String'
    : a && typeof a === 'object' && typeof (a as Any).getType === 'function' ? `DocumentApp.${CLASS_OF[String((a as Any).getType())] ?? 'Element'}` : 'Object'));
  throw exception(`The parameters (${kinds.join(',')}) don't match the method signature for DocumentApp.${CLASS_OF[SECTION_TYPE[self.name]]}.${method}.`);
}
const CLASS_OF: Record<string, string> = {
  BODY_SECTION: 'Body', HEADER_SECTION: 'HeaderSection', FOOTER_SECTION: 'FooterSection', PARAGRAPH: 'Paragraph', LIST_ITEM: 'ListItem',
  TABLE: 'Table', TABLE_ROW: 'TableRow', TABLE_CELL: 'TableCell', TEXT: 'Text',
};

function newListPara(self: RawSection, text: string, near: Block | undefined): ListPara {
  const p = computedStyle(textPara(text)) as ListPara;
  const nearItem = near && near.kind === 'paragraph' ? (near as ListPara).listItem : undefined;
  p.listItem = nearItem ? { ...nearItem } : { glyph: 'BULLET', nesting: 0, listId: `kix.${self.s.env.model.newPermissionId().slice(0, 12)}` };
  return p;
}

function newParagraph(self: RawSection, text: string): Para {
  const p = computedStyle(textPara(text));
  const bodyStyle = (self.s.data(self.id) as DocData).bodyTextStyle;
  if (bodyStyle) for (const r of p.runs) Object.assign(r, bodyStyle);
  if (bodyStyle && !p.runs.length) p.nl = { ...bodyStyle };
  return p;
}

function tableFrom(cells: unknown): Table {
  const grid = cells === undefined ? [['']] : cells;
  if (!Array.isArray(grid) || grid.some((r) => !Array.isArray(r))) throw exception('Invalid argument: cells');
  if (grid.length === 0) return { kind: 'table', rows: [{ cells: [{ content: [textPara('')] }] }] };
  const width = Math.max(1, ...grid.map((r) => (r as unknown[]).length));
  return {
    kind: 'table',
    rows: grid.map((r) => ({ cells: Array.from({ length: width }, (_, j) => ({ content: [textPara(String((r as unknown[])[j] ?? ''))] })) })),
  };
}

function put(self: RawSection, at: number | null, block: Block): Block {
  const list = blocks(self);
  const i = at === null ? list.length : indexArg(at, list.length);
  list.splice(i, 0, block);
  store(self, list);
  return block;
}

function textOf(arg: unknown): string {
  return arg === undefined || arg === null ? '' : String(arg);
}

export const sectionMethods = {
  getType(this: RawSection): string { blocks(this); return SECTION_TYPE[this.name]; },
  getNumChildren(this: RawSection): number { return blocks(this).length; },
  getChild(this: RawSection, childIndex: number): object {
    const list = blocks(this);
    if (typeof childIndex !== 'number' || !Number.isInteger(childIndex) || childIndex < 0 || childIndex >= list.length) throw childIndexError(childIndex, list.length);
    return this.s.element(this.id, list[childIndex]);
  },
  getText(this: RawSection): string { return sectionText(blocks(this)); },
  setText(this: RawSection, text: string): object {
    blocks(this);
    store(this, String(text).split(/\r?\n|\r/).map((line) => textPara(line)));
    return this.s.section(this.id, this.name);
  },
  clear(this: RawSection): object {
    blocks(this);
    store(this, [textPara('')]);
    return this.s.section(this.id, this.name);
  },
  appendParagraph(this: RawSection, paragraph: unknown): object {
    signatureCheck(this, 'appendParagraph', [paragraph]);
    const b = detachedBlock(paragraph) ?? newParagraph(this, textOf(paragraph));
    if (b.kind !== 'paragraph') throw exception('Invalid argument: paragraph');
    delete (b as ListPara).listItem;
    return this.s.element(this.id, put(this, null, b));
  },
  insertParagraph(this: RawSection, childIndex: number, paragraph: unknown): object {
    signatureCheck(this, 'insertParagraph', [childIndex, paragraph]);
    const b = detachedBlock(paragraph) ?? newParagraph(this, textOf(paragraph));
    if (b.kind !== 'paragraph') throw exception('Invalid argument: paragraph');
    delete (b as ListPara).listItem;
    return this.s.element(this.id, put(this, childIndex, b));
  },
  appendListItem(this: RawSection, listItem: unknown): object {
    signatureCheck(this, 'appendListItem', [listItem]);
    const list = blocks(this);
    const b = detachedBlock(listItem) as ListPara | null;
    const last = [...list].reverse().find((x) => x.kind === 'paragraph');
    if (b && !(b.kind === 'paragraph' && b.listItem)) throw exception('Invalid argument: listItem');
    const p = b ?? newListPara(this, textOf(listItem), last);
    return this.s.element(this.id, put(this, null, p));
  },
  insertListItem(this: RawSection, childIndex: number, listItem: unknown): object {
    signatureCheck(this, 'insertListItem', [childIndex, listItem]);
    const list = blocks(this);
    const b = detachedBlock(listItem) as ListPara | null;
    const i = indexArg(childIndex, list.length);
    if (b && !(b.kind === 'paragraph' && b.listItem)) throw exception('Invalid argument: listItem');
    const p = b ?? newListPara(this, textOf(listItem), list[i - 1] ?? list[i]);
    return this.s.element(this.id, put(this, i, p));
  },
  appendTable(this: RawSection, cells?: unknown): object {
    signatureCheck(this, 'appendTable', [cells]);
    const b = detachedBlock(cells) ?? tableFrom(cells);
    if (b.kind !== 'table') throw exception('Invalid argument: table');
    return this.s.element(this.id, put(this, null, b));
  },
  insertTable(this: RawSection, childIndex: number, cells?: unknown): object {
    signatureCheck(this, 'insertTable', [childIndex, cells]);
    const b = detachedBlock(cells) ?? tableFrom(cells);
    if (b.kind !== 'table') throw exception('Invalid argument: table');
    return this.s.element(this.id, put(this, childIndex, b));
  },
  getParagraphs(this: RawSection): object[] {
    const out: object[] = [];
    const walk = (list: Block[]) => {
      for (const b of list) {
        if (b.kind === 'paragraph') out.push(this.s.element(this.id, b));
        else for (const r of b.rows) for (const c of r.cells) walk(c.content);
      }
    };
    walk(blocks(this));
    return out;
  },
  getTables(this: RawSection): object[] {
    return blocks(this).filter((b) => b.kind === 'table').map((b) => this.s.element(this.id, b));
  },
  getListItems(this: RawSection): object[] {
    return blocks(this).filter((b) => b.kind === 'paragraph' && (b as ListPara).listItem).map((b) => this.s.element(this.id, b));
  },
  /** The emulator's documents hold no inline images placed through DocumentApp: an empty list. */
  getImages(this: RawSection): object[] {
    blocks(this);
    return [];
  },
  getParent(this: RawSection): object | null {
    blocks(this);
    return null;
  },
  removeFromParent(this: RawSection): object | null {
    if (this.name === 'body') throw exception('Invalid argument: element');
    blocks(this);
    const d = this.s.data(this.id) as DocData;
    delete d[this.name as 'header' | 'footer'];
    this.s.changed(this.id);
    return null;
  },
};

/** Document.addHeader / addFooter: "Adds a document header section, if none exists." */
export function addSection(s: Any, id: string, name: 'header' | 'footer'): object {
  const d = s.data(id) as DocData;
  if (d[name]) throw exception(`Document tab already contains a ${name}.`);
  d[name] = [textPara('')];
  s.changed(id);
  return s.section(id, name);
}

// ---- Body-only: attributes, heading attributes, page margins and size -----------------------------

const TEXT_KEYS: Record<string, string> = {
  BOLD: 'bold', ITALIC: 'italic', UNDERLINE: 'underline', STRIKETHROUGH: 'strikethrough', FONT_FAMILY: 'fontFamily',
  FONT_SIZE: 'fontSize', FOREGROUND_COLOR: 'foregroundColor', BACKGROUND_COLOR: 'backgroundColor', LINK_URL: 'link',
};
const HEADING_STYLE: Record<string, NamedStyleType> = {
  NORMAL: 'NORMAL_TEXT', HEADING1: 'HEADING_1', HEADING2: 'HEADING_2', HEADING3: 'HEADING_3', HEADING4: 'HEADING_4',
  HEADING5: 'HEADING_5', HEADING6: 'HEADING_6', TITLE: 'TITLE', SUBTITLE: 'SUBTITLE',
};
/** The paragraph spacing setHeadingAttributes keeps on a named style (live ignores its text attributes and
 *  alignment: gas-fakes testdocsstyles.js "Heading style and attribute methods"). */
const HEADING_SPACING: Record<string, string> = {
  SPACING_BEFORE: 'spaceAbove', SPACING_AFTER: 'spaceBelow', INDENT_START: 'indentStart', INDENT_END: 'indentEnd',
  INDENT_FIRST_LINE: 'indentFirstLine', LINE_SPACING: 'lineSpacing',
};
const MARGINS: Record<string, keyof DocStyle> = {
  MarginTop: 'marginTop', MarginBottom: 'marginBottom', MarginLeft: 'marginLeft', MarginRight: 'marginRight', PageWidth: 'pageWidth', PageHeight: 'pageHeight',
};

function attributesArg(v: unknown): Record<string, unknown> {
  if (!v || typeof v !== 'object') throw exception('Invalid argument: attributes');
  return v as Record<string, unknown>;
}

export const bodyStyleMethods: Record<string, (this: RawSection, ...a: any[]) => unknown> = { // eslint-disable-line @typescript-eslint/no-explicit-any
  /** Body.setAttributes: the text attributes reach every paragraph and those appended later; live leaves
   *  the paragraphs' alignment as it was (gas-fakes testdocsstyles.js "Body style and attribute methods"). */
  setAttributes(this: RawSection, attributes: unknown) {
    const attrs = attributesArg(attributes);
    const d = this.s.data(this.id) as DocData;
    const text: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(attrs)) if (TEXT_KEYS[k] && v !== null && v !== undefined) text[k] = v;
    for (const el of sectionMethods.getParagraphs.call(this) as Any[]) if (el.getText()) el.editAsText().setAttributes(text);
    const style: Record<string, unknown> = { ...(d.bodyTextStyle ?? {}) };
    for (const [k, v] of Object.entries(text)) style[TEXT_KEYS[k]] = v;
    d.bodyTextStyle = style as DocData['bodyTextStyle'];
    this.s.changed(this.id);
    return this.s.section(this.id, this.name);
  },
  getAttributes(this: RawSection) {
    const d = this.s.data(this.id) as DocData;
    const st = { ...DOC_STYLE_DEFAULTS, ...(d.documentStyle ?? {}) };
    const out: Record<string, unknown> = {
      MARGIN_TOP: st.marginTop, MARGIN_BOTTOM: st.marginBottom, MARGIN_LEFT: st.marginLeft, MARGIN_RIGHT: st.marginRight,
      PAGE_WIDTH: st.pageWidth, PAGE_HEIGHT: st.pageHeight,
    };
    for (const [k, f] of Object.entries(TEXT_KEYS)) out[k] = (d.bodyTextStyle as Any | undefined)?.[f] ?? null;
    return out;
  },
  setHeadingAttributes(this: RawSection, paragraphHeading: unknown, attributes: unknown) {
    const style = HEADING_STYLE[String(paragraphHeading)];
    if (!style) throw exception('Invalid argument: paragraphHeading');
    const attrs = attributesArg(attributes);
    const d = this.s.data(this.id) as DocData;
    const over: Record<string, number> = { ...(d.headingStyles?.[style] ?? {}) };
    for (const [k, v] of Object.entries(attrs)) {
      const f = HEADING_SPACING[k];
      if (!f || typeof v !== 'number') continue;
      over[f] = f === 'lineSpacing' ? Math.round(v * 100) : v;
    }
    d.headingStyles = { ...(d.headingStyles ?? {}), [style]: over };
    this.s.changed(this.id);
    return this.s.section(this.id, this.name);
  },
};
for (const [suffix, key] of Object.entries(MARGINS)) {
  bodyStyleMethods[`get${suffix}`] = function get(this: RawSection) {
    const d = this.s.data(this.id) as DocData;
    return d.documentStyle?.[key] ?? DOC_STYLE_DEFAULTS[key];
  };
  bodyStyleMethods[`set${suffix}`] = function set(this: RawSection, points: unknown) {
    if (typeof points !== 'number' || !Number.isFinite(points) || points < 0) throw exception(`Invalid argument: ${key}`);
    const d = this.s.data(this.id) as DocData;
    d.documentStyle = { ...(d.documentStyle ?? {}), [key]: points };
    this.s.changed(this.id);
    return this.s.section(this.id, this.name);
  };
}
