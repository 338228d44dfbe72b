// The deal's own page: edit fields (only changed ones are sent), allowed moves,
// the log of calls and notes, and the history, newest first.
import type { Card, CardMerge, DealDetails, DealPatch, HistoryEntry } from '../../../src/app/contracts/board';
import type { StageKey } from '../../../src/app/contracts/shared';
import { h, type Child } from '../../dom';
import { dayFieldHint, decimalSeparator, money, when } from '../../format';
import { numberFieldText } from '../../quoteDraft';
import { call } from '../../rpc';
import { columnOf, findCard, state, whenBoard } from '../../state';
import { endIndex, moveDeal, reload, report, updateDeal, versionOf, type SeenCard } from '../../actions';
import { mergeNote, type Shown } from '../kernel/mergeNote';
import { logForm } from './logCall';
import { showBanner } from '../kernel/banner';
import { openPanel, panelOpen, refreshPanel, setCloseGuard } from '../kernel/panel';
import { checkbox, field, input } from '../kernel/fields';
import { STEPS } from './card';
import { checkpointsSection } from '../checkpoints/checkpointList';
import { quoteSection, resetQuote, unsavedQuoteQuestion } from '../documents/quote';
import { documentsSection } from '../documents/documents';
import { briefSection } from '../briefs/brief';
import { paymentsSection } from '../money/payments';
import { clientCardLink } from '../clients/clientsEntry';
import { registerDealPageOpener } from './dealPageOpener';
import { meetingSection, onPlannerOpensCard } from '../meetings/meetings';

onPlannerOpensCard((dealId) => openDetails(dealId));
import { dateTimeInput, dateTimeText, dayInput, readDateTime, readDay, readMoney, zoneLabel } from '../../typedFields';
import { titleLimit } from '../kernel/titleLimit';

const TITLE_MAX = 200;

let current: { dealId: string; details: DealDetails | null; error: string; section?: string; merge?: CardMerge } | null = null;

// The client views open deal pages through this registration (they do not import this file).
registerDealPageOpener(openDetails);

/** Opens a deal's page; `section` (an element id such as 'sec-checkpoints') is scrolled to once loaded. */
export function openDetails(dealId: string, section?: string): void {
  current = { dealId, details: null, error: '', section };
  resetQuote();
  // Read again on every redraw: a rename shows in the panel's title, not only on the card.
  const title = () => current?.details?.card.title || findCard(dealId)?.card.title || 'Deal';
  openPanel({ title, testid: 'details', body: detailsBody });
  setCloseGuard(unsavedQuoteQuestion);
  load(dealId);
}

function load(dealId: string): void {
  Promise.all([call('api_getDeal', dealId), whenBoard()])
    .then(([details]) => {
      if (!current || current.dealId !== dealId) return;
      current.details = details;
      refreshPanel();
      const target = current.section ? document.getElementById(current.section) : null;
      current.section = undefined;
      if (target) target.scrollIntoView({ block: 'start' });
    })
    .catch((error) => {
      if (!current || current.dealId !== dealId) return;
      current.error = report(error);
      refreshPanel();
    });
}

function detailsBody(): Child {
  if (!current) return null;
  if (!current.details || !state.board) return h('div', { class: 'muted pad' }, current.error || 'Loading the deal…');
  const d = current.details;
  const live = findCard(d.card.id);
  const card: Card = live ? live.card : d.card;
  const refresh = () => reopen(card.id);
  return [
    summary(card, d), jumps(), current.merge ? mergeNote(current.merge, keepMine, settled) : null, editForm(card, d), moves(card, d),
    // Executors see the work, not the money (issue 21, item 17): no quote, no payments.
    checkpointsSection(card, d.checkpoints || [], refresh), briefSection(card), state.board.moneyHidden ? null : quoteSection(card, refresh), documentsSection(card),
    state.board.moneyHidden ? null : paymentsSection(card, () => { refresh(); void reload(); }),
    meetingSection(card, () => { refresh(); void reload(); }),
    card.editable ? logForm(card, { onLogged: refresh }) : null, history(d.history),
  ];
}

/** A long page in a narrow sidebar: chips that jump to its sections. */
function jumps(): HTMLElement {
  const to = (id: string, label: string) => h('button', {
    type: 'button', class: 'jump',
    onclick: () => { const el = document.getElementById(id); if (el) el.scrollIntoView({ block: 'start', behavior: 'smooth' }); },
  }, label);
  return h('nav', { class: 'jumps', 'aria-label': 'Sections' },
    to('sec-checkpoints', 'Checkpoints'), to('sec-quote', 'Quote'), to('sec-documents', 'Docs'), to('sec-payments', 'Payments'), to('sec-history', 'History'));
}

function summary(card: Card, d: DealDetails): HTMLElement {
  const board = state.board!;
  const column = columnOf(card.stage);
  const reasons = state.reasons[card.id];
  return h('div', { class: 'summary', style: { '--stage': column ? column.colour : '#9aa0a6' } },
    h('div', { class: 'summary-row' },
      h('span', { class: 'stage-chip' }, column ? column.name : card.stage),
      board.moneyHidden ? null : h('span', { class: 'summary-value' }, money(card.value, board.currency)),
    ),
    h('div', { class: 'muted small' },
      [card.clientName, card.managerName, `${card.daysInStage}d in stage`, d.source ? `from ${d.source}` : '', d.createdAt ? `created ${when(d.createdAt, board.today)}` : '']
        .filter(Boolean).join(' · ')),
    clientCardLink(card.clientId),
    card.editable ? null : h('div', { class: 'readonly-note' }, `Read only: only ${card.managerName || 'the manager'}, a head or the owner may change this deal.`),
    reasons ? h('div', { class: 'reasons', role: 'alert' }, h('ul', null, reasons.map((r) => h('li', null, r)))) : null,
  );
}

function editForm(card: Card, d: DealDetails): HTMLElement {
  const board = state.board!;
  const ro = !card.editable;
  const title = input({ type: 'text', value: card.title, disabled: ro, required: true });
  const clientName = input({ type: 'text', value: card.clientName, disabled: ro });
  const phone = input({ type: 'tel', value: card.phone, disabled: ro });
  const email = input({ type: 'email', value: card.email, disabled: ro });
  const budget = input({ type: 'text', inputmode: 'decimal', autocomplete: 'off', 'data-testid': 'details-budget', value: numberFieldText(card.budget || 0, decimalSeparator()), disabled: ro });
  const forecast = h('select', { disabled: ro, title: 'Green: will happen · Yellow: still choosing · Red: likely to fail' },
    h('option', { value: '' }, 'Not set'), h('option', { value: 'green' }, 'Green'),
    h('option', { value: 'yellow' }, 'Yellow'), h('option', { value: 'red' }, 'Red'));
  forecast.value = card.forecast;
  const steps = STEPS.map((s) => ({ key: s.key, el: checkbox(s.label, { checked: !!card.steps[s.key], disabled: ro }) }));
  const nextContact = dateTimeInput(card.nextContactAt, 'Next contact', { 'data-testid': 'details-next-contact', disabled: ro });
  const manager = h('select', { disabled: ro },
    board.team.some((m) => m.email === card.manager) ? null : h('option', { value: card.manager }, card.managerName || card.manager || '—'),
    board.team.map((m) => h('option', { value: m.email }, m.name || m.email)));
  manager.value = card.manager;
  const expectedClose = dayInput(card.expectedClose, 'Expected close', { 'data-testid': 'details-expected-close', disabled: ro });
  const notes = h('textarea', { rows: 4, disabled: ro });
  notes.value = d.notes || '';
  // What the form shows now: a save compares with it, so a change made meanwhile merges field by field.
  const seen: SeenCard = {
    version: card.version,
    values: {
      title: card.title, clientName: card.clientName, phone: card.phone, email: card.email, budget: Number(card.budget || 0),
      forecast: card.forecast, nextContactAt: card.nextContactAt, manager: card.manager, expectedClose: card.expectedClose, notes: d.notes || '',
      ...card.steps,
    },
  };

  const save = (e: Event) => {
    e.preventDefault();
    const patch: DealPatch = {};
    if (title.value.trim() !== card.title) patch.title = title.value.trim();
    if (clientName.value.trim() !== card.clientName) patch.clientName = clientName.value.trim();
    if (phone.value.trim() !== card.phone) patch.phone = phone.value.trim();
    if (email.value.trim() !== card.email) patch.email = email.value.trim();
    const budgetRead = readMoney(budget, 'The budget');
    if (!budgetRead.ok) { showBanner(budgetRead.message, 'warn'); budget.focus(); return; }
    if (budgetRead.value !== Number(card.budget || 0)) patch.budget = budgetRead.value;
    if (title.value.trim().length > TITLE_MAX) { showBanner(`The title is longer than ${TITLE_MAX} characters.`, 'warn'); title.focus(); return; }
    if (forecast.value !== card.forecast) patch.forecast = forecast.value as DealPatch['forecast'];
    for (const s of steps) {
      const on = (s.el.querySelector('input') as HTMLInputElement).checked;
      if (on !== !!card.steps[s.key]) patch[s.key] = on;
    }
    const nextRead = readDateTime(nextContact, 'The next contact');
    if (!nextRead.ok) { showBanner(nextRead.message, 'warn'); nextContact.focus(); return; }
    // Compared as shown: a stored time with seconds is not rewritten by a save that did not touch it.
    if (nextContact.value.trim() !== dateTimeText(card.nextContactAt)) patch.nextContactAt = nextRead.value;
    if (manager.value !== card.manager) patch.manager = manager.value;
    const closeRead = readDay(expectedClose, 'The expected close');
    if (!closeRead.ok) { showBanner(closeRead.message, 'warn'); expectedClose.focus(); return; }
    if ((closeRead.value || '') !== (card.expectedClose || '')) patch.expectedClose = closeRead.value;
    if (notes.value !== (d.notes || '')) patch.notes = notes.value;
    if (Object.keys(patch).length === 0) { showBanner('Nothing to save: no field changed.', 'info'); return; }
    saveButton.disabled = true;
    updateDeal(card.id, patch, seen)
      .then((saved) => {
        if (current && current.dealId === card.id) {
          current.merge = saved.merge && (saved.merge.conflicts.length ? saved.merge : undefined);
          // The choice is shown at the top of the page: scroll to it once the page is drawn again.
          if (current.merge) current.section = 'sec-merge';
        }
        showBanner(saved.merge ? `${saved.merge.changedBy}: ${saved.merge.conflicts.length ? 'saved what did not clash; choose below for the rest.' : 'your changes were saved alongside.'}` : 'Saved.', 'info');
        reopen(card.id);
        // A client renamed from the card renames the client and its other deals too (issue 21, item 5).
        if (patch.clientName !== undefined) void reload();
      })
      .catch(() => { saveButton.disabled = false; reopen(card.id); });
  };
  const saveButton = h('button', { type: 'submit', class: 'primary', 'data-testid': 'details-save', disabled: ro }, 'Save');
  return h('form', { class: 'details-form', onsubmit: save },
    field('Title', title, titleLimit(title, TITLE_MAX)),
    h('div', { class: 'row2' }, board.moneyHidden ? null : field('Budget', budget), field('Forecast', forecast)),
    h('fieldset', null, h('legend', null, 'Steps'), steps.map((s) => s.el)),
    h('div', { class: 'row2 dates' }, field(`Next contact (${zoneLabel()})`, nextContact), field(`Expected close (${dayFieldHint()})`, expectedClose)),
    field('Manager', manager),
    h('fieldset', null, h('legend', null, 'Client'), field('Name', clientName), h('div', { class: 'row2 dates' }, field('Phone', phone), field('Email', email))),
    field('Notes', notes),
    ro ? null : h('div', { class: 'actions' }, saveButton),
  );
}

function moves(card: Card, d: DealDetails): HTMLElement | null {
  const targets = d.allowedMoves.filter((k) => k !== card.stage && columnOf(k));
  if (!card.editable || targets.length === 0) return null;
  return h('div', { class: 'moves' },
    h('h3', null, 'Move to'),
    h('div', { class: 'move-buttons' }, targets.map((k: StageKey) => {
      const column = columnOf(k)!;
      return h('button', {
        type: 'button', class: 'move-button', 'data-testid': `details-move-${k}`, style: { '--stage': column.colour },
        onclick: () => { void moveDeal(card.id, k, endIndex(card.id, k)).then(() => reopen(card.id)); },
      }, column.name);
    })));
}

function history(entries: HistoryEntry[]): HTMLElement {
  const sorted = entries.slice().sort((a, b) => String(b.at || '').localeCompare(String(a.at || '')));
  const today = state.board ? state.board.today : undefined;
  return h('div', { class: 'history', id: 'sec-history' },
    h('h3', null, 'History'),
    sorted.length === 0 ? h('div', { class: 'muted small' }, 'Nothing yet.') : h('ol', null, sorted.map((e) => h('li', { class: `hist hist-${e.kind}` },
      h('div', { class: 'hist-head' }, h('span', { class: 'hist-kind' }, e.kind), h('span', { class: 'muted' }, `${when(e.at, today)}${e.user ? ` · ${e.user}` : ''}`)),
      h('div', { class: 'hist-summary' }, e.summary),
      e.withWhom ? h('div', { class: 'small' }, `With: ${e.withWhom}`) : null,
      e.agreed ? h('div', { class: 'small' }, `Agreed: ${e.agreed}`) : null,
      e.nextStep ? h('div', { class: 'small' }, `Next: ${e.nextStep}`) : null,
    ))),
  );
}

/** "Keep mine" on a field both changed: saved over the value now stored (itself the read value). */
function keepMine(field: string, yours: Shown, theirs: Shown): void {
  if (!current) return;
  const dealId = current.dealId;
  updateDeal(dealId, { [field]: yours } as DealPatch, { version: versionOf(dealId), values: { [field]: theirs } })
    .then((saved) => {
      settled(field);
      if (saved.merge && saved.merge.conflicts.length && current && current.dealId === dealId) current.merge = saved.merge;
      reopen(dealId);
    })
    .catch(() => reopen(dealId));
}

/** A conflict the person settled leaves the note; the note goes when none is left. */
function settled(field: string): void {
  if (!current || !current.merge) return;
  const left = current.merge.conflicts.filter((c) => c.field !== field);
  current.merge = left.length ? { ...current.merge, conflicts: left } : undefined;
  refreshPanel();
}

function reopen(dealId: string): void {
  if (panelOpen('details') && current && current.dealId === dealId) load(dealId);
}

/** The deal whose page is open, or null. */
export function openDealId(): string | null {
  return panelOpen('details') && current ? current.dealId : null;
}

/** Fetches the open deal's page again (after the board learnt that it changed elsewhere). */
export function reloadOpenDeal(): void {
  if (current) reopen(current.dealId);
}
