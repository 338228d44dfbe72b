// DriveApp / DocumentApp members ordinary scripts call beyond the add-on's own needs:
// File.addEditors/addViewers, Folder.setDescription/getDescription/getSize/addEditor(s),
// DriveApp.getFilesByType, Document.addEditor(s)/addViewer(s)/getEditors, Body.appendListItem,
// appendTable, getChild, getChildIndex. Installed by installDriveExtras() from services.ts.
import { installMoreDocumentEnums } from './docEnums';
import { Block, DocData, Para, Table, deleteRange, insertText, layout, normalizeBody, paraText, textPara, updateTextStyle } from './docmodel';
import { re2Unsupported } from './re2';
import { DriveFileRecord, MIME } from './model';
import { gasError as exception } from '../services/util';

type Any = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any


interface ListInfo { glyph: string; nesting: number; listId: string }
type ListPara = Para & { listItem?: ListInfo };

export const GLYPH_TYPE = Object.freeze({
  BULLET: 'BULLET', HOLLOW_BULLET: 'HOLLOW_BULLET', SQUARE_BULLET: 'SQUARE_BULLET', NUMBER: 'NUMBER',
  LATIN_UPPER: 'LATIN_UPPER', LATIN_LOWER: 'LATIN_LOWER', ROMAN_UPPER: 'ROMAN_UPPER', ROMAN_LOWER: 'ROMAN_LOWER',
});

function childIndexError(i: number, n: number): Error {
  return exception(`Child index (${i}) must be less than the number of child elements (${n}).`);
}

export interface DriveClasses {
  File: { prototype: object };
  Folder: { prototype: object };
  DriveApp: { prototype: object };
  Document: { prototype: object };
  Body: { prototype: object };
  DocumentApp: { prototype: object };
  Paragraph: { prototype: object; new (...args: never[]): object };
  /** A File handle for a record id (as DriveApp.getFileById would give). */
  fileHandle(env: unknown, id: string): object;
}

let fileHandle: DriveClasses['fileHandle'] = () => { throw exception('Drive extras are not installed'); };

let ParagraphClass: new (s: Any, id: string, p: Para) => Any = class { constructor() { throw exception('Drive extras are not installed'); } } as never;

/** A ListItem: a paragraph with list properties; the Paragraph members (attributes, copy, getParent…)
 *  come through its prototype, the raw paragraph. */
function listItem(s: Any, id: string, p: ListPara, detached = false): object {
  const raw = new ParagraphClass(s, id, p);
  raw.detached = detached;
  const info = () => { if (!p.listItem) throw exception('The element has been removed from the document.'); return p.listItem; };
  const self = (): object => listItem(s, id, p, detached);
  const changed = () => { if (!detached) s.changed(id); };
  const obj = Object.create(raw) as Any;
  // The Paragraph members inherited from `raw` return this ListItem for chaining (docelements.ts ELEMENT_HANDLE).
  Object.defineProperty(obj, Symbol.for('dealboard.emulator.elementHandle'), { value: self });
  Object.assign(obj, {
    setText: (t: string) => { raw.setText(t); return self(); },
    appendText: (t: string) => { raw.appendText(t); return self(); },
    getType: () => 'LIST_ITEM',
    getGlyphType: () => info().glyph,
    setGlyphType: (g: string) => {
      if (!Object.prototype.hasOwnProperty.call(GLYPH_TYPE, String(g))) throw exception('Invalid argument: glyphType');
      info().glyph = String(g); changed(); return self();
    },
    getNestingLevel: () => info().nesting,
    setNestingLevel: (n: number) => { info().nesting = Math.max(0, Math.floor(Number(n))); changed(); return self(); },
    getListId: () => info().listId,
    setListId: (item: Any) => {
      const other = item && (item.p as ListPara | undefined)?.listItem;
      if (!other) throw exception('Invalid argument: listItem');
      info().listId = other.listId; changed(); return self();
    },
    setHeading: (h: string) => { raw.setHeading(h); return self(); },
    toString: () => 'ListItem',
  });
  return s.env.wrap('ListItem', obj);
}

/** The handle of a block: Table, ListItem or Paragraph; `detached` for a copy() in no document. */
export function blockElement(s: Any, id: string, b: Block, detached = false): object {
  if (b.kind === 'table') return s.table(id, b, detached);
  if ((b as ListPara).listItem) return listItem(s, id, b as ListPara, detached);
  if (!detached) return s.paragraph(id, b);
  const raw = new ParagraphClass(s, id, b);
  raw.detached = true;
  return s.env.wrap('Paragraph', raw);
}

// ---- Text elements and findText -------------------------------------------------------------

function paraLoc(d: DocData, p: Para) {
  const loc = layout(d).paras.find((x) => x.para === p);
  if (!loc) throw exception('The element has been removed from the document.');
  return loc;
}

/** The Text element of a paragraph (paragraph.editAsText(), rangeElement.getElement().asText()). */
function textElement(s: Any, id: string, p: Para): object {
  const d = () => s.data(id) as DocData;
  const len = () => paraText(p).length;
  const span = (a: unknown[], what: string): [number, number, unknown] => {
    if (a.length >= 3) {
      const start = Number(a[0]);
      const end = Number(a[1]);
      if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end >= len() || start > end) throw exception(`Invalid argument: ${what}`);
      return [start, end, a[2]];
    }
    return [0, Math.max(0, len() - 1), a[0]];
  };
  const style = (field: string, value: unknown, a: unknown[]): object => {
    if (len() === 0) return self();
    const [start, end] = span(a, field);
    const base = paraLoc(d(), p).start;
    updateTextStyle(d(), { startIndex: base + start, endIndex: base + end + 1 }, { [field]: value }, field);
    s.changed(id);
    return self();
  };
  const runAt = (offset: number) => {
    let at = 0;
    for (const r of p.runs) { const n = (r.text ?? '').length; if (offset < at + n) return r; at += n; }
    return undefined;
  };
  const self = (): object => textElement(s, id, p);
  return s.env.wrap('Text', {
    getText: () => paraText(p),
    getType: () => 'TEXT',
    asText: () => self(),
    editAsText: () => self(),
    getParent: () => s.paragraph(id, p),
    setBold: (...a: unknown[]) => { const v = a[a.length - 1]; return style('bold', Boolean(v), a.length >= 3 ? a : [v]); },
    setItalic: (...a: unknown[]) => { const v = a[a.length - 1]; return style('italic', Boolean(v), a.length >= 3 ? a : [v]); },
    setUnderline: (...a: unknown[]) => { const v = a[a.length - 1]; return style('underline', Boolean(v), a.length >= 3 ? a : [v]); },
    setFontSize: (...a: unknown[]) => { const v = Number(a[a.length - 1]); return style('fontSize', { magnitude: v, unit: 'PT' }, a.length >= 3 ? a : [v]); },
    setLinkUrl: (...a: unknown[]) => { const v = a[a.length - 1]; return style('link', v === null ? null : { url: String(v) }, a.length >= 3 ? a : [v]); },
    setStrikethrough: (...a: unknown[]) => { const v = a[a.length - 1]; return style('strikethrough', Boolean(v), a.length >= 3 ? a : [v]); },
    setFontFamily: (...a: unknown[]) => { const v = a[a.length - 1]; return style('weightedFontFamily', v === null ? null : { fontFamily: String(v) }, a.length >= 3 ? a : [v]); },
    setForegroundColor: (...a: unknown[]) => { const v = a[a.length - 1]; return style('foregroundColor', colorArg(v, 'color'), a.length >= 3 ? a : [v]); },
    setBackgroundColor: (...a: unknown[]) => { const v = a[a.length - 1]; return style('backgroundColor', colorArg(v, 'color'), a.length >= 3 ? a : [v]); },
    isStrikethrough: (offset?: number) => Boolean(runAt(offset ?? 0)?.strikethrough),
    getFontFamily: (offset?: number) => uniform(p, 'fontFamily', offset),
    getFontSize: (offset?: number) => uniform(p, 'fontSize', offset),
    getForegroundColor: (offset?: number) => uniform(p, 'foregroundColor', offset),
    getBackgroundColor: (offset?: number) => uniform(p, 'backgroundColor', offset),
    getAttributes: (offset?: number) => textAttributes(p, offset),
    setAttributes: (...a: unknown[]) => {
      const attrs = a[a.length - 1];
      if (!attrs || typeof attrs !== 'object') throw exception('Invalid argument: attributes');
      const range = a.length >= 3 ? [a[0], a[1]] : [];
      for (const [key, value] of Object.entries(attrs as Any)) {
        const setter = TEXT_ATTRIBUTE_SETTERS[key];
        if (setter) (self() as Any)[setter](...range, value);
      }
      return self();
    },
    isBold: (offset?: number) => Boolean(runAt(offset ?? 0)?.bold),
    isItalic: (offset?: number) => Boolean(runAt(offset ?? 0)?.italic),
    isUnderline: (offset?: number) => Boolean(runAt(offset ?? 0)?.underline),
    getLinkUrl: (offset?: number) => runAt(offset ?? 0)?.link ?? null,
    insertText: (offset: number, text: string) => {
      if (!Number.isInteger(offset) || offset < 0 || offset > len()) throw exception('Invalid argument: offset');
      insertText(d(), paraLoc(d(), p).start + offset, String(text));
      s.changed(id);
      return self();
    },
    appendText: (text: string) => { insertText(d(), paraLoc(d(), p).end - 1, String(text)); s.changed(id); return self(); },
    deleteText: (start: number, endInclusive: number) => {
      const [a, b] = span([start, endInclusive, null], 'endOffsetInclusive');
      const base = paraLoc(d(), p).start;
      deleteRange(d(), base + a, base + b + 1);
      s.changed(id);
      return self();
    },
    setText: (text: string) => { (s.paragraph(id, p) as Any).setText(text); return self(); },
    findText: (pattern: string, from?: Any) => findIn(s, id, [p], pattern, from),
    toString: () => 'Text',
  });
}

/** Attribute name → the Text setter Text.setAttributes uses for it ("each property name corresponds
 *  to an item in the DocumentApp.Attribute enumeration"). */
const TEXT_ATTRIBUTE_SETTERS: Record<string, string> = {
  BOLD: 'setBold', ITALIC: 'setItalic', UNDERLINE: 'setUnderline', STRIKETHROUGH: 'setStrikethrough', FONT_FAMILY: 'setFontFamily',
  FONT_SIZE: 'setFontSize', FOREGROUND_COLOR: 'setForegroundColor', BACKGROUND_COLOR: 'setBackgroundColor', LINK_URL: 'setLinkUrl',
};

/** "#RRGGBB" or "#RGB" as the reference's colour arguments take them (null clears); otherwise Invalid argument. */
function colorArg(v: unknown, what: string): unknown {
  if (v === null) return null;
  const m = /^#([0-9a-f]{6}|[0-9a-f]{3})$/i.exec(String(v));
  if (!m) throw exception(`Invalid argument: ${what}`);
  const h = m[1].length === 3 ? m[1].split('').map((c) => c + c).join('') : m[1];
  return { color: { rgbColor: { red: parseInt(h.slice(0, 2), 16) / 255, green: parseInt(h.slice(2, 4), 16) / 255, blue: parseInt(h.slice(4, 6), 16) / 255 } } };
}

/** A text attribute at an offset, or over the whole text: "null if the element contains multiple values". */
export function uniform(p: Para, key: keyof Para['runs'][number], offset?: number): unknown {
  const runs = p.runs.filter((r) => !r.image && r.text.length);
  if (offset !== undefined && offset !== null) {
    let at = 0;
    for (const r of runs) { if (offset < at + r.text.length) return r[key] ?? null; at += r.text.length; }
    return null;
  }
  if (!runs.length) return (p.nl as Any | undefined)?.[key as string] ?? null;
  const first = runs[0][key] ?? null;
  return runs.every((r) => (r[key] ?? null) === first) ? first : null;
}

/** The text attributes of a paragraph's text (null where unset or mixed), keyed by DocumentApp.Attribute names. */
export function textAttributes(p: Para, offset?: number): Record<string, unknown> {
  const bool = (k: 'bold' | 'italic' | 'underline' | 'strikethrough') => { const v = uniform(p, k, offset); return v === null ? null : Boolean(v); };
  return {
    BOLD: bool('bold'), ITALIC: bool('italic'), UNDERLINE: bool('underline'), STRIKETHROUGH: bool('strikethrough'),
    FONT_FAMILY: uniform(p, 'fontFamily', offset), FONT_SIZE: uniform(p, 'fontSize', offset), FOREGROUND_COLOR: uniform(p, 'foregroundColor', offset),
    BACKGROUND_COLOR: uniform(p, 'backgroundColor', offset), LINK_URL: uniform(p, 'link', offset),
  };
}

const FROM = Symbol('emulator.rangeElementAt');

function rangeElement(s: Any, id: string, p: Para, start: number, endInclusive: number): object {
  const el = s.env.wrap('RangeElement', {
    getElement: () => textElement(s, id, p),
    getStartOffset: () => start,
    getEndOffsetInclusive: () => endInclusive,
    isPartial: () => start > 0 || endInclusive < paraText(p).length - 1,
    toString: () => 'RangeElement',
  }) as Any;
  Object.defineProperty(el, FROM, { value: { p, end: endInclusive + 1 } });
  return el;
}

/** "Searches the contents of the element for the specified text pattern using regular expressions." */
function findIn(s: Any, id: string, paras: Para[], pattern: string, from?: Any): object | null {
  const src = String(pattern);
  if (re2Unsupported(src)) throw exception('Invalid argument: searchPattern');
  let re: RegExp;
  try { re = new RegExp(src, 'g'); } catch { throw exception('Invalid argument: searchPattern'); }
  const after = from ? ((from as unknown as Record<symbol, unknown>)[FROM] as { p: Para; end: number } | undefined) : undefined;
  let started = !after;
  for (const p of paras) {
    let offset = 0;
    if (!started) {
      if (p !== after!.p) continue;
      started = true;
      offset = after!.end;
    }
    re.lastIndex = offset;
    const m = re.exec(paraText(p));
    if (m && m[0].length > 0) return rangeElement(s, id, p, m.index, m.index + m[0].length - 1);
  }
  return null;
}

function allParas(d: DocData): Para[] {
  return layout(d).paras.map((x) => x.para);
}

function element(s: Any, id: string, b: Block): object {
  return blockElement(s, id, b);
}

function addUsers(self: Any, emails: unknown, add: string): object {
  if (!Array.isArray(emails)) throw exception('Invalid argument: emailAddresses');
  for (const e of emails) self[add](String(e));
  return self.h.file ? self.h.file(self.id) : self;
}

function removeUser(self: Any, user: unknown, roles: string[]): void {
  const rec = self.h.record(self.id) as DriveFileRecord;
  const e = (user && typeof user === 'object' && typeof (user as Any).getEmail === 'function' ? (user as Any).getEmail() : String(user)).trim().toLowerCase();
  rec.permissions = rec.permissions.filter((p) => !(p.type === 'user' && p.emailAddress === e && roles.includes(p.role)));
  self.h.env.touch(rec);
}

/** The wrapped handle of this File or Folder (methods run on the raw object). */
function handle(self: Any): object {
  const rec = self.h.env.model.file(self.id) as DriveFileRecord | undefined;
  return rec && rec.mimeType === MIME.folder ? self.h.folder(self.id) : self.h.file(self.id);
}

function starredOf(rec: DriveFileRecord): boolean { return Boolean((rec as DriveFileRecord & { starred?: boolean }).starred); }

const sharingExtras = {
  removeEditor(this: Any, user: unknown): object { removeUser(this, user, ['writer']); return handle(this); },
  removeViewer(this: Any, user: unknown): object { removeUser(this, user, ['reader', 'commenter']); return handle(this); },
  removeCommenter(this: Any, user: unknown): object { removeUser(this, user, ['commenter']); return handle(this); },
  revokePermissions(this: Any, user: unknown): object { removeUser(this, user, ['writer', 'reader', 'commenter']); return handle(this); },
  isStarred(this: Any): boolean { return starredOf(this.h.record(this.id)); },
  setStarred(this: Any, starred: boolean): object {
    // My Drive's own metadata cannot be changed (live: "Access denied: DriveApp.", gas-fakes testdrive.js).
    if (this.id === this.h.env.model.rootId) throw exception('Access denied: DriveApp.');
    const rec = this.h.record(this.id) as DriveFileRecord & { starred?: boolean };
    rec.starred = Boolean(starred);
    return handle(this);
  },
  isShareableByEditors(this: Any): boolean { this.h.record(this.id); return true; },
};

// ---- DriveApp.searchFiles / searchFolders: Drive v2 query language, the common clauses ---------------

type Test = (r: DriveFileRecord) => boolean;

function unquote(v: string): string {
  return v.slice(1, -1).replace(/\\'/g, "'").replace(/\\\\/g, '\\');
}

/** "title contains 'x' and mimeType = '…' and trashed = false and 'folderId' in parents" → tests. */
export function parseDriveQuery(query: string, rootId: string): Test[] {
  const clauses = String(query).split(/\s+and\s+/i).map((c) => c.trim()).filter(Boolean);
  return clauses.map((c): Test => {
    let m = /^(title|name)\s*(=|!=|contains)\s*('(?:[^'\\]|\\.)*')$/i.exec(c);
    if (m) {
      const v = unquote(m[3]);
      const op = m[2].toLowerCase();
      return (r) => (op === 'contains' ? r.name.toLowerCase().includes(v.toLowerCase()) : op === '=' ? r.name === v : r.name !== v);
    }
    m = /^mimeType\s*(=|!=)\s*('(?:[^'\\]|\\.)*')$/i.exec(c);
    if (m) { const v = unquote(m[2]); return m[1] === '=' ? (r) => r.mimeType === v : (r) => r.mimeType !== v; }
    m = /^trashed\s*=\s*(true|false)$/i.exec(c);
    if (m) { const v = m[1].toLowerCase() === 'true'; return (r) => r.trashed === v; }
    m = /^starred\s*=\s*(true|false)$/i.exec(c);
    if (m) { const v = m[1].toLowerCase() === 'true'; return (r) => starredOf(r) === v; }
    m = /^('(?:[^'\\]|\\.)*')\s+in\s+parents$/i.exec(c);
    if (m) { const v = unquote(m[1]); const id = v === 'root' ? rootId : v; return (r) => r.parents.includes(id); }
    m = /^fullText\s+contains\s+('(?:[^'\\]|\\.)*')$/i.exec(c);
    if (m) { const v = unquote(m[1]).toLowerCase(); return (r) => r.name.toLowerCase().includes(v) || (r.description ?? '').toLowerCase().includes(v); }
    throw exception(`Not implemented in the Dealboard emulator: DriveApp.searchFiles query clause "${c}" (supported: title/name =, !=, contains; mimeType =, !=; trashed; starred; 'id' in parents; fullText contains)`);
  });
}

function search(self: Any, query: string, folders: boolean, parent?: string): object {
  const env = self.h.env;
  const tests = parseDriveQuery(query, env.model.rootId);
  const hasTrashed = /\btrashed\s*=/i.test(String(query));
  const ids = env.model.listFiles()
    .filter((r: DriveFileRecord) => env.visible(r) && (r.mimeType === MIME.folder) === folders && (hasTrashed || !r.trashed)
      && (parent === undefined || r.parents.includes(parent)) && tests.every((t) => t(r)))
    .map((r: DriveFileRecord) => r.id);
  return folders ? self.h.folderIterator(ids) : self.h.fileIterator(ids);
}

const fileExtras = {
  addEditors(this: Any, emails: string[]) { return addUsers(this, emails, 'addEditor'); },
  addViewers(this: Any, emails: string[]) { return addUsers(this, emails, 'addViewer'); },
  addCommenters(this: Any, emails: string[]) { return addUsers(this, emails, 'addCommenter'); },
};

function folderRec(self: Any): DriveFileRecord {
  const rec = self.h.record(self.id) as DriveFileRecord;
  if (rec.mimeType !== MIME.folder) throw exception('No item with the given ID could be found, or you do not have permission to access it.');
  return rec;
}

const folderExtras = {
  getDescription(this: Any): string | null { return this.id === this.h.env.model.rootId ? null : folderRec(this).description ?? null; },
  setDescription(this: Any, description: string): object {
    const rec = folderRec(this);
    rec.description = String(description);
    this.h.env.touch(rec);
    return this.h.folder(this.id);
  },
  /** "Gets the number of bytes used to store the folder in Drive." Folders themselves take none. */
  getSize(this: Any): number { if (this.id !== this.h.env.model.rootId) folderRec(this); return 0; },
  addEditor(this: Any, email: string): object { (this.h.file(this.id) as Any).addEditor(email); return this.h.folder(this.id); },
  addViewer(this: Any, email: string): object { (this.h.file(this.id) as Any).addViewer(email); return this.h.folder(this.id); },
  addEditors(this: Any, emails: string[]): object { for (const e of emails ?? []) (this.h.file(this.id) as Any).addEditor(e); return this.h.folder(this.id); },
  addViewers(this: Any, emails: string[]): object { for (const e of emails ?? []) (this.h.file(this.id) as Any).addViewer(e); return this.h.folder(this.id); },
  getEditors(this: Any): object[] { return (this.h.file(this.id) as Any).getEditors(); },
  getViewers(this: Any): object[] { return (this.h.file(this.id) as Any).getViewers(); },
  searchFiles(this: Any, params: string): object { this.getId(); return search(this, params, false, this.id); },
  searchFolders(this: Any, params: string): object { this.getId(); return search(this, params, true, this.id); },
  getOwner(this: Any): object { return (this.h.file(this.id) as Any).getOwner(); },
  getFilesByType(this: Any, mimeType: string): object {
    this.getId();
    return this.h.fileIterator(this.h.childIds(this.id, false).filter((fid: string) => this.h.env.model.file(fid)?.mimeType === String(mimeType)));
  },
};

const driveAppExtras = {
  searchFiles(this: Any, params: string): object { return search(this, params, false); },
  searchFolders(this: Any, params: string): object { return search(this, params, true); },
  getTrashedFiles(this: Any): object { return search(this, 'trashed = true', false); },
  getTrashedFolders(this: Any): object { return search(this, 'trashed = true', true); },
  getFolders(this: Any): object {
    const env = this.h.env;
    return this.h.folderIterator(env.model.listFiles()
      .filter((r: DriveFileRecord) => env.visible(r) && !r.trashed && r.mimeType === MIME.folder).map((r: DriveFileRecord) => r.id));
  },
  getFilesByType(this: Any, mimeType: string): object {
    const env = this.h.env;
    return this.h.fileIterator(env.model.listFiles()
      .filter((r: DriveFileRecord) => env.visible(r) && !r.trashed && r.mimeType === String(mimeType)).map((r: DriveFileRecord) => r.id));
  },
};

function docFile(self: Any): Any {
  self.s.record(self.id);
  return fileHandle(self.s.env, self.id) as Any;
}

function withOwner(file: Any, users: Any[]): object[] {
  const owner = file.getOwner() as Any | null;
  if (!owner || users.some((u) => u.getEmail() === owner.getEmail())) return users;
  return [owner, ...users];
}

const documentExtras = {
  addEditor(this: Any, email: string): object { docFile(this).addEditor(email); return this.s.document(this.id); },
  addEditors(this: Any, emails: string[]): object { for (const e of emails ?? []) docFile(this).addEditor(e); return this.s.document(this.id); },
  addViewer(this: Any, email: string): object { docFile(this).addViewer(email); return this.s.document(this.id); },
  addViewers(this: Any, emails: string[]): object { for (const e of emails ?? []) docFile(this).addViewer(e); return this.s.document(this.id); },
  /** Document's lists name the owner too (live: after every editor and viewer is removed, getEditors and
   *  getViewers each still hold one user, the owner — gas-fakes testdocs.js "Document basic methods"). */
  getEditors(this: Any): object[] { return withOwner(docFile(this), docFile(this).getEditors()); },
  removeEditor(this: Any, user: unknown): object { docFile(this).removeEditor(user); return this.s.document(this.id); },
  removeViewer(this: Any, user: unknown): object { docFile(this).removeViewer(user); return this.s.document(this.id); },
  getViewers(this: Any): object[] { return withOwner(docFile(this), docFile(this).getViewers()); },
};

function insertBlock(self: Any, childIndex: number, block: Block): void {
  const d = self.s.data(self.id) as DocData;
  if (!Number.isInteger(childIndex) || childIndex < 0 || childIndex > d.body.length) throw childIndexError(childIndex, d.body.length + 1);
  d.body.splice(childIndex, 0, block);
  d.body = normalizeBody(d.body);
  self.s.changed(self.id);
}

function tableOf(cells: unknown): Table {
  const grid = cells === undefined ? [['']] : cells;
  if (!Array.isArray(grid) || grid.some((r) => !Array.isArray(r))) throw exception('Invalid argument: cells');
  const width = Math.max(1, ...grid.map((r) => (r as unknown[]).length));
  return {
    kind: 'table',
    rows: grid.map((r) => ({ cells: Array.from({ length: width }, (_, j) => ({ content: [textPara(String((r as unknown[])[j] ?? ''))] })) })),
  };
}

/** The body index of a Paragraph/ListItem/Table handle (matched by its text and kind, then by identity of text). */
function indexOfChild(self: Any, child: Any): number {
  const d = self.s.data(self.id) as DocData;
  if (!child || typeof child.getText !== 'function') return -1;
  const text = child.getText();
  const type = typeof child.getType === 'function' ? String(child.getType()) : '';
  return d.body.findIndex((b: Block) => {
    const el = element(self.s, self.id, b) as Any;
    return el.getText() === text && (!type || String(el.getType()) === type);
  });
}

const bodyExtras = {
  getChild(this: Any, childIndex: number): object {
    const d = this.s.data(this.id);
    const b = d.body[childIndex];
    if (!Number.isInteger(childIndex) || childIndex < 0 || !b) throw childIndexError(childIndex, d.body.length);
    return element(this.s, this.id, b);
  },
  getChildIndex(this: Any, child: Any): number {
    const i = indexOfChild(this, child);
    if (i < 0) throw exception('Element does not contain the specified child element.');
    return i;
  },
  getListItems(this: Any): object[] {
    return this.s.data(this.id).body.filter((b: Block) => b.kind === 'paragraph' && (b as ListPara).listItem).map((b: ListPara) => listItem(this.s, this.id, b));
  },
  appendListItem(this: Any, text: unknown): object {
    const d = this.s.data(this.id);
    const prev = [...d.body].reverse().find((b: Block) => b.kind === 'paragraph') as ListPara | undefined;
    const content = text && typeof text === 'object' && typeof (text as Any).getText === 'function' ? String((text as Any).getText()) : String(text ?? '');
    const p = textPara(content) as ListPara;
    // Consecutive list items share a list (one listId), as in the Docs editor.
    p.listItem = prev && prev.listItem ? { ...prev.listItem } : { glyph: 'BULLET', nesting: 0, listId: `kix.${this.s.env.model.newPermissionId().slice(0, 12)}` };
    d.body.push(p);
    d.body = normalizeBody(d.body);
    this.s.changed(this.id);
    return listItem(this.s, this.id, p);
  },
  findText(this: Any, pattern: string, from?: Any): object | null {
    return findIn(this.s, this.id, allParas(this.s.data(this.id)), pattern, from);
  },
  editAsText(this: Any): object {
    const d = this.s.data(this.id) as DocData;
    const first = d.body.find((b) => b.kind === 'paragraph') as Para;
    return textElement(this.s, this.id, first);
  },
  getType(this: Any): string { return 'BODY_SECTION'; },
  setText(this: Any, text: string): object {
    const d = this.s.data(this.id) as DocData;
    d.body = normalizeBody(String(text).split(/\r?\n|\r/).map((line) => textPara(line)));
    this.s.changed(this.id);
    return this.s.body(this.id);
  },
  insertParagraph(this: Any, childIndex: number, text: unknown): object {
    const p = textPara(String(text && typeof text === 'object' && typeof (text as Any).getText === 'function' ? (text as Any).getText() : text ?? ''));
    insertBlock(this, childIndex, p);
    return this.s.paragraph(this.id, p);
  },
  insertListItem(this: Any, childIndex: number, text: unknown): object {
    const p = textPara(String(text ?? '')) as ListPara;
    const d = this.s.data(this.id) as DocData;
    const near = (d.body[childIndex - 1] ?? d.body[childIndex]) as ListPara | undefined;
    p.listItem = near && near.listItem ? { ...near.listItem } : { glyph: 'BULLET', nesting: 0, listId: `kix.${this.s.env.model.newPermissionId().slice(0, 12)}` };
    insertBlock(this, childIndex, p);
    return listItem(this.s, this.id, p);
  },
  insertTable(this: Any, childIndex: number, cells?: unknown): object {
    const t = tableOf(cells);
    insertBlock(this, childIndex, t);
    return this.s.table(this.id, t);
  },
  removeChild(this: Any, child: Any): object {
    const d = this.s.data(this.id) as DocData;
    const i = indexOfChild(this, child);
    if (i < 0) throw exception('Element does not contain the specified child element.');
    if (d.body.length === 1) throw exception("Can't remove the last paragraph in a document section.");
    d.body.splice(i, 1);
    d.body = normalizeBody(d.body);
    this.s.changed(this.id);
    return this.s.body(this.id);
  },
  appendTable(this: Any, cells?: unknown): object {
    const d = this.s.data(this.id);
    const t = tableOf(cells);
    d.body.push(t);
    d.body = normalizeBody(d.body);
    this.s.changed(this.id);
    return this.s.table(this.id, t);
  },
};

const paragraphExtras = {
  editAsText(this: Any): object { return textElement(this.s, this.id, this.p); },
  findText(this: Any, pattern: string, from?: Any): object | null { return findIn(this.s, this.id, [this.p], pattern, from); },
  removeFromParent(this: Any): object {
    const d = this.s.data(this.id) as DocData;
    const loc = paraLoc(d, this.p);
    if (loc.container === d.body && d.body.length === 1) throw exception("Can't remove the last paragraph in a document section.");
    loc.container.splice(loc.pos, 1);
    if (loc.container === d.body) d.body = normalizeBody(d.body);
    this.s.changed(this.id);
    return this.s.paragraph(this.id, this.p);
  },
  /** Replaces every match in this paragraph (matched once on the text as it was, applied from the end). */
  replaceText(this: Any, searchPattern: string, replacement: string): object {
    const src = String(searchPattern);
    if (re2Unsupported(src)) throw exception('Invalid argument: searchPattern');
    let re: RegExp;
    try { re = new RegExp(src, 'g'); } catch { throw exception('Invalid argument: searchPattern'); }
    const hits = [...paraText(this.p).matchAll(re)].filter((m) => m[0].length > 0);
    const t = textElement(this.s, this.id, this.p) as Any;
    for (const m of hits.reverse()) {
      t.deleteText(m.index as number, (m.index as number) + m[0].length - 1);
      if (String(replacement)) t.insertText(m.index as number, String(replacement));
    }
    return this.s.paragraph(this.id, this.p);
  },
};

function define(proto: object, methods: Record<string, unknown>): void {
  for (const [name, fn] of Object.entries(methods)) {
    if (!Object.prototype.hasOwnProperty.call(proto, name)) Object.defineProperty(proto, name, { value: fn, writable: true, configurable: true });
  }
}

let installed = false;
export function installDriveExtras(c: DriveClasses): void {
  if (installed) return;
  installed = true;
  fileHandle = c.fileHandle;
  ParagraphClass = c.Paragraph as unknown as typeof ParagraphClass;
  define(c.File.prototype, fileExtras);
  define(c.File.prototype, sharingExtras);
  define(c.Folder.prototype, sharingExtras);
  define(c.Folder.prototype, folderExtras);
  define(c.DriveApp.prototype, driveAppExtras);
  define(c.Document.prototype, documentExtras);
  define(c.Body.prototype, bodyExtras);
  define(c.Paragraph.prototype, paragraphExtras);
  if (!Object.prototype.hasOwnProperty.call(c.DocumentApp.prototype, 'GlyphType')) {
    Object.defineProperty(c.DocumentApp.prototype, 'GlyphType', { value: GLYPH_TYPE, enumerable: true });
  }
  installMoreDocumentEnums(c.DocumentApp);
}
