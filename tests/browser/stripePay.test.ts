// Paying online in the playground (issue 22), in Debian's Chromium: Anna's deal has an issued
// invoice with a Stripe Payment Link in test mode (the owner's test key; made and issued through
// the add-on's globals, as payments.test.ts does). The client opens the invoice Doc, follows its
// "Pay online" link to the playground's Stripe page, sees the amount and pays. Anna presses
// "Check payment now" on the card: the payment is recorded once, the invoice shows paid, and the
// "Payment received" checkpoint is ticked. The paid link, opened again, is no longer active.
// Run: npm run build && npx jest --runInBand tests/browser/stripePay.test.ts
import type { Page } from 'playwright-core';
import { RunningBrowser, RunningPlayground, browserSuiteEnabled, openPlayground, screenshot } from './harness';
import { euros, issueInvoiceForAnna, openCardAsAnna } from './managerSetup';
import { rows } from './sheet';
import { EMULATOR_TEST_KEY } from '../../scripts/emulator/stripe/route';

const enabled = browserSuiteEnabled('Stripe pay page browser tests');
const suite = enabled ? describe : describe.skip;

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

  test('the client pays the link, "Check payment now" records it, the invoice is paid and the gate open', async () => {
    const { deal, invoice, totalMinor: total } = issueInvoiceForAnna(pg, {
      asOwner: () => expect(pg.addon.api_setStripeKey(EMULATOR_TEST_KEY)).toMatchObject({ configured: true, mode: 'test' }),
      moveTo: 'in_work',
    });
    // The link is made while the playground runs: it opens the playground's pay page, not buy.stripe.com.
    expect(invoice.payLink).toMatch(new RegExp(`^${pg.url}stripe/pay/test_\\w+$`));
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
    const frame = await openCardAsAnna(page, pg, deal.id);
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
