// Making a document is done once (issue 20, item 12): its Documents row, with its number and the
// Drive ids generated for its folders, Doc and exports, is written before any file exists. The
// execution is killed before each of its writes in turn (tests/integration/kills.ts), then the
// person clicks again: one row, the same number, every file the add-on made belongs to that row
// (no orphan Doc or folder), the Doc filled once, and the series goes on without a gap.
import { documentsOf, everyKill, ok, orphans, prepared } from './documentRetry';

describe('a document killed at any write and made again', () => {
  test('an invoice with the same request id: one row, its number, no orphan file, the Doc filled once, no gap after it', () => {
    const clean = prepared();
    const expected = ok(clean.ws, clean.addon, 'api_generateDocument', clean.deals[0], 'invoice', null, 'req-invoice-0001');
    const cleanText = clean.ws.drive.documentText(/\/d\/([^/]+)/.exec(expected.url)![1]);
    const nextNumber = ok(clean.ws, clean.addon, 'api_generateDocument', clean.deals[1], 'invoice', null, 'req-invoice-0002').number;
    everyKill('api_generateDocument', (deals) => [deals[0], 'invoice', null, 'req-invoice-0001'], (ws, addon, deals, before, where) => {
      const rows = documentsOf(ws, deals[0], 'invoice');
      expect([where, rows.length, rows[0].Number, rows[0].Status]).toEqual([where, 1, expected.number, 'draft']);
      expect([where, rows[0]['Generated at'] instanceof Date]).toEqual([where, true]);
      expect([where, orphans(ws, before)]).toEqual([where, []]);
      for (const key of ['Doc ID', 'PDF ID', 'XLSX ID', 'Deal folder ID', 'Client folder ID']) expect([where, key, !!ws.drive.file(String(rows[0][key]))]).toEqual([where, key, true]);
      expect([where, ws.drive.documentText(String(rows[0]['Doc ID']))]).toEqual([where, cleanText]);
      // The next invoice of the series follows it: nothing was taken and left unused.
      expect([where, ok(ws, addon, 'api_generateDocument', deals[1], 'invoice', null, 'req-invoice-0002').number]).toEqual([where, nextNumber]);
    });
  });

});
