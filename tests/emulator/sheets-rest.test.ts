// The Sheets REST API v4 route (scripts/emulator/sheetsRest/route.ts), tested against sentences
// of Google's reference (developers.google.com/workspace/sheets/api/reference/rest/v4 and /limits).
import { createWorkspace } from '../../scripts/emulator/workspace';
import { SHEETS_MAX_CELLS, SHEETS_MAX_PAYLOAD_BYTES } from '../../scripts/emulator/sheetsRest/route';

/* eslint-disable @typescript-eslint/no-explicit-any */
type Any = any;

const API = 'https://sheets.googleapis.com/v4/spreadsheets';

function client(ws: ReturnType<typeof createWorkspace>) {
  const g = ws.globals as Any;
  const call = (method: string, url: string, body?: unknown, token?: string) => ws.execute(() => {
    const res = g.UrlFetchApp.fetch(url, {
      method, muteHttpExceptions: true, contentType: 'application/json',
      headers: { Authorization: `Bearer ${token ?? g.ScriptApp.getOAuthToken()}` },
      ...(body === undefined ? {} : { payload: JSON.stringify(body) }),
    });
    return { code: res.getResponseCode(), json: JSON.parse(res.getContentText()) };
  });
  return { call, g };
}

function created(ws: ReturnType<typeof createWorkspace>, sheets: { title: string; rows?: number; cols?: number }[] = [{ title: 'Deals', rows: 10, cols: 5 }]) {
  const { call } = client(ws);
  const res = call('post', API, { properties: { title: 'Backup' }, sheets: sheets.map((s) => ({ properties: { title: s.title, gridProperties: { rowCount: s.rows, columnCount: s.cols } } })) });
  expect(res.code).toBe(200);
  return res.json;
}

test('spreadsheets.create makes a Drive file the add-on created (visible under drive.file) with the sheets asked for', () => {
  const ws = createWorkspace();
  const made = created(ws, [{ title: 'Deals', rows: 20, cols: 4 }, { title: 'Quote lines' }]);
  // "Creates a spreadsheet, returning the newly created spreadsheet."
  expect(made.spreadsheetId).toMatch(/^1/);
  expect(made.properties.title).toBe('Backup');
  expect(made.sheets.map((s: Any) => [s.properties.title, s.properties.gridProperties.rowCount, s.properties.gridProperties.columnCount]))
    .toEqual([['Deals', 20, 4], ['Quote lines', 1000, 26]]);
  expect(made.spreadsheetUrl).toBe(`https://docs.google.com/spreadsheets/d/${made.spreadsheetId}/edit`);
  const rec = ws.drive.file(made.spreadsheetId)!;
  expect(rec.mimeType).toBe('application/vnd.google-apps.spreadsheet');
  expect(rec.createdByApp).toBe(true);
  // The Drive advanced service (drive.file) sees it, so it can be moved into a folder and trashed.
  const g = ws.globals as Any;
  expect(ws.execute(() => g.Drive.Files.get(made.spreadsheetId).name)).toBe('Backup');
});

test('values.batchUpdate writes RAW values as-is; values.get and batchGet read them back without trailing empties', () => {
  const ws = createWorkspace();
  const { call } = client(ws);
  const id = created(ws, [{ title: 'Deals', rows: 10, cols: 5 }, { title: 'Quote lines', rows: 10, cols: 3 }]).spreadsheetId;
  // "Sets values in one or more ranges of a spreadsheet. The caller must specify the spreadsheet ID, a valueInputOption, and one or more ValueRanges."
  const missing = call('post', `${API}/${id}/values:batchUpdate`, { data: [{ range: 'Deals!A1', values: [['x']] }] });
  expect(missing.code).toBe(400);
  expect(missing.json.error.status).toBe('INVALID_ARGUMENT');
  const res = call('post', `${API}/${id}/values:batchUpdate`, {
    valueInputOption: 'RAW',
    data: [
      { range: 'Deals!A1', values: [['ID', 'Title', 'Amount', 'Won'], ['D1', '=HYPERLINK("x")', 1200.5, true]] },
      { range: "'Quote lines'!A1:C2", values: [['ID', 'Deal ID'], ['Q1', 'D1']] },
    ],
  });
  expect(res.code).toBe(200);
  expect(res.json.totalUpdatedCells).toBe(12);
  expect(res.json.responses[1].updatedRange).toBe("'Quote lines'!A1:B2");
  // RAW: "The values the user has entered will not be parsed and will be stored as-is."
  const model = ws.sheetsRest.spreadsheet(id)!;
  expect(model.findSheet('Deals')!.get('values', 2, 2)).toBe('=HYPERLINK("x")');
  expect(model.findSheet('Deals')!.get('formulas', 2, 2)).toBeUndefined();
  // ValueRange: "For output, empty trailing rows and columns will not be included."
  const one = call('get', `${API}/${id}/values/${encodeURIComponent('Deals')}?valueRenderOption=UNFORMATTED_VALUE`);
  expect(one.json).toEqual({ range: 'Deals!A1:E10', majorDimension: 'ROWS', values: [['ID', 'Title', 'Amount', 'Won'], ['D1', '=HYPERLINK("x")', 1200.5, true]] });
  // ValueRenderOption FORMATTED_VALUE (the default) answers text.
  const formatted = call('get', `${API}/${id}/values/${encodeURIComponent('Deals!C2:D2')}`);
  expect(formatted.json.values).toEqual([['1200.5', 'TRUE']]);
  const batch = call('get', `${API}/${id}/values:batchGet?ranges=Deals&ranges=${encodeURIComponent("'Quote lines'")}&valueRenderOption=UNFORMATTED_VALUE`);
  expect(batch.json.valueRanges.map((v: Any) => v.values.length)).toEqual([2, 2]);
  // An empty range answers no `values` at all.
  expect(call('get', `${API}/${id}/values/${encodeURIComponent('Deals!A5:B6')}`).json).toEqual({ range: 'Deals!A5:B6', majorDimension: 'ROWS' });
});

test('values.update and clear; writing past the grid is refused (values.update does not add rows)', () => {
  const ws = createWorkspace();
  const { call } = client(ws);
  const id = created(ws, [{ title: 'Deals', rows: 3, cols: 2 }]).spreadsheetId;
  const put = call('put', `${API}/${id}/values/${encodeURIComponent('Deals!A1:B2')}?valueInputOption=RAW`, { range: 'Deals!A1:B2', values: [['a', 'b'], ['c', null]] });
  expect(put.json).toEqual({ spreadsheetId: id, updatedRange: 'Deals!A1:B2', updatedRows: 2, updatedColumns: 2, updatedCells: 3 });
  const over = call('put', `${API}/${id}/values/${encodeURIComponent('Deals!A3')}?valueInputOption=RAW`, { values: [['x'], ['y']] });
  expect(over.code).toBe(400);
  expect(over.json.error.message).toMatch(/exceeds grid limits\. Max rows: 3, max columns: 2/);
  expect(call('post', `${API}/${id}/values/${encodeURIComponent('Deals!A1:A2')}:clear`, {}).json.clearedRange).toBe('Deals!A1:A2');
  expect(call('get', `${API}/${id}/values/Deals`).json.values).toEqual([['', 'b']]);
  const bad = call('get', `${API}/${id}/values/${encodeURIComponent('Nope!A1')}`);
  expect([bad.code, bad.json.error.message]).toEqual([400, 'Unable to parse range: Nope!A1']);
});

test('spreadsheets.batchUpdate appendDimension grows a grid, all or nothing, within 10 million cells', () => {
  const ws = createWorkspace();
  const { call } = client(ws);
  const made = created(ws, [{ title: 'Deals', rows: 10, cols: 5 }, { title: 'Quote lines', rows: 10, cols: 3 }]);
  const id = made.spreadsheetId;
  const [deals, lines] = made.sheets.map((s: Any) => s.properties.sheetId);
  const grid = () => call('get', `${API}/${id}`).json.sheets.map((s: Any) => [s.properties.title, s.properties.gridProperties.rowCount, s.properties.gridProperties.columnCount]);
  // Full grid: the write is refused until the grid grows.
  expect(call('post', `${API}/${id}/values:batchUpdate`, { valueInputOption: 'RAW', data: [{ range: 'Deals!A11', values: [['x']] }] }).code).toBe(400);
  // AppendDimensionRequest: "Appends rows or columns to the end of a sheet." (sheetId, dimension, length)
  const grown = call('post', `${API}/${id}:batchUpdate`, { requests: [
    { appendDimension: { sheetId: deals, dimension: 'ROWS', length: 5 } },
    { appendDimension: { sheetId: lines, dimension: 'COLUMNS', length: 2 } },
  ] });
  expect(grown.code).toBe(200);
  expect(grown.json).toEqual({ spreadsheetId: id, replies: [{}, {}] });
  expect(grid()).toEqual([['Deals', 15, 5], ['Quote lines', 10, 5]]);
  expect(call('post', `${API}/${id}/values:batchUpdate`, { valueInputOption: 'RAW', data: [{ range: 'Deals!A15', values: [['x']] }] }).code).toBe(200);
  // "If any request is not valid, the entire request will fail and nothing will be applied."
  const bad = call('post', `${API}/${id}:batchUpdate`, { requests: [
    { appendDimension: { sheetId: deals, dimension: 'ROWS', length: 5 } },
    { appendDimension: { sheetId: 987654, dimension: 'ROWS', length: 5 } },
  ] });
  expect(bad.code).toBe(400);
  expect(bad.json.error.message).toMatch(/No grid with id: 987654/);
  expect(grid()).toEqual([['Deals', 15, 5], ['Quote lines', 10, 5]]);
  // Request kinds the emulator does not answer say so (deleteDimension, asserted here before, is emulated since: sheets-batch-update.test.ts).
  const other = call('post', `${API}/${id}:batchUpdate`, { requests: [{ sortRange: { range: { sheetId: deals }, sortSpecs: [{ dimensionIndex: 0 }] } }] });
  expect([other.code, other.json.error.message]).toEqual([400, expect.stringMatching(/sortRange is not emulated \(Not implemented\)/)]);
  // A spreadsheet holds at most 10 million cells: (15 + x) * 5 + 10 * 5 must stay within it.
  const tooMany = call('post', `${API}/${id}:batchUpdate`, { requests: [{ appendDimension: { sheetId: deals, dimension: 'ROWS', length: SHEETS_MAX_CELLS / 5 } }] });
  expect(tooMany.code).toBe(400);
  expect(tooMany.json.error.message).toMatch(/above the limit of 10000000 cells/);
  const exactly = (SHEETS_MAX_CELLS - 15 * 5 - 10 * 5) / 5;
  expect(call('post', `${API}/${id}:batchUpdate`, { requests: [{ appendDimension: { sheetId: deals, dimension: 'ROWS', length: exactly } }] }).code).toBe(200);
  expect(grid()).toEqual([['Deals', 15 + exactly, 5], ['Quote lines', 10, 5]]);
});

test('drive.file: the bound spreadsheet and files the add-on did not create answer 403, unknown ids 404, a foreign token 401', () => {
  const ws = createWorkspace();
  const { call } = client(ws);
  const bound = ws.execute(() => (ws.globals as Any).SpreadsheetApp.getActiveSpreadsheet().getId());
  const own = call('get', `${API}/${bound}/values/A1`);
  expect([own.code, own.json.error.status, own.json.error.message]).toEqual([403, 'PERMISSION_DENIED', 'The caller does not have permission']);
  const none = call('get', `${API}/1doesnotexist/values/A1`);
  expect([none.code, none.json.error.status, none.json.error.message]).toEqual([404, 'NOT_FOUND', 'Requested entity was not found.']);
  const id = created(ws).spreadsheetId;
  expect(call('get', `${API}/${id}/values/A1`, undefined, 'someone-else').code).toBe(401);
});

test('limits: a body over 2 MB answers 413; more than 60 writes a minute per user answer 429 RESOURCE_EXHAUSTED', () => {
  const ws = createWorkspace();
  const { call } = client(ws);
  const id = created(ws, [{ title: 'Deals', rows: 100, cols: 2 }]).spreadsheetId;
  // Limits page: "To speed up requests, we recommend a 2 MB maximum payload." The emulator enforces it.
  const big = call('post', `${API}/${id}/values:batchUpdate`, { valueInputOption: 'RAW', data: [{ range: 'Deals!A1', values: [['x'.repeat(SHEETS_MAX_PAYLOAD_BYTES)]] }] });
  expect(big.code).toBe(413);
  expect(ws.sheetsRest.spreadsheet(id)!.findSheet('Deals')!.lastRow()).toBe(0);
  // Limits page: write requests "Per minute per user per project 60"; past it "429: Too many requests".
  let last: Any = null;
  for (let i = 0; i < 60; i++) last = call('put', `${API}/${id}/values/${encodeURIComponent(`Deals!A${i + 1}`)}?valueInputOption=RAW`, { values: [[i]] });
  // create (1) + the 413 (not counted: refused before the quota) + 59 puts make 60 writes.
  expect(last.code).toBe(429);
  expect(last.json.error.status).toBe('RESOURCE_EXHAUSTED');
  ws.clock.advance(60 * 1000);
  expect(call('put', `${API}/${id}/values/${encodeURIComponent('Deals!B1')}?valueInputOption=RAW`, { values: [['ok']] }).code).toBe(200);
});

test('spreadsheets the API or SpreadsheetApp.create made are saved with the workspace and come back', () => {
  const ws = createWorkspace();
  const { call, g } = client(ws);
  const id = created(ws).spreadsheetId;
  call('put', `${API}/${id}/values/${encodeURIComponent('Deals!A1')}?valueInputOption=RAW`, { values: [['kept']] });
  const madeByApp = ws.execute(() => { const ss = g.SpreadsheetApp.create('Made here'); ss.getSheets()[0].getRange('A1').setValue('also kept'); return ss.getId(); });
  const again = createWorkspace({ state: JSON.stringify(ws.toJSON()) });
  const g2 = again.globals as Any;
  expect(again.sheetsRest.spreadsheet(id)!.findSheet('Deals')!.get('values', 1, 1)).toBe('kept');
  expect(again.execute(() => g2.SpreadsheetApp.openById(madeByApp).getSheets()[0].getRange('A1').getValue())).toBe('also kept');
  expect(again.execute(() => g2.SpreadsheetApp.openById(id).getName())).toBe('Backup');
  expect(client(again).call('get', `${API}/${id}/values/Deals`).json.values).toEqual([['kept']]);
});
