// One deal card: title, client, money, next contact, step ticks, traffic light, move menu.
import type { Card, CardSteps } from '../../../src/app/contracts/board';
import { type Forecast, ALLOWED_TRANSITIONS, type StageKey } from '../../../src/app/contracts/shared';
import { h, icon } from '../../dom';
import { money, when } from '../../format';
import { columns, state } from '../../state';
import { endIndex, goToCell, moveDeal, putStageBack, setForecast, setStep } from '../../actions';

export const STEPS: { key: keyof CardSteps; short: string; label: string }[] = [
  { key: 'estimateAccepted', short: 'Price OK', label: 'Rough estimate accepted' },
  { key: 'estimateSent', short: 'Sent', label: 'Estimate sent' },
  { key: 'socialConnected', short: 'Social', label: 'Connected on social networks' },
  { key: 'meetingAgreed', short: 'Meeting', label: 'Personal meeting agreed' },
];

const LIGHTS: { key: Forecast; label: string }[] = [
  { key: 'green', label: 'Green: will almost certainly happen' },
  { key: 'yellow', label: 'Yellow: the client is still choosing' },
  { key: 'red', label: 'Red: likely to fail' },
];

export interface CardHooks {
  openDetails(dealId: string): void;
}

export function renderCard(card: Card, hooks: CardHooks): HTMLElement {
  const board = state.board!;
  const ro = !card.editable;
  const reasons = state.reasons[card.id];
  const contact = card.nextContactAt
    ? h('span', {
      class: `due due-${card.nextContactState || 'later'}`,
      title: card.nextContactState === 'overdue' ? 'Next contact is overdue' : 'Next contact',
    }, icon('clock', 13), h('span', { class: 'due-text' }, card.nextContactState === 'overdue' ? `Overdue · ${when(card.nextContactAt, board.today)}` : when(card.nextContactAt, board.today)))
    : h('span', { class: 'due due-none' }, 'No next contact');

  return h('article', {
    class: `card${ro ? ' readonly' : ''}${state.highlight === card.id ? ' flash' : ''}${card.forecast ? ` fc-${card.forecast}` : ''}`,
    'data-testid': `card-${card.id}`,
    'data-id': card.id,
    'data-editable': ro ? 'false' : 'true',
    'aria-label': card.title,
  },
  h('div', { class: 'card-top' },
    h('button', { type: 'button', class: 'card-title', 'data-testid': 'card-title', onclick: () => hooks.openDetails(card.id) }, card.title || '(untitled deal)'),
    healthMark(card),
    ro ? h('span', { class: 'lock', title: `Read only: ${card.managerName || card.manager}'s deal`, role: 'img', 'aria-label': 'Read only' }, icon('lock', 14)) : null,
  ),
  h('div', { class: 'card-who' },
    h('span', { class: 'client' }, card.clientName || '—'),
    card.managerName ? h('span', { class: 'manager' }, card.managerName) : null,
  ),
  h('div', { class: 'card-money' },
    board.moneyHidden ? null : h('span', { class: 'value' }, money(card.value, board.currency)),
    contact,
  ),
  h('div', { class: 'steps', role: 'group', 'aria-label': 'Steps' },
    STEPS.map((step) => h('label', { class: `step${card.steps[step.key] ? ' on' : ''}`, title: step.label },
      h('input', {
        type: 'checkbox',
        'data-testid': `step-${step.key}`,
        'aria-label': step.label,
        checked: !!card.steps[step.key],
        disabled: ro,
        onchange: (e: Event) => { void setStep(card.id, step.key, (e.target as HTMLInputElement).checked); },
      }),
      h('span', null, step.short),
    )),
  ),
  h('div', { class: 'card-foot' },
    lights(card),
    h('span', { class: 'days', title: `${card.daysInStage} days in this stage` }, card.daysInStage > 0 ? `${card.daysInStage}d in stage` : 'since today'),
    ro ? null : moveMenu(card),
  ),
  card.stageProblem ? stageProblemNote(card) : null,
  reasons ? reasonsNote(card.id, reasons) : null,
  );
}

/** The Stage cell holds a value typed by hand that the add-on refused: say so, offer the fixes. */
function stageProblemNote(card: Card): HTMLElement {
  const problem = card.stageProblem!;
  return h('div', { class: 'stage-problem', 'data-testid': 'card-stage-problem', role: 'note' },
    h('div', null, icon('warn', 14), ` The sheet says “${problem.typed}” (row ${problem.row}): ${problem.why}. Shown where it was.`),
    h('div', { class: 'stage-problem-actions' },
      h('button', { type: 'button', class: 'link', 'data-testid': 'card-go-to-cell', onclick: () => { void goToCell('Deals', problem.row, 'Stage'); } }, 'Go to the cell'),
      card.editable ? h('button', { type: 'button', class: 'link', 'data-testid': 'card-put-back', onclick: () => { void putStageBack(problem.row); } }, 'Put it back') : null,
    ),
  );
}

const HEALTH: { [health: string]: { label: string; title: string } } = {
  red: { label: 'Late', title: 'Health: a checkpoint or the deadline is overdue' },
  amber: { label: 'Due soon', title: 'Health: a checkpoint is due soon' },
  green: { label: '', title: 'Health: on plan' },
};

/** Red and amber say so in words (colour alone is not enough); green is a quiet dot. */
function healthMark(card: Card): HTMLElement | null {
  const info = HEALTH[card.health];
  if (!info) return null;
  return h('span', {
    class: `health health-${card.health}${info.label ? ' health-pill' : ''}`,
    title: info.title, role: 'img', 'aria-label': info.title,
  }, info.label || null);
}

function lights(card: Card): HTMLElement {
  return h('div', { class: 'lights', role: 'group', 'aria-label': 'Forecast' },
    LIGHTS.map((light) => h('button', {
      type: 'button',
      class: `light light-${light.key}${card.forecast === light.key ? ' on' : ''}`,
      'data-testid': `forecast-${light.key}`,
      'aria-label': light.label,
      'aria-pressed': card.forecast === light.key ? 'true' : 'false',
      title: light.label,
      disabled: !card.editable,
      onclick: () => { void setForecast(card.id, card.forecast === light.key ? '' : light.key); },
    })));
}

function moveMenu(card: Card): HTMLElement {
  const allowed = ALLOWED_TRANSITIONS[card.stage] || [];
  const targets = columns().filter((c) => c.key !== card.stage && allowed.indexOf(c.key) >= 0);
  // Arrow keys on a closed select change its value (and fire change) key by key; such a
  // change only previews the target, Enter commits it. Mouse, touch and the opened list
  // commit on change.
  let arrowAt = 0;
  let pending = false;
  const commit = () => {
    const to = select.value as StageKey;
    pending = false;
    if (to) void moveDeal(card.id, to, endIndex(card.id, to));
  };
  const select = h('select', {
    class: 'move',
    'data-testid': 'move-menu',
    'aria-label': `Move "${card.title}" to another stage`,
    onkeydown: (e: KeyboardEvent) => {
      if (/^(Arrow|Page|Home|End)/.test(e.key)) arrowAt = Date.now();
      else if (e.key === 'Enter' && pending) { e.preventDefault(); commit(); }
    },
    onchange: () => {
      if (Date.now() - arrowAt < 250) pending = true;
      else commit();
    },
    onblur: () => { if (pending) { pending = false; select.value = ''; } },
  },
  h('option', { value: '' }, 'Move to…'),
  targets.map((c) => h('option', { value: c.key }, c.name)),
  );
  return select;
}

function reasonsNote(dealId: string, reasons: string[]): HTMLElement {
  return h('div', { class: 'reasons', 'data-testid': 'card-reasons', role: 'alert' },
    h('ul', null, reasons.map((r) => h('li', null, r))),
    h('button', {
      type: 'button',
      class: 'icon-button',
      'aria-label': 'Dismiss',
      onclick: () => {
        delete state.reasons[dealId];
        const note = document.querySelector(`[data-id="${CSS.escape(dealId)}"] .reasons`);
        if (note && note.parentNode) note.parentNode.removeChild(note);
      },
    }, icon('close', 14)),
  );
}
