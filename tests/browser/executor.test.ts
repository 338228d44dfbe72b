// An executor's day as Eva (role executor) lives it in the playground, in Debian's Chromium
// (issue 11, item 13): her sidebar and the full board show only the deals where she is
// responsible for a checkpoint, nothing of the sales pipeline's clients, phones, e-mails or
// amounts, no Inbox, no request form, no convert; she ticks her own checkpoint on a card and
// the Checkpoints row says she did. Her sidebar's own bridge asking for more is refused.
// Run: npm run build && npx jest --runInBand tests/browser/executor.test.ts
import type { Frame, Page } from 'playwright-core';
import { RunningPlayground, browserSuiteEnabled, frameOf, openPlayground, screenshotOf } from './harness';
import { actAs, gridCell, menu, rowById, rows, until } from './sheet';

const enabled = browserSuiteEnabled('Executor browser tests');
const suite = enabled ? describe : describe.skip;

const NOW = '2026-12-01T08:00:00Z'; // 09:00 in Berlin, the demo's time zone
const EVA = 'eva@studio.test';
const NOT_YOURS = 'This deal is not one you work on: executors see the deals where they are responsible for a checkpoint.';
// The Stage cells show the Settings names (issue 11, item 6).
const PIPELINE = ['New', 'Negotiation'];

type Reply = { ok: true; value: any } | { ok: false; message: string };

suite('an executor in Chromium: only the deals she works on', () => {
  const session = openPlayground({ now: NOW });
  let pg: RunningPlayground;
  let page: Page;
  const pageErrors = session.pageErrors;

  beforeAll(async () => {
    ({ pg, page } = session);
    expect(rowById(pg, 'Users', EVA, 'Email')).toMatchObject({ Role: 'executor' });
    await actAs(page, pg, EVA);
  });

  /** The deals Eva works on, from the Checkpoints tab (Responsible her e-mail or the role). */
  const hers = () => new Set(rows(pg, 'Checkpoints')
    .filter((c) => String(c.Responsible).toLowerCase() === EVA || c.Responsible === 'executor')
    .map((c) => String(c['Deal ID'])));

  /**
   * Phones and e-mails of the sales pipeline: New/Negotiation deals she does not work on and the
   * inbox's requests. A contact shared with a client of one of her own deals is hers to see.
   */
  function pipelineContacts(): string[] {
    const mine = hers();
    const deals = rows(pg, 'Deals');
    const own = new Set(deals.filter((d) => mine.has(String(d.ID))).flatMap((d) => [String(d.Phone), String(d.Email).toLowerCase()]));
    const pipeline = deals.filter((d) => PIPELINE.includes(String(d.Stage)) && !mine.has(String(d.ID)))
      .concat(rows(pg, 'Leads').filter((l) => l.Status === 'new'));
    const contacts = pipeline.flatMap((d) => [String(d.Phone || ''), String(d.Email || '').toLowerCase()])
      .filter((c) => c !== '' && !own.has(c));
    return Array.from(new Set(contacts));
  }

  /** A phone as it may be printed: its last 8 digits with any spacing, dashes or brackets between. */
  const phonePattern = (phone: string) => new RegExp(phone.replace(/\D/g, '').slice(-8).split('').join('[\\s\\-()./]*'));

  /** The contacts of `contacts` that `text` (a page's text or HTML) shows. */
  function leaked(text: string, contacts: string[]): string[] {
    const lower = text.toLowerCase();
    return contacts.filter((c) => (c.includes('@') ? lower.includes(c) : lower.includes(c) || phonePattern(c).test(text)));
  }

  /** The sidebar with the board drawn (opened from the menu when closed). */
  async function sidebar(): Promise<Frame> {
    if (!(await page.locator('[data-testid="sidebar-frame"]').isVisible())) await menu(page, 'openBoard');
    const frame = await frameOf(page, 'sidebar-frame');
    // Back on the board whichever view a previous test left on.
    await frame.click('[data-testid="board-button"]');
    await frame.waitForSelector('[data-testid="board"] .card', { timeout: 15000 });
    return frame;
  }

  /** What the page's own google.script.run gets back, as the sidebar would. */
  function callFrom(frame: Frame, fn: string, ...args: unknown[]): Promise<Reply> {
    return frame.evaluate(([name, params]) => new Promise<Reply>((resolve) => {
      (window as any).google.script.run
        .withSuccessHandler((value: unknown) => resolve({ ok: true, value }))
        .withFailureHandler((e: Error) => resolve({ ok: false, message: e.message }))[name as string](...(params as unknown[]));
    }), [fn, args] as const);
  }

  /** Every card a frame draws, folded columns included, with the column it stands in. */
  const cardsIn = (frame: Frame) => frame.$$eval('[data-testid^="column-"] .card', (els) => els.map((e) => ({
    id: e.getAttribute('data-id') || '',
    stage: (e.closest('[data-testid^="column-"]')!.getAttribute('data-testid') || '').slice('column-'.length),
  })));

  /** Asserts what an executor's board must and must not show, in the sidebar or the dialog. */
  async function expectExecutorBoard(frame: Frame): Promise<void> {
    const mine = hers();
    // (a) Nothing of taking requests: no Inbox, no request form, no convert, no Today list.
    for (const id of ['inbox-button', 'quick-add-button', 'today-button']) {
      expect(await frame.locator(`[data-testid="${id}"]`).isVisible()).toBe(false);
    }
    expect(await frame.locator('[data-testid^="convert-"], [data-testid="inbox"], [data-testid="quick-add"]').count()).toBe(0);
    // (b) Only deals she works on; no pipeline card of any manager.
    const cards = await cardsIn(frame);
    expect(cards.length).toBeGreaterThan(5);
    expect(cards.filter((c) => !mine.has(c.id))).toEqual([]);
    const othersPipeline = rows(pg, 'Deals').filter((d) => PIPELINE.includes(String(d.Stage)) && !mine.has(String(d.ID)));
    expect(othersPipeline.length).toBeGreaterThan(10);
    const shown = new Set(cards.map((c) => c.id));
    expect(othersPipeline.filter((d) => shown.has(String(d.ID))).map((d) => d.ID)).toEqual([]);
    // Read only: she moves no deal.
    expect(await frame.locator('.card[data-editable="true"]').count()).toBe(0);
    // (c) No phone or e-mail of the pipeline in what she reads, nor anywhere in the page.
    const contacts = pipelineContacts();
    expect(contacts.length).toBeGreaterThan(20);
    expect(leaked(await frame.evaluate(() => document.body.innerText), contacts)).toEqual([]);
    expect(leaked(await frame.evaluate(() => document.documentElement.outerHTML), contacts)).toEqual([]);
    // Issue 21, item 17: the work, not the money: no card value, column total or "Likely €…".
    expect(await frame.locator('.card .value').count()).toBe(0);
    expect(await frame.locator('.column-total').count()).toBe(0);
    expect(await frame.locator('[data-testid="rollup-green"]').isVisible()).toBe(false);
    // Nor a pipeline deal's title or amount-bearing card text.
    const text = await frame.evaluate(() => document.body.innerText);
    expect(othersPipeline.filter((d) => text.includes(String(d.Title))).map((d) => d.Title)).toEqual([]);
  }

  test('Eva opens the sidebar: her deals only, no Inbox or request button, no pipeline contact in the page', async () => {
    const frame = await sidebar();
    await expectExecutorBoard(frame);
    // Any manager picked in the scope filter still shows only her deals.
    const scopes = await frame.$$eval('[data-testid="filter-scope"] option', (els) => els.map((e) => (e as HTMLOptionElement).value));
    expect(scopes).toContain('m:anna@studio.test');
    for (const value of ['m:anna@studio.test', 'all']) {
      await frame.selectOption('[data-testid="filter-scope"]', value);
      const visible = await frame.$$eval('[data-testid^="column-"] .card', (els) => els.filter((e) => (e as HTMLElement).offsetParent !== null).map((e) => e.getAttribute('data-id') || ''));
      expect(visible.filter((id) => !hers().has(id))).toEqual([]);
    }
    await frame.evaluate(() => window.scrollTo(0, 0));
    await page.waitForTimeout(300);
    await screenshotOf(page.locator('#sidebar'), 'sidebar-executor');
    expect(await frame.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    expect(pageErrors).toEqual([]);
  });

  test('her desk lists her deals only and offers no "All"; asking the server for All still sends only hers', async () => {
    const frame = await sidebar();
    await frame.click('[data-testid="desk-button"]');
    await frame.waitForSelector('[data-testid="desk"] .desk-list');
    expect(await frame.locator('[data-testid="desk-scope-all"]').count()).toBe(0);
    expect(await frame.locator('[data-testid="desk"] .paid-text').count()).toBe(0);
    const ids = await frame.$$eval('[data-testid="desk"] .desk-item', (els) => els.map((e) => (e.getAttribute('data-testid') || '').slice('desk-item-'.length)));
    expect(ids.length).toBeGreaterThan(5);
    expect(ids.filter((id) => !hers().has(id))).toEqual([]);
    expect(leaked(await frame.evaluate(() => document.body.innerText), pipelineContacts())).toEqual([]);

    const all = await callFrom(frame, 'api_getHealth', 'all');
    expect(all.ok).toBe(true);
    const items = (all as { value: any }).value.items as { dealId: string; stage: string }[];
    expect(items.filter((i) => !hers().has(i.dealId)).map((i) => `${i.dealId} ${i.stage}`)).toEqual([]);
    await frame.click('[data-testid="board-button"]');
    expect(pageErrors).toEqual([]);
  });

  test('the full board in the dialog shows the same cut', async () => {
    await menu(page, 'openFullBoard');
    const dialog = await frameOf(page, 'dialog-frame');
    await dialog.waitForSelector('[data-testid="board"] .card', { timeout: 15000, state: 'attached' });
    await expectExecutorBoard(dialog);
    await page.click('[data-testid="dialog-close"]');
    await page.waitForSelector('[data-testid="dialog-frame"]', { state: 'hidden' });
    expect(pageErrors).toEqual([]);
  });

  test('she opens a deal she works on and ticks her checkpoint: the Checkpoints row says done by her', async () => {
    const frame = await sidebar();
    const shown = new Set((await cardsIn(frame)).map((c) => c.id));
    const checkpoint = rows(pg, 'Checkpoints').find((c) => String(c.Responsible).toLowerCase() === EVA && c['Done at'] === ''
      && shown.has(String(c['Deal ID'])) && rowById(pg, 'Deals', String(c['Deal ID']))!.Stage === 'Transferred to work'
      && rows(pg, 'Checkpoints').some((o) => o['Deal ID'] === c['Deal ID'] && String(o.Responsible).toLowerCase() !== EVA && o['Done at'] === ''))!;
    expect(checkpoint).toBeTruthy();
    const dealId = String(checkpoint['Deal ID']);
    const checkpointId = String(checkpoint.ID);
    const managersStep = rows(pg, 'Checkpoints').find((o) => o['Deal ID'] === dealId && String(o.Responsible).toLowerCase() !== EVA && o['Done at'] === '')!;

    await frame.click(`[data-testid="card-${dealId}"] [data-testid="card-title"]`);
    const tick = frame.locator(`[data-testid="checkpoint-done-${checkpointId}"]`);
    await tick.waitFor();
    const listed = await frame.$$eval('[data-testid="checkpoints"] .cp', (els) => els.map((e) => (e.getAttribute('data-testid') || '').slice('checkpoint-'.length)));
    expect(listed.sort()).toEqual(rows(pg, 'Checkpoints').filter((c) => c['Deal ID'] === dealId).map((c) => String(c.ID)).sort());
    // Her step she may tick; the manager's (the payment) she may not.
    expect(await tick.isEnabled()).toBe(true);
    expect(await frame.locator(`[data-testid="checkpoint-done-${managersStep.ID}"]`).isEnabled()).toBe(false);
    // A read-only deal: no editing, moving, documents or meetings offered to her.
    // Issue 21, item 17: no Budget field at all for her (the work, not the money; this line
    // expected a disabled Budget before); the other fields stay read only.
    expect(await frame.locator('[data-testid="details-budget"]').count()).toBe(0);
    expect(await frame.locator('[data-testid="details-next-contact"]').isDisabled()).toBe(true);
    expect(await frame.locator('[data-testid="details-save"], [data-testid^="details-move-"], [data-testid="checkpoint-add"], [data-testid="log-form"]').count()).toBe(0);
    for (const id of ['doc-proposal', 'plan-meeting']) {
      const button = frame.locator(`[data-testid="${id}"]`);
      if (await button.count()) expect(await button.isDisabled()).toBe(true);
    }

    expect(leaked(await frame.evaluate(() => document.body.innerText), pipelineContacts())).toEqual([]);

    await tick.click();
    const done = await until('the checkpoint done in the sheet', () => {
      const row = rowById(pg, 'Checkpoints', checkpointId)!;
      return row['Done at'] !== '' && row;
    });
    expect(done['Done by']).toBe(EVA);
    await frame.waitForSelector(`[data-testid="checkpoint-${checkpointId}"].done`);
    expect(await frame.locator(`[data-testid="checkpoint-${checkpointId}"]`).innerText()).toContain('by Eva Stein');
    await gridCell(page, 'Checkpoints', checkpointId, 'Done by', EVA);
    await page.waitForTimeout(300);
    await screenshotOf(page.locator('#sidebar'), 'sidebar-executor-checkpoint');
    await frame.click('[data-testid="details"] [aria-label="Back to the board"]');
    await frame.waitForSelector('[data-testid="details"]', { state: 'hidden' });
    expect(pageErrors).toEqual([]);
  });

  test('her sidebar asking the server for a pipeline deal, its quote, or to take a request is refused in a plain sentence', async () => {
    const frame = await sidebar();
    const mine = hers();
    const pipelineDeal = rows(pg, 'Deals').find((d) => d.Stage === 'New' && !mine.has(String(d.ID)) && d.Manager !== EVA)!;
    for (const fn of ['api_getDeal', 'api_getQuote', 'api_documentStatus']) {
      expect(await callFrom(frame, fn, pipelineDeal.ID)).toEqual({ ok: false, message: NOT_YOURS });
    }
    const lead = rows(pg, 'Leads').find((l) => l.Status === 'new')!;
    const converted = await callFrom(frame, 'api_convertLead', lead.ID, null);
    expect(converted.ok).toBe(false);
    expect((converted as { message: string }).message).toMatch(/^[A-Z][^{}<>]+\.$/);
    expect(rowById(pg, 'Leads', String(lead.ID))!.Status).toBe('new');
    expect(await callFrom(frame, 'api_addLead', { name: 'Walk-in' })).toEqual({ ok: false, message: 'Executors cannot take requests; ask a manager.' });
    // The board she gets over the wire carries no pipeline contact and no inbox either.
    const board = await callFrom(frame, 'api_getBoard', { scope: 'all' });
    expect(board.ok).toBe(true);
    const sent = JSON.stringify((board as { value: any }).value);
    expect((board as { value: any }).value.inbox).toEqual([]);
    expect(leaked(sent, pipelineContacts())).toEqual([]);
    // Her own deal still opens.
    expect((await callFrom(frame, 'api_getDeal', [...mine][0])).ok).toBe(true);
    expect(pageErrors).toEqual([]);
  });
});
