// Payments in the deal's details (issue 22): invoiced, paid and due per invoice and per deal,
// the payments received (edit, delete), a form to record one, "Mark issued" for draft invoices.
import { requestDone, requestKey } from '../../requestKeys';
import type { Card } from '../../../src/app/contracts/board';
import type { DealMoney, InvoiceView, PaymentView } from '../../../src/app/contracts/payments';
import { h, clear, type Child } from '../../dom';
import { call, callQuietly, messageOf } from '../../rpc';
import { state } from '../../state';
import { field, input } from '../kernel/fields';
import { amountInputText, dayFieldHint, moneyMinor } from '../../format';
import { dayInput, readDay } from '../../typedFields';
import { sellerDetailsOffer } from './sellerDetailsOffer';

const METHODS = ['bank transfer', 'card', 'cash', 'online'] as const;

/** Minor units with cents, in the workbook's currency and the spreadsheet's locale. */
export function cents(minor: number, currency: string): string {
  return moneyMinor(minor, currency || 'EUR');
}

const STATUS_LABELS: Record<string, string> = {
  draft: 'draft', issued: 'issued', 'partly paid': 'partly paid', paid: 'paid', overdue: 'overdue', cancelled: 'cancelled',
};

interface SectionState {
  money: DealMoney | null;
  error: string;
  busy: boolean;
  editing: PaymentView | null;
  note: string;
}

const states: { [dealId: string]: SectionState } = {};
const redraws: { [dealId: string]: () => void } = {};

/** Asks the server again (after a document was made, issued or a payment recorded). */
export function reloadMoney(dealId: string): void {
  const s = states[dealId];
  const redraw = redraws[dealId];
  if (!s || !redraw) return;
  callQuietly('api_getDealMoney', dealId)
    .then((money) => { s.money = money; s.error = ''; })
    .catch((error) => { s.error = messageOf(error); })
    .then(redraw);
}

export function paymentsSection(card: Card, onGateOpened: () => void): HTMLElement {
  const el = h('section', { class: 'section payments', id: 'sec-payments', 'data-testid': 'payments' });
  // Kept across redraws of the page (a board reload redraws it): the last figures show at once.
  const s: SectionState = states[card.id] || (states[card.id] = { money: null, error: '', busy: false, editing: null, note: '' });
  s.busy = false;
  const draw = () => clear(el, ...content(card, s, draw, onGateOpened));
  redraws[card.id] = draw;
  draw();
  reloadMoney(card.id);
  return el;
}

function content(card: Card, s: SectionState, draw: () => void, onGateOpened: () => void): Child[] {
  const head = h('h3', null, 'Payments');
  if (!s.money) return [head, h('div', { class: s.error ? 'form-error' : 'muted small', role: s.error ? 'alert' : null }, s.error || 'Loading…')];
  const m = s.money;
  const c = (minor: number) => cents(minor, m.currency);
  return [
    head,
    h('div', { class: 'money-summary', 'data-testid': 'money-summary' },
      h('span', null, 'Invoiced ', h('b', { 'data-testid': 'money-invoiced' }, c(m.invoicedMinor - m.creditedMinor))),
      h('span', null, ' · Paid ', h('b', { 'data-testid': 'money-paid' }, c(m.paidMinor))),
      h('span', null, ' · Due ', h('b', { 'data-testid': 'money-due' }, c(m.dueMinor)))),
    m.overpaidMinor > 0 ? h('div', { class: 'small', 'data-testid': 'money-overpaid' }, `Overpaid by ${c(m.overpaidMinor)}: the client's credit.`) : null,
    m.paidInFull ? h('div', { class: 'small ok', 'data-testid': 'money-paid-in-full' }, 'Paid in full.') : null,
    m.invoices.length ? h('ul', { class: 'invoice-list' }, m.invoices.map((i) => invoiceRow(card, s, i, draw))) : h('div', { class: 'muted small' }, 'No invoice yet: make one under Documents.'),
    m.creditNotes.length ? h('ul', { class: 'invoice-list' }, m.creditNotes.map((n) => h('li', { 'data-testid': `credit-${n.number}` },
      h('a', { href: n.url, target: '_blank', rel: 'noopener' }, n.number), ` cancels ${n.cancels} · ${c(n.amountMinor)}`))) : null,
    m.invoices.some((i) => i.payLink && i.status !== 'paid' && i.status !== 'cancelled' && i.status !== 'draft') ? checkNow(card, s, draw, onGateOpened) : null,
    m.payments.length ? h('ul', { class: 'payment-list' }, m.payments.map((p) => paymentRow(card, s, p, draw))) : null,
    s.note ? h('div', { class: 'small', role: 'status', 'data-testid': 'payment-note' }, s.note) : null,
    s.error ? h('div', { class: 'form-error', role: 'alert', 'data-testid': 'payment-error' }, s.error) : null,
    s.error ? sellerDetailsOffer(s.error) : null,
    m.canRecord ? paymentForm(card, s, draw, onGateOpened) : null,
  ];
}

function invoiceRow(card: Card, s: SectionState, i: InvoiceView, draw: () => void): HTMLElement {
  const m = s.money!;
  const c = (minor: number) => cents(minor, m.currency);
  const issue = () => {
    s.busy = true; s.error = ''; draw();
    call('api_markInvoiceIssued', card.id, i.number)
      .then((r) => { s.note = `${r.number} issued, due ${r.dueOn}.`; })
      .catch((error) => { s.error = messageOf(error); })
      .then(() => { s.busy = false; reloadMoney(card.id); });
  };
  return h('li', { class: `invoice ${i.status.replace(' ', '-')}`, 'data-testid': `invoice-${i.number}` },
    h('div', null, i.url ? h('a', { href: i.url, target: '_blank', rel: 'noopener' }, i.number) : i.number, ' ',
      h('span', { class: `invoice-status ${i.status.replace(' ', '-')}`, 'data-testid': `invoice-status-${i.number}` }, STATUS_LABELS[i.status] || i.status),
      i.daysOverdue > 0 ? h('span', { class: 'small' }, ` ${i.daysOverdue} day${i.daysOverdue === 1 ? '' : 's'} late`) : null),
    h('div', { class: 'muted small' },
      [c(i.amountMinor), i.issuedOn ? `issued ${i.issuedOn}` : '', i.dueOn && i.status !== 'draft' ? `due ${i.dueOn}` : '',
        i.status !== 'draft' && i.status !== 'cancelled' ? `paid ${c(i.paidMinor)}` : ''].filter(Boolean).join(' · '),
      i.status !== 'draft' && i.status !== 'cancelled' ? h('span', null, ' · due ', h('b', { 'data-testid': `invoice-due-${i.number}` }, c(i.dueMinor))) : null),
    i.payLink ? h('div', { class: 'small' }, h('a', { href: i.payLink, target: '_blank', rel: 'noopener', 'data-testid': `invoice-paylink-${i.number}` }, 'Stripe payment link')) : null,
    i.status === 'draft' && m.canRecord
      ? h('button', { type: 'button', class: 'secondary small-button', 'data-testid': `invoice-issue-${i.number}`, disabled: s.busy, onclick: issue }, 'Mark issued')
      : null,
  );
}

function paymentRow(card: Card, s: SectionState, p: PaymentView, draw: () => void): HTMLElement {
  const m = s.money!;
  const remove = () => {
    if (!window.confirm(`Delete the payment of ${cents(p.amountMinor, m.currency)}${p.date ? ` on ${p.date}` : ''}?`)) return;
    s.busy = true; s.error = ''; draw();
    call('api_deletePayment', card.id, p.id, p.version)
      .then((r) => { s.money = r.money; s.note = r.checkpointReopened ? `Payment deleted: "${r.checkpointReopened}" is open again.` : 'Payment deleted.'; })
      .catch((error) => { s.error = messageOf(error); })
      .then(() => { s.busy = false; draw(); });
  };
  return h('li', { class: `payment${p.amountMinor < 0 ? ' refund' : ''}`, 'data-testid': `payment-${p.id}` },
    h('span', null, `${p.date || '—'} · `, h('b', null, cents(p.amountMinor, m.currency)), ` · ${p.method}${p.invoiceNumber ? ` · ${p.invoiceNumber}` : ''}`),
    p.note ? h('div', { class: 'muted small' }, p.note) : null,
    m.canRecord ? h('span', { class: 'payment-actions' },
      h('button', { type: 'button', class: 'link-button', 'data-testid': `payment-edit-${p.id}`, disabled: s.busy, onclick: () => { s.editing = p; s.note = ''; draw(); } }, 'Edit'),
      ' ',
      h('button', { type: 'button', class: 'link-button', 'data-testid': `payment-delete-${p.id}`, disabled: s.busy, onclick: remove }, 'Delete')) : null,
  );
}

/** "Check payment now": the deal's Stripe links are asked now rather than at the next hourly run. */
function checkNow(card: Card, s: SectionState, draw: () => void, onGateOpened: () => void): HTMLElement {
  const run = () => {
    s.busy = true; s.error = ''; s.note = ''; draw();
    call('api_checkPaymentNow', card.id)
      .then((r) => {
        s.money = r.money;
        if (r.problem) s.error = r.problem;
        s.note = r.checkpoints.length ? `Paid in full: "${r.checkpoints[0]}" is done.` : r.recorded ? `${r.recorded} online payment${r.recorded === 1 ? '' : 's'} recorded.` : 'No new online payment.';
        if (r.checkpoints.length) onGateOpened();
      })
      .catch((error) => { s.error = messageOf(error); })
      .then(() => { s.busy = false; draw(); });
  };
  return h('button', { type: 'button', class: 'secondary small-button', 'data-testid': 'payment-check-now', disabled: s.busy, onclick: run }, 'Check payment now');
}

function paymentForm(card: Card, s: SectionState, draw: () => void, onGateOpened: () => void): HTMLElement {
  const m = s.money!;
  const editing = s.editing;
  const today = state.board ? state.board.today : '';
  const amount = input({ type: 'text', inputmode: 'decimal', 'data-testid': 'payment-amount', placeholder: amountInputText(m.dueMinor > 0 ? m.dueMinor : 0), value: editing ? amountInputText(editing.amountMinor) : '' });
  // The spreadsheet's locale, not the browser's (issue 22 leftover): see dayInput.
  const date = dayInput(editing ? editing.date : today, 'Date', { 'data-testid': 'payment-date' });
  const method = h('select', { 'data-testid': 'payment-method' }, METHODS.map((x) => h('option', { value: x, selected: editing ? editing.method === x : x === 'bank transfer' }, x)));
  const open = m.invoices.filter((i) => i.status !== 'draft' && i.status !== 'cancelled');
  const invoice = h('select', { 'data-testid': 'payment-invoice' },
    h('option', { value: '' }, 'Any open invoice'),
    open.map((i) => h('option', { value: i.number, selected: editing ? editing.invoiceNumber === i.number : false }, `${i.number} (due ${cents(i.dueMinor, m.currency)})`)));
  const note = input({ type: 'text', 'data-testid': 'payment-note-input', maxlength: 2000, value: editing ? editing.note : '' });
  const submit = (e: Event) => {
    e.preventDefault();
    const day = readDay(date, 'The payment date');
    if (!day.ok) { s.error = day.message; s.note = ''; draw(); return; }
    s.busy = true; s.error = ''; s.note = ''; draw();
    const fields = { amount: amount.value, date: day.value || undefined, method: (method as HTMLSelectElement).value as typeof METHODS[number], invoiceNumber: (invoice as HTMLSelectElement).value, note: note.value };
    const slot = `payment:${card.id}`;
    const work = editing
      ? call('api_updatePayment', card.id, editing.id, fields, editing.version)
      : call('api_recordPayment', { dealId: card.id, ...fields }, requestKey(slot, fields));
    work
      .then((r) => {
        if (!editing) requestDone(slot);
        s.money = r.money;
        s.editing = null;
        s.note = r.checkpointCompleted ? `Paid in full: "${r.checkpointCompleted}" is done.` : editing ? 'Payment saved.' : 'Payment recorded.';
        if (r.checkpointCompleted) onGateOpened();
      })
      .catch((error) => { s.error = messageOf(error); })
      .then(() => { s.busy = false; draw(); });
  };
  return h('form', { class: 'payment-form', 'data-testid': 'payment-form', onsubmit: submit },
    h('div', { class: 'small muted' }, editing ? 'Edit the payment' : 'Record a payment (a refund is a negative amount)'),
    field(`Amount (${m.currency})`, amount), field(`Date (${dayFieldHint()})`, date), field('Method', method), field('Settles', invoice), field('Note', note),
    h('div', { class: 'form-actions' },
      h('button', { type: 'submit', class: 'primary', 'data-testid': 'payment-save', disabled: s.busy }, s.busy ? 'Saving…' : editing ? 'Save payment' : 'Record payment'),
      editing ? h('button', { type: 'button', class: 'link-button', onclick: () => { s.editing = null; draw(); } }, 'Cancel') : null),
  );
}
