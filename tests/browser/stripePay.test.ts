// Paying online in the playground (issue 22), in Debian's Chromium: Anna's deal has an issued
// invoice with a Stripe Payment Link in test mode (the owner's test key; made and issued through
// the add-on's globals, as payments.test.ts does). The client opens the invoice Doc, follows its
// "Pay online" link to the playground's Stripe page, sees the amount and pays. Anna presses
// "Check payment now" on the card: the payment is recorded once, the invoice shows paid, and the
// "Payment received" checkpoint is ticked. The paid link, opened again, is no longer active.
// Run: npm run build && npx jest --runInBand tests/browser/stripePay.test.ts
import type { Frame, Page } from 'playwright-core';
import { RunningBrowser, RunningPlayground, browserSuiteEnabled, frameOf, openPlayground, screenshot } from './harness';
import { actAs, menu, rows } from './sheet';
import { EMULATOR_TEST_KEY } from '../../scripts/emulator/stripe/route';

const enabled = browserSuiteEnabled('Stripe pay page browser tests');
const suite = enabled ? describe : describe.skip;

const ANNA = 'anna@studio.test';

/* eslint-disable @typescript-eslint/no-explicit-any */
type Any = any;

suite('paying an invoice on the playground\'s Stripe page', () => {
  const session = openPlayground({ now: '2026-12-01T08:00:00Z' });
  let pg: RunningPlayground;
  let browser: RunningBrowser;
  let page: Page;

  beforeAll(() => {
    ({ pg, browser, page } = session);
  });

  function setSetting(key: string, value: string) {
    const values = pg.workspace.readSheet('Settings').values as unknown[][];
    pg.workspace.editCell('Settings', values.findIndex((r) => r[0] === key) + 1, 2, value);
  }

  test('the client pays the link, "Check payment now" records it, the invoice is paid and the gate open', async () => {
    pg.workspace.setUser('owner@studio.test');
    pg.addon.installDocumentTemplates();
    for (const [key, value] of [['company_name', 'Northlight Studio'], ['company_address', 'Hauptstraße 5, Berlin'], ['company_tax_id', 'DE123456789'], ['company_bank', 'IBAN DE02 1203 0000 0000 2020 51']]) setSetting(key, value);
    expect(pg.addon.api_setStripeKey(EMULATOR_TEST_KEY)).toMatchObject({ configured: true, mode: 'test' });
    pg.workspace.setUser(ANNA);
    const deal = pg.addon.api_getBoard({ scope: 'mine' }).columns.find((c: Any) => c.key === 'negotiation').cards.find((c: Any) => c.editable);
    expect(pg.addon.api_moveDeal(deal.id, 'in_work', 0, deal.version).ok).toBe(true);
    const items = pg.addon.api_getCatalog().items.slice(0, 2);
    pg.addon.api_saveQuote(deal.id, { lines: items.map((i: Any) => ({ code: i.code, description: i.service, unit: i.unit, quantity: 1, unitPriceMinor: i.unitPriceMinor })) }, pg.addon.api_getDeal(deal.id).card.version);
    const invoice = pg.addon.api_generateDocument(deal.id, 'invoice');
    pg.addon.api_markInvoiceIssued(deal.id, invoice.number);
    // The link is made while the playground runs: it opens the playground's pay page, not buy.stripe.com.
    expect(invoice.payLink).toMatch(new RegExp(`^${pg.url}stripe/pay/test_\\w+$`));
    const total = pg.addon.api_getDealMoney(deal.id).invoicedMinor as number;
    const euros = (minor: number) => `€${(minor / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
    const gate = pg.addon.api_getDeal(deal.id).checkpoints.find((c: Any) => c.name === 'Payment received');
    expect(gate.doneAt).toBeNull();

    // The client: the invoice Doc, its "Pay online" line, Stripe's page, Pay.
    const client = await browser.context.newPage();
    await client.goto(invoice.url);
    const docText = await client.locator('body').innerText();
    const link = /Pay online: (\S+)/.exec(docText)![1];
    expect(link).toBe(invoice.payLink);
    await client.goto(link);
    expect(await client.locator('[data-testid="stripe-test-mode"]').innerText()).toBe('TEST MODE');
    expect(await client.locator('[data-testid="stripe-what"]').innerText()).toBe(`Invoice ${invoice.number}`);
    expect(await client.locator('[data-testid="stripe-amount"]').innerText()).toBe(euros(total));
    await client.click('[data-testid="stripe-pay"]');
    await client.waitForSelector('[data-testid="stripe-paid"]');
    await screenshot(client, 'stripe-pay-page-paid');
    // Paid in Stripe; Dealboard has not heard of it yet (no webhooks: it polls).
    expect(pg.workspace.stripe.state.sessions.filter((s: Any) => s.payment_status === 'paid')).toHaveLength(1);
    expect(rows(pg, 'Payments').filter((p) => p['Deal ID'] === deal.id)).toHaveLength(0);

    // Anna: the card, "Check payment now".
    await actAs(page, pg, ANNA);
    await menu(page, 'openBoard');
    const frame: Frame = await frameOf(page, 'sidebar-frame');
    await frame.waitForSelector('[data-testid="board"] .card', { timeout: 15000 });
    await frame.click(`[data-testid="card-${deal.id}"] [data-testid="card-title"]`);
    const status = frame.locator(`[data-testid="invoice-status-${invoice.number}"]`);
    await status.waitFor({ timeout: 15000 });
    expect(await status.textContent()).toBe('issued');
    await frame.click('[data-testid="payment-check-now"]');
    const note = frame.locator('[data-testid="payment-note"]');
    await note.waitFor({ timeout: 15000 });
    expect(await note.textContent()).toBe('Paid in full: "Payment received" is done.');
    expect(await status.textContent()).toBe('paid');
    expect(await frame.locator('[data-testid="money-due"]').textContent()).toBe(euros(0));
    // The card reloads its checkpoints once the gate opened: the payment checkpoint shows ticked.
    await frame.waitForSelector(`[data-testid="checkpoint-done-${gate.id}"]:checked`, { timeout: 15000 });
    const online = rows(pg, 'Payments').filter((p) => p['Deal ID'] === deal.id);
    expect(online).toHaveLength(1);
    expect(online[0]).toMatchObject({ Method: 'online', Invoice: invoice.number, Amount: total / 100 });
    await screenshot(page, 'stripe-paid-card');

    // The client opens the link again: it was closed once the invoice was paid in full.
    await client.goto(link);
    await client.waitForSelector('[data-testid="stripe-inactive"]');
    await client.close();
    expect(session.pageErrors).toEqual([]);
  }, 90000);
});
