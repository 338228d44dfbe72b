// "Plan a meeting" in the deal's details (length, place, window → free slots from the
// manager's calendar → book one) and the compact two-week planner panel.
import type { Card } from '../../../src/app/contracts/board';
import type { BookResult, Planner, SlotSearch } from '../../../src/app/contracts/meetings';
import { h, clear, icon } from '../../dom';
import { day as dayLabel } from '../../format';
import { call, messageOf } from '../../rpc';
import { openPanel, refreshPanel } from '../kernel/panel';
import { showBanner } from '../kernel/banner';
import { tripTools } from './trips';

import { reload } from '../../actions';

interface PlanState {
  duration: number;
  place: 'office' | 'client' | 'video';
  search: SlotSearch | null;
  booked: BookResult | null;
  busy: boolean;
  error: string;
}

const plans: { [dealId: string]: PlanState } = {};

export function meetingSection(card: Card, onBooked: () => void): HTMLElement {
  const el = h('section', { class: 'section meetings-plan', id: 'sec-meeting', 'data-testid': 'meeting-plan' });
  const s = plans[card.id] || (plans[card.id] = { duration: 60, place: 'office', search: null, booked: null, busy: false, error: '' });
  const draw = () => clear(el, ...content(card, s, draw, onBooked));
  draw();
  return el;
}

function content(card: Card, s: PlanState, draw: () => void, onBooked: () => void): HTMLElement[] {
  const find = () => {
    s.busy = true;
    s.error = '';
    s.booked = null;
    draw();
    call('api_findMeetingSlots', card.id, { durationMinutes: s.duration, place: s.place })
      .then((search) => { s.search = search; })
      .catch((error) => { s.error = messageOf(error); })
      .then(() => { s.busy = false; draw(); });
  };
  const book = (start: string) => {
    s.busy = true;
    s.error = '';
    draw();
    call('api_bookMeeting', card.id, { start, durationMinutes: s.duration, place: s.place })
      .then((booked) => {
        s.booked = booked;
        s.search = null;
        showBanner(`${booked.rescheduled ? 'Meeting moved' : 'Meeting booked'}: ${booked.label}.`, 'info');
        onBooked();
      })
      .catch((error) => { s.error = messageOf(error); })
      .then(() => { s.busy = false; draw(); });
  };
  const duration = h('select', { 'data-testid': 'meeting-duration', 'aria-label': 'Length', onchange: (e: Event) => { s.duration = Number((e.target as HTMLSelectElement).value); } },
    [30, 45, 60, 90, 120].map((m) => h('option', { value: String(m), selected: m === s.duration }, `${m} min`)));
  const place = h('select', { 'data-testid': 'meeting-place', 'aria-label': 'Place', onchange: (e: Event) => { s.place = (e.target as HTMLSelectElement).value as PlanState['place']; } },
    [['office', 'Office'], ['client', 'Client\'s address'], ['video', 'Video']].map(([v, label]) => h('option', { value: v, selected: v === s.place }, label)));
  const out: HTMLElement[] = [
    // A space and a margin between the heading and its button: they read "MEETINGPlanner" (issue 21, item 9).
    h('h3', { class: 'meeting-head' }, 'Meeting', ' ',
      h('button', { type: 'button', class: 'link-button', 'data-testid': 'open-planner', onclick: () => openPlanner() }, 'Open planner')),
    h('div', { class: 'meeting-form' }, duration, place,
      h('button', { type: 'button', class: 'secondary', 'data-testid': 'plan-meeting', disabled: !card.editable || s.busy, onclick: find },
        icon('event', 14), s.busy ? ' Looking…' : ' Plan a meeting')),
  ];
  if (s.error) out.push(h('div', { class: 'doc-result error', role: 'alert', 'data-testid': 'meeting-error' }, s.error));
  if (s.booked) {
    out.push(h('div', { class: 'doc-result', 'data-testid': 'meeting-booked' }, `Booked ${s.booked.label}`,
      s.booked.guest ? ` · invitation to ${s.booked.guest}` : '',
      ...s.booked.warnings.map((w) => h('div', { class: 'small warn' }, w))));
  }
  if (s.search) {
    const search = s.search;
    if (search.tripDays.length) {
      // One line per trip day, down the panel (issue 21, item 9: a run of nowrap chips read sideways).
      out.push(h('div', { class: 'small trip-days', 'data-testid': 'trip-days' }, h('div', { class: 'trip-days-title' }, 'Trip days'),
        h('ul', { class: 'trip-day-list' }, search.tripDays.map((t) => h('li', { class: 'trip-day' }, `${dayLabel(t.day)} · ${t.city} · ${Math.round(t.fill * 100)}% full`)))));
    }
    out.push(search.slots.length === 0
      ? h('div', { class: 'muted small' }, `No free ${search.durationMinutes}-minute slot from ${search.fromDay} to ${search.toDay}.`)
      : h('ol', { class: 'slot-list', 'data-testid': 'slots' }, search.slots.map((slot) => h('li', null,
        h('button', { type: 'button', class: `slot${slot.trip ? ' on-trip' : ''}`, 'data-testid': 'slot', 'data-start': slot.start, disabled: s.busy, onclick: () => book(slot.start) },
          slot.label, slot.trip ? h('span', { class: 'muted small' }, ` · ${slot.trip}${slot.packed ? ' (packed)' : ''}`) : '')))));
    if (!search.guest) out.push(h('div', { class: 'small warn' }, 'This deal has no client e-mail: the meeting will be booked without a guest.'));
  }
  return out;
}

let planner: { data: Planner | null; error: string } = { data: null, error: '' };
let openCard: (dealId: string) => void = () => undefined;

/** The details page registers how a planner row opens a card. */
export function onPlannerOpensCard(open: (dealId: string) => void): void {
  openCard = open;
}

export function openPlanner(): void {
  planner = { data: null, error: '' };
  openPanel({ title: 'Meetings · next 2 weeks', testid: 'planner', body: plannerBody });
  call('api_getPlanner')
    .then((data) => {
      planner.data = data;
      // A sync that rewrote deals (moved, cancelled, declined) gives their cards new versions and times.
      if (data.sync.moved + data.sync.cancelled + data.sync.declined > 0) void reload();
    })
    .catch((error) => { planner.error = messageOf(error); })
    .then(() => refreshPanel());
}

function hours(minutes: number): string {
  const h0 = Math.floor(minutes / 60);
  const m = minutes % 60;
  return m ? `${h0} h ${m} min` : `${h0} h`;
}

function plannerBody(): HTMLElement {
  if (!planner.data) return h('div', { class: 'muted pad' }, planner.error || 'Reading your calendar…');
  const p = planner.data;
  const changed = p.sync.moved + p.sync.cancelled + p.sync.declined;
  return h('div', { class: 'planner' },
    tripTools(openPlanner),
    changed ? h('div', { class: 'small', 'data-testid': 'planner-sync' }, `From Calendar: ${p.sync.moved} moved, ${p.sync.cancelled} cancelled, ${p.sync.declined} declined.`) : h('span'),
    h('ol', { class: 'planner-days' }, p.days.filter((d) => d.working || d.meetings.length || d.trip).map((d) => h('li', {
      class: `planner-day${d.trip ? ' trip' : ''}`, 'data-testid': 'planner-day', 'data-day': d.day,
    },
    h('div', { class: 'planner-day-head' }, h('strong', null, d.label), d.trip ? h('span', { class: 'trip-badge' }, ` ✈ ${d.trip}`) : '',
      h('span', { class: 'muted small' }, d.working ? ` · free ${hours(d.freeMinutes)} · ${Math.round(d.fill * 100)}% full` : ' · day off')),
    h('div', { class: 'planner-fill', 'aria-hidden': 'true' }, h('span', { style: `width:${Math.round(d.fill * 100)}%` })),
    d.meetings.length === 0 ? h('span') : h('ul', { class: 'planner-meetings' }, d.meetings.map((m) => h('li', null,
      // Its own class (not the board strip's column-stacked .meeting) and " · " between the parts:
      // it read "09:00–10:00Felix Smith" (issue 21, item 9).
      h('button', { type: 'button', class: 'planner-meeting', 'data-testid': 'planner-meeting', onclick: () => openCard(m.dealId) },
        h('span', { class: 'meeting-when' }, m.time), ' · ', h('span', { class: 'meeting-who' }, m.client || m.title),
        h('span', { class: 'muted small' }, `${m.place ? ` · ${m.place}` : ''}${m.status === 'moved' ? ' · moved' : ''}`))))),
    ))));
}
