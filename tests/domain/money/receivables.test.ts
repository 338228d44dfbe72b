// Receivables (issue 23): hand-computed sums and age buckets, and invoiced = paid + due for any balances.
import fc from 'fast-check';
import { dealBalance, InvoiceFacts } from '../../../src/domain/money/payments';
import { receivables } from '../../../src/domain/money/receivables';

const invoice = (number: string, amountMinor: number, dueOn: string, status: InvoiceFacts['status'] = 'issued'): InvoiceFacts => ({ number, amountMinor, status, issuedOn: status === 'issued' ? '2026-09-01' : null, dueOn });
const pay = (amountMinor: number, invoiceNumber = '') => ({ id: '', amountMinor, date: '', invoiceNumber });

describe('receivables', () => {
  it('sums invoices, payments and what is due, and sorts the overdue part by days late', () => {
    const today = '2026-12-01';
    const a = dealBalance([invoice('INV-1', 100000, '2026-11-21'), invoice('INV-2', 50000, '2026-12-10')], [], [pay(30000, 'INV-1')], today);
    const b = dealBalance([invoice('INV-3', 20000, '2026-10-01')], [{ number: 'CN-1', invoiceNumber: 'INV-3', amountMinor: 5000 }], [], today);
    const c = dealBalance([invoice('INV-4', 9900, '2026-08-01'), invoice('INV-5', 7700, '2026-08-01', 'draft')], [], [pay(9900)], today);
    const r = receivables([{ dealId: 'A', balance: a }, { dealId: 'B', balance: b }, { dealId: 'C', balance: c }]);
    // Invoiced: 1000 + 500 + (200 − 50 credited) + 99; the draft is not owed.
    expect(r.invoiced).toEqual({ value: 1749, deals: ['A', 'B', 'C'] });
    expect(r.paid).toEqual({ value: 399, deals: ['A', 'C'] });
    // Due: 700 on INV-1 (10 days late), 500 on INV-2 (not yet due), 150 on INV-3 (61 days late).
    expect(r.due).toEqual({ value: 1350, deals: ['A', 'B'] });
    expect(r.overdue).toEqual({ value: 850, deals: ['A', 'B'] });
    expect(r.byAge).toEqual([
      { label: '1–30 days', due: { value: 700, deals: ['A'] } },
      { label: '31–60 days', due: { value: 0, deals: [] } },
      { label: 'over 60 days', due: { value: 150, deals: ['B'] } },
    ]);
  });

  it('invoiced = paid + due, and the age buckets add up to overdue, for any invoices and payments', () => {
    const day = fc.integer({ min: 1, max: 28 }).map((d) => `2026-${d < 10 ? '1' : '0'}${(d % 9) + 1}-${String(d).padStart(2, '0')}`);
    fc.assert(fc.property(
      fc.array(fc.record({ amount: fc.integer({ min: 1, max: 100000 }), due: day, draft: fc.boolean() }), { maxLength: 5 }),
      fc.array(fc.record({ amount: fc.integer({ min: -50000, max: 100000 }), to: fc.nat(5) }), { maxLength: 6 }),
      (invoices, payments) => {
        const facts = invoices.map((i, k) => invoice(`INV-${k}`, i.amount, i.due, i.draft ? 'draft' : 'issued'));
        const balance = dealBalance(facts, [], payments.map((p) => pay(p.amount, p.to < facts.length ? `INV-${p.to}` : '')), '2026-12-01');
        const r = receivables([{ dealId: 'D', balance }]);
        const cents = (v: number) => Math.round(v * 100);
        expect(cents(r.paid.value) + cents(r.due.value)).toBe(cents(r.invoiced.value));
        expect(r.byAge.reduce((s, a) => s + cents(a.due.value), 0)).toBe(cents(r.overdue.value));
        expect(r.overdue.value).toBeLessThanOrEqual(r.due.value);
      },
    ));
  });
});
