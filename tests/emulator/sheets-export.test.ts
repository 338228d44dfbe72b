// The Sheets export URL (scripts/emulator/sheetsExport/route.ts). Not in Google's API reference;
// the behaviour is the one Google's own solution generate-pdfs relies on
// (googleworkspace/apps-script-samples solutions/automations/generate-pdfs/Code.js):
//   "const url = `https://docs.google.com/spreadsheets/d/${ssId}/export?format=pdf&…&gid=${sheet.getSheetId()}&r1=${fr}&c1=${fc}&r2=${lr}&c2=${lc}`;"
//   "headers: { authorization: `Bearer ${ScriptApp.getOAuthToken()}` }"
//   "const blob = UrlFetchApp.fetch(url, params).getBlob().setName(`${pdfName}.pdf`);"
// and UrlFetchApp's reference: "HTTPResponse.getResponseCode() — Get the HTTP status code (200 for OK, etc.)".
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createWorkspace } from '../../scripts/emulator/workspace';

type Any = any; // eslint-disable-line @typescript-eslint/no-explicit-any

function setup() {
  const ws = createWorkspace({ spreadsheetName: 'Invoices', user: 'office@studio.test', now: '2026-12-01T09:00:00Z' });
  ws.writeRows('Data', 1, [['Item', 'Price'], ['Design, logo', 400], ['Hosting', 20.5]]);
  ws.writeRows('Invoice', 1, [['INVOICE'], ['Acme GmbH']]);
  const g = ws.globals as Any;
  const run = <T>(fn: () => T): T => ws.execute(fn);
  const ss = run(() => g.SpreadsheetApp.getActive());
  const url = (query: string) => `https://docs.google.com/spreadsheets/d/${ss.getId()}/export?${query}`;
  const auth = () => ({ headers: { authorization: `Bearer ${run(() => g.ScriptApp.getOAuthToken())}` }, muteHttpExceptions: true });
  return { ws, g, run, ss, url, auth };
}

describe('GET https://docs.google.com/spreadsheets/d/{id}/export', () => {
  test('format=pdf&gid=…&r1&c1&r2&c2: a PDF of that sheet\'s range, 200, application/pdf', () => {
    const { g, run, ss, url, auth } = setup();
    const gid = run(() => ss.getSheetByName('Invoice').getSheetId());
    const res = run(() => g.UrlFetchApp.fetch(url(`format=pdf&size=7&portrait=true&gridlines=false&gid=${gid}&r1=0&c1=0&r2=27&c2=9`), auth()));
    expect(run(() => res.getResponseCode())).toBe(200);
    const blob = run(() => res.getBlob().setName('Invoice.pdf'));
    expect(run(() => blob.getContentType())).toBe('application/pdf');
    const bytes = Buffer.from(run(() => blob.getBytes()) as number[]);
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const file = join(mkdtempSync(join(tmpdir(), 'sheets-export-')), 'f.pdf');
    writeFileSync(file, bytes);
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
    expect(text).toContain('INVOICE');
    expect(text).toContain('Acme GmbH');
    expect(text).not.toContain('Hosting'); // another sheet's values
    // r1/c1/r2/c2 cut the range: only row 2 (0-based 1), column A.
    const cut = run(() => g.UrlFetchApp.fetch(url(`format=pdf&gid=${gid}&r1=1&c1=0&r2=2&c2=1`), auth()).getBlob().getBytes()) as number[];
    writeFileSync(file, Buffer.from(cut));
    const cutText = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
    expect(cutText).toContain('Acme GmbH');
    expect(cutText).not.toContain('INVOICE');
  });

  test('format=csv: the sheet\'s displayed values as CSV (the first sheet without gid)', () => {
    const { g, run, ss, url, auth } = setup();
    const first = run(() => ss.getSheets()[0].getName());
    const res = run(() => g.UrlFetchApp.fetch(url('format=csv'), auth()));
    expect(run(() => res.getResponseCode())).toBe(200);
    expect(first).toBe('Sheet1'); // the workspace's first sheet is empty
    const gid = run(() => ss.getSheetByName('Data').getSheetId());
    const csv = run(() => g.UrlFetchApp.fetch(url(`format=csv&gid=${gid}`), auth()).getContentText());
    expect(csv).toBe('Item,Price\n"Design, logo",400\nHosting,20.5');
  });

  test('without the OAuth token 401; an unknown spreadsheet 404; another format 400', () => {
    const { g, run, url, auth } = setup();
    expect(run(() => g.UrlFetchApp.fetch(url('format=pdf'), { muteHttpExceptions: true }).getResponseCode())).toBe(401);
    expect(run(() => g.UrlFetchApp.fetch('https://docs.google.com/spreadsheets/d/nope/export?format=pdf', auth()).getResponseCode())).toBe(404);
    expect(run(() => g.UrlFetchApp.fetch(url('format=xlsx'), auth()).getResponseCode())).toBe(400);
  });
});
