// The client card: who they are and how to reach them, the life of each order (stage, amount,
// dates, documents and who did each step) and the communication history, newest first.
import { googleLink } from '../../../src/app/contracts/shared';
import { cents } from '../money/payments';
import type { ArchivedOrder, ArchivedOrders, ClientCard, ClientFields, ClientOrder, ClientPatch } from '../../../src/app/contracts/clients';
import '../../clientApi';
import { h, type Child } from '../../dom';
import { day, isoDay, money, when } from '../../format';
import { call } from '../../rpc';
import { columnOf, nameOf, state } from '../../state';
import { reload, report } from '../../actions';
import { showBanner } from '../kernel/banner';
import { openPanel, panelOpen, refreshPanel } from '../kernel/panel';
import { checkbox, field, input } from '../kernel/fields';
import { mergeNote, type Shown } from '../kernel/mergeNote';
import { openDealPage } from '../deals/dealPageOpener';
import { clientOpenInvoices } from '../money/clientPayments';

/** The archived orders (issue 24): not asked for until the person opens the section; then read once per card. */
type ArchivedState = { status: 'closed' } | { status: 'loading' } | { status: 'shown'; result: ArchivedOrders } | { status: 'failed'; error: string };

let current: { clientId: string; card: ClientCard | null; error: string; archived: ArchivedState } | null = null;

export function openClientCard(clientId: string): void {
  current = { clientId, card: null, error: '', archived: { status: 'closed' } };
  openPanel({ title: 'Client', testid: 'client-card', body: cardBody });
  load(clientId);
}

function load(clientId: string): void {
  call('api_getClient', clientId)
    .then((card) => {
      if (!current || current.clientId !== clientId) return;
      current.card = card;
      const title = document.querySelector('[data-testid="client-card"] .panel-title');
      if (title) title.textContent = card.fields.name || 'Client';
      refreshPanel();
    })
    .catch((error) => {
      if (!current || current.clientId !== clientId) return;
      current.error = report(error);
      refreshPanel();
    });
}

const today = () => (state.board ? state.board.today : undefined);
const currency = () => (state.board ? state.board.currency : 'EUR');
/** Only web links from the sheet become links: a hand-typed "javascript:" must not. */
// Only https:// links to Google's document hosts are links (the Documents tab is typed into).
const safeUrl = (url: string) => googleLink(url) || '';

function cardBody(): Child {
  if (!current) return null;
  const card = current.card;
  if (!card) return h('div', { class: 'muted pad' }, current.error || 'Loading the client…');
  const merge = card.merge && card.merge.conflicts.length ? card.merge : null;
  return [summary(card), merge ? mergeNote(merge, (field, yours, theirs) => keepMine(card, field, yours, theirs), (field) => settled(card, field)) : null,
    contacts(card.fields), clientOpenInvoices(card, () => load(card.id)), orders(card), archivedOrders(card), historyList(card), editForm(card)];
}

/** "Keep mine" on a client field both changed (issue 21, item 4): saved over the value now stored. */
function keepMine(card: ClientCard, field: string, yours: Shown, theirs: Shown): void {
  call('api_updateClient', card.id, { [field]: yours } as ClientPatch, card.version, { [field]: theirs })
    .then((fresh) => {
      if (!current || current.clientId !== card.id) return;
      const left = (card.merge ? card.merge.conflicts : []).filter((c) => c.field !== field);
      current.card = { ...fresh, merge: card.merge && left.length ? { ...card.merge, conflicts: left } : fresh.merge };
      refreshPanel();
    })
    .catch((error) => { report(error); load(card.id); });
}

function settled(card: ClientCard, field: string): void {
  if (!current || current.card !== card || !card.merge) return;
  const left = card.merge.conflicts.filter((c) => c.field !== field);
  current.card = { ...card, merge: left.length ? { ...card.merge, conflicts: left } : undefined };
  refreshPanel();
}

/** A CSS class word of any group name ("Key account" → "key-account"). */
export function groupClass(group: string): string {
  return group.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'other';
}

function summary(card: ClientCard): HTMLElement {
  const f = card.fields;
  return h('div', { class: 'client-summary', 'data-testid': 'client-summary' },
    h('div', { class: 'client-name' }, f.name,
      f.group ? h('span', { class: `chip group-${groupClass(f.group)}`, 'data-testid': 'client-group-chip' }, f.group) : null,
      f.callBack ? h('span', { class: 'chip call-back' }, 'call back') : null),
    f.company && f.company !== f.name ? h('div', null, f.company) : null,
    f.contact ? h('div', { class: 'small' }, `Contact: ${f.contact}`) : null,
    h('div', { class: 'muted small' }, [
      `Manager: ${card.managerName || '—'}`,
      card.lastContactAt ? `last contact ${when(card.lastContactAt, today())}` : 'no contact logged',
    ].join(' · ')),
    h('div', { class: 'client-counts small' },
      h('span', null, `${card.counts.open} in progress`), h('span', null, `${card.counts.won} won`), h('span', null, `${card.counts.lost} lost`)),
    // Issue 22: what the client owes on issued invoices.
    card.balance && !card.moneyHidden ? h('div', { class: 'client-balance small', 'data-testid': 'client-balance' },
      card.balance.invoicedMinor === 0 && card.balance.paidMinor === 0 ? 'Balance: nothing invoiced yet.'
        : [`Balance: ${cents(card.balance.dueMinor, card.balance.currency)} due`,
          card.balance.overdueMinor > 0 ? ` (${cents(card.balance.overdueMinor, card.balance.currency)} overdue)` : '',
          card.balance.overpaidMinor > 0 ? ` · ${cents(card.balance.overpaidMinor, card.balance.currency)} credit` : '',
          ` · invoiced ${cents(card.balance.invoicedMinor, card.balance.currency)}, paid ${cents(card.balance.paidMinor, card.balance.currency)}`].join('')) : null,
    card.groupProblem ? h('div', { class: 'readonly-note', 'data-testid': 'client-group-problem' }, `The ${card.groupProblem}; pick one of the list or add it to Settings.`) : null,
    card.editable ? null : h('div', { class: 'readonly-note' }, `Read only: ${card.managerName || 'the manager'}, a head or the owner may change this client.`),
  );
}

function contacts(f: ClientFields): HTMLElement {
  const phones = [f.phone].concat(f.otherPhones ? f.otherPhones.split(/\s*,\s*/) : []).filter(Boolean);
  const emails = [f.email].concat(f.otherEmails ? f.otherEmails.split(/\s*,\s*/) : []).filter(Boolean);
  return h('div', { class: 'client-contacts' },
    phones.map((p) => h('a', { href: `tel:${p.replace(/[^\d+]/g, '')}`, class: 'contact-link' }, p)),
    emails.map((e) => h('a', { href: `mailto:${encodeURIComponent(e)}`, class: 'contact-link' }, e)),
    f.address || f.city ? h('div', { class: 'small' }, [f.address, f.city].filter(Boolean).join(', ')) : null,
    f.preferences ? h('div', { class: 'small' }, `Prefers: ${f.preferences}`) : null,
    f.notes ? h('p', { class: 'small client-notes' }, f.notes) : null,
  );
}

function orders(card: ClientCard): HTMLElement {
  const role = state.board ? state.board.me.role : '';
  return h('div', { class: 'section', id: 'sec-orders', 'data-testid': 'client-orders' },
    h('h3', null, 'Orders ', h('span', { class: 'count' }, String(card.orders.length))),
    card.editable && role !== 'executor' ? newDealForm(card) : null,
    card.orders.length === 0 ? h('div', { class: 'muted small' }, 'No deals yet.') : h('ol', { class: 'client-order-list' }, card.orders.map((o) => order(o, !!card.moneyHidden))));
}

/**
 * Orders moved to the yearly archives, read from the archive books only when asked (one read per
 * year's book), so opening the card costs nothing more. Listed newest close first.
 */
function archivedOrders(card: ClientCard): HTMLElement {
  const archived = current ? current.archived : { status: 'closed' as const };
  const show = h('button', {
    type: 'button', class: 'secondary mini', 'data-testid': 'client-archived-show',
    onclick: () => loadArchived(card.id),
  }, archived.status === 'failed' ? 'Try again' : 'Show archived orders');
  const body: Child = archived.status === 'closed' ? show
    : archived.status === 'loading' ? h('div', { class: 'muted small' }, 'Reading the archives…')
      : archived.status === 'failed' ? [h('div', { class: 'form-error small', role: 'alert' }, archived.error), show]
        : archived.result.orders.length === 0
          ? h('div', { class: 'muted small', 'data-testid': 'client-archived-none' }, archived.result.years.length ? `None in the archives (${archived.result.years.join(', ')}).` : 'Nothing archived yet.')
          : h('ol', { class: 'client-order-list' }, archived.result.orders.map((o) => archivedOrder(o, !!card.moneyHidden)));
  return h('div', { class: 'section', id: 'sec-archived-orders', 'data-testid': 'client-archived' },
    h('h3', null, 'Archived orders ', archived.status === 'shown' ? h('span', { class: 'count' }, String(archived.result.orders.length)) : null),
    body);
}

function loadArchived(clientId: string): void {
  if (!current || current.clientId !== clientId) return;
  current.archived = { status: 'loading' };
  refreshPanel();
  call('api_getArchivedOrders', clientId)
    .then((result) => { if (current && current.clientId === clientId) current.archived = { status: 'shown', result }; })
    .catch((error) => { if (current && current.clientId === clientId) current.archived = { status: 'failed', error: report(error) }; })
    .then(() => { if (current && current.clientId === clientId && panelOpen('client-card')) refreshPanel(); });
}

/** One archived order: year, deal, amount, stage and closed date (its page lives in the archive book). */
function archivedOrder(o: ArchivedOrder, moneyHidden: boolean): HTMLElement {
  const url = safeUrl(o.archiveUrl);
  return h('li', { class: 'client-order archived-order', 'data-testid': `client-archived-${o.dealId}` },
    h('div', { class: 'client-order-head' },
      h('span', { class: 'archived-year' }, o.year),
      h('span', { class: 'archived-title' }, o.title || o.dealId),
      h('span', { class: 'stage-chip', style: { '--stage': (columnOf(o.stage) || { colour: '#9aa0a6' }).colour } }, o.stageName || o.stage)),
    h('div', { class: 'muted small' }, [
      moneyHidden ? '' : money(o.amount || o.budget, currency()),
      o.closedAt ? `closed ${isoDay(o.closedAt)}` : '',
      nameOf(o.manager),
    ].filter(Boolean).join(' · '),
    url ? [' · ', h('a', { href: url, target: '_blank', rel: 'noopener' }, `archive ${o.year}`)] : null));
}

/** "New deal": a deal in New for this client, its call back on the next working day at 10:00. */
function newDealForm(card: ClientCard): HTMLElement {
  const title = input({ type: 'text', maxlength: 200, placeholder: `${card.fields.name}: new deal`, 'data-testid': 'client-new-deal-title', 'aria-label': 'Title of the new deal' });
  const button = h('button', {
    type: 'button', class: 'secondary mini', 'data-testid': 'client-new-deal',
    onclick: () => {
      (button as HTMLButtonElement).disabled = true;
      call('api_newDealForClient', card.id, { title: (title as HTMLInputElement).value.trim() })
        .then((made) => reload(made.dealId).then(() => {
          showBanner('Deal started in New, with its call back on Today.', 'info');
          load(card.id);
          openDealPage(made.dealId);
        }))
        .catch((error) => { report(error); (button as HTMLButtonElement).disabled = false; });
    },
  }, 'New deal');
  return h('div', { class: 'client-new-deal' }, title, button);
}

function order(o: ClientOrder, moneyHidden: boolean): HTMLElement {
  return h('li', { class: 'client-order', 'data-testid': `client-order-${o.dealId}` },
    h('div', { class: 'client-order-head' },
      h('button', { type: 'button', class: 'link-button', onclick: () => openDealPage(o.dealId) }, o.title || o.dealId),
      h('span', { class: 'stage-chip', style: { '--stage': (columnOf(o.stage) || { colour: '#9aa0a6' }).colour } }, o.stageName || o.stage)),
    h('div', { class: 'muted small' }, [
      moneyHidden ? '' : money(o.amount || o.budget, currency()),
      o.createdAt ? `since ${when(o.createdAt, today())}` : '',
      o.expectedClose ? `close ${day(o.expectedClose)}` : '',
      o.closedAt ? `closed ${when(o.closedAt, today())}` : '',
      nameOf(o.manager),
    ].filter(Boolean).join(' · ')),
    o.documents.length ? h('div', { class: 'client-docs small' }, o.documents.map((d) => {
      const url = safeUrl(d.url);
      const label = `${d.kind}${d.number ? ` ${d.number}` : ''}`;
      return url ? h('a', { href: url, target: '_blank', rel: 'noopener' }, label) : h('span', null, label);
    })) : null,
    o.steps.length ? h('details', { class: 'client-steps' },
      h('summary', { class: 'small' }, `${o.steps.length} step${o.steps.length === 1 ? '' : 's'}`),
      h('ol', { class: 'small' }, o.steps.map((s) => h('li', null, `${when(s.at, today())} · ${nameOf(s.user)}: ${s.summary}`)))) : null,
  );
}

function historyList(card: ClientCard): HTMLElement {
  return h('div', { class: 'history', id: 'sec-client-history', 'data-testid': 'client-history' },
    h('h3', null, 'Communication ', h('span', { class: 'count' }, String(card.history.length))),
    card.history.length === 0 ? h('div', { class: 'muted small' }, 'No calls, meetings or notes yet.') : h('ol', null, card.history.map((e) => h('li', { class: `hist hist-${e.kind}` },
      h('div', { class: 'hist-head' }, h('span', { class: 'hist-kind' }, e.kind), h('span', { class: 'muted' }, `${when(e.at, today())} · ${nameOf(e.user)}`)),
      h('div', { class: 'hist-summary' }, e.summary),
      e.dealTitle ? h('div', { class: 'small muted' }, e.dealTitle) : null,
      e.withWhom ? h('div', { class: 'small' }, `With: ${e.withWhom}`) : null,
      e.agreed ? h('div', { class: 'small' }, `Agreed: ${e.agreed}`) : null,
      e.nextStep ? h('div', { class: 'small' }, `Next: ${e.nextStep}`) : null,
    ))));
}

function editForm(card: ClientCard): HTMLElement | null {
  if (!card.editable) return null;
  const f = card.fields;
  const text = (value: string, type = 'text') => input({ type, value });
  const controls = {
    name: text(f.name), company: text(f.company), contact: text(f.contact), phone: text(f.phone, 'tel'), otherPhones: text(f.otherPhones),
    email: text(f.email, 'email'), otherEmails: text(f.otherEmails), address: text(f.address), city: text(f.city), preferences: text(f.preferences),
  };
  // Settings client_groups; a group typed by hand outside the list stays selectable as it is (never changed silently).
  const listed = card.groups.indexOf(f.group) >= 0 || f.group === '';
  const group = h('select', { 'data-testid': 'client-group', 'aria-label': 'Group' }, h('option', { value: '' }, '—'),
    card.groups.map((g) => h('option', { value: g }, g)),
    listed ? null : h('option', { value: f.group }, `${f.group} (not in Settings)`));
  group.value = f.group;
  const notes = h('textarea', { rows: 3 });
  notes.value = f.notes;
  const callBack = checkbox('Call back (interested, did not order)', { checked: f.callBack });
  const save = h('button', { type: 'submit', class: 'primary', 'data-testid': 'client-save' }, 'Save');
  const submit = (e: Event) => {
    e.preventDefault();
    const patch: ClientPatch = {};
    for (const key of Object.keys(controls) as (keyof typeof controls)[]) {
      const value = controls[key].value.trim();
      if (value !== f[key]) (patch as Record<string, unknown>)[key] = value;
    }
    if (group.value !== f.group) patch.group = group.value;
    if (notes.value !== f.notes) patch.notes = notes.value;
    const cb = (callBack.querySelector('input') as HTMLInputElement).checked;
    if (cb !== f.callBack) patch.callBack = cb;
    if (Object.keys(patch).length === 0) { showBanner('Nothing to save: no field changed.', 'info'); return; }
    save.disabled = true;
    const seen: Record<string, unknown> = {};
    for (const key of Object.keys(patch)) seen[key] = (f as unknown as Record<string, unknown>)[key];
    call('api_updateClient', card.id, patch, card.version, seen)
      .then((fresh) => {
        showBanner(fresh.merge ? `${fresh.merge.changedBy}: ${fresh.merge.conflicts.length ? 'saved what did not clash; choose above for the rest.' : 'your changes were saved alongside.'}` : 'Client saved.', 'info');
        if (current && current.clientId === card.id && panelOpen('client-card')) { current.card = fresh; refreshPanel(); }
      })
      .catch((error) => { save.disabled = false; report(error); load(card.id); });
  };
  return h('details', { class: 'client-edit' },
    h('summary', { 'data-testid': 'client-edit' }, 'Edit client'),
    h('form', { class: 'details-form', onsubmit: submit },
      field('Name', controls.name), field('Company', controls.company), field('Contact person', controls.contact),
      h('div', { class: 'row2' }, field('Phone', controls.phone), field('Other phones', controls.otherPhones)),
      h('div', { class: 'row2' }, field('E-mail', controls.email), field('Other e-mails', controls.otherEmails)),
      h('div', { class: 'row2' }, field('Group', group), field('City', controls.city)),
      field('Address', controls.address), field('Preferences', controls.preferences), field('Notes', notes), callBack,
      h('div', { class: 'actions' }, save)));
}
