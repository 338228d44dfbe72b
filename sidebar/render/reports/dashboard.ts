// The director's dashboard (issue 23): period and manager filters, then the figures as text
// with plain CSS bars (no chart library: the bars must fit the 300 px sidebar, work offline,
// and every value is printed, so nothing is read from colour alone). Every number is a button
// that lists the deals behind it; a deal in the list opens its card.
import type { Dashboard } from '../../../src/app/contracts/dashboard';
import type { Figure } from '../../../src/app/contracts/shared';
import { h, clear } from '../../dom';
import { money } from '../../format';
import { call, messageOf } from '../../rpc';
import { nameOf, state } from '../../state';
import { dayInput, readDay } from '../../typedFields';
import { showBanner } from '../kernel/banner';

type PeriodKind = 'this_month' | 'last_month' | 'quarter' | 'custom';

let host: HTMLElement | null = null;
let dash: Dashboard | null = null;
let error = '';
let seq = 0;
let kind: PeriodKind = 'this_month';
let customFrom = '';
let customTo = '';
let manager = '';
/** The figure whose deals are listed: its label and the deal ids. */
let listing: { label: string; ids: string[] } | null = null;
let open: (dealId: string) => void = () => undefined;

export function mountDashboard(parent: HTMLElement, openDetails: (dealId: string) => void): HTMLElement {
  open = openDetails;
  host = h('main', { class: 'dashboard', 'data-testid': 'dashboard', 'aria-label': 'Dashboard', hidden: true });
  parent.appendChild(host);
  return host;
}

export function loadDashboard(): Promise<void> {
  const mine = ++seq;
  const period = kind === 'custom' ? { kind, from: customFrom, to: customTo } : { kind };
  if (kind === 'custom' && (!customFrom || !customTo)) {
    renderDashboard();
    return Promise.resolve();
  }
  return call('api_getDashboard', period, manager)
    .then((result) => { if (mine === seq) { dash = result; error = ''; } })
    .catch((e) => { if (mine === seq) error = messageOf(e); })
    .then(() => { if (mine === seq) renderDashboard(); });
}

const PERIODS: { key: PeriodKind; label: string }[] = [
  { key: 'this_month', label: 'This month' },
  { key: 'last_month', label: 'Last month' },
  { key: 'quarter', label: 'This quarter' },
  { key: 'custom', label: 'Custom…' },
];

function filters(d: Dashboard | null): HTMLElement {
  const periodSelect = h('select', {
    'data-testid': 'dash-period', 'aria-label': 'Period',
    onchange: () => { kind = periodSelect.value as PeriodKind; listing = null; void loadDashboard(); },
  }, PERIODS.map((p) => h('option', { value: p.key, selected: p.key === kind }, p.label)));
  const periodDay = (value: string, label: string, set: (v: string) => void) => {
    const input = dayInput(value, label, {
      'data-testid': `dash-${label === 'First day' ? 'from' : 'to'}`,
      onchange: () => {
        // An unreadable day is not sent: the field stays marked with what was typed, and says why.
        const read = readDay(input, `The ${label.toLowerCase()}`);
        if (!read.ok) { showBanner(read.message, 'warn'); return; }
        set(read.value || ''); listing = null; void loadDashboard();
      },
    });
    return input;
  };
  const managers = d ? d.managers : [];
  const supervisor = state.board ? state.board.me.role === 'owner' || state.board.me.role === 'head' : managers.length > 1;
  const managerSelect: HTMLSelectElement = h('select', {
    'data-testid': 'dash-manager', 'aria-label': 'Manager',
    onchange: () => { manager = managerSelect.value; listing = null; void loadDashboard(); },
  }, h('option', { value: '', selected: manager === '' }, 'All managers'), managers.map((m) => h('option', { value: m.email, selected: m.email === manager }, m.name || m.email)));
  return h('div', { class: 'dash-filters', role: 'group', 'aria-label': 'Dashboard filters' },
    periodSelect,
    supervisor ? managerSelect : null,
    kind === 'custom' ? h('span', { class: 'dash-custom' },
      periodDay(customFrom, 'First day', (v) => (customFrom = v)), ' – ', periodDay(customTo, 'Last day', (v) => (customTo = v))) : null,
  );
}

/** A number that opens the list of its deals. */
function num(label: string, text: string, figure: Figure, testid?: string): HTMLElement {
  return h('button', {
    type: 'button', class: 'dash-num', 'data-testid': testid, title: `${label}: show the ${figure.deals.length} deal${figure.deals.length === 1 ? '' : 's'}`,
    'aria-label': `${label}: ${text}. Show ${figure.deals.length} deal${figure.deals.length === 1 ? '' : 's'}`,
    onclick: () => { listing = { label, ids: figure.deals }; renderDashboard(); },
  }, text);
}

/** A labelled bar: the value is printed next to it, the bar only repeats it. */
function bar(label: string, share: number, value: HTMLElement, kindClass = ''): HTMLElement {
  const pct = Math.max(0, Math.min(100, Math.round(share * 100)));
  return h('div', { class: 'dash-row' },
    h('span', { class: 'dash-label' }, label),
    h('span', { class: `dash-bar ${kindClass}`, role: 'presentation' }, h('span', { class: 'dash-fill', style: { width: `${pct}%` } })),
    value);
}

const pct = (r: number) => `${Math.round(r * 100)}%`;

function section(title: string, ...children: (HTMLElement | null | string)[]): HTMLElement {
  return h('section', { class: 'dash-section', 'aria-label': title }, h('h3', null, title), ...children);
}

export function renderDashboard(): void {
  if (!host) return;
  if (!dash) {
    clear(host, filters(null), h('div', { class: 'empty-board' }, error || (kind === 'custom' ? 'Pick the first and last day.' : 'Loading the dashboard…')));
    return;
  }
  const d = dash;
  const cur = d.currency;
  const m = (v: number) => money(v, cur, true);
  const names = (email: string) => (d.managers.filter((x) => x.email.toLowerCase() === email.toLowerCase())[0] || { name: email }).name || email;
  const column = (k: string) => (state.board ? state.board.columns.filter((col) => col.key === k)[0] : undefined);
  const stageName = (k: string) => { const col = column(k); return col ? col.name : k; };
  const maxStage = Math.max(1, ...Object.keys(d.pipeline.byStage).map((k) => d.pipeline.byStage[k as keyof typeof d.pipeline.byStage].value));
  const c = d.conversion;
  const funnel: { label: string; f: Figure }[] = [
    { label: 'Deals', f: c.deals }, { label: stageName('in_work'), f: c.transferred }, { label: stageName('completed'), f: c.completed },
  ];

  clear(host,
    filters(d),
    error ? h('div', { class: 'form-error', role: 'alert' }, error) : null,
    h('p', { class: 'dash-period' }, `${d.period.from} – ${d.period.to}${d.manager ? ` · ${names(d.manager)}` : ''}`),
    listing ? dealList(d, listing) : null,
    sinceYesterdayStrip(d, m, names, stageName),
    section('Payments against plan',
      d.plan.length === 0 ? h('p', { class: 'empty' }, 'No manager has a monthly plan on the Users tab.') : null,
      ...d.plan.map((r) => h('div', { class: 'dash-plan', 'data-testid': 'dash-plan-row' },
        bar(names(r.manager), r.plan > 0 ? r.paid.value / r.plan : 0, num(`Paid toward ${names(r.manager)}'s plan`, `${m(r.paid.value)} of ${m(r.plan)} (${pct(r.progress)})`, r.paid), 'plan'),
        h('span', { class: 'dash-gap' }, r.gap > 0 ? `Gap ${m(r.gap)}` : 'Plan met')))),
    section('Pipeline',
      h('div', { class: 'dash-kpis' },
        h('div', null, h('span', { class: 'dash-k' }, 'Open (New + Negotiation)'), num('Open pipeline', m(d.pipeline.open.value), d.pipeline.open, 'dash-open')),
        h('div', null, h('span', { class: 'dash-k' }, 'Weighted forecast'), num('Weighted forecast', m(d.pipeline.weighted.value), d.pipeline.weighted, 'dash-weighted'))),
      ...Object.keys(d.pipeline.byStage).map((k) => {
        const f = d.pipeline.byStage[k as keyof typeof d.pipeline.byStage];
        return bar(stageName(k), f.value / maxStage, num(`${stageName(k)} pipeline`, `${m(f.value)} · ${f.deals.length}`, f), `stage-${k}`);
      }),
      h('p', { class: 'dash-k' }, 'Expected to close (value / weighted)'),
      ...d.pipeline.next.map((n) => h('div', { class: 'dash-row' }, h('span', { class: 'dash-label' }, `Next ${n.days} days`),
        h('span', null, num(`Closing within ${n.days} days`, m(n.value.value), n.value), ' / ', num(`Weighted, within ${n.days} days`, m(n.weighted.value), n.weighted)))),
    ),
    section('Conversion',
      h('div', { class: 'dash-row' }, h('span', { class: 'dash-label' }, 'Requests → deals'),
        h('span', null, `${c.converted.value} of ${c.requests.value} (${pct(c.requestToDeal)})`)),
      ...funnel.map((s) => bar(s.label, c.deals.value ? s.f.value / c.deals.value : 0, num(`${s.label} of the period's deals`, String(s.f.value), s.f))),
      ...c.steps.map((s) => h('div', { class: 'dash-row' }, h('span', { class: 'dash-label' }, `${stageName(s.from)} → ${stageName(s.to)}`),
        num(`Reached ${stageName(s.to)} from ${stageName(s.from)}`, `${pct(s.rate)} (${s.passed.value}/${s.reached.value})`, s.passed))),
      h('div', { class: 'dash-kpis' },
        h('div', null, h('span', { class: 'dash-k' }, 'Win rate'), num('Won in the period', `${pct(c.winRate)} (${c.won.value} won, ${c.lost.value} lost)`, c.won, 'dash-won')),
        h('div', null, h('span', { class: 'dash-k' }, 'Average deal'), num('Deals won in the period', m(c.averageDealSize), c.won)),
        h('div', null, h('span', { class: 'dash-k' }, 'Sales cycle'), num('Deals won in the period', c.salesCycleDays === null ? '—' : `${c.salesCycleDays} days`, c.won))),
      byTable('By manager', d.conversionByManager.filter((r) => r.key !== ''), names),
      byTable('By lead source', d.conversionBySource, (k) => k || '(none)'),
    ),
    section('Gross profit',
      h('div', { class: 'dash-kpis' },
        h('div', null, h('span', { class: 'dash-k' }, 'Revenue'), num('Revenue with known costs', m(d.grossProfit.revenue.value), d.grossProfit.revenue)),
        h('div', null, h('span', { class: 'dash-k' }, 'Cost'), num('Cost', m(d.grossProfit.cost.value), d.grossProfit.cost)),
        h('div', null, h('span', { class: 'dash-k' }, 'Profit'), num('Gross profit', `${m(d.grossProfit.profit.value)} (${pct(d.grossProfit.margin)})`, d.grossProfit.profit))),
      d.grossProfit.withoutCost.value > 0 ? h('p', { class: 'dash-warn' }, 'Completed without a known cost (left out, not counted as 100% margin): ',
        num('Completed without a known cost', String(d.grossProfit.withoutCost.value), d.grossProfit.withoutCost, 'dash-without-cost')) : null,
    ),
    section('Overdue work',
      h('div', { class: 'dash-row' }, h('span', { class: 'dash-label' }, 'Late next contacts'), num('Late next contacts', String(d.overdue.nextContacts.value), d.overdue.nextContacts, 'dash-late-contacts')),
      h('div', { class: 'dash-row' }, h('span', { class: 'dash-label' }, 'Red deals'), num('Red deals', String(d.overdue.red.value), d.overdue.red)),
      h('div', { class: 'dash-row' }, h('span', { class: 'dash-label' }, 'Stuck in a stage'), num('Stuck in a stage', String(d.overdue.stuck.value), d.overdue.stuck)),
      ...d.overdue.checkpoints.map((r) => h('div', { class: 'dash-row' }, h('span', { class: 'dash-label' }, `Late checkpoints: ${names(r.responsible)}`), num(`Late checkpoints of ${names(r.responsible)}`, String(r.late.value), r.late))),
    ),
    receivablesSection(d, m),
    yearsSection(d, m),
  );
}

/**
 * Closed deals per year of close (issue 24): live ones and those moved to the yearly archives
 * (from the archive's summary), so archiving never makes a year's figures shrink.
 */
function yearsSection(d: Dashboard, m: (v: number) => string): HTMLElement {
  const archivedAny = d.years.some((y) => y.archived.deals > 0);
  return section('Closed deals by year',
    d.years.length === 0 ? h('p', { class: 'empty', 'data-testid': 'dash-years-none' }, 'No deal closed yet.')
      : h('table', { class: 'dash-table', 'data-testid': 'dash-years' },
        h('thead', null, h('tr', null, h('th', { scope: 'col' }, 'Year'), h('th', { scope: 'col' }, 'Won'), h('th', { scope: 'col' }, 'Revenue'),
          h('th', { scope: 'col' }, 'Lost'), h('th', { scope: 'col', title: 'Of the closed deals, how many are in the year\'s archive' }, 'Archived'))),
        h('tbody', null, d.years.map((y) => h('tr', { 'data-testid': 'dash-year', 'data-year': y.year },
          h('th', { scope: 'row' }, y.year),
          h('td', { 'data-testid': 'dash-year-won' }, String(y.total.completed)),
          h('td', { 'data-testid': 'dash-year-revenue' }, m(y.total.completedValue)),
          h('td', { 'data-testid': 'dash-year-lost' }, String(y.total.failed)),
          h('td', { 'data-testid': 'dash-year-archived' }, String(y.archived.deals)))))),
    // The archive's summary is kept for the whole team, not per manager.
    d.manager && !archivedAny ? h('p', { class: 'empty' }, 'One manager\'s view counts live deals only; archived deals count under All managers.') : null,
  );
}

/** The morning meeting's strip: yesterday and today at a glance; each move names who made it. */
function sinceYesterdayStrip(d: Dashboard, m: (v: number) => string, names: (email: string) => string, stageName: (k: string) => string): HTMLElement {
  const s = d.sinceYesterday;
  const time = (iso: string) => new Date(iso).toLocaleString([], { weekday: 'short', hour: '2-digit', minute: '2-digit' });
  return h('section', { class: 'dash-section dash-strip', 'aria-label': 'Since yesterday', 'data-testid': 'dash-since' },
    h('h3', null, `Since yesterday (${s.sinceDay})`),
    h('div', { class: 'dash-kpis' },
      h('div', null, h('span', { class: 'dash-k' }, 'New requests'), h('span', { 'data-testid': 'dash-since-requests' }, String(s.newRequests))),
      h('div', null, h('span', { class: 'dash-k' }, 'Won'), num('Won since yesterday', String(s.won.value), s.won, 'dash-since-won')),
      h('div', null, h('span', { class: 'dash-k' }, 'Lost'), num('Lost since yesterday', String(s.lost.value), s.lost, 'dash-since-lost')),
      h('div', null, h('span', { class: 'dash-k' }, 'Paid'), num('Paid since yesterday', m(s.paid.value), s.paid, 'dash-since-paid'))),
    s.moves.length === 0 ? h('p', { class: 'empty' }, 'No card moved.') : h('ul', { class: 'dash-moves', 'data-testid': 'dash-since-moves' }, s.moves.map((mv) => {
      const ref = d.deals[mv.dealId];
      return h('li', null, h('button', { type: 'button', class: 'dash-deal', 'data-id': mv.dealId, onclick: () => open(mv.dealId) },
        h('span', { class: 'dash-deal-title' }, ref ? ref.title : mv.dealId),
        h('span', { class: 'dash-deal-meta' }, `${mv.from ? stageName(mv.from) : 'created'} → ${stageName(mv.to)} · ${names(mv.by) || 'by hand'} · ${time(mv.at)}`)));
    })),
    s.moreMoves > 0 ? h('p', { class: 'empty' }, `and ${s.moreMoves} more moves`) : null,
    ...attentionParts(d),
  );
}

/** Lights that turned red or amber, then the overdue calls and checkpoints (new ones marked); colours are words too. */
function attentionParts(d: Dashboard): HTMLElement[] {
  const s = d.sinceYesterday;
  const title = (id: string) => (d.deals[id] ? d.deals[id].title : id);
  const dealButton = (id: string, meta: string, fresh = false) => h('li', null, h('button', { type: 'button', class: 'dash-deal', 'data-id': id, onclick: () => open(id) },
    h('span', { class: 'dash-deal-title' }, fresh ? `${title(id)} · new` : title(id)), h('span', { class: 'dash-deal-meta' }, meta)));
  const lightsFigure = (to: 'red' | 'amber'): Figure => {
    const ids = s.lights.filter((l) => l.to === to).map((l) => l.dealId);
    return { value: ids.length, deals: ids };
  };
  const callTime = (iso: string) => new Date(iso).toLocaleString([], { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });
  const parts: (HTMLElement | null)[] = [
    h('div', { class: 'dash-kpis' },
      h('div', null, h('span', { class: 'dash-k' }, 'Turned red'), num('Turned red since yesterday', String(lightsFigure('red').value), lightsFigure('red'), 'dash-since-red')),
      h('div', null, h('span', { class: 'dash-k' }, 'Turned amber'), num('Turned amber since yesterday', String(lightsFigure('amber').value), lightsFigure('amber'), 'dash-since-amber')),
      h('div', null, h('span', { class: 'dash-k' }, 'Overdue calls'), num('Overdue calls', String(s.overdueCalls.value), s.overdueCalls, 'dash-since-calls')),
      h('div', null, h('span', { class: 'dash-k' }, 'Late checkpoints'), num('Late checkpoints', String(s.overdueCheckpoints.value), s.overdueCheckpoints, 'dash-since-checkpoints'))),
    s.lights.length === 0 ? h('p', { class: 'empty' }, 'No light turned red or amber.')
      : h('ul', { class: 'dash-moves', 'aria-label': 'Lights that changed', 'data-testid': 'dash-since-lights' }, s.lights.map((l) => dealButton(l.dealId, `light ${l.from} → ${l.to}`))),
    s.overdueCalls.items.length === 0 ? null
      : h('ul', { class: 'dash-moves', 'aria-label': 'Overdue calls', 'data-testid': 'dash-since-call-list' }, s.overdueCalls.items.map((c) => dealButton(c.dealId, `call due ${callTime(c.at)}`, c.fresh))),
    s.overdueCalls.more > 0 ? h('p', { class: 'empty' }, `and ${s.overdueCalls.more} more overdue calls`) : null,
    s.overdueCheckpoints.items.length === 0 ? null
      : h('ul', { class: 'dash-moves', 'aria-label': 'Late checkpoints', 'data-testid': 'dash-since-checkpoint-list' },
        s.overdueCheckpoints.items.map((c) => dealButton(c.dealId, `${c.name} · due ${c.due} · ${nameOf(c.responsible) || 'nobody'}`, c.fresh))),
    s.overdueCheckpoints.more > 0 ? h('p', { class: 'empty' }, `and ${s.overdueCheckpoints.more} more late checkpoints`) : null,
  ];
  return parts.filter((x): x is HTMLElement => x !== null);
}

/** What clients owe today: invoiced = paid + due; the overdue part by days past the due date. */
function receivablesSection(d: Dashboard, m: (v: number) => string): HTMLElement {
  const r = d.receivables;
  if (!r.available) return section('Receivables', h('p', { class: 'empty', 'data-testid': 'dash-receivables-note' }, r.note));
  return section('Receivables',
    h('div', { class: 'dash-kpis' },
      h('div', null, h('span', { class: 'dash-k' }, 'Invoiced'), num('Invoiced', m(r.invoiced.value), r.invoiced)),
      h('div', null, h('span', { class: 'dash-k' }, 'Paid'), num('Paid on invoices', m(r.paid.value), r.paid)),
      h('div', null, h('span', { class: 'dash-k' }, 'Due'), num('Due', m(r.due.value), r.due, 'dash-due'))),
    h('div', { class: 'dash-row' }, h('span', { class: 'dash-label' }, 'Overdue'), num('Overdue', m(r.overdue.value), r.overdue, 'dash-overdue')),
    ...r.byAge.map((a) => bar(`Overdue ${a.label}`, r.overdue.value ? a.due.value / r.overdue.value : 0, num(`Overdue ${a.label}`, m(a.due.value), a.due))),
  );
}

function byTable(title: string, rows: Dashboard['conversionByManager'], label: (k: string) => string): HTMLElement {
  return h('table', { class: 'dash-table' },
    h('caption', null, title),
    h('thead', null, h('tr', null, h('th', { scope: 'col' }, ''), h('th', { scope: 'col' }, 'Deals'), h('th', { scope: 'col' }, 'Won'), h('th', { scope: 'col' }, 'Win'))),
    h('tbody', null, rows.map((r) => h('tr', null,
      h('th', { scope: 'row' }, label(r.key)),
      h('td', null, num(`${label(r.key)}: deals of the period`, String(r.deals.value), r.deals)),
      h('td', null, num(`${label(r.key)}: won`, String(r.won.value), r.won)),
      h('td', null, pct(r.winRate))))));
}

function dealList(d: Dashboard, list: { label: string; ids: string[] }): HTMLElement {
  return h('section', { class: 'dash-list', 'data-testid': 'dash-list', 'aria-label': `Deals: ${list.label}` },
    h('div', { class: 'dash-list-head' },
      h('h3', null, `${list.label} — ${list.ids.length} deal${list.ids.length === 1 ? '' : 's'}`),
      h('button', { type: 'button', class: 'link-button', 'data-testid': 'dash-list-close', onclick: () => { listing = null; renderDashboard(); } }, 'Close')),
    list.ids.length === 0 ? h('p', { class: 'empty' }, 'No deals.') : null,
    h('ul', null, list.ids.map((id) => {
      const ref = d.deals[id];
      return h('li', null, h('button', { type: 'button', class: 'dash-deal', 'data-testid': 'dash-deal', 'data-id': id, onclick: () => open(id) },
        h('span', { class: 'dash-deal-title' }, ref ? ref.title : id),
        h('span', { class: 'dash-deal-meta' }, ref ? `${ref.clientName} · ${money(ref.value, d.currency, true)}` : '')));
    })));
}
