// Issue 11 item 17: an open sidebar follows the workbook without a click on Refresh. A
// colleague's change shows after the sidebar regains focus (one cheap stamp look, then the
// board); a card with unsaved typing is left alone and a hint says changes wait; moving the
// playground's clock refreshes the sidebar ("3d in stage" becomes "4d in stage").
// Run: npm run build && npx jest --runInBand tests/browser/freshness.test.ts
import type { Frame, Page } from 'playwright-core';
import { RunningBrowser, RunningPlayground, browserSuiteEnabled, frameOf, openPlayground, screenshot } from './harness';
import { actAs, menu, rowById, until } from './sheet';

const enabled = browserSuiteEnabled('Freshness browser tests');
const suite = enabled ? describe : describe.skip;

suite('the sidebar follows the workbook (issue 11, item 17)', () => {
  const session = openPlayground({ now: '2026-12-01T08:00:00Z' });
  let pg: RunningPlayground;
  let browser: RunningBrowser;
  let page: Page;

  beforeAll(() => { ({ pg, browser, page } = session); });

  async function sidebar(): Promise<Frame> {
    if (!(await page.locator('[data-testid="sidebar-frame"]').isVisible())) await menu(page, 'openBoard');
    const frame = await frameOf(page, 'sidebar-frame');
    await frame.waitForSelector('[data-testid="column-new"] .card', { timeout: 15000 });
    return frame;
  }

  async function editableIn(frame: Frame | Page, stage: string): Promise<string[]> {
    return frame.$$eval(`[data-testid="column-${stage}"] .card[data-editable="true"]`, (els) => els.map((e) => e.getAttribute('data-id') || ''));
  }

  /** Olga's own sidebar in a second window, 300 px wide, that keeps the board it loaded. */
  async function secondWindow(): Promise<Page> {
    await sidebar(); // the playground serves the sidebar once the add-on has shown it
    const second = await browser.context.newPage();
    await second.setViewportSize({ width: 300, height: 800 });
    await second.goto(`${pg.url.replace(/\/$/, '')}/ui/sidebar`);
    await second.waitForSelector('[data-testid="column-new"] .card');
    return second;
  }

  /** Henrik (head) moves a deal in the main window's sidebar; the playground acts as Olga again after. */
  async function headMoves(dealId: string, stage: string): Promise<void> {
    await actAs(page, pg, 'head@studio.test');
    const frame = await sidebar();
    await frame.locator(`[data-testid="card-${dealId}"] [data-testid="move-menu"]`).selectOption(stage);
    // The Stage cell shows the stage's Settings name (issue 11, item 6).
    const name = await frame.locator(`[data-testid="column-${stage}"] .column-name`).first().innerText();
    await until(`head moved ${dealId}`, () => rowById(pg, 'Deals', dealId)!.Stage === name.trim());
    await actAs(page, pg, 'owner@studio.test');
  }

  /** The window regains focus (as when the person comes back to it), until the probe holds. */
  async function focusUntil(second: Page, what: string, probe: () => Promise<boolean>): Promise<void> {
    const end = Date.now() + 15000;
    for (;;) {
      await second.evaluate(() => window.dispatchEvent(new Event('focus')));
      await second.waitForTimeout(500);
      if (await probe()) return;
      if (Date.now() > end) throw new Error(`Timed out waiting for ${what}`);
    }
  }

  test('a colleague moves a deal: the first sidebar shows it after a focus, without Refresh', async () => {
    const second = await secondWindow();
    const dealId = (await editableIn(second, 'new'))[0];
    await headMoves(dealId, 'negotiation');

    // Nothing happens on its own before the person comes back: the board is not polled per second.
    await second.waitForTimeout(1000);
    expect(await second.locator(`[data-testid="column-new"] [data-testid="card-${dealId}"]`).count()).toBe(1);

    await focusUntil(second, 'the moved card in Negotiation',
      async () => (await second.locator(`[data-testid="column-negotiation"] [data-testid="card-${dealId}"]`).count()) === 1);
    expect(await second.locator(`[data-testid="column-new"] [data-testid="card-${dealId}"]`).count()).toBe(0);
    const note = second.locator('[data-testid="freshness"]');
    expect(await note.getAttribute('data-kind')).toBe('updated');
    expect(await note.innerText()).toContain('Board updated');
    await screenshot(second, 'sidebar-updated-on-focus');
    await second.close();
  }, 90000);

  test('unsaved typing in an open card is kept: a hint says changes wait, Refresh loads them', async () => {
    const second = await secondWindow();
    const [mine, theirs] = await editableIn(second, 'new');
    await second.click(`[data-testid="card-${mine}"] [data-testid="card-title"]`);
    const title = second.locator('[data-testid="details"] .details-form input[type="text"]').first();
    await title.waitFor();
    await title.fill('Typed but not saved');
    await headMoves(theirs, 'negotiation');

    await focusUntil(second, 'the waiting hint',
      async () => (await second.locator('[data-testid="freshness"]').getAttribute('data-kind')) === 'waiting');
    expect(await second.locator('[data-testid="freshness"]').innerText()).toContain('New changes');
    // The card, its typing, and the board behind it stay as they were.
    expect(await title.inputValue()).toBe('Typed but not saved');
    expect(await second.locator(`[data-testid="column-new"] [data-testid="card-${theirs}"]`).count()).toBe(1);
    await screenshot(second, 'sidebar-changes-waiting');

    await second.click('[data-testid="freshness-refresh"]');
    await second.waitForSelector(`[data-testid="column-negotiation"] [data-testid="card-${theirs}"]`, { state: 'attached' });
    expect(await title.inputValue()).toBe('Typed but not saved');
    expect(await second.locator('[data-testid="freshness"]').isHidden()).toBe(true);
    await second.close();
  }, 90000);

  test('moving the playground clock refreshes the open sidebar', async () => {
    const frame = await sidebar();
    const dealId = (await editableIn(frame, 'new'))[0];
    const days = () => frame.locator(`[data-testid="card-${dealId}"] .days`).innerText();
    const before = await days();
    const n = /^(\d+)d/.exec(before);
    const expected = `${(n ? Number(n[1]) : 0) + 1}d in stage`;

    await page.click('[data-testid="clock-plus-day"]');
    await frame.waitForFunction(([id, text]) => {
      const el = document.querySelector(`[data-testid="card-${id}"] .days`);
      return !!el && (el as HTMLElement).innerText === text;
    }, [dealId, expected] as const, { timeout: 20000 });
    expect(await days()).toBe(expected);
  }, 90000);
});
