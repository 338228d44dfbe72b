// The Apps Script objects over a DriveModel: the advanced services Drive (v3) and Docs (v1),
// DriveApp (DriveApp, File, Folder, FileIterator, FolderIterator) and DocumentApp (Document,
// Body, Paragraph, Table, TableRow, TableCell). Every object is counted by class name and
// refuses to run in AuthMode.NONE.

import { re2Unsupported } from './re2';
import { installDriveExtras } from './extras';
import { HORIZONTAL_ALIGNMENT, SectionName, clearComputedStyle, paragraphAttributeMethods, sectionHolds, sectionText, tableText, whereIs, parentOf } from './docelements';
import { RawSection, addSection, bodyStyleMethods, sectionMethods } from './docsections';
import { blockElement } from './extras';
import { DOCS_SCHEMAS } from './docsSchemas';
import { newRangeBuilder } from './docrange';
import { bodyImageMethods, bodyPageBreakMethods, paragraphChildMethods } from './docinline';
import { continuationToken, driveAppStorageMethods, fileShortcutMethods, folderShortcutMethods } from './driveextras2';
import { EmulatorContext, counted } from '../context';
import { BlobLike, DriveBlob, blobBytes, blobContentType, blobName, blobText, isBlobLike } from './blob';
import {
  Block, DocData, DocsRequestError, NamedStyleType, Para, Table, applyRequests, cellText, cloneDoc, deleteRange, docText,
  documentJson, emptyDoc, findPara, insertText, layout, normalizeBody, paraText, replaceSpan, revisionId, textPara,
} from './docmodel';
import { DriveFileRecord, DriveModel, MIME, PermissionRecord } from './model';
import { gasError as exception } from '../services/util';

// ---------------------------------------------------------------------------------------
// errors

/** What the advanced services throw: `GoogleJsonResponseException: API call to … failed with error: …`. */
export class GoogleJsonResponseException extends Error {
  readonly details: { code: number; message: string; errors: { domain: string; reason: string; message: string }[] };
  constructor(api: string, code: number, message: string, reason = 'invalid') {
    super(`API call to ${api} failed with error: ${message}`);
    this.name = 'GoogleJsonResponseException';
    this.details = { code, message, errors: [{ domain: 'global', reason, message }] };
  }
}


// ---------------------------------------------------------------------------------------
// fields (partial responses)

type FieldTree = Map<string, FieldTree | null>;

function parseFieldSpec(spec: string): FieldTree {
  let i = 0;
  const parseList = (): FieldTree => {
    const tree: FieldTree = new Map();
    while (i < spec.length) {
      while (spec[i] === ' ' || spec[i] === ',') i++;
      if (i >= spec.length || spec[i] === ')') break;
      let name = '';
      while (i < spec.length && !',()'.includes(spec[i])) name += spec[i++];
      name = name.trim();
      let sub: FieldTree | null = null;
      if (spec[i] === '(') {
        i++;
        sub = parseList();
        i++; // ')'
      }
      const parts = name.split('/');
      let node = tree;
      parts.forEach((part, k) => {
        if (k === parts.length - 1) {
          const prev = node.get(part);
          node.set(part, prev && sub ? new Map([...prev, ...sub]) : sub ?? (prev === undefined ? null : prev));
        } else {
          let next = node.get(part);
          if (!next) {
            next = new Map();
            node.set(part, next);
          }
          node = next;
        }
      });
    }
    return tree;
  };
  return parseList();
}

function pick(value: unknown, tree: FieldTree | null): unknown {
  if (tree === null || tree.has('*')) return value;
  if (Array.isArray(value)) return value.map((v) => pick(v, tree));
  if (!value || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [k, sub] of tree) {
    const v = (value as Record<string, unknown>)[k];
    if (v !== undefined) out[k] = pick(v, sub);
  }
  return out;
}

function withFields<T>(value: T, fields: unknown, defaults: string): T {
  const spec = typeof fields === 'string' && fields.trim() ? fields : defaults;
  return pick(value, parseFieldSpec(spec)) as T;
}

// ---------------------------------------------------------------------------------------
// shared environment

const ANYONE_ROLES = ['reader', 'commenter', 'writer'];
const ROLES = ['owner', 'organizer', 'fileOrganizer', 'writer', 'commenter', 'reader'];
const TYPES = ['user', 'group', 'domain', 'anyone'];

class Env {
  constructor(readonly ctx: EmulatorContext, readonly model: DriveModel) {}

  /** counted() around an authorization guard (AuthMode.NONE refuses every call). */
  wrap<T extends object>(className: string, obj: T, authName = className): T {
    const ctx = this.ctx;
    const guarded = new Proxy(obj, {
      get(o, prop, receiver) {
        const value = Reflect.get(o, prop, receiver);
        if (typeof value !== 'function' || typeof prop !== 'string' || prop === 'constructor') return value;
        return function guardedMethod(...args: unknown[]) {
          ctx.requireAuthorization(`${authName}.${prop}`);
          return (value as (...a: unknown[]) => unknown).apply(o, args);
        };
      },
    });
    return counted(ctx.calls, className, guarded);
  }

  nowIso(): string {
    return this.ctx.clock.now().toISOString();
  }

  day(): string {
    try {
      return new Intl.DateTimeFormat('en-CA', { timeZone: this.ctx.timeZone(), year: 'numeric', month: '2-digit', day: '2-digit' }).format(this.ctx.clock.now());
    } catch {
      return this.ctx.clock.now().toISOString().slice(0, 10);
    }
  }

  countDocCreate(): void {
    this.model.countDocCreate(this.day());
  }

  visible(rec: DriveFileRecord | undefined): rec is DriveFileRecord {
    return Boolean(rec) && (this.model.scope === 'drive' || (rec as DriveFileRecord).createdByApp);
  }

  /** The record of a file the add-on may see, or the API's 404. */
  apiFile(api: string, fileId: unknown): DriveFileRecord {
    const id = String(fileId ?? '');
    if (!id) throw new GoogleJsonResponseException(api, 400, 'Required parameter: fileId', 'required');
    const rec = this.model.file(id);
    if (!this.visible(rec)) throw new GoogleJsonResponseException(api, 404, `File not found: ${id}.`, 'notFound');
    return rec;
  }

  /** Parent folder ids checked (exist, are folders, visible); 'root' is My Drive. */
  parents(api: string, ids: unknown): string[] {
    if (ids === undefined || ids === null) return [];
    if (!Array.isArray(ids)) throw new GoogleJsonResponseException(api, 400, 'Invalid value for parents: a list of folder ids is expected.');
    return ids.map((raw) => {
      const id = String(raw);
      if (id === 'root' || id === this.model.rootId) return this.model.rootId;
      const rec = this.model.file(id);
      if (!this.visible(rec)) throw new GoogleJsonResponseException(api, 404, `File not found: ${id}.`, 'notFound');
      if (rec.mimeType !== MIME.folder) throw new GoogleJsonResponseException(api, 400, `The specified parent is not a folder: ${id}.`, 'teamDrivesParentLimit');
      return id;
    });
  }

  touch(rec: DriveFileRecord, content = false): void {
    rec.modifiedTime = this.nowIso();
    if (content) rec.revisions++;
  }

  webViewLink(rec: DriveFileRecord): string {
    return this.model.link(this.googleLink(rec));
  }

  private googleLink(rec: DriveFileRecord): string {
    if (rec.mimeType === MIME.document) return `https://docs.google.com/document/d/${rec.id}/edit?usp=drivesdk`;
    if (rec.mimeType === MIME.folder) return `https://drive.google.com/drive/folders/${rec.id}`;
    if (rec.mimeType === MIME.spreadsheet) return `https://docs.google.com/spreadsheets/d/${rec.id}/edit?usp=drivesdk`;
    if (rec.mimeType === MIME.spreadsheet) return `https://docs.google.com/spreadsheets/d/${rec.id}/edit?usp=drivesdk`;
    return `https://drive.google.com/file/d/${rec.id}/view?usp=drivesdk`;
  }

  downloadLink(id: string): string {
    return this.model.link(`https://drive.google.com/uc?id=${id}&export=download`);
  }

  permissionResource(p: PermissionRecord): Record<string, unknown> {
    const out: Record<string, unknown> = { kind: 'drive#permission', id: p.id, type: p.type, role: p.role };
    if (p.emailAddress) {
      out.emailAddress = p.emailAddress;
      out.displayName = p.emailAddress.split('@')[0];
    }
    if (p.domain) out.domain = p.domain;
    if (p.allowFileDiscovery !== undefined) out.allowFileDiscovery = p.allowFileDiscovery;
    out.deleted = false;
    out.pendingOwner = false;
    return out;
  }

  /** The full v3 File resource. */
  fileResource(rec: DriveFileRecord): Record<string, unknown> {
    const me = this.ctx.currentUser();
    const binary = !rec.mimeType.startsWith('application/vnd.google-apps.');
    const out: Record<string, unknown> = {
      kind: 'drive#file',
      id: rec.id,
      name: rec.name,
      mimeType: rec.mimeType,
      starred: false,
      trashed: rec.trashed,
      explicitlyTrashed: rec.trashed,
      parents: [...rec.parents],
      version: String(rec.revisions),
      webViewLink: this.webViewLink(rec),
      iconLink: `https://drive-thirdparty.googleusercontent.com/16/type/${rec.mimeType}`,
      createdTime: rec.createdTime,
      modifiedTime: rec.modifiedTime,
      owners: rec.owners.map((email) => ({ kind: 'drive#user', displayName: email.split('@')[0], emailAddress: email, me: email === me })),
      shared: rec.permissions.some((p) => p.role !== 'owner'),
      ownedByMe: rec.owners.includes(me),
      permissions: rec.permissions.map((p) => this.permissionResource(p)),
      permissionIds: rec.permissions.map((p) => p.id),
      capabilities: { canEdit: true, canCopy: rec.mimeType !== MIME.folder, canShare: true, canTrash: true, canDelete: rec.owners.includes(me) },
    };
    if (rec.description !== undefined) out.description = rec.description;
    if (binary) {
      out.webContentLink = this.downloadLink(rec.id);
      out.size = String(rec.content?.length ?? 0);
      const dot = rec.name.lastIndexOf('.');
      if (dot > 0) {
        out.fileExtension = rec.name.slice(dot + 1);
        out.fullFileExtension = rec.name.slice(dot + 1);
      }
    }
    return out;
  }

  docResource(rec: DriveFileRecord, doc: DocData): Record<string, unknown> {
    return documentJson(rec.id, rec.name, doc);
  }

  /** A Doc's content from an upload (HTML or plain text), as Drive converts it. */
  convert(api: string, blob: BlobLike): DocData {
    const type = (blobContentType(blob) ?? '').split(';')[0].trim().toLowerCase();
    if (type === MIME.html || type === 'application/xhtml+xml') return this.model.htmlToDoc(blobText(blob));
    if (type === MIME.text || type === 'text/csv' || type === '') return this.model.textToDoc(blobText(blob));
    throw new GoogleJsonResponseException(api, 400, `The emulator converts only text/html and text/plain uploads to Google Docs (got ${type}).`, 'badContent');
  }

  exportBlob(rec: DriveFileRecord, contentType: string): DriveBlob | null {
    const out = this.model.exportDocument(rec.id, contentType);
    if (!out) return null;
    const ext = contentType === MIME.pdf ? 'pdf' : contentType === MIME.html ? 'html' : 'txt';
    return new DriveBlob(out.bytes, out.contentType, `${rec.name}.${ext}`);
  }
}

// ---------------------------------------------------------------------------------------
// Drive (advanced service, v3)

type Resource = Record<string, unknown>;
type Args = Record<string, unknown>;

const FILE_DEFAULT = 'kind,id,name,mimeType';

function parseQuery(api: string, q: string): ((rec: DriveFileRecord, rootId: string) => boolean)[] {
  const clauses = q.split(/\s+and\s+/i).map((c) => c.trim()).filter(Boolean);
  const str = (s: string) => s.slice(1, -1).replace(/\\'/g, "'").replace(/\\\\/g, '\\');
  const STR = "'(?:[^'\\\\]|\\\\.)*'";
  return clauses.map((c) => {
    let m: RegExpExecArray | null;
    if ((m = new RegExp(`^name\\s*(=|!=|contains)\\s*(${STR})$`, 'i').exec(c))) {
      const op = m[1].toLowerCase();
      const v = str(m[2]);
      if (op === '=') return (r) => r.name === v;
      if (op === '!=') return (r) => r.name !== v;
      return (r) => r.name.toLowerCase().includes(v.toLowerCase());
    }
    if ((m = new RegExp(`^(${STR})\\s+in\\s+parents$`, 'i').exec(c))) {
      const v = str(m[1]);
      return (r, root) => r.parents.includes(v === 'root' ? root : v);
    }
    if ((m = new RegExp(`^mimeType\\s*(=|!=)\\s*(${STR})$`, 'i').exec(c))) {
      const v = str(m[2]);
      return m[1] === '=' ? (r) => r.mimeType === v : (r) => r.mimeType !== v;
    }
    if ((m = /^trashed\s*(=|!=)\s*(true|false)$/i.exec(c))) {
      const v = m[2].toLowerCase() === 'true';
      return m[1] === '=' ? (r) => r.trashed === v : (r) => r.trashed !== v;
    }
    throw new GoogleJsonResponseException(api, 400, `Invalid Value (the emulator's q supports name =, name contains, '<id>' in parents, mimeType =, trashed = joined with and; got: ${c})`, 'invalid');
  });
}

/**
 * The `id` a create or copy request may carry: "Generates a set of file IDs which can be provided
 * in create or copy requests" (files.generateIds). Only such an id is accepted, once.
 */
function requestedId(api: string, env: Env, res: Resource): string | undefined {
  if (res.id === undefined || res.id === null) return undefined;
  const id = String(res.id);
  const claim = env.model.claimId(id);
  if (claim === 'used') throw new GoogleJsonResponseException(api, 409, `A file already exists with the provided ID: ${id}.`, 'fileIdInUse');
  if (claim === 'unusable') throw new GoogleJsonResponseException(api, 400, `The provided file ID is not usable: ${id}.`, 'fileIdNotUsable');
  return id;
}

class DriveFiles {
  constructor(private env: Env) {}

  /** files.generateIds: `count` (default 10, at most 1000) ids for later create or copy requests. */
  generateIds(optionalArgs: Args = {}): Resource {
    const api = 'drive.files.generateIds';
    const args = optionalArgs ?? {};
    const count = args.count === undefined ? 10 : Number(args.count);
    if (!Number.isInteger(count) || count < 1 || count > 1000) throw new GoogleJsonResponseException(api, 400, `Invalid Value: count must be between 1 and 1000 (got ${String(args.count)}).`, 'invalid');
    const space = args.space === undefined ? 'drive' : String(args.space);
    if (space !== 'drive') throw new GoogleJsonResponseException(api, 400, `The emulator generates ids only for the drive space (got ${space}).`, 'invalid');
    return { kind: 'drive#generatedIds', space, ids: this.env.model.generateIds(count) };
  }

  create(resource: Resource = {}, mediaData?: BlobLike, optionalArgs: Args = {}): Resource {
    const api = 'drive.files.create';
    const env = this.env;
    // Apps Script's own check, before any request: "The mediaData parameter only supports Blob types for upload."
    if (mediaData !== undefined && mediaData !== null && !isBlobLike(mediaData)) throw exception('The mediaData parameter only supports Blob types for upload.');
    const blob = isBlobLike(mediaData) ? mediaData : undefined;
    const res = resource ?? {};
    const mimeType = String(res.mimeType ?? (blob ? blobContentType(blob) : null) ?? 'application/octet-stream');
    const name = String(res.name ?? (blob ? blobName(blob) : null) ?? 'Untitled');
    const parents = env.parents(api, res.parents);
    const id = requestedId(api, env, res);
    let doc: DocData | undefined;
    let content: Uint8Array | undefined;
    if (mimeType === MIME.document) {
      doc = blob ? env.convert(api, blob) : emptyDoc();
      env.countDocCreate();
    } else if (mimeType !== MIME.folder && !mimeType.startsWith('application/vnd.google-apps.')) {
      content = blob ? blobBytes(blob) : new Uint8Array(0);
    }
    const rec = env.model.newRecord({ name, mimeType, parents, owner: env.ctx.currentUser(), createdByApp: true, at: env.ctx.clock.now(), description: res.description as string | undefined, id });
    if (content) rec.content = content;
    env.model.putFile(rec, doc);
    return withFields(env.fileResource(rec), optionalArgs?.fields, FILE_DEFAULT);
  }

  copy(resource: Resource = {}, fileId: string, optionalArgs: Args = {}): Resource {
    const api = 'drive.files.copy';
    const env = this.env;
    const src = env.apiFile(api, fileId);
    if (src.mimeType === MIME.folder) throw new GoogleJsonResponseException(api, 403, 'This file cannot be copied by the user.', 'cannotCopyFile');
    const res = resource ?? {};
    const parents = res.parents !== undefined ? env.parents(api, res.parents) : [...src.parents];
    const id = requestedId(api, env, res);
    if (src.mimeType === MIME.document) env.countDocCreate();
    const rec = env.model.newRecord({
      name: String(res.name ?? `Copy of ${src.name}`), mimeType: src.mimeType, parents, owner: env.ctx.currentUser(), createdByApp: true,
      at: env.ctx.clock.now(), description: (res.description as string | undefined) ?? src.description, id,
    });
    if (src.content) rec.content = new Uint8Array(src.content);
    const srcDoc = env.model.docData(src.id);
    let doc: DocData | undefined;
    if (srcDoc) {
      doc = cloneDoc(srcDoc);
      doc.revision = 1;
    }
    env.model.putFile(rec, doc);
    return withFields(env.fileResource(rec), optionalArgs?.fields, FILE_DEFAULT);
  }

  get(fileId: string, optionalArgs: Args = {}): Resource | string {
    const api = 'drive.files.get';
    const env = this.env;
    const id = String(fileId ?? '');
    if (id === 'root' || (id && id === env.model.rootId)) {
      // My Drive has no parents: live leaves the field out (gas-fakes testdrive.js "root folder checks").
      const root: Resource = { kind: 'drive#file', id: env.model.rootId, name: 'My Drive', mimeType: MIME.folder, trashed: false };
      return withFields(root, optionalArgs?.fields, FILE_DEFAULT);
    }
    const rec = env.apiFile(api, id);
    if (optionalArgs?.alt === 'media') {
      if (rec.mimeType.startsWith('application/vnd.google-apps.')) {
        throw new GoogleJsonResponseException(api, 403, 'Only files with binary content can be downloaded. Use Export with Docs Editors files.', 'fileNotDownloadable');
      }
      return Buffer.from(rec.content ?? new Uint8Array(0)).toString('utf8');
    }
    return withFields(env.fileResource(rec), optionalArgs?.fields, FILE_DEFAULT);
  }

  list(optionalArgs: Args = {}): Resource {
    const api = 'drive.files.list';
    const env = this.env;
    const args = optionalArgs ?? {};
    const tests = typeof args.q === 'string' && args.q.trim() ? parseQuery(api, args.q) : [];
    let files = env.model.listFiles().filter((r) => env.visible(r) && tests.every((t) => t(r, env.model.rootId)));
    if (typeof args.orderBy === 'string' && args.orderBy.trim()) {
      const keys = args.orderBy.split(',').map((k) => k.trim().split(/\s+/));
      files = [...files].sort((a, b) => {
        for (const [key, dir] of keys) {
          const field = key === 'name' || key === 'name_natural' ? 'name' : key === 'createdTime' ? 'createdTime' : key === 'modifiedTime' ? 'modifiedTime' : null;
          if (!field) throw new GoogleJsonResponseException(api, 400, `Invalid Value: orderBy ${key}`);
          const c = String(a[field]).localeCompare(String(b[field]));
          if (c) return dir?.toLowerCase() === 'desc' ? -c : c;
        }
        return 0;
      });
    }
    const pageSize = Math.min(1000, Math.max(1, Number(args.pageSize ?? 100) || 100));
    const offset = Number(args.pageToken ?? 0) || 0;
    const page = files.slice(offset, offset + pageSize);
    const out: Resource = { kind: 'drive#fileList', incompleteSearch: false, files: page.map((r) => env.fileResource(r)) };
    if (offset + pageSize < files.length) out.nextPageToken = String(offset + pageSize);
    return withFields(out, args.fields, `kind,incompleteSearch,nextPageToken,files(${FILE_DEFAULT})`);
  }

  update(resource: Resource = {}, fileId: string, mediaData?: BlobLike, optionalArgs: Args = {}): Resource {
    const api = 'drive.files.update';
    const env = this.env;
    const rec = env.apiFile(api, fileId);
    const res = resource ?? {};
    const args = optionalArgs ?? {};
    if (res.parents !== undefined) {
      throw new GoogleJsonResponseException(api, 403, 'The parents field is not directly writable in update requests. Use the addParents and removeParents parameters instead.', 'fieldNotWritable');
    }
    if (res.mimeType !== undefined && res.mimeType !== rec.mimeType) {
      throw new GoogleJsonResponseException(api, 400, 'The emulator cannot change the MIME type of an existing file.', 'invalid');
    }
    const blob = isBlobLike(mediaData) ? mediaData : undefined;
    const add = typeof args.addParents === 'string' && args.addParents ? env.parents(api, args.addParents.split(',').map((s) => s.trim())) : [];
    const remove = typeof args.removeParents === 'string' && args.removeParents ? args.removeParents.split(',').map((s) => s.trim()) : [];
    let newDoc: DocData | undefined;
    if (blob) {
      if (rec.mimeType === MIME.folder) throw new GoogleJsonResponseException(api, 400, 'A folder has no content to upload.', 'invalid');
      if (rec.mimeType === MIME.document) {
        newDoc = env.convert(api, blob);
        newDoc.revision = (env.model.docData(rec.id)?.revision ?? 1) + 1;
      }
    }
    if (res.name !== undefined) rec.name = String(res.name);
    if (res.description !== undefined) rec.description = String(res.description);
    if (res.trashed !== undefined) rec.trashed = Boolean(res.trashed);
    for (const p of remove) {
      const id = p === 'root' ? env.model.rootId : p;
      rec.parents = rec.parents.filter((x) => x !== id);
    }
    for (const p of add) if (!rec.parents.includes(p)) rec.parents.push(p);
    if (newDoc) env.model.setDocData(rec.id, newDoc);
    else if (blob) rec.content = blobBytes(blob);
    env.touch(rec, Boolean(blob));
    return withFields(env.fileResource(rec), args.fields, FILE_DEFAULT);
  }

  remove(fileId: string, _optionalArgs?: Args): void {
    const rec = this.env.apiFile('drive.files.delete', fileId);
    this.env.model.removeFile(rec.id);
  }

  /**
   * files.download: "Downloads the content of a file. … Operations are valid for 24 hours from the
   * time of creation." It answers a long-running Operation, done at once in the emulator, whose
   * response holds a `downloadUri` that UrlFetchApp (with the OAuth token) fetches: for a blob file
   * files.get with alt=media, for a Docs file files.export in `mimeType` ("If not set, a Google
   * Workspace document is downloaded with a default MIME type": the emulator's default is PDF).
   */
  download(fileId: string, optionalArgs: Args = {}): Resource {
    const api = 'drive.files.download';
    const rec = this.env.apiFile(api, fileId);
    const args = optionalArgs ?? {};
    const workspace = rec.mimeType.startsWith('application/vnd.google-apps.');
    if (args.revisionId !== undefined) throw new GoogleJsonResponseException(api, 400, 'Not implemented in the Dealboard emulator: files.download of a revision (revisionId).', 'badRequest');
    // "This field can only be set when downloading Google Workspace documents."
    if (args.mimeType !== undefined && !workspace) throw new GoogleJsonResponseException(api, 400, 'The mimeType parameter can only be set when downloading Google Workspace documents.', 'invalidArgument');
    if (rec.mimeType === MIME.folder) throw new GoogleJsonResponseException(api, 403, 'Only files with binary content or Google Workspace documents can be downloaded.', 'fileNotDownloadable');
    const id = encodeURIComponent(rec.id);
    const downloadUri = workspace
      ? `https://www.googleapis.com/drive/v3/files/${id}/export?mimeType=${encodeURIComponent(String(args.mimeType ?? MIME.pdf))}`
      : `https://www.googleapis.com/drive/v3/files/${id}?alt=media&source=downloadUrl`;
    this.operations += 1;
    return {
      name: `operations/download-${rec.id}-${this.operations}`,
      metadata: { '@type': 'type.googleapis.com/google.apps.drive.v3.DownloadFileMetadata' },
      done: true,
      response: { '@type': 'type.googleapis.com/google.apps.drive.v3.DownloadFileResponse', downloadUri, partialDownloadAllowed: !workspace },
    };
  }
  private operations = 0;

  export(fileId: string, mimeType: string, optionalArgs: Args = {}): DriveBlob {
    const api = 'drive.files.export';
    const env = this.env;
    const rec = env.apiFile(api, fileId);
    if (!rec.mimeType.startsWith('application/vnd.google-apps.')) {
      throw new GoogleJsonResponseException(api, 403, 'Export only supports Docs Editors files.', 'fileNotExportable');
    }
    // Live Apps Script needs alt=media here (the call otherwise fails, issuetracker 468534237).
    if (optionalArgs?.alt !== 'media') {
      throw new GoogleJsonResponseException(api, 400, 'Export requires alt=media to download the exported content.', 'badRequest');
    }
    const blob = rec.mimeType === MIME.document ? env.exportBlob(rec, String(mimeType)) : null;
    if (!blob) throw new GoogleJsonResponseException(api, 400, `The requested conversion is not supported (${String(mimeType)}).`, 'badRequest');
    return blob;
  }
}

class DrivePermissions {
  constructor(private env: Env) {}

  create(resource: Resource, fileId: string, optionalArgs: Args = {}): Resource {
    const api = 'drive.permissions.create';
    const env = this.env;
    const rec = env.apiFile(api, fileId);
    const res = resource ?? {};
    const role = String(res.role ?? '');
    const type = String(res.type ?? '');
    if (!ROLES.includes(role)) throw new GoogleJsonResponseException(api, 400, `Invalid permission role: ${role || '(missing)'}.`, 'invalid');
    if (!TYPES.includes(type)) throw new GoogleJsonResponseException(api, 400, `Invalid permission type: ${type || '(missing)'}.`, 'invalid');
    if (type === 'anyone' && !ANYONE_ROLES.includes(role)) throw new GoogleJsonResponseException(api, 403, 'The role is not allowed for this permission type.', 'invalidSharingRequest');
    const email = res.emailAddress === undefined ? undefined : String(res.emailAddress).trim().toLowerCase();
    if ((type === 'user' || type === 'group') && !(email && /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email))) {
      throw new GoogleJsonResponseException(api, 400, 'The permission emailAddress field is required for this permission type.', 'required');
    }
    if (type === 'domain' && !res.domain) throw new GoogleJsonResponseException(api, 400, 'The permission domain field is required for this permission type.', 'required');
    if (role === 'owner') throw new GoogleJsonResponseException(api, 403, 'The emulator does not transfer ownership.', 'forbidden');
    const allowFileDiscovery = type === 'anyone' || type === 'domain' ? Boolean(res.allowFileDiscovery) : undefined;
    const same = rec.permissions.find((p) => p.type === type && (type === 'anyone' || (type === 'domain' ? p.domain === res.domain : p.emailAddress === email)));
    let perm: PermissionRecord;
    if (same && same.role !== 'owner') {
      same.role = role as PermissionRecord['role'];
      if (allowFileDiscovery !== undefined) same.allowFileDiscovery = allowFileDiscovery;
      perm = same;
    } else if (same) perm = same;
    else {
      perm = {
        id: type === 'anyone' ? (allowFileDiscovery ? 'anyone' : 'anyoneWithLink') : env.model.newPermissionId(),
        type: type as PermissionRecord['type'],
        role: role as PermissionRecord['role'],
      };
      if (email) perm.emailAddress = email;
      if (type === 'domain') perm.domain = String(res.domain);
      if (allowFileDiscovery !== undefined) perm.allowFileDiscovery = allowFileDiscovery;
      rec.permissions.push(perm);
    }
    env.touch(rec);
    return withFields(env.permissionResource(perm), optionalArgs?.fields, 'kind,id,type,role,emailAddress,domain,allowFileDiscovery');
  }

  list(fileId: string, optionalArgs: Args = {}): Resource {
    const env = this.env;
    const rec = env.apiFile('drive.permissions.list', fileId);
    const out = { kind: 'drive#permissionList', permissions: rec.permissions.map((p) => env.permissionResource(p)) };
    return withFields(out, optionalArgs?.fields, 'kind,permissions(kind,id,type,role,emailAddress,domain,allowFileDiscovery)');
  }

  get(fileId: string, permissionId: string, optionalArgs: Args = {}): Resource {
    const api = 'drive.permissions.get';
    const rec = this.env.apiFile(api, fileId);
    const p = rec.permissions.find((x) => x.id === permissionId);
    if (!p) throw new GoogleJsonResponseException(api, 404, `Permission not found: ${permissionId}.`, 'notFound');
    return withFields(this.env.permissionResource(p), optionalArgs?.fields, 'kind,id,type,role,emailAddress,domain,allowFileDiscovery');
  }

  update(resource: Resource, fileId: string, permissionId: string, optionalArgs: Args = {}): Resource {
    const api = 'drive.permissions.update';
    const rec = this.env.apiFile(api, fileId);
    const p = rec.permissions.find((x) => x.id === permissionId);
    if (!p) throw new GoogleJsonResponseException(api, 404, `Permission not found: ${permissionId}.`, 'notFound');
    const role = String(resource?.role ?? p.role);
    if (!ROLES.includes(role) || role === 'owner' || p.role === 'owner') throw new GoogleJsonResponseException(api, 400, `Invalid permission role: ${role}.`, 'invalid');
    p.role = role as PermissionRecord['role'];
    this.env.touch(rec);
    return withFields(this.env.permissionResource(p), optionalArgs?.fields, 'kind,id,type,role,emailAddress,domain,allowFileDiscovery');
  }

  remove(fileId: string, permissionId: string, _optionalArgs?: Args): void {
    const api = 'drive.permissions.delete';
    const rec = this.env.apiFile(api, fileId);
    const p = rec.permissions.find((x) => x.id === permissionId);
    if (!p) throw new GoogleJsonResponseException(api, 404, `Permission not found: ${permissionId}.`, 'notFound');
    if (p.role === 'owner') throw new GoogleJsonResponseException(api, 403, 'The owner of a file cannot be removed.', 'cannotRemoveOwner');
    rec.permissions = rec.permissions.filter((x) => x !== p);
    this.env.touch(rec);
  }
}

/** Drive.About: "Gets information about the user, the user's Drive, and system capabilities." */
class DriveAbout {
  constructor(private env: Env) {}
  get(optionalArgs?: Args): Resource {
    const api = 'drive.about.get';
    // about.get has no default fields: "The 'fields' parameter is required for this method."
    if (!optionalArgs?.fields) throw new GoogleJsonResponseException(api, 400, "The 'fields' parameter is required for this method.", 'required');
    const env = this.env;
    const me = String(env.ctx.currentUser());
    const usage = env.model.listFiles()
      .filter((r) => r.owners.map((o) => o.toLowerCase()).includes(me.toLowerCase()))
      .reduce((n, r) => n + (r.content?.length ?? 0), 0);
    const trash = env.model.listFiles()
      .filter((r) => r.trashed && r.owners.map((o) => o.toLowerCase()).includes(me.toLowerCase()))
      .reduce((n, r) => n + (r.content?.length ?? 0), 0);
    const about = {
      kind: 'drive#about',
      user: { kind: 'drive#user', displayName: me.split('@')[0], me: true, emailAddress: me },
      storageQuota: { limit: String(15 * 1024 ** 3), usage: String(usage), usageInDrive: String(usage), usageInDriveTrash: String(trash) },
      rootFolderId: env.model.rootId,
    };
    return withFields(about, optionalArgs.fields, 'kind');
  }
}

// ---------------------------------------------------------------------------------------
// Docs (advanced service, v1)

class DocsDocuments {
  constructor(private env: Env) {}

  private docFile(api: string, documentId: unknown): { rec: DriveFileRecord; doc: DocData } {
    const id = String(documentId ?? '');
    const rec = this.env.model.file(id);
    if (!this.env.visible(rec)) throw new GoogleJsonResponseException(api, 404, 'Requested entity was not found.', 'notFound');
    const doc = this.env.model.docData(id);
    if (rec.mimeType !== MIME.document || !doc) throw new GoogleJsonResponseException(api, 400, 'This operation is not supported for this document', 'failedPrecondition');
    return { rec, doc };
  }

  /** includeTabsContent: "When True: Document content populates in the Document.tabs field instead of the
   *  text content fields in Document." (one tab: the emulator's documents have one). */
  get(documentId: string, optionalArgs?: Args): Resource {
    const { rec, doc } = this.docFile('docs.documents.get', documentId);
    const full = this.env.docResource(rec, doc);
    if (!optionalArgs?.includeTabsContent) return full;
    const { title, revisionId: rev, suggestionsViewMode, documentId: id, ...content } = full;
    return {
      title, revisionId: rev, suggestionsViewMode, documentId: id,
      tabs: [{ tabProperties: { tabId: 't.0', title: 'Tab 1', index: 0 }, documentTab: content }],
    };
  }

  create(resource: Resource = {}): Resource {
    const env = this.env;
    env.countDocCreate();
    const rec = env.model.newRecord({
      name: String(resource?.title ?? 'Untitled document'), mimeType: MIME.document, owner: env.ctx.currentUser(), createdByApp: true, at: env.ctx.clock.now(),
    });
    const doc = emptyDoc();
    env.model.putFile(rec, doc);
    return env.docResource(rec, doc);
  }

  batchUpdate(resource: Resource, documentId: string): Resource {
    const api = 'docs.documents.batchUpdate';
    const env = this.env;
    const { rec, doc } = this.docFile(api, documentId);
    const wc = (resource?.writeControl ?? {}) as { requiredRevisionId?: string; targetRevisionId?: string };
    if (wc.requiredRevisionId && wc.requiredRevisionId !== revisionId(rec.id, doc.revision)) {
      throw new GoogleJsonResponseException(api, 400, `The document was modified after revision ${wc.requiredRevisionId}; the required revision ID does not match the latest revision.`, 'failedPrecondition');
    }
    let result: { doc: DocData; replies: Record<string, unknown>[] };
    try {
      result = applyRequests(doc, resource?.requests, env.model.batchContext());
    } catch (e) {
      if (e instanceof DocsRequestError) throw new GoogleJsonResponseException(api, e.code, e.message, 'badRequest');
      throw e;
    }
    env.model.setDocData(rec.id, result.doc);
    if (result.doc.revision !== doc.revision) env.touch(rec, true);
    return { documentId: rec.id, replies: result.replies, writeControl: { requiredRevisionId: revisionId(rec.id, result.doc.revision) } };
  }
}

// ---------------------------------------------------------------------------------------
// DriveApp

const ACCESS = Object.freeze({
  ANYONE: 'ANYONE', ANYONE_WITH_LINK: 'ANYONE_WITH_LINK', DOMAIN: 'DOMAIN', DOMAIN_WITH_LINK: 'DOMAIN_WITH_LINK', PRIVATE: 'PRIVATE',
});
const PERMISSION = Object.freeze({
  VIEW: 'VIEW', EDIT: 'EDIT', COMMENT: 'COMMENT', OWNER: 'OWNER', ORGANIZER: 'ORGANIZER', FILE_ORGANIZER: 'FILE_ORGANIZER', NONE: 'NONE',
});
const ROLE_OF: Record<string, PermissionRecord['role']> = { VIEW: 'reader', COMMENT: 'commenter', EDIT: 'writer' };

const NO_ITEM = 'No item with the given ID could be found. Possibly because you have not edited this item or you do not have permission to access it.';

class Handles {
  constructor(readonly env: Env) {}

  record(id: string): DriveFileRecord {
    const rec = this.env.model.file(id);
    if (!this.env.visible(rec)) throw exception(NO_ITEM);
    return rec;
  }

  file(id: string): GFile {
    return this.env.wrap('File', new GFile(this, id));
  }

  folder(id: string): GFolder {
    return this.env.wrap('Folder', new GFolder(this, id));
  }

  fileIterator(ids: string[]): object {
    return this.env.wrap('FileIterator', new Iter(ids, (id) => this.file(id)));
  }

  folderIterator(ids: string[]): object {
    return this.env.wrap('FolderIterator', new Iter(ids, (id) => this.folder(id), 'folder'));
  }

  /**
   * createFile(blob), createFile(name, content), createFile(name, content, mimeType): the documented
   * forms; any other argument list throws Apps Script's signature error naming the argument types.
   */
  createFile(parent: string, given: unknown[], method: string): GFile {
    const env = this.env;
    const args = given.slice();
    while (args.length > 0 && args[args.length - 1] === undefined) args.pop();
    const typeOf = (v: unknown) => (v === null || v === undefined ? 'null' : isBlobLike(v) ? 'Blob' : typeof v === 'string' ? 'String' : typeof v === 'number' ? 'number' : typeof v === 'boolean' ? 'Boolean' : 'Object');
    const signature = () => exception(`The parameters (${args.map(typeOf).join(',')}) don't match the method signature for ${method}.`);
    const [a, content, mimeType] = args;
    if (args.length === 1 && !isBlobLike(a)) throw signature();
    if (args.length === 0 || args.length > 3 || (args.length > 1 && isBlobLike(a))) throw signature();
    if (args.length > 1 && (a === null || a === undefined)) throw exception('Invalid argument: name');
    if (args.length > 1 && typeof a !== 'string') throw signature();
    let name: string;
    let bytes: Uint8Array;
    let type: string;
    if (isBlobLike(a)) {
      // "Blob object must have non-null name for this operation." (a blob made without a name)
      if (blobName(a) === null && typeof (a as { getName?: unknown }).getName === 'function') throw exception('Blob object must have non-null name for this operation.');
      name = blobName(a) ?? 'Untitled';
      bytes = blobBytes(a);
      type = blobContentType(a) ?? 'application/octet-stream';
    } else {
      name = a as string;
      bytes = new Uint8Array(Buffer.from(String(content), 'utf8'));
      type = typeof mimeType === 'string' ? mimeType : MIME.text;
    }
    if (type.startsWith('application/vnd.google-apps.')) throw exception('Invalid argument: file.contentType');
    const rec = env.model.newRecord({ name, mimeType: type, parents: [parent], owner: env.ctx.currentUser(), createdByApp: true, at: env.ctx.clock.now() });
    rec.content = bytes;
    env.model.putFile(rec);
    return this.file(rec.id);
  }

  createFolder(parent: string, name: unknown): GFolder {
    const env = this.env;
    const rec = env.model.newRecord({ name: String(name), mimeType: MIME.folder, parents: [parent], owner: env.ctx.currentUser(), createdByApp: true, at: env.ctx.clock.now() });
    env.model.putFile(rec);
    return this.folder(rec.id);
  }

  childIds(parent: string, folders: boolean, name?: string): string[] {
    return this.env.model.listFiles()
      .filter((r) => this.env.visible(r) && !r.trashed && r.parents.includes(parent) && (r.mimeType === MIME.folder) === folders && (name === undefined || r.name === name))
      .map((r) => r.id);
  }
}

class Iter<T> {
  private i = 0;
  constructor(private ids: string[], private make: (id: string) => T, private kind: 'file' | 'folder' = 'file') {}
  hasNext(): boolean {
    return this.i < this.ids.length;
  }
  next(): T {
    if (this.i >= this.ids.length) throw exception('Cannot retrieve the next object: iterator has reached the end.');
    return this.make(this.ids[this.i++]);
  }
  /** "Gets a token that can be used to resume this iteration at a later time." (DriveApp.continueFileIterator) */
  getContinuationToken(): string {
    return continuationToken(this.kind, this.ids.slice(this.i));
  }
}

function sharingOf(rec: DriveFileRecord): { access: string; permission: string } {
  const anyone = rec.permissions.find((p) => p.type === 'anyone');
  const domain = rec.permissions.find((p) => p.type === 'domain');
  const p = anyone ?? domain;
  if (!p) return { access: ACCESS.PRIVATE, permission: PERMISSION.NONE };
  const access = anyone ? (p.allowFileDiscovery ? ACCESS.ANYONE : ACCESS.ANYONE_WITH_LINK) : (p.allowFileDiscovery ? ACCESS.DOMAIN : ACCESS.DOMAIN_WITH_LINK);
  const permission = p.role === 'writer' ? PERMISSION.EDIT : p.role === 'commenter' ? PERMISSION.COMMENT : PERMISSION.VIEW;
  return { access, permission };
}

class GFile {
  constructor(private h: Handles, private id: string) {}
  private rec(): DriveFileRecord {
    return this.h.record(this.id);
  }
  getId(): string {
    return this.rec().id;
  }
  getName(): string {
    return this.rec().name;
  }
  setName(name: string): GFile {
    const rec = this.rec();
    rec.name = String(name);
    this.h.env.touch(rec);
    return this.h.file(this.id);
  }
  getDescription(): string | null {
    return this.rec().description ?? null;
  }
  setDescription(description: string): GFile {
    const rec = this.rec();
    rec.description = String(description);
    this.h.env.touch(rec);
    return this.h.file(this.id);
  }
  getMimeType(): string {
    return this.rec().mimeType;
  }
  getUrl(): string {
    return this.h.env.webViewLink(this.rec());
  }
  getDownloadUrl(): string | null {
    const rec = this.rec();
    return rec.mimeType.startsWith('application/vnd.google-apps.') ? null : this.h.env.downloadLink(rec.id);
  }
  getSize(): number {
    return this.rec().content?.length ?? 0;
  }
  getDateCreated(): Date {
    return new Date(this.rec().createdTime);
  }
  getLastUpdated(): Date {
    return new Date(this.rec().modifiedTime);
  }
  getOwner(): object {
    const email = this.rec().owners[0];
    return { getEmail: () => email, getName: () => email.split('@')[0], toString: () => email };
  }
  isTrashed(): boolean {
    return this.rec().trashed;
  }
  setTrashed(trashed: boolean): GFile {
    const rec = this.rec();
    rec.trashed = Boolean(trashed);
    this.h.env.touch(rec);
    return this.h.file(this.id);
  }
  getParents(): object {
    return this.h.folderIterator(this.rec().parents.filter((p) => p === this.h.env.model.rootId || this.h.env.visible(this.h.env.model.file(p))));
  }
  moveTo(destination: { getId(): string }): GFile {
    const rec = this.rec();
    const id = destination.getId();
    if (!this.h.env.model.isFolder(id)) throw exception('Invalid argument: destination');
    rec.parents = [id];
    this.h.env.touch(rec);
    return this.h.file(this.id);
  }
  makeCopy(...given: unknown[]): GFile {
    // The documented forms: makeCopy(), (destination), (name), (name, destination); any other list
    // throws Apps Script's signature error (gas-fakes' live suite: "(DriveApp.Folder,String)").
    const args = given.slice();
    while (args.length > 0 && args[args.length - 1] === undefined) args.pop();
    const has = (v: unknown, m: string) => v !== null && typeof v === 'object' && typeof (v as Record<string, unknown>)[m] === 'function';
    const isFolder = (v: unknown) => has(v, 'getFolders') && has(v, 'createFile');
    const typeOf = (v: unknown) => (v === null || v === undefined ? 'null' : typeof v === 'string' ? 'String' : isFolder(v) ? 'DriveApp.Folder' : has(v, 'makeCopy') ? 'DriveApp.File' : typeof v === 'number' ? 'number' : 'Object');
    const fits = args.length === 0 || (args.length === 1 && (typeof args[0] === 'string' || isFolder(args[0])))
      || (args.length === 2 && typeof args[0] === 'string' && isFolder(args[1]));
    if (!fits) throw exception(`The parameters (${args.map(typeOf).join(',')}) don't match the method signature for DriveApp.File.makeCopy.`);
    const [a, b] = args;
    const env = this.h.env;
    const src = this.rec();
    // Without a name the copy keeps the original's (live: gas-fakes testdrive.js, dcfile.makeCopy()).
    const name = typeof a === 'string' ? a : src.name;
    const dest = (typeof a === 'object' && a ? a : b) as { getId(): string } | undefined;
    const parents = dest ? [dest.getId()] : [...src.parents];
    if (src.mimeType === MIME.document) env.countDocCreate();
    const rec = env.model.newRecord({ name, mimeType: src.mimeType, parents, owner: env.ctx.currentUser(), createdByApp: true, at: env.ctx.clock.now(), description: src.description });
    if (src.content) rec.content = new Uint8Array(src.content);
    const doc = env.model.docData(src.id);
    env.model.putFile(rec, doc ? { ...cloneDoc(doc), revision: 1 } : undefined);
    return this.h.file(rec.id);
  }
  getBlob(): DriveBlob {
    const rec = this.rec();
    if (rec.mimeType === MIME.document) return this.getAs(MIME.pdf);
    if (rec.mimeType.startsWith('application/vnd.google-apps.')) throw exception(`Converting from ${rec.mimeType} to application/pdf is not supported.`);
    return new DriveBlob(rec.content ?? new Uint8Array(0), rec.mimeType, rec.name);
  }
  getAs(contentType: string): DriveBlob {
    const rec = this.rec();
    const type = String(contentType);
    if (rec.mimeType === MIME.document) {
      if (type !== MIME.pdf) throw exception(`Converting from ${rec.mimeType} to ${type} is not supported.`);
      return this.h.env.exportBlob(rec, MIME.pdf) as DriveBlob;
    }
    if (type === rec.mimeType) return new DriveBlob(rec.content ?? new Uint8Array(0), rec.mimeType, rec.name);
    throw exception(`Converting from ${rec.mimeType} to ${type} is not supported.`);
  }
  setContent(content: string): GFile {
    const rec = this.rec();
    if (rec.mimeType.startsWith('application/vnd.google-apps.')) throw exception('Cannot set the content of a Google Docs Editors file.');
    rec.content = new Uint8Array(Buffer.from(String(content), 'utf8'));
    this.h.env.touch(rec, true);
    return this.h.file(this.id);
  }
  setSharing(accessType: string, permissionType: string): GFile {
    const rec = this.rec();
    const access = String(accessType);
    const perm = String(permissionType);
    if (!(access in ACCESS)) throw exception('Invalid argument: accessType');
    if (!(perm in PERMISSION)) throw exception('Invalid argument: permissionType');
    rec.permissions = rec.permissions.filter((p) => p.type !== 'anyone' && p.type !== 'domain');
    if (access !== ACCESS.PRIVATE && perm !== PERMISSION.NONE) {
      const role = ROLE_OF[perm];
      if (!role) throw exception(`Invalid argument: permissionType (${perm} cannot be given to ${access})`);
      const discover = access === ACCESS.ANYONE || access === ACCESS.DOMAIN;
      if (access === ACCESS.ANYONE || access === ACCESS.ANYONE_WITH_LINK) {
        rec.permissions.push({ id: discover ? 'anyone' : 'anyoneWithLink', type: 'anyone', role, allowFileDiscovery: discover });
      } else {
        const domain = (rec.owners[0] ?? '').split('@')[1] ?? '';
        rec.permissions.push({ id: this.h.env.model.newPermissionId(), type: 'domain', role, domain, allowFileDiscovery: discover });
      }
    }
    this.h.env.touch(rec);
    return this.h.file(this.id);
  }
  getSharingAccess(): string {
    return sharingOf(this.rec()).access;
  }
  getSharingPermission(): string {
    return sharingOf(this.rec()).permission;
  }
  addViewer(email: string): GFile {
    return this.addUser(email, 'reader');
  }
  addEditor(email: string): GFile {
    return this.addUser(email, 'writer');
  }
  addCommenter(email: string): GFile {
    return this.addUser(email, 'commenter');
  }
  private addUser(email: string, role: PermissionRecord['role']): GFile {
    const rec = this.rec();
    const e = String(email).trim().toLowerCase();
    if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(e)) throw exception(`Invalid email: ${email}`);
    const existing = rec.permissions.find((p) => p.type === 'user' && p.emailAddress === e);
    if (existing) {
      if (existing.role !== 'owner') existing.role = role;
    } else rec.permissions.push({ id: this.h.env.model.newPermissionId(), type: 'user', role, emailAddress: e });
    this.h.env.touch(rec);
    return this.h.file(this.id);
  }
  getViewers(): object[] {
    return this.usersWith(['reader', 'commenter']);
  }
  getEditors(): object[] {
    return this.usersWith(['writer']);
  }
  private usersWith(roles: string[]): object[] {
    return this.rec().permissions.filter((p) => p.type === 'user' && roles.includes(p.role)).map((p) => {
      const email = p.emailAddress as string;
      return { getEmail: () => email, getName: () => email.split('@')[0], toString: () => email };
    });
  }
  toString(): string {
    return this.rec().name;
  }
}

class GFolder {
  constructor(private h: Handles, private id: string) {}
  private isRoot(): boolean {
    return this.id === this.h.env.model.rootId;
  }
  private rec(): DriveFileRecord {
    const rec = this.h.record(this.id);
    if (rec.mimeType !== MIME.folder) throw exception(NO_ITEM);
    return rec;
  }
  getId(): string {
    return this.isRoot() ? this.id : this.rec().id;
  }
  getName(): string {
    return this.isRoot() ? 'My Drive' : this.rec().name;
  }
  setName(name: string): GFolder {
    const rec = this.rec();
    rec.name = String(name);
    this.h.env.touch(rec);
    return this.h.folder(this.id);
  }
  getUrl(): string {
    return this.h.env.model.link(`https://drive.google.com/drive/folders/${this.getId()}`);
  }
  getDateCreated(): Date {
    return new Date(this.isRoot() ? 0 : this.rec().createdTime);
  }
  getLastUpdated(): Date {
    return new Date(this.isRoot() ? 0 : this.rec().modifiedTime);
  }
  isTrashed(): boolean {
    return this.isRoot() ? false : this.rec().trashed;
  }
  setTrashed(trashed: boolean): GFolder {
    const rec = this.rec();
    rec.trashed = Boolean(trashed);
    this.h.env.touch(rec);
    return this.h.folder(this.id);
  }
  getParents(): object {
    return this.h.folderIterator(this.isRoot() ? [] : this.rec().parents);
  }
  createFile(...args: unknown[]): GFile {
    this.getId();
    return this.h.createFile(this.id, args, 'DriveApp.Folder.createFile');
  }
  createFolder(name: string): GFolder {
    this.getId();
    return this.h.createFolder(this.id, name);
  }
  getFiles(): object {
    this.getId();
    return this.h.fileIterator(this.h.childIds(this.id, false));
  }
  getFilesByName(name: string): object {
    this.getId();
    return this.h.fileIterator(this.h.childIds(this.id, false, String(name)));
  }
  getFolders(): object {
    this.getId();
    return this.h.folderIterator(this.h.childIds(this.id, true));
  }
  getFoldersByName(name: string): object {
    this.getId();
    return this.h.folderIterator(this.h.childIds(this.id, true, String(name)));
  }
  toString(): string {
    return this.getName();
  }
}

class EmuDriveApp {
  readonly Access = ACCESS;
  readonly Permission = PERMISSION;
  constructor(private h: Handles) {}
  toString(): string {
    return 'Drive';
  }
  getFileById(id: string): GFile {
    if (id === null || id === undefined || id === '') throw exception('Invalid argument: id');
    const rec = this.h.record(String(id));
    if (rec.mimeType === MIME.folder) throw exception(NO_ITEM);
    return this.h.file(rec.id);
  }
  getFolderById(id: string): GFolder {
    if (id === null || id === undefined || id === '') throw exception('Invalid argument: id');
    const sid = String(id);
    if (sid === this.h.env.model.rootId || sid === 'root') return this.h.folder(this.h.env.model.rootId);
    const rec = this.h.record(sid);
    if (rec.mimeType !== MIME.folder) throw exception(NO_ITEM);
    return this.h.folder(rec.id);
  }
  getRootFolder(): GFolder {
    return this.h.folder(this.h.env.model.rootId);
  }
  createFolder(name: string): GFolder {
    return this.h.createFolder(this.h.env.model.rootId, name);
  }
  createFile(...args: unknown[]): GFile {
    return this.h.createFile(this.h.env.model.rootId, args, 'DriveApp.createFile');
  }
  getFilesByName(name: string): object {
    const env = this.h.env;
    return this.h.fileIterator(env.model.listFiles().filter((r) => env.visible(r) && !r.trashed && r.mimeType !== MIME.folder && r.name === String(name)).map((r) => r.id));
  }
  getFiles(): object {
    const env = this.h.env;
    return this.h.fileIterator(env.model.listFiles().filter((r) => env.visible(r) && !r.trashed && r.mimeType !== MIME.folder).map((r) => r.id));
  }
  getFoldersByName(name: string): object {
    const env = this.h.env;
    return this.h.folderIterator(env.model.listFiles().filter((r) => env.visible(r) && !r.trashed && r.mimeType === MIME.folder && r.name === String(name)).map((r) => r.id));
  }
}

// ---------------------------------------------------------------------------------------
// DocumentApp

const names = (...list: string[]): Readonly<Record<string, string>> => Object.freeze(Object.fromEntries(list.map((n) => [n, n])));
/** DocumentApp.ElementType: the names the elements' getType() return (strings, as ParagraphHeading's values). */
const ELEMENT_TYPE = names('BODY_SECTION', 'COMMENT_SECTION', 'DATE', 'EQUATION', 'EQUATION_FUNCTION',
  'EQUATION_FUNCTION_ARGUMENT_SEPARATOR', 'EQUATION_SYMBOL', 'RICH_LINK', 'FOOTER_SECTION', 'FOOTNOTE', 'FOOTNOTE_SECTION',
  'HEADER_SECTION', 'HORIZONTAL_RULE', 'INLINE_DRAWING', 'INLINE_IMAGE', 'LIST_ITEM', 'PAGE_BREAK', 'PARAGRAPH', 'PERSON',
  'TABLE', 'TABLE_CELL', 'TABLE_OF_CONTENTS', 'TABLE_ROW', 'TEXT', 'UNSUPPORTED');
/** DocumentApp.Attribute: the keys of getAttributes()/setAttributes() objects (Element attributes are not emulated). */
const ATTRIBUTE = names('BACKGROUND_COLOR', 'BOLD', 'BORDER_COLOR', 'BORDER_WIDTH', 'CODE', 'FONT_FAMILY', 'FONT_SIZE',
  'FOREGROUND_COLOR', 'HEADING', 'HEIGHT', 'HORIZONTAL_ALIGNMENT', 'INDENT_END', 'INDENT_FIRST_LINE', 'INDENT_START',
  'ITALIC', 'GLYPH_TYPE', 'LEFT_TO_RIGHT', 'LINE_SPACING', 'LINK_URL', 'LIST_ID', 'MARGIN_BOTTOM', 'MARGIN_LEFT',
  'MARGIN_RIGHT', 'MARGIN_TOP', 'NESTING_LEVEL', 'MINIMUM_HEIGHT', 'PADDING_BOTTOM', 'PADDING_LEFT', 'PADDING_RIGHT',
  'PADDING_TOP', 'PAGE_HEIGHT', 'PAGE_WIDTH', 'SPACING_AFTER', 'SPACING_BEFORE', 'STRIKETHROUGH', 'UNDERLINE',
  'VERTICAL_ALIGNMENT', 'WIDTH');

const PARAGRAPH_HEADING = Object.freeze({
  NORMAL: 'NORMAL', HEADING1: 'HEADING1', HEADING2: 'HEADING2', HEADING3: 'HEADING3', HEADING4: 'HEADING4',
  HEADING5: 'HEADING5', HEADING6: 'HEADING6', TITLE: 'TITLE', SUBTITLE: 'SUBTITLE',
});
const HEADING_TO_STYLE: Record<string, NamedStyleType> = {
  NORMAL: 'NORMAL_TEXT', HEADING1: 'HEADING_1', HEADING2: 'HEADING_2', HEADING3: 'HEADING_3', HEADING4: 'HEADING_4',
  HEADING5: 'HEADING_5', HEADING6: 'HEADING_6', TITLE: 'TITLE', SUBTITLE: 'SUBTITLE',
};
const STYLE_TO_HEADING: Record<string, string> = Object.fromEntries(Object.entries(HEADING_TO_STYLE).map(([k, v]) => [v, k]));

class DocSession {
  constructor(readonly env: Env) {}

  record(id: string): DriveFileRecord {
    const rec = this.env.model.file(id);
    if (!this.env.visible(rec) || rec.mimeType !== MIME.document || !this.env.model.docData(id)) {
      throw exception('Document is missing (perhaps it was deleted, or you don\'t have read access?)');
    }
    return rec;
  }

  data(id: string): DocData {
    this.record(id);
    return this.env.model.docData(id) as DocData;
  }

  changed(id: string): void {
    const rec = this.record(id);
    const d = this.env.model.docData(id) as DocData;
    d.revision++;
    this.env.touch(rec, true);
  }

  document(id: string): GDocument {
    return this.env.wrap('Document', new GDocument(this, id));
  }

  body(id: string): GBody {
    return this.env.wrap('Body', new GBody(this, id));
  }

  paragraph(id: string, p: Para): GParagraph {
    return this.env.wrap('Paragraph', new GParagraph(this, id, p));
  }

  table(id: string, t: Table, detached = false): GTable {
    const raw = new GTable(this, id, t);
    raw.detached = detached;
    return this.env.wrap('Table', raw);
  }

  /** The handle of a block: Paragraph, ListItem or Table. */
  element(id: string, b: Block): object {
    return blockElement(this, id, b);
  }

  /** A copy() of a paragraph or list item: in no document until inserted. */
  detachedParagraph(id: string, p: Para): object {
    return blockElement(this, id, p, true);
  }

  section(id: string, name: SectionName): object {
    if (name === 'body') return this.body(id);
    const cls = name === 'header' ? 'HeaderSection' : 'FooterSection';
    return this.env.wrap(cls, new GSection(this, id, name, cls));
  }

  tableCell(id: string, t: Table, rowIndex: number, cellIndex: number): object {
    return (new GTable(this, id, t) as unknown as { cell(r: number, c: number): object }).cell(rowIndex, cellIndex);
  }
}

/** HeaderSection / FooterSection: the container members (docsections.ts) over d.header / d.footer. */
class GSection {
  constructor(readonly s: DocSession, readonly id: string, readonly name: SectionName, private cls: string) {}
  toString(): string {
    return this.cls;
  }
}
for (const [k, fn] of Object.entries(sectionMethods)) Object.defineProperty(GSection.prototype, k, { value: fn, writable: true, configurable: true });

class GDocument {
  constructor(private s: DocSession, private id: string) {}
  getId(): string {
    return this.s.record(this.id).id;
  }
  getName(): string {
    return this.s.record(this.id).name;
  }
  setName(name: string): GDocument {
    const rec = this.s.record(this.id);
    rec.name = String(name);
    this.s.env.touch(rec);
    return this.s.document(this.id);
  }
  getUrl(): string {
    return this.s.env.model.link(`https://docs.google.com/open?id=${this.getId()}`);
  }
  getBody(): GBody {
    this.s.record(this.id);
    return this.s.body(this.id);
  }
  getAs(contentType: string): DriveBlob {
    const rec = this.s.record(this.id);
    if (String(contentType) !== MIME.pdf) throw exception(`Converting from ${MIME.document} to ${String(contentType)} is not supported.`);
    return this.s.env.exportBlob(rec, MIME.pdf) as DriveBlob;
  }
  getBlob(): DriveBlob {
    return this.getAs(MIME.pdf);
  }
  saveAndClose(): void {
    this.s.record(this.id);
  }
  /** "A Document typically contains at most one HeaderSection" (reference, HeaderSection); the
   *  emulator's documents have none (addHeader is not emulated), so there is none to retrieve. */
  getHeader(): object | null {
    return this.s.data(this.id).header ? this.s.section(this.id, 'header') : null;
  }
  /** As getHeader, for the FooterSection. */
  getFooter(): object | null {
    return this.s.data(this.id).footer ? this.s.section(this.id, 'footer') : null;
  }
  /** "Adds a document header section, if none exists." A second call throws live's
   *  "Document tab already contains a header." (gas-fakes testdocssections.js, verified live). */
  addHeader(): object {
    return addSection(this.s, this.id, 'header');
  }
  addFooter(): object {
    return addSection(this.s, this.id, 'footer');
  }
  newRange(): object {
    this.s.record(this.id);
    return newRangeBuilder((cls, o) => this.s.env.wrap(cls, o));
  }
  /** Not in @types or the current reference, but live Apps Script answers it (gas-fakes' suite calls
   *  it on live documents, test/testassist.js maketdoc): it clears the body, as Body.clear(). */
  clear(): GDocument {
    this.getBody().clear();
    return this.s.document(this.id);
  }
  toString(): string {
    return 'Document';
  }
}

// Document's body shortcuts (live Apps Script answers them; gas-fakes testdocs.js "Document level
// append/insert methods"): the same as the Body's members.
for (const k of ['appendParagraph', 'insertParagraph', 'appendListItem', 'insertListItem', 'appendTable', 'insertTable', 'appendPageBreak', 'insertPageBreak', 'appendHorizontalRule', 'insertHorizontalRule'] as const) {
  Object.defineProperty(GDocument.prototype, k, {
    value(this: GDocument, ...args: unknown[]) {
      return (this.getBody() as unknown as Record<string, (...a: unknown[]) => unknown>)[k](...args);
    },
    writable: true,
    configurable: true,
  });
}

class GBody {
  readonly name = 'body';
  constructor(private s: DocSession, private id: string) {}
  /** Live: the children's text joined by '\n', a table's cells each on their own line. */
  getText(): string {
    return sectionText(this.s.data(this.id).body);
  }
  getNumChildren(): number {
    return this.s.data(this.id).body.length;
  }
  getParagraphs(): GParagraph[] {
    return layout(this.s.data(this.id)).paras.map((p) => this.s.paragraph(this.id, p.para));
  }
  getTables(): GTable[] {
    return this.s.data(this.id).body.filter((b): b is Table => b.kind === 'table').map((t) => this.s.table(this.id, t));
  }
  appendParagraph(text: unknown): GParagraph {
    return sectionMethods.appendParagraph.call(this as unknown as RawSection, text) as GParagraph;
  }
  clear(): GBody {
    const d = this.s.data(this.id);
    d.body = [{ kind: 'paragraph', runs: [], style: 'NORMAL_TEXT' }];
    d.namedRanges = [];
    this.s.changed(this.id);
    return this.s.body(this.id);
  }
  /** searchPattern is a regular expression (RE2 in Apps Script); matches stay within a paragraph. */
  replaceText(searchPattern: string, replacement: string): GBody {
    const d = this.s.data(this.id);
    let re: RegExp;
    if (re2Unsupported(String(searchPattern))) throw exception('Invalid argument: searchPattern');
    try {
      re = new RegExp(String(searchPattern), 'g');
    } catch {
      throw exception(`Invalid argument: searchPattern`);
    }
    const hits: { start: number; end: number }[] = [];
    for (const loc of layout(d).paras) {
      const text = paraText(loc.para);
      re.lastIndex = 0;
      let m: RegExpExecArray | null;
      while ((m = re.exec(text)) !== null) {
        if (m[0] === '') {
          re.lastIndex++;
          continue;
        }
        hits.push({ start: loc.start + m.index, end: loc.start + m.index + m[0].length });
      }
    }
    for (let k = hits.length - 1; k >= 0; k--) {
      const L = layout(d);
      const loc = findPara(L, hits[k].start);
      if (loc) replaceSpan(d, loc, hits[k].start, hits[k].end, String(replacement));
    }
    if (hits.length) this.s.changed(this.id);
    return this.s.body(this.id);
  }
  toString(): string {
    return 'DocumentBodySection';
  }
}

class GParagraph {
  /** A copy() not inserted anywhere: it has no document, its text is edited in place. */
  detached = false;
  constructor(private s: DocSession, private id: string, private p: Para) {}
  private loc() {
    const loc = layout(this.s.data(this.id)).paras.find((x) => x.para === this.p);
    if (!loc) throw exception('The element has been removed from the document.');
    return loc;
  }
  /** Body paragraphs are edited through the index model (named ranges follow); header/footer and
   *  detached paragraphs in place. */
  private outsideBody(): boolean {
    if (this.detached) return true;
    const d = this.s.data(this.id);
    if (layout(d).paras.some((x) => x.para === this.p)) return false;
    if (sectionHolds(d, this.p)) return true;
    throw exception('The element has been removed from the document.');
  }
  /** A page break and an inline image have no text (live: "Paragraph containing a page break has empty text",
   *  "Text content of paragraph should not include image", gas-fakes testdocsnext.js / testdocsimages.js). */
  getText(): string {
    this.outsideBody();
    return this.p.runs.filter((r) => !r.pageBreak && !r.image).map((r) => r.text).join('').replace(/\u000b/g, '\r');
  }
  setText(text: string): GParagraph {
    if (this.outsideBody()) {
      const t = String(text).replace(/\r?\n|\r/g, '\u000b');
      const keep = { ...(this.p.runs.find((r) => !r.image) ?? {}) } as Record<string, unknown>;
      delete keep.text;
      delete keep.image;
      this.p.runs = t ? [{ ...keep, text: t }] : [];
      if (!this.detached) this.s.changed(this.id);
      return this.s.paragraph(this.id, this.p);
    }
    const d = this.s.data(this.id);
    const loc = this.loc();
    if (loc.end - 1 > loc.start) deleteRange(d, loc.start, loc.end - 1);
    const t = String(text).replace(/\r?\n|\r/g, '\u000b');
    if (t) insertText(d, this.loc().start, t);
    this.s.changed(this.id);
    return this.s.paragraph(this.id, this.p);
  }
  appendText(text: string): GParagraph {
    if (this.outsideBody()) {
      const t = String(text).replace(/\r?\n|\r/g, '\u000b');
      const last = this.p.runs[this.p.runs.length - 1];
      if (last && !last.image) last.text += t;
      else if (t) this.p.runs.push({ text: t });
      if (!this.detached) this.s.changed(this.id);
      return this.s.paragraph(this.id, this.p);
    }
    const d = this.s.data(this.id);
    const loc = this.loc();
    const t = String(text).replace(/\r?\n|\r/g, '\u000b');
    if (t) insertText(d, loc.end - 1, t);
    this.s.changed(this.id);
    return this.s.paragraph(this.id, this.p);
  }
  getHeading(): string {
    this.outsideBody();
    return STYLE_TO_HEADING[this.p.style] ?? 'NORMAL';
  }
  setHeading(heading: string): GParagraph {
    const style = HEADING_TO_STYLE[String(heading)];
    if (!style) throw exception('Invalid argument: heading');
    const detached = this.outsideBody() && this.detached;
    this.p.style = style;
    // The computed NORMAL_TEXT paragraph style appendParagraph wrote gives way to the heading's own
    // (live: a new HEADING1's HORIZONTAL_ALIGNMENT attribute is null, gas-fakes testdocsstyles.js).
    if (style !== 'NORMAL_TEXT') clearComputedStyle(this.p);
    if (!detached) this.s.changed(this.id);
    return this.s.paragraph(this.id, this.p);
  }
  getType(): string {
    return 'PARAGRAPH';
  }
  toString(): string {
    return 'Paragraph';
  }
}

class GTable {
  detached = false;
  constructor(private s: DocSession, private id: string, private t: Table) {}
  private live(): Table {
    if (!this.detached && !sectionHolds(this.s.data(this.id), this.t)) throw exception('The element has been removed from the document.');
    return this.t;
  }
  getNumRows(): number {
    return this.live().rows.length;
  }
  getRow(rowIndex: number): object {
    const row = this.live().rows[rowIndex];
    if (!row) throw exception(`Child index (${rowIndex}) must be less than the number of child elements (${this.t.rows.length}).`);
    const s = this.s;
    return s.env.wrap('TableRow', {
      getNumCells: () => row.cells.length,
      getCell: (j: number) => this.cell(rowIndex, j),
      getText: () => row.cells.map(cellText).join('\n'),
    });
  }
  getCell(rowIndex: number, cellIndex: number): object {
    return this.cell(rowIndex, cellIndex);
  }
  private cell(rowIndex: number, cellIndex: number): object {
    const row = this.live().rows[rowIndex];
    const cell = row?.cells[cellIndex];
    if (!cell) throw exception(`Child index (${cellIndex}) must be less than the number of child elements (${row?.cells.length ?? 0}).`);
    return this.s.env.wrap('TableCell', {
      getText: () => cellText(cell),
      getRowIndex: () => rowIndex,
      getColumnIndex: () => cellIndex,
    });
  }
  /** Live: every cell's text joined by '\n' (gas-fakes testdocsnext.js "Table.getText()"). */
  getText(): string {
    return tableText(this.live());
  }
  /** "Returns a detached, deep copy of the current element." */
  copy(): GTable {
    return this.s.table(this.id, JSON.parse(JSON.stringify(this.live())) as Table, true);
  }
  getParent(): object | null {
    if (this.detached) return null;
    const w = whereIs(this.s.data(this.id), this.t);
    if (!w) throw exception('The element has been removed from the document.');
    return parentOf(this.s, this.id, w);
  }
  getNumChildren(): number {
    return this.live().rows.length;
  }
  /** "Returns the current element as a Table." (a cast: the element itself). */
  asTable(): GTable {
    return this.s.table(this.id, this.live(), this.detached);
  }
  getChild(childIndex: number): object {
    return this.getRow(childIndex);
  }
  getNextSibling(): object | null {
    return this.sibling(1);
  }
  getPreviousSibling(): object | null {
    return this.sibling(-1);
  }
  private sibling(step: number): object | null {
    if (this.detached) return null;
    const w = whereIs(this.s.data(this.id), this.t);
    if (!w) throw exception('The element has been removed from the document.');
    const b = w.container[w.index + step];
    return b ? this.s.element(this.id, b) : null;
  }
  removeFromParent(): GTable {
    const w = this.detached ? null : whereIs(this.s.data(this.id), this.t);
    if (w) {
      w.container.splice(w.index, 1);
      const d = this.s.data(this.id);
      if (w.section === 'body' && !w.cell) d.body = normalizeBody(d.body);
      this.s.changed(this.id);
    }
    return this.s.table(this.id, this.t, true);
  }
  getType(): string {
    return 'TABLE';
  }
  toString(): string {
    return 'Table';
  }
}

class EmuDocumentApp {
  readonly ParagraphHeading = PARAGRAPH_HEADING;
  readonly HorizontalAlignment = HORIZONTAL_ALIGNMENT;
  readonly ElementType = ELEMENT_TYPE;
  readonly Attribute = ATTRIBUTE;
  constructor(private s: DocSession) {}
  openById(id: string): GDocument {
    this.s.record(String(id));
    return this.s.document(String(id));
  }
  openByUrl(url: string): GDocument {
    const m = /\/d\/([A-Za-z0-9_-]+)|[?&]id=([A-Za-z0-9_-]+)/.exec(String(url));
    if (!m) throw exception('Invalid argument: url');
    return this.openById(m[1] ?? m[2]);
  }
  create(name: string): GDocument {
    const env = this.s.env;
    env.countDocCreate();
    const rec = env.model.newRecord({ name: String(name), mimeType: MIME.document, owner: env.ctx.currentUser(), createdByApp: true, at: env.ctx.clock.now() });
    env.model.putFile(rec, emptyDoc());
    return this.s.document(rec.id);
  }
}

// ---------------------------------------------------------------------------------------

/** An advanced service and its collections print as `AdvancedServiceIdentifier{name=docs, version=v1}`
 *  (gas-fakes testdocsadv.js / testdrive.js, verified live); getVersion() is the API version. */
function advancedIdentity(name: string, version: string): { toString(): string; getVersion(): string } {
  return { toString: () => `AdvancedServiceIdentifier{name=${name}, version=${version}}`, getVersion: () => version };
}

function withIdentity<T extends object>(obj: T, name: string, version: string): T {
  Object.defineProperty(obj, 'toString', { value: advancedIdentity(name, version).toString, writable: true, configurable: true });
  return obj;
}

/** Docs.new<Schema>(): an empty resource to fill with set<Field>(value) (each returns the resource);
 *  the setters are not enumerable, so the resource serialises as the fields set. */
function docsBuilders(): Record<string, () => object> {
  const out: Record<string, () => object> = {};
  for (const [schema, fields] of Object.entries(DOCS_SCHEMAS)) {
    out[`new${schema}`] = () => {
      const resource: Record<string, unknown> = {};
      for (const f of fields ? fields.split(',') : []) {
        Object.defineProperty(resource, `set${f[0].toUpperCase()}${f.slice(1)}`, {
          value: (v: unknown) => { resource[f] = v; return resource; },
        });
      }
      return resource;
    };
  }
  return out;
}

export interface DriveServices {
  Drive: { Files: object; Permissions: object; About: object; Operations: object; toString(): string; getVersion(): string };
  Docs: { Documents: object; toString(): string; getVersion(): string } & Record<string, unknown>;
  DriveApp: object;
  DocumentApp: object;
}

export function createDriveServices(ctx: EmulatorContext, model: DriveModel): DriveServices {
  model.now = () => ctx.clock.now();
  const env = new Env(ctx, model);
  const handles = new Handles(env);
  const docs = new DocSession(env);
  return {
    Drive: {
      ...advancedIdentity('drive', 'v3'),
      Files: env.wrap('DriveFiles', withIdentity(new DriveFiles(env), 'drive', 'v3'), 'Drive.Files'),
      Permissions: env.wrap('DrivePermissions', withIdentity(new DrivePermissions(env), 'drive', 'v3'), 'Drive.Permissions'),
      About: env.wrap('DriveAbout', withIdentity(new DriveAbout(env), 'drive', 'v3'), 'Drive.About'),
      // The v3 service has an Operations collection with no list (live: Drive.Operations.list "is not" a
      // function, gas-fakes testdrive.js "check where google doesnt support in adv drive").
      Operations: withIdentity({}, 'drive', 'v3'),
    },
    Docs: {
      ...advancedIdentity('docs', 'v1'),
      ...docsBuilders(),
      Documents: env.wrap('DocsDocuments', withIdentity(new DocsDocuments(env), 'docs', 'v1'), 'Docs.Documents'),
    },
    DriveApp: env.wrap('DriveApp', new EmuDriveApp(handles)),
    DocumentApp: env.wrap('DocumentApp', new EmuDocumentApp(docs)),
  };
}

for (const [k, fn] of Object.entries(paragraphAttributeMethods)) Object.defineProperty(GParagraph.prototype, k, { value: fn, writable: true, configurable: true });
for (const k of ['getChild', 'getParagraphs', 'getType', 'insertParagraph', 'insertListItem', 'insertTable', 'appendListItem', 'appendTable', 'getListItems', 'getImages', 'getParent'] as const) {
  Object.defineProperty(GBody.prototype, k, { value: sectionMethods[k], writable: true, configurable: true });
}

for (const [cls, methods] of [[EmuDriveApp, driveAppStorageMethods], [GFolder, folderShortcutMethods], [GFile, fileShortcutMethods]] as const) {
  for (const [k, fn] of Object.entries(methods)) Object.defineProperty(cls.prototype, k, { value: fn, writable: true, configurable: true });
}
for (const [k, fn] of Object.entries(paragraphChildMethods)) Object.defineProperty(GParagraph.prototype, k, { value: fn, writable: true, configurable: true });
for (const [k, fn] of Object.entries(bodyImageMethods)) Object.defineProperty(GBody.prototype, k, { value: fn, writable: true, configurable: true });
for (const [k, fn] of Object.entries(bodyPageBreakMethods)) Object.defineProperty(GBody.prototype, k, { value: fn, writable: true, configurable: true });
for (const [k, fn] of Object.entries(bodyStyleMethods)) Object.defineProperty(GBody.prototype, k, { value: fn, writable: true, configurable: true });

installDriveExtras({
  File: GFile, Folder: GFolder, DriveApp: EmuDriveApp, Document: GDocument, Body: GBody, DocumentApp: EmuDocumentApp, Paragraph: GParagraph,
  fileHandle: (env, id) => new Handles(env as Env).file(id),
});
