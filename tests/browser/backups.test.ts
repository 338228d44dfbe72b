// Issue 24: the owner opens Backups, backs up, a deal's row is deleted by hand, and the owner
// restores just that deal after reading the diff.
// Run: npm run build && npx jest --runInBand tests/browser/backups.test.ts
import type { Page } from 'playwright-core';
import { RunningPlayground, browserSuiteEnabled, frameOf, openPlayground, screenshotOf } from './harness';
import { actAs, menu, rows, until } from './sheet';

const enabled = browserSuiteEnabled('Backups browser tests');
const suite = enabled ? describe : describe.skip;

suite('backups in Chromium', () => {
  const session = openPlayground({ now: '2026-11-23T08:00:00Z' });
  let pg: RunningPlayground;
  let page: Page;

  beforeAll(() => {
    ({ pg, page } = session);
  });

  test('owner: Back up now, then restore one deleted deal from the diff', async () => {
    await actAs(page, pg, 'owner@studio.test');
    await menu(page, 'openBackups');
    const frame = await frameOf(page, 'sidebar-frame');
    await frame.waitForSelector('[data-testid="backups"]:not([hidden]) [data-testid="backup-now"]', { timeout: 20000 });
    await frame.click('[data-testid="backup-now"]');
    await frame.waitForSelector('[data-testid="backup-item"]', { timeout: 30000 });
    expect(await frame.locator('[data-testid="backup-item"]').count()).toBe(1);

    // A deal deleted by hand from the Deals tab.
    const deal = rows(pg, 'Deals')[3];
    const dealId = String(deal.ID);
    pg.workspace.execute(() => {
      const sheet = pg.workspace.globals.SpreadsheetApp.getActive().getSheetByName('Deals');
      sheet.deleteRow(5);
    });
    expect(rows(pg, 'Deals').some((d) => d.ID === dealId)).toBe(false);

    await frame.click('[data-testid="backup-restore"]');
    await frame.selectOption('[data-testid="restore-kind"]', 'deal');
    await frame.fill('[data-testid="restore-deal"]', dealId);
    await frame.click('[data-testid="restore-preview"]');
    await frame.waitForSelector('[data-testid="diff-back"]', { timeout: 30000 });
    expect(await frame.locator('[data-testid="diff-back"]').first().textContent()).toContain(dealId);
    await screenshotOf(page.locator('[data-testid="sidebar-frame"]'), 'backups-restore-diff');
    await frame.click('[data-testid="restore-apply"]');
    await frame.waitForFunction(() => /Restored \d+ rows/.test((document.querySelector('[data-testid="backup-notice"]') || { textContent: '' }).textContent || ''), null, { timeout: 30000 });
    await until('the deal is back', () => rows(pg, 'Deals').some((d) => d.ID === dealId && d.Title === deal.Title));
    // Two backups now: the one restored from and the one made before restoring.
    await frame.waitForFunction(() => document.querySelectorAll('[data-testid="backup-item"]').length === 2, null, { timeout: 20000 });
    expect(session.pageErrors).toEqual([]);
  }, 180000);
});
