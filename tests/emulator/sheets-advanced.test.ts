// The Sheets advanced service (scripts/emulator/sheetsRest/advanced.ts, issue 27). Reference, "Advanced
// Sheets Service": "The Advanced Sheets service lets you access the Sheets API using Apps Script. Much
// like Apps Script's built-in Google Sheets API service, this API allows scripts to read, edit, format
// and present data in Google Sheets." and "the Advanced Sheets service uses the same objects, methods,
// and parameters as the public API" — so each call here is the REST request of sheetsRest/route.ts.
import { createWorkspace } from '../../scripts/emulator/workspace';
import { caught } from './fixtures/context';

/* eslint-disable @typescript-eslint/no-explicit-any */
type Any = any;

function fresh() {
  const ws = createWorkspace({ now: '2026-11-23T09:00:00Z', user: 'owner@studio.test' });
  const g = ws.globals as Any;
  return { ws, g, run: <T>(fn: () => T) => ws.execute(fn) };
}

test('Spreadsheets.create / get and Values.update / get / batchGet / batchUpdate / clear share one spreadsheet with SpreadsheetApp', () => {
  const { g, run } = fresh();
  run(() => {
    const made = g.Sheets.Spreadsheets.create({ properties: { title: 'Report' } });
    expect(made.properties.title).toBe('Report');
    const id = made.spreadsheetId;
    expect(g.Sheets.Spreadsheets.get(id).sheets[0].properties.title).toBe('Sheet1');
    const updated = g.Sheets.Spreadsheets.Values.update({ values: [['a', 1], ['b', 2]] }, id, 'Sheet1!A1:B2', { valueInputOption: 'RAW' });
    expect(updated.updatedCells).toBe(4);
    expect(g.Sheets.Spreadsheets.Values.get(id, 'Sheet1!A1:B2').values).toEqual([['a', '1'], ['b', '2']]);
    // SpreadsheetApp sees what the API wrote
    expect(g.SpreadsheetApp.openById(id).getSheets()[0].getRange('A2:B2').getValues()).toEqual([['b', 2]]);
    g.Sheets.Spreadsheets.Values.batchUpdate({ valueInputOption: 'RAW', data: [{ range: 'Sheet1!C1', values: [['c']] }] }, id);
    const batch = g.Sheets.Spreadsheets.Values.batchGet(id, { ranges: ['Sheet1!A1', 'Sheet1!C1'] });
    expect(batch.valueRanges.map((v: Any) => v.values)).toEqual([[['a']], [['c']]]);
    g.Sheets.Spreadsheets.Values.clear({}, id, 'Sheet1!A1:C2');
    expect(g.Sheets.Spreadsheets.Values.get(id, 'Sheet1!A1:C2').values).toBeUndefined();
  });
});

test('an error reply throws as advanced services do; what is not emulated says so', () => {
  const { g, run } = fresh();
  run(() => {
    const e = caught(() => g.Sheets.Spreadsheets.get('no-such-spreadsheet'));
    expect(e.name).toBe('GoogleJsonResponseException');
    expect(e.message).toMatch(/^API call to sheets\.spreadsheets\.get failed with error: /);
    const id = g.Sheets.Spreadsheets.create({}).spreadsheetId;
    // Spreadsheets.batchUpdate is emulated since (sheets-batch-update.test.ts); an empty batch is an error reply.
    expect(caught(() => g.Sheets.Spreadsheets.batchUpdate({ requests: [] }, id)).message)
      .toBe('API call to sheets.spreadsheets.batchUpdate failed with error: Invalid requests: must specify at least one request.');
    expect(caught(() => g.Sheets.Spreadsheets.Values.append({}, id, 'A1')).message).toBe('Not implemented in the Dealboard emulator: Sheets.Spreadsheets.Values.append');
    expect(caught(() => g.Sheets.Spreadsheets.Values.update({ values: [['=1+1']] }, id, 'A1', { valueInputOption: 'USER_ENTERED' })).message)
      .toMatch(/USER_ENTERED is not emulated/);
    expect(g.Sheets.toString()).toBe(g.Sheets.Spreadsheets.toString());
    expect(g.Sheets.Spreadsheets.Values.toString()).toBe(g.Sheets.toString());
    expect(g.Sheets.newValueRange()).toEqual({});
  });
});
