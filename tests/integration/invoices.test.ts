// Invoice status and documents of record (issue 22), through the built bundle.
import { demoWorkspace, records, runFromClient } from './harness';
import { missingSettingKeys } from '../../sidebar/render/money/settingKeys';

/* eslint-disable @typescript-eslint/no-explicit-any */
type Any = any;

function setSetting(ws: Any, key: string, value: string) {
  const values = ws.readSheet('Settings').values as unknown[][];
  const row = values.findIndex((r) => r[0] === key);
  expect(row).toBeGreaterThan(0);
  // Settings is the owner's tab (protected for everyone else since issue 20, item 5): the owner types.
  const user = ws.currentUser();
  ws.setUser('owner@studio.test');
  ws.editCell('Settings', row + 1, 2, value);
  ws.setUser(user);
}

function sellerDetails(ws: Any) {
  setSetting(ws, 'company_name', 'Pixel & Code Studio');
  setSetting(ws, 'company_address', 'Hauptstraße 5, 10115 Berlin');
  setSetting(ws, 'company_tax_id', 'DE123456789');
  setSetting(ws, 'company_bank', 'IBAN DE02 1203 0000 0000 2020 51');
}

function prepared() {
  const { ws, addon } = demoWorkspace(80, 'anna@studio.test');
  ws.setUser('owner@studio.test');
  addon.installDocumentTemplates();
  ws.setUser('anna@studio.test');
  const deal = addon.api_getBoard({ scope: 'all' }).columns.find((c: Any) => c.key === 'negotiation').cards.find((c: Any) => c.editable && c.email && c.manager === 'anna@studio.test');
  const items = addon.api_getCatalog().items.slice(0, 2);
  const quote = (quantity: number) => addon.api_saveQuote(deal.id, {
    lines: items.map((i: Any) => ({ code: i.code, description: i.service, unit: i.unit, quantity, unitPriceMinor: i.unitPriceMinor })),
  }, addon.api_getDeal(deal.id).card.version);
  quote(1);
  return { ws, addon, deal, quote };
}

const docId = (url: string) => /\/d\/([^/]+)/.exec(url)![1];
const invoiceRows = (ws: Any, dealId: string, kind = 'invoice') => records(ws, 'Documents').filter((r) => r['Deal ID'] === dealId && r.Kind === kind);

describe('invoice status through the bundle', () => {
  it('a draft is regenerated in place; issuing needs the seller details and names the missing keys', () => {
    const { ws, addon, deal, quote } = prepared();
    const first = addon.api_generateDocument(deal.id, 'invoice');
    expect(first).toMatchObject({ status: 'draft', regenerated: false });
    expect(invoiceRows(ws, deal.id)[0]).toMatchObject({ Status: 'draft', Number: first.number });
    quote(2);
    const again = addon.api_generateDocument(deal.id, 'invoice');
    expect(again).toMatchObject({ status: 'draft', regenerated: true, number: first.number, url: first.url });
    const money = addon.api_getDealMoney(deal.id);
    expect(money.invoices).toEqual([expect.objectContaining({ number: first.number, status: 'draft', dueMinor: 0 })]);
    expect(money.invoices[0].amountMinor).toBe(Math.round(Number(invoiceRows(ws, deal.id)[0].Amount) * 100));

    const refused = runFromClient(ws, addon, 'api_markInvoiceIssued', [deal.id, first.number]);
    expect(refused.ok).toBe(false);
    expect(refused.error.message).toBe('An issued invoice must name its seller: fill in company_name, company_address, company_tax_id, company_bank on the Settings tab first (Dealboard → Open Settings), then issue it again.');
    // The sidebar's "Open Settings" reads the keys from the refusal and selects the first one's Value cell.
    expect(missingSettingKeys(refused.error.message)).toEqual(['company_name', 'company_address', 'company_tax_id', 'company_bank']);
    const opened = runFromClient(ws, addon, 'api_goToSetting', ['company_name']);
    expect(opened.ok).toBe(true);
    const settings = ws.readSheet('Settings').values as unknown[][];
    const selected = (ws.model as Any).activeRange;
    expect(ws.model.sheetById(selected.sheetId)!.name).toBe('Settings');
    expect([selected.row, selected.col]).toEqual([settings.findIndex((r) => r[0] === 'company_name') + 1, settings[0].indexOf('Value') + 1]);
    expect(opened.value).toEqual({ ok: true, row: selected.row });
    expect(runFromClient(ws, addon, 'api_goToSetting', ['=A1']).error.message).toBe('The Settings key must be a word such as company_name.');
    expect(runFromClient(ws, addon, 'api_goToSetting', ['no_such_key']).error.message).toBe('The Settings tab has no row for no_such_key: run Dealboard → Set up workbook to add it.');
    ws.setUser('stranger@elsewhere.test');
    expect(runFromClient(ws, addon, 'api_goToSetting', ['company_name']).error.message).toMatch(/not on the team/);
    ws.setUser('anna@studio.test');
    setSetting(ws, 'company_name', 'Pixel & Code Studio');
    setSetting(ws, 'company_bank', 'IBAN DE02');
    const second = runFromClient(ws, addon, 'api_markInvoiceIssued', [deal.id, first.number]).error.message;
    expect(second).toMatch(/fill in company_address, company_tax_id on the Settings tab/);
    expect(missingSettingKeys(second)).toEqual(['company_address', 'company_tax_id']);
    sellerDetails(ws);
    const issued = addon.api_markInvoiceIssued(deal.id, first.number);
    expect(issued).toEqual({ number: first.number, status: 'issued', issuedOn: '2026-11-23', dueOn: '2026-12-07', changed: true });
    expect(invoiceRows(ws, deal.id)[0]).toMatchObject({ Status: 'issued' });
    expect(records(ws, 'Activities').pop()!.Summary).toBe(`Invoice ${first.number} issued, due 2026-12-07 (14 days)`);
    expect(addon.api_getDealMoney(deal.id).invoices[0]).toMatchObject({ status: 'issued', dueOn: '2026-12-07', issuedOn: '2026-11-23' });
    // Issued twice is no change.
    expect(addon.api_markInvoiceIssued(deal.id, first.number).changed).toBe(false);
  });

  it('the client\'s payment terms override Settings\'', () => {
    const { ws, addon, deal } = prepared();
    sellerDetails(ws);
    const clients = ws.readSheet('Clients').values as unknown[][];
    const col = (clients[0] as string[]).indexOf('Payment terms (days)');
    expect(col).toBeGreaterThan(0);
    ws.editCell('Clients', clients.findIndex((r) => r[0] === deal.clientId) + 1, col + 1, 30);
    const invoice = addon.api_generateDocument(deal.id, 'invoice');
    expect(addon.api_markInvoiceIssued(deal.id, invoice.number).dueOn).toBe('2026-12-23');
  });

  it('an issued invoice is never rewritten: a change makes a new invoice and a credit note cancels the old one', () => {
    const { ws, addon, deal, quote } = prepared();
    sellerDetails(ws);
    const first = addon.api_generateDocument(deal.id, 'invoice');
    addon.api_markInvoiceIssued(deal.id, first.number);
    const rowBefore = invoiceRows(ws, deal.id)[0];
    const textBefore = ws.drive.documentText(docId(first.url));
    quote(3);
    // The stale notice knows an issued invoice is not regenerated.
    expect(addon.api_documentStatus(deal.id)).toEqual([expect.objectContaining({ kind: 'invoice', number: first.number, outOfDate: true, issued: true })]);
    const refused = runFromClient(ws, addon, 'api_generateDocument', [deal.id, 'invoice']);
    expect(refused.ok).toBe(false);
    expect(refused.error.message).toBe(`Invoice ${first.number} was issued on 2026-11-23: an issued invoice is a document of record and is not rewritten. Make a new invoice (the next number) for the change, and a credit note that cancels ${first.number} if it no longer stands.`);
    expect(invoiceRows(ws, deal.id)).toEqual([rowBefore]);
    expect(ws.drive.documentText(docId(first.url))).toBe(textBefore);

    const next = addon.api_generateDocument(deal.id, 'invoice', { newInvoice: true });
    const seq = (n: string) => Number(n.slice(-4));
    expect(seq(next.number)).toBe(seq(first.number) + 1);
    expect(next).toMatchObject({ status: 'draft', regenerated: false });
    expect(next.url).not.toBe(first.url);
    // The old one is still what it was.
    expect(invoiceRows(ws, deal.id)[0]).toEqual(rowBefore);
    expect(ws.drive.documentText(docId(first.url))).toBe(textBefore);
    // The new draft is regenerated in place, not a third invoice.
    expect(addon.api_generateDocument(deal.id, 'invoice').number).toBe(next.number);

    const credit = addon.api_createCreditNote(deal.id, first.number);
    expect(credit).toMatchObject({ kind: 'credit', number: 'CRN-2026-0001', status: 'issued', cancels: first.number });
    const text = ws.drive.documentText(docId(credit.url));
    expect(text).toContain('Credit note CRN-2026-0001');
    expect(text).toContain(`This credit note cancels invoice ${first.number} of November 23, 2026.`);
    expect(text).not.toContain('{{');
    expect(credit.unfilled).toEqual([]);
    expect(invoiceRows(ws, deal.id, 'credit')[0]).toMatchObject({ Cancels: first.number, Status: 'issued', Amount: rowBefore.Amount });
    expect(runFromClient(ws, addon, 'api_createCreditNote', [deal.id, first.number]).error.message).toBe(`${first.number} is already cancelled by credit note CRN-2026-0001.`);
    expect(runFromClient(ws, addon, 'api_createCreditNote', [deal.id, next.number]).error.message).toMatch(/is a draft: regenerate it instead/);

    const money = addon.api_getDealMoney(deal.id);
    expect(money.invoices.map((i: Any) => [i.number, i.status])).toEqual([[first.number, 'cancelled'], [next.number, 'draft']]);
    // A credit note is never "out of date"; the newest invoice is the draft.
    expect(addon.api_documentStatus(deal.id)).toEqual([expect.objectContaining({ kind: 'invoice', number: next.number, issued: false })]);
    expect(money.creditNotes).toEqual([expect.objectContaining({ number: 'CRN-2026-0001', cancels: first.number })]);
  });

  it('sending an invoice issues it; without the seller details it is not sent', () => {
    const { ws, addon, deal } = prepared();
    const invoice = addon.api_generateDocument(deal.id, 'invoice');
    const refused = runFromClient(ws, addon, 'api_sendDocument', [deal.id, 'invoice', false]);
    expect(refused.error.message).toMatch(/^An issued invoice must name its seller: fill in company_name/);
    expect(ws.mail.sent()).toHaveLength(0);
    sellerDetails(ws);
    addon.api_sendDocument(deal.id, 'invoice', false);
    expect(ws.mail.sent()).toHaveLength(1);
    expect(invoiceRows(ws, deal.id)[0]).toMatchObject({ Status: 'issued', Number: invoice.number });
    expect(addon.api_getDealMoney(deal.id).invoices[0]).toMatchObject({ status: 'issued', issuedOn: '2026-11-23' });
  });

  it('payments settle issued invoices: partly paid, then paid, and the due amounts follow', () => {
    const { ws, addon, deal } = prepared();
    sellerDetails(ws);
    const invoice = addon.api_generateDocument(deal.id, 'invoice');
    addon.api_markInvoiceIssued(deal.id, invoice.number);
    const total = addon.api_getDealMoney(deal.id).invoicedMinor;
    const half = addon.api_recordPayment({ dealId: deal.id, amount: Math.floor(total / 2) / 100, method: 'bank transfer', invoiceNumber: invoice.number });
    expect(half.money.invoices[0]).toMatchObject({ status: 'partly paid', paidMinor: Math.floor(total / 2), dueMinor: total - Math.floor(total / 2) });
    expect(half.money).toMatchObject({ dueMinor: total - Math.floor(total / 2), paidInFull: false });
    ws.clock.advance(20 * 86400000);
    expect(addon.api_getDealMoney(deal.id).invoices[0]).toMatchObject({ status: 'overdue', daysOverdue: 6 });
    const rest = addon.api_recordPayment({ dealId: deal.id, amount: (total - Math.floor(total / 2)) / 100, method: 'online' });
    expect(rest.money.invoices[0]).toMatchObject({ status: 'paid', dueMinor: 0 });
    expect(rest.money).toMatchObject({ dueMinor: 0, paidInFull: true });
  });
});

describe('the payment link from Settings', () => {
  it('prints the invoice\'s own amount, currency and number in the Doc', () => {
    const { ws, addon, deal } = prepared();
    setSetting(ws, 'payment_link', 'https://paypal.me/northlight/{{amount}}{{currency}}?note={{number}}');
    const invoice = addon.api_generateDocument(deal.id, 'invoice');
    const amount = (addon.api_getDealMoney(deal.id).invoices[0].amountMinor / 100).toFixed(2);
    expect(ws.drive.documentText(docId(invoice.url))).toContain(`Pay online: https://paypal.me/northlight/${amount}EUR?note=${invoice.number}`);
    expect(invoice.unfilled).toEqual([]);
  });
});

describe('who owes what', () => {
  it('lists issued invoices with money due for the owner and heads, and the client card shows the balance', () => {
    const { ws, addon, deal } = prepared();
    sellerDetails(ws);
    expect(addon.api_getClient(deal.clientId).balance).toMatchObject({ dueMinor: 0, invoicedMinor: 0 });
    const invoice = addon.api_generateDocument(deal.id, 'invoice');
    addon.api_markInvoiceIssued(deal.id, invoice.number);
    const total = addon.api_getDealMoney(deal.id).invoicedMinor;
    const half = Math.floor(total / 2);
    addon.api_recordPayment({ dealId: deal.id, amount: half / 100, method: 'bank transfer', invoiceNumber: invoice.number });
    ws.clock.advance(24 * 86400000); // due 2026-12-07, now 2026-12-17
    expect(runFromClient(ws, addon, 'api_listDebts', []).error.message).toBe('Only the owner or a head may see who owes what.');
    expect(addon.api_getClient(deal.clientId).balance).toEqual({ currency: 'EUR', invoicedMinor: total, paidMinor: half, dueMinor: total - half, overdueMinor: total - half, overpaidMinor: 0 });
    ws.setUser('head@studio.test');
    const debts = addon.api_listDebts();
    expect(debts).toMatchObject({ today: '2026-12-17', currency: 'EUR', totalDueMinor: total - half, overdueMinor: total - half });
    expect(debts.items).toEqual([{
      dealId: deal.id, dealTitle: deal.title, clientId: deal.clientId, clientName: deal.clientName, manager: 'anna@studio.test',
      invoiceNumber: invoice.number, dueOn: '2026-12-07', daysOverdue: 10, dueMinor: total - half, status: 'overdue',
    }]);
    ws.setUser('anna@studio.test');
    addon.api_recordPayment({ dealId: deal.id, amount: (total - half) / 100, method: 'online' });
    ws.setUser('owner@studio.test');
    expect(addon.api_listDebts()).toMatchObject({ items: [], totalDueMinor: 0 });
    expect(addon.api_getClient(deal.clientId).balance).toMatchObject({ dueMinor: 0, paidMinor: total, overpaidMinor: 0 });
  });
});

describe('the client card lists what the client owes per invoice (issue 22)', () => {
  it('each open invoice with its deal and due amount; its manager may record on it, another manager not', () => {
    const { ws, addon, deal } = prepared();
    sellerDetails(ws);
    expect(addon.api_getClient(deal.clientId).openInvoices).toEqual([]);
    const invoice = addon.api_generateDocument(deal.id, 'invoice');
    expect(addon.api_getClient(deal.clientId).openInvoices).toEqual([]); // a draft is owed nothing
    addon.api_markInvoiceIssued(deal.id, invoice.number);
    const total = addon.api_getDealMoney(deal.id).invoicedMinor;
    const open = addon.api_getClient(deal.clientId).openInvoices;
    expect(open).toEqual([{ dealId: deal.id, dealTitle: deal.title, invoiceNumber: invoice.number, dueOn: '2026-12-07', daysOverdue: 0, dueMinor: total, status: 'issued', canRecord: true }]);
    // The card records through the deal card's own call, on the invoice it names.
    addon.api_recordPayment({ dealId: open[0].dealId, amount: '100', method: 'cash', invoiceNumber: open[0].invoiceNumber });
    expect(addon.api_getClient(deal.clientId).openInvoices).toEqual([expect.objectContaining({ invoiceNumber: invoice.number, dueMinor: total - 10000, status: 'partly paid' })]);
    ws.setUser('owner@studio.test');
    expect(addon.api_getClient(deal.clientId).openInvoices[0].canRecord).toBe(true);
    ws.setUser('boris@studio.test'); // another manager
    expect(addon.api_getClient(deal.clientId).openInvoices[0].canRecord).toBe(false);
    expect(runFromClient(ws, addon, 'api_recordPayment', [{ dealId: deal.id, amount: '100', method: 'cash', invoiceNumber: invoice.number }]).error.message)
      .toMatch(/^Only the deal's manager, a head or the owner may record payments/);
    ws.setUser('anna@studio.test');
    addon.api_recordPayment({ dealId: deal.id, amount: (total - 10000) / 100, method: 'bank transfer', invoiceNumber: invoice.number });
    expect(addon.api_getClient(deal.clientId).openInvoices).toEqual([]);
  });
});

describe('overdue invoices on Today (issue 22)', () => {
  it('a manager sees the overdue invoices of their deals; a head any manager\'s; others are refused', () => {
    const { ws, addon, deal } = prepared();
    sellerDetails(ws);
    const invoice = addon.api_generateDocument(deal.id, 'invoice');
    const issued = addon.api_markInvoiceIssued(deal.id, invoice.number);
    expect(addon.api_getOverdueInvoices().items).toEqual([]);
    const days = Math.round((Date.parse(issued.dueOn) - Date.parse(issued.issuedOn)) / 86400000) + 3;
    ws.clock.advance(days * 86400000);
    const mine = addon.api_getOverdueInvoices();
    expect(mine.items).toEqual([expect.objectContaining({ dealId: deal.id, invoiceNumber: invoice.number, status: 'overdue', manager: 'anna@studio.test' })]);
    expect(mine.items[0].daysOverdue).toBeGreaterThanOrEqual(2);
    expect(mine.overdueMinor).toBe(mine.items[0].dueMinor);
    ws.setUser('boris@studio.test');
    expect(addon.api_getOverdueInvoices().items).toEqual([]);
    expect(runFromClient(ws, addon, 'api_getOverdueInvoices', ['anna@studio.test']).error.message).toBe('Only a head or the owner may look at another manager\'s invoices.');
    ws.setUser('head@studio.test');
    expect(addon.api_getOverdueInvoices('anna@studio.test').items.map((i: Any) => i.invoiceNumber)).toEqual([invoice.number]);
    // The desk's "All" for a head or the owner: every manager's overdue invoices; a manager is refused.
    expect(addon.api_getOverdueInvoices('all').items.map((i: Any) => [i.invoiceNumber, i.manager])).toEqual([[invoice.number, 'anna@studio.test']]);
    ws.setUser('owner@studio.test');
    expect(addon.api_getOverdueInvoices('all').items.map((i: Any) => i.invoiceNumber)).toEqual([invoice.number]);
    ws.setUser('boris@studio.test');
    expect(runFromClient(ws, addon, 'api_getOverdueInvoices', ['all']).error.message).toBe('Only a head or the owner may look at another manager\'s invoices.');
    ws.setUser('eva@studio.test');
    expect(runFromClient(ws, addon, 'api_getOverdueInvoices', []).ok).toBe(false);
  });
});

describe('payment reminders (issue 22)', () => {
  it('off by default; switched on, the hourly run queues one reminder per invoice and step, none to an opted-out client', () => {
    const { ws, addon, deal } = prepared();
    sellerDetails(ws);
    const invoice = addon.api_generateDocument(deal.id, 'invoice');
    const issued = addon.api_markInvoiceIssued(deal.id, invoice.number);
    const days = Math.round((Date.parse(issued.dueOn) - Date.parse(issued.issuedOn)) / 86400000);
    ws.clock.advance((days + 8) * 86400000);
    const reminders = () => records(ws, 'Outbox').filter((r) => r.Template === 'invoice.reminder' && r['Deal ID'] === deal.id);
    ws.runTimeTriggers();
    expect(reminders()).toEqual([]);
    // The owner ticks On for the text on the Notifications tab.
    const notes = ws.readSheet('Notifications').values as unknown[][];
    const row = notes.findIndex((r) => r[0] === 'invoice.reminder');
    expect(row).toBeGreaterThan(0);
    ws.setUser('owner@studio.test');
    ws.editCell('Notifications', row + 1, (notes[0] as string[]).indexOf('On') + 1, true);
    ws.clock.advance(86400000);
    ws.runTimeTriggers();
    expect(reminders()).toHaveLength(1);
    expect(String(reminders()[0].Subject)).toContain(invoice.number);
    expect(String(reminders()[0].Text)).toMatch(/still open/);
    // Later the same day and the next days of the same step: nothing new.
    ws.clock.advance(3600 * 1000);
    ws.runTimeTriggers();
    ws.clock.advance(86400000);
    ws.runTimeTriggers();
    expect(reminders()).toHaveLength(1);
    // The client asks for no e-mails: the second step is blocked, not sent.
    const clients = ws.readSheet('Clients').values as unknown[][];
    const header = clients[0] as string[];
    const at = clients.findIndex((r) => r[header.indexOf('ID')] === records(ws, 'Deals').find((d) => d.ID === deal.id)!['Client ID']);
    ws.editCell('Clients', at + 1, header.indexOf('No e-mails') + 1, true);
    ws.clock.advance(7 * 86400000);
    ws.runTimeTriggers();
    expect(reminders().map((r) => r.Status)).toEqual(['sent', 'blocked']);
    expect(ws.mail.sent().filter((m: Any) => String(m.subject).includes(invoice.number) && /reminder/.test(String(m.subject)))).toHaveLength(1);
  });
});

describe('payment reminder days from Settings (issue 22)', () => {
  it('payment_reminder_days sets the steps; a bad value typed is put back with a sentence naming the key; one that slips in stops the reminders and says why', () => {
    const { ws, addon, deal } = prepared();
    sellerDetails(ws);
    const settings = () => ws.readSheet('Settings').values as unknown[][];
    const at = settings().findIndex((r) => r[0] === 'payment_reminder_days');
    expect(settings()[at][1]).toBe('7, 14, 21');
    ws.setUser('owner@studio.test');
    ws.editCell('Settings', at + 1, 2, '3, 10');
    expect(String(settings()[at][1])).toBe('3, 10');
    ws.editCell('Settings', at + 1, 2, '10, 3');
    expect(String(settings()[at][1])).toBe('3, 10');
    expect(records(ws, 'Activities').some((a) => String(a.Summary).startsWith('Settings payment_reminder_days "10, 3" does not rise from one step to the next') && String(a.Summary).includes('put back'))).toBe(true);
    // Reminders on; the invoice 4 days overdue gets the first step (3 days), which the default 7 would not send yet.
    const notes = ws.readSheet('Notifications').values as unknown[][];
    ws.editCell('Notifications', notes.findIndex((r) => r[0] === 'invoice.reminder') + 1, (notes[0] as string[]).indexOf('On') + 1, true);
    ws.setUser('anna@studio.test');
    const invoice = addon.api_generateDocument(deal.id, 'invoice');
    const issued = addon.api_markInvoiceIssued(deal.id, invoice.number);
    const days = Math.round((Date.parse(issued.dueOn) - Date.parse(issued.issuedOn)) / 86400000);
    ws.clock.advance((days + 4) * 86400000);
    const reminders = () => records(ws, 'Outbox').filter((r) => r.Template === 'invoice.reminder' && r['Deal ID'] === deal.id);
    ws.setUser('owner@studio.test');
    ws.runTimeTriggers();
    expect(reminders()).toHaveLength(1);
    // A bad value that reaches the cell without the edit trigger (a script, an import): no reminder is sent and the Jobs log says why.
    ws.writeRows('Settings', at + 1, [[settings()[at][0], '1, x', settings()[at][2]]]);
    ws.clock.advance(7 * 86400000);
    ws.runTimeTriggers();
    expect(reminders()).toHaveLength(1);
    const log = records(ws, 'Jobs log').filter((l) => l.Job === 'payment reminders').pop()!;
    expect(log.Note).toBe('No reminders: Settings payment_reminder_days "1, x" is not a list of whole days: write days after the due date separated by commas, rising, e.g. 7, 14, 21.');
  });
});

describe('receivables on the dashboard (issue 23)', () => {
  it('the dashboard shows what is owed and how overdue, equal to the debts list; a manager sees only their own; the Dashboard tab holds the same', () => {
    const { ws, addon, deal } = prepared();
    sellerDetails(ws);
    ws.setUser('owner@studio.test');
    expect(addon.api_getDashboard({ kind: 'this_month' }, '').receivables).toEqual({ available: false, note: expect.stringContaining('No invoices yet') });
    ws.setUser('anna@studio.test');
    const invoice = addon.api_generateDocument(deal.id, 'invoice');
    addon.api_markInvoiceIssued(deal.id, invoice.number);
    const total = addon.api_getDealMoney(deal.id).invoicedMinor;
    const third = Math.floor(total / 3);
    addon.api_recordPayment({ dealId: deal.id, amount: third / 100, method: 'bank transfer', invoiceNumber: invoice.number });
    ws.clock.advance(24 * 86400000); // due 2026-12-07, now 2026-12-17: 10 days overdue

    ws.setUser('owner@studio.test');
    const owed = addon.api_getDashboard({ kind: 'this_month' }, '').receivables;
    expect(owed).toEqual({
      available: true,
      invoiced: { value: total / 100, deals: [deal.id] },
      paid: { value: third / 100, deals: [deal.id] },
      due: { value: (total - third) / 100, deals: [deal.id] },
      overdue: { value: (total - third) / 100, deals: [deal.id] },
      byAge: [
        { label: '1–30 days', due: { value: (total - third) / 100, deals: [deal.id] } },
        { label: '31–60 days', due: { value: 0, deals: [] } },
        { label: 'over 60 days', due: { value: 0, deals: [] } },
      ],
    });
    expect(addon.api_listDebts().totalDueMinor).toBe(total - third);
    // Another manager's dashboard holds none of Anna's invoice.
    ws.setUser('boris@studio.test');
    expect(addon.api_getDashboard({ kind: 'this_month' }, null).receivables.available).toBe(false);
    // 45 days later the same debt is in the 31–60 bucket; the Dashboard tab holds the dialog's values.
    ws.clock.advance(35 * 86400000);
    ws.setUser('owner@studio.test');
    const later = addon.api_getDashboard({ kind: 'this_month' }, '').receivables;
    expect(later.byAge.map((a: Any) => a.due.value)).toEqual([0, (total - third) / 100, 0]);
    addon.refreshDashboardTab();
    const tab = ws.readSheet('Dashboard').values as unknown[][];
    const row = (label: string) => tab.find((r) => r[0] === label)!;
    expect(row('Receivables: due').slice(1, 3)).toEqual([(total - third) / 100, 1]);
    expect(row('Receivables: overdue 31–60 days').slice(1, 3)).toEqual([(total - third) / 100, 1]);
  });
});
