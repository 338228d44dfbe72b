// The brief by link in Chromium (issue 25): from the inbox Anna sends the brief to a new request
// in one click; the client opens the e-mail in the playground's /mail view, follows the link and
// answers the questionnaire; back on the card, "Check answers now" shows the answers, and "Start
// quote from brief" fills the calculator.
// Run: npm run build && npx jest --runInBand tests/browser/brief.test.ts
import type { Frame, Page } from 'playwright-core';
import { RunningBrowser, RunningPlayground, browserSuiteEnabled, frameOf, openPlayground, screenshot } from './harness';
import { actAs, menu, rows, until } from './sheet';

const enabled = browserSuiteEnabled('Brief browser tests');
const suite = enabled ? describe : describe.skip;
const ANNA = 'anna@studio.test';

suite('the brief by link in Chromium', () => {
  const session = openPlayground({ now: '2026-12-01T08:00:00Z' });
  let pg: RunningPlayground;
  let browser: RunningBrowser;
  let page: Page;

  beforeAll(() => {
    ({ pg, browser, page } = session);
  });

  async function sidebar(): Promise<Frame> {
    if (!(await page.locator('[data-testid="sidebar-frame"]').isVisible())) await menu(page, 'openBoard');
    const frame = await frameOf(page, 'sidebar-frame');
    await frame.waitForSelector('[data-testid="board"] .card', { timeout: 15000 });
    return frame;
  }

  test('send from the inbox, answer as the client from /mail, check answers, start the quote', async () => {
    await actAs(page, pg, ANNA);
    const frame = await sidebar();
    await frame.click('[data-testid="inbox-button"]');
    const button = frame.locator('[data-testid="inbox"] [data-testid^="brief-L"]').first();
    await button.waitFor({ timeout: 15000 });
    await button.click();
    await until('the brief sent', () => rows(pg, 'Brief forms').some((r) => r.Status === 'sent'));
    const dealId = String(rows(pg, 'Brief forms').find((r) => r.Status === 'sent')!['Deal ID']);
    expect(pg.workspace.forms.listForms()).toHaveLength(1);
    await until('the e-mail sent', () => pg.workspace.mail.sent().length === 1);

    // The client: the mail view, the link, the questionnaire.
    const tab = await browser.context.newPage();
    await tab.goto(`${pg.url.replace(/\/$/, '')}/mail`);
    await tab.click('[data-testid="mail-open"]');
    const text = await tab.locator('[data-testid="mail-text"]').innerText();
    const link = /(http\S+\/viewform)/.exec(text)![1];
    await tab.goto(link);
    await tab.fill('[data-testid="form-q0"]', 'We sell flowers =1+1 <b>online</b>');
    await tab.fill('[data-testid="form-q3"]', '6');
    await tab.fill('[data-testid="form-q6"]', '12000');
    await tab.click('[data-testid="form-submit"]');
    await tab.waitForSelector('[data-testid="form-done"]');
    expect(pg.workspace.forms.responsesOf(pg.workspace.forms.listForms()[0].formId)).toHaveLength(1);
    await tab.close();

    // Anna: the card, Check answers now, Start quote from brief.
    await frame.waitForSelector(`[data-testid="card-${dealId}"]`, { timeout: 15000 });
    if (await frame.locator('[data-testid="details"]').isVisible()) await frame.press('body', 'Escape');
    await frame.click(`[data-testid="card-${dealId}"] [data-testid="card-title"]`);
    const status = frame.locator('[data-testid="brief-status"]').first();
    await status.waitFor({ timeout: 15000 });
    expect(await status.innerText()).toBe('Brief sent · not answered');
    await frame.locator('[data-testid="brief-check"]').first().click();
    await frame.locator('[data-testid="brief-answers"]').first().waitFor({ timeout: 15000 });
    expect(await frame.locator('[data-testid="brief-answer-0"] dd').innerText()).toBe('We sell flowers =1+1 <b>online</b>');
    expect(await frame.locator('[data-testid="brief-proposal-budget"]').innerText()).toMatch(/Budget from the brief: €12,000\.00 — apply\?/);

    // Today tells Anna the brief was answered (issue 25: the answer reaches the manager); then back to the card.
    await frame.press('body', 'Escape');
    await frame.click('[data-testid="today-button"]');
    const answered = frame.locator(`[data-testid="today-briefs"] [data-testid="today-brief-${dealId}"]`);
    await answered.waitFor({ timeout: 15000 });
    expect(await answered.innerText()).toMatch(/answered /);
    await frame.click('[data-testid="board-button"]');
    await frame.click(`[data-testid="card-${dealId}"] [data-testid="card-title"]`);
    await frame.locator('[data-testid="brief-answers"]').first().waitFor({ timeout: 15000 });
    await frame.locator('[data-testid="quote"] [data-testid="quote-save"]').first().waitFor({ timeout: 15000 });
    await frame.locator('[data-testid="brief-quote"]').first().click();
    await frame.locator('[data-testid="quote-line-0"]').first().waitFor({ timeout: 15000 });
    expect(await frame.locator('[data-testid="quote-qty-0"]').inputValue()).toBe('6');
    await screenshot(page, 'brief-quote-started');
    expect(session.pageErrors).toEqual([]);
  });
});
