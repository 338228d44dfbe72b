// Documents in the deal's details: make (or refresh) the proposal, contract, invoice or brief
// from the Drive templates and show the links the client will get. Results survive redraws.
import { googleLink } from '../../../src/app/contracts/shared';
import type { Card } from '../../../src/app/contracts/board';
import { h, clear, icon } from '../../dom';
import { call, messageOf, type DocumentKind, type GeneratedDocument } from '../../rpc';
import { state } from '../../state';
import { showBanner } from '../kernel/banner';
import { outboxSection, reloadOutbox } from '../mail/outbox';
import type { DocumentMailPreview, SendDocumentResult } from '../../../src/app/contracts/mail';
import { reloadMoney } from '../money/payments';
import { sellerDetailsOffer } from '../money/sellerDetailsOffer';
import { requestDone, requestKey } from '../../requestKeys';

const KINDS: { kind: DocumentKind; label: string }[] = [
  { kind: 'proposal', label: 'Proposal' },
  { kind: 'contract', label: 'Contract' },
  { kind: 'invoice', label: 'Invoice' },
  { kind: 'brief', label: 'Brief' },
];

type Outcome = { doc: GeneratedDocument } | { error: string };

const outcomes: { [dealId: string]: { [kind: string]: Outcome } } = {};
const pending: { [key: string]: boolean } = {};
let installed: { created: string[]; kept: string[]; folderUrl: string } | null = null;
let placeholders: { token: string; meaning: string }[] | null = null;
let helpOpen = false;

export function documentsSection(card: Card): HTMLElement {
  const el = h('section', { class: 'section documents', id: 'sec-documents', 'data-testid': 'documents' });
  const mails = outboxSection(card);
  const stale = h('div', { class: 'doc-stale-list' });
  const draw = () => clear(el, ...content(card, draw), stale, mails);
  draw();
  // Documents made from an older quote revision (issue 11 item 12): asked when the card is drawn
  // and again after a document is made.
  const refreshStale = () => call('api_documentStatus', card.id).then((list) => {
    // The deal's documents as the Documents tab holds them: Open / PDF / Send after a reopen too.
    const mine = outcomes[card.id] || (outcomes[card.id] = {});
    let added = false;
    for (const d of list) {
      const kind = d.kind as DocumentKind;
      if (mine[kind] || !KINDS.some((k) => k.kind === kind) || !d.url) continue;
      mine[kind] = { doc: {
        kind, url: d.url, pdfUrl: d.pdfUrl || undefined, xlsxUrl: d.xlsxUrl || undefined, version: d.version, number: d.number,
        regenerated: false, existing: true, unfilled: d.unfilled, canSend: d.canSend, sendBlockedReason: d.sendBlockedReason,
      } };
      added = true;
    }
    if (added) draw();
    clear(stale, list.filter((d) => d.outOfDate).map((d) => h('div', { class: 'doc-result warn', 'data-testid': `doc-stale-${d.kind}`, role: 'status' },
      h('div', { class: 'doc-problem' }, icon('warn', 14),
        h('span', null, d.issued
          ? `Invoice ${d.number} was issued from quote revision ${d.quoteVersion}; the quote is now revision ${d.currentQuoteVersion}. An issued invoice is not rewritten: make a new invoice (and a credit note if ${d.number} no longer stands).`
          : `${d.kind[0].toUpperCase()}${d.kind.slice(1)} ${d.number} is out of date — regenerate: it shows quote revision ${d.quoteVersion}, the quote is now revision ${d.currentQuoteVersion}.`)))));
  }, () => undefined);
  staleRefreshers[card.id] = refreshStale;
  void refreshStale();
  return el;
}

const staleRefreshers: { [dealId: string]: () => Promise<void> } = {};

function content(card: Card, draw: () => void): HTMLElement[] {
  const mine = outcomes[card.id] || (outcomes[card.id] = {});
  const make = (kind: DocumentKind, options?: { newInvoice?: boolean }) => {
    const key = `${card.id}|${kind}`;
    pending[key] = true;
    draw();
    // Clicking again after an error sends the same request id: the same Doc and number (issue 20, item 12).
    const slot = `document:${card.id}:${kind}`;
    call('api_generateDocument', card.id, kind, options, requestKey(slot, options || null))
      .then((doc) => { requestDone(slot); mine[kind] = { doc }; })
      .catch((error) => { mine[kind] = { error: messageOf(error) }; })
      .then(() => { delete pending[key]; draw(); if (staleRefreshers[card.id]) void staleRefreshers[card.id](); if (kind === 'invoice') reloadMoney(card.id); });
  };
  makers[card.id] = make;
  return [
    h('h3', null, 'Documents',
      h('button', { type: 'button', class: 'link-button', 'data-testid': 'doc-help', 'aria-expanded': helpOpen ? 'true' : 'false', onclick: () => toggleHelp(draw) }, 'Placeholders')),
    helpOpen ? helpPanel(draw) : h('span'),
    h('div', { class: 'doc-buttons' }, KINDS.map((k) => h('button', {
      type: 'button', class: 'secondary', 'data-testid': `doc-${k.kind}`, disabled: !card.editable || pending[`${card.id}|${k.kind}`],
      title: card.editable ? `Make the ${k.kind} from its template (again: same link, new content)` : 'Only the deal\'s manager, a head or the owner may make documents',
      onclick: () => make(k.kind),
    }, pending[`${card.id}|${k.kind}`] ? 'Making…' : mine[k.kind] && 'doc' in mine[k.kind] ? `${k.label} ↻` : k.label))),
    installed && installed.folderUrl
      ? h('div', { class: 'small doc-folder' }, 'Templates live in Drive: ', googleLink(installed.folderUrl) ? h('a', { href: googleLink(installed.folderUrl), target: '_blank', rel: 'noopener' }, 'open the templates folder') : h('span', null, 'the templates folder'))
      : h('span'),
    templatesNotice(mine, draw),
    h('div', { class: 'doc-results' }, KINDS.filter((k) => mine[k.kind] && !needsTemplates(mine[k.kind])).map((k) => outcome(k.kind, k.label, mine[k.kind], card, draw))),
  ];
}

function needsTemplates(o: Outcome): boolean {
  return 'error' in o && /install document templates/i.test(o.error);
}

/** One notice, however many buttons hit it: the templates are missing from Drive. */
function templatesNotice(mine: { [kind: string]: Outcome }, draw: () => void): HTMLElement {
  const hits = KINDS.filter((k) => mine[k.kind] && needsTemplates(mine[k.kind]));
  if (!hits.length) return h('span');
  const first = mine[hits[0].kind];
  const message = 'error' in first ? first.error : '';
  const never = /not installed/i.test(message);
  const names = hits.map((k) => k.label).join(', ');
  const role = state.board ? state.board.me.role : '';
  // Only the owner: the templates are recorded on Settings, the owner's protected tab.
  const may = role === 'owner';
  return h('div', { class: 'doc-result error', 'data-testid': 'doc-templates', role: 'alert' },
    h('div', { class: 'doc-problem' }, icon('warn', 14), h('span', null, never
      ? 'The document templates are not installed yet.'
      : `The ${names} template ${hits.length > 1 ? 'Docs are' : 'Doc is'} missing from Drive: deleted, or moved to the bin.`)),
    h('div', { class: 'small' }, may
      ? `${never ? 'Install' : 'Reinstall'} creates only the missing templates; ones you edited stay as they are.`
      : 'Only the owner may install templates (they are recorded on the owner\'s Settings tab). Ask the owner to reinstall them.'),
    h('details', { class: 'doc-details' }, h('summary', null, 'What Drive said'), h('div', { 'data-testid': 'doc-templates-error' }, message)),
    may
      ? h('button', { type: 'button', class: 'secondary', 'data-testid': 'reinstall-templates', onclick: (e: Event) => reinstall(e.currentTarget as HTMLButtonElement, mine, draw) }, never ? 'Install templates' : 'Reinstall templates')
      : null,
  );
}

const makers: { [dealId: string]: (kind: DocumentKind, options?: { newInvoice?: boolean }) => void } = {};
const credits: { [key: string]: Outcome } = {};

/**
 * Issue 22: an issued invoice is refused a regenerate; offer the two ways on: the next invoice,
 * and a credit note that cancels the issued one.
 */
function issuedOffers(message: string, card: Card, draw: () => void): HTMLElement | null {
  const found = /^Invoice (\S+) was issued/.exec(message);
  if (!found || !card.editable) return null;
  const number = found[1];
  const key = `${card.id}|${number}`;
  const credit = credits[key];
  const makeCredit = (button: HTMLButtonElement) => {
    button.disabled = true;
    button.textContent = 'Making…';
    const slot = `credit:${card.id}:${number}`;
    call('api_createCreditNote', card.id, number, requestKey(slot, number))
      .then((doc) => { requestDone(slot); credits[key] = { doc }; })
      .catch((error) => { credits[key] = { error: messageOf(error) }; })
      .then(() => { draw(); reloadMoney(card.id); });
  };
  return h('div', { class: 'doc-offers', 'data-testid': 'invoice-offers' },
    h('button', { type: 'button', class: 'primary', 'data-testid': 'invoice-new', onclick: () => { const make = makers[card.id]; if (make) make('invoice', { newInvoice: true }); } }, 'New invoice'),
    credit && 'doc' in credit
      ? h('a', { href: credit.doc.url, target: '_blank', rel: 'noopener', 'data-testid': 'credit-note-link' }, `Credit note ${credit.doc.number}`)
      : h('button', { type: 'button', class: 'secondary', 'data-testid': 'invoice-credit', onclick: (e: Event) => makeCredit(e.currentTarget as HTMLButtonElement) }, `Credit note for ${number}`),
    credit && 'error' in credit ? h('div', { class: 'form-error', role: 'alert' }, credit.error) : null,
  );
}

function outcome(kind: DocumentKind, label: string, o: Outcome, card: Card, draw: () => void): HTMLElement {
  if ('error' in o) {
    return h('div', null, h('div', { class: 'form-error', role: 'alert', 'data-testid': `doc-error-${kind}` }, o.error), kind === 'invoice' ? issuedOffers(o.error, card, draw) : null, sellerDetailsOffer(o.error));
  }
  const d = o.doc;
  // Only https:// links to Google's document hosts are links: anything else is plain text.
  const link = (href: string, text: string, testid: string) => {
    const safe = googleLink(href);
    return safe ? h('a', { href: safe, target: '_blank', rel: 'noopener', 'data-testid': testid }, text) : h('span', { 'data-testid': testid }, text);
  };
  return h('div', { class: 'doc-result', 'data-testid': `doc-result-${kind}` },
    h('div', { class: 'doc-links' },
      link(d.url, `Open ${label.toLowerCase()}`, `doc-link-${kind}`),
      d.pdfUrl ? link(d.pdfUrl, 'PDF', `doc-pdf-${kind}`) : null,
      d.xlsxUrl ? link(d.xlsxUrl, 'XLSX', `doc-xlsx-${kind}`) : null,
    ),
    h('div', { class: 'muted small' },
      d.existing ? `Made earlier${d.version > 1 ? `, version ${d.version}` : ''}` : d.regenerated ? `Updated — same link, version ${d.version}` : d.newLink ? `Updated — new link, version ${d.version}` : `Created${d.version > 1 ? `, version ${d.version}` : ''}`,
      d.number && kind === 'invoice' ? ` · No. ${d.number}` : ''),
    d.unfilled.length ? h('div', { class: 'doc-warn', 'data-testid': 'doc-unfilled', role: 'note' },
      icon('warn', 14), h('span', null, 'Left unfilled in the template: ', d.unfilled.map((t, i) => [i ? ', ' : '', h('code', null, t)]))) : null,
    !d.canSend ? h('div', { class: 'doc-note small', 'data-testid': 'doc-send-blocked', role: 'note' },
      icon('warn', 14), h('span', null, h('strong', null, 'Sending is off. '), d.sendBlockedReason || 'This document cannot be sent from here.')) : null,
    d.canSend && card.editable ? sendControls(kind, label, card, draw) : null,
  );
}

// ---- Send by e-mail (issue 12) -----------------------------------------------------------

type SendState = { busy: true } | { ask: string } | { preview: DocumentMailPreview } | { done: SendDocumentResult } | { error: string };
const sends: { [key: string]: SendState } = {};

function sendControls(kind: DocumentKind, label: string, card: Card, draw: () => void): HTMLElement {
  const key = `${card.id}|${kind}`;
  const s = sends[key];
  const send = (confirmed: boolean) => {
    sends[key] = { busy: true };
    draw();
    call('api_sendDocument', card.id, kind, confirmed)
      .then((result) => { sends[key] = result.needsConfirmation ? { ask: result.question || 'Send it again?' } : { done: result }; if (!result.needsConfirmation) reloadOutbox(card.id); })
      .catch((error) => { sends[key] = { error: messageOf(error) }; })
      .then(draw);
  };
  // Send shows the message first (issue 21, item 11); it goes from the preview, which also asks
  // what the server would ask (sent before, no e-mails wanted).
  const preview = () => {
    sends[key] = { busy: true };
    draw();
    call('api_previewDocumentMail', card.id, kind)
      .then((shown) => { sends[key] = { preview: shown }; })
      .catch((error) => { sends[key] = { error: messageOf(error) }; })
      .then(draw);
  };
  const button = h('button', { type: 'button', class: 'secondary', 'data-testid': `doc-send-${kind}`, disabled: Boolean(s && 'busy' in s), onclick: preview },
    s && 'busy' in s ? 'Sending…' : `Send ${label.toLowerCase()} to the client`);
  if (s && 'preview' in s) return mailPreview(kind, s.preview, () => send(true), () => { delete sends[key]; draw(); });
  if (s && 'ask' in s) {
    return h('div', { class: 'doc-send', 'data-testid': `doc-send-ask-${kind}`, role: 'alertdialog' },
      h('div', { class: 'small' }, s.ask),
      h('button', { type: 'button', class: 'primary', 'data-testid': `doc-send-confirm-${kind}`, onclick: () => send(true) }, 'Send anyway'),
      h('button', { type: 'button', class: 'link-button', onclick: () => { delete sends[key]; draw(); } }, 'Cancel'));
  }
  const note = !s ? null
    : 'error' in s ? h('div', null, h('div', { class: 'form-error', role: 'alert', 'data-testid': `doc-send-error-${kind}` }, s.error), sellerDetailsOffer(s.error))
      : 'done' in s && s.done.message ? h('div', { class: 'muted small', 'data-testid': `doc-send-result-${kind}` },
        s.done.message.status === 'sent' ? `Sent to ${s.done.message.to}.` : `Not sent yet (${s.done.message.status}): ${s.done.message.reason}`)
        : null;
  return h('div', { class: 'doc-send' }, button, note);
}

/** The e-mail as the client will get it: recipient, subject, body, attachments; Send or Cancel. */
function mailPreview(kind: DocumentKind, m: DocumentMailPreview, send: () => void, cancel: () => void): HTMLElement {
  return h('div', { class: 'doc-send mail-preview', 'data-testid': `doc-send-preview-${kind}`, role: 'dialog', 'aria-label': 'E-mail preview' },
    m.question ? h('div', { class: 'doc-note small', role: 'alert', 'data-testid': `doc-send-ask-${kind}` }, m.question) : null,
    h('dl', { class: 'mail-preview-head small' },
      h('dt', null, 'To'), h('dd', { 'data-testid': 'preview-to' }, m.to),
      h('dt', null, 'From'), h('dd', null, `${m.fromName} (replies to ${m.replyTo})`),
      h('dt', null, 'Subject'), h('dd', { 'data-testid': 'preview-subject' }, m.subject),
      h('dt', null, 'Attached'), h('dd', { 'data-testid': 'preview-attachments' }, m.attachments.length ? m.attachments.join(', ') : 'nothing')),
    h('pre', { class: 'mail-preview-body', 'data-testid': 'preview-body' }, m.body),
    m.issues ? h('div', { class: 'small muted' }, 'Sending issues the invoice: it is not rewritten after.') : null,
    h('div', { class: 'actions' },
      h('button', { type: 'button', class: 'link-button', 'data-testid': `doc-send-cancel-${kind}`, onclick: cancel }, 'Cancel'),
      h('button', { type: 'button', class: 'primary', 'data-testid': `doc-send-confirm-${kind}`, onclick: send }, m.question ? 'Send anyway' : 'Send')));
}

function reinstall(button: HTMLButtonElement, mine: { [kind: string]: Outcome }, draw: () => void): void {
  button.disabled = true;
  button.textContent = 'Installing…';
  call('api_installTemplates')
    .then((result) => {
      installed = result;
      for (const k of Object.keys(mine)) if ('error' in mine[k]) delete mine[k];
      showBanner(result.created.length ? `Templates installed: ${result.created.join(', ')}. Try again now.` : 'All templates were already there; your edits were kept.', 'info');
    })
    .catch((error) => { showBanner(messageOf(error), 'error'); })
    .then(draw);
}

function toggleHelp(draw: () => void): void {
  helpOpen = !helpOpen;
  draw();
  if (helpOpen && !placeholders) {
    call('api_getPlaceholders')
      .then((list) => { placeholders = list; })
      .catch((error) => { placeholders = []; showBanner(messageOf(error), 'error'); })
      .then(draw);
  }
}

function helpPanel(draw: () => void): HTMLElement {
  return h('div', { class: 'doc-help', 'data-testid': 'doc-help-panel' },
    h('div', { class: 'doc-help-head' },
      h('span', null, 'Type these in a template in Drive; each becomes the deal\'s value.'),
      h('button', { type: 'button', class: 'icon-button', 'aria-label': 'Close placeholders', onclick: () => { helpOpen = false; draw(); } }, icon('close', 14))),
    placeholders
      ? h('dl', null, placeholders.map((p) => [h('dt', null, h('code', null, p.token)), h('dd', null, p.meaning)]))
      : h('div', { class: 'muted small' }, 'Loading…'),
  );
}
