// Issue 24: what the yearly archives leave visible in the sidebar. The playground's demo gets
// older closings, the owner archives them, then opens a client's card: the archived orders are
// read only when asked for and list year, deal, amount, stage and closed date; the dashboard's
// yearly table still counts the archived deals in their year.
// Run: npm run build && npx jest --runInBand tests/browser/archive.test.ts
import type { Frame, Page } from 'playwright-core';
import { RunningPlayground, browserSuiteEnabled, frameOf, openPlayground, screenshotOf } from './harness';
import { actAs, menu, rows, type Row } from './sheet';
import { isDate, olderClosings } from '../integration/archiveFixture';

const enabled = browserSuiteEnabled('Archive browser tests');
const suite = enabled ? describe : describe.skip;

suite('yearly archives in Chromium', () => {
  const session = openPlayground({ now: '2026-11-23T08:00:00Z' });
  let pg: RunningPlayground;
  let page: Page;
  /** The deals as they were before archiving (the archived ones are gone from the tab after). */
  let before: Row[] = [];
  let archivedIds = new Set<string>();

  beforeAll(async () => {
    ({ pg, page } = session);
    await actAs(page, pg, 'owner@studio.test');
    olderClosings(pg.workspace);
    // Typed into Settings as a person would (the edit trigger drops the cached settings).
    const settings = pg.workspace.readSheet('Settings').values as unknown[][];
    const at = settings.findIndex((r) => r[0] === 'archive_after_months');
    expect(at).toBeGreaterThan(0);
    pg.workspace.editCell('Settings', at + 1, 2, '12');
    before = rows(pg, 'Deals');
    const moved = pg.addon.api_archiveNow();
    expect(moved.moved).toBeGreaterThan(5);
    const left = new Set(rows(pg, 'Deals').map((d) => String(d.ID)));
    archivedIds = new Set(before.map((d) => String(d.ID)).filter((id) => !left.has(id)));
    expect(archivedIds.size).toBe(moved.moved);
  }, 60000);

  async function clientCard(client: Row): Promise<Frame> {
    await menu(page, 'openClientBase');
    const frame = await frameOf(page, 'sidebar-frame');
    await frame.waitForSelector('[data-testid="clients"] [data-testid="client-search"]', { timeout: 15000 });
    await frame.fill('[data-testid="client-search"]', String(client.Name));
    await frame.locator(`[data-testid="client-hit-${client.ID}"]`).click();
    await frame.waitForSelector('[data-testid="client-card"] [data-testid="client-summary"]', { timeout: 15000 });
    return frame;
  }

  test('client card: archived orders are read on demand and list year, deal, amount, stage, closed date', async () => {
    const archived = before.filter((d) => archivedIds.has(String(d.ID)));
    const clientId = String(archived[0]['Client ID']);
    const client = rows(pg, 'Clients').find((c) => c.ID === clientId)!;
    const mine = archived.filter((d) => d['Client ID'] === clientId);

    const requestsBefore = pg.workspace.sheetsRest.stats.requests;
    const frame = await clientCard(client);
    // Opening the card reads no archive: the section only offers the button.
    await frame.waitForSelector('[data-testid="client-archived-show"]');
    expect(pg.workspace.sheetsRest.stats.requests).toBe(requestsBefore);
    expect(await frame.locator('[data-testid^="client-archived-D"]').count()).toBe(0);
    // The live orders no longer list the archived deals.
    for (const d of mine) expect(await frame.locator(`[data-testid="client-order-${d.ID}"]`).count()).toBe(0);

    await frame.click('[data-testid="client-archived-show"]');
    await frame.waitForSelector(`[data-testid="client-archived-${mine[0].ID}"]`, { timeout: 20000 });
    const items = frame.locator('[data-testid="client-archived"] li.client-order');
    expect(await items.count()).toBe(mine.length);
    // One read per year's archive book, nothing more.
    const years = new Set(archived.map((d) => (d['Closed at'] as Date).toISOString().slice(0, 4)));
    expect(pg.workspace.sheetsRest.stats.requests - requestsBefore).toBe(years.size);

    for (const d of mine) {
      const text = await frame.innerText(`[data-testid="client-archived-${d.ID}"]`);
      const closed = d['Closed at'] as Date;
      const localDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin', year: 'numeric', month: '2-digit', day: '2-digit' }).format(closed);
      expect(text).toContain(localDay.slice(0, 4));
      expect(text).toContain(String(d.Title));
      expect(text).toContain(String(d.Stage));
      expect(text).toContain(`closed ${localDay}`);
      const amount = Number(d.Amount) || Number(d.Budget);
      expect(text.replace(/[\s\u00a0\u202f.,]/g, '')).toContain(String(Math.round(amount)).replace(/\D/g, ''));
    }
    // Newest close first.
    const listed = await frame.$$eval('[data-testid="client-archived"] li.client-order', (els) => els.map((e) => (e.getAttribute('data-testid') || '').replace('client-archived-', '')));
    const order = mine.slice().sort((a, b) => (b['Closed at'] as Date).getTime() - (a['Closed at'] as Date).getTime()).map((d) => String(d.ID));
    expect(listed).toEqual(order);
    await frame.locator('[data-testid="client-archived"]').scrollIntoViewIfNeeded();
    await screenshotOf(page.locator('[data-testid="sidebar-frame"]'), 'archive-client-card');
    expect(session.pageErrors).toEqual([]);
  }, 120000);

  test('dashboard in the 300 px sidebar: closed deals by year, archived ones included', async () => {
    await menu(page, 'openBoard');
    const frame = await frameOf(page, 'sidebar-frame');
    await frame.waitForSelector('[data-testid="board"] .card', { timeout: 20000 });
    await frame.click('[data-testid="dashboard-button"]');
    await frame.waitForSelector('[data-testid="dash-years"] [data-testid="dash-year"]', { timeout: 20000 });

    // Expected from the deals as they were before archiving: year of close in the sheet's zone.
    const yearOf = (d: Row) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin', year: 'numeric' }).format(d['Closed at'] as Date);
    const closed = before.filter((d) => (d.Stage === 'Completed' || d.Stage === 'Failed') && isDate(d['Closed at']));
    const expected = Array.from(new Set(closed.map(yearOf))).sort().reverse().map((year) => {
      const of = closed.filter((d) => yearOf(d) === year);
      return {
        year,
        won: String(of.filter((d) => d.Stage === 'Completed').length),
        lost: String(of.filter((d) => d.Stage === 'Failed').length),
        archived: String(of.filter((d) => archivedIds.has(String(d.ID))).length),
      };
    });
    expect(expected.length).toBeGreaterThan(1);
    expect(expected.some((y) => y.archived !== '0')).toBe(true);
    const shown = await frame.$$eval('[data-testid="dash-year"]', (trs) => trs.map((tr) => {
      const cell = (id: string) => ((tr.querySelector(`[data-testid="${id}"]`) || { textContent: '' }).textContent || '').trim();
      return { year: tr.getAttribute('data-year') || '', won: cell('dash-year-won'), lost: cell('dash-year-lost'), archived: cell('dash-year-archived'), revenue: cell('dash-year-revenue') };
    }));
    expect(shown.map(({ revenue, ...rest }) => rest)).toEqual(expected);
    // A year with a won deal shows its revenue, a figure.
    for (const y of shown) if (y.won !== '0') expect(y.revenue).toMatch(/\d/);
    // It fits the sidebar: no sideways scrolling.
    const width = await frame.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
    expect(width.scroll).toBeLessThanOrEqual(width.client);
    await frame.locator('[data-testid="dash-years"]').scrollIntoViewIfNeeded();
    await screenshotOf(page.locator('[data-testid="sidebar-frame"]'), 'archive-dashboard-years');
    expect(session.pageErrors).toEqual([]);
  }, 120000);
});
