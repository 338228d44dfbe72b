// A move can be undone for a minute from the sidebar's toast (issue 21, item 2): the deal goes
// back to its stage with its "in stage since" and position, the stage e-mail the move queued is
// cancelled before it goes out, and only the mover, within the minute, with nothing changed since.
import { demoWorkspace, records, runFromClient } from './harness';

/* eslint-disable @typescript-eslint/no-explicit-any */
type Any = any;

function editable(addon: Any, stage: string): Any[] {
  return addon.api_getBoard({ scope: 'all' }).columns.find((c: Any) => c.key === stage).cards.filter((c: Any) => c.editable);
}

const dealRow = (ws: Any, id: string) => records(ws, 'Deals').find((d) => d.ID === id)!;

describe('api_undoMove', () => {
  test('puts the deal back exactly as it was, audited, and cancels the stage e-mail the move queued', () => {
    const { ws, addon } = demoWorkspace(80);
    const card = editable(addon, 'negotiation').find((c: Any) => c.email)!;
    const before = dealRow(ws, card.id);
    const moved = addon.api_moveDeal(card.id, 'in_work', 0, card.version);
    expect(moved.ok).toBe(true);
    expect(records(ws, 'Outbox').filter((m) => m['Deal ID'] === card.id).map((m) => m.Status)).toEqual(['queued']);

    ws.clock.advance(20 * 1000);
    const undone = addon.api_undoMove(card.id, moved.card.version);
    expect(undone.ok).toBe(true);
    expect(undone.card.stage).toBe('negotiation');
    expect(undone.message).toContain('Moved back to Negotiation');
    expect(undone.message).toContain('cancelled before it went out');
    const after = dealRow(ws, card.id);
    expect(after.Stage).toBe('Negotiation');
    expect((after['Stage since'] as Date).getTime()).toBe((before['Stage since'] as Date).getTime());
    expect(after.Position).toBe(before.Position);
    expect(after.Version).toBe((before.Version as number) + 2);
    expect(records(ws, 'Outbox').filter((m) => m['Deal ID'] === card.id).map((m) => m.Status)).toEqual(['cancelled']);
    expect(String(records(ws, 'Activities').pop()!.Summary)).toBe('Stage Transferred to work → Negotiation (move undone)');
    // Sending the outbox now sends nothing for this deal.
    addon.sendQueuedMailNow();
    expect(ws.mail.sent().filter((m: Any) => m.to.indexOf(card.email) >= 0)).toHaveLength(0);
  });

  test('undoes a move the transition rules would not allow backwards (New → Transferred to work)', () => {
    const { ws, addon } = demoWorkspace(80);
    const card = editable(addon, 'new')[0];
    const moved = addon.api_moveDeal(card.id, 'in_work', 0, card.version);
    expect(moved.ok).toBe(true);
    expect(addon.api_moveDeal(card.id, 'new', 0, moved.card.version).ok).toBe(false);
    const undone = addon.api_undoMove(card.id, moved.card.version);
    expect(undone.ok).toBe(true);
    expect(dealRow(ws, card.id).Stage).toBe('New');
  });

  test('refused after a minute, a second time, for a stale version, and for someone else', () => {
    const { ws, addon } = demoWorkspace(80, 'anna@studio.test');
    const [a, b, c] = editable(addon, 'new');
    const tooLate = /can no longer be undone/;

    const movedA = addon.api_moveDeal(a.id, 'negotiation', 0, a.version);
    ws.clock.advance(61 * 1000);
    expect(runFromClient(ws, addon, 'api_undoMove', [a.id, movedA.card.version]).error.message).toMatch(tooLate);
    expect(dealRow(ws, a.id).Stage).toBe('Negotiation');

    const movedB = addon.api_moveDeal(b.id, 'negotiation', 0, b.version);
    const undoneB = addon.api_undoMove(b.id, movedB.card.version);
    expect(runFromClient(ws, addon, 'api_undoMove', [b.id, undoneB.card.version]).error.message).toMatch(tooLate);

    const movedC = addon.api_moveDeal(c.id, 'negotiation', 0, c.version);
    const edited = addon.api_updateDeal(c.id, { notes: 'Called back' }, movedC.card.version);
    expect(runFromClient(ws, addon, 'api_undoMove', [c.id, movedC.card.version]).error.message).toMatch(/changed/);
    expect(runFromClient(ws, addon, 'api_undoMove', [c.id, edited.version]).error.message).toMatch(tooLate);

    const d = editable(addon, 'new')[0];
    const movedD = addon.api_moveDeal(d.id, 'negotiation', 0, d.version);
    ws.setUser('head@studio.test');
    expect(runFromClient(ws, addon, 'api_undoMove', [d.id, movedD.card.version]).error.message).toMatch(tooLate);
    expect(dealRow(ws, d.id).Stage).toBe('Negotiation');
  });
});
