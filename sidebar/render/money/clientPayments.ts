// What the client owes, per invoice, on the client card (issue 22), and a form to record a
// payment against one of those invoices without opening each deal. The payment goes through the
// deal card's own call (api_recordPayment: same validation, roles, request id and payment gate).
import { requestDone, requestKey } from '../../requestKeys';
import type { ClientCard, ClientOpenInvoice } from '../../../src/app/contracts/clients';
import { h, type Child } from '../../dom';
import { call } from '../../rpc';
import { state } from '../../state';
import { reload, report } from '../../actions';
import { field, input } from '../kernel/fields';
import { amountInputText, dayFieldHint } from '../../format';
import { dayInput, readDay } from '../../typedFields';
import { showBanner } from '../kernel/banner';
import { cents, reloadMoney } from './payments';

const METHODS = ['bank transfer', 'card', 'cash', 'online'] as const;

/** The last payment recorded from each client's card: said on the card after it reloads. */
const notes: { [clientId: string]: string } = {};

/** The client's open invoices and, for those the caller may record on, the payment form. */
export function clientOpenInvoices(card: ClientCard, onRecorded: () => void): Child {
  if (card.moneyHidden || !card.openInvoices) return null;
  if (card.openInvoices.length === 0) return notes[card.id] ? h('div', { class: 'small', role: 'status', 'data-testid': 'client-payment-done' }, notes[card.id]) : null;
  const currency = card.balance.currency;
  const recordable = card.openInvoices.filter((i) => i.canRecord);
  return h('div', { class: 'section client-invoices', 'data-testid': 'client-open-invoices' },
    h('h3', null, 'Open invoices ', h('span', { class: 'count' }, String(card.openInvoices.length))),
    h('ul', { class: 'invoice-list' }, card.openInvoices.map((i) => h('li', { class: `invoice ${i.status.replace(' ', '-')}`, 'data-testid': `client-invoice-${i.invoiceNumber}` },
      h('div', null, h('b', null, i.invoiceNumber), ` · ${i.dealTitle || i.dealId}`),
      h('div', { class: 'muted small' },
        [i.status, i.dueOn ? `due ${i.dueOn}` : '', i.daysOverdue > 0 ? `${i.daysOverdue} day${i.daysOverdue === 1 ? '' : 's'} late` : ''].filter(Boolean).join(' · '),
        ' · owes ', h('b', { 'data-testid': `client-invoice-due-${i.invoiceNumber}` }, cents(i.dueMinor, currency)))))),
    notes[card.id] ? h('div', { class: 'small', role: 'status', 'data-testid': 'client-payment-done' }, notes[card.id]) : null,
    recordable.length ? paymentForm(card, recordable, onRecorded) : null);
}

function paymentForm(card: ClientCard, open: ClientOpenInvoice[], onRecorded: () => void): HTMLElement {
  const currency = card.balance.currency;
  const today = state.board ? state.board.today : '';
  const invoice = h('select', { 'data-testid': 'client-payment-invoice' },
    open.map((i) => h('option', { value: i.invoiceNumber }, `${i.invoiceNumber} · ${i.dealTitle || i.dealId} (due ${cents(i.dueMinor, currency)})`))) as HTMLSelectElement;
  const amount = input({ type: 'text', inputmode: 'decimal', 'data-testid': 'client-payment-amount', placeholder: amountInputText(open[0].dueMinor) });
  invoice.onchange = () => {
    const chosen = open.filter((i) => i.invoiceNumber === invoice.value)[0];
    if (chosen) amount.placeholder = amountInputText(chosen.dueMinor);
  };
  const date = dayInput(today, 'Date', { 'data-testid': 'client-payment-date' });
  const method = h('select', { 'data-testid': 'client-payment-method' }, METHODS.map((x) => h('option', { value: x, selected: x === 'bank transfer' }, x))) as HTMLSelectElement;
  const note = input({ type: 'text', 'data-testid': 'client-payment-note', maxlength: 2000 });
  const save = h('button', { type: 'submit', class: 'primary', 'data-testid': 'client-payment-save' }, 'Record payment') as HTMLButtonElement;
  const submit = (e: Event) => {
    e.preventDefault();
    const chosen = open.filter((i) => i.invoiceNumber === invoice.value)[0];
    if (!chosen) return;
    const day = readDay(date, 'The payment date');
    if (!day.ok) { showBanner(day.message, 'error'); return; }
    const fields = { dealId: chosen.dealId, amount: amount.value, date: day.value || undefined, method: method.value as typeof METHODS[number], invoiceNumber: chosen.invoiceNumber, note: note.value };
    const slot = `payment:${chosen.dealId}`;
    save.disabled = true;
    call('api_recordPayment', fields, requestKey(slot, fields))
      .then((r) => {
        requestDone(slot);
        notes[card.id] = r.checkpointCompleted ? `Payment recorded for ${chosen.invoiceNumber}. Paid in full: "${r.checkpointCompleted}" is done.` : `Payment recorded for ${chosen.invoiceNumber}.`;
        reloadMoney(chosen.dealId);
        if (r.checkpointCompleted) reload();
        onRecorded();
      })
      .catch((error) => { save.disabled = false; report(error); });
  };
  return h('form', { class: 'payment-form', 'data-testid': 'client-payment-form', onsubmit: submit },
    h('div', { class: 'small muted' }, 'Record a payment against an open invoice (a refund is a negative amount)'),
    field('Invoice', invoice), field(`Amount (${currency})`, amount), field(`Date (${dayFieldHint()})`, date), field('Method', method), field('Note', note),
    h('div', { class: 'form-actions' }, save));
}
