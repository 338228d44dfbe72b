// The playground's stand-in for Stripe's hosted payment page (issue 22): a Payment Link made
// while the playground runs opens here (…/stripe/pay/{slug}, see scripts/emulator/stripe/route.ts)
// and shows what the client would see on buy.stripe.com: the amount, the invoice it pays, TEST
// MODE for a test key, and a "Pay" button. Paying completes a Checkout Session in the emulated
// Stripe (ws.stripe.pay, as the hosted page does); the add-on learns of it only by polling, as in
// production ("Check payment now" on the card, or the hourly job). Everything shown is escaped.
import type { Workspace } from '../emulator/index';
import type { DriveReply } from './drive';
import { PAY_PAGE_PATH } from '../emulator/stripe/route';

function esc(s: string): string {
  return String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c] as string));
}

/** Stripe amounts are in the currency's smallest unit; the page shows them as the client reads them. */
export function amountText(minor: number, currency: string): string {
  const code = currency.toUpperCase();
  const digits = new Intl.NumberFormat('en-US', { style: 'currency', currency: code }).resolvedOptions().maximumFractionDigits ?? 2;
  return new Intl.NumberFormat('en-US', { style: 'currency', currency: code }).format(minor / Math.pow(10, digits));
}

const STYLE = `body{font:15px -apple-system,"Segoe UI",Arial,sans-serif;margin:0;background:#f6f9fc;color:#30313d}
main{max-width:420px;margin:48px auto;padding:0 16px} .card{background:#fff;border-radius:8px;box-shadow:0 2px 8px rgba(50,50,93,.12);padding:28px}
.test{display:inline-block;background:#ffde92;color:#9e4a00;font-size:11px;font-weight:700;border-radius:4px;padding:2px 6px;margin-bottom:12px}
.what{color:#6d6e78;margin:0 0 4px} .amount{font-size:34px;font-weight:600;margin:0 0 20px}
label{display:block;font-size:13px;color:#6d6e78;margin:12px 0 4px} input{width:100%;box-sizing:border-box;font:15px Arial;padding:9px;border:1px solid #e0e0e6;border-radius:6px;background:#fafafa}
button{width:100%;margin-top:20px;background:#635bff;color:#fff;border:0;border-radius:6px;padding:12px;font-size:16px;font-weight:600;cursor:pointer}
button:disabled{opacity:.6;cursor:default} .error{color:#df1b41;margin-top:10px} .done{font-size:18px;font-weight:600;color:#0e6245} .small{font-size:12px;color:#6d6e78;margin-top:16px}`;

const SCRIPT = `document.getElementById('pay').addEventListener('submit', function (e) {
  e.preventDefault();
  var button = document.getElementById('pay-button');
  var error = document.getElementById('error');
  button.disabled = true; error.textContent = '';
  fetch('/api/stripe/pay', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ slug: document.getElementById('pay').getAttribute('data-slug') }) })
    .then(function (r) { return r.json().then(function (b) { return { ok: r.ok, body: b }; }); })
    .then(function (r) {
      if (!r.ok) { button.disabled = false; error.textContent = (r.body && r.body.error && (r.body.error.message || r.body.error)) || 'The payment did not go through.'; return; }
      var card = document.getElementById('card');
      card.innerHTML = '<div class="done" data-testid="stripe-paid">Thanks for your payment</div><p data-testid="stripe-paid-amount"></p><p class="small"></p>';
      card.querySelector('[data-testid="stripe-paid-amount"]').textContent = r.body.amountText + ' paid. A receipt would be e-mailed to you.';
      card.querySelector('.small').textContent = 'Checkout Session ' + r.body.sessionId;
    }, function () { button.disabled = false; error.textContent = 'No connection: nothing was charged.'; });
});`;

function page(title: string, inner: string): DriveReply {
  return {
    status: 200, type: 'text/html; charset=utf-8',
    body: `<!doctype html><html><head><meta charset="utf-8"><title>${esc(title)}</title><style>${STYLE}</style></head><body><main><div class="card" id="card">${inner}</div></main></body></html>`,
  };
}

/** GET /stripe/pay/{slug}: the Payment Link's page; null for any other path. */
export function stripePayRoute(ws: Workspace, url: URL): DriveReply | null {
  if (!url.pathname.startsWith(PAY_PAGE_PATH)) return null;
  const slug = url.pathname.slice(PAY_PAGE_PATH.length);
  const link = ws.stripe.linkBySlug(slug);
  if (!link) return { ...page('Not found', '<p data-testid="stripe-missing">This payment link does not exist in the playground\'s Stripe.</p>'), status: 404 };
  const test = link.livemode ? '' : '<div class="test" data-testid="stripe-test-mode">TEST MODE</div>';
  if (!link.active) return page('Link inactive', `${test}<p data-testid="stripe-inactive">This link is no longer active.</p><p class="small">The seller has closed it (the invoice is paid or replaced).</p>`);
  const invoice = link.metadata.invoice ? `Invoice ${link.metadata.invoice}` : 'Payment';
  const amount = amountText(ws.stripe.linkTotal(link), link.currency);
  return page(`Pay ${amount}`, `${test}<p class="what" data-testid="stripe-what">${esc(invoice)}</p><p class="amount" data-testid="stripe-amount">${esc(amount)}</p>`
    + `<form id="pay" data-slug="${esc(slug)}"><label for="email">Email</label><input id="email" type="email" value="client@example.test" autocomplete="off">`
    + `<label for="cardnumber">Card information</label><input id="cardnumber" value="4242 4242 4242 4242" readonly>`
    + `<button id="pay-button" type="submit" data-testid="stripe-pay">Pay</button><div id="error" class="error" role="alert" data-testid="stripe-error"></div></form>`
    + `<p class="small">The playground's Stripe: paying completes a Checkout Session; Dealboard records it at "Check payment now" or the hourly run.</p><script>${SCRIPT}</script>`);
}

/** POST /api/stripe/pay { slug }: the client pays the link (a completed, paid Checkout Session). */
export function payLink(ws: Workspace, body: Record<string, unknown>): { sessionId: string; amountMinor: number; amountText: string } {
  const link = ws.stripe.linkBySlug(String(body.slug ?? ''));
  if (!link) throw new Error('This payment link does not exist.');
  if (!link.active) throw new Error('This link is no longer active.');
  const session = ws.stripe.pay(link.id);
  return { sessionId: session.id, amountMinor: session.amount_total, amountText: amountText(session.amount_total, session.currency) };
}
