// Bench rows of Stripe Payment Links (issue 22): the card's "Check payment now" (one paid session
// on the deal's link: found by the deal's id, the same at any size) and the hourly run with 20 open
// links (one Stripe list call each; each link has one paid session that pays its invoice in full,
// so the run records 20 payments and closes 20 links, and the next run sees only its own 20).
/* eslint-disable @typescript-eslint/no-explicit-any */
import { EMULATOR_TEST_KEY } from '../emulator/stripe/route';

interface BenchHarness {
  ws: any;
  addon: Record<string, (...args: any[]) => any>;
  size: number;
  as<T>(user: string, fn: () => T): T;
  board(user?: string): any;
}

interface BenchAction {
  name: string;
  user: string;
  via: 'sidebar' | 'menu' | 'trigger';
  prepare(h: BenchHarness, count: number): (i: number) => () => unknown;
}

const ANNA = 'anna@studio.test';
const OWNER = 'owner@studio.test';
const HOUR = 3600 * 1000;

function useStripe(h: BenchHarness): void {
  // As the owner does in the Stripe key dialog (which also wakes the hourly job).
  h.as(OWNER, () => h.addon.api_setStripeKey(EMULATOR_TEST_KEY));
}

/** An issued invoice of the deal (`totalMinor`) with an open Stripe link and one paid session of 10.00 on it. */
function invoiceWithPaidLink(h: BenchHarness, dealId: string, number: string, totalMinor: number): void {
  const link = h.ws.stripe.dashboardLink(totalMinor, 'eur', { invoice: number, deal: dealId });
  const header = (h.ws.readSheet('Documents').values as unknown[][])[0].map(String);
  const day = new Date(h.ws.clock.millis());
  const row: Record<string, unknown> = {
    ID: `DOC-${number}`, 'Deal ID': dealId, Kind: 'invoice', Number: number, Status: 'issued', 'Issued at': day, 'Due date': day,
    // A made document has its Generated at (a row without one is a document begun, issue 20 item 12).
    'Generated at': day, Amount: totalMinor / 100, 'Payment link': link.url, 'Payment link ID': link.id, 'Payment link state': 'open',
  };
  h.ws.appendRows('Documents', [header.map((col) => row[col] ?? '')]);
  h.ws.stripe.pay(link.id, 1000);
}

function inWork(h: BenchHarness, count: number): any[] {
  const cards = h.board().columns.find((c: any) => c.key === 'in_work').cards.filter((c: any) => c.manager === ANNA);
  if (cards.length < count) throw new Error(`The demo workbook has only ${cards.length} cards of Anna in work; the bench needs ${count}.`);
  return cards.slice(0, count);
}

export const PAYMENT_LINK_ACTIONS: BenchAction[] = [
  {
    name: 'check payment now (1 paid session)', user: ANNA, via: 'sidebar',
    prepare: (h, n) => {
      useStripe(h);
      const cards = inWork(h, n);
      // Partly paid: the link stays open.
      cards.forEach((card, i) => invoiceWithPaidLink(h, card.id, `INV-2026-B${h.size}-${i}`, 100000));
      return (i) => () => h.addon.api_checkPaymentNow(cards[i].id);
    },
  },
  {
    name: 'hourly run: 20 open payment links', user: OWNER, via: 'trigger',
    prepare: (h) => {
      // Two runs first do the other jobs' work (digests, the outbox a full bench run leaves), so
      // the measured run is the payment check.
      h.ws.mail.dailyQuota = 1500;
      h.as(OWNER, () => { h.addon.onHourly(); h.ws.clock.advance(HOUR); h.addon.onHourly(); });
      useStripe(h);
      const deals = (h.ws.readSheet('Deals').values as unknown[][]).slice(1, 2000).map((r) => String(r[0]));
      let batch = 0;
      return () => {
        batch += 1;
        h.ws.clock.advance(HOUR);
        for (let k = 0; k < 20; k++) invoiceWithPaidLink(h, deals[(batch * 20 + k) % deals.length], `INV-2026-H${h.size}-${batch}-${k}`, 1000);
        // The rows were typed in, not made by the add-on (whose writes move the board stamp): wake the job.
        useStripe(h);
        return () => h.addon.onHourly();
      };
    },
  },
];
