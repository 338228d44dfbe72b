// "Who do I call today" as Anna lives it in the playground, in Debian's Chromium: she opens
// Today, sees her overdue calls first, logs a call with one click and a next date (the row moves
// to its new time, or leaves the list, and the Deals row changes), and converts a "call me back"
// request whose call back lands on her list (issue 11, item 15).
// Run: npm run build && npx jest --runInBand tests/browser/today.test.ts
import type { Frame, Page } from 'playwright-core';
import { RunningPlayground, browserSuiteEnabled, frameOf, openPlayground, screenshotOf } from './harness';
import { actAs, activitiesOf, menu, rowById, rows, until } from './sheet';

const enabled = browserSuiteEnabled('Today browser tests');
const suite = enabled ? describe : describe.skip;

const NOW = '2026-12-01T08:00:00Z'; // Tuesday 09:00 in Berlin, the demo's time zone
const END_OF_TODAY = Date.parse('2026-12-01T23:00:00Z');
const ANNA = 'anna@studio.test';

suite('Today: who do I call, in Chromium', () => {
  const session = openPlayground({ now: NOW });
  let pg: RunningPlayground;
  let page: Page;
  const pageErrors = session.pageErrors;

  beforeAll(() => { ({ pg, page } = session); });

  async function sidebar(): Promise<Frame> {
    if (!(await page.locator('[data-testid="sidebar-frame"]').isVisible())) await menu(page, 'openBoard');
    const frame = await frameOf(page, 'sidebar-frame');
    // The board's cards arrive with the board, whichever view is on (hidden ones count).
    await frame.waitForSelector('[data-testid="board"] .card', { timeout: 15000, state: 'attached' });
    return frame;
  }

  async function today(frame: Frame): Promise<void> {
    await frame.click('[data-testid="today-button"]');
    await frame.waitForSelector('[data-testid="today"] .today-list');
  }

  const shownIds = (frame: Frame) => frame.$$eval('[data-testid="today"] .today-item', (els) => els.map((e) => (e.getAttribute('data-testid') || '').slice('today-item-'.length)));
  const nextContact = (id: string) => {
    const v = rowById(pg, 'Deals', id)!['Next contact'];
    return v instanceof Date ? v.toISOString() : String(v);
  };
  const annasDue = () => rows(pg, 'Deals')
    .filter((d) => d.Manager === ANNA && !['Failed', 'Completed'].includes(String(d.Stage)) && d['Next contact'] instanceof Date && (d['Next contact'] as Date).getTime() < END_OF_TODAY);

  test('Anna opens Today: her overdue calls first, oldest first, then today\'s; nobody else\'s, no closed deal', async () => {
    await actAs(page, pg, ANNA);
    const frame = await sidebar();
    await today(frame);
    const due = annasDue();
    expect(due.length).toBeGreaterThan(3);
    const ids = await shownIds(frame);
    expect(ids.slice().sort()).toEqual(due.map((d) => String(d.ID)).sort());

    const overdue = await frame.$$eval('[data-testid="today"] .today-item', (els) => els.map((e) => e.classList.contains('overdue')));
    const firstNotOverdue = overdue.indexOf(false);
    expect(overdue[0]).toBe(true);
    if (firstNotOverdue >= 0) expect(overdue.slice(firstNotOverdue).every((o) => !o)).toBe(true);
    const times = await frame.$$eval('[data-testid="today"] [data-testid="today-time"]', (els) => els.map((e) => Date.parse(e.getAttribute('datetime') || '')));
    const overdueTimes = times.slice(0, firstNotOverdue < 0 ? times.length : firstNotOverdue);
    expect(overdueTimes).toEqual(overdueTimes.slice().sort((a, b) => a - b));
    expect(overdueTimes.every((t) => t < Date.parse(NOW))).toBe(true);

    const first = frame.locator('[data-testid="today"] .today-item').first();
    const deal = rowById(pg, 'Deals', ids[0])!;
    const text = await first.innerText();
    expect(text).toContain('Overdue');
    expect(text).toContain(String(deal.Client));
    expect(text).toContain(String(deal.Title));
    expect(await frame.innerText('[data-testid="today-zone"]')).toBe('Times in Europe/Berlin');
    expect(await frame.innerText('[data-testid="today-counts"]')).toContain(`${overdueTimes.length} overdue`);
    // The board and the search are not what this view is about.
    expect(await frame.locator('[data-testid="board"]').isVisible()).toBe(false);
    await page.waitForTimeout(300);
    await screenshotOf(page.locator('#sidebar'), 'sidebar-today');
    expect(await frame.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
  });

  test('one click "Log call" on the first overdue row: the form is ready with tomorrow 10:00; saving a later time today moves the row', async () => {
    const frame = await sidebar();
    const [dealId] = await shownIds(frame);
    const calls = activitiesOf(pg, dealId).length;
    const row = frame.locator(`[data-testid="today-item-${dealId}"]`);
    await row.locator(`[data-testid="today-log-${dealId}"]`).click();
    const form = row.locator('[data-testid="log-form"]');
    await form.waitFor();
    expect(await form.isVisible()).toBe(true);
    // Wednesday 2 December, 10:00 in Berlin: the next working day, as the en_US sheet writes it (issue 21, item 8).
    expect(await row.locator('[data-testid="log-next-contact"]').inputValue()).toBe('12/02/2026 10:00 AM');
    expect(await row.locator('[data-testid="log-kind"]').inputValue()).toBe('call');
    expect(await frame.evaluate(() => (document.activeElement as HTMLElement).getAttribute('data-testid'))).toBe('log-summary');
    await page.waitForTimeout(200);
    await screenshotOf(page.locator('#sidebar'), 'sidebar-today-log');

    await row.locator('[data-testid="log-summary"]').fill('Called: they need the offer by this afternoon');
    await row.locator('[data-testid="log-next-contact"]').fill('12/01/2026 4:30 PM');
    await row.locator('[data-testid="log-submit"]').click();
    await until('the Deals row moved to 16:30', () => nextContact(dealId) === '2026-12-01T15:30:00.000Z');
    expect(activitiesOf(pg, dealId).length).toBe(calls + 1);
    expect(activitiesOf(pg, dealId).pop()).toMatchObject({ Kind: 'call', Summary: 'Called: they need the offer by this afternoon' });

    // The row is no longer overdue: it sits among today's calls at 16:30, the form folded away.
    await frame.waitForSelector(`[data-testid="today-item-${dealId}"]:not(.overdue) [data-testid="today-log-${dealId}"]`);
    expect(await frame.getAttribute(`[data-testid="today-item-${dealId}"] [data-testid="today-time"]`, 'datetime')).toBe('2026-12-01T15:30:00.000Z');
    const ids = await shownIds(frame);
    const overdue = await frame.$$eval('[data-testid="today"] .today-item.overdue', (els) => els.length);
    expect(ids.indexOf(dealId)).toBeGreaterThanOrEqual(overdue);
  });

  test('logging the next overdue call with the date offered (tomorrow) takes it off the list', async () => {
    const frame = await sidebar();
    const [dealId] = await shownIds(frame);
    expect(await frame.getAttribute(`[data-testid="today-item-${dealId}"]`, 'class')).toContain('overdue');
    const row = frame.locator(`[data-testid="today-item-${dealId}"]`);
    await row.locator(`[data-testid="today-log-${dealId}"]`).click();
    await row.locator('[data-testid="log-summary"]').fill('No answer, trying again tomorrow');
    await row.locator('[data-testid="log-submit"]').click();
    await until('the Deals row moved to tomorrow 10:00', () => nextContact(dealId) === '2026-12-02T09:00:00.000Z');
    await frame.waitForSelector(`[data-testid="today-item-${dealId}"]`, { state: 'detached' });
    expect(await shownIds(frame)).not.toContain(dealId);
  });

  test('converting a "call me back" request asks for the call back: the deal gets it and shows on Today', async () => {
    const frame = await sidebar();
    const leadId = pg.addon.api_addLead({ name: 'Greta Rückruf', phone: '+49 30 5550142', message: 'Please call me back about a new shop' }).leadId as string;
    await frame.click('[aria-label="Refresh the board"]');
    await frame.click('[data-testid="inbox-button"]');
    const field = frame.locator(`[data-testid="convert-next-${leadId}"]`);
    await field.waitFor();
    expect(await field.inputValue()).toBe('12/02/2026 10:00 AM');
    expect(await frame.locator(`[data-testid="inbox-lead-${leadId}"]`).innerText()).toContain('Call back (Europe/Berlin)');
    await field.fill('12/01/2026 5:00 PM');
    await frame.click(`[data-testid="convert-${leadId}"]`);
    await frame.waitForSelector('[data-testid="inbox"]', { state: 'hidden' });
    const converted = await until('the lead converted', () => {
      const r = rowById(pg, 'Leads', leadId)!;
      return r.Status === 'converted' && r['Deal ID'] ? r : null;
    });
    const dealId = String(converted['Deal ID']);
    expect(nextContact(dealId)).toBe('2026-12-01T16:00:00.000Z');
    const row = frame.locator(`[data-testid="today-item-${dealId}"]`);
    await row.waitFor();
    expect(await row.innerText()).toContain('Greta Rückruf');
    expect(await row.getAttribute('class')).not.toContain('overdue');
    expect(pageErrors).toEqual([]);
  });

  test('a head picks Anna in Today and sees her day, as Anna sees it (issue 21, item 13)', async () => {
    await actAs(page, pg, 'head@studio.test');
    await menu(page, 'openBoard');
    const frame = await sidebar();
    // The head manages no deals: their own day is empty, the picker is there.
    await frame.click('[data-testid="today-button"]');
    await frame.waitForSelector('[data-testid="today-manager"]');
    await frame.selectOption('[data-testid="today-manager"]', ANNA);
    await frame.waitForFunction((n) => document.querySelectorAll('[data-testid="today"] .today-item').length === n, annasDue().length);
    expect((await shownIds(frame)).sort()).toEqual(annasDue().map((d) => String(d.ID)).sort());
    expect(pageErrors).toEqual([]);
  });

  test('executors have no Today tab', async () => {
    await actAs(page, pg, 'eva@studio.test');
    await menu(page, 'openBoard');
    const frame = await frameOf(page, 'sidebar-frame');
    await frame.waitForSelector('[data-testid="board"] .card, [data-testid="board"] .empty-board', { timeout: 15000 });
    await frame.waitForSelector('[data-testid="today-button"]', { state: 'hidden' });
    expect(pageErrors).toEqual([]);
  });
});
