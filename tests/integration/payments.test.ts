import { demoWorkspace, measure, records, runFromClient } from './harness';

const DAY = 86400000;

function wonDeal(addon: any, manager = 'anna@studio.test') {
  const board = addon.api_getBoard({ scope: 'all' });
  const card = board.columns.find((c: any) => c.key === 'negotiation').cards.find((c: any) => c.manager === manager && c.value > 0);
  const moved = addon.api_moveDeal(card.id, 'in_work', 0, card.version);
  expect(moved.ok).toBe(true);
  return moved.card;
}

const dealAmountMinor = (ws: any, dealId: string) => Math.round(Number(records(ws, 'Deals').find((d) => d.ID === dealId)!.Amount) * 100);

describe('payments from the card, through the bundle', () => {
  it('records a partial payment, edits it with a version check, deletes it; every step audited', () => {
    const { ws, addon } = demoWorkspace(80, 'anna@studio.test');
    const card = wonDeal(addon);
    const total = dealAmountMinor(ws, card.id);
    const first = addon.api_recordPayment({ dealId: card.id, amount: '100.50', method: 'bank transfer', date: '2026-11-24', note: '=HYPERLINK("x")' });
    expect(first.payment).toMatchObject({ amountMinor: 10050, method: 'bank transfer', date: '2026-11-24', version: 1 });
    expect(first.money).toMatchObject({ paidMinor: 10050, paidInFull: false, canRecord: true, currency: 'EUR' });
    expect(first.checkpointCompleted).toBeNull();
    const row = records(ws, 'Payments').find((p) => p.ID === first.payment.id)!;
    expect(row).toMatchObject({ 'Deal ID': card.id, Amount: 100.5, Method: 'bank transfer', Version: 1, 'Updated by': 'anna@studio.test' });
    // Text from the card never becomes a formula.
    expect(JSON.stringify(ws.readSheet('Payments').formulas || [])).not.toContain('HYPERLINK');
    expect(row.Note).toBe('=HYPERLINK("x")');
    expect(records(ws, 'Activities').pop()).toMatchObject({ Summary: 'Payment recorded: €100.50 by bank transfer on 2026-11-24', User: 'anna@studio.test', 'Deal ID': card.id });

    const changed = addon.api_updatePayment(card.id, first.payment.id, { amount: 200 }, 1);
    expect(changed.payment).toMatchObject({ amountMinor: 20000, version: 2 });
    expect(changed.money.paidMinor).toBe(20000);
    expect(records(ws, 'Activities').pop()!.Summary).toBe('Payment changed: €100.50 by bank transfer on 2026-11-24 → €200.00 by bank transfer on 2026-11-24');
    // A second tab still showing version 1 is refused.
    const stale = runFromClient(ws, addon, 'api_updatePayment', [card.id, first.payment.id, { amount: 300 }, 1]);
    expect(stale.ok).toBe(false);
    expect(stale.error.message).toMatch(/^You changed this payment .*your change was not saved/);

    const refund = addon.api_recordPayment({ dealId: card.id, amount: '-50', method: 'card' });
    expect(refund.money.paidMinor).toBe(15000);
    expect(records(ws, 'Activities').pop()!.Summary).toBe('Payment recorded: refund €50.00 by card on 2026-11-23');

    const gone = addon.api_deletePayment(card.id, first.payment.id, 2);
    expect(gone.payment).toBeNull();
    expect(gone.money.paidMinor).toBe(-5000);
    expect(records(ws, 'Payments').some((p) => p.ID === first.payment.id)).toBe(false);
    expect(records(ws, 'Activities').pop()!.Summary).toBe('Payment deleted: €200.00 by bank transfer on 2026-11-24');
    expect(addon.api_getDealMoney(card.id).payments.map((p: any) => p.amountMinor)).toEqual([-5000]);
    expect(total).toBeGreaterThan(0);
  });

  it('a payment sent again with its request id (a lost answer, a second click) is recorded once; a new request id records a new one (issue 20, item 12)', () => {
    const { ws, addon } = demoWorkspace(80, 'anna@studio.test');
    const card = wonDeal(addon);
    const typed = { dealId: card.id, amount: '25', method: 'cash', date: '2026-11-24' };
    const first = addon.api_recordPayment(typed, 'req-payment-0001');
    const again = addon.api_recordPayment(typed, 'req-payment-0001');
    expect(again.duplicate).toBe(true);
    expect(again.payment.id).toBe(first.payment.id);
    const ours = () => records(ws, 'Payments').filter((r) => r['Deal ID'] === card.id);
    expect(ours()).toHaveLength(1);
    addon.api_recordPayment(typed, 'req-payment-0002');
    expect(ours()).toHaveLength(2);
    expect(() => addon.api_recordPayment(typed, 'bad id!')).toThrow('The request id must be 8 to 64 letters, digits, - or _.');
  });

  it('deleting the payment that made the deal whole reopens "Payment received"; one that leaves it whole does not', () => {
    const { ws, addon } = demoWorkspace(80, 'anna@studio.test');
    const card = wonDeal(addon);
    const total = dealAmountMinor(ws, card.id);
    const extra = addon.api_recordPayment({ dealId: card.id, amount: 5, method: 'cash', date: '2026-11-23' });
    const whole = addon.api_recordPayment({ dealId: card.id, amount: total / 100, method: 'bank transfer', date: '2026-11-24' });
    expect(whole.checkpointCompleted).toBe('Payment received');
    // The deal stays paid in full without the 5.00: nothing reopens.
    const small = addon.api_deletePayment(card.id, extra.payment.id, 1);
    expect(small.checkpointReopened).toBeUndefined();
    const gone = addon.api_deletePayment(card.id, whole.payment.id, 1);
    expect(gone.money.paidInFull).toBe(false);
    expect(gone.checkpointReopened).toBe('Payment received');
    expect(addon.api_getDeal(card.id).checkpoints.find((c: any) => c.name === 'Payment received')).toMatchObject({ doneAt: null });
    expect(records(ws, 'Activities').pop()!.Summary).toBe('Checkpoint reopened: Payment received (no longer paid in full)');
  });

  it('refuses bad input, executors and other managers; heads and the owner may record', () => {
    const { ws, addon } = demoWorkspace(80, 'anna@studio.test');
    const card = wonDeal(addon);
    const fail = (fn: string, args: unknown[]) => runFromClient(ws, addon, fn, args).error.message;
    expect(fail('api_recordPayment', [{ dealId: card.id, amount: 0, method: 'cash' }])).toBe('The amount cannot be 0 (a refund is a negative amount).');
    expect(fail('api_recordPayment', [{ dealId: card.id, amount: 'ten', method: 'cash' }])).toMatch(/amount/i);
    expect(fail('api_recordPayment', [{ dealId: card.id, amount: 10, method: 'cheque' }])).toBe('The method must be one of: bank transfer, card, cash, online.');
    expect(fail('api_recordPayment', [{ dealId: card.id, amount: 10, method: 'cash', date: '2026-02-30' }])).toBe('The payment date is not a real date: "2026-02-30".');
    expect(fail('api_recordPayment', [{ dealId: card.id, amount: 10, method: 'cash', invoiceNumber: 'INV-2026-9999' }])).toBe('INV-2026-9999 is not an invoice of this deal.');
    ws.setUser('boris@studio.test');
    expect(fail('api_recordPayment', [{ dealId: card.id, amount: 10, method: 'cash' }])).toBe(`Only the deal's manager, a head or the owner may record payments for "${card.title}".`);
    ws.setUser('eva@studio.test');
    expect(fail('api_recordPayment', [{ dealId: card.id, amount: 10, method: 'cash' }])).toMatch(/may record payments|not one you work on/);
    ws.setUser('head@studio.test');
    expect(addon.api_recordPayment({ dealId: card.id, amount: 10, method: 'cash' }).money.paidMinor).toBe(1000);
    ws.setUser('owner@studio.test');
    expect(addon.api_recordPayment({ dealId: card.id, amount: 10, method: 'online' }).money.paidMinor).toBe(2000);
    expect(records(ws, 'Payments').filter((p) => p['Deal ID'] === card.id)).toHaveLength(2);
  });

  it('a payment that makes the deal paid in full completes "Payment received" on the payment date, and the deal may close', () => {
    const { ws, addon } = demoWorkspace(80, 'anna@studio.test');
    const card = wonDeal(addon);
    const total = dealAmountMinor(ws, card.id);
    const half = Math.floor(total / 2);
    addon.api_recordPayment({ dealId: card.id, amount: half / 100, method: 'bank transfer', date: '2026-11-25' });
    let payment = addon.api_getDeal(card.id).checkpoints.find((c: any) => c.name === 'Payment received');
    expect(payment.doneAt).toBeNull();
    ws.clock.advance(3 * DAY);
    const rest = addon.api_recordPayment({ dealId: card.id, amount: (total - half) / 100, method: 'online', date: '2026-11-26' });
    expect(rest.money.paidInFull).toBe(true);
    expect(rest.checkpointCompleted).toBe('Payment received');
    payment = addon.api_getDeal(card.id).checkpoints.find((c: any) => c.name === 'Payment received');
    expect(payment).toMatchObject({ doneAt: '2026-11-26', doneBy: 'anna@studio.test' });
    expect(records(ws, 'Activities').map((a) => a.Summary)).toContain('Checkpoint done: Payment received (paid in full on 2026-11-26)');
    // The gate: only "Works completed" is left.
    const details = addon.api_getDeal(card.id);
    let refused = addon.api_moveDeal(card.id, 'completed', 0, details.card.version);
    expect(refused.reasons).toEqual(['Finish first: Works completed.']);
    const works = details.checkpoints.find((c: any) => c.name === 'Works completed');
    addon.api_completeCheckpoint(works.id, true, card.id);
    refused = addon.api_moveDeal(card.id, 'completed', 0, addon.api_getDeal(card.id).card.version);
    expect(refused.ok).toBe(true);
  });

  it('costs the same calls and cells for a payment wherever the deal sits', () => {
    const { ws, addon } = demoWorkspace(80, 'anna@studio.test');
    const card = wonDeal(addon);
    const once = measure(ws, () => addon.api_recordPayment({ dealId: card.id, amount: 10, method: 'cash' })).calls;
    const twice = measure(ws, () => addon.api_recordPayment({ dealId: card.id, amount: 10, method: 'cash' })).calls;
    expect(twice.total).toBe(once.total);
  });
});
