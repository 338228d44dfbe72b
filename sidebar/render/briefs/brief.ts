// The brief by link in the deal's details (issue 25): send the questionnaire, see whether the
// client answered, read the latest answers, apply a proposed budget with a click, and start the
// quote from the answers. The client's text is only ever set as text (h() makes text nodes).
import type { Card } from '../../../src/app/contracts/board';
import type { BriefView } from '../../../src/app/contracts/briefs';
import { h, clear } from '../../dom';
import { call, messageOf } from '../../rpc';
import { versionOf, reload } from '../../actions';
import { showBanner } from '../kernel/banner';
import { fillQuoteLines } from '../documents/quote';

const views: { [dealId: string]: BriefView } = {};

/** The section of the open card: kept while the details redraw around it (as the quote is). */
let open: { dealId: string; el: HTMLElement } | null = null;

export function briefSection(card: Card): HTMLElement {
  if (open && open.dealId === card.id && views[card.id]) return open.el;
  const el = h('section', { class: 'section brief', id: 'sec-brief', 'data-testid': 'brief' });
  open = { dealId: card.id, el };
  const draw = () => clear(el, ...content(card, draw));
  draw();
  call('api_getBrief', card.id).then((v) => { views[card.id] = v; draw(); }, (e) => { clear(el, h('h3', null, 'Brief'), h('div', { class: 'form-error' }, messageOf(e))); });
  return el;
}

function content(card: Card, draw: () => void): HTMLElement[] {
  const v = views[card.id];
  const out: HTMLElement[] = [h('h3', null, 'Brief')];
  if (!v) { out.push(h('div', { class: 'muted small' }, 'Loading the brief…')); return out; }
  const busy = (e: Event) => { (e.currentTarget as HTMLButtonElement).disabled = true; };
  const done = (next: BriefView) => { views[card.id] = next; draw(); };
  const fail = (e: unknown) => { showBanner(messageOf(e), 'error'); draw(); };
  const send = (confirmed: boolean): Promise<void> => call('api_sendBrief', card.id, null, confirmed).then((r) => {
    if (r.needsConfirmation) {
      if (window.confirm(r.question || 'Send again?')) return send(true);
      draw();
      return undefined;
    }
    done(r.brief);
    showBanner(r.mail.status === 'sent' ? `Brief sent to ${card.email}.` : `Brief queued: ${r.mail.reason}`, 'info');
    return undefined;
  }, fail);
  if (v.label) out.push(h('div', { class: 'brief-status', 'data-testid': 'brief-status' }, v.label));
  if (v.url) out.push(h('a', { href: v.url, target: '_blank', rel: 'noopener', 'data-testid': 'brief-link' }, 'The questionnaire'));
  if (v.answers.length) {
    out.push(h('dl', { class: 'brief-answers', 'data-testid': 'brief-answers' }, v.answers.map((a, i) => h('div', { 'data-testid': `brief-answer-${i}` },
      h('dt', null, a.question), h('dd', null, a.answer)))));
    if (v.responses > 1) out.push(h('div', { class: 'muted small' }, `${v.responses} answers from the client; the latest is shown (all are on the Brief answers tab).`));
  }
  for (const p of v.proposals) {
    out.push(h('div', { class: 'brief-proposal', 'data-testid': `brief-proposal-${p.field}` }, h('span', null, p.text), card.editable ? h('button', {
      type: 'button', class: 'secondary', 'data-testid': `brief-apply-${p.field}`,
      onclick: (e: Event) => { busy(e); call('api_applyBriefAnswer', card.id, p.answerId, versionOf(card.id)).then((next) => { done(next); void reload(); }, fail); },
    }, 'Apply') : null));
  }
  if (card.editable) {
    const actions: HTMLElement[] = [];
    if (v.status === 'none') {
      actions.push(h('button', { type: 'button', class: 'primary', 'data-testid': 'brief-send', disabled: !card.email, title: card.email ? '' : 'The deal has no e-mail address',
        onclick: (e: Event) => { busy(e); void send(false); } }, 'Send brief'));
    } else {
      actions.push(h('button', { type: 'button', class: 'secondary', 'data-testid': 'brief-check',
        onclick: (e: Event) => { busy(e); call('api_checkBriefAnswers', card.id).then((next) => { done(next); showBanner(next.found ? `${next.found} new answer${next.found === 1 ? '' : 's'} from the client.` : 'No new answers yet.', 'info'); }, fail); } }, 'Check answers now'));
      actions.push(h('button', { type: 'button', class: 'secondary', 'data-testid': 'brief-resend', onclick: (e: Event) => { busy(e); void send(false); } }, 'Send the link again'));
    }
    if (v.quoteReady) {
      actions.push(h('button', { type: 'button', class: 'secondary', 'data-testid': 'brief-quote',
        onclick: (e: Event) => { busy(e); call('api_quoteFromBrief', card.id).then((q) => {
          const filled = fillQuoteLines(card.id, q.lines);
          showBanner(filled ? `Quote started from the brief: ${q.lines.length} line${q.lines.length === 1 ? '' : 's'} (not saved yet).${q.unknown.length ? ` Not in the price list: ${q.unknown.join(', ')}.` : ''}` : 'Open the quote first.', filled ? 'info' : 'warn');
          draw();
        }, fail); } }, 'Start quote from brief'));
    }
    out.push(h('div', { class: 'actions' }, actions));
  }
  return out;
}

/** From the inbox: the request becomes a deal and the brief goes out, in one click. */
export function sendBriefForDeal(dealId: string, email: string): Promise<void> {
  return call('api_sendBrief', dealId, null, false).then((r) => {
    views[dealId] = r.brief;
    showBanner(r.mail.status === 'sent' ? `Brief sent to ${email}.` : `Brief queued: ${r.mail.reason}`, 'info');
  }, (e) => { showBanner(messageOf(e), 'error'); });
}
