// Drive (v3) + Docs (v1) advanced services, DriveApp and DocumentApp: public surface used by
// the workspace, the playground and the tests.

import { DriveModel } from './model';

export { DriveModel, MIME } from './model';
export type { DriveFileRecord, PermissionRecord, DocModelHandle, DriveModelInit } from './model';
export { createDriveServices, GoogleJsonResponseException } from './services';
export type { DriveServices } from './services';
export { DriveBlob, isBlobLike, blobBytes } from './blob';
export type { BlobLike } from './blob';
export { htmlToBlocks, docToHtml } from './html';

/** The PDF Drive's export (and File.getAs('application/pdf')) returns for a Doc: same renderer. */
export function renderPdf(model: DriveModel, docId: string): Buffer {
  return model.renderPdf(docId);
}

/** Uncounted: a Doc exported as Drive's files.export would (pdf, html, plain text); null otherwise. */
export function exportDocument(model: DriveModel, docId: string, mimeType: string): { bytes: Uint8Array; contentType: string } | null {
  return model.exportDocument(docId, mimeType);
}
