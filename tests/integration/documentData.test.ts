// Issue 20, item 2: data is never a template, on the first fill or on a regenerate. A client
// named {{log "pwned"}} prints literally; {{constructor.constructor}} does not grow the Doc.
import { demoWorkspace, records } from './harness';

/* eslint-disable @typescript-eslint/no-explicit-any */
type Any = any;

function docId(url: string): string {
  return /\/d\/([^/]+)/.exec(url)![1];
}

describe('a document whose data looks like a template', () => {
  it('prints the client name and deal title literally on the first fill and on every regenerate', () => {
    const { ws, addon } = demoWorkspace(80);
    addon.installDocumentTemplates();
    const board = addon.api_getBoard({ scope: 'all' });
    const deal = board.columns.filter((c: Any) => c.key === 'new' || c.key === 'negotiation').flatMap((c: Any) => c.cards)
      .find((c: Any) => c.editable && c.clientId);
    const clientName = '{{log "pwned"}}';
    const title = '{{constructor.constructor}} and {{client.name}}';
    // The document prints the deal's Client cell.
    const card = addon.api_getDeal(deal.id).card;
    addon.api_updateDeal(deal.id, { title, clientName }, card.version);
    const item = addon.api_getCatalog().items[0];
    addon.api_saveQuote(deal.id, { lines: [{ code: item.code, description: item.service, unit: item.unit, quantity: 1, unitPriceMinor: item.unitPriceMinor }] }, addon.api_getDeal(deal.id).card.version);

    const first = addon.api_generateDocument(deal.id, 'proposal');
    const id = docId(first.url);
    const text1 = ws.drive.documentText(id);
    expect(text1).toContain(clientName);
    expect(text1).toContain(title);
    expect(text1).not.toContain('function Function');

    for (let i = 0; i < 3; i++) {
      const again = addon.api_generateDocument(deal.id, 'proposal');
      expect(again.regenerated).toBe(true);
      const text = ws.drive.documentText(id);
      expect(text).toContain(clientName);
      expect(text).toContain(title);
      expect(text).not.toContain('function Function');
      expect(text.length).toBe(text1.length);
      expect(again.unfilled).toEqual(first.unfilled);
    }
    const row = records(ws, 'Documents').find((d) => d['Deal ID'] === deal.id && d.Kind === 'proposal')!;
    expect(String(row.Unfilled)).not.toContain('pwned');
  });
});
