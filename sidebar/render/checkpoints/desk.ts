// "My desk": every live deal's health, red first (the server sorts), with the nearest open
// checkpoint, the time left to it, payments so far and when the deal should close.
import { cents } from '../money/payments';
import type { HealthDesk, HealthDeskItem } from '../../../src/app/contracts/health';
import type { DebtList } from '../../../src/app/contracts/payments';
import type { Health } from '../../../src/app/contracts/shared';
import { h, clear, icon } from '../../dom';
import { day, dueLabel, money } from '../../format';
import { call, callQuietly, messageOf } from '../../rpc';
import { columnOf, state } from '../../state';
import { completeCheckpoint, onHealthChange } from '../../checkpoints';

const COLOURS: { key: Health; label: string }[] = [
  { key: 'red', label: 'Late' },
  { key: 'amber', label: 'Due soon' },
  { key: 'green', label: 'On plan' },
  { key: 'white', label: 'No checkpoints' },
];

let host: HTMLElement | null = null;
let desk: HealthDesk | null = null;
let scope: 'mine' | 'all' | undefined;
let error = '';
let overdue: DebtList | null = null;
let overdueOf = '';
let seq = 0;
let open: (dealId: string, section?: string) => void = () => undefined;
const openAt = (dealId: string) => open(dealId, 'sec-checkpoints');

export function mountDesk(parent: HTMLElement, openDetails: (dealId: string, section?: string) => void): HTMLElement {
  open = openDetails;
  host = h('main', { class: 'desk', 'data-testid': 'desk', 'aria-label': 'My desk: deal health', hidden: true });
  parent.appendChild(host);
  onHealthChange(() => { if (state.view === 'desk') void loadDesk(); });
  return host;
}

export function loadDesk(): Promise<void> {
  const mine = ++seq;
  loadOverdue(mine);
  return call('api_getHealth', scope)
    .then((result) => { if (mine === seq) { desk = result; error = ''; } })
    .catch((e) => { if (mine === seq) error = messageOf(e); })
    .then(() => { if (mine === seq) renderDesk(); });
}

/** The overdue invoices beside the health (issue 22): a manager's own; a head's or the owner's follow Mine/All (All by default). */
function loadOverdue(mine: number): void {
  const role = state.board ? state.board.me.role : '';
  if (role === 'executor') { overdue = null; return; }
  const supervisor = role === 'head' || role === 'owner';
  const whose = supervisor && scope !== 'mine' ? 'all' : '';
  // Another scope's list is not shown while this one is asked for.
  if (whose !== overdueOf) { overdue = null; overdueOf = whose; }
  callQuietly('api_getOverdueInvoices', whose)
    .then((list) => { if (mine === seq) { overdue = list; renderDesk(); } })
    .catch(() => undefined);
}

function overdueSection(): HTMLElement | null {
  const list = overdue;
  if (!list || list.items.length === 0) return null;
  return h('section', { class: 'desk-invoices', 'data-testid': 'desk-invoices' },
    h('h3', null, `Overdue invoices · ${cents(list.overdueMinor, list.currency)}`),
    h('ul', { class: 'invoice-list' }, list.items.map((i) => h('li', { 'data-testid': `desk-invoice-${i.invoiceNumber}` },
      h('button', { type: 'button', class: 'link-button', onclick: () => open(i.dealId, 'sec-payments') }, `${i.clientName || i.dealTitle || '—'} · ${i.invoiceNumber}`),
      h('span', { class: 'small late' }, ` ${i.daysOverdue} day${i.daysOverdue === 1 ? '' : 's'} late · due ${cents(i.dueMinor, list.currency)}`)))));
}

export function renderDesk(): void {
  if (!host) return;
  if (!desk) {
    clear(host, h('div', { class: 'empty-board' }, error || 'Loading your desk…'));
    return;
  }
  const d = desk;
  const role = state.board ? state.board.me.role : '';
  const supervisor = role === 'head' || role === 'owner';
  clear(host,
    h('div', { class: 'desk-head' },
      h('div', { class: 'desk-counts', role: 'group', 'aria-label': 'Deals per health colour' },
        COLOURS.map((c) => h('div', { class: `desk-count hc-${c.key}`, 'data-testid': `desk-count-${c.key}`, title: `${c.label}: ${d.counts[c.key] || 0}` },
          h('span', { class: 'dot' }), h('span', { class: 'desk-count-n' }, String(d.counts[c.key] || 0)), h('span', { class: 'desk-count-label' }, c.label)))),
      supervisor ? scopeToggle(d.scope) : null,
    ),
    error ? h('div', { class: 'form-error', role: 'alert' }, error) : null,
    overdueSection(),
    supervisor ? debtsPanel() : null,
    d.items.length === 0
      ? h('div', { class: 'empty pad' }, d.scope === 'mine' ? 'No live deals on your desk.' : 'No live deals.')
      : h('ol', { class: 'desk-list' }, d.items.map((item) => deskItem(item, d))),
  );
}

function scopeToggle(current: 'mine' | 'all'): HTMLElement {
  const option = (value: 'mine' | 'all', label: string) => h('button', {
    type: 'button', class: `seg${current === value ? ' on' : ''}`, 'aria-pressed': current === value ? 'true' : 'false', 'data-testid': `desk-scope-${value}`,
    onclick: () => { if (scope !== value) { scope = value; void loadDesk(); } },
  }, label);
  return h('div', { class: 'segmented', role: 'group', 'aria-label': 'Whose deals' }, option('mine', 'Mine'), option('all', 'All'));
}

function deskItem(item: HealthDeskItem, d: HealthDesk): HTMLElement {
  const column = columnOf(item.stage);
  const near = item.nearest;
  const paidShare = item.amount > 0 ? Math.min(1, Math.max(0, item.paid / item.amount)) : 0;
  const total = item.openCount + item.doneCount;
  return h('li', {
    class: `desk-item hb-${item.health}`, 'data-testid': `desk-item-${item.dealId}`,
    onclick: (e: Event) => { if (!(e.target as HTMLElement).closest('button')) openAt(item.dealId); },
  },
  h('div', { class: 'card-top' },
    h('span', { class: `health health-${item.health}`, role: 'img', 'aria-label': `Health ${item.health}`, title: `Health: ${item.health}` }),
    h('button', { type: 'button', class: 'card-title', onclick: () => openAt(item.dealId) }, item.title || '(untitled deal)'),
  ),
  h('div', { class: 'card-who' },
    item.stage === 'in_work' ? null : h('span', { class: 'stage-tag', title: column ? column.name : item.stage, style: { '--stage': column ? column.colour : '#9aa0a6' } }, column ? column.name : item.stage),
    h('span', { class: 'client' }, item.clientName || '—'),
    total ? h('span', { class: 'manager', title: 'Checkpoints done' }, `${item.doneCount}/${total} done`) : null),
  near
    ? h('div', { class: 'desk-next' },
      icon('clock', 14),
      h('span', { class: 'desk-next-name' }, near.name),
      near.unassignedRole ? h('span', { class: 'badge-soft unassigned', 'data-testid': `desk-unassigned-${near.id}`, title: `Open the deal to pick who does it (several people are ${near.unassignedRole}s)` }, 'Unassigned: pick a person') : null,
      near.daysLeft !== null ? h('span', { class: `desk-left${near.late ? ' late' : near.daysLeft === 0 ? ' today' : ''}` }, dueLabel(near.daysLeft)) : h('span', { class: 'muted' }, 'no date'),
      near.canComplete ? h('button', {
        type: 'button', class: 'secondary mini', 'data-testid': `desk-done-${near.id}`, 'aria-label': `Mark "${near.name}" done`,
        onclick: (e: Event) => {
          const button = e.currentTarget as HTMLButtonElement;
          button.disabled = true;
          void completeCheckpoint(item.dealId, near.id, true).then((ok) => { if (!ok) button.disabled = false; });
        },
      }, 'Done') : null)
    : h('div', { class: 'desk-next muted' }, total ? 'All checkpoints done' : 'No checkpoints: open the deal to plan them'),
  h('div', { class: 'desk-money' },
    h('div', { class: 'paid-bar', role: 'img', 'aria-label': `Paid ${Math.round(paidShare * 100)}%` }, h('span', { style: { width: `${paidShare * 100}%` } })),
    d.moneyHidden ? null : h('span', { class: 'paid-text' }, h('b', null, money(item.paid, d.currency)), ` of ${money(item.amount, d.currency)}`),
  ),
  item.expectedClose || item.deadline
    ? h('div', { class: 'desk-dates muted small' },
      item.expectedClose ? `Closes ${day(item.expectedClose)}` : '',
      item.expectedClose && item.deadline ? ' · ' : '',
      item.deadline ? `Deadline ${day(item.deadline)}` : '')
    : null,
  );
}

// ---- Who owes what (issue 22): issued invoices with money due, for the owner and heads ------

let debtsOpen = false;

function debtsPanel(): HTMLElement {
  const body = h('div', { class: 'debts-body', 'data-testid': 'debts-body' });
  const load = () => {
    clear(body, h('div', { class: 'muted small' }, 'Loading…'));
    call('api_listDebts')
      .then((list) => clear(body, list.items.length === 0
        ? h('div', { class: 'muted small', 'data-testid': 'debts-empty' }, 'Nobody owes anything on an issued invoice.')
        : [
          h('div', { class: 'small' }, `Due ${cents(list.totalDueMinor, list.currency)}, of which overdue ${cents(list.overdueMinor, list.currency)}`),
          h('ol', { class: 'debt-list' }, list.items.map((i) => h('li', { 'data-testid': `debt-${i.invoiceNumber}` },
            h('button', { type: 'button', class: 'link-button', onclick: () => open(i.dealId, 'sec-payments') }, `${i.clientName || '—'} · ${i.invoiceNumber}`),
            h('div', { class: `small${i.daysOverdue > 0 ? ' late' : ''}` },
              `${cents(i.dueMinor, list.currency)} · due ${i.dueOn || '—'}${i.daysOverdue > 0 ? ` · ${i.daysOverdue} days overdue` : ''}`)))),
        ]))
      .catch((e) => clear(body, h('div', { class: 'form-error', role: 'alert' }, messageOf(e))));
  };
  const panel = h('details', { class: 'debts', 'data-testid': 'debts', open: debtsOpen },
    h('summary', null, 'Who owes what'), body);
  panel.addEventListener('toggle', () => { debtsOpen = (panel as HTMLDetailsElement).open; if (debtsOpen) load(); });
  if (debtsOpen) load();
  return panel;
}
