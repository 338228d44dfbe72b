// The planner's trip tools (issue 21, item 6): "Add a trip" (city, first and last day) and
// "Print the day plan" (each trip day's meetings in order, with addresses and phones, as a Doc and PDF).
import { h, clear } from '../../dom';
import { call, messageOf } from '../../rpc';
import { state } from '../../state';
import { showBanner } from '../kernel/banner';
import { dayFieldHint } from '../../format';
import { dayInput, readDay } from '../../typedFields';
import type { DayPlan } from '../../../src/app/contracts/meetings';

let formOpen = false;
let printed: DayPlan | null = null;
let busy = false;
let error = '';
/** The trip form's typed text while it is open. */
let draft: { city: string; from: string; to: string } | null = null;

export function tripTools(reloadPlanner: () => void): HTMLElement {
  const el = h('div', { class: 'trip-tools', 'data-testid': 'trip-tools' });
  const draw = () => clear(el, ...content(draw, reloadPlanner));
  draw();
  return el;
}

function content(draw: () => void, reloadPlanner: () => void): HTMLElement[] {
  const today = state.board ? state.board.today : '';
  const out: HTMLElement[] = [
    h('div', { class: 'trip-buttons' },
      h('button', { type: 'button', class: 'secondary', 'data-testid': 'add-trip', 'aria-expanded': formOpen ? 'true' : 'false', onclick: () => { formOpen = !formOpen; error = ''; draft = null; draw(); } }, 'Add a trip'),
      h('button', {
        type: 'button', class: 'secondary', 'data-testid': 'print-day-plan', disabled: busy,
        onclick: () => {
          busy = true; error = ''; printed = null; draw();
          call('api_printDayPlan')
            .then((plan) => { printed = plan; })
            .catch((e) => { error = messageOf(e); })
            .then(() => { busy = false; draw(); });
        },
      }, busy && !formOpen ? 'Printing…' : 'Print the day plan')),
  ];
  if (formOpen) {
    const city = h('input', { type: 'text', 'data-testid': 'trip-city', 'aria-label': 'City', placeholder: 'City', maxlength: '100', value: draft ? draft.city : '' });
    const from = dayInput(today, 'From', { 'data-testid': 'trip-from' });
    const to = dayInput(today, 'To', { 'data-testid': 'trip-to' });
    // What was typed survives a redraw (a refusal or the server's error), so it can be corrected.
    if (draft) { from.value = draft.from; to.value = draft.to; }
    out.push(h('form', {
      class: 'trip-form', 'data-testid': 'trip-form',
      onsubmit: (e: Event) => {
        e.preventDefault();
        draft = { city: city.value, from: from.value, to: to.value };
        const fromRead = readDay(from, 'The first day');
        const toRead = readDay(to, 'The last day');
        if (!fromRead.ok) { error = fromRead.message; draw(); return; }
        if (!toRead.ok) { error = toRead.message; draw(); return; }
        busy = true; error = ''; draw();
        call('api_addTrip', { city: draft.city, fromDay: fromRead.value || '', toDay: toRead.value || '' })
          .then((trip) => {
            formOpen = false;
            draft = null;
            showBanner(`Trip added: ${trip.city}, ${trip.fromDay} to ${trip.toDay}.`, 'info');
            reloadPlanner();
          })
          .catch((e) => { error = messageOf(e); })
          .then(() => { busy = false; draw(); });
      },
    },
    h('label', null, 'City', city), h('label', null, `From (${dayFieldHint()})`, from), h('label', null, `To (${dayFieldHint()})`, to),
    h('button', { type: 'submit', class: 'primary', 'data-testid': 'trip-save', disabled: busy }, 'Add the trip')));
  }
  if (error) out.push(h('div', { class: 'doc-result error', role: 'alert', 'data-testid': 'trip-error' }, error));
  if (printed) {
    const meetings = printed.days.reduce((n, d) => n + d.meetings.length, 0);
    out.push(h('div', { class: 'doc-result', 'data-testid': 'day-plan' },
      `${printed.days.length} trip day${printed.days.length === 1 ? '' : 's'}, ${meetings} meeting${meetings === 1 ? '' : 's'}: `,
      h('a', { href: printed.docUrl, target: '_blank', rel: 'noopener', 'data-testid': 'day-plan-doc' }, 'Open the Doc'), ' · ',
      h('a', { href: printed.pdfUrl, target: '_blank', rel: 'noopener', 'data-testid': 'day-plan-pdf' }, 'PDF')));
  }
  return out;
}
