// New requests waiting for a manager: convert one into a deal, or junk it. Converting asks for
// the call back (filled in with the next working day 10:00) so a "call me back" request lands
// on that day's Today list instead of being forgotten.
import type { InboxLead } from '../../../src/app/contracts/board';
import { h, type Child } from '../../dom';
import { when } from '../../format';
import { state } from '../../state';
import { convertLead, junkLead } from '../../actions';
import { closePanel, openPanel } from '../kernel/panel';
import { clientLookupLink } from '../clients/clientsEntry';
import { field } from '../kernel/fields';
import { dateTimeInput, readDateTime, zoneLabel } from '../../typedFields';
import { defaultCallBack } from '../../todayList';
import { showBanner } from '../kernel/banner';
import { sendBriefForDeal } from '../briefs/brief';

export function openInbox(): void {
  openPanel({ title: 'Inbox', testid: 'inbox', body: inboxBody });
}

function inboxBody(): Child {
  const board = state.board;
  const leads = board ? board.inbox : [];
  if (leads.length === 0) return h('div', { class: 'empty pad' }, 'No new requests. Nice and tidy.');
  return h('ul', { class: 'leads' }, leads.map((lead) => leadItem(lead, board ? board.today : undefined)));
}

/** What the manager typed into a lead's call-back field, kept while the inbox redraws. */
const callBacks: { [leadId: string]: string } = {};

function leadItem(lead: InboxLead, today?: string): HTMLElement {
  const busy = (e: Event) => { (e.currentTarget as HTMLButtonElement).disabled = true; };
  const callBack = dateTimeInput(defaultCallBack(), 'Call back', {
    'data-testid': `convert-next-${lead.id}`,
    oninput: () => { callBacks[lead.id] = callBack.value; },
  });
  if (callBacks[lead.id] !== undefined) callBack.value = callBacks[lead.id];
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
    h('div', { class: 'lead-callback' }, field(`Call back (${zoneLabel()})`, callBack)),
    h('div', { class: 'lead-actions' },
      h('button', {
        type: 'button', class: 'primary', 'data-testid': `convert-${lead.id}`,
        onclick: (e: Event) => {
          const next = readDateTime(callBack, 'The call back');
          if (!next.ok) { showBanner(next.message, 'warn'); callBack.focus(); return; }
          const button = e.currentTarget as HTMLButtonElement;
          busy(e);
          void convertLead(lead.id, next.value).then((dealId) => {
            if (dealId) { delete callBacks[lead.id]; closePanel(); } else button.disabled = false;
          });
        },
      }, 'Convert to deal'),
      lead.email ? h('button', {
        type: 'button', class: 'secondary', 'data-testid': `brief-${lead.id}`, title: 'Make the request a deal and send the brief (questionnaire) link to the client',
        onclick: (e: Event) => {
          const next = readDateTime(callBack, 'The call back');
          if (!next.ok) { showBanner(next.message, 'warn'); callBack.focus(); return; }
          const button = e.currentTarget as HTMLButtonElement;
          busy(e);
          void convertLead(lead.id, next.value).then((dealId) => {
            if (!dealId) { button.disabled = false; return; }
            delete callBacks[lead.id];
            closePanel();
            return sendBriefForDeal(dealId, lead.email);
          });
        },
      }, 'Send brief') : null,
      h('button', {
        type: 'button', class: 'secondary', 'data-testid': `junk-${lead.id}`,
        onclick: (e: Event) => { busy(e); void junkLead(lead.id); },
      }, 'Junk'),
      clientLookupLink(lead.phone || lead.email),
    ),
  );
}
