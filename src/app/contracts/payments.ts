// What the payment APIs return; shared by the server and the sidebar. Amounts in minor units.
import type { InvoiceStatus, PaymentMethod } from '../../domain/money/payments';

export type { InvoiceStatus, PaymentMethod };

export interface PaymentInput {
  dealId: string;
  /** Major units as typed ("1234.50", "-200" for a refund) or a number. */
  amount: string | number;
  /** YYYY-MM-DD; empty: today. */
  date?: string;
  method: PaymentMethod;
  invoiceNumber?: string;
  note?: string;
}

export interface PaymentView {
  id: string;
  dealId: string;
  date: string | null;
  amountMinor: number;
  method: string;
  invoiceNumber: string;
  note: string;
  version: number;
  /** A payment made online: the Stripe Checkout Session it was recorded from ('' otherwise). */
  reference?: string;
}

export interface InvoiceView {
  number: string;
  url: string;
  status: InvoiceStatus;
  issuedOn: string | null;
  dueOn: string | null;
  amountMinor: number;
  creditedMinor: number;
  paidMinor: number;
  dueMinor: number;
  daysOverdue: number;
  /** The Stripe Payment Link the client pays this invoice with (absent without one). */
  payLink?: string;
}

export interface CreditNoteView {
  number: string;
  url: string;
  cancels: string;
  amountMinor: number;
}

export interface DealMoney {
  dealId: string;
  currency: string;
  invoicedMinor: number;
  creditedMinor: number;
  paidMinor: number;
  dueMinor: number;
  overpaidMinor: number;
  paidInFull: boolean;
  invoices: InvoiceView[];
  creditNotes: CreditNoteView[];
  payments: PaymentView[];
  /** The caller may record, edit and delete payments of this deal. */
  canRecord: boolean;
}

export interface PaymentResult {
  payment: PaymentView | null;
  money: DealMoney;
  /** The checkpoint this payment completed (the deal is paid in full), if any. */
  checkpointCompleted: string | null;
  /** An edit or delete that left the deal no longer paid in full reopened this checkpoint. */
  checkpointReopened?: string | null;
}

export interface DebtItem {
  dealId: string;
  dealTitle: string;
  clientId: string;
  clientName: string;
  manager: string;
  invoiceNumber: string;
  dueOn: string | null;
  daysOverdue: number;
  dueMinor: number;
  status: InvoiceStatus;
  /** The invoice's Stripe Payment Link, when it has one. */
  payLink?: string;
}

export interface DebtList {
  today: string;
  currency: string;
  items: DebtItem[];
  totalDueMinor: number;
  overdueMinor: number;
}
