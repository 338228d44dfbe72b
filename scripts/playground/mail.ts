// The playground's mail view: every message the add-on sent through the emulated MailApp, as
// the recipient would see it — the HTML body (in a sandboxed frame: no script runs), the plain
// text, and the attachments to download. Read-only, straight from ws.mail on every request.
import type { Workspace } from '../emulator/index';
import type { DriveReply } from './drive';

function esc(s: string): string {
  return String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c] as string));
}

const STYLE = `body{font:14px Arial,Helvetica,sans-serif;margin:0;color:#202124;background:#f6f8fc}
header{background:#fff;border-bottom:1px solid #dadce0;padding:12px 24px;display:flex;gap:16px;align-items:center}
header h1{font-size:18px;margin:0;font-weight:500} main{padding:16px 24px;max-width:980px}
table{border-collapse:collapse;width:100%;background:#fff;border:1px solid #dadce0}
td,th{padding:8px 10px;border-bottom:1px solid #eee;text-align:left;vertical-align:top} th{font-weight:500;color:#5f6368;font-size:12px}
tr:hover td{background:#f1f3f4} a{color:#1a73e8;text-decoration:none} .muted{color:#5f6368;font-size:12px}
.card{background:#fff;border:1px solid #dadce0;border-radius:8px;padding:16px 20px;margin-bottom:16px}
.head div{margin:2px 0} iframe{width:100%;min-height:360px;border:1px solid #eee;border-radius:4px;background:#fff}
pre{white-space:pre-wrap;font:13px/1.45 ui-monospace,Menlo,monospace;background:#f8f9fa;padding:12px;border-radius:4px}`;

function page(title: string, body: string): DriveReply {
  return {
    status: 200, type: 'text/html; charset=utf-8',
    body: `<!doctype html><html><head><meta charset="utf-8"><title>${esc(title)}</title><style>${STYLE}</style></head><body>`
      + `<header><h1>${esc(title)}</h1><a href="/mail" data-testid="mail-inbox-link">All sent mail</a><a href="/">Back to the workbook</a></header><main>${body}</main></body></html>`,
  };
}

function list(ws: Workspace): DriveReply {
  const messages = ws.mail.sent().reverse();
  const rows = messages.map((m) => `<tr data-testid="mail-row" data-id="${esc(m.id)}">`
    + `<td class="muted">${esc(m.at.replace('T', ' ').slice(0, 16))} UTC</td>`
    + `<td>${esc(m.to.join(', '))}</td>`
    + `<td><a href="/mail/${encodeURIComponent(m.id)}" data-testid="mail-open">${esc(m.subject || '(no subject)')}</a></td>`
    + `<td class="muted">${esc(m.name)}${m.attachments.length ? ` · 📎 ${m.attachments.length}` : ''}</td></tr>`).join('');
  const quota = ws.mail.dailyQuota;
  return page('Mail — sent by the add-on', messages.length
    ? `<p class="muted">${messages.length} message${messages.length === 1 ? '' : 's'} sent · daily quota ${quota} recipients (resets at midnight Pacific time). Queued ones are on the Outbox tab; Dealboard → Send queued e-mails now sends them.</p>`
      + `<table data-testid="mail-list"><tr><th>Sent</th><th>To</th><th>Subject</th><th>From</th></tr>${rows}</table>`
    : '<p data-testid="mail-empty">No e-mail sent yet. Queued e-mails are on the Outbox tab; Dealboard → Send queued e-mails now sends them.</p>');
}

function message(ws: Workspace, id: string): DriveReply | null {
  const m = ws.mail.message(id);
  if (!m) return null;
  const att = m.attachments.map((a, i) => `<div><a href="/mail/${encodeURIComponent(m.id)}/attachment/${i}" data-testid="mail-attachment">${esc(a.name)}</a> <span class="muted">${esc(a.contentType)}, ${Math.ceil(a.size / 1024)} KB</span></div>`).join('');
  const head = `<div class="card head" data-testid="mail-message">`
    + `<div><strong data-testid="mail-subject">${esc(m.subject)}</strong></div>`
    + `<div class="muted">From: ${esc(m.name)} &lt;${esc(m.from)}&gt;${m.replyTo ? ` · Reply-to: ${esc(m.replyTo)}` : ''}</div>`
    + `<div class="muted" data-testid="mail-to">To: ${esc(m.to.join(', '))}${m.cc.length ? ` · Cc: ${esc(m.cc.join(', '))}` : ''}${m.bcc.length ? ` · Bcc: ${esc(m.bcc.join(', '))}` : ''}</div>`
    + `<div class="muted">${esc(m.at)}</div>${att ? `<div style="margin-top:8px">${att}</div>` : ''}</div>`;
  // The HTML body in a sandboxed frame: shown as Gmail would, but no script in it can run;
  // its links open in a new tab (allow-popups).
  const html = m.htmlBody === null ? '' : `<div class="card"><div class="muted">HTML</div><iframe data-testid="mail-html" sandbox="allow-popups allow-popups-to-escape-sandbox" srcdoc="${esc(`<base target="_blank">${m.htmlBody}`)}"></iframe></div>`;
  const text = `<div class="card"><div class="muted">Plain text</div><pre data-testid="mail-text">${esc(m.body)}</pre></div>`;
  return page(m.subject || '(no subject)', head + html + text);
}

function attachment(ws: Workspace, id: string, index: number): DriveReply | null {
  const m = ws.mail.message(id);
  const a = m ? m.attachments[index] : undefined;
  if (!a) return null;
  return { status: 200, type: a.contentType, body: Buffer.from(a.base64, 'base64'), download: a.name };
}

/** GET /mail, /mail/{id}, /mail/{id}/attachment/{n}; null for any other path. */
export function mailRoute(ws: Workspace, url: URL): DriveReply | null {
  const path = url.pathname;
  if (path === '/mail' || path === '/mail/') return list(ws);
  const att = /^\/mail\/([^/]+)\/attachment\/(\d+)$/.exec(path);
  if (att) return attachment(ws, decodeURIComponent(att[1]), Number(att[2])) ?? notFound();
  const one = /^\/mail\/([^/]+)$/.exec(path);
  if (one) return message(ws, decodeURIComponent(one[1])) ?? notFound();
  return null;
}

function notFound(): DriveReply {
  return { status: 404, type: 'text/html; charset=utf-8', body: '<!doctype html><meta charset="utf-8"><p style="font:14px Arial,sans-serif;margin:48px;color:#5f6368">This message is not in this playground\'s mailbox.</p>' };
}
