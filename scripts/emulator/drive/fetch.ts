// UrlFetchApp for exactly one kind of request: Drive v3's files.export REST endpoint
//   GET https://www.googleapis.com/drive/v3/files/{fileId}/export?mimeType=…
// with `Authorization: Bearer <ScriptApp.getOAuthToken()>`. The add-on exports PDFs this way
// because it is the documented REST call that works under the drive.file scope (the Drive
// advanced service's export needs an undocumented alt=media, issuetracker 468534237).
// Anything else fails loudly: the emulator has no network, and a silent fake would hide a
// call the real add-on makes.

import { EmulatorContext, counted } from '../context';
import { DriveBlob } from './blob';
import { DriveModel, MIME } from './model';

const EXPORT_URL = /^https:\/\/www\.googleapis\.com\/drive\/v3\/files\/([^/?#]+)\/export(\?[^#]*)?$/;
/** What Drive answers for export (10 MB is Drive's documented export limit). */
const EXPORT_LIMIT = 10 * 1024 * 1024;

function exception(message: string): Error {
  const e = new Error(message);
  e.name = 'Exception';
  return e;
}

interface Reply {
  code: number;
  headers: Record<string, string>;
  bytes: Uint8Array;
}

function jsonError(code: number, message: string, reason: string, extra: Record<string, string> = {}): Reply {
  const body = { error: { code, message, errors: [{ message, domain: 'global', reason, ...extra }] } };
  return { code, headers: { 'Content-Type': 'application/json; charset=UTF-8' }, bytes: new Uint8Array(Buffer.from(JSON.stringify(body, null, 2), 'utf8')) };
}

class HttpResponse {
  constructor(private reply: Reply) {}
  getResponseCode(): number {
    return this.reply.code;
  }
  getHeaders(): Record<string, string> {
    return { ...this.reply.headers };
  }
  getAllHeaders(): Record<string, string> {
    return { ...this.reply.headers };
  }
  getContent(): number[] {
    return new DriveBlob(this.reply.bytes).getBytes();
  }
  getContentText(charset?: string): string {
    return new DriveBlob(this.reply.bytes).getDataAsString(charset);
  }
  getBlob(): DriveBlob {
    // UrlFetch names the blob after the last path segment of the URL.
    return new DriveBlob(this.reply.bytes, (this.reply.headers['Content-Type'] ?? '').split(';')[0] || null, 'export');
  }
  getAs(contentType: string): DriveBlob {
    return this.getBlob().getAs(contentType);
  }
  toString(): string {
    return 'HTTPResponse';
  }
}

function headerOf(headers: unknown, name: string): string | undefined {
  if (!headers || typeof headers !== 'object') return undefined;
  for (const [k, v] of Object.entries(headers as Record<string, unknown>)) if (k.toLowerCase() === name.toLowerCase()) return String(v);
  return undefined;
}

/** The answer Drive gives to an export request, as status + headers + body. */
function exportReply(ctx: EmulatorContext, model: DriveModel, fileId: string, query: URLSearchParams, token: string | undefined): Reply {
  // ScriptApp.getOAuthToken() of the emulator is `emulator-oauth-token.<base64url user>`.
  const expected = `emulator-oauth-token.${Buffer.from(ctx.currentUser()).toString('base64url')}`;
  if (token !== `Bearer ${expected}`) {
    return jsonError(401, 'Request is missing required authentication credential. Expected OAuth 2 access token, login cookie or other valid authentication credential.', 'required', { location: 'Authorization', locationType: 'header' });
  }
  const mimeType = query.get('mimeType');
  if (!mimeType) return jsonError(400, 'Required parameter: mimeType', 'required', { location: 'mimeType', locationType: 'parameter' });
  const rec = model.file(fileId);
  // The token carries drive.file: only files the add-on created are visible.
  if (!rec || (model.scope === 'drive.file' && !rec.createdByApp)) {
    return jsonError(404, `File not found: ${fileId}.`, 'notFound', { location: 'fileId', locationType: 'parameter' });
  }
  if (!rec.mimeType.startsWith('application/vnd.google-apps.')) return jsonError(403, 'Export only supports Docs Editors files.', 'fileNotExportable');
  const out = rec.mimeType === MIME.document ? model.exportDocument(rec.id, mimeType) : null;
  if (!out) {
    // Drive itself also makes docx/odt/rtf/epub; the emulator renders only pdf, html and text.
    return jsonError(400, `The requested conversion is not supported (the emulator exports Docs as ${MIME.pdf}, ${MIME.html} and ${MIME.text}).`, 'badRequest');
  }
  if (out.bytes.length > EXPORT_LIMIT) return jsonError(403, 'This file is too large to be exported.', 'exportSizeLimitExceeded');
  return { code: 200, headers: { 'Content-Type': out.contentType, 'Content-Length': String(out.bytes.length) }, bytes: out.bytes };
}

class EmuUrlFetchApp {
  constructor(private ctx: EmulatorContext, private model: DriveModel) {}

  fetch(url: string, params: Record<string, unknown> = {}): HttpResponse {
    const href = String(url);
    const match = EXPORT_URL.exec(href);
    if (!match) {
      throw exception(`The emulator's UrlFetchApp has no network; it answers only Drive's export URL (https://www.googleapis.com/drive/v3/files/{id}/export?mimeType=…), not ${href}`);
    }
    const method = String(params.method ?? 'get').toLowerCase();
    if (method !== 'get') throw exception(`The emulator answers the Drive export URL only with method get (got ${method}).`);
    const query = new URLSearchParams((match[2] ?? '').slice(1));
    const reply = exportReply(this.ctx, this.model, decodeURIComponent(match[1]), query, headerOf(params.headers, 'Authorization'));
    if (reply.code >= 400 && params.muteHttpExceptions !== true) {
      const body = Buffer.from(reply.bytes).toString('utf8');
      throw exception(`Request failed for https://www.googleapis.com returned code ${reply.code}. Truncated server response: ${body.slice(0, 100)}... (use muteHttpExceptions option to examine full response)`);
    }
    return counted(this.ctx.calls, 'HTTPResponse', new HttpResponse(reply));
  }

  fetchAll(requests: unknown[]): HttpResponse[] {
    return (requests ?? []).map((r) => {
      const req = (typeof r === 'string' ? { url: r } : r) as Record<string, unknown>;
      return this.fetch(String(req.url), req);
    });
  }
}

/** UrlFetchApp over a DriveModel; counted as UrlFetchApp.fetch (category urlfetch). */
export function createUrlFetchApp(ctx: EmulatorContext, model: DriveModel): object {
  const app = new EmuUrlFetchApp(ctx, model);
  const guarded = new Proxy(app, {
    get(o, prop, receiver) {
      const value = Reflect.get(o, prop, receiver);
      if (typeof value !== 'function' || typeof prop !== 'string' || prop === 'constructor') return value;
      return function guardedMethod(...args: unknown[]) {
        ctx.requireAuthorization(`UrlFetchApp.${prop}`);
        return (value as (...a: unknown[]) => unknown).apply(o, args);
      };
    },
  });
  return counted(ctx.calls, 'UrlFetchApp', guarded);
}
