// The README's first-day guide, followed as a new user would: act as Anna Novak (manager) and
// do its five things with the mouse, each checked where a person would see it (the board, the
// Deals tab of the grid, the card, the Mail and Calendar views). If the guide and the product
// part ways, this test fails. Run: npm run build && npx jest --runInBand tests/browser/firstDay.test.ts
import * as fs from 'fs';
import * as path from 'path';
import type { Frame, Page } from 'playwright-core';
import { ROOT, RunningPlayground, browserSuiteEnabled, frameOf, openPlayground } from './harness';
import { actAs, gridCell, menu, rowById, rows, until } from './sheet';

const enabled = browserSuiteEnabled('First-day guide browser test');
const suite = enabled ? describe : describe.skip;
const README = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');

suite('the README\'s first-day guide in Chromium', () => {
  // Monday 30 Nov 2026, 09:00 Berlin, the demo studio's working week.
  const session = openPlayground({ now: '2026-11-30T08:00:00Z' });
  let pg: RunningPlayground;
  let page: Page;
  let board: Frame;

  beforeAll(() => {
    ({ pg, page } = session);
  });

  const anna = 'anna@studio.test';
  const annasCardsIn = (stage: string): Promise<string[]> => board.$$eval(
    `[data-testid="column-${stage}"] .card[data-editable="true"]`, (els) => els.map((e) => e.getAttribute('data-id') || ''),
  ).then((ids) => ids.filter((id) => rowById(pg, 'Deals', id)?.Manager === anna));

  /** Back to the board as a person does it: the panel's back arrow (discarding an untouched form's defaults if asked). */
  async function closeDetails(): Promise<void> {
    const details = board.locator('[data-testid="details"]');
    if (!(await details.isVisible())) return;
    await details.locator('.panel-back').click();
    const discard = board.locator('[data-testid="close-discard"]');
    await Promise.race([details.waitFor({ state: 'hidden' }), discard.waitFor().then(() => discard.click())]);
    await details.waitFor({ state: 'hidden' });
  }

  async function openDetails(dealId: string): Promise<void> {
    await closeDetails();
    await board.click(`[data-testid="card-${dealId}"] [data-testid="card-title"]`);
    await board.waitForSelector('[data-testid="details"]');
  }

  test('the guide names the person to act as and the views this test visits', () => {
    expect(README).toMatch(/Act as \*\*Anna Novak\*\*/);
    for (const step of ['Open the board', 'Move a deal', 'Open a card, tick a step', 'Start the work and send the client\'s e-mail', 'Plan a meeting']) {
      expect(README).toContain(`**${step}**`);
    }
    expect(README).toMatch(/Open \*\*Mail\*\* \(top right\)/);
    expect(README).toMatch(/Open \*\*Calendar\*\* \(top right/);
  });

  test('act as Anna Novak, then 1. open the board: her deals by stage with the forecast totals', async () => {
    await actAs(page, pg, anna);
    expect(await page.locator('[data-testid="user-select"] option:checked').innerText()).toContain('Anna Novak');
    await menu(page, 'openBoard');
    board = await frameOf(page, 'sidebar-frame');
    await board.waitForSelector('[data-testid="board"] .card', { timeout: 15000 });
    expect(await board.locator('body').innerText()).toMatch(/Likely[\s\S]*Choosing[\s\S]*At risk/);
    expect((await annasCardsIn('new')).length).toBeGreaterThan(0);
  });

  test('2. move a deal from New to Negotiation: the card changes column and the Stage cell follows', async () => {
    const dealId = (await annasCardsIn('new'))[0];
    await board.locator(`[data-testid="card-${dealId}"] [data-testid="move-menu"]`).selectOption('negotiation');
    await board.waitForSelector(`[data-testid="column-negotiation"] [data-testid="card-${dealId}"]`);
    await gridCell(page, 'Deals', dealId, 'Stage', 'Negotiation');
  });

  test('3. open a card (its details) and tick "Sent" on a card: the Deals row follows', async () => {
    const ids = await annasCardsIn('new');
    const dealId = ids.find((id) => rowById(pg, 'Deals', id)!['Estimate sent'] !== true)!;
    expect(dealId).toBeTruthy();
    await openDetails(dealId);
    expect(await board.locator('[data-testid="details"]').innerText()).toContain(String(rowById(pg, 'Deals', dealId)!.Title));
    await closeDetails();
    await board.locator(`[data-testid="card-${dealId}"] [data-testid="step-estimateSent"]`).click();
    await gridCell(page, 'Deals', dealId, 'Estimate sent', true);
  });

  test('4. move a Negotiation deal with an e-mail to Transferred to work; its e-mail is queued, sent, and shown in Mail', async () => {
    const ids = await annasCardsIn('negotiation');
    const dealId = ids.find((id) => String(rowById(pg, 'Deals', id)!.Email) !== '')!;
    expect(dealId).toBeTruthy();
    await board.locator(`[data-testid="card-${dealId}"] [data-testid="move-menu"]`).selectOption('in_work');
    await board.waitForSelector(`[data-testid="column-in_work"] [data-testid="card-${dealId}"]`);
    await openDetails(dealId);
    await board.waitForSelector('[data-testid="outbox"] [data-status="queued"]', { timeout: 15000 });
    expect(await board.innerText('[data-testid="outbox"]')).toMatch(/has started/);
    await board.click('[data-testid="outbox-send-now"]');
    await board.waitForSelector('[data-testid="outbox"] .status-sent >> text=has started', { timeout: 15000 });

    const [mail] = await Promise.all([session.browser.context.waitForEvent('page'), page.click('[data-testid="open-mail"]')]);
    await mail.waitForSelector('[data-testid="mail-list"]');
    expect(await mail.innerText('[data-testid="mail-list"]')).toMatch(/has started/);
    expect(await mail.innerText('[data-testid="mail-list"]')).toContain(String(rowById(pg, 'Deals', dealId)!.Email));
    await mail.close();
  });

  test('5. plan a meeting from a card, book the first slot, and see it in the Calendar view and the planner', async () => {
    const dealId = (await annasCardsIn('negotiation'))[0];
    await openDetails(dealId);
    await board.waitForSelector('[data-testid="details"] [data-testid="meeting-plan"]');
    await board.click('[data-testid="plan-meeting"]');
    const first = board.locator('[data-testid="slots"] [data-testid="slot"]').first();
    await first.waitFor({ timeout: 15000 });
    await first.click();
    await board.waitForSelector('[data-testid="meeting-booked"]', { timeout: 15000 });
    const booked = await until('the booked meeting on the Deals row', () => {
      const row = rowById(pg, 'Deals', dealId)!;
      return row['Meeting status'] === 'booked' && row;
    });
    const eventId = String(booked['Meeting event ID']);
    const start: string = pg.workspace.calendar.listEvents(anna).find((e: any) => e.id === eventId)!.start.dateTime;
    expect(start).toBeTruthy();

    const [calendar] = await Promise.all([session.browser.context.waitForEvent('page'), page.click('[data-testid="open-calendar"]')]);
    await calendar.waitForSelector('[data-testid="cal-week"]');
    await calendar.goto(new URL(`/calendar?user=${encodeURIComponent(anna)}&week=${new Date(start).toISOString().slice(0, 10)}`, pg.url).toString());
    expect(await calendar.innerText('[data-testid="cal-user"]')).toContain(anna);
    await calendar.waitForSelector(`[data-testid="cal-event"][data-id="${eventId}"]`);
    await calendar.close();

    // The planner is one click away from the card that booked it.
    await board.click('[data-testid="open-planner"]');
    await board.waitForSelector('[data-testid="planner-meeting"]', { timeout: 15000 });
    expect(rows(pg, 'Deals').filter((d) => d['Meeting status'] === 'booked' && d.Manager === anna).length).toBeGreaterThan(0);
    expect(session.pageErrors).toEqual([]);
  });
});
