// The top bar: Board / Desk / Today tabs, forecast roll-up, scope filter (client-side: the state
// holds every deal), instant search, refresh, quick add, inbox; in the wide dialog also the
// meeting planner (agreed meetings in the next two weeks).
import { h, clear, icon } from '../../dom';
import { money, when } from '../../format';
import { upcomingMeetings } from '../../meetingStrip';
import { changed, columns, inScope, rollup, state, type View } from '../../state';

/** The traffic lights in words (PRODUCT: green = will almost certainly happen, yellow = the
 * client is still choosing, red = likely to fail): colours alone say nothing to a new user. */
const FORECAST_LABELS = [
  { key: 'green', label: 'Likely', meaning: 'will almost certainly happen' },
  { key: 'yellow', label: 'Choosing', meaning: 'the client is still choosing' },
  { key: 'red', label: 'At risk', meaning: 'likely to fail' },
] as const;

export interface HeaderHooks {
  openInbox(): void;
  openQuickAdd(): void;
  openDetails(dealId: string): void;
  /** Switches between the board, the desk and today's calls; refresh reloads whichever is on. */
  showView(view: View): void;
  refresh(): void;
}

export interface Header {
  update(): void;
}

export function mountHeader(parent: HTMLElement, hooks: HeaderHooks): Header {
  const scope = h('select', {
    class: 'scope',
    'data-testid': 'filter-scope',
    'aria-label': 'Whose deals',
    onchange: () => { state.scope = scope.value; changed(); },
  });
  const tab = (view: View, label: string, testid: string) => h('button', {
    type: 'button', role: 'tab', class: 'tab', 'data-testid': testid, 'data-view': view, onclick: () => hooks.showView(view),
  }, label);
  const tabs = h('div', { class: 'tabs', role: 'tablist', 'aria-label': 'View' },
    tab('board', 'Board', 'board-button'), tab('desk', 'Desk', 'desk-button'), tab('today', 'Today', 'today-button'),
    h('button', {
      type: 'button', role: 'tab', class: 'tab', 'data-testid': 'dashboard-button', 'data-view': 'dashboard', 'aria-label': 'Dashboard',
      onclick: () => hooks.showView('dashboard'),
    }, h('span', { class: 'tab-long' }, 'Dashboard'), h('span', { class: 'tab-short' }, 'KPI')));
  const todayTab = tabs.querySelector('[data-view="today"]') as HTMLElement;
  const dashboardTab = tabs.querySelector('[data-view="dashboard"]') as HTMLElement;
  dashboardTab.setAttribute('title', 'Dashboard: plan, pipeline, conversion, profit, overdue work');
  const search = h('input', {
    type: 'search',
    class: 'search-input',
    'data-testid': 'search',
    placeholder: 'Search…',
    title: 'Search deals by title, client or phone',
    'aria-label': 'Search deals',
    autocomplete: 'off',
    oninput: () => { state.search = search.value; changed(); },
  });
  const badge = h('span', { class: 'badge', hidden: true });
  const inbox = h('button', {
    type: 'button', class: 'icon-button inbox-button', 'data-testid': 'inbox-button', 'aria-label': 'Inbox', title: 'Inbox: new requests', onclick: hooks.openInbox,
  }, icon('inbox', 20), badge);
  const quickAdd = h('button', { type: 'button', class: 'primary quick-add', 'data-testid': 'quick-add-button', onclick: hooks.openQuickAdd, title: 'New request', 'aria-label': 'New request' }, icon('plus', 18), h('span', { class: 'quick-add-label' }, 'Request'));
  const rollupEl = h('div', { class: 'rollup', 'aria-label': 'Forecast roll-up' });
  const meetings = h('div', { class: 'meetings', 'aria-label': 'Meetings in the next two weeks' });

  parent.appendChild(h('header', { class: 'topbar' },
    h('div', { class: 'toolbar' },
      h('span', { class: 'brand' }, 'Dealboard'),
      tabs,
      scope,
      h('label', { class: 'search' }, icon('search', 16), search),
      h('div', { class: 'tools' },
        h('button', { type: 'button', class: 'icon-button', 'aria-label': 'Refresh the board', title: 'Refresh', onclick: hooks.refresh }, icon('refresh', 20)),
        inbox,
        quickAdd,
      ),
    ),
    h('div', { class: 'overview' }, rollupEl, meetings),
  ));

  function update(): void {
    document.body.classList.toggle('view-desk', state.view === 'desk');
    document.body.classList.toggle('view-today', state.view === 'today');
    document.body.classList.toggle('view-dashboard', state.view === 'dashboard');
    tabs.querySelectorAll('.tab').forEach((t) => {
      const on = t.getAttribute('data-view') === state.view;
      t.setAttribute('aria-selected', on ? 'true' : 'false');
      t.classList.toggle('on', on);
    });
    const board = state.board;
    if (!board) return;
    clear(scope,
      h('option', { value: 'mine' }, 'My deals'),
      h('option', { value: 'all' }, 'All deals'),
      board.team.length ? h('optgroup', { label: 'Manager' },
        board.team.map((m) => h('option', { value: `m:${m.email}` }, m.name || m.email))) : null,
    );
    scope.value = state.scope;
    const count = board.inbox.length;
    // Executors take no requests (the server refuses them too): no Inbox, no quick add.
    const executor = board.me.role === 'executor';
    inbox.hidden = executor;
    quickAdd.hidden = executor;
    // Executors make no sales calls (api_getToday refuses them too).
    todayTab.hidden = executor;
    // Executors have no figures (api_getDashboard refuses them too).
    dashboardTab.hidden = executor;
    badge.textContent = count > 99 ? '99+' : String(count);
    badge.hidden = count === 0;
    inbox.setAttribute('aria-label', `Inbox, ${count} new request${count === 1 ? '' : 's'}`);

    const r = rollup();
    // Executors see the work, not the money (issue 21, item 17): no "Likely €…".
    rollupEl.hidden = !!board.moneyHidden;
    clear(rollupEl, FORECAST_LABELS.map(({ key, label, meaning }) => h('div', {
      class: `roll roll-${key}`,
      'data-testid': `rollup-${key}`,
      title: `${label} (${meaning}): ${r[key].count} deal${r[key].count === 1 ? '' : 's'}, ${money(r[key].amount, board.currency)}`,
    },
    h('span', { class: 'roll-label' }, h('span', { class: 'dot' }), label),
    h('span', { class: 'roll-figures' },
      h('span', { class: 'roll-count' }, String(r[key].count)),
      h('span', { class: 'roll-amount' }, money(r[key].amount, board.currency, true))),
    )));
    renderMeetings(board.today, board.currency);
  }

  function renderMeetings(today: string, currency: string): void {
    const upcoming = upcomingMeetings(columns().flatMap((column) => column.cards.filter(inScope)), today);
    clear(meetings,
      h('div', { class: 'meetings-title' }, icon('event', 16), `Meetings · next 2 weeks`, h('span', { class: 'muted' }, ` ${upcoming.length}`)),
      upcoming.length === 0
        ? h('div', { class: 'muted small' }, 'No meetings booked for the next two weeks.')
        : h('ol', { class: 'meeting-list' }, upcoming.slice(0, 12).map((card) => h('li', null,
          h('button', { type: 'button', class: 'meeting', 'data-testid': 'strip-meeting', 'data-id': card.id, onclick: () => hooks.openDetails(card.id) },
            h('span', { class: 'meeting-when' }, when(card.meetingStart, today)),
            h('span', { class: 'meeting-who' }, card.clientName || card.title),
            state.board && state.board.moneyHidden ? null : h('span', { class: 'meeting-value' }, money(card.value, currency, true)),
          )))),
    );
  }

  return { update };
}
