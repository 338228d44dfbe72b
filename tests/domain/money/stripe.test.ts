// Stripe Payment Links, the pure part (src/domain/money/stripe.ts): keys, form encoding, idempotency
// keys and what an error reply tells the user.
import fc from 'fast-check';
import { encodeForm, linkIdempotencyKey, maskedKey, stripeKeyProblem, stripeMode, stripeProblem } from '../../../src/domain/money/stripe';

test('secret and restricted keys, test or live, are accepted; publishable keys and junk are refused with a reason', () => {
  expect(stripeKeyProblem('sk_test_abcdefghij12')).toBeNull();
  expect(stripeKeyProblem('rk_live_abcdefghij12')).toBeNull();
  expect(stripeKeyProblem('pk_test_abcdefghij12')).toMatch(/publishable key/);
  expect(stripeKeyProblem('sk_test_short')).toMatch(/starts with sk_test_/);
  expect(stripeKeyProblem('sk_test_abc def ghij12')).not.toBeNull();
  expect(stripeMode('rk_live_abcdefghij12')).toBe('live');
  expect(stripeMode('sk_test_abcdefghij12')).toBe('test');
  expect(maskedKey('sk_test_abcdefghij12')).toBe('sk_test_…ij12');
});

test('form encoding keeps nested keys and round-trips any text', () => {
  expect(encodeForm([['line_items[0][price]', 'price_1'], ['metadata[invoice]', 'INV-2026-0001']]))
    .toBe('line_items%5B0%5D%5Bprice%5D=price_1&metadata%5Binvoice%5D=INV-2026-0001');
  fc.assert(fc.property(fc.string(), fc.string(), (k, v) => {
    const back = [...new URLSearchParams(encodeForm([[k, v]]))];
    expect(back).toEqual([[k, v]]);
  }));
});

test('one idempotency key per invoice and amount and step, at most 255 characters', () => {
  const a = linkIdempotencyKey('wb', 'INV-2026-0001', 1000, 'link');
  expect(linkIdempotencyKey('wb', 'INV-2026-0001', 1000, 'link')).toBe(a);
  expect(linkIdempotencyKey('wb', 'INV-2026-0001', 1001, 'link')).not.toBe(a);
  expect(linkIdempotencyKey('wb', 'INV-2026-0001', 1000, 'price')).not.toBe(a);
  expect(linkIdempotencyKey('x'.repeat(300), 'INV', 1, 'link').length).toBe(255);
});

test('error replies become sentences: 401 names no key, 429 and 5xx are retried, 400 names the parameter', () => {
  const auth = stripeProblem(401, { error: { type: 'invalid_request_error', message: 'Invalid API Key provided: sk_test_****1234' } }, null);
  expect(auth).toMatchObject({ kind: 'auth', retry: false });
  expect(auth.message).not.toMatch(/1234/);
  expect(stripeProblem(429, { error: { type: 'rate_limit_error', message: 'Too many' } }, 2)).toEqual({ kind: 'rate_limit', retry: true, message: 'Stripe asked to slow down (retry after 2 s); the next hourly run tries again.' });
  expect(stripeProblem(500, {}, null)).toMatchObject({ kind: 'server', retry: true });
  expect(stripeProblem(400, { error: { type: 'invalid_request_error', message: 'Missing required param: currency.', param: 'currency' } }, null).message)
    .toBe('Stripe refused the request: Missing required param: currency. (currency).');
});
