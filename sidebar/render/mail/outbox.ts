// The deal's e-mails on the card: queued, waiting, blocked (with the reason), sent; a message
// that has not gone out can be cancelled. Reloaded after a send from the documents panel.
import type { Card } from '../../../src/app/contracts/board';
import type { OutboxItem } from '../../../src/app/contracts/mail';
import { h, clear } from '../../dom';
import { call, messageOf } from '../../rpc';
import { showBanner } from '../kernel/banner';
import { dateTime } from '../../format';

const loaded: { [dealId: string]: OutboxItem[] | 'loading' | { error: string } } = {};
const redraws: { [dealId: string]: () => void } = {};

const LABELS: Record<string, string> = {
  queued: 'Queued', waiting: 'Waiting', sending: 'Sending', sent: 'Sent', failed: 'Failed', blocked: 'Not sendable', cancelled: 'Cancelled',
};

export function outboxSection(card: Card): HTMLElement {
  const el = h('div', { class: 'outbox', 'data-testid': 'outbox' });
  const draw = () => clear(el, ...content(card, draw));
  redraws[card.id] = draw;
  // Fresh on every opening of the card: the hourly trigger or a move may have changed it.
  if (loaded[card.id] !== 'loading') reloadOutbox(card.id);
  draw();
  return el;
}

/** Called after something queued or sent a message of this deal. */
export function reloadOutbox(dealId: string): void {
  loaded[dealId] = 'loading';
  call('api_getOutbox', dealId)
    .then((items) => { loaded[dealId] = items; })
    .catch((error) => { loaded[dealId] = { error: messageOf(error) }; })
    .then(() => { const draw = redraws[dealId]; if (draw) draw(); });
}

/** In the spreadsheet's zone and locale (it showed the browser's: UTC in the playground as local). */
function when(iso: string | null): string {
  return dateTime(iso);
}

function content(card: Card, draw: () => void): HTMLElement[] {
  const state = loaded[card.id];
  if (state === undefined || state === 'loading') return [h('div', { class: 'muted small' }, 'E-mails: loading…')];
  if (!Array.isArray(state)) return [h('div', { class: 'form-error', role: 'alert' }, state.error)];
  if (state.length === 0) return [h('div', { class: 'muted small', 'data-testid': 'outbox-empty' }, 'No e-mails for this deal yet.')];
  const due = state.some((m) => m.status === 'queued' || m.status === 'waiting');
  return [
    h('h4', null, 'E-mails'),
    due && card.editable
      ? h('button', { type: 'button', class: 'secondary', 'data-testid': 'outbox-send-now', onclick: (e: Event) => sendNow(e.currentTarget as HTMLButtonElement, card.id) }, 'Send queued e-mails now')
      : h('span'),
    againButton(card, state) || h('span'),
    h('ul', { class: 'outbox-list' }, state.map((m) => h('li', { class: `outbox-item status-${m.status}`, 'data-testid': `outbox-${m.id}`, 'data-status': m.status },
      h('div', null, h('strong', null, LABELS[m.status] || m.status), ' · ', m.subject || m.template, m.to ? ` → ${m.to}` : ''),
      h('div', { class: 'muted small' }, m.sentAt ? `sent ${when(m.sentAt)}` : m.queuedAt ? `queued ${when(m.queuedAt)}` : ''),
      m.reason ? h('div', { class: 'small doc-note', role: 'note' }, m.reason) : null,
      m.cancellable && card.editable
        ? h('button', { type: 'button', class: 'link-button', 'data-testid': `outbox-cancel-${m.id}`, onclick: (e: Event) => cancel(e.currentTarget as HTMLButtonElement, card.id, m.id, draw) }, 'Cancel e-mail')
        : null,
      m.status === 'failed' && card.editable
        ? h('button', { type: 'button', class: 'link-button', 'data-testid': `outbox-requeue-${m.id}`, onclick: (e: Event) => requeue(e.currentTarget as HTMLButtonElement, card.id, m.id, draw) }, 'Queue again')
        : null,
    ))),
  ];
}

function sendNow(button: HTMLButtonElement, dealId: string): void {
  button.disabled = true;
  button.textContent = 'Sending…';
  call('api_sendQueuedMail')
    .then((result) => { showBanner(result.message, 'info'); })
    .catch((error) => { showBanner(messageOf(error), 'error'); })
    .then(() => reloadOutbox(dealId));
}

function requeue(button: HTMLButtonElement, dealId: string, messageId: string, draw: () => void): void {
  button.disabled = true;
  call('api_requeueMessage', messageId)
    .then((item) => {
      const list = loaded[dealId];
      if (Array.isArray(list)) loaded[dealId] = list.map((m) => (m.id === item.id ? item : m));
      showBanner('E-mail queued again: it goes with the next run (or Dealboard → Send queued e-mails now).', 'info');
    })
    .catch((error) => { showBanner(messageOf(error), 'error'); })
    .then(draw);
}

function cancel(button: HTMLButtonElement, dealId: string, messageId: string, draw: () => void): void {
  button.disabled = true;
  call('api_cancelMessage', messageId)
    .then((item) => {
      const list = loaded[dealId];
      if (Array.isArray(list)) loaded[dealId] = list.map((m) => (m.id === item.id ? item : m));
      showBanner('E-mail cancelled: it will not be sent.', 'info');
    })
    .catch((error) => { showBanner(messageOf(error), 'error'); })
    .then(draw);
}

/**
 * A deal back in a stage whose e-mail the client already got is not e-mailed again by itself
 * (issue 21, item 2); the manager may ask for it once more.
 */
function againButton(card: Card, items: OutboxItem[]): HTMLElement | null {
  const template = `stage.${card.stage}`;
  if (!card.editable || !items.some((m) => m.template === template && m.status === 'sent')) return null;
  if (items.some((m) => m.template === template && (m.status === 'queued' || m.status === 'waiting'))) return null;
  return h('button', {
    type: 'button', class: 'link-button', 'data-testid': 'outbox-stage-again',
    onclick: (e: Event) => {
      (e.currentTarget as HTMLButtonElement).disabled = true;
      call('api_sendStageMailAgain', card.id)
        .then(() => { showBanner('The stage e-mail is queued again: it goes with the next run (or Send queued e-mails now).', 'info'); })
        .catch((error) => { showBanner(messageOf(error), 'error'); })
        .then(() => reloadOutbox(card.id));
    },
  }, 'Send the stage e-mail again');
}
