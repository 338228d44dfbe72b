// Issue 20, item 12 (dates and links) through the bundle: impossible dates are refused by the
// sidebar's functions; a javascript: URL typed into the Documents tab never comes back as a link.
import { demoWorkspace, records, runFromClient } from './harness';

/* eslint-disable @typescript-eslint/no-explicit-any */
type Any = any;

function annasCard(addon: Any) {
  return addon.api_getBoard().columns.find((c: Any) => c.key === 'new').cards.find((c: Any) => c.manager === 'anna@studio.test');
}

describe('impossible dates', () => {
  it('year 0, 31 February and year 9999 are refused, nothing is written', () => {
    const { ws, addon } = demoWorkspace(80, 'anna@studio.test');
    const card = annasCard(addon);
    const before = JSON.stringify(ws.readSheet('Deals').values);
    const refusal = (patch: Record<string, unknown>) => runFromClient(ws, addon, 'api_updateDeal', [card.id, patch, card.version]).error.message;
    expect(refusal({ expectedClose: '0000-01-01' })).toBe('The expected close date has the year 0: check the date (years 1970–2100).');
    expect(refusal({ expectedClose: '2026-02-31' })).toBe('The expected close date is not a real date: "2026-02-31".');
    expect(refusal({ nextContactAt: '2026-02-31T10:00:00.000Z' })).toBe('The next contact is not a real date and time: "2026-02-31T10:00:00.000Z".');
    expect(refusal({ nextContactAt: '0000-01-01T10:00:00.000Z' })).toContain('the year 0');
    expect(refusal({ nextContactAt: '9999-01-01T10:00:00.000Z' })).toContain('the year 9999');
    expect(JSON.stringify(ws.readSheet('Deals').values)).toBe(before);
    const lead = runFromClient(ws, addon, 'api_addLead', [{ name: 'Date test', phone: '+49 30 5551234', createDeal: true, nextContactAt: '2026-04-31T09:00:00.000Z' }]);
    expect(lead.error.message).toBe('The call back is not a real date and time: "2026-04-31T09:00:00.000Z".');
    expect(addon.api_updateDeal(card.id, { expectedClose: '2028-02-29' }, card.version).expectedClose).toBe('2028-02-29');
  });
});

describe('a URL typed into the Documents tab', () => {
  it('comes back as no link at all unless it is an https:// Google Docs or Drive address', () => {
    const { ws, addon } = demoWorkspace(80);
    addon.installDocumentTemplates();
    const deal = addon.api_getBoard({ scope: 'all' }).columns.filter((c: Any) => c.key === 'new' || c.key === 'negotiation')
      .flatMap((c: Any) => c.cards).find((c: Any) => c.editable && c.clientId);
    const item = addon.api_getCatalog().items[0];
    addon.api_saveQuote(deal.id, { lines: [{ code: item.code, description: item.service, unit: item.unit, quantity: 1, unitPriceMinor: item.unitPriceMinor }] }, addon.api_getDeal(deal.id).card.version);
    const made = addon.api_generateDocument(deal.id, 'proposal');
    expect(made.url).toMatch(/^https:\/\/docs\.google\.com\//);

    const docs = ws.readSheet('Documents').values as unknown[][];
    const header = docs[0] as string[];
    const row = docs.findIndex((r) => r[header.indexOf('Deal ID')] === deal.id) + 1;
    ws.editCell('Documents', row, header.indexOf('URL') + 1, 'javascript:alert(document.cookie)');
    expect(records(ws, 'Documents').find((d) => d['Deal ID'] === deal.id)!.URL).toBe('javascript:alert(document.cookie)');

    const status = addon.api_documentStatus(deal.id);
    expect(JSON.stringify(status)).not.toContain('javascript:');
    const client = addon.api_getClient(deal.clientId);
    expect(JSON.stringify(client)).not.toContain('javascript:');
    const again = addon.api_generateDocument(deal.id, 'proposal');
    expect(again.regenerated).toBe(true);
    expect(again.url).toMatch(/^https:\/\/docs\.google\.com\/document\/d\//);
  });
});
