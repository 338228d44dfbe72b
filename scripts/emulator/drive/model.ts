// Plain in-memory data of one user's Drive: file records, the content of Google Docs, ids from
// a seeded generator, the daily docs-create quota. No Apps Script objects here; services.ts
// builds those on top. Uncounted helpers for tests and the playground live here too.

import {
  BatchContext, DocData, applyRequests, cloneDoc, deleteRange, docTables, docText, documentJson, emptyDoc, insertText,
  layout, paraText, replaceAllText, textPara, NamedStyleType, normalizeBody,
} from './docmodel';
import { docToHtml, htmlToBlocks, textToBlocks } from './html';
import { docToPdf } from './pdf';

export const MIME = {
  folder: 'application/vnd.google-apps.folder',
  document: 'application/vnd.google-apps.document',
  spreadsheet: 'application/vnd.google-apps.spreadsheet',
  pdf: 'application/pdf',
  html: 'text/html',
  text: 'text/plain',
} as const;

export interface PermissionRecord {
  id: string;
  type: 'user' | 'group' | 'domain' | 'anyone';
  role: 'owner' | 'organizer' | 'fileOrganizer' | 'writer' | 'commenter' | 'reader';
  emailAddress?: string;
  domain?: string;
  allowFileDiscovery?: boolean;
}

export interface DriveFileRecord {
  id: string;
  name: string;
  mimeType: string;
  description?: string;
  parents: string[];
  /** RFC 3339 */
  createdTime: string;
  modifiedTime: string;
  /** Owner e-mail addresses. */
  owners: string[];
  permissions: PermissionRecord[];
  trashed: boolean;
  /** Content revisions (1 at creation, +1 per content change). */
  revisions: number;
  /** Binary content (not for Docs and folders). */
  content?: Uint8Array;
  /** Under the drive.file scope only files the add-on created are visible to it. */
  createdByApp: boolean;
}

/** What editDocumentAsOwner hands to its callback: edits as a person in the Docs editor. */
export interface DocModelHandle {
  readonly id: string;
  title(): string;
  text(): string;
  /** Every paragraph in document order (table cells included). */
  paragraphs(): { text: string; style: NamedStyleType; startIndex: number; endIndex: number; inTable: boolean }[];
  /** Replaces the text of paragraph i (as listed by paragraphs()). */
  setParagraphText(i: number, text: string): void;
  appendParagraph(text: string, style?: NamedStyleType): void;
  insertText(index: number, text: string): void;
  deleteRange(startIndex: number, endIndex: number): void;
  replaceAll(find: string, replace: string, matchCase?: boolean): number;
  /** Applies Docs API requests (as batchUpdate does; uncounted, no quota). */
  batchUpdate(requests: object[]): { replies: object[] };
  /** The Docs API JSON of the document. */
  json(): Record<string, unknown>;
}

export interface DriveModelInit {
  seed?: number;
  /** Google Docs created per day (create, copy, conversion); consumer accounts: 250. */
  docsCreatePerDay?: number;
  /** 'drive.file' (default): only files the add-on created are visible to the services. */
  scope?: 'drive.file' | 'drive';
  /** Owner of files created through the model helpers. */
  owner?: string;
}

interface ModelJSON {
  kind: 'dealboard-emulator-drive';
  version: 1;
  seed: number;
  counter: number;
  rootId: string;
  docsCreatePerDay: number;
  scope: 'drive.file' | 'drive';
  owner: string;
  quota: { day: string; count: number };
  reserved?: string[];
  files: (Omit<DriveFileRecord, 'content'> & { content?: string })[];
  docs: Record<string, DocData>;
}

const ID_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

function mix(a: number, b: number): number {
  let h = (a ^ Math.imul(b + 0x9e3779b9, 0x85ebca6b)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d) >>> 0;
  h = Math.imul(h ^ (h >>> 15), 0x846ca68b) >>> 0;
  return (h ^ (h >>> 16)) >>> 0;
}

export class DriveModel {
  readonly seed: number;
  rootId: string;
  docsCreatePerDay: number;
  scope: 'drive.file' | 'drive';
  owner: string;
  /**
   * Where Docs and Drive links point. null: Google's own hosts (tests, bench). The playground
   * sets its own origin so that a generated document opens there (not persisted: the port may
   * change between runs, and the serving host decides).
   */
  linkBase: string | null = null;
  /** Time source for model helpers (the services attach the virtual clock). */
  now: () => Date = () => new Date('2026-01-01T00:00:00Z');
  private counter = 0;
  private files = new Map<string, DriveFileRecord>();
  private docs = new Map<string, DocData>();
  private quota = { day: '', count: 0 };
  /** Ids handed out by files.generateIds and not used yet: only these may be given to create or copy. */
  private reserved = new Set<string>();

  constructor(init: DriveModelInit = {}) {
    this.seed = (init.seed ?? 1) >>> 0;
    this.docsCreatePerDay = init.docsCreatePerDay ?? 250;
    this.scope = init.scope ?? 'drive.file';
    this.owner = init.owner ?? 'owner@studio.test';
    this.rootId = this.newId('0A', 19);
  }

  // ---- ids ------------------------------------------------------------------------------

  private token(length: number): string {
    let out = '';
    let h = mix(this.seed, ++this.counter);
    for (let i = 0; i < length; i++) {
      if (i % 5 === 0) h = mix(h, i + this.counter * 131);
      out += ID_CHARS[h & 63];
      h >>>= 6;
    }
    return out;
  }

  newId(prefix: string, length: number): string {
    return prefix + this.token(length - prefix.length);
  }

  /** Docs ids are 44 characters, other Drive ids 33, as in Drive. */
  newFileId(mimeType: string): string {
    return mimeType === MIME.document ? this.newId('1', 44) : this.newId('1', 33);
  }

  /** files.generateIds: fresh ids that a later create or copy may take. */
  generateIds(count: number): string[] {
    const ids: string[] = [];
    for (let i = 0; i < count; i++) {
      const id = this.newId('1', 33);
      this.reserved.add(id);
      ids.push(id);
    }
    return ids;
  }

  /** Whether a new file may take `id`: 'used' when a file has it, 'unusable' when it was never generated. */
  claimId(id: string): 'ok' | 'used' | 'unusable' {
    if (this.files.has(id)) return 'used';
    return this.reserved.has(id) ? 'ok' : 'unusable';
  }

  newNamedRangeId(): string {
    return 'kix.' + this.token(12).toLowerCase().replace(/[-_]/g, 'x');
  }

  newImageId(): string {
    return 'kix.' + this.token(12).toLowerCase().replace(/[-_]/g, 'y');
  }

  newPermissionId(): string {
    let out = '';
    while (out.length < 20) out += String(mix(this.seed, ++this.counter) % 1000000).padStart(6, '0');
    return out.slice(0, 20);
  }

  /** A Google link (https://docs.google.com/…, https://drive.google.com/…) on linkBase, if set. */
  link(url: string): string {
    if (!this.linkBase) return url;
    return url.replace(/^https:\/\/(docs|drive)\.google\.com/, this.linkBase.replace(/\/+$/, ''));
  }

  // ---- records ----------------------------------------------------------------------------

  /** The live record (treat as read-only), or undefined. */
  file(id: string): DriveFileRecord | undefined {
    return this.files.get(id);
  }

  listFiles(): DriveFileRecord[] {
    return [...this.files.values()];
  }

  docData(id: string): DocData | undefined {
    return this.docs.get(id);
  }

  setDocData(id: string, data: DocData): void {
    this.docs.set(id, data);
  }

  isFolder(id: string): boolean {
    return id === this.rootId || this.files.get(id)?.mimeType === MIME.folder;
  }

  /** Adds a record (no quota, no access checks). */
  putFile(rec: DriveFileRecord, doc?: DocData): DriveFileRecord {
    this.files.set(rec.id, rec);
    if (doc) this.docs.set(rec.id, doc);
    return rec;
  }

  removeFile(id: string): void {
    for (const child of [...this.files.values()]) if (child.parents.includes(id)) this.removeFile(child.id);
    this.files.delete(id);
    this.docs.delete(id);
  }

  newRecord(init: { name: string; mimeType: string; parents?: string[]; owner?: string; createdByApp: boolean; at?: Date; description?: string; id?: string }): DriveFileRecord {
    const at = (init.at ?? this.now()).toISOString();
    const owner = init.owner ?? this.owner;
    const rec: DriveFileRecord = {
      id: init.id ?? this.newFileId(init.mimeType),
      name: init.name,
      mimeType: init.mimeType,
      parents: init.parents && init.parents.length ? [...init.parents] : [this.rootId],
      createdTime: at,
      modifiedTime: at,
      owners: [owner],
      permissions: [{ id: this.newPermissionId(), type: 'user', role: 'owner', emailAddress: owner }],
      trashed: false,
      revisions: 1,
      createdByApp: init.createdByApp,
    };
    if (init.description !== undefined) rec.description = init.description;
    return rec;
  }

  // ---- quota ------------------------------------------------------------------------------

  /** Counts one Doc created on `day`; throws past the daily limit. */
  countDocCreate(day: string): void {
    if (this.quota.day !== day) this.quota = { day, count: 0 };
    if (this.quota.count >= this.docsCreatePerDay) {
      const e = new Error('Service invoked too many times for one day: docs create.');
      e.name = 'Exception';
      throw e;
    }
    this.quota.count++;
  }

  docsCreatedOn(day: string): number {
    return this.quota.day === day ? this.quota.count : 0;
  }

  // ---- conversions --------------------------------------------------------------------------

  htmlToDoc(html: string): DocData {
    const d = emptyDoc();
    d.body = htmlToBlocks(html, () => this.newImageId());
    return d;
  }

  textToDoc(text: string): DocData {
    const d = emptyDoc();
    d.body = textToBlocks(text);
    return d;
  }

  batchContext(): BatchContext {
    return { newNamedRangeId: () => this.newNamedRangeId(), newObjectId: () => this.newImageId() };
  }

  private requireDoc(docId: string): DocData {
    const d = this.docs.get(docId);
    if (!d) throw new Error(`No Google Doc with id ${docId}`);
    return d;
  }

  // ---- uncounted helpers for tests and the playground ----------------------------------------

  /** The spreadsheet the script is bound to, as a Drive file (the user's, not created by the script). */
  addContainer(id: string, name: string, mimeType = MIME.spreadsheet): DriveFileRecord {
    const existing = this.files.get(id);
    if (existing) return existing;
    // Built by hand, not with newRecord: drawing ids here would shift every id the seed gives later.
    const at = this.now().toISOString();
    return this.putFile({
      id, name, mimeType, parents: [this.rootId], createdTime: at, modifiedTime: at, owners: [this.owner],
      permissions: [{ id: `owner-${id}`, type: 'user', role: 'owner', emailAddress: this.owner }],
      trashed: false, revisions: 1, createdByApp: false,
    });
  }

  /** Adds a file as someone other than the add-on would (createdByApp false unless asked). */
  addFile(init: {
    name: string; mimeType?: string; parents?: string[]; html?: string; text?: string; content?: Uint8Array | string;
    createdByApp?: boolean; owner?: string; at?: Date;
    /** A fixed id: a third-party script that names its template or folder by id finds it here. */
    id?: string;
  }): DriveFileRecord {
    const isDoc = init.html !== undefined || init.text !== undefined;
    const mimeType = init.mimeType ?? (isDoc ? MIME.document : 'application/octet-stream');
    if (init.id !== undefined && this.files.has(init.id)) throw new Error(`addFile: a file with id ${init.id} exists`);
    const rec = this.newRecord({ name: init.name, mimeType, parents: init.parents, owner: init.owner, createdByApp: init.createdByApp ?? false, at: init.at, id: init.id });
    let doc: DocData | undefined;
    if (mimeType === MIME.document) doc = init.html !== undefined ? this.htmlToDoc(init.html) : init.text !== undefined ? this.textToDoc(init.text) : emptyDoc();
    else if (init.content !== undefined) rec.content = typeof init.content === 'string' ? new Uint8Array(Buffer.from(init.content, 'utf8')) : new Uint8Array(init.content);
    return this.putFile(rec, doc);
  }

  documentText(docId: string): string {
    return docText(this.requireDoc(docId));
  }

  documentTables(docId: string): string[][][] {
    return docTables(this.requireDoc(docId));
  }

  /** The Docs API JSON of a Doc (what Docs.Documents.get returns), uncounted. */
  documentJson(docId: string): Record<string, unknown> {
    return documentJson(docId, this.files.get(docId)?.name ?? '', this.requireDoc(docId));
  }

  renderDocumentHtml(docId: string): string {
    return docToHtml(this.files.get(docId)?.name ?? 'Untitled document', this.requireDoc(docId));
  }

  renderPdf(docId: string): Buffer {
    const rec = this.files.get(docId);
    return docToPdf(rec?.name ?? 'Untitled document', this.requireDoc(docId), new Date(rec?.modifiedTime ?? 0));
  }

  /** Export of a Doc as Drive's files.export produces it; null for a type the emulator cannot make. */
  exportDocument(docId: string, mimeType: string): { bytes: Uint8Array; contentType: string } | null {
    if (mimeType === MIME.pdf) return { bytes: new Uint8Array(this.renderPdf(docId)), contentType: MIME.pdf };
    if (mimeType === MIME.html) return { bytes: new Uint8Array(Buffer.from(this.renderDocumentHtml(docId), 'utf8')), contentType: MIME.html };
    if (mimeType === MIME.text) return { bytes: new Uint8Array(Buffer.from(this.documentText(docId), 'utf8')), contentType: MIME.text };
    return null;
  }

  /** Edits a Doc as its owner would in the Docs editor (no counting, no quota, no access rule). */
  editDocumentAsOwner(docId: string, edit: (doc: DocModelHandle) => void): void {
    const model = this;
    let work = cloneDoc(this.requireDoc(docId));
    const handle: DocModelHandle = {
      id: docId,
      title: () => model.files.get(docId)?.name ?? '',
      text: () => docText(work),
      paragraphs: () => layout(work).paras.map((p) => ({
        text: paraText(p.para), style: p.para.style, startIndex: p.start, endIndex: p.end, inTable: Boolean(p.cell),
      })),
      setParagraphText(i, text) {
        const p = layout(work).paras[i];
        if (!p) throw new Error(`No paragraph ${i}`);
        if (text.includes('\n')) throw new Error('setParagraphText: use appendParagraph for new paragraphs');
        if (p.end - 1 > p.start) deleteRange(work, p.start, p.end - 1);
        insertText(work, p.start, text);
      },
      appendParagraph(text, style = 'NORMAL_TEXT') {
        work.body.push(textPara(text, style));
        work.body = normalizeBody(work.body);
      },
      insertText: (index, text) => insertText(work, index, text),
      deleteRange: (s, e) => deleteRange(work, s, e),
      replaceAll: (find, replace, matchCase = true) => replaceAllText(work, find, replace, matchCase),
      batchUpdate(requests) {
        const r = applyRequests(work, requests, model.batchContext());
        work = r.doc;
        return { replies: r.replies };
      },
      json: () => documentJson(docId, model.files.get(docId)?.name ?? '', work),
    };
    edit(handle);
    work.revision = this.requireDoc(docId).revision + 1;
    this.docs.set(docId, work);
    const rec = this.files.get(docId);
    if (rec) {
      rec.modifiedTime = this.now().toISOString();
      rec.revisions++;
    }
  }

  // ---- persistence ----------------------------------------------------------------------------

  toJSON(): unknown {
    const out: ModelJSON = {
      kind: 'dealboard-emulator-drive',
      version: 1,
      seed: this.seed,
      counter: this.counter,
      rootId: this.rootId,
      docsCreatePerDay: this.docsCreatePerDay,
      scope: this.scope,
      owner: this.owner,
      quota: { ...this.quota },
      reserved: [...this.reserved],
      files: [...this.files.values()].map((f) => {
        const { content, ...rest } = f;
        const j: Omit<DriveFileRecord, 'content'> & { content?: string } = JSON.parse(JSON.stringify(rest));
        if (content) j.content = Buffer.from(content).toString('base64');
        return j;
      }),
      docs: Object.fromEntries([...this.docs.entries()].map(([id, d]) => [id, cloneDoc(d)])),
    };
    return out;
  }

  static fromJSON(json: unknown): DriveModel {
    const j = (typeof json === 'string' ? JSON.parse(json) : json) as ModelJSON;
    if (!j || j.kind !== 'dealboard-emulator-drive') throw new Error('Not a serialised DriveModel');
    const m = new DriveModel({ seed: j.seed, docsCreatePerDay: j.docsCreatePerDay, scope: j.scope, owner: j.owner });
    m.counter = j.counter;
    m.rootId = j.rootId;
    m.quota = { ...j.quota };
    for (const id of j.reserved ?? []) m.reserved.add(id);
    for (const f of j.files) {
      const { content, ...rest } = f;
      const rec: DriveFileRecord = JSON.parse(JSON.stringify(rest));
      if (content !== undefined) rec.content = new Uint8Array(Buffer.from(content, 'base64'));
      m.files.set(rec.id, rec);
    }
    for (const [id, d] of Object.entries(j.docs)) m.docs.set(id, cloneDoc(d));
    return m;
  }
}
