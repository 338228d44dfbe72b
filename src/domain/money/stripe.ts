// Stripe Payment Links, the pure part (issue 22): keys, request bodies, idempotency keys and
// what an error reply means for the user. No Apps Script here; the adapter sends the requests.

export type StripeMode = 'test' | 'live';

/** Secret (sk_) and restricted (rk_) keys, test or live: what the owner may store. */
const KEY = /^(sk|rk)_(test|live)_[A-Za-z0-9]{10,247}$/;

export function stripeKeyProblem(key: string): string | null {
  if (KEY.test(key)) return null;
  if (/^pk_/.test(key)) return 'That is a publishable key (pk_…): Dealboard needs a secret or restricted key (sk_… or rk_…).';
  return 'A Stripe key starts with sk_test_, sk_live_, rk_test_ or rk_live_ (Stripe Dashboard → Developers → API keys).';
}

export function stripeMode(key: string): StripeMode {
  return /^(sk|rk)_live_/.test(key) ? 'live' : 'test';
}

/** What the UI may show of a key: its kind, mode and last four characters, never the rest. */
export function maskedKey(key: string): string {
  return `${key.slice(0, 8)}…${key.slice(-4)}`;
}

/** [["a[b]", "c"]] → "a%5Bb%5D=c": Stripe's form encoding (brackets may be escaped). */
export function encodeForm(form: readonly (readonly [string, string])[]): string {
  return form.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&');
}

/**
 * One idempotency key per invoice revision: a retry of the same revision creates no second price
 * or link, a changed amount (a regenerated draft) gets its own.
 */
export function linkIdempotencyKey(workbookId: string, invoiceNumber: string, amountMinor: number, step: 'price' | 'link'): string {
  return `dealboard-${workbookId}-${invoiceNumber}-${amountMinor}-${step}`.slice(0, 255);
}

export type StripeProblemKind = 'auth' | 'rate_limit' | 'network' | 'invalid' | 'server';

export interface StripeProblem {
  kind: StripeProblemKind;
  /** A sentence for the card and the Jobs log (never the key). */
  message: string;
  /** Worth trying again later (the hourly run does). */
  retry: boolean;
}

/** What a non-2xx reply means: Stripe's {error: {type, code, message, param}}. */
export function stripeProblem(code: number, body: Record<string, unknown>, retryAfterSeconds: number | null): StripeProblem {
  const error = (body && typeof body.error === 'object' && body.error) ? body.error as Record<string, unknown> : {};
  const said = typeof error.message === 'string' ? error.message.replace(/(sk|rk)_(test|live)_[A-Za-z0-9*]+/g, '$1_$2_…') : `HTTP ${code}`;
  if (code === 401) return { kind: 'auth', message: `Stripe refused the key (${said}). The owner can enter a new one: Dealboard → Stripe key.`, retry: false };
  if (code === 403) return { kind: 'auth', message: `The Stripe key may not do this (${said}). A restricted key needs write access to Prices and Payment Links and read access to Checkout Sessions.`, retry: false };
  if (code === 429) return { kind: 'rate_limit', message: `Stripe asked to slow down${retryAfterSeconds ? ` (retry after ${retryAfterSeconds} s)` : ''}; the next hourly run tries again.`, retry: true };
  if (code >= 500) return { kind: 'server', message: `Stripe had a problem (${said}); the next hourly run tries again.`, retry: true };
  return { kind: 'invalid', message: `Stripe refused the request: ${said}${typeof error.param === 'string' ? ` (${error.param})` : ''}.`, retry: false };
}

export function networkProblem(): StripeProblem {
  return { kind: 'network', message: 'Stripe could not be reached; the next hourly run tries again.', retry: true };
}
