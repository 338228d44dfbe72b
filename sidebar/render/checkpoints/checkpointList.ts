// The deal's checkpoints in its details: tick done, shift a due day, remove, add one, or
// start from a plan. Each action refreshes the details (and the card's health dot).
import type { Card } from '../../../src/app/contracts/board';
import type { CheckpointView } from '../../../src/app/contracts/health';
import { h, icon } from '../../dom';
import { day, dayFieldHint, dueLabel } from '../../format';
import { columnOf, nameOf, state } from '../../state';
import { applyPlan, completeCheckpoint, saveCheckpoint } from '../../checkpoints';
import { showBanner } from '../kernel/banner';
import { field, input } from '../kernel/fields';
import { dayInput, readDay } from '../../typedFields';

const ROLES = ['manager', 'executor', 'head', 'owner'];

export function checkpointsSection(card: Card, list: CheckpointView[], refresh: () => void): HTMLElement {
  const done = list.filter((c) => c.doneAt !== null).length;
  return h('section', { class: 'section checkpoints', id: 'sec-checkpoints', 'data-testid': 'checkpoints' },
    h('h3', null, 'Checkpoints', list.length ? h('span', { class: 'muted count' }, ` ${done}/${list.length} done`) : null),
    list.length
      ? h('ul', { class: 'cp-list' }, list.map((c) => checkpointRow(card, c, refresh)))
      : h('div', { class: 'muted small' }, 'No checkpoints yet. Plan the work after the sale: each step gets a due day and a responsible person.'),
    card.editable && list.length === 0 ? planForm(card, refresh) : null,
    card.editable ? addForm(card, refresh) : null,
  );
}

function checkpointRow(card: Card, c: CheckpointView, refresh: () => void): HTMLElement {
  const isDone = c.doneAt !== null;
  const gate = c.gatesStage ? columnOf(c.gatesStage) : null;
  const busy = (el: HTMLInputElement | HTMLButtonElement | HTMLSelectElement, work: Promise<boolean>) => {
    el.disabled = true;
    void work.then(refresh);
  };
  const due = dayInput(c.due, `Due day of "${c.name}"`, {
    class: 'cp-due', disabled: !card.editable || isDone, 'data-testid': `checkpoint-due-${c.id}`,
    onchange: () => {
      const read = readDay(due, 'The due day');
      if (!read.ok) { showBanner(read.message, 'warn'); return; }
      busy(due, saveCheckpoint({ id: c.id, dealId: card.id, due: read.value, expectedVersion: c.version }));
    },
  });
  const tick = input({
    type: 'checkbox', checked: isDone, disabled: !c.canComplete, 'data-testid': `checkpoint-done-${c.id}`,
    'aria-label': `"${c.name}" done`,
    title: c.canComplete ? '' : `Only ${c.responsible || 'the responsible person'}${c.allowed ? `, ${c.allowed}` : ''}, a head or the owner may tick this`,
    onchange: () => busy(tick, completeCheckpoint(card.id, c.id, tick.checked)),
  });
  return h('li', { class: `cp${isDone ? ' done' : ''}${c.late ? ' late' : ''}`, 'data-testid': `checkpoint-${c.id}` },
    h('label', { class: 'cp-tick' }, tick),
    h('div', { class: 'cp-main' },
      h('div', { class: 'cp-head' },
        h('span', { class: 'cp-name' }, c.name),
        gate ? h('span', { class: 'badge-soft gate', title: `The deal cannot move to ${gate.name} until this is done` }, `gates ${gate.name}`) : null,
        c.late ? h('span', { class: 'badge-soft late' }, dueLabel(c.daysLeft)) : null,
        !c.late && c.daysLeft !== null && c.daysLeft <= 3 ? h('span', { class: 'badge-soft soon' }, dueLabel(c.daysLeft)) : null,
      ),
      h('div', { class: 'cp-meta' },
        isDone && c.due ? h('span', null, 'planned') : null,
        due,
        isDone
          ? h('span', { class: 'cp-doneat' }, `done ${day(c.doneAt)}${c.doneBy ? ` by ${nameOf(c.doneBy)}` : ''}`)
          : c.unassignedRole ? unassignedPicker(card, c, c.unassignedRole, busy)
          : c.responsible ? h('span', { class: 'cp-who', title: `Responsible: ${c.responsible}` }, nameOf(c.responsible)) : null),
    ),
    card.editable ? h('button', {
      type: 'button', class: 'icon-button cp-remove', 'data-testid': `checkpoint-remove-${c.id}`, 'aria-label': `Remove "${c.name}"`, title: 'Remove',
      onclick: (e: Event) => busy(e.currentTarget as HTMLButtonElement, saveCheckpoint({ id: c.id, dealId: card.id, remove: true, expectedVersion: c.version })
        .then((ok) => { if (ok) showBanner(`Checkpoint "${c.name}" removed.`, 'info'); return ok; })),
    }, icon('close', 16)) : null,
  );
}

/**
 * Issue 23: a plan step for a role several people hold waits for a person. Who may plan the deal
 * picks one here; everyone else sees the state in words.
 */
function unassignedPicker(card: Card, c: CheckpointView, role: string, busy: (el: HTMLSelectElement, work: Promise<boolean>) => void): HTMLElement {
  const label = `Unassigned (${role}): pick a person`;
  const people = state.board ? state.board.team.filter((m) => m.role === role) : [];
  if (!card.editable || people.length === 0) return h('span', { class: 'badge-soft unassigned', 'data-testid': `checkpoint-unassigned-${c.id}` }, label);
  const pick = h('select', {
    class: 'cp-pick', 'aria-label': `Responsible for "${c.name}"`, 'data-testid': `checkpoint-pick-${c.id}`,
    onchange: () => { if (pick.value) busy(pick, saveCheckpoint({ id: c.id, dealId: card.id, responsible: pick.value, expectedVersion: c.version })); },
  },
  h('option', { value: '' }, label),
  people.map((m) => h('option', { value: m.email }, m.name || m.email))) as HTMLSelectElement;
  return h('span', { class: 'badge-soft unassigned' }, pick);
}

function addForm(card: Card, refresh: () => void): HTMLElement {
  const board = state.board;
  const name = input({ type: 'text', required: true, placeholder: 'Name, e.g. Design done', autocomplete: 'off', 'aria-label': 'Checkpoint name', 'data-testid': 'checkpoint-add-name' });
  const due = dayInput(null, 'Due day', { 'data-testid': 'checkpoint-add-due' });
  const who = input({ type: 'text', list: 'cp-people', placeholder: 'Responsible', 'aria-label': 'Responsible: email or role', autocomplete: 'off', 'data-testid': 'checkpoint-add-who' });
  const submit = h('button', { type: 'submit', class: 'secondary' }, icon('plus', 16), 'Add');
  return h('form', {
    class: 'mini-form', 'data-testid': 'checkpoint-add',
    onsubmit: (e: Event) => {
      e.preventDefault();
      if (!name.value.trim()) { name.focus(); return; }
      const read = readDay(due, 'The due day');
      if (!read.ok) { showBanner(read.message, 'warn'); due.focus(); return; }
      submit.disabled = true;
      void saveCheckpoint({ dealId: card.id, name: name.value.trim(), due: read.value, responsible: who.value.trim() })
        .then((ok) => { submit.disabled = false; if (ok) refresh(); });
    },
  },
  h('div', { class: 'mini-title' }, 'Add checkpoint'),
  h('div', { class: 'cp-add' }, name, due, who, submit),
  h('datalist', { id: 'cp-people' },
    ROLES.map((r) => h('option', { value: r })),
    board ? board.team.map((m) => h('option', { value: m.email }, m.name)) : null),
  );
}

function planForm(card: Card, refresh: () => void): HTMLElement {
  const plan = input({ type: 'text', value: 'Website', required: true, 'data-testid': 'apply-plan-name' });
  const start = dayInput(state.board ? state.board.today : '', 'Work starts', { required: true, 'data-testid': 'apply-plan-start' });
  const submit = h('button', { type: 'submit', class: 'primary' }, 'Apply plan');
  return h('form', {
    class: 'mini-form plan', 'data-testid': 'apply-plan',
    onsubmit: (e: Event) => {
      e.preventDefault();
      if (!plan.value.trim() || !start.value) return;
      const read = readDay(start, 'The start day');
      if (!read.ok || !read.value) { if (!read.ok) showBanner(read.message, 'warn'); start.focus(); return; }
      submit.disabled = true;
      void applyPlan(card.id, plan.value.trim(), read.value).then((added) => {
        submit.disabled = false;
        if (added === null) return;
        showBanner(added ? `${added} checkpoint${added === 1 ? '' : 's'} planned.` : 'The plan added nothing new.', 'info');
        refresh();
      });
    },
  },
  h('div', { class: 'mini-title' }, 'Start from a plan'),
  h('div', { class: 'row2 dates' }, field('Plan', plan), field(`Work starts (${dayFieldHint()})`, start)),
  h('div', { class: 'actions' }, submit),
  );
}
