// Issue 11 as a person types in the sidebar: a mistyped next-contact year is refused and the
// old value kept (item 1), "abc" in Budget is refused and "5k" saved as 5000 (item 2), the title
// limit shows while typing (item 3), "With whom" saves what the field shows (item 4).
// Run: npm run build && npx jest --runInBand tests/browser/trust.test.ts
import type { Frame, Page } from 'playwright-core';
import { RunningPlayground, browserSuiteEnabled, frameOf, openPlayground, screenshot } from './harness';
import { activitiesOf, menu, rowById, until } from './sheet';

const enabled = browserSuiteEnabled('Trust browser tests');
const suite = enabled ? describe : describe.skip;

suite('typed values are never silently lost (issue 11)', () => {
  const session = openPlayground({ now: '2026-12-01T08:00:00Z' });
  let pg: RunningPlayground;
  let page: Page;
  let dealId = '';

  beforeAll(() => { ({ pg, page } = session); });

  async function details(): Promise<Frame> {
    if (!(await page.locator('[data-testid="sidebar-frame"]').isVisible())) await menu(page, 'openBoard');
    const frame = await frameOf(page, 'sidebar-frame');
    await frame.waitForSelector('[data-testid="column-new"] .card', { timeout: 15000 });
    if (!dealId) {
      const ids = await frame.$$eval('.card[data-editable="true"]', (els) => els.map((e) => e.getAttribute('data-id') || ''));
      dealId = ids.find((id) => rowById(pg, 'Deals', id)!['Next contact'] !== '' && rowById(pg, 'Deals', id)!.Client !== '') || '';
    }
    if (!(await frame.locator('[data-testid="details"] [data-testid="log-form"]').count())) {
      await frame.click(`[data-testid="card-${dealId}"] [data-testid="card-title"]`);
    }
    await frame.waitForSelector('[data-testid="details"] [data-testid="log-form"]', { state: 'attached' });
    if (!(await frame.locator('[data-testid="log-form"]').isVisible())) await frame.click('[data-testid="details"] details.log > summary');
    return frame;
  }

  test('item 1: logging a call with next contact year 20266 is refused and the old next contact stays', async () => {
    const frame = await details();
    const before = rowById(pg, 'Deals', dealId)!;
    expect(before['Next contact']).not.toBe('');
    const calls = activitiesOf(pg, dealId).length;
    await frame.locator('[data-testid="log-form"] textarea').fill('Called, they want a call back');
    await frame.locator('[data-testid="log-next-contact"]').fill('12/03/20266 10:00 AM');
    await frame.locator('[data-testid="log-form"] button[type="submit"]').click();
    const banner = frame.locator('[data-testid="banner"]');
    await banner.waitFor();
    expect(await banner.innerText()).toContain('has the year 20266');
    expect(await frame.getAttribute('[data-testid="log-next-contact"]', 'aria-invalid')).toBe('true');
    await page.waitForTimeout(500);
    expect(activitiesOf(pg, dealId).length).toBe(calls);
    expect(rowById(pg, 'Deals', dealId)!['Next contact']).toEqual(before['Next contact']);
  });

  test('item 4: "With whom" shows the client name as a value and saves it', async () => {
    const frame = await details();
    const shown = await frame.inputValue('[data-testid="log-with-whom"]');
    expect(shown).toBe(String(rowById(pg, 'Deals', dealId)!.Client));
    const calls = activitiesOf(pg, dealId).length;
    await frame.locator('[data-testid="log-next-contact"]').fill('');
    await frame.locator('[data-testid="log-form"] textarea').fill('Called about the proposal');
    await frame.locator('[data-testid="log-form"] button[type="submit"]').click();
    const logged = await until('the call logged', () => { const a = activitiesOf(pg, dealId); return a.length > calls && a[a.length - 1]; });
    expect(logged['With whom']).toBe(shown);
  });

  test('item 2: Budget "abc" is refused, "5k" is saved as 5000', async () => {
    const frame = await details();
    const budget = frame.locator('[data-testid="details-budget"]');
    const before = rowById(pg, 'Deals', dealId)!.Budget;
    await budget.fill('abc');
    await frame.click('[data-testid="details-save"]');
    const banner = frame.locator('[data-testid="banner"]');
    await frame.waitForSelector('[data-testid="banner"]:has-text("is not an amount")');
    expect(await banner.innerText()).toContain('The budget "abc" is not an amount');
    expect(rowById(pg, 'Deals', dealId)!.Budget).toEqual(before);
    await budget.fill('5k');
    await frame.click('[data-testid="details-save"]');
    await until('the budget saved as 5000', () => rowById(pg, 'Deals', dealId)!.Budget === 5000);
  });

  test('item 3: a title over 200 characters shows the limit while typing', async () => {
    const frame = await details();
    const title = frame.locator('[data-testid="details"] .details-form input[type="text"]').first();
    await title.fill('x'.repeat(205));
    const limit = frame.locator('[data-testid="title-limit"]');
    expect(await limit.innerText()).toBe('205 / 200 characters: 5 too many');
    expect(await title.getAttribute('aria-invalid')).toBe('true');
    await title.fill('x'.repeat(150));
    expect(await limit.innerText()).toBe('');
  });

  test('item 10: Esc in the price-list search closes only the list; a pick closes it; closing over an unsaved quote asks', async () => {
    const frame = await details();
    const search = frame.locator('[data-testid="details"] [data-testid="catalog-search"]');
    await search.waitFor();
    const list = frame.locator('[data-testid="details"] .picker-results');
    await search.click();
    await search.fill('a');
    await list.waitFor();
    await search.press('Escape');
    await list.waitFor({ state: 'hidden' });
    expect(await frame.locator('[data-testid="details"]').isVisible()).toBe(true);
    // Pick one: the list closes, the line is there, the quote is unsaved.
    const lines = await frame.locator('[data-testid="details"] .qline').count();
    await search.click();
    await list.waitFor();
    await frame.locator('[data-testid="details"] .picker-item').first().click();
    await frame.waitForFunction((n) => document.querySelectorAll('[data-testid="details"] .qline').length === n + 1, lines);
    expect(await frame.locator('[data-testid="details"] .picker-results').isVisible()).toBe(false);
    expect(await frame.locator('[data-testid="details"] .quote-status').innerText()).toContain('unsaved changes');
    // Esc with the list closed asks before discarding; "Keep editing" keeps the card and the line.
    await frame.locator('[data-testid="details"] [data-testid="catalog-search"]').press('Escape');
    await frame.locator('[data-testid="close-confirm"]').waitFor();
    expect(await frame.locator('[data-testid="close-confirm"]').innerText()).toContain('The quote has unsaved changes');
    await frame.click('[data-testid="close-keep"]');
    expect(await frame.locator('[data-testid="details"] .qline').count()).toBe(lines + 1);
    await frame.press('body', 'Escape');
    await frame.click('[data-testid="close-discard"]');
    await frame.locator('aside.panel').waitFor({ state: 'hidden' });
    expect(await frame.locator('aside.panel').isVisible()).toBe(false);
  });

  test('item 9: at 300 px a quote line keeps Qty, unit, price, discount and total readable', async () => {
    const frame = await details();
    const sidebarWidth = await page.locator('[data-testid="sidebar-frame"]').evaluate((e) => e.getBoundingClientRect().width);
    expect(sidebarWidth).toBeLessThanOrEqual(320);
    const search = frame.locator('[data-testid="details"] [data-testid="catalog-search"]');
    await search.click();
    await search.fill('website des');
    await frame.locator('[data-testid="catalog-item-WEB-DES"]').click();
    const i = (await frame.locator('[data-testid="details"] .qline').count()) - 1;
    await frame.fill(`[data-testid="quote-discount-${i}"]`, '15');
    await frame.fill(`[data-testid="quote-qty-${i}"]`, '12');
    const box = async (testid: string) => frame.locator(`[data-testid="${testid}"]`).evaluate((e) => {
      const input = e as HTMLInputElement;
      return { width: input.getBoundingClientRect().width, fits: input.scrollWidth <= input.clientWidth + 1, value: input.value };
    });
    for (const id of [`quote-qty-${i}`, `quote-price-${i}`, `quote-discount-${i}`]) {
      const b = await box(id);
      expect(b.width).toBeGreaterThanOrEqual(40);
      expect(b.fits).toBe(true);
    }
    expect((await box(`quote-discount-${i}`)).value).toBe('15');
    expect((await box(`quote-qty-${i}`)).value).toBe('12');
    const unit = await frame.locator(`[data-testid="quote-line-${i}"] .qunit`).first().evaluate((e) => ({ text: e.textContent, fits: e.scrollWidth <= e.clientWidth + 1 }));
    expect(unit).toEqual({ text: 'page', fits: true });
    const total = await frame.locator(`[data-testid="quote-line-total-${i}"]`).evaluate((e) => ({ text: e.textContent || '', fits: e.scrollWidth <= (e.parentElement as HTMLElement).clientWidth + 1 }));
    expect(total.fits).toBe(true);
    expect(total.text.replace(/[^0-9]/g, '')).toBe('459000');
    await frame.locator(`[data-testid="quote-line-${i}"]`).scrollIntoViewIfNeeded();
    await screenshot(page, 'quote-line-300px');
    await frame.locator('aside.panel').evaluate(() => undefined);
  });

  test('item 5: with the browser in New York, 11:00 typed is 11:00 in the spreadsheet zone (Europe/Berlin), labelled so', async () => {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Emulation.setTimezoneOverride', { timezoneId: 'America/New_York' });
    await page.reload();
    await page.waitForSelector('[data-testid="cell-2-1"]');
    const frame = await details();
    expect(await frame.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone)).toBe('America/New_York');
    const label = await frame.locator('[data-testid="log-form"] label[for]').filter({ hasText: 'Next contact' }).innerText();
    expect(label).toBe('Next contact (Europe/Berlin)');
    await frame.locator('[data-testid="log-form"] textarea').fill('Call back on Friday');
    await frame.locator('[data-testid="log-next-contact"]').fill('12/04/2026 11:00 AM');
    await frame.locator('[data-testid="log-form"] button[type="submit"]').click();
    await until('the next contact saved', () => pg.addon.api_getDeal(dealId).card.nextContactAt === '2026-12-04T10:00:00.000Z');
    await frame.waitForFunction(() => (document.querySelector('[data-testid="details-next-contact"]') as HTMLInputElement | null)?.value === '12/04/2026 11:00 AM');
    await cdp.send('Emulation.setTimezoneOverride', { timezoneId: '' });
  });
});
