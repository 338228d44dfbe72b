// Today's "Overdue invoices" (issue 22): the invoices of the manager's deals past their due date
// with money still due, asked once per board load and manager (api_getOverdueInvoices).
import type { DebtList } from '../../../src/app/contracts/payments';
import { h } from '../../dom';
import { callQuietly } from '../../rpc';
import { cents } from './payments';

const cache: { key: string; board: unknown; list: DebtList | null } = { key: '', board: null, list: null };

/** The section, or null while loading or when nothing is overdue; `redraw` runs once the answer is in. */
export function overdueInvoicesSection(manager: string, board: unknown, open: (dealId: string) => void, redraw: () => void): HTMLElement | null {
  if (cache.key !== manager || cache.board !== board) {
    cache.key = manager;
    cache.board = board;
    cache.list = null;
    callQuietly('api_getOverdueInvoices', manager)
      .then((list) => { if (cache.key === manager && cache.board === board) { cache.list = list; redraw(); } })
      .catch(() => undefined);
  }
  const list = cache.list;
  if (!list || list.items.length === 0) return null;
  return h('section', { class: 'today-invoices', 'data-testid': 'today-invoices' },
    h('h3', null, `Overdue invoices · ${cents(list.overdueMinor, list.currency)}`),
    h('ul', { class: 'invoice-list' }, list.items.map((i) => h('li', { 'data-testid': `today-invoice-${i.invoiceNumber}` },
      h('button', { type: 'button', class: 'link-button', onclick: () => open(i.dealId) }, `${i.clientName || i.dealTitle} · ${i.invoiceNumber}`),
      h('span', { class: 'small' }, ` ${i.daysOverdue} day${i.daysOverdue === 1 ? '' : 's'} late · due ${cents(i.dueMinor, list.currency)}`)))));
}
