// Issue 21, item 4: a stale card never discards typing. A head changes the deal while Olga types
// on its open card; Save keeps her note (a field the head did not touch) and shows the title both
// changed side by side; "Keep mine" saves her title over the head's.
// Run: npm run build && npx jest --runInBand tests/browser/staleCard.test.ts
import { browserSuiteEnabled, frameOf, openPlayground, screenshot } from './harness';
import { menu, rowById, until } from './sheet';

const enabled = browserSuiteEnabled('Stale card browser tests');
const suite = enabled ? describe : describe.skip;

suite('a stale card keeps what was typed (issue 21, item 4)', () => {
  const session = openPlayground({ now: '2026-12-01T08:00:00Z' });

  test('Save merges with the head\'s change and offers the clashing field side by side', async () => {
    const { pg, page, pageErrors } = session;
    await menu(page, 'openBoard');
    const frame = await frameOf(page, 'sidebar-frame');
    await frame.waitForSelector('[data-testid="column-new"] .card[data-editable="true"]', { timeout: 15000 });
    const dealId = await frame.$eval('[data-testid="column-new"] .card[data-editable="true"]', (el) => el.getAttribute('data-id') || '');
    await frame.click(`[data-testid="card-${dealId}"] [data-testid="card-title"]`);
    const title = frame.locator('[data-testid="details"] .details-form input[type="text"]').first();
    const notes = frame.locator('[data-testid="details"] .details-form textarea');
    await notes.waitFor();
    await title.fill('Olga\'s title');
    await notes.fill('Client wants the print samples');

    // Meanwhile the head renames the deal and sets its forecast (straight through the add-on).
    const ws = pg.workspace;
    const read = pg.addon.api_getDeal(dealId);
    ws.setUser('head@studio.test');
    pg.addon.api_updateDeal(dealId, { title: 'Head\'s title', forecast: 'red' }, read.card.version);
    ws.setUser('owner@studio.test');

    await frame.click('[data-testid="details-save"]');
    const note = frame.locator('[data-testid="merge-note"]');
    await note.waitFor({ timeout: 15000 });
    await until('the note saved', () => rowById(pg, 'Deals', dealId)!.Notes === 'Client wants the print samples');
    const row = rowById(pg, 'Deals', dealId)!;
    expect(row.Title).toBe('Head\'s title');
    expect(row.Forecast).toBe('red');
    expect(await note.innerText()).toContain('Henrik Head changed it');
    const clash = frame.locator('[data-testid="merge-title"]');
    expect(await clash.locator('[data-testid="merge-theirs"]').innerText()).toBe('Head\'s title');
    expect(await clash.locator('[data-testid="merge-yours"]').innerText()).toBe('Olga\'s title');
    // The refreshed form shows what is stored now, the note included.
    await frame.waitForFunction(() => {
      const t = document.querySelector('[data-testid="details"] .details-form textarea') as HTMLTextAreaElement | null;
      return !!t && t.value === 'Client wants the print samples';
    });
    await screenshot(page, 'card-merge-conflict');

    await clash.locator('[data-testid="merge-keep-mine"]').click();
    await until('her title saved', () => rowById(pg, 'Deals', dealId)!.Title === 'Olga\'s title');
    await note.waitFor({ state: 'detached' });
    await frame.waitForFunction(() => {
      const t = document.querySelector('[data-testid="details"] .details-form input[type="text"]') as HTMLInputElement | null;
      return !!t && t.value === 'Olga\'s title';
    });
    expect(pageErrors).toEqual([]);
  }, 120000);
});
