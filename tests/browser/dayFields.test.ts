// Issue 21, item 8: every day field is typed in the spreadsheet's locale (the playground is en_US:
// MM/DD/YYYY), like the payment date, not in a browser date picker that follows the browser's
// locale. The server still receives yyyy-MM-dd; an unreadable day is refused in the sidebar and
// nothing is sent. (Trip days: trips.test.ts; payment dates: payments.test.ts.) Date-and-time
// fields (next contact, call back) follow the same rule, at wall-clock time in the spreadsheet's
// zone: the last test switches the workbook to de_DE (en_US forms: today, board, trust tests).
// Run: npm run build && npx jest --runInBand tests/browser/dayFields.test.ts
import type { Frame } from 'playwright-core';
import { browserSuiteEnabled, frameOf, screenshotOf } from './harness';
import { dateTimeInputText } from '../../src/domain/kernel/dateTimeInput';
import { ANNA, OWNER, openAsAnna, setSetting } from './managerSetup';
import { actAs, menu, until } from './sheet';

const enabled = browserSuiteEnabled('Day fields browser tests');
const suite = enabled ? describe : describe.skip;

type Any = any; // eslint-disable-line @typescript-eslint/no-explicit-any

async function expectLocaleField(frame: Frame, selector: string, shown: string): Promise<void> {
  expect(await frame.getAttribute(selector, 'type')).toBe('text');
  expect(await frame.getAttribute(selector, 'placeholder')).toBe('MM/DD/YYYY');
  expect(await frame.inputValue(selector)).toBe(shown);
}

async function bannerText(frame: Frame): Promise<string> {
  const banner = frame.locator('[data-testid="banner"]');
  await banner.waitFor({ state: 'visible', timeout: 15000 });
  return banner.innerText();
}

suite('day fields in the spreadsheet\'s locale (issue 21, item 8)', () => {
  const session = openAsAnna('2026-11-30T08:00:00Z');

  test('expected close, a plan\'s start, a checkpoint\'s due day and a new checkpoint', async () => {
    const { pg, pageErrors } = session;
    pg.workspace.setUser(ANNA);
    const deal = pg.addon.api_getBoard({ scope: 'mine' }).columns
      .reduce((all: Any[], c: Any) => all.concat(c.cards), [])
      .find((c: Any) => c.editable && pg.addon.api_getDeal(c.id).checkpoints.length === 0);
    const stored = () => { pg.workspace.setUser(ANNA); return pg.addon.api_getDeal(deal.id); };
    const frame = await session.sidebar();
    await frame.click(`[data-testid="card-${deal.id}"] [data-testid="card-title"]`);
    const close = '[data-testid="details-expected-close"]';
    await frame.waitForSelector(close, { timeout: 15000 });
    await expectLocaleField(frame, close, deal.expectedClose ? `${deal.expectedClose.slice(5, 7)}/${deal.expectedClose.slice(8, 10)}/${deal.expectedClose.slice(0, 4)}` : '');

    // An unreadable day is refused before anything is sent.
    await frame.fill(close, '20.12.2026');
    await frame.click('[data-testid="details-save"]');
    expect(await bannerText(frame)).toBe('The expected close "20.12.2026" is not a real date: type it as MM/DD/YYYY.');
    expect(await frame.getAttribute(close, 'aria-invalid')).toBe('true');
    expect(stored().card.expectedClose).toBe(deal.expectedClose);
    await frame.fill(close, '12/20/2026');
    await frame.click('[data-testid="details-save"]');
    await until('the expected close saved', () => stored().card.expectedClose === '2026-12-20');

    // Start from a plan: the start day is typed as the locale writes it.
    const start = '[data-testid="apply-plan-start"]';
    await frame.waitForSelector(start, { timeout: 15000 });
    await expectLocaleField(frame, start, '11/30/2026');
    await frame.fill(start, '12/01/2026');
    await frame.click('[data-testid="apply-plan"] button[type="submit"]');
    await until('the plan applied', () => stored().checkpoints.length > 0);
    const design = stored().checkpoints.find((c: Any) => c.name === 'Design done');
    expect(design.due).toBe('2026-12-11'); // "Design done" is 10 days after the start

    // A checkpoint's due day: shown and typed in the locale, refused when unreadable.
    const due = `[data-testid="checkpoint-due-${design.id}"]`;
    await frame.waitForSelector(due, { timeout: 15000 });
    await expectLocaleField(frame, due, '12/11/2026');
    await frame.fill(due, '12/32/2026');
    await frame.press(due, 'Tab');
    expect(await bannerText(frame)).toBe('The due day "12/32/2026" is not a real date: type it as MM/DD/YYYY.');
    expect(stored().checkpoints.find((c: Any) => c.id === design.id).due).toBe('2026-12-11');
    await frame.fill(due, '12/14/2026');
    await frame.press(due, 'Tab');
    await until('the due day moved', () => stored().checkpoints.find((c: Any) => c.id === design.id).due === '2026-12-14');
    await frame.waitForFunction((sel) => (document.querySelector(sel) as HTMLInputElement | null)?.value === '12/14/2026', due, { timeout: 15000 });

    // A new checkpoint with its due day.
    await expectLocaleField(frame, '[data-testid="checkpoint-add-due"]', '');
    await frame.fill('[data-testid="checkpoint-add-name"]', 'Print check');
    await frame.fill('[data-testid="checkpoint-add-due"]', '12/28/2026');
    await frame.click('[data-testid="checkpoint-add"] button[type="submit"]');
    await until('the checkpoint added', () => stored().checkpoints.some((c: Any) => c.name === 'Print check' && c.due === '2026-12-28'));
    await frame.waitForFunction(() => Array.from(document.querySelectorAll<HTMLInputElement>('[data-testid="checkpoints"] .cp-due')).some((el) => el.value === '12/28/2026'), undefined, { timeout: 15000 });
    await frame.locator('[data-testid="checkpoints"]').scrollIntoViewIfNeeded();
    await screenshotOf(session.page.locator('[data-testid="sidebar-frame"]'), 'day-fields-checkpoints');
    expect(pageErrors).toEqual([]);
  }, 120000);

  test('the dashboard\'s custom period', async () => {
    const { pg, page, pageErrors } = session;
    await actAs(page, pg, OWNER);
    await menu(page, 'openDashboard');
    const frame = await frameOf(page, 'dialog-frame');
    await frame.waitForSelector('[data-testid="dashboard"] .dash-section', { timeout: 20000 });
    await frame.selectOption('[data-testid="dash-period"]', 'custom');
    await expectLocaleField(frame, '[data-testid="dash-from"]', '');
    await frame.fill('[data-testid="dash-from"]', '11/2026');
    await frame.press('[data-testid="dash-from"]', 'Tab');
    expect(await bannerText(frame)).toBe('The first day "11/2026" is not a date: type it as MM/DD/YYYY.');
    await frame.fill('[data-testid="dash-from"]', '11/02/2026');
    await frame.press('[data-testid="dash-from"]', 'Tab');
    await frame.fill('[data-testid="dash-to"]', '11/15/2026');
    await frame.press('[data-testid="dash-to"]', 'Tab');
    await frame.waitForFunction(() => (document.querySelector('.dash-period') || { textContent: '' }).textContent!.indexOf('2026-11-02 – 2026-11-15') >= 0, undefined, { timeout: 20000 });
    expect(pageErrors).toEqual([]);
  }, 120000);

  test('a de_DE workbook: the card\'s next contact reads and saves DD.MM.YYYY hh:mm in Berlin time, the browser in New York', async () => {
    const { pg, page, pageErrors } = session;
    // The owner switches the spreadsheet to German (File › Settings); retyping a setting makes the
    // add-on read its settings again (the locale is kept with them).
    const relocate = (locale: string) => {
      pg.workspace.model.locale = locale;
      pg.workspace.setUser(OWNER);
      const currency = (pg.workspace.readSheet('Settings').values as unknown[][]).find((r) => r[0] === 'currency')![1];
      setSetting(pg, 'currency', String(currency));
      pg.workspace.setUser(ANNA);
    };
    relocate('de_DE');
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Emulation.setTimezoneOverride', { timezoneId: 'America/New_York' });
    try {
      await page.reload();
      await page.waitForSelector('[data-testid="cell-2-1"]');
      await actAs(page, pg, ANNA);
      expect(pg.addon.api_getBoard({ scope: 'mine' }).locale).toBe('de_DE');
      const deal = pg.addon.api_getBoard({ scope: 'mine' }).columns
        .reduce((all: Any[], c: Any) => all.concat(c.cards), [])
        .find((c: Any) => c.editable && c.nextContactAt);
      const stored = () => { pg.workspace.setUser(ANNA); return pg.addon.api_getDeal(deal.id).card; };
      const frame = await session.sidebar();
      expect(await frame.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone)).toBe('America/New_York');
      await frame.click(`[data-testid="card-${deal.id}"] [data-testid="card-title"]`);
      const next = '[data-testid="details-next-contact"]';
      await frame.waitForSelector(next, { timeout: 15000 });
      expect(await frame.getAttribute(next, 'type')).toBe('text');
      expect(await frame.getAttribute(next, 'placeholder')).toBe('DD.MM.YYYY hh:mm');
      const shown = await frame.inputValue(next);
      expect(shown).toMatch(/^\d\d\.\d\d\.\d{4} \d\d:\d\d$/);
      expect(shown).toBe(dateTimeInputText(deal.nextContactAt, 'de_DE', 'Europe/Berlin'));

      // A time the field cannot read is refused before anything is sent.
      await frame.fill(next, '12/24/2026 11:00 AM');
      await frame.click('[data-testid="details-save"]');
      expect(await bannerText(frame)).toBe('The next contact "12/24/2026 11:00 AM" is not a real date: type it as DD.MM.YYYY hh:mm.');
      expect(await frame.getAttribute(next, 'aria-invalid')).toBe('true');
      expect(stored().nextContactAt).toBe(deal.nextContactAt);

      // 11:00 typed is 11:00 in Berlin (10:00 UTC), not in New York.
      await frame.fill(next, '04.12.2026 11:00');
      await frame.click('[data-testid="details-save"]');
      await until('the next contact saved', () => stored().nextContactAt === '2026-12-04T10:00:00.000Z');
      await frame.waitForFunction((sel) => (document.querySelector(sel) as HTMLInputElement | null)?.value === '04.12.2026 11:00', next, { timeout: 15000 });
      // The field fits the 300 px sidebar: nothing typed is cut off.
      expect(await frame.evaluate(() => document.documentElement.clientWidth)).toBeLessThanOrEqual(300);
      expect(await frame.$eval(next, (el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0);
      await frame.locator(next).scrollIntoViewIfNeeded();
      await screenshotOf(session.page.locator('[data-testid="sidebar-frame"]'), 'date-time-fields-next-contact-de');
      expect(pageErrors).toEqual([]);
    } finally {
      await cdp.send('Emulation.setTimezoneOverride', { timezoneId: '' });
      relocate('en_US');
    }
  }, 120000);
});
