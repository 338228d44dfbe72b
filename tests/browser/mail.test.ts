// E-mail in the playground, in Debian's Chromium: Anna makes the proposal on a card, sends it to
// the client, is asked before sending it twice, sees the message on the card; the playground's
// mail view shows it as the client would get it (HTML, text, the PDF attached) and its link opens
// the Doc. Then a stage change queues the client's e-mail, shown on the card, sent from the menu.
// Run: npm run build && npx jest --runInBand tests/browser/mail.test.ts
import type { Frame, Page } from 'playwright-core';
import { RunningBrowser, RunningPlayground, browserSuiteEnabled, frameOf, openPlayground, screenshot } from './harness';
import { actAs, menu, rowById, rows, until } from './sheet';

const enabled = browserSuiteEnabled('Mail browser tests');
const suite = enabled ? describe : describe.skip;
const ANNA = 'anna@studio.test';

suite('sending e-mail in Chromium', () => {
  const session = openPlayground({ now: '2026-12-01T08:00:00Z' });
  let pg: RunningPlayground;
  let browser: RunningBrowser;
  let page: Page;
  let dealId = '';

  beforeAll(() => {
    ({ pg, browser, page } = session);
  });

  async function sidebar(): Promise<Frame> {
    if (!(await page.locator('[data-testid="sidebar-frame"]').isVisible())) await menu(page, 'openBoard');
    const frame = await frameOf(page, 'sidebar-frame');
    await frame.waitForSelector('[data-testid="board"] .card', { timeout: 15000 });
    return frame;
  }

  async function details(id: string): Promise<Frame> {
    const frame = await sidebar();
    if (await frame.locator('[data-testid="details"]').isVisible()) await frame.press('body', 'Escape');
    await frame.click(`[data-testid="card-${id}"] [data-testid="card-title"]`);
    await frame.waitForSelector('[data-testid="details"] [data-testid="documents"]');
    return frame;
  }

  test('Anna sends the proposal from the card; a second send asks first', async () => {
    await menu(page, 'installDocumentTemplates');
    await until('templates installed', () => rows(pg, 'Settings').some((r) => r.Key === 'template.proposal' && r.Value !== ''));
    await actAs(page, pg, ANNA);
    const frame = await sidebar();
    const ids = await frame.$$eval('[data-testid="column-negotiation"] .card[data-editable="true"]', (els) => els.map((e) => e.getAttribute('data-id') || ''));
    dealId = ids.find((id) => { const r = rowById(pg, 'Deals', id)!; return r.Manager === ANNA && r.Email !== ''; })!;
    expect(dealId).toBeTruthy();
    // a saved quote, as the documents suite builds one by hand
    const items = pg.addon.api_getCatalog().items.slice(0, 2);
    const version = pg.addon.api_getDeal(dealId).card.version;
    pg.addon.api_saveQuote(dealId, { lines: items.map((i: any) => ({ code: i.code, description: i.service, unit: i.unit, quantity: i.defaultQuantity, unitPriceMinor: i.unitPriceMinor })) }, version);

    await details(dealId);
    await frame.click('[data-testid="doc-proposal"]');
    await frame.waitForSelector('[data-testid="doc-result-proposal"]', { timeout: 20000 });
    // Send shows the message first (issue 21, item 11; the send used to go out on this one click).
    await frame.click('[data-testid="doc-send-proposal"]');
    const preview = frame.locator('[data-testid="doc-send-preview-proposal"]');
    await preview.waitFor({ timeout: 20000 });
    const deal = rowById(pg, 'Deals', dealId)!;
    expect(await preview.locator('[data-testid="preview-to"]').innerText()).toBe(String(deal.Email));
    expect(await preview.locator('[data-testid="preview-subject"]').innerText()).toContain(String(deal.Title));
    expect(await preview.locator('[data-testid="preview-attachments"]').innerText()).toMatch(/^Proposal — .*\.pdf$/);
    const docLink = String(rows(pg, 'Documents').find((r) => r['Deal ID'] === dealId && r.Kind === 'proposal')!.URL);
    expect(await preview.locator('[data-testid="preview-body"]').innerText()).toContain(docLink);
    expect(pg.workspace.mail.sent()).toHaveLength(0);
    await screenshot(page, 'mail-send-preview');
    await frame.click('[data-testid="doc-send-confirm-proposal"]');
    const result = frame.locator('[data-testid="doc-send-result-proposal"]');
    await result.waitFor({ timeout: 20000 });
    const email = String(rowById(pg, 'Deals', dealId)!.Email);
    expect(await result.innerText()).toBe(`Sent to ${email}.`);
    expect(pg.workspace.mail.sent()).toHaveLength(1);
    const doc = rows(pg, 'Documents').find((r) => r['Deal ID'] === dealId && r.Kind === 'proposal')!;
    expect(doc['Sent to']).toBe(email);
    expect(doc['Sent by']).toBe(ANNA);
    await frame.waitForSelector('[data-testid="outbox"] [data-status="sent"]');

    await frame.click('[data-testid="doc-send-proposal"]');
    const ask = frame.locator('[data-testid="doc-send-ask-proposal"]');
    await ask.waitFor();
    expect(await ask.innerText()).toMatch(/already sent to .* Send it again\?/);
    expect(pg.workspace.mail.sent()).toHaveLength(1);
    await frame.click('[data-testid="doc-send-cancel-proposal"]');
    expect(await frame.locator('[data-testid="doc-send-ask-proposal"]').count()).toBe(0);
    expect(await frame.locator('[data-testid="doc-send-preview-proposal"]').count()).toBe(0);
    await screenshot(page, 'mail-card-sent');
    expect(session.pageErrors).toEqual([]);
  }, 240000); // the preview adds a step; a loaded 2-core machine took 167 s

  test('the mail view shows the message as the client gets it; its link opens the Doc; the PDF is attached', async () => {
    const tab = await browser.context.newPage();
    await tab.goto(`${pg.url.replace(/\/$/, '')}/mail`);
    await tab.waitForSelector('[data-testid="mail-list"]');
    const deal = rowById(pg, 'Deals', dealId)!;
    expect(await tab.innerText('[data-testid="mail-list"]')).toContain(String(deal.Title));
    await tab.click('[data-testid="mail-open"]');
    await tab.waitForSelector('[data-testid="mail-message"]');
    expect(await tab.innerText('[data-testid="mail-to"]')).toContain(String(deal.Email));
    expect(await tab.locator('[data-testid="mail-attachment"]').innerText()).toMatch(/^Proposal — .*\.pdf$/);
    const docUrl = String(rows(pg, 'Documents').find((r) => r['Deal ID'] === dealId && r.Kind === 'proposal')!.URL);
    expect(await tab.innerText('[data-testid="mail-text"]')).toContain(docUrl);
    const html = tab.frameLocator('[data-testid="mail-html"]');
    const link = html.locator(`a[href="${docUrl}"]`);
    await link.waitFor();
    await screenshot(tab, 'mail-view-proposal');
    const [docTab] = await Promise.all([browser.context.waitForEvent('page'), link.click()]);
    await docTab.waitForSelector('body');
    await until('the Doc page showing the deal', async () => (await docTab.innerText('body')).includes(String(deal.Title)));
    expect(await docTab.innerText('body')).toContain(String(deal.Title));
    const pdf = await tab.request.get(`${pg.url.replace(/\/$/, '')}${await tab.getAttribute('[data-testid="mail-attachment"]', 'href')}`);
    expect(pdf.status()).toBe(200);
    expect((await pdf.body()).subarray(0, 4).toString()).toBe('%PDF');
    await docTab.close();
    await tab.close();
  });

  test('a stage change queues the client e-mail on the card; Send now on the card sends it', async () => {
    const frame = await details(dealId);
    const version = pg.addon.api_getDeal(dealId).card.version;
    expect(pg.addon.api_moveDeal(dealId, 'in_work', 0, version).ok).toBe(true);
    await frame.press('body', 'Escape');
    await details(dealId);
    await frame.waitForSelector('[data-testid="outbox"] [data-status="queued"]');
    expect(await frame.innerText('[data-testid="outbox"]')).toMatch(/Queued · .*has started/);
    await frame.locator('[data-testid="outbox"]').scrollIntoViewIfNeeded();
    await screenshot(page, 'mail-card-outbox');
    await frame.click('[data-testid="outbox-send-now"]');
    await until('the stage e-mail sent', () => pg.workspace.mail.sent().some((m: any) => /has started/.test(m.subject)));
    await frame.waitForSelector('[data-testid="outbox"] .status-sent >> text=has started');
    expect(rows(pg, 'Outbox').filter((r) => r.Status === 'sent').length).toBeGreaterThanOrEqual(2);
    expect(session.pageErrors).toEqual([]);
  });
});
