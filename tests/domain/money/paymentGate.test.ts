// The sentence a payment that opened a payment gate leaves in the log, and how the digest knows it (issue 22).
import fc from 'fast-check';
import { isPaymentGateSentence, paymentGateSentence } from '../../../src/domain/money/paymentGate';

describe('payment gate sentence', () => {
  it('names the invoices, the deal and the stage it may now move to, or what still guards it', () => {
    expect(paymentGateSentence(['INV-2026-0001'], 'Website relaunch', 'Completed', [])).toBe('Payment for INV-2026-0001 received: Website relaunch may now move to Completed.');
    expect(paymentGateSentence(['INV-2026-0001', 'INV-2026-0004'], 'Shop', 'Completed', ['Works completed'])).toBe('Payment for INV-2026-0001, INV-2026-0004 received: Shop may move to Completed once Works completed is done.');
    expect(paymentGateSentence([], 'Shop', 'Completed', ['A', 'B'])).toBe('Payment for the deal received: Shop may move to Completed once A, B are done.');
    expect(paymentGateSentence(['INV-1'], 'Shop', '', [])).toBe('Payment for INV-1 received: Shop is paid in full.');
  });

  it('every sentence it writes is known again, whatever the names; other log lines are not', () => {
    const name = fc.string({ minLength: 1, maxLength: 30 });
    fc.assert(fc.property(fc.array(name, { maxLength: 3 }), name, fc.oneof(fc.constant(''), name), fc.array(name, { maxLength: 3 }), (invoices, title, stage, open) => {
      expect(isPaymentGateSentence(paymentGateSentence(invoices, title, stage, open))).toBe(true);
    }));
    for (const other of ['Checkpoint done: Payment received (paid in full on 2026-11-26)', 'Payment recorded: €10.00 by cash', 'Payment for INV-1 received', '']) {
      expect(isPaymentGateSentence(other)).toBe(false);
    }
  });
});
