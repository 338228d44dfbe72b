// Issue 11 item 12: a document made from an older quote revision is reported out of date.
import { demoWorkspace, records } from './harness';

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

  it('lists each kind once (the newest row) with its links, version and send state, so the card shows them after a reopen (issue 21, item 3)', () => {
    const { ws, addon } = demoWorkspace(80, 'owner@studio.test');
    addon.installDocumentTemplates();
    const card = addon.api_getBoard({ scope: 'all' }).columns.find((c: Any) => c.key === 'negotiation').cards.find((c: Any) => c.editable && c.email);
    saveQuote(addon, card.id, 2);
    addon.api_generateDocument(card.id, 'proposal');
    addon.api_generateDocument(card.id, 'proposal');
    addon.api_generateDocument(card.id, 'contract');
    const listed = addon.api_documentStatus(card.id);
    expect(listed.map((d: Any) => d.kind).sort()).toEqual(['contract', 'proposal']);
    const row = records(ws, 'Documents').find((r) => r['Deal ID'] === card.id && r.Kind === 'proposal')!;
    const proposal = listed.find((d: Any) => d.kind === 'proposal');
    expect(proposal).toMatchObject({ url: row.URL, pdfUrl: row['PDF URL'], number: row.Number, version: 2, canSend: true, sendBlockedReason: null, outOfDate: false });
    expect(proposal.url).toMatch(/^https:\/\/docs\.google\.com\//);
    expect(typeof proposal.generatedAt).toBe('string');
  });
});
