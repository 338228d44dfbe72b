// "Who do I call today": the signed-in manager's overdue next contacts (first, oldest first),
// then today's calls and meetings by time. One click on "Log call" unfolds the log form for
// that deal with the next contact filled in; once logged, the board reloads and the row moves
// to its new time or leaves the list.
import { h, clear, icon } from '../../dom';
import { when } from '../../format';
import { state } from '../../state';
import { zoneLabel } from '../../typedFields';
import { defaultCallBack, myDay, todayFor, type TodayEntry } from '../../todayList';
import { logForm } from './logCall';
import { overdueInvoicesSection } from '../money/overdueInvoices';
import { answeredBriefsSection } from '../briefs/answeredBriefs';

let host: HTMLElement | null = null;
let open: (dealId: string) => void = () => undefined;
/** Forms unfolded on rows, kept across redraws so nothing typed is lost when the board reloads. */
const forms: { [dealId: string]: HTMLElement } = {};

export function mountToday(parent: HTMLElement, openDetails: (dealId: string) => void): HTMLElement {
  open = openDetails;
  host = h('main', { class: 'today', 'data-testid': 'today', 'aria-label': 'Today: calls and meetings', hidden: true });
  parent.appendChild(host);
  return host;
}

export function renderToday(): void {
  if (!host) return;
  const board = state.board;
  if (!board) { clear(host, h('div', { class: 'empty-board' }, 'Loading your day…')); return; }
  const entries = myDay();
  for (const id of Object.keys(forms)) if (!entries.some((e) => e.dealId === id)) delete forms[id];
  const overdue = entries.filter((e) => e.overdue).length;
  clear(host,
    whosePicker(board),
    h('div', { class: 'today-head' },
      h('div', { class: 'today-counts', 'data-testid': 'today-counts' },
        h('span', { class: `today-count${overdue ? ' late' : ''}` }, `${overdue} overdue`),
        h('span', { class: 'today-count' }, `${entries.length - overdue} today`)),
      h('span', { class: 'muted small', 'data-testid': 'today-zone' }, `Times in ${zoneLabel()}`)),
    answeredBriefsSection(todayFor.manager || board.me.email, board, board.today, open, renderToday),
    overdueInvoicesSection(todayFor.manager || board.me.email, board, open, renderToday),
    entries.length === 0
      ? h('div', { class: 'empty pad' }, 'Nothing due today. Set a next contact on a deal and it shows up here on its day.')
      : h('ol', { class: 'today-list' }, entries.map((entry) => row(entry, board.today))),
  );
}

/** Owner and head may look at any manager's day (the morning meeting goes through each one). */
function whosePicker(board: NonNullable<typeof state.board>): HTMLElement | null {
  if (board.me.role !== 'owner' && board.me.role !== 'head') return null;
  const people = board.team.filter((m) => m.role !== 'executor');
  const current = todayFor.manager || board.me.email;
  return h('label', { class: 'today-whose small' }, 'Day of ',
    h('select', {
      'data-testid': 'today-manager',
      onchange: (e: Event) => { todayFor.manager = (e.target as HTMLSelectElement).value; renderToday(); },
    }, people.map((m) => h('option', { value: m.email, selected: m.email === current }, m.email === board.me.email ? `${m.name} (me)` : m.name))));
}

function row(entry: TodayEntry, today: string): HTMLElement {
  const card = entry.card;
  const at = new Date(entry.at).toISOString();
  const meeting = entry.kind === 'meeting';
  const end = meeting && entry.end !== null ? ` – ${when(new Date(entry.end).toISOString(), today).replace(/^Today /, '')}` : '';
  const form = forms[card.id];
  return h('li', { class: `today-item${entry.overdue ? ' overdue' : ''}${meeting ? ' meeting-row' : ''}`, 'data-testid': `today-item-${card.id}`, 'data-kind': entry.kind },
    h('div', { class: 'today-when' },
      icon(meeting ? 'event' : 'clock', 14),
      h('time', { datetime: at, title: `${meeting ? 'Meeting' : 'Next contact'} (${zoneLabel()})`, 'data-testid': 'today-time' }, `${when(at, today)}${end}`),
      entry.overdue ? h('span', { class: 'today-tag late', 'data-testid': 'today-overdue' }, 'Overdue') : null,
      meeting ? h('span', { class: 'today-tag' }, 'Meeting') : null),
    h('div', { class: 'today-who' },
      h('span', { class: 'today-client' }, card.clientName || '—'),
      card.phone ? h('a', { class: 'today-phone', href: `tel:${card.phone.replace(/[^\d+]/g, '')}` }, card.phone) : null),
    h('div', { class: 'today-deal' },
      h('button', { type: 'button', class: 'today-title', onclick: () => open(card.id) }, card.title || '(untitled deal)'),
      card.editable && !form ? h('button', {
        type: 'button', class: 'secondary mini', 'data-testid': `today-log-${card.id}`, 'aria-label': `Log a call with ${card.clientName || card.title}`,
        onclick: () => openForm(card.id),
      }, 'Log call') : null),
    card.editable ? form : null,
  );
}

function openForm(dealId: string): void {
  const entry = myDay().filter((e) => e.dealId === dealId)[0];
  if (!entry) return;
  forms[dealId] = logForm(entry.card, {
    open: true,
    nextContactAt: defaultCallBack(),
    onLogged: () => { delete forms[dealId]; renderToday(); },
  });
  renderToday();
  const summary = forms[dealId] && forms[dealId].querySelector('textarea');
  if (summary) (summary as HTMLTextAreaElement).focus();
}
