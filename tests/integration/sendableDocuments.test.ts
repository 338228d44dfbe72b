// Issue 11, item 11: the default templates are sendable as they are. A line is shown only when
// its data exists, the discount column only when a line has a discount, seller details come from
// Settings, the proposal greets the contact person, and every document has a readable number.
import { demoWorkspace, records } from './harness';

/* eslint-disable @typescript-eslint/no-explicit-any */
type Any = any;

function setSetting(ws: Any, key: string, value: string) {
  const values = ws.readSheet('Settings').values as unknown[][];
  const row = values.findIndex((r) => r[0] === key);
  expect(row).toBeGreaterThan(0);
  ws.editCell('Settings', row + 1, 2, value);
}

function setup() {
  const { ws, addon } = demoWorkspace(80, 'owner@studio.test');
  addon.installDocumentTemplates();
  const board = addon.api_getBoard({ scope: 'all' });
  const deal = board.columns.find((c: Any) => c.key === 'negotiation').cards.find((c: Any) => c.editable && c.clientId);
  return { ws, addon, deal };
}

function quote(addon: Any, dealId: string, discountPercent: number) {
  const version = addon.api_getDeal(dealId).card.version;
  return addon.api_saveQuote(dealId, {
    lines: [
      { code: 'WEB', description: 'Website', unit: 'project', quantity: 1, unitPriceMinor: 350000, discountPercent },
      { code: 'SEO', description: 'SEO audit', unit: 'item', quantity: 2, unitPriceMinor: 50000 },
    ],
  }, version);
}

const textOf = (ws: Any, url: string) => ws.drive.documentText(/\/d\/([^/]+)/.exec(url)![1]) as string;
const tableOf = (ws: Any, url: string) => ws.drive.documentTables(/\/d\/([^/]+)/.exec(url)![1])[0] as string[][];

describe('sendable default documents', () => {
  it('setup adds the seller keys to Settings', () => {
    const { ws } = setup();
    const keys = records(ws, 'Settings').map((r) => r.Key);
    for (const key of ['company_address', 'company_tax_id', 'company_bank', 'company_email', 'company_phone']) expect(keys).toContain(key);
  });

  it('an invoice without discounts, payment link or seller details has no empty lines, no discount column and no placeholders', () => {
    const { ws, addon, deal } = setup();
    quote(addon, deal.id, 0);
    const invoice = addon.api_generateDocument(deal.id, 'invoice');
    const text = textOf(ws, invoice.url);
    expect(invoice.unfilled).toEqual([]);
    expect(text).not.toMatch(/\{\{|Pay online|Bank transfer|Tax ID|Order discount|Discount/);
    expect(tableOf(ws, invoice.url)[0]).toEqual(['#', 'Service', 'Qty', 'Unit', 'Price', 'Total']);
    // No blank paragraphs are left where the hidden lines were.
    expect(text).not.toMatch(/\n\s*\n/);
    expect(invoice.number).toBe('INV-2026-0001');
  });

  it('a line discount gets its column (1 × €3,500, 15%, €2,975); seller details and the payment link are printed', () => {
    const { ws, addon, deal } = setup();
    setSetting(ws, 'company_address', 'Hauptstraße 5, 10115 Berlin');
    setSetting(ws, 'company_tax_id', 'DE123456789');
    setSetting(ws, 'company_bank', 'IBAN DE02 1203 0000 0000 2020 51, BIC BYLADEM1001');
    setSetting(ws, 'payment_link', 'https://pay.example/{number}');
    quote(addon, deal.id, 15);
    const invoice = addon.api_generateDocument(deal.id, 'invoice');
    const text = textOf(ws, invoice.url);
    const table = tableOf(ws, invoice.url);
    expect(table[0]).toEqual(['#', 'Service', 'Qty', 'Unit', 'Price', 'Discount', 'Total']);
    expect(table[1]).toEqual(['1', 'Website', '1', 'project', '€3,500.00', '15%', '€2,975.00']);
    expect(table[2]).toEqual(['2', 'SEO audit', '2', 'item', '€500.00', '0%', '€1,000.00']);
    expect(text).toContain('Hauptstraße 5, 10115 Berlin');
    expect(text).toContain('Tax ID: DE123456789');
    expect(text).toContain('Bank transfer: IBAN DE02 1203 0000 0000 2020 51, BIC BYLADEM1001');
    expect(text).toContain(`Pay online: https://pay.example/${invoice.number}`);
    expect(invoice.unfilled).toEqual([]);
  });

  it('the proposal greets the contact person and proposals and contracts have numbers of their own series', () => {
    const { ws, addon, deal } = setup();
    const client = addon.api_getClient(deal.clientId);
    addon.api_updateClient(deal.clientId, { contact: 'Ada Lovelace' }, client.version);
    expect(records(ws, 'Clients').find((r) => r.ID === deal.clientId)!['Contact person']).toBe('Ada Lovelace');
    quote(addon, deal.id, 0);
    const proposal = addon.api_generateDocument(deal.id, 'proposal');
    expect(textOf(ws, proposal.url)).toContain('Dear Ada Lovelace, thank you');
    expect(textOf(ws, proposal.url)).toContain('Attn. Ada Lovelace');
    expect(proposal.number).toBe('PRO-2026-0001');
    expect(textOf(ws, proposal.url)).toContain('COMMERCIAL PROPOSAL PRO-2026-0001');
    expect(addon.api_generateDocument(deal.id, 'contract').number).toBe('CON-2026-0001');
    const names = records(ws, 'Documents').filter((r) => r['Deal ID'] === deal.id).map((r) => r.Number);
    expect(names.sort()).toEqual(['CON-2026-0001', 'PRO-2026-0001']);
    // Regenerating keeps the number; the next deal's proposal takes the next one.
    expect(addon.api_generateDocument(deal.id, 'proposal').number).toBe('PRO-2026-0001');
  });

  it('a client with no contact person is greeted by name', () => {
    const { ws, addon, deal } = setup();
    quote(addon, deal.id, 0);
    const proposal = addon.api_generateDocument(deal.id, 'proposal');
    expect(records(ws, 'Clients').find((r) => r.ID === deal.clientId)!['Contact person']).toBe('');
    expect(textOf(ws, proposal.url)).toContain(`Dear ${deal.clientName}, thank you`);
  });

  it('regenerating after a discount was added rebuilds the same Doc with the discount column; the number stays', () => {
    const { ws, addon, deal } = setup();
    quote(addon, deal.id, 0);
    const first = addon.api_generateDocument(deal.id, 'invoice');
    expect(tableOf(ws, first.url)[0]).not.toContain('Discount');
    quote(addon, deal.id, 15);
    const again = addon.api_generateDocument(deal.id, 'invoice');
    expect(again.number).toBe(first.number);
    expect(again.version).toBe(2);
    expect(tableOf(ws, again.url)[0]).toContain('Discount');
    expect(tableOf(ws, again.url)[1]).toContain('15%');
    expect(again.url).toBe(first.url);
    // A regenerate whose shape did not change stays in place (same Doc, same link).
    const third = addon.api_generateDocument(deal.id, 'invoice');
    expect(third.url).toBe(again.url);
    expect(records(ws, 'Documents').filter((r) => r['Deal ID'] === deal.id && r.Kind === 'invoice')).toHaveLength(1);
  });
});

describe('regenerating in place as far as the shape allows', () => {
  it('a shown line whose data is gone is removed in the same Doc (same link); a line that appears rebuilds the same Doc (issue 21, item 1)', () => {
    const { ws, addon, deal } = setup();
    setSetting(ws, 'company_tax_id', 'DE123456789');
    quote(addon, deal.id, 0);
    const first = addon.api_generateDocument(deal.id, 'invoice');
    expect(textOf(ws, first.url)).toContain('Tax ID: DE123456789');
    expect(textOf(ws, first.url)).not.toContain('Pay online');
    // The tax id is cleared: the line goes, in place.
    setSetting(ws, 'company_tax_id', '');
    const second = addon.api_generateDocument(deal.id, 'invoice');
    expect(second.url).toBe(first.url);
    expect(textOf(ws, second.url)).not.toMatch(/Tax ID|\{\{/);
    expect(textOf(ws, second.url)).not.toMatch(/\n\s*\n/);
    // Set again, and a payment link too: lines left out at the first fill need the template
    // again; the Doc is rebuilt from it in place (issue 21, item 1: it used to be a new copy).
    setSetting(ws, 'company_tax_id', 'DE987654321');
    setSetting(ws, 'payment_link', 'https://pay.example/{number}');
    const third = addon.api_generateDocument(deal.id, 'invoice');
    expect(third.url).toBe(first.url);
    expect(third.regenerated).toBe(true);
    expect(third.number).toBe(first.number);
    expect(textOf(ws, third.url)).toContain('Tax ID: DE987654321');
    expect(textOf(ws, third.url)).toContain(`Pay online: https://pay.example/${first.number}`);
    // Nothing changed since: in place again.
    expect(addon.api_generateDocument(deal.id, 'invoice').url).toBe(third.url);
  });
});
