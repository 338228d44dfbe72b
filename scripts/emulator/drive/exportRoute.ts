// Drive v3's files.export REST endpoint as a UrlFetchApp route:
//   GET https://www.googleapis.com/drive/v3/files/{fileId}/export?mimeType=…
// and the metadata reads files.list (GET …/drive/v3/files) and files.get (GET …/drive/v3/files/{fileId},
// 'root' is My Drive), default fields kind,id,name,mimeType as the API returns them.
// with `Authorization: Bearer <ScriptApp.getOAuthToken()>`. The add-on exports PDFs this way
// because it is the documented REST call that works under the drive.file scope (the Drive
// advanced service's export needs an undocumented alt=media, issuetracker 468534237).
import { FetchRoute } from '../fetch/router';
import { FetchRequest, Reply, bearerUser, googleError, jsonReply, missingCredential } from '../fetch/reply';
import { DriveFileRecord, DriveModel, MIME } from './model';

const EXPORT_PATH = /^\/drive\/v3\/files\/([^/]+)\/export$/;
/** What Drive answers for export (10 MB is Drive's documented export limit). */
const EXPORT_LIMIT = 10 * 1024 * 1024;

function exportReply(model: DriveModel, fileId: string, request: FetchRequest): Reply {
  if (bearerUser(request) !== request.user) return missingCredential();
  if (request.method !== 'get') return googleError(405, `Method ${request.method.toUpperCase()} is not allowed on files.export.`, 'httpMethodNotAllowed');
  const mimeType = request.url.searchParams.get('mimeType');
  if (!mimeType) return googleError(400, 'Required parameter: mimeType', 'required', { location: 'mimeType', locationType: 'parameter' });
  const rec = model.file(fileId);
  // The token carries drive.file: only files the add-on created are visible.
  if (!rec || (model.scope === 'drive.file' && !rec.createdByApp)) {
    return googleError(404, `File not found: ${fileId}.`, 'notFound', { location: 'fileId', locationType: 'parameter' });
  }
  if (!rec.mimeType.startsWith('application/vnd.google-apps.')) return googleError(403, 'Export only supports Docs Editors files.', 'fileNotExportable');
  const out = rec.mimeType === MIME.document ? model.exportDocument(rec.id, mimeType) : null;
  if (!out) {
    // Drive itself also makes docx/odt/rtf/epub; the emulator renders only pdf, html and text.
    return googleError(400, `The requested conversion is not supported (the emulator exports Docs as ${MIME.pdf}, ${MIME.html} and ${MIME.text}).`, 'badRequest');
  }
  if (out.bytes.length > EXPORT_LIMIT) return googleError(403, 'This file is too large to be exported.', 'exportSizeLimitExceeded');
  return { code: 200, headers: { 'Content-Type': out.contentType, 'Content-Length': String(out.bytes.length) }, bytes: out.bytes };
}

const FILES_PATH = /^\/drive\/v3\/files(?:\/([^/]+))?$/;

function visible(model: DriveModel, rec: DriveFileRecord | undefined): rec is DriveFileRecord {
  return Boolean(rec) && (model.scope === 'drive' || (rec as DriveFileRecord).createdByApp);
}

const brief = (rec: { id: string; name: string; mimeType: string }) => ({ kind: 'drive#file', id: rec.id, name: rec.name, mimeType: rec.mimeType });

/** files.list ("Lists the user's files", the untrashed ones visible under the token's scope) and files.get. */
function metadataReply(model: DriveModel, fileId: string | undefined, request: FetchRequest): Reply {
  if (bearerUser(request) !== request.user) return missingCredential();
  if (request.method !== 'get') return googleError(405, `Method ${request.method.toUpperCase()} is not allowed here by the emulator (it answers GET).`, 'httpMethodNotAllowed');
  if (fileId === undefined) {
    const files = model.listFiles().filter((r) => visible(model, r) && !r.trashed).map(brief);
    return jsonReply(200, { kind: 'drive#fileList', incompleteSearch: false, files });
  }
  if (fileId === 'root' || fileId === model.rootId) return jsonReply(200, brief({ id: model.rootId, name: 'My Drive', mimeType: MIME.folder }));
  const rec = model.file(fileId);
  if (!visible(model, rec)) return googleError(404, `File not found: ${fileId}.`, 'notFound', { location: 'fileId', locationType: 'parameter' });
  // "Blob file content using the files.get method with the alt=media parameter" (Download and export files).
  if (request.url.searchParams.get('alt') === 'media') {
    if (rec.mimeType.startsWith('application/vnd.google-apps.')) {
      return googleError(403, 'Only files with binary content can be downloaded. Use Export with Docs Editors files.', 'fileNotDownloadable', { location: 'alt', locationType: 'parameter' });
    }
    const bytes = rec.content ?? new Uint8Array(0);
    return { code: 200, headers: { 'Content-Type': rec.mimeType, 'Content-Length': String(bytes.length) }, bytes };
  }
  return jsonReply(200, brief(rec));
}

export function driveExportRoute(model: DriveModel): FetchRoute {
  return {
    describe: 'Drive files.export (GET https://www.googleapis.com/drive/v3/files/{id}/export?mimeType=…), files.list and files.get (GET …/drive/v3/files[/{id}], alt=media for content)',
    handle(request) {
      if (request.url.origin !== 'https://www.googleapis.com') return null;
      const match = EXPORT_PATH.exec(request.url.pathname);
      if (match) return exportReply(model, decodeURIComponent(match[1]), request);
      const files = FILES_PATH.exec(request.url.pathname);
      return files ? metadataReply(model, files[1] === undefined ? undefined : decodeURIComponent(files[1]), request) : null;
    },
  };
}
