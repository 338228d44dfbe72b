// Receivables on the dashboard (issue 23): what clients owe on issued invoices, and how long the
// overdue part is overdue. Built on the payments rules (payments.ts: dealBalance allocates payments
// and credit notes to invoices), so the dashboard, the debts list and the card never disagree.
// Pure; money added in minor units (no float drift), returned in major units like every dashboard figure.
import { DealBalance } from './payments';
import { Figure } from '../reports/kpi';

/** Days overdue: 1–30, 31–60, over 60 (an invoice due today or later is not overdue). */
export const AGE_BUCKETS: readonly { label: string; fromDays: number; toDays: number | null }[] = [
  { label: '1–30 days', fromDays: 1, toDays: 30 },
  { label: '31–60 days', fromDays: 31, toDays: 60 },
  { label: 'over 60 days', fromDays: 61, toDays: null },
];

export interface ReceivablesFigures {
  /** Σ issued invoices less the credit notes that cancel them. */
  invoiced: Figure;
  /** Σ payments that settled issued invoices (refunds taken back). */
  paid: Figure;
  /** Σ still open on issued invoices: invoiced = paid + due. */
  due: Figure;
  /** The part of `due` past its due date. */
  overdue: Figure;
  /** `overdue` by days past the due date (AGE_BUCKETS). */
  byAge: { label: string; due: Figure }[];
}

export interface ReceivableDeal {
  dealId: string;
  balance: DealBalance;
}

export function receivables(deals: readonly ReceivableDeal[]): ReceivablesFigures {
  const sums = { invoiced: new Sum(), paid: new Sum(), due: new Sum(), overdue: new Sum() };
  const ages = AGE_BUCKETS.map(() => new Sum());
  for (const { dealId, balance } of deals) {
    for (const i of balance.invoices) {
      if (i.status === 'draft') continue;
      sums.invoiced.add(dealId, i.amountMinor - i.creditedMinor);
      sums.paid.add(dealId, i.paidMinor);
      sums.due.add(dealId, i.dueMinor);
      if (i.status !== 'overdue' || i.dueMinor <= 0) continue;
      sums.overdue.add(dealId, i.dueMinor);
      const at = AGE_BUCKETS.findIndex((b) => i.daysOverdue >= b.fromDays && (b.toDays === null || i.daysOverdue <= b.toDays));
      ages[at < 0 ? 0 : at].add(dealId, i.dueMinor);
    }
  }
  return {
    invoiced: sums.invoiced.figure(), paid: sums.paid.figure(), due: sums.due.figure(), overdue: sums.overdue.figure(),
    byAge: AGE_BUCKETS.map((b, k) => ({ label: b.label, due: ages[k].figure() })),
  };
}

/** A sum in minor units and the deals that put something into it. */
class Sum {
  private minor = 0;
  private ids: string[] = [];
  add(dealId: string, minor: number): void {
    if (minor === 0) return;
    this.minor += minor;
    if (this.ids.indexOf(dealId) < 0) this.ids.push(dealId);
  }
  figure(): Figure {
    return { value: this.minor / 100, deals: this.ids.slice() };
  }
}
