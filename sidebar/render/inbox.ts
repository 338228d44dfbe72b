// New requests waiting for a manager: convert one into a deal, or junk it.
import type { InboxLead } from '../../src/app/contracts/board';
import { h, type Child } from '../dom';
import { when } from '../format';
import { state } from '../state';
import { convertLead, junkLead } from '../actions';
import { closePanel, openPanel } from './panel';
import { clientLookupLink } from './clientsEntry';

export function openInbox(): void {
  openPanel({ title: 'Inbox', testid: 'inbox', body: inboxBody });
}

function inboxBody(): Child {
  const board = state.board;
  const leads = board ? board.inbox : [];
  if (leads.length === 0) return h('div', { class: 'empty pad' }, 'No new requests. Nice and tidy.');
  return h('ul', { class: 'leads' }, leads.map((lead) => leadItem(lead, board ? board.today : undefined)));
}

function leadItem(lead: InboxLead, today?: string): HTMLElement {
  const busy = (e: Event) => { (e.currentTarget as HTMLButtonElement).disabled = true; };
  return h('li', { class: 'lead', 'data-testid': `inbox-lead-${lead.id}` },
    h('div', { class: 'lead-head' },
      h('span', { class: 'lead-name' }, lead.name || '(no name)'),
      lead.source ? h('span', { class: 'chip' }, lead.source) : null,
    ),
    h('div', { class: 'muted small' }, lead.receivedAt ? `Received ${when(lead.receivedAt, today)}` : 'Received: unknown'),
    lead.phone || lead.email ? h('div', { class: 'lead-contacts small' },
      lead.phone ? h('span', null, lead.phone) : null,
      lead.email ? h('span', null, lead.email) : null) : null,
    lead.message ? h('p', { class: 'lead-message' }, lead.message) : null,
    h('div', { class: 'lead-actions' },
      h('button', {
        type: 'button', class: 'primary', 'data-testid': `convert-${lead.id}`,
        onclick: (e: Event) => {
          busy(e);
          void convertLead(lead.id).then((dealId) => { if (dealId) closePanel(); else (e.target as HTMLButtonElement).disabled = false; });
        },
      }, 'Convert to deal'),
      h('button', {
        type: 'button', class: 'secondary', 'data-testid': `junk-${lead.id}`,
        onclick: (e: Event) => { busy(e); void junkLead(lead.id); },
      }, 'Junk'),
      clientLookupLink(lead.phone || lead.email),
    ),
  );
}
