// Money in (issue 22) as a manager lives it in the playground, in Debian's Chromium: an invoice
// of Anna's deal is issued (made and issued through the add-on's own globals, as the Documents
// tests already click through that), Anna opens the deal, sees the invoice issued with its full
// amount due, records a partial payment by bank transfer from the card and sees the due amount
// drop, the invoice "partly paid", and the payment in the Payments tab.
// Run: npm run build && npx jest --runInBand tests/browser/payments.test.ts
import type { Page } from 'playwright-core';
import { RunningPlayground, browserSuiteEnabled, screenshotOf, openPlayground } from './harness';
import { ANNA, euros, issueInvoiceForAnna, openCardAsAnna } from './managerSetup';
import { rows, until } from './sheet';

const enabled = browserSuiteEnabled('Payments browser tests');
const suite = enabled ? describe : describe.skip;

const NOW = '2026-12-01T08:00:00Z';

suite('payments from the card in Chromium', () => {
  const session = openPlayground({ now: NOW });
  let pg: RunningPlayground;
  let page: Page;
  const pageErrors = session.pageErrors;

  beforeAll(() => {
    ({ pg, page } = session);
  });

  test('record a partial payment, see the due amount', async () => {
    // The owner installs the templates and fills in the seller's details; Anna's deal gets a quote and an issued invoice.
    const { deal, invoice, totalMinor: total } = issueInvoiceForAnna(pg);
    expect(total).toBeGreaterThan(20000);

    const frame = await openCardAsAnna(page, pg, deal.id);
    const status = frame.locator(`[data-testid="invoice-status-${invoice.number}"]`);
    await status.waitFor({ timeout: 15000 }).catch(async (error) => {
      throw new Error(`${String(error)}\n${await frame.locator('body').innerText().catch(() => '?')}\n${pageErrors.join('\n')}`);
    });
    expect(await status.textContent()).toBe('issued');
    expect(await frame.locator('[data-testid="money-due"]').textContent()).toBe(euros(total));

    // Anna records 200.00 received by bank transfer against the invoice.
    await frame.fill('[data-testid="payment-amount"]', '200.00');
    await frame.selectOption('[data-testid="payment-method"]', 'bank transfer');
    await frame.selectOption('[data-testid="payment-invoice"]', invoice.number);
    await frame.fill('[data-testid="payment-note-input"]', 'First instalment');
    await frame.click('[data-testid="payment-save"]');
    await frame.waitForSelector('[data-testid="payment-note"]');
    expect(await frame.locator('[data-testid="payment-note"]').textContent()).toBe('Payment recorded.');
    expect(await frame.locator('[data-testid="money-due"]').textContent()).toBe(euros(total - 20000));
    expect(await frame.locator('[data-testid="money-paid"]').textContent()).toBe(euros(20000));
    expect(await status.textContent()).toBe('partly paid');
    expect(await frame.locator(`[data-testid="invoice-due-${invoice.number}"]`).textContent()).toBe(euros(total - 20000));

    const payment = await until('the payment in the Payments tab', () => rows(pg, 'Payments').find((p) => p['Deal ID'] === deal.id && p.Note === 'First instalment'));
    expect(payment).toMatchObject({ Amount: 200, Method: 'bank transfer', Invoice: invoice.number, 'Updated by': ANNA });
    await frame.locator('[data-testid="payments"]').scrollIntoViewIfNeeded();
    await screenshotOf(frame.locator('[data-testid="payments"]'), 'sidebar-payments');
    expect(pageErrors).toEqual([]);
  }, 180000); // the setup through the add-on's globals and the sidebar's load take most of a minute on a shared machine
});
