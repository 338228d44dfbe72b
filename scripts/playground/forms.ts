// The playground's stand-in for a Google Form's responder page (issue 25): the link the add-on
// e-mails (…/forms/d/e/{id}/viewform on the playground's origin) opens a page where the client
// answers the emulated form; the answers go to ws.forms.submitResponse, as Google Forms would
// record them. Everything shown is escaped; the form's own refusals (unpublished, required) show.
import type { Workspace } from '../emulator/index';
import type { DriveReply } from './drive';

function esc(s: string): string {
  return String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c] as string));
}

const STYLE = `body{font:14px Arial,Helvetica,sans-serif;margin:0;background:#f0ebf8;color:#202124}
main{max-width:640px;margin:24px auto;padding:0 12px} .card{background:#fff;border-radius:8px;border:1px solid #dadce0;padding:20px 24px;margin-bottom:12px}
.head{border-top:10px solid #673ab7} h1{font-size:26px;font-weight:400;margin:0 0 8px} .desc{white-space:pre-wrap;color:#5f6368}
label.q{display:block;font-size:15px;margin-bottom:8px} .req{color:#d93025} .hint{color:#5f6368;font-size:12px;margin-bottom:6px}
input[type=text],input[type=date],textarea{width:100%;box-sizing:border-box;font:14px Arial;padding:6px 2px;border:0;border-bottom:1px solid #dadce0}
textarea{min-height:70px} .opt{display:block;margin:4px 0} button{background:#673ab7;color:#fff;border:0;border-radius:4px;padding:9px 24px;font-size:14px;cursor:pointer}
.error{color:#d93025;margin-top:8px} .done{font-size:16px}`;

function question(item: any, index: number): string {
  const q = item.questionItem.question;
  const name = `q-${esc(q.questionId)}`;
  const title = `<label class="q" for="${name}">${esc(item.title || '')}${q.required ? ' <span class="req">*</span>' : ''}</label>`
    + (item.description ? `<div class="hint">${esc(item.description)}</div>` : '');
  let control: string;
  if (q.choiceQuestion) {
    const type = q.choiceQuestion.type === 'CHECKBOX' ? 'checkbox' : 'radio';
    control = q.choiceQuestion.options.map((o: any, k: number) => `<label class="opt"><input type="${type}" name="${name}" value="${esc(o.value)}" data-testid="form-q${index}-opt${k}"> ${esc(o.value)}</label>`).join('');
  } else if (q.dateQuestion) {
    control = `<input type="date" id="${name}" name="${name}" data-testid="form-q${index}">`;
  } else if (q.textQuestion && q.textQuestion.paragraph) {
    control = `<textarea id="${name}" name="${name}" data-testid="form-q${index}"></textarea>`;
  } else {
    control = `<input type="text" id="${name}" name="${name}" data-testid="form-q${index}">`;
  }
  return `<div class="card" data-question="${esc(q.questionId)}">${title}${control}</div>`;
}

const SCRIPT = `document.getElementById('form').addEventListener('submit', function (e) {
  e.preventDefault();
  var answers = {};
  document.querySelectorAll('[data-question]').forEach(function (card) {
    var id = card.getAttribute('data-question');
    var values = [];
    card.querySelectorAll('input,textarea').forEach(function (el) {
      if ((el.type === 'radio' || el.type === 'checkbox') && !el.checked) return;
      if (el.value.trim() !== '') values.push(el.value);
    });
    if (values.length) answers[id] = values.length === 1 ? values[0] : values;
  });
  var error = document.getElementById('error');
  fetch('/api/forms/submit', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ publishedId: document.getElementById('form').getAttribute('data-form'), answers: answers }) })
    .then(function (r) { return r.json().then(function (b) { return { ok: r.ok, body: b }; }); })
    .then(function (r) {
      if (!r.ok) { error.textContent = (r.body && r.body.error && (r.body.error.message || r.body.error)) || 'Not sent.'; return; }
      document.getElementById('main').innerHTML = '<div class="card head"><div class="done" data-testid="form-done">Your response has been recorded.</div><p><a href="">Submit another response</a></p></div>';
    }, function () { error.textContent = 'Not sent: no connection.'; });
});`;

/** GET …/forms/d/e/{publishedId}/viewform; null for any other path. */
export function formsRoute(ws: Workspace, url: URL): DriveReply | null {
  const m = /^\/forms\/d\/e\/([\w-]+)\/viewform$/.exec(url.pathname);
  if (!m) return null;
  const form = ws.forms.byPublishedId(m[1]);
  if (!form) return { status: 404, type: 'text/html; charset=utf-8', body: '<!doctype html><p>This form does not exist.</p>' };
  const head = `<div class="card head"><h1 data-testid="form-title">${esc(form.info.title)}</h1>${form.info.description ? `<div class="desc">${esc(form.info.description)}</div>` : ''}</div>`;
  const closed = !form.publishState.isPublished || !form.publishState.isAcceptingResponses;
  const body = closed
    ? `${head}<div class="card" data-testid="form-closed">This form is not accepting responses.</div>`
    : `<form id="form" data-form="${esc(m[1])}">${head}${form.items.filter((i: any) => i.questionItem).map(question).join('')}`
      + `<button type="submit" data-testid="form-submit">Submit</button><div id="error" class="error" role="alert" data-testid="form-error"></div></form><script>${SCRIPT}</script>`;
  return {
    status: 200, type: 'text/html; charset=utf-8',
    body: `<!doctype html><html><head><meta charset="utf-8"><title>${esc(form.info.title)}</title><style>${STYLE}</style></head><body><main id="main">${body}</main></body></html>`,
  };
}

/** POST /api/forms/submit { publishedId, answers: { questionId: text | text[] } }: the client's response. */
export function submitForm(ws: Workspace, body: Record<string, unknown>): { responseId: string } {
  const form = ws.forms.byPublishedId(String(body.publishedId ?? ''));
  if (!form) throw Object.assign(new Error('This form does not exist.'), { status: 404 });
  const answers = (body.answers && typeof body.answers === 'object' ? body.answers : {}) as Record<string, string | string[]>;
  const response = ws.forms.submitResponse(form.formId, answers);
  return { responseId: response.responseId };
}
