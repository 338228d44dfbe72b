// Stripe over UrlFetchApp (issue 22). Only https://api.stripe.com is fetched from here (with
// Drive's export URL, the only hosts the add-on fetches; docs/deployment.md, "OAuth scopes"). The key goes in
// the Authorization header and is never logged.
import { StripeHttp, StripeReply } from '../../ports/stripe';
import { encodeForm } from '../../domain/money/stripe';

const STRIPE_API = 'https://api.stripe.com';

export function gasStripe(): StripeHttp {
  return {
    call(secretKey, method, path, form, idempotencyKey): StripeReply {
      if (!/^\/v1\/[A-Za-z0-9_/.-]+$/.test(path)) throw new Error(`Refused: ${path} is not a Stripe API path.`);
      const body = encodeForm(form);
      const url = `${STRIPE_API}${path}${method === 'get' && body ? `?${body}` : ''}`;
      const headers: Record<string, string> = { Authorization: `Bearer ${secretKey}` };
      if (idempotencyKey) headers['Idempotency-Key'] = idempotencyKey;
      const response = UrlFetchApp.fetch(url, {
        method, headers, muteHttpExceptions: true, followRedirects: false,
        ...(method === 'post' ? { contentType: 'application/x-www-form-urlencoded', payload: body } : {}),
      });
      const code = response.getResponseCode();
      let parsed: Record<string, unknown> = {};
      try {
        parsed = JSON.parse(response.getContentText()) as Record<string, unknown>;
      } catch (_notJson) {
        parsed = { error: { message: `HTTP ${code} without a JSON body` } };
      }
      const headersIn = response.getHeaders() as Record<string, string>;
      const retry = Object.keys(headersIn).filter((h) => h.toLowerCase() === 'retry-after')[0];
      return { code, body: parsed, retryAfterSeconds: retry ? Number(headersIn[retry]) || null : null };
    },
  };
}
