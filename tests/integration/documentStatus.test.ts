// Issue 11 item 12: a document made from an older quote revision is reported out of date.
import { demoWorkspace } from './harness';

type Any = any;

function saveQuote(addon: Any, dealId: string, quantity: number) {
  const item = addon.api_getCatalog().items[0];
  const version = addon.api_getDeal(dealId).card.version;
  return addon.api_saveQuote(dealId, { lines: [{ code: item.code, description: item.service, unit: item.unit, quantity, unitPriceMinor: item.unitPriceMinor }] }, version);
}

describe('api_documentStatus', () => {
  it('marks the proposal out of date after a new quote revision, and fresh again once regenerated', () => {
    const { addon } = demoWorkspace(80, 'owner@studio.test');
    addon.installDocumentTemplates();
    const deal = addon.api_getBoard({ scope: 'all' }).columns.find((c: Any) => c.key === 'negotiation').cards[0];
    saveQuote(addon, deal.id, 2);
    const doc = addon.api_generateDocument(deal.id, 'proposal');
    expect(addon.api_documentStatus(deal.id)).toEqual([expect.objectContaining({ kind: 'proposal', number: doc.number, outOfDate: false })]);
    const q2 = saveQuote(addon, deal.id, 3);
    const stale = addon.api_documentStatus(deal.id);
    expect(stale).toEqual([expect.objectContaining({ kind: 'proposal', outOfDate: true, currentQuoteVersion: q2.version })]);
    expect(stale[0].quoteVersion).toBeLessThan(q2.version);
    addon.api_generateDocument(deal.id, 'proposal');
    expect(addon.api_documentStatus(deal.id)).toEqual([expect.objectContaining({ kind: 'proposal', outOfDate: false, quoteVersion: q2.version })]);
  });
});
