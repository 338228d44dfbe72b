// The calculator in the deal's details: pick services from the price list, adjust lines,
// see the totals recomputed as you type (the server's own calculator), save a revision.
// The section keeps its element and draft while the details redraw around it.
import type { Card } from '../../../src/app/contracts/board';
import type { CatalogView, QuoteView } from '../../../src/app/contracts/quote';
import { h, clear, icon } from '../../dom';
import { decimalSeparator, moneyMinor, when } from '../../format';
import { call, messageOf } from '../../rpc';
import { nameOf, state } from '../../state';
import { perDeal, reload, report, versionOf } from '../../actions';
import { addItem, draftOf, majorText, numberFieldText, parseAmount, toSave, totalsOf, MAX_DETAILS, type Draft } from '../../quoteDraft';
import type { QuoteLineInput } from '../../../src/app/contracts/shared';
import { catalogPicker } from './catalogPicker';
import { showBanner } from '../kernel/banner';
import { requestDone, requestKey } from '../../requestKeys';

interface Section {
  dealId: string;
  el: HTMLElement;
  body: HTMLElement;
  status: HTMLElement;
  draft: Draft | null;
  error: string;
  editable: boolean;
  /** Refreshed on every redraw of the numbers. */
  lineTotals: HTMLElement[];
  totals: HTMLElement | null;
  save: HTMLButtonElement | null;
}

let current: Section | null = null;
/** Lines whose details box is open: kept across redraws (adding or removing a line). */
const openDetails = new WeakSet<QuoteLineInput>();

export function resetQuote(): void {
  current = null;
}

let rerender: (() => void) | null = null;

/** "Start quote from brief" (issue 25): the calculator's lines from the brief, unsaved, for the manager to adjust. */
export function fillQuoteLines(dealId: string, lines: QuoteLineInput[]): boolean {
  if (!current || current.dealId !== dealId || !current.draft || !current.editable) return false;
  current.draft.lines = lines.map((l) => ({ ...l }));
  current.draft.invalid = {};
  current.draft.dirty = true;
  if (rerender) rerender();
  const el = current.el;
  if (el && el.scrollIntoView) el.scrollIntoView({ block: 'start' });
  return true;
}

/** The question to ask before the card closes over an unsaved quote, or null. */
export function unsavedQuoteQuestion(): string | null {
  return current && current.draft && current.draft.dirty ? 'The quote has unsaved changes. Close the card and discard them?' : null;
}

function catalog(): Promise<CatalogView | null> {
  if (state.catalog) return Promise.resolve(state.catalog);
  return call('api_getCatalog').then((c) => { state.catalog = c; return c; }, () => null);
}

export function quoteSection(card: Card, afterSave: () => void): HTMLElement {
  if (current && current.dealId === card.id) return current.el;
  const status = h('span', { class: 'muted small quote-status' });
  const body = h('div', { class: 'quote-body' }, h('div', { class: 'muted small' }, 'Loading the quote…'));
  const el = h('section', { class: 'section quote', id: 'sec-quote', 'data-testid': 'quote' }, h('h3', null, 'Quote'), status, body);
  const s: Section = { dealId: card.id, el, body, status, draft: null, error: '', editable: card.editable, lineTotals: [], totals: null, save: null };
  current = s;
  Promise.all([catalog(), call('api_getQuote', card.id)])
    .then(([, quote]) => { s.draft = draftOf(quote); })
    .catch((error) => { s.error = messageOf(error); })
    .then(() => render(s, afterSave));
  return el;
}

function currency(s: Section): string {
  return state.catalog ? state.catalog.currency : s.draft ? s.draft.saved.currency : state.board ? state.board.currency : 'USD';
}

function render(s: Section, afterSave: () => void): void {
  if (!s.draft) { clear(s.body, h('div', { class: 'form-error', role: 'alert' }, s.error || 'The quote could not be loaded.')); return; }
  const d = s.draft;
  const ro = !s.editable;
  const redraw = () => render(s, afterSave);
  rerender = redraw;
  s.lineTotals = [];
  const lines = d.lines.map((_, i) => lineRow(s, i, redraw));
  const order = numberInput(s, 'order', d.orderDiscountPercent ? numberFieldText(d.orderDiscountPercent, decimalSeparator()) : '', 'quote-order-discount', 'Order discount, %', (n) => { d.orderDiscountPercent = Math.min(100, n); });
  s.totals = h('dl', { class: 'qtotals' });
  s.save = h('button', { type: 'button', class: 'primary', 'data-testid': 'quote-save', onclick: () => save(s, afterSave) }, 'Save quote');
  clear(s.body,
    !ro && state.catalog ? catalogPicker(state.catalog, (item) => { addItem(d, item); redraw(); focusLast(s); }) : null,
    !ro && !state.catalog ? h('div', { class: 'muted small' }, 'The price list could not be loaded; lines can still be edited.') : null,
    lines.length ? h('ol', { class: 'qlines' }, lines) : h('div', { class: 'empty' }, ro ? 'No quote yet.' : 'No lines yet: pick services from the price list.'),
    !ro || d.orderDiscountPercent
      ? h('div', { class: 'qorder' }, h('label', { for: order.id }, 'Order discount'), h('span', { class: 'qcell-input qpct' }, order, h('span', { class: 'qunit' }, '%')))
      : null,
    ro && !lines.length ? null : s.totals,
    ro ? null : h('div', { class: 'actions' }, s.save),
  );
  numbers(s);
}

function lineRow(s: Section, i: number, redraw: () => void): HTMLElement {
  const d = s.draft!;
  const line = d.lines[i];
  const ro = !s.editable;
  const desc = h('input', {
    type: 'text', class: 'qdesc', value: line.description, disabled: ro, 'aria-label': `Line ${i + 1}: description`, 'data-testid': `quote-desc-${i}`,
    oninput: () => { line.description = desc.value; d.dirty = true; desc.removeAttribute('aria-invalid'); numbers(s); },
  });
  const total = h('span', { class: 'qline-total', 'data-testid': `quote-line-total-${i}` });
  s.lineTotals[i] = total;
  const cell = (label: string, control: HTMLElement, suffix?: string) =>
    h('label', { class: 'qcell' }, h('span', { class: 'qcell-label' }, label), h('span', { class: 'qcell-input' }, control, suffix ? h('span', { class: 'qunit' }, suffix) : null));
  return h('li', { class: 'qline', 'data-testid': `quote-line-${i}`, title: line.code ? `Price-list item ${line.code}` : '' },
    h('div', { class: 'qline-top' },
      desc,
      ro ? null : h('button', {
        type: 'button', class: 'icon-button', 'aria-label': `Remove line ${i + 1}`, title: 'Remove line', 'data-testid': `quote-remove-${i}`,
        onclick: () => { d.lines.splice(i, 1); d.invalid = {}; d.dirty = true; redraw(); },
      }, icon('close', 16)),
    ),
    detailsBox(s, i),
    h('div', { class: 'qline-nums' },
      cell('Qty', numberInput(s, `q${i}`, numberFieldText(line.quantity, decimalSeparator()), `quote-qty-${i}`, `Line ${i + 1}: quantity`, (n) => { line.quantity = n; }), line.unit),
      cell('Price', numberInput(s, `p${i}`, majorText(line.unitPriceMinor, decimalSeparator()), `quote-price-${i}`, `Line ${i + 1}: unit price`, (n) => { line.unitPriceMinor = Math.round(n * 100); })),
      cell('Disc.', numberInput(s, `d${i}`, line.discountPercent ? numberFieldText(line.discountPercent, decimalSeparator()) : '', `quote-discount-${i}`, `Line ${i + 1}: discount, %`, (n) => { line.discountPercent = Math.min(100, n); }), '%'),
      h('div', { class: 'qcell qcell-total' }, h('span', { class: 'qcell-label' }, 'Total'), total),
    ),
  );
}

/**
 * The line's details (printed under the service in the proposal): a one-line summary that
 * opens into a small text area; read-only users see the text, nothing when there is none.
 */
function detailsBox(s: Section, i: number): HTMLElement | null {
  const d = s.draft!;
  const line = d.lines[i];
  const ro = !s.editable;
  const text = line.details || '';
  if (ro && !text) return null;
  const preview = h('span', { class: 'qdetails-preview', 'data-testid': `quote-details-preview-${i}` }, text || 'Add details for the proposal');
  const area = h('textarea', {
    class: 'qdetails-text', rows: 3, maxlength: MAX_DETAILS, value: text, disabled: ro, placeholder: 'Printed under the service in the proposal',
    'aria-label': `Line ${i + 1}: details printed in the proposal`, 'data-testid': `quote-details-${i}`,
    oninput: () => {
      line.details = area.value;
      preview.textContent = area.value.trim() || 'Add details for the proposal';
      preview.classList.toggle('empty', area.value.trim() === '');
      d.dirty = true;
      numbers(s);
    },
  });
  if (!text) preview.classList.add('empty');
  const box: HTMLDetailsElement = h('details', {
    class: 'qdetails', open: openDetails.has(line),
    ontoggle: () => { if (box.open) openDetails.add(line); else openDetails.delete(line); },
  },
  h('summary', { 'data-testid': `quote-details-toggle-${i}`, title: 'Details printed in the proposal under the service' }, preview),
  area,
  );
  return box;
}

let ids = 0;

function numberInput(s: Section, key: string, value: string, testid: string, label: string, set: (n: number) => void): HTMLInputElement {
  const d = s.draft!;
  const el: HTMLInputElement = h('input', {
    type: 'text', inputmode: 'decimal', class: 'qnum', id: `qn${++ids}`, value, placeholder: '0', disabled: !s.editable, 'aria-label': label, 'data-testid': testid, autocomplete: 'off',
    oninput: () => {
      const n = parseAmount(el.value, decimalSeparator());
      if (n === null) { d.invalid[key] = true; el.setAttribute('aria-invalid', 'true'); } else {
        delete d.invalid[key];
        el.removeAttribute('aria-invalid');
        set(n);
      }
      d.dirty = true;
      numbers(s);
    },
  });
  return el;
}

/** Redraws only the figures (line totals, totals, status), so typing keeps its focus. */
function numbers(s: Section): void {
  const d = s.draft;
  if (!d || !s.totals) return;
  const cur = currency(s);
  const t = totalsOf(d, state.catalog);
  t.lines.forEach((line, i) => { if (s.lineTotals[i]) s.lineTotals[i].textContent = moneyMinor(line.totalMinor, cur); });
  const row = (label: string, value: string, extra?: { [k: string]: string }) => [h('dt', null, label), h('dd', extra || null, value)];
  clear(s.totals,
    row('Subtotal', moneyMinor(t.subtotalMinor, cur)),
    t.discountMinor ? row(`Discount ${d.orderDiscountPercent}%`, `−${moneyMinor(t.discountMinor, cur)}`) : null,
    t.taxRatePercent || t.taxMinor ? row(`Tax ${t.taxRatePercent}% · ${t.taxIncluded ? 'included' : 'added'}`, moneyMinor(t.taxMinor, cur)) : null,
    h('dt', { class: 'qgrand' }, 'Total'), h('dd', { class: 'qgrand', 'data-testid': 'quote-total' }, moneyMinor(t.totalMinor, cur)),
  );
  const bad = Object.keys(d.invalid).length > 0;
  if (s.save) {
    s.save.disabled = !d.dirty || bad;
    s.save.title = bad ? 'Fix the highlighted numbers first' : d.dirty ? '' : 'No changes to save';
  }
  const q = d.saved;
  clear(s.status,
    q.version ? `Revision ${q.version} · saved by ${nameOf(q.savedBy) || 'someone'}${q.savedAt ? ` · ${when(q.savedAt, state.board ? state.board.today : undefined)}` : ''}` : 'Not saved yet',
    d.dirty ? h('span', { class: 'unsaved' }, bad ? 'check the numbers' : 'unsaved changes') : null,
  );
}

function focusLast(s: Section): void {
  const inputs = s.body.querySelectorAll('.qline:last-child .qnum');
  const qty = inputs[0] as HTMLInputElement | undefined;
  if (qty) qty.scrollIntoView({ block: 'nearest' });
  const search = s.body.querySelector('[data-testid="catalog-search"]') as HTMLInputElement | null;
  if (search) search.focus();
}

function save(s: Section, afterSave: () => void): void {
  const d = s.draft;
  if (!d || !s.save) return;
  const empty = d.lines.map((l, i) => (l.description.trim() ? -1 : i)).filter((i) => i >= 0);
  if (empty.length) {
    const first = s.body.querySelector(`[data-testid="quote-desc-${empty[0]}"]`) as HTMLInputElement | null;
    if (first) { first.setAttribute('aria-invalid', 'true'); first.focus(); }
    showBanner(`Line ${empty[0] + 1} needs a description.`, 'warn');
    return;
  }
  const button = s.save;
  button.disabled = true;
  const payload = toSave(d);
  // The same request id for the same quote saved again after an error: one revision, not two.
  const slot = `quote:${d.dealId}`;
  const key = requestKey(slot, payload);
  perDeal(d.dealId, () => call('api_saveQuote', d.dealId, payload, versionOf(d.dealId), key))
    .then((saved: QuoteView) => {
      requestDone(slot);
      if (current !== s) return;
      s.draft = draftOf(saved);
      render(s, afterSave);
      showBanner(`Quote saved: revision ${saved.version}, total ${moneyMinor(saved.totalMinor, saved.currency)}.`, 'info');
      // The deal's amount and version changed on the server: fetch the card again.
      void reload().then(afterSave);
    })
    .catch((error) => { report(error); button.disabled = false; });
}
