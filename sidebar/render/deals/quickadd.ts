// "+ Request": a phone call becomes a lead (and, by default, a deal in New) in seconds.
import { h } from '../../dom';
import { addLead } from '../../actions';
import { closePanel, openPanel } from '../kernel/panel';
import { checkbox, field, input } from '../kernel/fields';
import { dateTimeInput, readDateTime, readMoney, zoneLabel } from '../../typedFields';
import { defaultCallBack } from '../../todayList';
import { showBanner } from '../kernel/banner';

export function openQuickAdd(): void {
  openPanel({ title: 'New request', testid: 'quick-add', body: quickAddForm });
  const first = document.querySelector('[data-testid="quick-add-form"] input') as HTMLInputElement | null;
  if (first) first.focus();
}

function quickAddForm(): HTMLElement {
  const name = input({ type: 'text', required: true, autocomplete: 'off', 'data-testid': 'quick-add-name' });
  const phone = input({ type: 'tel', autocomplete: 'off' });
  const email = input({ type: 'email', autocomplete: 'off' });
  const message = h('textarea', { rows: 3 });
  const budget = input({ type: 'text', inputmode: 'decimal', autocomplete: 'off', placeholder: 'e.g. 5000', 'data-testid': 'quick-add-budget' });
  const create = checkbox('Create a deal in New now', { checked: true });
  // The deal made at once gets a call back, as a converted request does.
  const callBack = dateTimeInput(defaultCallBack(), 'Call back', { 'data-testid': 'quick-add-call-back' });
  const callBackField = field(`Call back (${zoneLabel()})`, callBack);
  const createBox = create.querySelector('input') as HTMLInputElement;
  createBox.addEventListener('change', () => { callBackField.hidden = !createBox.checked; });
  const submit = h('button', { type: 'submit', class: 'primary', 'data-testid': 'quick-add-submit' }, 'Add request');
  return h('form', {
    class: 'quick-add-form', 'data-testid': 'quick-add-form',
    onsubmit: (e: Event) => {
      e.preventDefault();
      if (!name.value.trim()) { name.focus(); return; }
      const rough = readMoney(budget, 'The budget');
      if (!rough.ok) { showBanner(rough.message, 'warn'); budget.focus(); return; }
      const createDeal = createBox.checked;
      const next = createDeal ? readDateTime(callBack, 'The call back') : { ok: true as const, value: null };
      if (!next.ok) { showBanner(next.message, 'warn'); callBack.focus(); return; }
      submit.disabled = true;
      void addLead({
        name: name.value.trim(),
        phone: phone.value.trim() || undefined,
        email: email.value.trim() || undefined,
        message: message.value.trim() || undefined,
        budget: budget.value.trim() ? rough.value : undefined,
        createDeal,
        ...(createDeal ? { nextContactAt: next.value } : {}),
      }).then((ok) => { if (ok) closePanel(); else submit.disabled = false; });
    },
  },
  field('Client or company name', name),
  h('div', { class: 'row2' }, field('Phone', phone), field('Email', email)),
  field('What they need', message),
  field('Rough budget', budget),
  create,
  callBackField,
  h('div', { class: 'actions' }, submit),
  );
}
