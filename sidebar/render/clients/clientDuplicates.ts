// "Possible duplicates": groups of clients with the same phone or e-mail or a similar name;
// a head or the owner picks the one to keep and merges the others into it.
import type { DuplicateGroup } from '../../../src/app/contracts/clients';
import '../../clientApi';
import { h, type Child } from '../../dom';
import { call, messageOf } from '../../rpc';
import { nameOf, state } from '../../state';
import { showBanner } from '../kernel/banner';
import { openPanel, panelOpen, refreshPanel } from '../kernel/panel';
import { openClientCard } from './clientCard';

let view: { groups: DuplicateGroup[] | null; total: number; error: string } = { groups: null, total: 0, error: '' };

export function openDuplicates(): void {
  view = { groups: null, total: 0, error: '' };
  openPanel({ title: 'Possible duplicates', testid: 'client-duplicates', body: duplicatesBody });
  load();
}

function load(): void {
  call('api_listDuplicates')
    .then((result) => { view.groups = result.groups; view.total = result.total; })
    .catch((error) => { view.error = messageOf(error); })
    .then(() => { if (panelOpen('client-duplicates')) refreshPanel(); });
}

function duplicatesBody(): Child {
  if (view.error) return h('div', { class: 'reasons', role: 'alert' }, view.error);
  if (!view.groups) return h('div', { class: 'muted pad' }, 'Looking for duplicates…');
  if (view.groups.length === 0) return h('div', { class: 'empty pad' }, 'No possible duplicates: every phone, e-mail and name is unique.');
  const me = state.board ? state.board.me.role : '';
  const mayMerge = me === 'owner' || me === 'head';
  return [
    h('p', { class: 'small muted' }, `${view.total} group${view.total === 1 ? '' : 's'}. ${mayMerge ? 'Choose the client to keep; the others\' deals, history and documents move to it.' : 'A head or the owner can merge them.'}`),
    view.groups.map((g, gi) => group(g, gi, mayMerge)),
  ];
}

const me = () => (state.board ? state.board.me.role : '');

function group(g: DuplicateGroup, gi: number, mayMerge: boolean): HTMLElement {
  const name = `keep-${gi}`;
  const radios = g.clients.map((c, i) => h('input', { type: 'radio', name, value: c.id, checked: i === 0, disabled: !mayMerge, 'aria-label': `Keep ${c.name}` }));
  const merge = h('button', {
    type: 'button', class: 'secondary', 'data-testid': `merge-${gi}`,
    onclick: () => {
      const keep = radios.filter((r) => r.checked)[0];
      if (!keep) return;
      const others = g.clients.map((c) => c.id).filter((id) => id !== keep.value);
      const keptName = g.clients.filter((c) => c.id === keep.value)[0].name;
      if (!window.confirm(`Merge ${others.length} client${others.length === 1 ? '' : 's'} into ${keptName}? Their deals and history move to ${keptName}.`)) return;
      merge.disabled = true;
      call('api_mergeClients', keep.value, others)
        .then((r) => { showBanner(`Merged into ${keptName}: ${r.deals} deals and ${r.activities} history entries moved.`, 'info'); load(); })
        .catch((error) => { merge.disabled = false; showBanner(messageOf(error), 'error'); });
    },
  }, 'Merge');
  // Issue 21, item 14: a pair a person knows apart is set aside for good.
  const dismiss = h('button', {
    type: 'button', class: 'link-button', 'data-testid': `not-duplicates-${gi}`,
    onclick: () => {
      dismiss.disabled = true;
      call('api_dismissDuplicates', g.clients.map((c) => c.id))
        .then(() => { showBanner('Set aside: these clients will not be listed together again.', 'info'); load(); })
        .catch((error) => { dismiss.disabled = false; showBanner(messageOf(error), 'error'); });
    },
  }, 'Not duplicates');
  return h('div', { class: 'dup-group section', 'data-testid': `dup-group-${gi}`, 'data-evidence': g.evidence },
    h('div', { class: 'small muted' }, g.evidence === 'name' ? `${g.reason} (names only: check before merging)` : g.reason),
    h('ul', { class: 'dup-list' }, g.clients.map((c, i) => h('li', null,
      h('label', { class: 'dup-choice' }, radios[i],
        h('span', null, h('button', { type: 'button', class: 'link-button', onclick: () => openClientCard(c.id) }, c.name || c.company || c.id),
          h('span', { class: 'muted small' }, ` ${[c.phone, c.email, nameOf(c.manager), `${c.deals} deal${c.deals === 1 ? '' : 's'}`].filter(Boolean).join(' · ')}`)))))),
    h('div', { class: 'actions' }, mayMerge ? merge : null, me() !== 'executor' ? dismiss : null));
}
