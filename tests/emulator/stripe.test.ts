// The emulator's Stripe (scripts/emulator/stripe/route.ts), each behaviour against a quoted
// sentence of Stripe's API reference (docs.stripe.com/api).
import { createWorkspace } from '../../scripts/emulator/workspace';
import { EMULATOR_LIVE_KEY, EMULATOR_TEST_KEY, parseForm } from '../../scripts/emulator/stripe/route';

/* eslint-disable @typescript-eslint/no-explicit-any */
type Any = any;

function setup() {
  const ws = createWorkspace({ now: '2026-12-07T09:00:00Z' });
  const g = ws.globals as Any;
  const call = (method: string, path: string, body = '', headers: Record<string, string> = {}, key = EMULATOR_TEST_KEY) => ws.execute(() => {
    const res = g.UrlFetchApp.fetch(`https://api.stripe.com${path}`, {
      method, payload: method === 'post' ? body : undefined, contentType: 'application/x-www-form-urlencoded',
      headers: { Authorization: `Bearer ${key}`, ...headers }, muteHttpExceptions: true,
    });
    return { code: res.getResponseCode(), body: JSON.parse(res.getContentText()), headers: res.getHeaders() };
  });
  const link = (amount = 1000, idem?: string) => {
    const price = call('post', '/v1/prices', `currency=eur&unit_amount=${amount}&product_data[name]=INV-2026-0001`);
    return call('post', '/v1/payment_links', `line_items[0][price]=${price.body.id}&line_items[0][quantity]=1&metadata[invoice]=INV-2026-0001&metadata[deal]=D-1`, idem ? { 'Idempotency-Key': idem } : {});
  };
  return { ws, g, call, link };
}

test('nested form keys are read as Stripe reads them (line_items[0][price])', () => {
  expect(parseForm('line_items[0][price]=p&line_items[0][quantity]=1&metadata[a]=b&created[gt]=5')).toEqual({
    line_items: [{ price: 'p', quantity: '1' }], metadata: { a: 'b' }, created: { gt: '5' },
  });
});

test('a price and a payment link are created; the link carries its metadata and a buy.stripe.com url', () => {
  const { link } = setup();
  const res = link(769644);
  // Create a payment link: curl … -d "line_items[0][price]={{PRICE_ID}}" -d "line_items[0][quantity]=1" → {"id": "plink_…", "object": "payment_link", "active": true, …}
  expect(res.code).toBe(200);
  expect(res.body).toMatchObject({ object: 'payment_link', active: true, livemode: false, currency: 'eur', metadata: { invoice: 'INV-2026-0001', deal: 'D-1' } });
  expect(res.body.id).toMatch(/^plink_/);
  expect(res.body.url).toMatch(/^https:\/\/buy\.stripe\.com\/test_/);
});

test('bad or missing keys get 401; basic auth with the key as user name is accepted', () => {
  const { call, ws, g } = setup();
  // "401 Unauthorized: No valid API key provided."
  const bad = call('get', '/v1/checkout/sessions', '', {}, 'sk_test_wrongwrongwrong1234');
  expect(bad.code).toBe(401);
  expect(bad.body.error.type).toBe('invalid_request_error');
  expect(bad.body.error.message).toMatch(/^Invalid API Key provided: sk_test_\*+1234$/);
  const basic = ws.execute(() => g.UrlFetchApp.fetch('https://api.stripe.com/v1/checkout/sessions', {
    headers: { Authorization: `Basic ${Buffer.from(`${EMULATOR_TEST_KEY}:`).toString('base64')}` }, muteHttpExceptions: true,
  }).getResponseCode());
  expect(basic).toBe(200);
});

test('errors have Stripe\'s shape: missing params, unknown objects (resource_missing), 404 for an unknown URL', () => {
  const { call } = setup();
  // "param: If the error is parameter-specific, the parameter related to the error."
  const missing = call('post', '/v1/prices', 'unit_amount=100');
  expect(missing.code).toBe(400);
  expect(missing.body.error).toEqual({ type: 'invalid_request_error', code: 'parameter_missing', param: 'currency', message: 'Missing required param: currency.' });
  const noPrice = call('post', '/v1/payment_links', 'line_items[0][price]=price_nope&line_items[0][quantity]=1');
  expect(noPrice.body.error).toMatchObject({ code: 'resource_missing', param: 'line_items[0][price]' });
  // "404 Not Found: The requested resource doesn't exist."
  expect(call('get', '/v1/payment_links/plink_nope').code).toBe(404);
});

test('an idempotency key replays the first result; other parameters under the same key are refused', () => {
  const { call, ws } = setup();
  const price = call('post', '/v1/prices', 'currency=eur&unit_amount=500&product_data[name]=x');
  const body = `line_items[0][price]=${price.body.id}&line_items[0][quantity]=1`;
  const first = call('post', '/v1/payment_links', body, { 'Idempotency-Key': 'inv-1-r1' });
  // "Subsequent requests with the same key return the same result"
  const again = call('post', '/v1/payment_links', body, { 'Idempotency-Key': 'inv-1-r1' });
  expect(again.body.id).toBe(first.body.id);
  expect(again.headers['Idempotent-Replayed']).toBe('true');
  expect(ws.stripe.state.links).toHaveLength(1);
  // "The idempotency layer compares incoming parameters to those of the original request and errors if they're not the same"
  const other = call('post', '/v1/payment_links', `${body}&metadata[x]=y`, { 'Idempotency-Key': 'inv-1-r1' });
  expect(other.code).toBe(400);
  expect(other.body.error.type).toBe('idempotency_error');
});

test('checkout sessions list newest first with has_more and starting_after, filtered by payment_link and status', () => {
  const { call, link, ws } = setup();
  const a = link(1000).body.id;
  const b = link(2000).body.id;
  const paid = [1, 2, 3].map(() => { ws.clock.advance(1000); return ws.stripe.pay(a).id; });
  ws.stripe.startCheckout(a);
  ws.stripe.pay(b);
  const page1 = call('get', `/v1/checkout/sessions?payment_link=${a}&status=complete&limit=2`);
  // "has_more: True if this list has another page of items after this one that can be fetched."
  expect(page1.body).toMatchObject({ object: 'list', url: '/v1/checkout/sessions', has_more: true });
  expect(page1.body.data.map((s: Any) => s.id)).toEqual([paid[2], paid[1]]);
  expect(page1.body.data[0]).toMatchObject({ object: 'checkout.session', payment_link: a, status: 'complete', payment_status: 'paid', amount_total: 1000, currency: 'eur', metadata: { invoice: 'INV-2026-0001' } });
  // "To get the next page, pass the id of the last object in the current page."
  const page2 = call('get', `/v1/checkout/sessions?payment_link=${a}&status=complete&limit=2&starting_after=${paid[1]}`);
  expect(page2.body.has_more).toBe(false);
  expect(page2.body.data.map((s: Any) => s.id)).toEqual([paid[0]]);
  expect(call('get', `/v1/checkout/sessions?payment_link=${a}`).body.data).toHaveLength(4);
  // "A limit on the number of objects to be returned. Limit can range between 1 and 100"
  expect(call('get', '/v1/checkout/sessions?limit=101').body.error.param).toBe('limit');
});

test('a deactivated link takes no payment; live keys do not see test objects', () => {
  const { call, link, ws } = setup();
  const id = link().body.id;
  const off = call('post', `/v1/payment_links/${id}`, 'active=false');
  expect(off.body.active).toBe(false);
  expect(() => ws.stripe.pay(id)).toThrow(/no longer active/);
  expect(call('get', `/v1/payment_links/${id}`, '', {}, EMULATOR_LIVE_KEY).code).toBe(404);
});

test('injected failures: 429 with Retry-After, 500, and a network failure that throws as UrlFetchApp does', () => {
  const { call, ws, g } = setup();
  ws.stripe.failNext('rate_limit');
  const limited = call('get', '/v1/checkout/sessions');
  // "429 Too Many Requests: Too many requests hit the API too quickly."
  expect(limited.code).toBe(429);
  expect(limited.body.error.type).toBe('rate_limit_error');
  expect(limited.headers['Retry-After']).toBe('2');
  ws.stripe.failNext('api_error');
  expect(call('get', '/v1/checkout/sessions').body.error.type).toBe('api_error');
  ws.stripe.failNext('network');
  expect(() => ws.execute(() => g.UrlFetchApp.fetch('https://api.stripe.com/v1/checkout/sessions'))).toThrow(/Address unavailable/);
  expect(call('get', '/v1/checkout/sessions').code).toBe(200);
});

test('the account persists through toJSON', () => {
  const { link, ws } = setup();
  const id = link().body.id;
  ws.stripe.pay(id);
  const again = createWorkspace({ state: JSON.parse(JSON.stringify(ws.toJSON())) });
  expect(again.stripe.link(id)?.active).toBe(true);
  expect(again.stripe.state.sessions).toHaveLength(1);
});

test('a host with its own pay page (the playground) gets links on its origin; the customer pays through the link found by its URL', () => {
  const { ws, link } = setup();
  const before = link(1000).body;
  ws.drive.linkBase = 'http://127.0.0.1:8315/';
  const after = link(2500).body;
  expect(after.url).toMatch(/^http:\/\/127\.0\.0\.1:8315\/stripe\/pay\/test_\w+$/);
  // Both URLs lead to their own link: the slug is the last path segment, whichever host shows it.
  const slug = (url: string) => url.slice(url.lastIndexOf('/') + 1);
  expect(ws.stripe.linkBySlug(slug(after.url))!.id).toBe(after.id);
  expect(ws.stripe.linkBySlug(slug(before.url))!.id).toBe(before.id);
  expect(ws.stripe.linkBySlug('test_nothing')).toBeUndefined();
  expect(ws.stripe.linkBySlug('../x')).toBeUndefined();
  const session = ws.stripe.pay(after.id);
  expect(session).toMatchObject({ amount_total: 2500, payment_status: 'paid', status: 'complete', payment_link: after.id });
});
