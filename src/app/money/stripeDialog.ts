// The owner's "Stripe key" dialog (issue 22): one field, saved through api_setStripeKey (which
// checks the key with Stripe and keeps it in document properties). The page holds no data from
// the workbook; the status line is set with textContent, never as HTML.
export const STRIPE_DIALOG_HTML = `<!DOCTYPE html>
<html><head><base target="_top"><meta charset="utf-8">
<style>
body { font: 13px/1.4 Arial, sans-serif; margin: 12px; color: #202124; }
label { display: block; margin: 8px 0 4px; font-weight: bold; }
input { width: 100%; box-sizing: border-box; padding: 6px; font-family: monospace; }
.row { margin-top: 12px; display: flex; gap: 8px; }
.muted { color: #5f6368; font-size: 12px; }
.mode-test { color: #b06000; font-weight: bold; }
.mode-live { color: #137333; font-weight: bold; }
.error { color: #c5221f; }
</style></head>
<body>
<p>Invoices get a Stripe Payment Link the client pays online; Dealboard checks every hour for paid links and records the payments.</p>
<div id="status" data-testid="stripe-status" class="muted">Loading…</div>
<label for="key">Secret or restricted key</label>
<input id="key" data-testid="stripe-key" type="password" autocomplete="off" placeholder="rk_test_… or sk_live_…">
<p class="muted">A restricted key needs write access to Prices and Payment Links and read access to Checkout Sessions. The key is kept in this spreadsheet's document properties, never in a cell or a log.</p>
<div class="row">
<button id="save" data-testid="stripe-save">Save key</button>
<button id="remove" data-testid="stripe-remove">Remove key</button>
<button onclick="google.script.host.close()">Close</button>
</div>
<div id="message" data-testid="stripe-message" role="status"></div>
<script>
function show(s) {
  var el = document.getElementById('status');
  el.className = s.configured ? 'mode-' + s.mode : 'muted';
  el.textContent = s.configured ? (s.mode === 'live' ? 'Live mode: clients pay for real. Key ' : 'Test mode: no real money moves. Key ') + s.key : 'No Stripe key: invoices print the payment_link of Settings, if any.';
}
function say(text, bad) { var m = document.getElementById('message'); m.className = bad ? 'error' : 'muted'; m.textContent = text; }
function save(value) {
  say('Checking the key with Stripe…');
  google.script.run.withSuccessHandler(function (s) { show(s); document.getElementById('key').value = ''; say(s.configured ? 'Saved.' : 'Removed.'); })
    .withFailureHandler(function (e) { say(e && e.message ? e.message : String(e), true); }).api_setStripeKey(value);
}
document.getElementById('save').onclick = function () { save(document.getElementById('key').value); };
document.getElementById('remove').onclick = function () { save(''); };
google.script.run.withSuccessHandler(show).withFailureHandler(function (e) { say(e && e.message ? e.message : String(e), true); }).api_stripeKeyStatus();
</script>
</body></html>`;
