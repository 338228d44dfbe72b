// Issue 21, item 16: an old conflict banner covered the client import panel, so its controls
// could not be reached at 300 px. Opening a panel clears a warning left from before.
// Run: npm run build && npx jest --runInBand tests/browser/bannerPanel.test.ts
import type { Page } from 'playwright-core';
import { browserSuiteEnabled, frameOf, openPlayground, RunningBrowser, RunningPlayground, screenshot } from './harness';
import { menu, rowById, until } from './sheet';

const enabled = browserSuiteEnabled('Banner and panel browser tests');
const suite = enabled ? describe : describe.skip;

suite('a stale banner and the client import panel', () => {
  const session = openPlayground();
  let pg: RunningPlayground;
  let browser: RunningBrowser;

  beforeAll(() => {
    ({ pg, browser } = session);
  });

  test('after a conflict banner, the import panel opens with its controls uncovered', async () => {
    // The owner opens the sidebar; it is then shown on a 300 px page of its own, keeping the board it loaded.
    await menu(session.page, 'openBoard');
    await (await frameOf(session.page, 'sidebar-frame')).waitForSelector('[data-testid="column-new"] .card', { timeout: 20000 });
    const side: Page = await browser.context.newPage();
    await side.setViewportSize({ width: 300, height: 420 });
    await side.goto(`${pg.url.replace(/\/$/, '')}/ui/sidebar`);
    await side.waitForSelector('[data-testid="column-new"] .card[data-editable="true"]', { state: 'attached', timeout: 20000 });
    // The page's clock becomes Playwright's, so "some time later" is a jump, not a wait (it runs on by itself).
    await side.clock.install();
    const dealId = (await side.locator('[data-testid="column-new"] .card[data-editable="true"]').first().getAttribute('data-id'))!;

    // The same deal is moved elsewhere meanwhile; the stale board's move is refused with a warning.
    const version = Number(rowById(pg, 'Deals', dealId)!.Version);
    pg.addon.api_moveDeal(dealId, 'negotiation', 0, version);
    await until('moved behind the sidebar\'s back', () => rowById(pg, 'Deals', dealId)!.Stage === 'Negotiation');
    await side.locator(`[data-testid="card-${dealId}"] [data-testid="move-menu"]`).selectOption('frozen');
    const banner = side.locator('[data-testid="banner"]');
    await banner.waitFor();
    expect(await banner.innerText()).toMatch(/changed .*not saved/s);
    // Some time later the person opens the client base and its import panel.
    await side.clock.fastForward(2000);
    await side.click('[data-testid="clients-button"]');
    await side.click('[data-testid="client-import"]');
    await side.waitForSelector('[data-testid="client-import-panel"] [data-testid="import-file"]', { state: 'attached' });
    await screenshot(side, 'import-panel-after-conflict');

    expect(await banner.isVisible()).toBe(false);
    // Every control of the panel inside the window is the topmost element at its centre.
    const covered = await side.evaluate(() => {
      const panel = document.querySelector('[data-testid="client-import-panel"]') as HTMLElement;
      const out: string[] = [];
      for (const el of Array.from(panel.querySelectorAll('button, input, select, label, a')) as HTMLElement[]) {
        const r = el.getBoundingClientRect();
        if (r.width === 0 || r.height === 0 || r.bottom > window.innerHeight || r.top < 0) continue;
        const top = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
        if (top && !el.contains(top) && !top.contains(el) && !(el.tagName === 'INPUT' && el.closest('label') === top)) out.push(el.outerHTML.slice(0, 80));
      }
      return out;
    });
    expect(covered).toEqual([]);
    await side.close();
  });
});
