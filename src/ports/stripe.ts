// Stripe's REST API as the payment links need it (issue 22). The gas adapter (src/gas/money/stripe.ts)
// sends it with UrlFetchApp to https://api.stripe.com only; tests run it against the emulator's
// Stripe. The secret key is passed per call from document properties and never logged.

/** What came back: the HTTP status, the parsed JSON body, and Retry-After (seconds) when sent. */
export interface StripeReply {
  code: number;
  body: Record<string, unknown>;
  retryAfterSeconds: number | null;
}

export interface StripeHttp {
  /**
   * One request: `path` under https://api.stripe.com (e.g. "/v1/payment_links"), `form` the
   * parameters in Stripe's nested-key form ([["line_items[0][price]", "price_…"], …]), sent as
   * the body of a POST or the query of a GET. Throws only when Stripe cannot be reached.
   */
  call(secretKey: string, method: 'get' | 'post', path: string, form: readonly (readonly [string, string])[], idempotencyKey?: string): StripeReply;
}
