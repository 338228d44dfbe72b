// The deal board as a person uses it in the playground, in Debian's Chromium: drag a card,
// move one with the keyboard, convert a lead, quick-add a request, tick a step, set the
// forecast, see a refused move explain itself, and collide with a colleague. Every change is
// checked in the workbook itself and in the grid the page shows, not only in the sidebar.
// Run: npm run build && npx jest --runInBand tests/browser/board.test.ts
import type { Frame, Page } from 'playwright-core';
import {
  RunningBrowser, RunningPlayground, browserSuiteEnabled, frameOf, screenshot, screenshotOf, openPlayground,
} from './harness';
import { activitiesOf, actAs, cardIdsIn, closeDialog as closeDialogOf, drag, gridCell, menu, openFullBoard, rowById, rows, until } from './sheet';

const enabled = browserSuiteEnabled('Board browser tests');
const suite = enabled ? describe : describe.skip;

const NOW = '2026-12-01T08:00:00Z';
/** Each forecast total reads label, count, amount ("At risk 13 €144K"). */
const LABELLED_FORECASTS = ['Likely', 'Choosing', 'At risk'].map((label) => expect.stringMatching(new RegExp(`^${label} \\d+ €\\d`)));

suite('deal board in Chromium', () => {
  const session = openPlayground({ now: NOW });
  let pg: RunningPlayground;
  let browser: RunningBrowser;
  let page: Page;
  const pageErrors = session.pageErrors;

  beforeAll(() => {
    ({ pg, browser, page } = session);
  });

  async function sidebar(): Promise<Frame> {
    const open = await page.locator('[data-testid="sidebar-frame"]').isVisible();
    if (!open) await menu(page, 'openBoard');
    const frame = await frameOf(page, 'sidebar-frame');
    await frame.waitForSelector('[data-testid="column-new"] .card', { timeout: 15000 });
    return frame;
  }

  const fullBoard = () => openFullBoard(page);
  const closeDialog = () => closeDialogOf(page);

  /** The first card of a stage the current user may change, drawn in that frame. */
  async function firstEditable(frame: Frame, stage: string, skip: string[] = []): Promise<string> {
    const ids = await frame.$$eval(`[data-testid="column-${stage}"] .card[data-editable="true"]`, (els) => els.map((e) => e.getAttribute('data-id') || ''));
    const id = ids.find((x) => skip.indexOf(x) < 0);
    if (!id) throw new Error(`No editable card in ${stage}`);
    return id;
  }

  test('drag a card from New to Negotiation in the full board: the Deals row and a new Activities row show the move', async () => {
    const frame = await fullBoard();
    const dealId = await firstEditable(frame, 'new');
    const before = rowById(pg, 'Deals', dealId)!;
    expect(before.Stage).toBe('New');
    const auditsBefore = activitiesOf(pg, dealId).length;
    const negotiation = await cardIdsIn(frame, 'negotiation');
    const target = frame.locator(`[data-testid="column-negotiation"] .card[data-id="${negotiation[0]}"]`);

    await drag(page, frame.locator(`[data-testid="card-${dealId}"] .card-who`), target, 'top');

    // The card stands in Negotiation, at the top, in the dialog…
    await frame.waitForSelector(`[data-testid="column-negotiation"] [data-testid="card-${dealId}"]`);
    const row = await until('the Deals row in Negotiation', () => {
      const r = rowById(pg, 'Deals', dealId)!;
      return r.Stage === 'Negotiation' && r;
    });
    expect(row.Version).toBe(Number(before.Version) + 1);
    expect(row['Updated by']).toBe('owner@studio.test');
    // …and first in the column's order, as the Position column says.
    const order = rows(pg, 'Deals').filter((r) => r.Stage === 'Negotiation').sort((a, b) => Number(a.Position) - Number(b.Position)).map((r) => r.ID);
    expect(order[0]).toBe(dealId);
    expect((await cardIdsIn(frame, 'negotiation'))[0]).toBe(dealId);

    const audits = activitiesOf(pg, dealId);
    expect(audits.length).toBe(auditsBefore + 1);
    const audit = audits[audits.length - 1];
    expect(audit.Kind).toBe('audit');
    expect(String(audit.Summary)).toContain('New → Negotiation');
    expect(audit.User).toBe('owner@studio.test');

    await closeDialog();
    // The grid a person looks at shows it too.
    expect((await gridCell(page, 'Deals', dealId, 'Stage', 'Negotiation')).text).toBe('Negotiation');
    const activityId = String(audit.ID);
    const cell = await gridCell(page, 'Activities', activityId, 'Summary', /New → Negotiation/);
    expect(cell.text).toContain('New → Negotiation');
    expect((await gridCell(page, 'Activities', activityId, 'Deal ID')).text).toBe(dealId);
    expect(pageErrors).toEqual([]);
  });

  test('drag within a column reorders it, and the order is kept in the Position column', async () => {
    const frame = await fullBoard();
    const before = await cardIdsIn(frame, 'new');
    const dealId = before[2];
    const version = Number(rowById(pg, 'Deals', dealId)!.Version);
    await drag(page, frame.locator(`[data-testid="card-${dealId}"] .card-who`), frame.locator(`[data-testid="card-${before[0]}"]`), 'top');
    const newOrder = () => rows(pg, 'Deals').filter((r) => r.Stage === 'New').sort((a, b) => Number(a.Position) - Number(b.Position)).map((r) => r.ID);
    await until('the card first in New', () => newOrder()[0] === dealId);
    expect(newOrder().slice(0, 3)).toEqual([dealId, before[0], before[1]]);
    expect(Number(rowById(pg, 'Deals', dealId)!.Version)).toBe(version + 1);
    const audit = activitiesOf(pg, dealId).pop()!;
    expect(audit.Summary).toBe('Reordered in New');
    // A fresh board (reopened) draws the same order.
    await closeDialog();
    const again = await fullBoard();
    expect((await cardIdsIn(again, 'new')).slice(0, 3)).toEqual([dealId, before[0], before[1]]);
    await closeDialog();
  });

  test('the keyboard moves a card too: focus "Move to…", arrow to a stage, Enter', async () => {
    const frame = await sidebar();
    const dealId = await firstEditable(frame, 'new');
    const select = frame.locator(`[data-testid="card-${dealId}"] [data-testid="move-menu"]`);
    await select.focus();
    await select.press('ArrowDown'); // Negotiation: only a preview
    await frame.waitForTimeout(300);
    expect(rowById(pg, 'Deals', dealId)!.Stage).toBe('New');
    await select.press('Enter');
    await frame.waitForSelector(`[data-testid="column-negotiation"] [data-testid="card-${dealId}"]`);
    await until('the Deals row in Negotiation', () => rowById(pg, 'Deals', dealId)!.Stage === 'Negotiation');
    // Moved to the end of Negotiation.
    const order = rows(pg, 'Deals').filter((r) => r.Stage === 'Negotiation').sort((a, b) => Number(a.Position) - Number(b.Position)).map((r) => r.ID);
    expect(order[order.length - 1]).toBe(dealId);
    await gridCell(page, 'Deals', dealId, 'Stage', 'Negotiation');
  });

  test('a forbidden drag (Failed → Transferred to work) is refused with its reason on the card, and nothing is written', async () => {
    const frame = await fullBoard();
    // Closed stages fold by default (issue 11, item 18): unfold Failed to reach its cards,
    // and fold New and Negotiation so Failed and Transferred to work stand side by side.
    await frame.click('[data-testid="column-failed"] .column-head');
    await frame.click('[data-testid="column-new"] .column-head');
    await frame.click('[data-testid="column-negotiation"] .column-head');
    const dealId = await firstEditable(frame, 'failed');
    const before = rowById(pg, 'Deals', dealId)!;
    const auditsBefore = activitiesOf(pg, dealId).length;
    const inWork = await cardIdsIn(frame, 'in_work');
    await drag(page, frame.locator(`[data-testid="card-${dealId}"] .card-who`), frame.locator(`[data-testid="card-${inWork[0]}"]`), 'bottom');

    const note = frame.locator(`[data-testid="column-failed"] [data-testid="card-${dealId}"] [data-testid="card-reasons"]`);
    await note.waitFor();
    expect(await note.innerText()).toContain('A deal cannot go from Failed to Transferred to work.');
    expect(await cardIdsIn(frame, 'in_work')).not.toContain(dealId);
    await page.waitForTimeout(300);
    const after = rowById(pg, 'Deals', dealId)!;
    expect(after.Stage).toBe('Failed');
    expect(after.Version).toBe(before.Version);
    expect(activitiesOf(pg, dealId).length).toBe(auditsBefore);
    await closeDialog();
    await gridCell(page, 'Deals', dealId, 'Stage', 'Failed');
  });

  test('a move a gate forbids (Transferred to work → Completed with payment open) names the open checkpoints on the card', async () => {
    const frame = await sidebar();
    const dealId = await firstEditable(frame, 'in_work');
    const open = rows(pg, 'Checkpoints').filter((c) => c['Deal ID'] === dealId && c['Gates stage'] === 'Completed' && !c['Done at']);
    expect(open.length).toBeGreaterThan(0);
    await frame.locator(`[data-testid="card-${dealId}"] [data-testid="move-menu"]`).selectOption('completed');
    const note = frame.locator(`[data-testid="card-${dealId}"] [data-testid="card-reasons"]`);
    await note.waitFor();
    const text = await note.innerText();
    expect(text).toContain('Finish first:');
    for (const c of open) expect(text).toContain(String(c.Checkpoint));
    expect(await cardIdsIn(frame, 'in_work')).toContain(dealId);
    expect(rowById(pg, 'Deals', dealId)!.Stage).toBe('Transferred to work');
  });

  test('convert a lead from the inbox: the lead is closed, a client and a deal in New appear in the grid', async () => {
    const frame = await sidebar();
    await frame.click('[data-testid="inbox-button"]');
    await frame.waitForSelector('[data-testid="inbox"] [data-testid^="inbox-lead-"]');
    const leadId = (await frame.getAttribute('[data-testid="inbox"] [data-testid^="inbox-lead-"]', 'data-testid'))!.slice('inbox-lead-'.length);
    const lead = rowById(pg, 'Leads', leadId)!;
    expect(lead.Status).toBe('new');
    const dealsBefore = rows(pg, 'Deals').length;
    await frame.click(`[data-testid="convert-${leadId}"]`);
    await frame.waitForSelector('[data-testid="inbox"]', { state: 'hidden' });

    const converted = await until<Record<string, unknown>>('the lead converted', () => {
      const r = rowById(pg, 'Leads', leadId)!;
      return r.Status !== 'new' && r['Deal ID'] ? r : null;
    });
    const dealId = String(converted['Deal ID']);
    const deal = rowById(pg, 'Deals', dealId)!;
    expect(deal.Stage).toBe('New');
    // The call back the inbox offered: Wednesday 2 December, 10:00 in Berlin (issue 11, item 15).
    expect((deal['Next contact'] as Date).toISOString()).toBe('2026-12-02T09:00:00.000Z');
    expect(rows(pg, 'Deals').length).toBe(dealsBefore + 1);
    expect(String(deal.Client)).toBe(String(lead.Name));
    expect(rowById(pg, 'Clients', String(converted['Client ID']))).toBeDefined();
    await frame.waitForSelector(`[data-testid="column-new"] [data-testid="card-${dealId}"]`);
    expect(await frame.locator(`[data-testid="inbox-lead-${leadId}"]`).count()).toBe(0);

    await gridCell(page, 'Leads', leadId, 'Status', String(converted.Status));
    await gridCell(page, 'Leads', leadId, 'Deal ID', dealId);
    await gridCell(page, 'Deals', dealId, 'Stage', 'New');
  });

  test('quick add: a phoned-in request becomes a lead and a deal in New', async () => {
    const frame = await sidebar();
    await frame.click('[data-testid="quick-add-button"]');
    const form = frame.locator('[data-testid="quick-add-form"]');
    await form.waitFor();
    await frame.fill('[data-testid="quick-add-name"]', 'Harbour Bikes');
    await form.locator('input[type="tel"]').fill('+49 30 1234567');
    await form.locator('input[type="email"]').fill('hello@harbour-bikes.test');
    await form.locator('textarea').fill('A shop with online booking of test rides');
    await form.locator('[data-testid="quick-add-budget"]').fill('6400');
    // The call back is offered, filled with the next working day 10:00 (issue 11, item 15); Harbour Bikes want Thursday 15:30.
    expect(await frame.inputValue('[data-testid="quick-add-call-back"]')).toBe('12/02/2026 10:00 AM');
    await frame.fill('[data-testid="quick-add-call-back"]', '12/03/2026 3:30 PM');
    await frame.click('[data-testid="quick-add-submit"]');
    await form.waitFor({ state: 'detached' });

    const lead = await until('the lead row', () => rows(pg, 'Leads').find((r) => r.Name === 'Harbour Bikes'));
    expect(lead.Phone).toBeTruthy();
    expect(lead.Email).toBe('hello@harbour-bikes.test');
    const dealId = String(lead['Deal ID']);
    const deal = rowById(pg, 'Deals', dealId)!;
    expect(deal.Stage).toBe('New');
    expect(Number(deal.Budget)).toBe(6400);
    expect((deal['Next contact'] as Date).toISOString()).toBe('2026-12-03T14:30:00.000Z');
    await frame.waitForSelector(`[data-testid="column-new"] [data-testid="card-${dealId}"]`);
    expect(await frame.locator(`[data-testid="card-${dealId}"] .value`).innerText()).toMatch(/6,400|6\.400|6 400/);
    await gridCell(page, 'Leads', String(lead.ID), 'Name', 'Harbour Bikes');
    await gridCell(page, 'Deals', dealId, 'Budget', /6,?400/);
  });

  test('tick a step and set the forecast on a card: the Deals row and the grid follow', async () => {
    const frame = await sidebar();
    const ids = await frame.$$eval('[data-testid="column-new"] .card[data-editable="true"]', (els) => els.map((e) => e.getAttribute('data-id') || ''));
    const dealId = ids.find((id) => {
      const r = rowById(pg, 'Deals', id)!;
      return r['Estimate sent'] !== true && r.Forecast !== 'red';
    })!;
    expect(dealId).toBeTruthy();
    const v0 = Number(rowById(pg, 'Deals', dealId)!.Version);
    const card = frame.locator(`[data-testid="card-${dealId}"]`);

    await card.locator('[data-testid="step-estimateSent"]').click();
    await until('Estimate sent ticked', () => rowById(pg, 'Deals', dealId)!['Estimate sent'] === true);
    await gridCell(page, 'Deals', dealId, 'Estimate sent', true);

    await card.locator('[data-testid="forecast-red"]').click();
    const row = await until('forecast red', () => {
      const r = rowById(pg, 'Deals', dealId)!;
      return r.Forecast === 'red' && r;
    });
    expect(row.Version).toBe(v0 + 2);
    expect(await card.locator('[data-testid="forecast-red"]').getAttribute('aria-pressed')).toBe('true');
    const audits = activitiesOf(pg, dealId).map((a) => String(a.Summary));
    expect(audits.some((s) => /estimate sent/i.test(s))).toBe(true);
    expect(audits.some((s) => /forecast/i.test(s) && /red/i.test(s))).toBe(true);
    const cell = await gridCell(page, 'Deals', dealId, 'Forecast', 'red');
    // The sheet's conditional format paints the forecast cell.
    expect(cell.background).not.toBe('');
  });

  test('two users move the same card: the second gets the conflict message naming who changed it, and a fresh board', async () => {
    // Owner's sidebar, also open in a second window that keeps the board it loaded.
    const frame = await sidebar();
    const dealId = await firstEditable(frame, 'new');
    const v0 = Number(rowById(pg, 'Deals', dealId)!.Version);
    const second = await browser.context.newPage();
    await second.setViewportSize({ width: 300, height: 800 });
    await second.goto(`${pg.url.replace(/\/$/, '')}/ui/sidebar`);
    await second.waitForSelector(`[data-testid="card-${dealId}"]`);

    // Henrik (head) moves it to Negotiation in the main window.
    await actAs(page, pg, 'head@studio.test');
    const headFrame = await sidebar();
    await headFrame.locator(`[data-testid="card-${dealId}"] [data-testid="move-menu"]`).selectOption('negotiation');
    await until('head moved it', () => rowById(pg, 'Deals', dealId)!.Stage === 'Negotiation');
    await actAs(page, pg, 'owner@studio.test');

    // Olga, on her stale board in the other window, moves it to Frozen.
    await second.locator(`[data-testid="card-${dealId}"] [data-testid="move-menu"]`).selectOption('frozen');
    const banner = second.locator('[data-testid="banner"]');
    await banner.waitFor();
    const text = await banner.innerText();
    expect(text).toContain('Henrik Head changed');
    expect(text).toMatch(/not saved/);
    // A fresh board: the card now stands where Henrik put it.
    await second.waitForSelector(`[data-testid="column-negotiation"] [data-testid="card-${dealId}"]`);
    expect(await second.locator(`[data-testid="column-frozen"] [data-testid="card-${dealId}"]`).count()).toBe(0);
    const row = rowById(pg, 'Deals', dealId)!;
    expect(row.Stage).toBe('Negotiation');
    expect(row['Updated by']).toBe('head@studio.test');
    expect(Number(row.Version)).toBe(v0 + 1);
    expect(activitiesOf(pg, dealId).filter((a) => /Frozen/.test(String(a.Summary)))).toEqual([]);
    await screenshot(second, 'sidebar-conflict');
    await second.close();
    await gridCell(page, 'Deals', dealId, 'Stage', 'Negotiation');
  });

  test('the full board fits the dialog: closed stages fold by default and unfold on a click; forecast totals carry labels and do not clip', async () => {
    const frame = await sidebar();
    const rollupsFit = (f: Frame) => f.$$eval('.roll', (els) => els.map((e) => ({
      text: (e as HTMLElement).innerText.replace(/\s+/g, ' ').trim(),
      clipped: Array.from(e.querySelectorAll('*')).concat([e]).some((x) => x.scrollWidth > x.clientWidth + 1),
    })));
    // In the 300 px sidebar: label, count and amount of each forecast, nothing cut off.
    const narrow = await rollupsFit(frame);
    expect(narrow.map((r) => r.text)).toEqual(LABELLED_FORECASTS);
    expect(narrow.filter((r) => r.clipped)).toEqual([]);

    const dialog = await fullBoard();
    const layout = () => dialog.evaluate(() => {
      const board = document.querySelector('.board') as HTMLElement;
      const right = window.innerWidth;
      const heads = Array.from(document.querySelectorAll('.column')).map((c) => ({
        stage: (c.getAttribute('data-testid') || '').replace('column-', ''),
        expanded: c.querySelector('.column-head')!.getAttribute('aria-expanded'),
        inView: c.getBoundingClientRect().right <= right + 0.5,
      }));
      return { overflow: board.scrollWidth - board.clientWidth, heads };
    });
    const first = await layout();
    // Every column, the folded closed ones included, is on screen without scrolling sideways.
    expect(first.overflow).toBeLessThanOrEqual(0);
    expect(first.heads.filter((h) => !h.inView)).toEqual([]);
    expect(first.heads.filter((h) => h.expanded === 'false').map((h) => h.stage).sort()).toEqual(['completed', 'failed']);
    const rolls = await rollupsFit(dialog);
    expect(rolls.map((r) => r.text)).toEqual(LABELLED_FORECASTS);
    expect(rolls.filter((r) => r.clipped)).toEqual([]);

    // A click unfolds a closed stage and shows its cards; a second click folds it again.
    await dialog.click('[data-testid="column-completed"] .column-head');
    await dialog.waitForSelector('[data-testid="column-completed"] .card', { state: 'visible' });
    expect(await dialog.getAttribute('[data-testid="column-completed"] .column-head', 'aria-expanded')).toBe('true');
    await dialog.click('[data-testid="column-completed"] .column-head');
    expect(await dialog.getAttribute('[data-testid="column-completed"] .column-head', 'aria-expanded')).toBe('false');
    await closeDialog();
    expect(pageErrors).toEqual([]);
  });

  test('screenshots: the sidebar board, card details and the full board', async () => {
    const frame = await sidebar();
    await frame.evaluate(() => window.scrollTo(0, 0));
    await page.waitForTimeout(400);
    await screenshotOf(page.locator('#sidebar'), 'sidebar-board');
    // Nothing sticks out of the 300 px sidebar, and no card is wider than its lane.
    expect(await frame.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    const widest = await frame.$$eval('.card', (els) => Math.max(...els.map((e) => e.scrollWidth - e.clientWidth)));
    expect(widest).toBeLessThanOrEqual(0);
    const dealId = await firstEditable(frame, 'negotiation');
    await frame.click(`[data-testid="card-${dealId}"] [data-testid="card-title"]`);
    await frame.waitForSelector('[data-testid="details"] .details-form');
    await page.waitForTimeout(300);
    await screenshotOf(page.locator('#sidebar'), 'sidebar-details');
    const overflow = await frame.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await frame.press('body', 'Escape');
    const dialog = await fullBoard();
    await page.waitForTimeout(400);
    await screenshotOf(page.locator('#dialog'), 'full-board');
    expect(await dialog.evaluate(() => document.querySelectorAll('.column').length)).toBeGreaterThanOrEqual(5);
    await closeDialog();
    expect(pageErrors).toEqual([]);
  });
});
