// Meetings as Anna lives them in the playground: from a Hamburg client's card she plans a
// meeting, the first slot offered lies on her Hamburg trip day; she books it, sees it in the
// planner and in the playground's Calendar week view; she moves it there as a person would and
// the planner follows. Run: npm run build && npx jest --runInBand tests/browser/meetings.test.ts
import type { Page } from 'playwright-core';
import { RunningPlayground, browserSuiteEnabled, screenshot, screenshotOf } from './harness';
import { ANNA, openAsAnna } from './managerSetup';
import { rows } from './sheet';

const enabled = browserSuiteEnabled('Meetings browser tests');
const suite = enabled ? describe : describe.skip;

// Monday 30 Nov 2026, 09:00 Berlin: the demo's trip is Wednesday and Thursday of next week.
const NOW = '2026-11-30T08:00:00Z';

suite('meeting planner in Chromium', () => {
  const session = openAsAnna(NOW);
  let pg: RunningPlayground;
  let page: Page;

  beforeAll(() => {
    ({ pg, page } = session);
  });

  test('plan from a card, pick a slot on the trip day, see it in the planner and the calendar view', async () => {
    const trip = rows(pg, 'Trips')[0];
    expect(trip).toMatchObject({ Manager: ANNA, City: 'Hamburg' });
    const deal = rows(pg, 'Deals').find((d) => d.Manager === ANNA && d.City === 'Hamburg')!;
    expect(deal).toBeDefined();
    const frame = await session.sidebar();
    await frame.click(`[data-testid="card-${deal.ID}"] [data-testid="card-title"]`);
    await frame.waitForSelector('[data-testid="details"] [data-testid="meeting-plan"]');
    await frame.selectOption('[data-testid="meeting-place"]', 'client');
    await frame.click('[data-testid="plan-meeting"]');
    await frame.waitForSelector('[data-testid="slots"] [data-testid="slot"]', { timeout: 15000 });
    await frame.locator('[data-testid="meeting-plan"]').scrollIntoViewIfNeeded();
    await screenshotOf(page.locator('[data-testid="sidebar-frame"]'), 'meetings-slots');
    const first = frame.locator('[data-testid="slot"]').first();
    const start = String(await first.getAttribute('data-start'));
    expect(await first.textContent()).toContain('Hamburg');
    // The trip starts on Wednesday 9 Dec: 09:00 Berlin is the first packed position.
    expect(start).toBe('2026-12-09T08:00:00.000Z');
    await first.click();
    await frame.waitForSelector('[data-testid="meeting-booked"]', { timeout: 15000 });
    expect(await frame.locator('[data-testid="meeting-booked"]').textContent()).toContain('Wed, Dec 9 9:00 AM–10:00 AM');

    const booked = rows(pg, 'Deals').find((d) => d.ID === deal.ID)!;
    expect(booked['Meeting status']).toBe('booked');
    const eventId = String(booked['Meeting event ID']);
    expect(pg.workspace.calendar.listEvents(ANNA).some((e: any) => e.id === eventId)).toBe(true);

    // The planner: the trip day highlighted, with the meeting.
    await frame.click('[data-testid="open-planner"]');
    const day = frame.locator('[data-testid="planner-day"][data-day="2026-12-09"]');
    await day.waitFor({ timeout: 15000 });
    expect(await day.getAttribute('class')).toContain('trip');
    expect(await day.locator('[data-testid="planner-meeting"]').textContent()).toContain('9:00 AM–10:00 AM');
    await screenshotOf(page.locator('[data-testid="sidebar-frame"]'), 'meetings-planner');

    // The calendar view of Anna's week shows the booked event among her busy ones.
    const cal = await session.browser.context.newPage();
    await cal.goto(new URL(`/calendar?user=${encodeURIComponent(ANNA)}&week=2026-12-09`, pg.url).toString());
    const ev = cal.locator(`[data-testid="cal-event"][data-id="${eventId}"]`);
    await ev.waitFor();
    expect(await ev.getAttribute('class')).toContain('ours');
    expect(await cal.locator('[data-testid="cal-event"]').count()).toBeGreaterThan(3);
    await screenshot(cal, 'meetings-calendar-week');

    // Anna drags it one hour later in Calendar; the planner, reopened, follows.
    await ev.hover();
    await ev.locator('button[data-minutes="60"]').click();
    await cal.waitForSelector(`[data-testid="cal-event"][data-id="${eventId}"][data-start="2026-12-09T09:00:00.000Z"]`);
    await cal.close();
    await frame.press('body', 'Escape');
    // The button is gone when Escape closed the card too (then the card is reopened below);
    // clicking it blind waited Playwright's 30 s for it.
    const openPlanner = frame.locator('[data-testid="open-planner"]');
    if (await openPlanner.isVisible()) await openPlanner.click();
    if (!(await frame.locator('[data-testid="planner"]').isVisible())) {
      await frame.click(`[data-testid="card-${deal.ID}"] [data-testid="card-title"]`);
      await frame.click('[data-testid="open-planner"]');
    }
    await frame.waitForSelector('[data-testid="planner-sync"]', { timeout: 15000 });
    expect(await frame.locator('[data-testid="planner-day"][data-day="2026-12-09"] [data-testid="planner-meeting"]').textContent()).toContain('10:00 AM–11:00 AM');
    const after = rows(pg, 'Deals').find((d) => d.ID === deal.ID)!;
    expect(after['Meeting status']).toBe('moved');
    expect(session.pageErrors).toEqual([]);
  }, 120000);
});
