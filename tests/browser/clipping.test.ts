// Issue 21 item 9: no label is cut without saying so. At the sidebar's 300 px and in the full
// board at 1280 and 1440 px, every label whose box hides part of its text must end in an
// ellipsis and show its whole text as a tooltip when the pointer reaches it.
// Run: npm run build && npx jest --runInBand tests/browser/clipping.test.ts
import type { Frame, Page } from 'playwright-core';
import { browserSuiteEnabled, frameOf, openPlayground, screenshot } from './harness';
import { menu, openFullBoard } from './sheet';

const enabled = browserSuiteEnabled('Clipping browser tests');
const suite = enabled ? describe : describe.skip;

interface CutLabel { text: string; className: string; ellipsis: boolean; tooltip: string }

/** Labels (own text, laid out, not scrolling) that hide part of their text and do not say so. */
async function silentlyCut(frame: Frame): Promise<CutLabel[]> {
  return frame.evaluate(() => {
    const found: CutLabel[] = [];
    for (const el of Array.from(document.querySelectorAll<HTMLElement>('body *'))) {
      const style = getComputedStyle(el);
      if (style.display === 'inline' || style.display === 'none' || style.visibility === 'hidden' || el.closest('[hidden]')) continue;
      if (!el.getClientRects().length) continue;
      const own = Array.from(el.childNodes).filter((n) => n.nodeType === 3).map((n) => n.textContent).join('').trim();
      if (!own || style.overflowX === 'auto' || style.overflowX === 'scroll') continue;
      const wide = el.scrollWidth > el.clientWidth + 1;
      const clamped = style.overflowY === 'hidden' && el.scrollHeight > el.clientHeight + 1;
      if (!wide && !clamped) continue;
      // What a person does to read a cut label: point at it.
      el.dispatchEvent(new MouseEvent('mouseover', { bubbles: true }));
      const whole = (el.textContent || '').trim();
      const tooltip = el.getAttribute('title') || '';
      const ellipsis = style.textOverflow === 'ellipsis';
      if (!ellipsis || !tooltip.includes(whole)) found.push({ text: whole.slice(0, 60), className: String(el.className), ellipsis, tooltip });
    }
    return found;
  });
}

/** How many labels are cut at all (with or without a tooltip): the check must have found some. */
async function cutCount(frame: Frame): Promise<number> {
  return frame.evaluate(() => Array.from(document.querySelectorAll<HTMLElement>('.days, .column-name, .card-title, .panel-title, .today-title, .client'))
    .filter((el) => el.getClientRects().length && el.scrollWidth > el.clientWidth + 1).length);
}

suite('labels are never cut silently', () => {
  const session = openPlayground({ now: '2026-12-01T08:00:00Z' });
  let page: Page;
  beforeAll(() => { ({ page } = session); });

  async function sidebar(): Promise<Frame> {
    if (!(await page.locator('[data-testid="sidebar-frame"]').isVisible())) await menu(page, 'openBoard');
    const frame = await frameOf(page, 'sidebar-frame');
    // An earlier test may have left another view (KPI) open.
    await frame.click('[data-testid="board-button"]');
    await frame.waitForSelector('[data-testid="board"] .card', { timeout: 15000 });
    return frame;
  }

  test('the 300 px sidebar: board, a card, Today, Desk and the KPI tab', async () => {
    const frame = await sidebar();
    expect(await frame.evaluate(() => document.body.clientWidth)).toBeLessThanOrEqual(300);
    expect(await silentlyCut(frame)).toEqual([]);
    await frame.click('[data-testid="board"] .card [data-testid="card-title"]');
    await frame.waitForSelector('[data-testid="details"]');
    expect(await silentlyCut(frame)).toEqual([]);
    await frame.press('body', 'Escape');
    await frame.waitForSelector('[data-testid="details"]', { state: 'hidden' });
    for (const view of ['today-button', 'desk-button', 'dashboard-button']) {
      await frame.click(`[data-testid="${view}"]`);
      await frame.waitForFunction((v) => document.querySelector(`[data-testid="${v}"]`)?.getAttribute('aria-selected') === 'true', view);
      await frame.waitForFunction(() => document.querySelector('#app')?.getAttribute('aria-busy') !== 'true', undefined, { timeout: 30000 });
      expect({ view, cut: await silentlyCut(frame) }).toEqual({ view, cut: [] });
    }
    await screenshot(page, 'clipping-sidebar-300');
  });

  test('the panel title follows a rename saved from the card', async () => {
    const frame = await sidebar();
    await frame.click('[data-testid="board"] .card [data-testid="card-title"]');
    const form = frame.locator('[data-testid="details"] .details-form');
    await form.waitFor();
    const titleInput = form.locator('input[type="text"]').first();
    const renamed = `${await titleInput.inputValue()} (phase 2)`;
    await titleInput.fill(renamed);
    await frame.click('[data-testid="details-save"]');
    await frame.waitForFunction((t) => document.querySelector('[data-testid="details"] .panel-title')?.textContent === t, renamed, { timeout: 30000 });
    expect(await frame.getAttribute('[data-testid="details"]', 'aria-label')).toBe(renamed);
    await frame.press('body', 'Escape');
  });

  test.each([1280, 1440])('the full board at %i px', async (width) => {
    await page.setViewportSize({ width, height: 900 });
    const frame = await openFullBoard(page);
    // Long stage names and "9d in stage" do not fit a column at these widths: they are cut, and say so.
    expect(await cutCount(frame)).toBeGreaterThan(0);
    expect(await silentlyCut(frame)).toEqual([]);
    await screenshot(page, `clipping-full-board-${width}`);
  });
});
