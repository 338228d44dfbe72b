// Issue 23: a checkpoint whose responsible is a role several people hold waits for a person.
// In Debian's Chromium the owner sees the "Unassigned" badge on the desk (the team view), opens
// the deal, picks Eva with the picker on the checkpoint, and the badge is gone from the card and
// the desk; the sheet holds Eva's address, so her tick is credited to her.
// Run: npm run build && npx jest --runInBand tests/browser/unassigned.test.ts
import type { Frame, Page } from 'playwright-core';
import { RunningPlayground, browserSuiteEnabled, frameOf, openPlayground } from './harness';
import { actAs, menu, rowById, rows, until } from './sheet';

const enabled = browserSuiteEnabled('Unassigned checkpoint browser tests');
const suite = enabled ? describe : describe.skip;

const NOW = '2026-12-01T08:00:00Z';

suite('an unassigned checkpoint in Chromium', () => {
  const session = openPlayground({ now: NOW });
  let pg: RunningPlayground;
  let page: Page;

  beforeAll(() => {
    ({ pg, page } = session);
  });

  test('the owner sees the badge on the desk, picks a person on the card, and the badge goes', async () => {
    await actAs(page, pg, 'owner@studio.test');
    // A live deal gets a checkpoint for "executor" (a role word, as a plan step leaves it when
    // several people could do it); due long ago, so it is the deal's nearest open checkpoint.
    const deal = rows(pg, 'Deals').find((d) => d.Stage === 'Negotiation' && d.Manager === 'anna@studio.test')!;
    const dealId = String(deal.ID);
    pg.addon.api_saveCheckpoint({ dealId, name: 'Print run ordered', due: '2026-11-02', responsible: 'executor' });
    const cp = rows(pg, 'Checkpoints').find((c) => c['Deal ID'] === dealId && c.Checkpoint === 'Print run ordered')!;
    const cpId = String(cp.ID);
    expect(cp.Responsible).toBe('executor');

    await menu(page, 'openBoard');
    const frame: Frame = await frameOf(page, 'sidebar-frame');
    await frame.waitForSelector('[data-testid="board"] .card', { timeout: 20000 });
    await frame.click('[data-testid="desk-button"]');
    const item = frame.locator(`[data-testid="desk-item-${dealId}"]`);
    await item.waitFor({ timeout: 20000 });
    const badge = frame.locator(`[data-testid="desk-unassigned-${cpId}"]`);
    await badge.waitFor();
    expect(await badge.innerText()).toContain('Unassigned');

    // The deal's card: the checkpoint offers the executors to pick from.
    await item.locator('.card-title').click();
    const pick = frame.locator(`[data-testid="checkpoint-pick-${cpId}"]`);
    await pick.waitFor({ timeout: 20000 });
    const offered = await pick.locator('option').evaluateAll((els) => els.map((e) => (e as HTMLOptionElement).value).filter(Boolean));
    expect(offered).toContain('eva@studio.test');
    await pick.selectOption('eva@studio.test');

    await until('Eva is responsible in the sheet', () => rowById(pg, 'Checkpoints', cpId)!.Responsible === 'eva@studio.test', 15000);
    await pick.waitFor({ state: 'detached', timeout: 45000 });
    const row = frame.locator(`[data-testid="checkpoint-${cpId}"]`);
    await row.locator('.cp-who').waitFor();
    expect(await row.innerText()).toContain('Eva');
    expect(await row.locator('.unassigned').count()).toBe(0);

    // Back on the desk (the card closed; the desk reloaded when the checkpoint changed) the
    // deal's nearest checkpoint names no role any more.
    await frame.press('body', 'Escape');
    await frame.waitForSelector('[data-testid="details"]', { state: 'hidden', timeout: 15000 });
    await frame.locator(`[data-testid="desk-item-${dealId}"]`).waitFor({ timeout: 20000 });
    await frame.waitForFunction((id) => !document.querySelector(`[data-testid="desk-unassigned-${id}"]`), cpId, { timeout: 15000 });
    expect(await frame.locator(`[data-testid="desk-item-${dealId}"]`).innerText()).toContain('Print run ordered');
    expect(session.pageErrors).toEqual([]);
  }, 180000);
});
