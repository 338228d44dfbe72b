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

    // The date field is in the spreadsheet's locale (en_US here: MM/DD/YYYY), not an ISO field.
    expect(await frame.inputValue('[data-testid="payment-date"]')).toBe('12/01/2026');
    expect(await frame.getAttribute('[data-testid="payment-date"]', 'placeholder')).toBe('MM/DD/YYYY');
    // Anna records 200.00 received by bank transfer against the invoice, yesterday's date typed the sheet's way.
    await frame.fill('[data-testid="payment-date"]', '11/30/2026');
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
    expect(pg.addon.api_getDealMoney(deal.id).payments.find((p: { note: string }) => p.note === 'First instalment').date).toBe('2026-11-30');
    await frame.locator('[data-testid="payments"]').scrollIntoViewIfNeeded();
    await screenshotOf(frame.locator('[data-testid="payments"]'), 'sidebar-payments');
    expect(pageErrors).toEqual([]);

    // From the client card (issue 22): Anna sees what the client owes per invoice and records the rest there.
    await frame.click('[data-testid="open-client-card"]');
    const owed = frame.locator(`[data-testid="client-invoice-due-${invoice.number}"]`);
    await owed.waitFor({ timeout: 15000 });
    expect(await owed.textContent()).toBe(euros(total - 20000));
    expect(await frame.inputValue('[data-testid="client-payment-date"]')).toBe('12/01/2026');
    await frame.selectOption('[data-testid="client-payment-invoice"]', invoice.number);
    await frame.fill('[data-testid="client-payment-amount"]', ((total - 20000) / 100).toFixed(2));
    await frame.selectOption('[data-testid="client-payment-method"]', 'card');
    await frame.fill('[data-testid="client-payment-note"]', 'The rest, from the client card');
    await frame.click('[data-testid="client-payment-save"]');
    const done = frame.locator('[data-testid="client-payment-done"]');
    await done.waitFor({ timeout: 15000 });
    expect(await done.textContent()).toMatch(new RegExp(`^Payment recorded for ${invoice.number}\\.`));
    expect(await frame.locator('[data-testid="client-open-invoices"]').count()).toBe(0);
    expect(await frame.locator('[data-testid="client-balance"]').textContent()).toMatch(/^Balance: €0\.00 due/);
    const rest = await until('the client card\'s payment in the Payments tab', () => rows(pg, 'Payments').find((p) => p['Deal ID'] === deal.id && p.Note === 'The rest, from the client card'));
    expect(rest).toMatchObject({ Amount: (total - 20000) / 100, Method: 'card', Invoice: invoice.number, 'Updated by': ANNA });
    expect(pageErrors).toEqual([]);
  }, 180000); // the setup through the add-on's globals and the sidebar's load take most of a minute on a shared machine
});
