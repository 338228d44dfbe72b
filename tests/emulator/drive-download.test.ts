// Drive v3 files.download (the Drive advanced service) against the Drive API reference, quoted per
// test, and the downloadUri it hands out fetched through UrlFetchApp with the script's OAuth token.
import { createWorkspace } from '../../scripts/emulator/workspace';
import { applyManifest } from '../../scripts/emulator/manifest';
import { caught } from './fixtures/context';

/* eslint-disable @typescript-eslint/no-explicit-any */
type Any = any;

function fresh() {
  const ws = createWorkspace({ now: '2026-11-23T09:00:00Z', user: 'owner@studio.test' });
  applyManifest(ws, { oauthScopes: ['https://www.googleapis.com/auth/drive'] });
  const g = ws.globals as Any;
  return { ws, g, run: <T>(fn: () => T) => ws.execute(fn) };
}

test('files.download of a blob file: a done Operation whose downloadUri serves the bytes', () => {
  const { g, run } = fresh();
  run(() => {
    const file = g.DriveApp.createFile(g.Utilities.newBlob('foo is not bar', 'text/plain', 'fake.txt'));
    // "Downloads the content of a file. … Operations are valid for 24 hours from the time of creation."
    // Operation: "If the value is `false`, it means the operation is still in progress. If `true`, the
    // operation is completed, and either `error` or `response` is available."
    const op = g.Drive.Files.download(file.getId());
    expect(op.done).toBe(true);
    // name: "If you use the default HTTP mapping, the `name` should be a resource name ending with `operations/{unique_id}`."
    expect(op.name).toMatch(/^operations\//);
    expect(op.metadata['@type']).toBe('type.googleapis.com/google.apps.drive.v3.DownloadFileMetadata');
    expect(op.response['@type']).toBe('type.googleapis.com/google.apps.drive.v3.DownloadFileResponse');
    // "Blob file content using the files.get method with the alt=media parameter."
    expect(op.response.downloadUri).toBe(`https://www.googleapis.com/drive/v3/files/${file.getId()}?alt=media&source=downloadUrl`);
    const headers = { Authorization: `Bearer ${g.ScriptApp.getOAuthToken()}` };
    const response = g.UrlFetchApp.fetch(op.response.downloadUri, { headers });
    expect(response.getResponseCode()).toBe(200);
    expect(response.getContentText()).toBe('foo is not bar');
    expect(response.getBlob().getContentType()).toBe('text/plain');
    expect(response.getBlob().getBytes()).toEqual(file.getBlob().getBytes());
    // Without the token Drive answers 401.
    expect(g.UrlFetchApp.fetch(op.response.downloadUri, { muteHttpExceptions: true }).getResponseCode()).toBe(401);
    // mimeType: "This field can only be set when downloading Google Workspace documents."
    expect(caught(() => g.Drive.Files.download(file.getId(), { mimeType: 'application/pdf' })).message).toMatch(/only be set when downloading Google Workspace documents/);
    expect(caught(() => g.Drive.Files.download('no-such-file')).message).toBe('API call to drive.files.download failed with error: File not found: no-such-file.');
  });
});

test('files.download of a Google Doc: the downloadUri exports it (mimeType, PDF by default)', () => {
  const { g, run } = fresh();
  run(() => {
    const doc = g.DocumentApp.create('Quote');
    doc.getBody().appendParagraph('Hello');
    doc.saveAndClose();
    // mimeType: "The MIME type the file should be downloaded as. This field can only be set when
    // downloading Google Workspace documents. … If not set, a Google Workspace document is
    // downloaded with a default MIME type."
    const op = g.Drive.Files.download(doc.getId(), { mimeType: 'text/plain' });
    const headers = { Authorization: `Bearer ${g.ScriptApp.getOAuthToken()}` };
    expect(g.UrlFetchApp.fetch(op.response.downloadUri, { headers }).getContentText()).toContain('Hello');
    const pdf = g.UrlFetchApp.fetch(g.Drive.Files.download(doc.getId()).response.downloadUri, { headers });
    expect(pdf.getBlob().getContentType()).toBe('application/pdf');
    // files.get alt=media refuses a Docs file: only blob content downloads that way.
    const media = g.UrlFetchApp.fetch(`https://www.googleapis.com/drive/v3/files/${doc.getId()}?alt=media`, { headers, muteHttpExceptions: true });
    expect(media.getResponseCode()).toBe(403);
  });
});
