// The log-a-call form (kind, with whom, what happened, agreed, next step, next contact), used on
// the deal's page and, opened and ready, on a row of the Today view.
import type { Card } from '../../../src/app/contracts/board';
import { h } from '../../dom';
import { logActivity } from '../../actions';
import { dateTimeInput, readDateTime, zoneLabel } from '../../typedFields';
import { showBanner } from '../kernel/banner';
import { field, input } from '../kernel/fields';

export interface LogFormOptions {
  /** Shown unfolded (Today: one click on "Log call" and the form is there). */
  open?: boolean;
  /** The next contact filled in, ready to be confirmed or changed (ISO). */
  nextContactAt?: string | null;
  /** Called after the server has logged it (and, with a next contact, the board reloaded). */
  onLogged(): void;
}

export function logForm(card: Card, options: LogFormOptions): HTMLElement {
  const kind = h('select', { 'data-testid': 'log-kind' }, ['call', 'note', 'email', 'meeting'].map((k) => h('option', { value: k }, k[0].toUpperCase() + k.slice(1))));
  const summaryEl = h('textarea', { rows: 2, required: true, placeholder: 'What happened', 'data-testid': 'log-summary' });
  const withWhom = input({ type: 'text', value: card.clientName, 'data-testid': 'log-with-whom' });
  const agreed = input({ type: 'text' });
  const nextStep = input({ type: 'text' });
  const nextContact = dateTimeInput(options.nextContactAt, 'Next contact', { 'data-testid': 'log-next-contact' });
  const submit = h('button', { type: 'submit', class: 'secondary', 'data-testid': 'log-submit' }, 'Log it');
  return h('details', { class: 'log', open: options.open === true },
    h('summary', null, 'Log a call / note'),
    h('form', {
      class: 'log-form', 'data-testid': 'log-form',
      onsubmit: (e: Event) => {
        e.preventDefault();
        if (!summaryEl.value.trim()) { summaryEl.focus(); return; }
        const next = readDateTime(nextContact, 'The next contact');
        if (!next.ok) { showBanner(next.message, 'warn'); nextContact.focus(); return; }
        submit.disabled = true;
        void logActivity({
          dealId: card.id,
          kind: kind.value as 'call',
          summary: summaryEl.value.trim(),
          withWhom: withWhom.value.trim(),
          agreed: agreed.value.trim(),
          nextStep: nextStep.value.trim(),
          ...(next.value ? { nextContactAt: next.value } : {}),
        }).then((ok) => {
          submit.disabled = false;
          if (ok) { showBanner('Logged.', 'info'); options.onLogged(); }
        });
      },
    },
    h('div', { class: 'row2' }, field('Kind', kind), field('With whom', withWhom)),
    field('What happened', summaryEl),
    field('Agreed', agreed),
    h('div', { class: 'row2 dates' }, field('Next step', nextStep), field(`Next contact (${zoneLabel()})`, nextContact)),
    h('div', { class: 'actions' }, submit),
    ));
}
