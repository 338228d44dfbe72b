import fc from 'fast-check';
import {
  CreditNoteFacts, InvoiceFacts, PaymentFacts, canIssue, paymentLinkOf, daysBetween, dealBalance, dealPaidInFull, dueDateOf, invoiceStatus, paymentTermsDays,
} from '../../../src/domain/money/payments';
import { localDay } from '../../../src/domain/kernel/timezone';

const invoice = (number: string, amountMinor: number, dueOn = '2026-12-21', status: 'draft' | 'issued' = 'issued'): InvoiceFacts =>
  ({ number, amountMinor, status, issuedOn: status === 'issued' ? '2026-12-07' : null, dueOn });
const pay = (amountMinor: number, invoiceNumber = '', id = `M${amountMinor}`): PaymentFacts => ({ id, amountMinor, date: '2026-12-08', invoiceNumber });
const credit = (invoiceNumber: string, amountMinor: number): CreditNoteFacts => ({ number: 'CRN-2026-0001', invoiceNumber, amountMinor });

describe('invoice status machine', () => {
  it('goes draft → issued → partly paid → paid, and only draft may be issued', () => {
    const inv = invoice('INV-2026-0001', 10000);
    expect(invoiceStatus({ ...inv, status: 'draft' }, 0, 0, '2026-12-08')).toBe('draft');
    expect(invoiceStatus(inv, 0, 0, '2026-12-08')).toBe('issued');
    expect(invoiceStatus(inv, 0, 4000, '2026-12-08')).toBe('partly paid');
    expect(invoiceStatus(inv, 0, 10000, '2026-12-08')).toBe('paid');
    expect(invoiceStatus(inv, 10000, 0, '2026-12-08')).toBe('cancelled');
    expect(canIssue('draft')).toBe(true);
    expect(canIssue('issued')).toBe(false);
  });

  it('is overdue the day after the due date, partly paid or not, and paid is never overdue', () => {
    const inv = invoice('INV-2026-0001', 10000, '2026-12-21');
    expect(invoiceStatus(inv, 0, 0, '2026-12-21')).toBe('issued');
    expect(invoiceStatus(inv, 0, 0, '2026-12-22')).toBe('overdue');
    expect(invoiceStatus(inv, 0, 5000, '2026-12-22')).toBe('overdue');
    expect(invoiceStatus(inv, 0, 10000, '2027-02-01')).toBe('paid');
    expect(dealBalance([inv], [], [], '2026-12-31').invoices[0]).toMatchObject({ status: 'overdue', daysOverdue: 10, dueMinor: 10000 });
  });

  it('counts overdue by the spreadsheet\'s day, not UTC\'s', () => {
    const inv = invoice('INV-2026-0001', 10000, '2026-12-21');
    const lateEvening = new Date('2026-12-21T23:30:00Z'); // already 22 Dec in Berlin, still 21 Dec in New York
    expect(invoiceStatus(inv, 0, 0, localDay(lateEvening, 'Europe/Berlin'))).toBe('overdue');
    expect(invoiceStatus(inv, 0, 0, localDay(lateEvening, 'America/New_York'))).toBe('issued');
  });

  it('takes the client\'s payment terms over the Settings ones, and counts due dates in days', () => {
    expect(paymentTermsDays(14, '')).toBe(14);
    expect(paymentTermsDays(14, 30)).toBe(30);
    expect(paymentTermsDays(14, '7')).toBe(7);
    expect(paymentTermsDays(14, 'soon')).toBe(14);
    expect(paymentTermsDays(14, -3)).toBe(14);
    expect(dueDateOf('2026-12-07', 14)).toBe('2026-12-21');
    expect(dueDateOf('2026-12-25', 14)).toBe('2027-01-08');
    expect(daysBetween('2026-12-21', '2027-01-02')).toBe(12);
  });
});

describe('due amounts', () => {
  it('partial payments, then the rest: paid in full', () => {
    const inv = [invoice('INV-2026-0001', 769644)];
    const half = dealBalance(inv, [], [pay(384822, 'INV-2026-0001')], '2026-12-08');
    expect(half).toMatchObject({ invoicedMinor: 769644, paidMinor: 384822, dueMinor: 384822, paidInFull: false });
    expect(half.invoices[0]).toMatchObject({ status: 'partly paid', dueMinor: 384822 });
    const all = dealBalance(inv, [], [pay(384822, 'INV-2026-0001'), pay(384822)], '2026-12-08');
    expect(all).toMatchObject({ dueMinor: 0, overpaidMinor: 0, paidInFull: true });
    expect(all.invoices[0].status).toBe('paid');
  });

  it('overpayment is the client\'s credit and pays the next invoice', () => {
    const b = dealBalance([invoice('A', 1000, '2026-12-10'), invoice('B', 500, '2026-12-20')], [], [pay(1300, 'A')], '2026-12-08');
    expect(b.invoices.map((i) => [i.paidMinor, i.dueMinor])).toEqual([[1000, 0], [300, 200]]);
    const over = dealBalance([invoice('A', 1000)], [], [pay(1300, 'A')], '2026-12-08');
    expect(over).toMatchObject({ dueMinor: 0, overpaidMinor: 300, paidInFull: true });
  });

  it('a refund reopens what it gives back', () => {
    const b = dealBalance([invoice('A', 1000)], [], [pay(1000, 'A'), pay(-400, 'A')], '2026-12-08');
    expect(b).toMatchObject({ paidMinor: 600, dueMinor: 400, paidInFull: false });
    expect(b.invoices[0].status).toBe('partly paid');
    const beyond = dealBalance([invoice('A', 1000)], [], [pay(-200)], '2026-12-08');
    expect(beyond).toMatchObject({ paidMinor: -200, dueMinor: 1200, unallocatedMinor: -200 });
  });

  it('a credit note cancels its invoice; the new invoice is what is due', () => {
    const b = dealBalance([invoice('A', 1000), invoice('B', 1200)], [credit('A', 1000)], [pay(500, 'A')], '2026-12-08');
    expect(b.invoices[0]).toMatchObject({ status: 'cancelled', creditedMinor: 1000, paidMinor: 0, dueMinor: 0 });
    // The payment made against the cancelled invoice counts towards the new one.
    expect(b.invoices[1]).toMatchObject({ status: 'partly paid', paidMinor: 500, dueMinor: 700 });
    expect(b).toMatchObject({ invoicedMinor: 2200, creditedMinor: 1000, dueMinor: 700 });
  });

  it('drafts owe nothing yet', () => {
    const b = dealBalance([invoice('A', 1000, '2026-12-21', 'draft')], [], [pay(300)], '2026-12-08');
    expect(b).toMatchObject({ invoicedMinor: 0, dueMinor: 0, overpaidMinor: 300, paidInFull: false });
    expect(dealPaidInFull(b, 1000)).toBe(false);
    expect(dealPaidInFull(dealBalance([], [], [pay(600), pay(400)], '2026-12-08'), 1000)).toBe(true);
  });

  const numbers = ['A', 'B', 'C'];
  const arbInvoice = fc.record({
    number: fc.constantFrom(...numbers), amountMinor: fc.integer({ min: 0, max: 1_000_000 }),
    status: fc.constantFrom<'draft' | 'issued'>('draft', 'issued', 'issued'), dueOn: fc.constantFrom('2026-12-01', '2026-12-15', '2027-01-10'),
  }).map((i) => ({ ...i, issuedOn: i.status === 'issued' ? '2026-11-20' : null }));
  const invoices = fc.uniqueArray(arbInvoice, { selector: (i) => i.number, maxLength: 3 });
  const payments = fc.array(fc.record({
    id: fc.string(), amountMinor: fc.integer({ min: -500_000, max: 1_000_000 }), date: fc.constant('2026-12-01'), invoiceNumber: fc.constantFrom('', 'A', 'B', 'C', 'Z'),
  }), { maxLength: 8 });
  const credits = fc.array(fc.record({ number: fc.constant('CRN'), invoiceNumber: fc.constantFrom('A', 'B', 'C', 'Z'), amountMinor: fc.integer({ min: 0, max: 1_000_000 }) }), { maxLength: 3 });
  const today = fc.constantFrom('2026-11-25', '2026-12-10', '2027-02-01');

  it('never double-counts: Σ allocated + unallocated = Σ payments + Σ credit notes', () => {
    fc.assert(fc.property(invoices, credits, payments, today, (inv, cr, pm, day) => {
      const b = dealBalance(inv, cr, pm, day);
      const allocated = b.invoices.reduce((s, i) => s + i.paidMinor + i.creditedMinor, 0);
      const given = pm.reduce((s, p) => s + p.amountMinor, 0) + cr.reduce((s, c) => s + c.amountMinor, 0);
      expect(allocated + b.unallocatedMinor).toBe(given);
      expect(b.paidMinor).toBe(pm.reduce((s, p) => s + p.amountMinor, 0));
    }));
  });

  it('keeps every invoice within its amount and the deal\'s due consistent with the total', () => {
    fc.assert(fc.property(invoices, credits, payments, today, (inv, cr, pm, day) => {
      const b = dealBalance(inv, cr, pm, day);
      for (const i of b.invoices) {
        expect(i.paidMinor).toBeGreaterThanOrEqual(0);
        expect(i.creditedMinor).toBeGreaterThanOrEqual(0);
        expect(i.paidMinor + i.creditedMinor + i.dueMinor).toBe(i.status === 'draft' ? 0 : i.amountMinor);
        expect(Number.isInteger(i.dueMinor)).toBe(true);
        if (i.status === 'paid') expect(i.dueMinor).toBe(0);
        if (i.status === 'overdue') expect(i.daysOverdue).toBeGreaterThan(0);
      }
      // What is owed less what was overpaid is what was invoiced and not cancelled, less money in.
      expect(b.dueMinor - b.overpaidMinor).toBe(b.invoicedMinor - b.invoices.reduce((s, i) => s + i.creditedMinor, 0) - (b.paidMinor + cr.reduce((s, c) => s + c.amountMinor, 0) - b.creditedMinor));
      expect(b.dueMinor).toBeGreaterThanOrEqual(0);
      expect(b.overpaidMinor).toBeGreaterThanOrEqual(0);
    }));
  });

  it('does not depend on the order payments were recorded in', () => {
    fc.assert(fc.property(invoices, credits, payments, today, (inv, cr, pm, day) => {
      const a = dealBalance(inv, cr, pm, day);
      const b = dealBalance(inv, cr, pm.slice().reverse(), day);
      expect(b.invoices).toEqual(a.invoices);
      expect(b.dueMinor).toBe(a.dueMinor);
    }));
  });
});

describe('payment link template', () => {
  const values = { amountMinor: 769644, currency: 'EUR', number: 'INV-2026-0001' };
  it('fills {{amount}}, {{currency}} and {{number}} everywhere, URL-encoded, and the older single braces', () => {
    expect(paymentLinkOf('https://paypal.me/studio/{{amount}}{{currency}}', values)).toBe('https://paypal.me/studio/7696.44EUR');
    expect(paymentLinkOf('https://bank.example/pay?ref={{ number }}&amt={{amount}}&ref2={{number}}', { ...values, number: 'INV 1&2' }))
      .toBe('https://bank.example/pay?ref=INV%201%262&amt=7696.44&ref2=INV%201%262');
    expect(paymentLinkOf('https://pay.example/{number}?a={amount}', values)).toBe('https://pay.example/INV-2026-0001?a=7696.44');
    expect(paymentLinkOf('https://pay.example/{{other}}', values)).toBe('https://pay.example/{{other}}');
    expect(paymentLinkOf('  ', values)).toBe('');
  });
});
