// Moves a person can trust (issue 21, item 2): a card lands only where the pointer is — a
// folded column opens under the pointer and its gate answers, a drop between columns moves
// nothing — and every move can be taken back for a minute from the toast.
// Run: npm run build && npx jest --runInBand tests/browser/moves.test.ts
import type { Page } from 'playwright-core';
import { RunningPlayground, browserSuiteEnabled, openPlayground } from './harness';
import { activitiesOf, cardIdsIn, closeDialog as closeDialogOf, drag, openFullBoard, rowById, rows, until } from './sheet';

const enabled = browserSuiteEnabled('Move browser tests');
const suite = enabled ? describe : describe.skip;

suite('moves on the full board', () => {
  const session = openPlayground({ now: '2026-12-01T08:00:00Z' });
  let pg: RunningPlayground;
  let page: Page;

  beforeAll(() => {
    ({ pg, page } = session);
  });

  const fullBoard = () => openFullBoard(page);
  const closeDialog = () => closeDialogOf(page);

  test('a card dragged onto the folded Completed strip opens it and gets the gate\'s sentence; it never lands in Frozen', async () => {
    const frame = await fullBoard();
    expect(await frame.getAttribute('[data-testid="column-completed"]', 'class')).toContain('collapsed');
    const gated = new Set(rows(pg, 'Checkpoints').filter((c) => c['Gates stage'] === 'Completed' && !c['Done at']).map((c) => String(c['Deal ID'])));
    const editable = await frame.$$eval('[data-testid="column-in_work"] .card[data-editable="true"]', (els) => els.map((e) => e.getAttribute('data-id') || ''));
    const dealId = editable.find((id) => gated.has(id))!;
    expect(dealId).toBeTruthy();
    const before = rowById(pg, 'Deals', dealId)!;

    await drag(page, frame.locator(`[data-testid="card-${dealId}"] .card-who`), frame.locator('[data-testid="column-completed"] .column-head'), 'middle');

    const note = frame.locator(`[data-testid="card-${dealId}"] [data-testid="card-reasons"]`);
    await note.waitFor();
    expect(await note.innerText()).toContain('Finish first:');
    expect(await cardIdsIn(frame, 'frozen')).not.toContain(dealId);
    expect(await cardIdsIn(frame, 'in_work')).toContain(dealId);
    const after = rowById(pg, 'Deals', dealId)!;
    expect(after.Stage).toBe('Transferred to work');
    expect(after.Version).toBe(before.Version);
    await closeDialog();
  });

  test('a move can be undone from the toast: the deal is back in New with its days in stage', async () => {
    const frame = await fullBoard();
    const dealId = (await frame.$$eval('[data-testid="column-new"] .card[data-editable="true"]', (els) => els.map((e) => e.getAttribute('data-id') || '')))[0];
    const before = rowById(pg, 'Deals', dealId)!;
    const negotiation = await cardIdsIn(frame, 'negotiation');
    await drag(page, frame.locator(`[data-testid="card-${dealId}"] .card-who`), frame.locator(`[data-testid="column-negotiation"] .card[data-id="${negotiation[0]}"]`), 'top');
    await until('the Deals row in Negotiation', () => rowById(pg, 'Deals', dealId)!.Stage === 'Negotiation');

    await frame.click('[data-testid="undo-move"]');
    await until('the Deals row back in New', () => rowById(pg, 'Deals', dealId)!.Stage === 'New');
    await frame.waitForSelector(`[data-testid="column-new"] [data-testid="card-${dealId}"]`);
    expect(await frame.locator('[data-testid="banner"]').innerText()).toContain('Moved back to New');
    const after = rowById(pg, 'Deals', dealId)!;
    expect(String(after['Stage since'])).toBe(String(before['Stage since']));
    const audits = activitiesOf(pg, dealId);
    expect(String(audits[audits.length - 1].Summary)).toContain('(move undone)');
    await closeDialog();
  });
});
