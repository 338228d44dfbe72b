// Stripe Payment Links (issue 22), through the built bundle and the emulator's Stripe: the owner's
// key, a link per invoice made once under retries, the hourly check recording each paid session
// once (the payment gate opens), closing the link of a paid invoice, and Stripe's failures.
import ExcelJS from 'exceljs';
import { demoWorkspace, records, runFromClient } from './harness';
import { EMULATOR_LIVE_KEY, EMULATOR_TEST_KEY } from '../../scripts/emulator/stripe/route';

/* eslint-disable @typescript-eslint/no-explicit-any */
type Any = any;

const HOUR = 3600 * 1000;

function setSetting(ws: Any, key: string, value: string) {
  const values = ws.readSheet('Settings').values as unknown[][];
  const row = values.findIndex((r) => r[0] === key);
  const user = ws.currentUser();
  ws.setUser('owner@studio.test');
  ws.editCell('Settings', row + 1, 2, value);
  ws.setUser(user);
}

function prepared() {
  const { ws, addon } = demoWorkspace(80, 'owner@studio.test');
  addon.installDocumentTemplates();
  setSetting(ws, 'company_name', 'Pixel & Code Studio');
  setSetting(ws, 'company_address', 'Hauptstraße 5, 10115 Berlin');
  setSetting(ws, 'company_tax_id', 'DE123456789');
  setSetting(ws, 'company_bank', 'IBAN DE02 1203 0000 0000 2020 51');
  expect(addon.api_setStripeKey(EMULATOR_TEST_KEY)).toEqual({ configured: true, mode: 'test', key: 'sk_test_…0001' });
  ws.setUser('anna@studio.test');
  const board = addon.api_getBoard({ scope: 'all' });
  const card = board.columns.find((c: Any) => c.key === 'negotiation').cards.find((c: Any) => c.manager === 'anna@studio.test' && c.value > 0 && c.email);
  const moved = addon.api_moveDeal(card.id, 'in_work', 0, card.version);
  expect(moved.ok).toBe(true);
  const items = addon.api_getCatalog().items.slice(0, 2);
  addon.api_saveQuote(card.id, {
    lines: items.map((i: Any) => ({ code: i.code, description: i.service, unit: i.unit, quantity: 1, unitPriceMinor: i.unitPriceMinor })),
  }, addon.api_getDeal(card.id).card.version);
  return { ws, addon, deal: card };
}

const invoiceRow = (ws: Any, number: string) => records(ws, 'Documents').find((r) => r.Number === number)!;
const jobLines = (ws: Any) => records(ws, 'Jobs log').filter((l) => l.Job === 'online payments');

describe('Stripe Payment Links through the bundle', () => {
  it('the key: owner only, checked with Stripe before it is kept, never in a cell or a log', () => {
    const { ws, addon } = demoWorkspace(80, 'owner@studio.test');
    const fail = (args: unknown[]) => runFromClient(ws, addon, 'api_setStripeKey', args).error.message;
    expect(fail(['pk_test_abcdefghijkl'])).toMatch(/publishable key/);
    expect(fail(['sk_test_unknownKey12345678'])).toMatch(/^The key was not saved: Stripe refused the key \(Invalid API Key provided: sk_test_…\)/);
    expect(addon.api_stripeKeyStatus()).toEqual({ configured: false, mode: null, key: null });
    expect(addon.api_setStripeKey(EMULATOR_LIVE_KEY)).toEqual({ configured: true, mode: 'live', key: 'sk_live_…0003' });
    ws.setUser('head@studio.test');
    expect(runFromClient(ws, addon, 'api_stripeKeyStatus', []).error.message).toBe('Only the owner may see or change the Stripe key.');
    expect(runFromClient(ws, addon, 'api_setStripeKey', ['']).ok).toBe(false);
    ws.setUser('owner@studio.test');
    const everything = JSON.stringify(ws.sheetNames().map((n: string) => ws.readSheet(n).values)) + JSON.stringify(ws.logs);
    expect(everything).not.toContain(EMULATOR_LIVE_KEY);
    expect(ws.properties('document')['dealboard:stripeKey']).toBe(EMULATOR_LIVE_KEY);
    expect(addon.api_setStripeKey('')).toEqual({ configured: false, mode: null, key: null });
    // The owner's dialog (menu: Stripe key); a manager gets the refusal and no dialog.
    addon.openStripeSettings();
    expect(ws.ui.dialogs.pop()).toMatchObject({ title: 'Dealboard — Stripe key', modal: true, content: expect.stringContaining('api_setStripeKey') });
    ws.setUser('anna@studio.test');
    addon.openStripeSettings();
    expect(ws.ui.dialogs).toHaveLength(0);
    expect(ws.ui.alerts.pop().prompt).toMatch(/Only the owner can set the Stripe key/);
  });

  it('an invoice gets one link per amount, printed in the Doc; a lost write is retried without a second link', async () => {
    const { ws, addon, deal } = prepared();
    const invoice = addon.api_generateDocument(deal.id, 'invoice');
    expect(invoice.payLink).toMatch(/^https:\/\/buy\.stripe\.com\/test_/);
    expect(invoice.payLinkProblem).toBeUndefined();
    const row = invoiceRow(ws, invoice.number);
    expect(row).toMatchObject({ 'Payment link': invoice.payLink, 'Payment link state': 'open' });
    const link = ws.stripe.link(String(row['Payment link ID']))!;
    expect(link.metadata).toEqual({ invoice: invoice.number, deal: deal.id, workbook: expect.any(String) });
    expect(ws.stripe.linkTotal(link)).toBe(Math.round(Number(row.Amount) * 100));
    const docId = /\/d\/([^/]+)/.exec(invoice.url)![1];
    expect(ws.drive.documentText(docId)).toContain(`Pay online: ${invoice.payLink}`);
    // The invoice XLSX carries the due date, the payment link and a discount column, as the Doc does.
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(ws.drive.file(/\/d\/([^/]+)/.exec(invoice.xlsxUrl)![1]).content) as Any);
    const cells: unknown[][] = [];
    book.worksheets[0].eachRow((r) => cells.push((r.values as unknown[]).slice(1)));
    expect(cells.find((r) => r[0] === 'Due date')![1]).toBe(addon.api_getDealMoney(deal.id).invoices[0].dueOn);
    expect(cells.find((r) => r[0] === 'Pay online')![1]).toBe(invoice.payLink);
    expect(cells.find((r) => r[0] === '#')).toEqual(['#', 'Service', 'Quantity', 'Unit', 'Unit price', 'Discount %', 'Total']);
    expect(cells[cells.length - 1].slice(-2)).toEqual(['Total', Number(row.Amount)]);
    // Same amount: the same link, no Stripe call that creates anything.
    expect(addon.api_generateDocument(deal.id, 'invoice').payLink).toBe(invoice.payLink);
    expect(ws.stripe.state.links).toHaveLength(1);
    // The row's link lost (a crash after Stripe answered): the retry replays the same idempotency key.
    const ids = ws.readSheet('Documents').values[0].indexOf('Payment link ID');
    const at = records(ws, 'Documents').findIndex((r) => r.Number === invoice.number) + 2;
    ws.writeRows('Documents', at, [[...(ws.readSheet('Documents').values[at - 1] as unknown[]).map((v, i) => (i === ids ? '' : v))]]);
    expect(addon.api_generateDocument(deal.id, 'invoice').payLink).toBe(invoice.payLink);
    expect(ws.stripe.state.links).toHaveLength(1);
  });

  it('Stripe down when the invoice is made: the invoice is made without a link and says why; regenerating makes it', () => {
    const { ws, addon, deal } = prepared();
    ws.stripe.failNext('rate_limit');
    const invoice = addon.api_generateDocument(deal.id, 'invoice');
    expect(invoice.payLink).toBeUndefined();
    expect(invoice.payLinkProblem).toBe('No Stripe payment link: Stripe asked to slow down (retry after 2 s); the next hourly run tries again.');
    expect(invoiceRow(ws, invoice.number)['Payment link']).toBe('');
    expect(addon.api_generateDocument(deal.id, 'invoice').payLink).toMatch(/^https:\/\/buy\.stripe\.com\//);
  });

  it('half paid by hand, the rest online: the hourly run records it once, opens the gate and closes the link', () => {
    const { ws, addon, deal } = prepared();
    const invoice = addon.api_generateDocument(deal.id, 'invoice');
    addon.api_markInvoiceIssued(deal.id, invoice.number);
    const total = Math.round(Number(invoiceRow(ws, invoice.number).Amount) * 100);
    const half = Math.floor(total / 2);
    addon.api_recordPayment({ dealId: deal.id, amount: half / 100, method: 'bank transfer', invoiceNumber: invoice.number });
    const linkId = String(invoiceRow(ws, invoice.number)['Payment link ID']);
    ws.clock.advance(HOUR);
    const session = ws.stripe.pay(linkId, total - half);
    // A crash between "recorded" and "deactivated": the deactivation does not reach Stripe.
    ws.stripe.failNext('network', 1, `/v1/payment_links/${linkId}`);
    ws.setUser('owner@studio.test');
    expect(ws.runTimeTriggers().map((r: Any) => [r.handler, r.ok])).toEqual([['onHourly', true]]);
    const online = records(ws, 'Payments').filter((p) => p.Reference === session.id);
    expect(online).toHaveLength(1);
    expect(online[0]).toMatchObject({ 'Deal ID': deal.id, Method: 'online', Invoice: invoice.number, Amount: (total - half) / 100 });
    expect(jobLines(ws).pop()!.Note).toMatch(/^0 links checked, 1 payments recorded, 0 links closed, 1 payment checkpoints done\. Stopped \(tried again next hour\): INV-.*: Stripe could not be reached/);
    expect(addon.api_getDeal(deal.id).checkpoints.find((c: Any) => c.name === 'Payment received').doneAt).not.toBeNull();
    expect(ws.stripe.link(linkId)!.active).toBe(true);
    // The next hour: nothing recorded twice, the link is closed.
    ws.clock.advance(HOUR);
    ws.runTimeTriggers();
    expect(records(ws, 'Payments').filter((p) => p.Reference === session.id)).toHaveLength(1);
    expect(ws.stripe.link(linkId)!.active).toBe(false);
    expect(invoiceRow(ws, invoice.number)['Payment link state']).toBe('closed');
    expect(jobLines(ws).pop()!.Note).toBe('1 links checked, 0 payments recorded, 1 links closed.');
    ws.setUser('anna@studio.test');
    const money = addon.api_getDealMoney(deal.id);
    // The link paid is the one made for the half still due after the bank transfer (not the invoice's first link).
    expect(money.invoices[0]).toMatchObject({ status: 'paid', dueMinor: 0, payLink: ws.stripe.link(linkId)!.url });
    expect(money.invoices[0].payLink).not.toBe(invoice.payLink);
    expect(money.paidInFull).toBe(true);
    // A third hour with the link closed: the job reads nothing from Stripe.
    ws.setUser('owner@studio.test');
    ws.clock.advance(HOUR);
    ws.calls.reset();
    ws.runTimeTriggers();
    expect(ws.calls.summary().byCategory.urlfetch || 0).toBe(0);
  });

  it('a partly paid invoice: its link charges what is still due, the old link is closed; a deleted payment brings the total back', () => {
    const { ws, addon, deal } = prepared();
    const invoice = addon.api_generateDocument(deal.id, 'invoice');
    addon.api_markInvoiceIssued(deal.id, invoice.number);
    const total = Math.round(Number(invoiceRow(ws, invoice.number).Amount) * 100);
    const half = Math.floor(total / 2);
    const firstId = String(invoiceRow(ws, invoice.number)['Payment link ID']);
    expect(ws.stripe.linkTotal(ws.stripe.link(firstId)!)).toBe(total);
    const recorded = addon.api_recordPayment({ dealId: deal.id, amount: half / 100, method: 'bank transfer', invoiceNumber: invoice.number });
    expect(recorded.payLinkProblem).toBeUndefined();
    const row = invoiceRow(ws, invoice.number);
    const dueId = String(row['Payment link ID']);
    expect(dueId).not.toBe(firstId);
    // The link the client gets (card, reminders) charges the half still due; the whole total is no longer payable.
    expect(ws.stripe.linkTotal(ws.stripe.link(dueId)!)).toBe(total - half);
    expect(ws.stripe.link(dueId)!.active).toBe(true);
    expect(ws.stripe.link(firstId)!.active).toBe(false);
    expect(row).toMatchObject({ 'Payment link state': 'open', 'Payment link amount': (total - half) / 100 });
    expect(recorded.money.invoices[0]).toMatchObject({ status: 'partly paid', dueMinor: total - half, payLink: row['Payment link'] });
    expect(addon.api_getDealMoney(deal.id).invoices[0].payLink).toBe(row['Payment link']);
    expect(row['Payment link']).not.toBe(invoice.payLink);
    // Checking again makes nothing new: the link already charges the due amount.
    const links = ws.stripe.state.links.length;
    expect(addon.api_checkPaymentNow(deal.id)).toMatchObject({ recorded: 0, problem: null });
    expect(ws.stripe.state.links).toHaveLength(links);
    // The hand payment deleted: the whole total is due again, on an active link for the total.
    const payment = recorded.payment;
    const undone = addon.api_deletePayment(deal.id, payment.id, payment.version);
    expect(undone.payLinkProblem).toBeUndefined();
    const back = invoiceRow(ws, invoice.number);
    expect(ws.stripe.linkTotal(ws.stripe.link(String(back['Payment link ID']))!)).toBe(total);
    expect(ws.stripe.link(String(back['Payment link ID']))!.active).toBe(true);
    expect(ws.stripe.link(dueId)!.active).toBe(false);
    // The client pays the link they now get: the invoice is paid and its link closed.
    ws.stripe.pay(String(back['Payment link ID']));
    const now = addon.api_checkPaymentNow(deal.id);
    expect(now).toMatchObject({ recorded: 1, closed: 1, problem: null });
    expect(now.money.invoices[0]).toMatchObject({ status: 'paid', dueMinor: 0 });
  });

  it('"Check payment now" on the card; a revoked key and a rate limit are reported, and retried later', () => {
    const { ws, addon, deal } = prepared();
    const invoice = addon.api_generateDocument(deal.id, 'invoice');
    addon.api_markInvoiceIssued(deal.id, invoice.number);
    const linkId = String(invoiceRow(ws, invoice.number)['Payment link ID']);
    ws.stripe.pay(linkId, 1000);
    ws.stripe.failNext('rate_limit');
    const limited = addon.api_checkPaymentNow(deal.id);
    expect(limited).toMatchObject({ recorded: 0, problem: expect.stringMatching(/Stripe asked to slow down/) });
    const now = addon.api_checkPaymentNow(deal.id);
    expect(now).toMatchObject({ recorded: 1, problem: null });
    expect(now.money.paidMinor).toBe(1000);
    expect(addon.api_checkPaymentNow(deal.id).recorded).toBe(0);
    ws.setUser('eva@studio.test');
    expect(runFromClient(ws, addon, 'api_checkPaymentNow', [deal.id]).ok).toBe(false);
    ws.setUser('owner@studio.test');
    ws.stripe.revokeKey(EMULATOR_TEST_KEY);
    ws.runTimeTriggers();
    expect(jobLines(ws).pop()!.Note).toMatch(/Stopped: INV-.*: Stripe refused the key \(Invalid API Key provided: sk_test_…\)\. The owner can enter a new one/);
    expect(JSON.stringify(records(ws, 'Jobs log'))).not.toContain(EMULATOR_TEST_KEY);
  });
});
