// Checkpoints and health as people live them in the playground, in Debian's Chromium: Anna
// wins a deal (the delivery plan is applied), time passes a deadline on the clock control, the
// deal turns red on her board, in her desk and in the sheet; Henrik (head) marks the checkpoint
// done from his desk and it turns green; undone and redone from the card's details.
// Run: npm run build && npx jest --runInBand tests/browser/desk.test.ts
import type { Frame, Page } from 'playwright-core';
import {
  RunningPlayground, browserSuiteEnabled, frameOf, screenshotOf, openPlayground,
} from './harness';
import { actAs, gridCell, menu, rowById, rows, until } from './sheet';

const enabled = browserSuiteEnabled('Desk browser tests');
const suite = enabled ? describe : describe.skip;

/* eslint-disable @typescript-eslint/no-explicit-any */
const NOW = '2026-12-01T08:00:00Z'; // 09:00 in Berlin, the demo's time zone

suite('checkpoints and My desk in Chromium', () => {
  const session = openPlayground({ now: NOW });
  let pg: RunningPlayground;
  let page: Page;
  const pageErrors = session.pageErrors;
  let dealId = '';
  let designId = '';

  beforeAll(() => {
    ({ pg, page } = session);
  });

  /** The sidebar's frame with a board drawn (opened from the menu when closed). */
  async function sidebar(): Promise<Frame> {
    if (!(await page.locator('[data-testid="sidebar-frame"]').isVisible())) await menu(page, 'openBoard');
    const frame = await frameOf(page, 'sidebar-frame');
    await frame.waitForSelector('[data-testid="board"] .card', { timeout: 15000 });
    return frame;
  }

  async function desk(frame: Frame): Promise<void> {
    await frame.click('[data-testid="desk-button"]');
    await frame.waitForSelector('[data-testid="desk"] .desk-list, [data-testid="desk"] .empty');
  }

  const checkpointsOf = (id: string) => rows(pg, 'Checkpoints').filter((c) => c['Deal ID'] === id);

  test('Anna moves a deal to Transferred to work: the Website plan is applied and the deal is green', async () => {
    await actAs(page, pg, 'anna@studio.test');
    const frame = await sidebar();
    const ids = await frame.$$eval('[data-testid="column-negotiation"] .card[data-editable="true"]', (els) => els.map((e) => e.getAttribute('data-id') || ''));
    dealId = ids.find((id) => {
      const r = rowById(pg, 'Deals', id)!;
      return r.Manager === 'anna@studio.test' && Number(r.Budget) > 0 && checkpointsOf(id).length === 0;
    })!;
    expect(dealId).toBeTruthy();
    await frame.locator(`[data-testid="card-${dealId}"] [data-testid="move-menu"]`).selectOption('in_work');
    await frame.waitForSelector(`[data-testid="column-in_work"] [data-testid="card-${dealId}"] .health-green`);

    const plan = await until('the plan in Checkpoints', () => {
      const list = checkpointsOf(dealId);
      return list.length === 5 && list;
    });
    expect(plan.map((c) => c.Checkpoint)).toEqual(['Design done', 'Prototype done', 'Testing done', 'Works completed', 'Payment received']);
    const design = plan[0];
    designId = String(design.ID);
    expect(design['Done at']).toBe('');
    const deal = rowById(pg, 'Deals', dealId)!;
    expect(deal.Stage).toBe('Transferred to work');
    expect(deal.Health).toBe('green');
    expect(String(deal['Open gates'])).toBe('completed: Works completed, Payment received');
    await gridCell(page, 'Deals', dealId, 'Health', 'green');
    await gridCell(page, 'Checkpoints', designId, 'Checkpoint', 'Design done');
  });

  let invoiceNumber = '';

  test('the clock passes the first deadline: red on the board, in My desk and in the sheet', async () => {
    // Anna's deal has an invoice issued today, payable in 7 days (issue 22: the desk lists it once overdue).
    const setSetting = (key: string, value: string) => {
      const values = pg.workspace.readSheet('Settings').values as unknown[][];
      pg.workspace.editCell('Settings', values.findIndex((r) => r[0] === key) + 1, 2, value);
    };
    pg.workspace.setUser('owner@studio.test');
    pg.addon.installDocumentTemplates();
    for (const [key, value] of [['company_name', 'Northlight Studio'], ['company_address', 'Hauptstraße 5, Berlin'], ['company_tax_id', 'DE123456789'], ['company_bank', 'IBAN DE02 1203 0000 0000 2020 51'], ['invoice_due_days', '7']]) setSetting(key, value);
    pg.workspace.setUser('anna@studio.test');
    const items = pg.addon.api_getCatalog().items.slice(0, 1);
    pg.addon.api_saveQuote(dealId, { lines: items.map((i: any) => ({ code: i.code, description: i.service, unit: i.unit, quantity: 1, unitPriceMinor: i.unitPriceMinor })) }, pg.addon.api_getDeal(dealId).card.version);
    invoiceNumber = pg.addon.api_generateDocument(dealId, 'invoice').number;
    pg.addon.api_markInvoiceIssued(dealId, invoiceNumber);
    // "Design done" is due 10 days after the start: set the clock to 11 days later.
    await page.fill('[data-testid="clock-input"]', '2026-12-12T09:00');
    await page.click('[data-testid="clock-set"]');
    await until('the clock moved', () => pg.workspace.clock.now().toISOString() === '2026-12-12T08:00:00.000Z');
    // The hourly trigger recomputed health in the sheet…
    await until('Health red in the Deals row', () => rowById(pg, 'Deals', dealId)!.Health === 'red');
    const cell = await gridCell(page, 'Deals', dealId, 'Health', 'red');
    expect(cell.background).not.toBe('');
    const overdue = await gridCell(page, 'Checkpoints', designId, 'Checkpoint', 'Design done');
    expect(overdue.background).not.toBe('');

    // …and Anna sees it on her board after a refresh…
    const frame = await sidebar();
    await frame.click('[aria-label="Refresh the board"]');
    await frame.waitForSelector(`[data-testid="card-${dealId}"] .health-red`);

    // …and at the top of her desk, with what is late and by how much.
    await desk(frame);
    const item = frame.locator(`[data-testid="desk-item-${dealId}"]`);
    await item.waitFor();
    expect(await item.getAttribute('class')).toContain('hb-red');
    const text = await item.innerText();
    expect(text).toContain('Design done');
    expect(text).toContain('1 day late');
    const first = await frame.getAttribute('[data-testid="desk"] .desk-item', 'class');
    expect(first).toContain('hb-red');
    expect(Number(await frame.locator('[data-testid="desk-count-red"] .desk-count-n').innerText())).toBeGreaterThanOrEqual(1);
    // Her overdue invoice is listed above the deals (issue 22), 4 days past its 7 days.
    const invoice = frame.locator(`[data-testid="desk-invoices"] [data-testid="desk-invoice-${invoiceNumber}"]`);
    await invoice.waitFor({ timeout: 15000 });
    expect(await invoice.innerText()).toMatch(/ · INV-\d{4}-\d{4} 4 days late · due €[\d,.]+$/);
    // Anna is not responsible for design work: no "Done" button for her.
    expect(await frame.locator(`[data-testid="desk-done-${designId}"]`).count()).toBe(0);
    await page.waitForTimeout(300);
    await screenshotOf(page.locator('#sidebar'), 'sidebar-desk');
    expect(await frame.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    const widest = await frame.$$eval('.desk-item', (els) => Math.max(...els.map((e) => e.scrollWidth - e.clientWidth)));
    expect(widest).toBeLessThanOrEqual(0);
  });

  test('Henrik marks the checkpoint done from his desk: it turns green in the desk, on the board and in the sheet', async () => {
    await actAs(page, pg, 'head@studio.test');
    const frame = await sidebar();
    await desk(frame);
    await frame.click('[data-testid="desk-scope-all"]');
    const item = frame.locator(`[data-testid="desk-item-${dealId}"]`);
    await item.waitFor();
    // A head's "All" lists every manager's overdue invoices: Anna's is there; "Mine" has none of his.
    await frame.locator(`[data-testid="desk-invoice-${invoiceNumber}"]`).waitFor({ timeout: 15000 });
    await frame.click('[data-testid="desk-scope-mine"]');
    await frame.waitForSelector('[data-testid="desk-invoices"]', { state: 'detached', timeout: 15000 });
    await frame.click('[data-testid="desk-scope-all"]');
    await frame.locator(`[data-testid="desk-invoice-${invoiceNumber}"]`).waitFor({ timeout: 15000 });
    expect(await item.getAttribute('class')).toContain('hb-red');
    await item.locator(`[data-testid="desk-done-${designId}"]`).click();

    const done = await until('Design done marked in the sheet', () => {
      const c = rowById(pg, 'Checkpoints', designId)!;
      return c['Done at'] !== '' && c;
    });
    expect(done['Done by']).toBe('head@studio.test');
    await until('Health green in the Deals row', () => rowById(pg, 'Deals', dealId)!.Health === 'green');
    await frame.waitForSelector(`[data-testid="desk-item-${dealId}"].hb-green`);
    expect(await frame.locator(`[data-testid="desk-item-${dealId}"]`).innerText()).toContain('Prototype done');
    const audit = rows(pg, 'Activities').filter((a) => a['Deal ID'] === dealId && /Design done/.test(String(a.Summary)));
    expect(audit.length).toBeGreaterThanOrEqual(1);
    await gridCell(page, 'Deals', dealId, 'Health', 'green');

    await frame.click('[data-testid="board-button"]');
    await frame.waitForSelector(`[data-testid="card-${dealId}"] .health-green`);
    expect(pageErrors).toEqual([]);
  });

  test('undo and redo from the card: the checkpoint in card details turns the deal red, then green again', async () => {
    const frame = await sidebar();
    await frame.click(`[data-testid="card-${dealId}"] [data-testid="card-title"]`);
    const tick = frame.locator(`[data-testid="checkpoint-done-${designId}"]`);
    await tick.waitFor();
    expect(await tick.isChecked()).toBe(true);
    await tick.click();
    await until('Design done open again', () => rowById(pg, 'Checkpoints', designId)!['Done at'] === '');
    await until('Health red again', () => rowById(pg, 'Deals', dealId)!.Health === 'red');
    await frame.waitForSelector(`[data-testid="checkpoint-${designId}"].late`);
    await page.waitForTimeout(300);
    await screenshotOf(page.locator('#sidebar'), 'sidebar-checkpoints');
    await frame.locator(`[data-testid="checkpoint-done-${designId}"]`).click();
    await until('Health green again', () => rowById(pg, 'Deals', dealId)!.Health === 'green');
    await frame.waitForSelector(`[data-testid="checkpoint-${designId}"].done`);
    await gridCell(page, 'Deals', dealId, 'Health', 'green');
    expect(pageErrors).toEqual([]);
  });
});
