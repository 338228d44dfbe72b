// A credit note and a proposal made again after a kill (issue 20, item 12; see
// documentKills.test.ts): the same credit note, the half-made proposal finished by a plain click
// (no request id), a half-made row listed nowhere, and a finished request answered again.
import { Workspace, Addon, runFromClient } from './harness';
import { withKillAt, writeCalls } from './kills';
import { documentsOf, ok, orphans, prepared } from './documentRetry';

/* eslint-disable @typescript-eslint/no-explicit-any */
type Any = any;

describe('a document made again after a kill', () => {
  test('a credit note with the same request id: one credit note of the invoice, its number, no orphan file', () => {
    // An issued invoice (the seller's details typed into Settings by the owner, who may).
    const issued = (ws: Workspace, addon: Addon, deals: string[]) => {
      const values = ws.readSheet('Settings').values as unknown[][];
      const details: Record<string, string> = { company_name: 'Pixel & Code Studio', company_address: 'Hauptstraße 5, 10115 Berlin', company_tax_id: 'DE123456789', company_bank: 'IBAN DE02 1203 0000 0000 2020 51' };
      for (const key of Object.keys(details)) {
        const row = values.findIndex((r) => r[0] === key);
        if (row > 0) ws.editCell('Settings', row + 1, 2, details[key]);
      }
      ok(ws, addon, 'api_generateDocument', deals[0], 'invoice', null, 'req-invoice-0001');
      ok(ws, addon, 'api_markInvoiceIssued', deals[0], documentsOf(ws, deals[0], 'invoice')[0].Number);
    };
    const probe = prepared('issued', issued);
    const invoice = String(documentsOf(probe.ws, probe.deals[0], 'invoice')[0].Number);
    const args = (deals: string[]) => [deals[0], invoice, 'req-credit-00001'];
    const writes = writeCalls(probe.ws, () => runFromClient(probe.ws, probe.addon, 'api_createCreditNote', args(probe.deals)));
    const expected = documentsOf(probe.ws, probe.deals[0], 'credit')[0].Number;
    expect(writes.length).toBeGreaterThan(8);
    // The credit note's writes are an invoice's (documentKills.test.ts kills every one): here
    // before its row, after it, after the copy, after the fill, and before the final write.
    const points = [writes[0], writes[1], writes[4], writes[6] + 1, writes[writes.length - 2]];
    for (const k of points) {
      const { ws, addon, deals, files } = prepared('issued', issued);
      expect(withKillAt(ws, k, () => runFromClient(ws, addon, 'api_createCreditNote', args(deals))).killed).toBe(true);
      const again = ok(ws, addon, 'api_createCreditNote', ...args(deals));
      const where = `credit note killed at call ${k}`;
      const rows = documentsOf(ws, deals[0], 'credit');
      expect([where, rows.length, rows[0].Number, rows[0].Cancels, again.number]).toEqual([where, 1, expected, invoice, expected]);
      expect([where, orphans(ws, files)]).toEqual([where, []]);
    }
  });

  test('a proposal clicked again without a request id finishes the one a killed run began; a finished request sent again is answered, not made twice', () => {
    const probe = prepared();
    const keys: string[] = [];
    const record = probe.ws.calls.record;
    probe.ws.calls.record = (key: string) => { keys.push(key); record.call(probe.ws.calls, key); };
    runFromClient(probe.ws, probe.addon, 'api_generateDocument', [probe.deals[0], 'proposal']);
    probe.ws.calls.record = record;
    // Killed after the copy was filled, before it was shared and exported.
    const fill = keys.indexOf('DocsDocuments.batchUpdate') + 1;
    expect(fill).toBeGreaterThan(0);
    const { ws, addon, deals, files } = prepared();
    expect(withKillAt(ws, fill + 1, () => runFromClient(ws, addon, 'api_generateDocument', [deals[0], 'proposal'])).killed).toBe(true);
    expect(ws.drive.documentText(String(documentsOf(ws, deals[0], 'proposal')[0]['Doc ID']))).not.toMatch(/\{\{/);
    expect(documentsOf(ws, deals[0], 'proposal')).toHaveLength(1);
    // The half-made row is nobody's document yet: the card lists no proposal, and it cannot be sent.
    expect(ok(ws, addon, 'api_documentStatus', deals[0]).filter((d: Any) => d.kind === 'proposal')).toEqual([]);
    const made = ok(ws, addon, 'api_generateDocument', deals[0], 'proposal');
    expect(made.version).toBe(1);
    expect(documentsOf(ws, deals[0], 'proposal')).toHaveLength(1);
    expect(orphans(ws, files)).toEqual([]);
    // A request that went through, sent again with its id (the answer was lost): the same answer.
    const first = ok(ws, addon, 'api_generateDocument', deals[1], 'proposal', null, 'req-proposal-01');
    const replay = ok(ws, addon, 'api_generateDocument', deals[1], 'proposal', null, 'req-proposal-01');
    expect(replay).toEqual(first);
    expect(documentsOf(ws, deals[1], 'proposal').map((r) => r.Version)).toEqual([1]);
  });
});
