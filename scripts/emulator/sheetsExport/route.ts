// The Sheets editor's export URL as a UrlFetchApp route:
//   GET https://docs.google.com/spreadsheets/d/{id}/export?format=pdf|csv&gid={sheetId}&r1=&c1=&r2=&c2=…
// with `Authorization: Bearer <ScriptApp.getOAuthToken()>`. It is not in Google's API reference;
// scripts use it because it prints one sheet (or a range of it) as PDF, which files.export cannot
// (Google's own solution generate-pdfs builds exactly this URL). Parameters as those scripts use
// them: `gid` picks the sheet (default: the first), `r1`/`c1` (0-based, inclusive) and `r2`/`c2`
// (0-based, exclusive) a range; `find('')` is the bound spreadsheet; the print options (size, margins, gridlines, …) are accepted and
// not rendered. The PDF holds the range's displayed values as a table (emulator rendering, not
// Sheets' layout). `format=csv` gives the sheet's displayed values as CSV.
import { FetchRoute } from '../fetch/router';
import { FetchRequest, Reply, bearerUser, googleError, missingCredential } from '../fetch/reply';
import { DriveModel, MIME } from '../drive/model';
import { docToPdf } from '../drive/pdf';
import { emptyDoc, textPara } from '../drive/docmodel';
import type { Table } from '../drive/docmodel';
import { SpreadsheetModel } from '../spreadsheet/model';
import { snapshotSheet } from '../spreadsheet/index';

const EXPORT_PATH = /^\/spreadsheets\/d\/([^/]+)\/export$/;

function intParam(request: FetchRequest, name: string): number | null {
  const raw = request.url.searchParams.get(name);
  if (raw === null || raw === '') return null;
  const n = Number(raw);
  return Number.isInteger(n) && n >= 0 ? n : null;
}

function csvCell(text: string): string {
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function exportReply(find: (id: string) => SpreadsheetModel | null, drive: DriveModel, now: () => Date, id: string, request: FetchRequest): Reply {
  if (bearerUser(request) !== request.user) return missingCredential();
  if (request.method !== 'get') return googleError(405, `Method ${request.method.toUpperCase()} is not allowed.`, 'httpMethodNotAllowed');
  const model = find(id);
  const rec = drive.file(id);
  // The script's own container is always readable (spreadsheets.currentonly); other files under
  // drive.file only if the script made them.
  const visible = !!model && (model === find('') || !!rec && (drive.scope === 'drive' || rec.createdByApp));
  if (!model || !visible) return googleError(404, 'Requested entity was not found.', 'notFound');
  const gid = intParam(request, 'gid');
  const sheet = gid === null ? model.sheets[0] : model.sheetById(gid);
  if (!sheet) return googleError(400, `No sheet with gid ${request.url.searchParams.get('gid')}.`, 'badRequest');
  const snap = snapshotSheet(model, sheet.name, now());
  const r1 = intParam(request, 'r1') ?? 0;
  const c1 = intParam(request, 'c1') ?? 0;
  const r2 = intParam(request, 'r2') ?? snap.displayValues.length;
  const c2 = intParam(request, 'c2') ?? (snap.displayValues[0]?.length ?? 0);
  const rows = snap.displayValues.slice(r1, r2).map((r) => {
    const cells = r.slice(c1, c2);
    while (cells.length < c2 - c1) cells.push('');
    return cells;
  });
  const format = (request.url.searchParams.get('format') ?? 'pdf').toLowerCase();
  if (format === 'csv') {
    const text = snap.displayValues.map((r) => r.map(csvCell).join(',')).join('\n');
    const bytes = new Uint8Array(Buffer.from(text, 'utf8'));
    return { code: 200, headers: { 'Content-Type': 'text/csv', 'Content-Length': String(bytes.length) }, bytes };
  }
  if (format !== 'pdf') return googleError(400, `The emulator exports sheets as pdf and csv, not ${format}.`, 'badRequest');
  const doc = emptyDoc();
  const table: Table = { kind: 'table', rows: rows.map((r) => ({ cells: r.map((text) => ({ content: [textPara(text)] })) })) };
  doc.body = rows.length ? [textPara(''), table, textPara('')] : [textPara('')];
  const bytes = new Uint8Array(docToPdf(`${model.name} - ${sheet.name}`, doc, now()));
  return { code: 200, headers: { 'Content-Type': MIME.pdf, 'Content-Length': String(bytes.length) }, bytes };
}

export function sheetsExportRoute(find: (id: string) => SpreadsheetModel | null, drive: DriveModel, now: () => Date): FetchRoute {
  return {
    describe: 'Sheets export (GET https://docs.google.com/spreadsheets/d/{id}/export?format=pdf|csv&gid=…)',
    handle(request) {
      if (request.url.origin !== 'https://docs.google.com') return null;
      const match = EXPORT_PATH.exec(request.url.pathname);
      return match ? exportReply(find, drive, now, decodeURIComponent(match[1]), request) : null;
    },
  };
}
