// DriveApp / DocumentApp members ordinary scripts call beyond the add-on's own needs:
// File.addEditors/addViewers, Folder.setDescription/getDescription/getSize/addEditor(s),
// DriveApp.getFilesByType, Document.addEditor(s)/addViewer(s)/getEditors, Body.appendListItem,
// appendTable, getChild, getChildIndex. Installed by installDriveExtras() from services.ts.
import { Block, Para, Table, normalizeBody, textPara } from './docmodel';
import { DriveFileRecord, MIME } from './model';

type Any = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

function exception(message: string): Error {
  const e = new Error(message);
  e.name = 'Exception';
  return e;
}

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
  /** A File handle for a record id (as DriveApp.getFileById would give). */
  fileHandle(env: unknown, id: string): object;
}

let fileHandle: DriveClasses['fileHandle'] = () => { throw exception('Drive extras are not installed'); };

function listItem(s: Any, id: string, p: ListPara): object {
  const para = s.paragraph(id, p) as Any;
  const info = () => { if (!p.listItem) throw exception('The element has been removed from the document.'); return p.listItem; };
  const self = (): object => listItem(s, id, p);
  return s.env.wrap('ListItem', {
    getText: () => para.getText(),
    setText: (t: string) => { para.setText(t); return self(); },
    appendText: (t: string) => { para.appendText(t); return self(); },
    getType: () => 'LIST_ITEM',
    getGlyphType: () => info().glyph,
    setGlyphType: (g: string) => {
      if (!Object.prototype.hasOwnProperty.call(GLYPH_TYPE, String(g))) throw exception('Invalid argument: glyphType');
      info().glyph = String(g); s.changed(id); return self();
    },
    getNestingLevel: () => info().nesting,
    setNestingLevel: (n: number) => { info().nesting = Math.max(0, Math.floor(Number(n))); s.changed(id); return self(); },
    getListId: () => info().listId,
    getHeading: () => para.getHeading(),
    setHeading: (h: string) => { para.setHeading(h); return self(); },
    toString: () => 'ListItem',
  });
}

function element(s: Any, id: string, b: Block): object {
  if (b.kind === 'table') return s.table(id, b);
  if ((b as ListPara).listItem) return listItem(s, id, b as ListPara);
  return s.paragraph(id, b);
}

function addUsers(self: Any, emails: unknown, add: string): object {
  if (!Array.isArray(emails)) throw exception('Invalid argument: emailAddresses');
  for (const e of emails) self[add](String(e));
  return self.h.file ? self.h.file(self.id) : self;
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
  getFilesByType(this: Any, mimeType: string): object {
    this.getId();
    return this.h.fileIterator(this.h.childIds(this.id, false).filter((fid: string) => this.h.env.model.file(fid)?.mimeType === String(mimeType)));
  },
};

const driveAppExtras = {
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

const documentExtras = {
  addEditor(this: Any, email: string): object { docFile(this).addEditor(email); return this.s.document(this.id); },
  addEditors(this: Any, emails: string[]): object { for (const e of emails ?? []) docFile(this).addEditor(e); return this.s.document(this.id); },
  addViewer(this: Any, email: string): object { docFile(this).addViewer(email); return this.s.document(this.id); },
  addViewers(this: Any, emails: string[]): object { for (const e of emails ?? []) docFile(this).addViewer(e); return this.s.document(this.id); },
  getEditors(this: Any): object[] { return docFile(this).getEditors(); },
  getViewers(this: Any): object[] { return docFile(this).getViewers(); },
};

const bodyExtras = {
  getChild(this: Any, childIndex: number): object {
    const d = this.s.data(this.id);
    const b = d.body[childIndex];
    if (!Number.isInteger(childIndex) || childIndex < 0 || !b) throw childIndexError(childIndex, d.body.length);
    return element(this.s, this.id, b);
  },
  getChildIndex(this: Any, child: Any): number {
    const d = this.s.data(this.id);
    const target = child && (child.getText ? child.getText() : null);
    const i = d.body.findIndex((b: Block) => (element(this.s, this.id, b) as Any).getText() === target);
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
  appendTable(this: Any, cells?: unknown): object {
    const d = this.s.data(this.id);
    const grid = cells === undefined ? [['']] : cells;
    if (!Array.isArray(grid) || grid.some((r) => !Array.isArray(r))) throw exception('Invalid argument: cells');
    const width = Math.max(1, ...grid.map((r) => (r as unknown[]).length));
    const t: Table = {
      kind: 'table',
      rows: grid.map((r) => ({ cells: Array.from({ length: width }, (_, j) => ({ content: [textPara(String((r as unknown[])[j] ?? ''))] })) })),
    };
    d.body.push(t);
    d.body = normalizeBody(d.body);
    this.s.changed(this.id);
    return this.s.table(this.id, t);
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
  define(c.File.prototype, fileExtras);
  define(c.Folder.prototype, folderExtras);
  define(c.DriveApp.prototype, driveAppExtras);
  define(c.Document.prototype, documentExtras);
  define(c.Body.prototype, bodyExtras);
  if (!Object.prototype.hasOwnProperty.call(c.DocumentApp.prototype, 'GlyphType')) {
    Object.defineProperty(c.DocumentApp.prototype, 'GlyphType', { value: GLYPH_TYPE, enumerable: true });
  }
}
