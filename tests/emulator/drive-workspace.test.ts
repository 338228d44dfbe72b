// Drive, Docs, DriveApp, DocumentApp and the Drive export URL of UrlFetchApp as the workspace
// hands them to the bundle: counted, persisted with the workspace, links on linkBase.
import { createWorkspace } from '../../scripts/emulator/workspace';

/* eslint-disable @typescript-eslint/no-explicit-any */
type Any = any;

function fresh() {
  const ws = createWorkspace({ now: '2026-11-23T09:00:00Z', user: 'owner@studio.test' });
  const g = ws.globals as Any;
  return { ws, g };
}

function makeDoc(g: Any, html = '<h1>Hello</h1><p>World</p>'): string {
  const blob = g.Utilities.newBlob(html, 'text/html', 'x.html');
  return g.Drive.Files.create({ name: 'Doc', mimeType: 'application/vnd.google-apps.document' }, blob, { fields: 'id' }).id;
}

test('the globals include Drive, Docs, DriveApp, DocumentApp and UrlFetchApp', () => {
  const { g } = fresh();
  for (const name of ['Drive', 'Docs', 'DriveApp', 'DocumentApp', 'UrlFetchApp']) expect(g[name]).toBeTruthy();
});

test('UrlFetchApp answers the Drive export URL with the PDF, counted once as urlfetch', () => {
  const { ws, g } = fresh();
  const id = ws.execute(() => makeDoc(g));
  ws.calls.reset();
  const response = ws.execute(() => g.UrlFetchApp.fetch(`https://www.googleapis.com/drive/v3/files/${id}/export?mimeType=application/pdf`, {
    headers: { Authorization: `Bearer ${g.ScriptApp.getOAuthToken()}` }, muteHttpExceptions: true,
  }));
  expect(response.getResponseCode()).toBe(200);
  const blob = response.getBlob();
  expect(blob.getContentType()).toBe('application/pdf');
  expect(Buffer.from(blob.getBytes().map((b: number) => b & 0xff)).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  expect(ws.calls.summary().byCategory.urlfetch).toBe(1);
});

test('the export URL refuses a missing token, an unknown file and other hosts as Drive and UrlFetchApp do', () => {
  const { ws, g } = fresh();
  const id = ws.execute(() => makeDoc(g));
  const url = `https://www.googleapis.com/drive/v3/files/${id}/export?mimeType=application/pdf`;
  ws.execute(() => {
    expect(g.UrlFetchApp.fetch(url, { muteHttpExceptions: true }).getResponseCode()).toBe(401);
    const token = { Authorization: `Bearer ${g.ScriptApp.getOAuthToken()}` };
    const missing = g.UrlFetchApp.fetch(url.replace(id, 'nope'), { headers: token, muteHttpExceptions: true });
    expect(missing.getResponseCode()).toBe(404);
    expect(JSON.parse(missing.getContentText()).error.message).toBe('File not found: nope.');
    expect(() => g.UrlFetchApp.fetch(url.replace(id, 'nope'), { headers: token })).toThrow(/^Request failed for https:\/\/www.googleapis.com returned code 404/);
    expect(() => g.UrlFetchApp.fetch('https://example.com/')).toThrow(/has no network/);
  });
});

test('the Drive model is persisted with the workspace and readable through ws.drive', () => {
  const { ws, g } = fresh();
  const id = ws.execute(() => makeDoc(g));
  const again = createWorkspace({ state: JSON.parse(JSON.stringify(ws.toJSON())) });
  expect(again.drive.documentText(id)).toBe('Hello\nWorld');
  expect(again.drive.file(id)?.name).toBe('Doc');
});

test('links point at linkBase when the host sets one (the playground)', () => {
  const { ws, g } = fresh();
  const id = ws.execute(() => makeDoc(g));
  ws.drive.linkBase = 'http://127.0.0.1:8315';
  const link = ws.execute(() => g.Drive.Files.get(id, { fields: 'webViewLink' }).webViewLink);
  expect(link).toBe(`http://127.0.0.1:8315/document/d/${id}/edit?usp=drivesdk`);
});

// Drive v3 files.update: "Updates a file's metadata and/or content." (Drive API reference,
// files.update). The add-on rebuilds a regenerated Doc in place this way (issue 21, item 1): the
// filled scratch copy exported as text/html, uploaded as the content of the existing Doc.
test('a Doc exported as HTML and uploaded as the content of another Doc rebuilds that Doc in place: same id, parents and permissions', () => {
  const { ws, g } = fresh();
  const target = ws.execute(() => makeDoc(g, '<p>Old total: 2,975.00</p><table><tr><td>Discount</td><td>15%</td></tr></table>'));
  const source = ws.execute(() => makeDoc(g, '<h1>Proposal</h1><table><tr><td>Website</td><td>3,500.00</td></tr></table><p>Total 3,500.00</p>'));
  ws.execute(() => g.Drive.Permissions.create({ role: 'reader', type: 'anyone' }, target));
  const before = { parents: ws.drive.file(target)!.parents, permissions: ws.drive.file(target)!.permissions };
  ws.execute(() => {
    const html = g.UrlFetchApp.fetch(`https://www.googleapis.com/drive/v3/files/${source}/export?mimeType=${encodeURIComponent('text/html')}`, {
      headers: { Authorization: `Bearer ${g.ScriptApp.getOAuthToken()}` }, muteHttpExceptions: true,
    });
    expect(html.getResponseCode()).toBe(200);
    const res = g.Drive.Files.update({}, target, html.getBlob().setContentType('text/html'), { fields: 'id,mimeType' });
    expect(res).toEqual({ id: target, mimeType: 'application/vnd.google-apps.document' });
    g.Drive.Files.update({ trashed: true }, source);
  });
  expect(ws.drive.documentText(target)).toBe(ws.drive.documentText(source));
  expect(ws.drive.documentTables(target)).toEqual([[['Website', '3,500.00']]]);
  expect({ parents: ws.drive.file(target)!.parents, permissions: ws.drive.file(target)!.permissions }).toEqual(before);
  expect(ws.drive.file(source)!.trashed).toBe(true);
});
