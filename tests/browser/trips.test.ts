// Issue 21, item 6 as Anna clicks it: in the planner she adds a trip to Köln, sees its days
// marked, and prints the day plan (a Doc and a PDF with her trip days' meetings).
// Run: npm run build && npx jest --runInBand tests/browser/trips.test.ts
import type { Page } from 'playwright-core';
import { RunningPlayground, browserSuiteEnabled, screenshotOf } from './harness';
import { ANNA, openAsAnna } from './managerSetup';
import { rows } from './sheet';

const enabled = browserSuiteEnabled('Trips browser tests');
const suite = enabled ? describe : describe.skip;

const NOW = '2026-11-30T08:00:00Z';

suite('planner trips in Chromium', () => {
  const session = openAsAnna(NOW);
  let pg: RunningPlayground;
  let page: Page;

  beforeAll(() => {
    ({ pg, page } = session);
  });

  test('add a trip from the planner, see its days, print the day plan', async () => {
    const deal = rows(pg, 'Deals').find((d) => d.Manager === ANNA)!;
    const frame = await session.sidebar();
    await frame.click(`[data-testid="card-${deal.ID}"] [data-testid="card-title"]`);
    await frame.click('[data-testid="open-planner"]');
    await frame.waitForSelector('[data-testid="planner-day"]', { timeout: 15000 });

    await frame.click('[data-testid="add-trip"]');
    await frame.fill('[data-testid="trip-city"]', 'Köln');
    // The days are typed in the spreadsheet's locale (en_US: MM/DD/YYYY), not a browser date picker.
    expect(await frame.getAttribute('[data-testid="trip-from"]', 'type')).toBe('text');
    expect(await frame.getAttribute('[data-testid="trip-from"]', 'placeholder')).toBe('MM/DD/YYYY');
    expect(await frame.inputValue('[data-testid="trip-from"]')).toBe('11/30/2026');
    // A day that cannot be read is refused in the sidebar and nothing is sent.
    await frame.fill('[data-testid="trip-from"]', '12/02/2026');
    await frame.fill('[data-testid="trip-to"]', '12/3');
    await frame.click('[data-testid="trip-save"]');
    expect(await frame.locator('[data-testid="trip-error"]').textContent()).toBe('The last day "12/3" is not a date: type it as MM/DD/YYYY.');
    expect(rows(pg, 'Trips').filter((t) => t.City === 'Köln')).toEqual([]);
    expect(await frame.inputValue('[data-testid="trip-from"]')).toBe('12/02/2026');
    await frame.fill('[data-testid="trip-to"]', '12/03/2026');
    await frame.click('[data-testid="trip-save"]');
    await frame.waitForSelector('[data-testid="planner-day"][data-day="2026-12-02"].trip', { timeout: 15000 });
    expect(await frame.locator('[data-testid="planner-day"][data-day="2026-12-03"] .trip-badge').textContent()).toContain('Köln');
    expect(rows(pg, 'Trips').filter((t) => t.City === 'Köln')).toEqual([expect.objectContaining({ Manager: ANNA })]);

    await frame.click('[data-testid="print-day-plan"]');
    const link = frame.locator('[data-testid="day-plan-doc"]');
    await link.waitFor({ timeout: 15000 });
    expect(await frame.locator('[data-testid="day-plan"]').textContent()).toMatch(/trip days?, \d+ meetings?/);
    const href = String(await link.getAttribute('href'));
    const id = /\/d\/([^/]+)/.exec(href)![1];
    expect(pg.workspace.drive.documentText(id)).toContain('Köln');
    await screenshotOf(page.locator('[data-testid="sidebar-frame"]'), 'planner-trips');
    expect(session.pageErrors).toEqual([]);
  }, 120000);
});
