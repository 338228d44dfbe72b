// Issue 21, item 9 (the planner's texts) as Anna reads them in the 300 px sidebar: the card's
// "Meeting" heading and its "Planner" button do not run together, a planner meeting reads
// "10:45 AM–11:45 AM · Felix Smith", the slot search's trip-day line is laid out across the panel
// (not a strip to scroll sideways), and the demo has booked meetings so the board's "Meetings ·
// next 2 weeks" strip shows some. Run: npm run build && npx jest --runInBand tests/browser/plannerText.test.ts
import type { Page } from 'playwright-core';
import { RunningPlayground, browserSuiteEnabled, screenshotOf } from './harness';
import { ANNA, openAsAnna } from './managerSetup';
import { openFullBoard, rows } from './sheet';

const enabled = browserSuiteEnabled('Planner text browser tests');
const suite = enabled ? describe : describe.skip;

const NOW = '2026-11-30T08:00:00Z';

suite('planner texts in Chromium', () => {
  const session = openAsAnna(NOW);
  let pg: RunningPlayground;
  let page: Page;

  beforeAll(() => {
    ({ pg, page } = session);
  });

  test('the demo has booked meetings; the full board strip lists them', async () => {
    const booked = rows(pg, 'Deals').filter((d) => d['Meeting status'] === 'booked');
    expect(booked.length).toBeGreaterThanOrEqual(3);
    expect(booked.filter((d) => d.Manager === ANNA).length).toBeGreaterThanOrEqual(1);
    // Each is an event of the manager's Calendar at the row's time.
    for (const d of booked) {
      const event = pg.workspace.calendar.listEvents(String(d.Manager)).filter((e: any) => e.id === d['Meeting event ID'])[0];
      expect(event && Date.parse(String(event.start.dateTime))).toBe(new Date(d['Meeting start'] as any).getTime());
    }
    const full = await openFullBoard(page);
    await full.waitForSelector('[data-testid="strip-meeting"]', { timeout: 15000 });
    expect(await full.locator('[data-testid="strip-meeting"]').count()).toBeGreaterThanOrEqual(1);
    await page.click('[data-testid="dialog-close"]');
  }, 120000);

  test('heading, planner meetings and the trip line read with separators at 300 px', async () => {
    const booked = rows(pg, 'Deals').filter((d) => d['Meeting status'] === 'booked' && d.Manager === ANNA)[0];
    const hamburg = rows(pg, 'Deals').find((d) => d.Manager === ANNA && d.City === 'Hamburg')!;
    const frame = await session.sidebar();
    expect(await frame.evaluate(() => document.body.clientWidth)).toBeLessThanOrEqual(300);
    await frame.click(`[data-testid="card-${hamburg.ID}"] [data-testid="card-title"]`);
    const plan = frame.locator('[data-testid="meeting-plan"]');
    await plan.waitFor();
    const heading = await plan.locator('h3').innerText();
    expect(heading).toMatch(/^meeting open planner$/i);
    // Visibly apart too, not only in the text.
    const gap = await plan.locator('h3').evaluate((h3) => {
      const range = document.createRange();
      range.selectNodeContents(h3.firstChild as Node);
      return (h3.querySelector('button') as HTMLElement).getBoundingClientRect().left - range.getBoundingClientRect().right;
    });
    expect(gap).toBeGreaterThanOrEqual(6);

    // The slot search on a trip city: the trip-day line wraps inside the panel.
    await frame.selectOption('[data-testid="meeting-place"]', 'client');
    await frame.click('[data-testid="plan-meeting"]');
    const tripLine = frame.locator('[data-testid="trip-days"]');
    await tripLine.waitFor({ timeout: 15000 });
    const layout = await tripLine.evaluate((el) => {
      const panel = (el.closest('[data-testid="details"]') as HTMLElement | null) || document.body;
      const days = Array.from(el.querySelectorAll<HTMLElement>('.trip-day'));
      const boxes = days.map((d) => d.getBoundingClientRect());
      let scroller: HTMLElement | null = el as HTMLElement;
      let sideways = false;
      for (; scroller && scroller !== document.body; scroller = scroller.parentElement) {
        if (scroller.scrollWidth > scroller.clientWidth + 1) sideways = true;
      }
      const p = panel.getBoundingClientRect();
      return {
        days: days.length,
        inside: boxes.every((b) => b.left >= p.left - 1 && b.right <= p.right + 1),
        sideways,
        // Laid out across: no box taller than it is wide (a sideways-drawn line is).
        across: boxes.every((b) => b.width >= b.height),
        text: (el as HTMLElement).innerText,
      };
    });
    expect(layout.days).toBeGreaterThanOrEqual(2);
    expect({ inside: layout.inside, sideways: layout.sideways, across: layout.across }).toEqual({ inside: true, sideways: false, across: true });
    expect(layout.text).not.toMatch(/·\s*$/);
    await screenshotOf(page.locator('[data-testid="sidebar-frame"]'), 'planner-text-slots');

    await frame.click('[data-testid="open-planner"]');
    const meeting = frame.locator(`[data-testid="planner-meeting"]`).first();
    await meeting.waitFor({ timeout: 15000 });
    const text = await meeting.innerText();
    // The playground's spreadsheet is en_US: times as formatting.ts writes them there.
    expect(text).toMatch(/^\d{1,2}:\d\d [AP]M–\d{1,2}:\d\d [AP]M · \S/);
    expect(text).toContain(`· ${String(booked['Client'] || booked.Title)}`);
    await screenshotOf(page.locator('[data-testid="sidebar-frame"]'), 'planner-text-planner');
    expect(session.pageErrors).toEqual([]);
  }, 120000);
});
