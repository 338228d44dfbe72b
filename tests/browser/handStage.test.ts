// Issue 11, item 7 as a person meets it: a stage typed by hand in the grid that the add-on
// refuses ("won") leaves the card where it was, marked; "Go to the cell" selects the cell in the
// grid, and "Put it back" writes the accepted stage's name back, from the card or the problem list.
// Run: npm run build && npx jest --runInBand tests/browser/handStage.test.ts
import type { Frame, Page } from 'playwright-core';
import { RunningPlayground, browserSuiteEnabled, frameOf, openPlayground, screenshotOf } from './harness';
import { gridCell, menu, rowById, rows, showTab, until } from './sheet';

const enabled = browserSuiteEnabled('Hand-typed stage browser tests');
const suite = enabled ? describe : describe.skip;

suite('a refused stage typed in the grid (issue 11, item 7)', () => {
  const session = openPlayground({ now: '2026-12-01T08:00:00Z' });
  let pg: RunningPlayground;
  let page: Page;
  const pageErrors = session.pageErrors;

  beforeAll(() => { ({ pg, page } = session); });

  async function sidebar(): Promise<Frame> {
    if (!(await page.locator('[data-testid="sidebar-frame"]').isVisible())) await menu(page, 'openBoard');
    const frame = await frameOf(page, 'sidebar-frame');
    await frame.waitForSelector('[data-testid="column-in_work"] .card', { timeout: 15000 });
    return frame;
  }

  /** Types into a Deals cell as a person does: double-click, type, Enter. */
  async function typeStage(dealId: string, value: string): Promise<{ row: number; col: number }> {
    await showTab(page, 'Deals');
    const values = pg.workspace.readSheet('Deals').values as unknown[][];
    const row = values.findIndex((r) => r[0] === dealId) + 1;
    const col = (values[0] as string[]).indexOf('Stage') + 1;
    const cell = page.locator(`[data-testid="cell-${row}-${col}"]`);
    await cell.scrollIntoViewIfNeeded();
    await cell.dblclick();
    await page.fill('[data-testid="cell-editor"]', value);
    await page.press('[data-testid="cell-editor"]', 'Enter');
    await until(`the cell to hold ${value}`, () => rowById(pg, 'Deals', dealId)!.Stage === value);
    return { row, col };
  }

  const inWork = () => rows(pg, 'Deals').filter((d) => d.Stage === 'Transferred to work').map((d) => String(d.ID));

  test('"won" typed in the grid: the card stays in Transferred to work with a note; Go to the cell and Put it back', async () => {
    let frame = await sidebar();
    const shown = await frame.$$eval('[data-testid="column-in_work"] .card[data-editable="true"]', (els) => els.map((e) => e.getAttribute('data-id') || ''));
    const dealId = shown.filter((id) => inWork().indexOf(id) >= 0)[0];
    expect(dealId).toBeTruthy();
    const at = await typeStage(dealId, 'won');

    await frame.click('[aria-label="Refresh the board"]');
    frame = await sidebar();
    const note = frame.locator(`[data-testid="column-in_work"] [data-testid="card-${dealId}"] [data-testid="card-stage-problem"]`);
    await note.waitFor({ timeout: 15000 });
    expect(await note.innerText()).toContain('The sheet says “won”');
    await note.scrollIntoViewIfNeeded();
    await screenshotOf(page.locator('#sidebar'), 'sidebar-stage-problem');

    // Go to the cell: the grid selects it (the name box reads its address).
    await showTab(page, 'Clients');
    await note.locator('[data-testid="card-go-to-cell"]').click();
    await page.waitForFunction(([r, c]) => {
      const td = document.querySelector(`[data-testid="cell-${r}-${c}"]`);
      return !!td && td.classList.contains('sel') && document.title.startsWith('Deals ·');
    }, [at.row, at.col] as const, { timeout: 10000 });

    // Put it back: the name of the last accepted stage is written; the note goes.
    await note.locator('[data-testid="card-put-back"]').click();
    await until('the stage put back', () => rowById(pg, 'Deals', dealId)!.Stage === 'Transferred to work');
    await frame.waitForSelector(`[data-testid="card-${dealId}"] [data-testid="card-stage-problem"]`, { state: 'detached' });
    await gridCell(page, 'Deals', dealId, 'Stage', 'Transferred to work');
    expect(pageErrors).toEqual([]);
  });

  test('"completed" with payment open is not shown in Completed; the problem list puts it back', async () => {
    let frame = await sidebar();
    const shown = await frame.$$eval('[data-testid="column-in_work"] .card[data-editable="true"]', (els) => els.map((e) => e.getAttribute('data-id') || ''));
    const open = (id: string) => rows(pg, 'Checkpoints').some((c) => c['Deal ID'] === id && c['Gates stage'] === 'Completed' && !c['Done at']);
    const dealId = shown.filter((id) => inWork().indexOf(id) >= 0 && open(id))[0];
    expect(dealId).toBeTruthy();
    await typeStage(dealId, 'completed');
    await frame.click('[aria-label="Refresh the board"]');
    frame = await sidebar();
    await frame.waitForSelector(`[data-testid="column-in_work"] [data-testid="card-${dealId}"] [data-testid="card-stage-problem"]`, { timeout: 15000 });
    expect(await frame.locator(`[data-testid="column-completed"] [data-testid="card-${dealId}"]`).count()).toBe(0);

    await frame.click('.problems-toggle');
    const item = frame.locator('.problem-list li', { hasText: '“completed”' });
    await item.waitFor();
    expect(await item.locator('[data-testid="problem-put-back"]').innerText()).toBe('Put back “Transferred to work”');
    await item.locator('[data-testid="problem-put-back"]').click();
    await until('the stage put back', () => rowById(pg, 'Deals', dealId)!.Stage === 'Transferred to work');
    await frame.waitForSelector(`[data-testid="card-${dealId}"] [data-testid="card-stage-problem"]`, { state: 'detached' });
    expect(pageErrors).toEqual([]);
  });
});
