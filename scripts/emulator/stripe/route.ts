// Stripe's REST API (the part Dealboard uses) as a UrlFetchApp route (issue 22):
//   POST /v1/prices, POST /v1/payment_links, GET|POST /v1/payment_links/{id},
//   GET /v1/checkout/sessions (payment_link, status, created[gt|gte|lt|lte], limit,
//   starting_after, ending_before).
// As documented at docs.stripe.com/api: form-encoded bodies with nested keys
// (line_items[0][price]), the secret key as Bearer or basic auth, errors as
// {error:{type,code,message,param}} with the documented status codes, lists as
// {object:'list', url, has_more, data} newest first, and Idempotency-Key replay ("saves the
// resulting status code and body of the first request made for any given idempotency key … The
// idempotency layer compares incoming parameters to those of the original request and errors if
// they're not the same"). Test and live keys see separate objects (livemode).
// Uncounted helpers act as the customer and as the network: pay(linkId), startCheckout(linkId),
// failNext(kind), allowKey(key). A host with its own pay page (the playground) gives a linkBase:
// links made from then on open there (…/stripe/pay/{slug}) instead of https://buy.stripe.com/{slug}.
import { FetchRoute } from '../fetch/router';
import { FetchRequest, Reply, jsonReply } from '../fetch/reply';
import { gasError as exception } from '../services/util';

export const STRIPE_ORIGIN = 'https://api.stripe.com';
/** Where a payment link's page is when no host serves one: Stripe's hosted page. */
export const STRIPE_BUY_ORIGIN = 'https://buy.stripe.com';
/** The pay page's path on a host's linkBase (the playground). */
export const PAY_PAGE_PATH = '/stripe/pay/';
/** Keys the emulator's Stripe account knows from the start (playground and tests). */
export const EMULATOR_TEST_KEY = 'sk_test_dealboardEmulator0001';
export const EMULATOR_RESTRICTED_KEY = 'rk_test_dealboardEmulator0002';
export const EMULATOR_LIVE_KEY = 'sk_live_dealboardEmulator0003';

type Params = Record<string, unknown>;

interface Price { id: string; object: 'price'; active: boolean; currency: string; unit_amount: number; product: string; type: 'one_time'; livemode: boolean; created: number; metadata: Record<string, string> }
interface PaymentLink { id: string; object: 'payment_link'; active: boolean; currency: string; livemode: boolean; metadata: Record<string, string>; url: string; line_items: { price: string; quantity: number }[]; created: number }
interface Session {
  id: string; object: 'checkout.session'; amount_subtotal: number; amount_total: number; created: number; currency: string;
  livemode: boolean; metadata: Record<string, string>; mode: 'payment'; payment_intent: string | null; payment_link: string;
  payment_status: 'paid' | 'unpaid'; status: 'open' | 'complete' | 'expired';
}
interface SavedReply { method: string; path: string; params: string; code: number; body: unknown }

export interface StripeState {
  seq: number;
  keys: string[];
  prices: Price[];
  links: PaymentLink[];
  sessions: Session[];
  idempotency: Record<string, SavedReply>;
}

export type StripeFailure = 'rate_limit' | 'api_error' | 'network';


/** Stripe's error object: {"error": {"type", "code", "message", "param"}} with its HTTP status. */
export function stripeError(code: number, type: string, message: string, extra: { code?: string; param?: string } = {}, headers: Record<string, string> = {}): Reply {
  const error: Record<string, string> = { type, message };
  if (extra.code) error.code = extra.code;
  if (extra.param) error.param = extra.param;
  return jsonReply(code, { error }, { 'Request-Id': 'req_emulator', ...headers });
}

/** "line_items[0][price]=x&metadata[a]=b" → {line_items: [{price: 'x'}], metadata: {a: 'b'}}. */
export function parseForm(text: string): Params {
  const out: Params = {};
  for (const [key, value] of new URLSearchParams(text)) {
    const path = key.replace(/\]/g, '').split('[');
    let node: Params = out;
    path.forEach((part, i) => {
      const last = i === path.length - 1;
      const nextIsIndex = !last && /^\d+$/.test(path[i + 1]);
      if (last) node[part] = value;
      else {
        if (node[part] === undefined || typeof node[part] !== 'object') node[part] = nextIsIndex ? [] : {};
        node = node[part] as Params;
      }
    });
  }
  return out;
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

export class StripeModel {
  state: StripeState;
  private failures: { kind: StripeFailure; path?: string }[] = [];

  constructor(private nowMs: () => number, saved?: StripeState | null, private linkBase: () => string | null = () => null) {
    this.state = saved && Array.isArray(saved.links)
      ? saved
      : { seq: 0, keys: [EMULATOR_TEST_KEY, EMULATOR_RESTRICTED_KEY, EMULATOR_LIVE_KEY], prices: [], links: [], sessions: [], idempotency: {} };
  }

  private id(prefix: string, live: boolean): string {
    this.state.seq += 1;
    return `${prefix}_${live ? '' : 'test_'}${String(this.state.seq).padStart(6, '0')}Emu`;
  }

  private seconds(): number {
    return Math.floor(this.nowMs() / 1000);
  }

  /** Uncounted: a key the account accepts (a new restricted key, say). */
  allowKey(key: string): void {
    if (this.state.keys.indexOf(key) < 0) this.state.keys.push(key);
  }

  /** Uncounted: the next requests (to paths starting with `path`, if given) fail as Stripe (429, 500) or the network would. */
  failNext(kind: StripeFailure, times = 1, path?: string): void {
    for (let i = 0; i < times; i++) this.failures.push({ kind, path });
  }

  /** Uncounted: the owner rolls or deletes a key in the Stripe Dashboard. */
  revokeKey(key: string): void {
    this.state.keys = this.state.keys.filter((k) => k !== key);
  }

  link(id: string): PaymentLink | undefined {
    return this.state.links.filter((l) => l.id === id)[0];
  }

  /** The customer's URL of a new link: Stripe's hosted page, or the host's pay page when it has one. */
  private urlOf(id: string, live: boolean): string {
    const slug = `${live ? '' : 'test_'}${id.slice(-10)}`;
    const base = this.linkBase();
    return base ? `${base.replace(/\/+$/, '')}${PAY_PAGE_PATH}${slug}` : `${STRIPE_BUY_ORIGIN}/${slug}`;
  }

  /** Uncounted: the link a customer's URL opens (its last path segment), on Stripe's host or the playground's. */
  linkBySlug(slug: string): PaymentLink | undefined {
    if (!/^[\w-]+$/.test(slug)) return undefined;
    return this.state.links.filter((l) => l.url.slice(l.url.lastIndexOf('/') + 1) === slug)[0];
  }

  linkTotal(link: PaymentLink): number {
    return link.line_items.reduce((sum, item) => {
      const price = this.state.prices.filter((p) => p.id === item.price)[0];
      return sum + (price ? price.unit_amount * item.quantity : 0);
    }, 0);
  }

  /** Uncounted: a link made in the Stripe Dashboard (bench and playground set-ups). */
  dashboardLink(amountMinor: number, currency: string, metadata: Record<string, string> = {}, live = false): PaymentLink {
    const price: Price = { id: this.id('price', live), object: 'price', active: true, currency: currency.toLowerCase(), unit_amount: amountMinor, product: this.id('prod', live), type: 'one_time', livemode: live, created: this.seconds(), metadata: {} };
    this.state.prices.push(price);
    const id = this.id('plink', live);
    const link: PaymentLink = { id, object: 'payment_link', active: true, currency: price.currency, livemode: live, metadata, url: this.urlOf(id, live), line_items: [{ price: price.id, quantity: 1 }], created: this.seconds() };
    this.state.links.push(link);
    return link;
  }

  /** Uncounted: the customer opens the link and pays (a completed, paid Checkout Session). */
  pay(linkId: string, amount?: number): Session {
    const session = this.startCheckout(linkId, amount);
    session.status = 'complete';
    session.payment_status = 'paid';
    session.payment_intent = this.id('pi', session.livemode);
    return session;
  }

  /** Uncounted: the customer opens the link and leaves (an open, unpaid session). */
  startCheckout(linkId: string, amount?: number): Session {
    const link = this.link(linkId);
    if (!link) throw new Error(`No such payment_link: '${linkId}'`);
    if (!link.active) throw new Error(`The payment link ${linkId} is deactivated: the customer sees "This link is no longer active".`);
    const total = amount === undefined ? this.linkTotal(link) : amount;
    const session: Session = {
      id: this.id('cs', link.livemode), object: 'checkout.session', amount_subtotal: total, amount_total: total,
      created: this.seconds(), currency: link.currency, livemode: link.livemode,
      // "Metadata associated with this Payment Link will automatically be copied to checkout sessions created by this payment link."
      metadata: { ...link.metadata }, mode: 'payment', payment_intent: null, payment_link: link.id, payment_status: 'unpaid', status: 'open',
    };
    this.state.sessions.push(session);
    return session;
  }

  answer(request: FetchRequest): Reply {
    const at = this.failures.findIndex((f) => !f.path || request.url.pathname.indexOf(f.path) === 0);
    const failure = at < 0 ? undefined : this.failures.splice(at, 1)[0].kind;
    if (failure === 'network') throw exception(`Address unavailable: ${request.url.href}`);
    if (failure === 'rate_limit') return stripeError(429, 'rate_limit_error', 'Too many requests hit the API too quickly. We recommend an exponential backoff of your requests.', { code: 'rate_limit' }, { 'Retry-After': '2' });
    if (failure === 'api_error') return stripeError(500, 'api_error', 'An unknown error occurred.');
    const key = this.keyOf(request);
    if (key === null) return stripeError(401, 'invalid_request_error', 'You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth (e.g. \'Authorization: Bearer YOUR_SECRET_KEY\').');
    if (this.state.keys.indexOf(key) < 0) return stripeError(401, 'invalid_request_error', `Invalid API Key provided: ${key.slice(0, 8)}${'*'.repeat(Math.max(0, key.length - 12))}${key.slice(-4)}`);
    const live = /^(sk|rk)_live_/.test(key);
    const method = request.method;
    const path = request.url.pathname;
    const params = method === 'get' ? parseForm(request.url.search.slice(1)) : parseForm(request.payload);
    const idempotencyKey = method === 'post' ? request.header('Idempotency-Key') : undefined;
    if (idempotencyKey !== undefined) {
      if (idempotencyKey.length > 255) return stripeError(400, 'invalid_request_error', 'Idempotency-Key must be at most 255 characters long.', { param: 'Idempotency-Key' });
      const slot = `${key}\n${idempotencyKey}`;
      const saved = this.state.idempotency[slot];
      const sent = JSON.stringify(params);
      if (saved) {
        if (saved.method !== method || saved.path !== path || saved.params !== sent) {
          return stripeError(400, 'idempotency_error', `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${idempotencyKey}' if you meant to execute a different request.`);
        }
        return jsonReply(saved.code, saved.body, { 'Idempotent-Replayed': 'true', 'Idempotency-Key': idempotencyKey });
      }
      const reply = this.route(method, path, params, live);
      // Results are saved only once the endpoint ran: a request refused in validation is not kept.
      if (reply.code < 400 || reply.code >= 500) this.state.idempotency[slot] = { method, path, params: sent, code: reply.code, body: JSON.parse(Buffer.from(reply.bytes).toString('utf8')) };
      return reply;
    }
    return this.route(method, path, params, live);
  }

  private keyOf(request: FetchRequest): string | null {
    const auth = request.header('Authorization') || '';
    const bearer = /^Bearer\s+(\S+)$/.exec(auth);
    if (bearer) return bearer[1];
    const basic = /^Basic\s+(\S+)$/.exec(auth);
    if (basic) return Buffer.from(basic[1], 'base64').toString('utf8').split(':')[0] || null;
    return null;
  }

  private route(method: string, path: string, params: Params, live: boolean): Reply {
    if (path === '/v1/prices' && method === 'post') return this.createPrice(params, live);
    if (path === '/v1/payment_links' && method === 'post') return this.createLink(params, live);
    const linkPath = /^\/v1\/payment_links\/([^/]+)$/.exec(path);
    if (linkPath && (method === 'get' || method === 'post')) {
      const link = this.link(decodeURIComponent(linkPath[1]));
      if (!link || link.livemode !== live) return stripeError(404, 'invalid_request_error', `No such payment_link: '${decodeURIComponent(linkPath[1])}'`, { code: 'resource_missing', param: 'id' });
      if (method === 'post') {
        if (params.active !== undefined) {
          if (params.active !== 'true' && params.active !== 'false') return stripeError(400, 'invalid_request_error', 'Invalid boolean: ' + String(params.active), { param: 'active' });
          link.active = params.active === 'true';
        }
        if (params.metadata && typeof params.metadata === 'object') Object.assign(link.metadata, params.metadata);
      }
      return jsonReply(200, this.linkView(link));
    }
    if (path === '/v1/checkout/sessions' && method === 'get') return this.listSessions(params, live);
    return stripeError(404, 'invalid_request_error', `Unrecognized request URL (${method.toUpperCase()}: ${path}). Please see https://stripe.com/docs or we can help at https://support.stripe.com/.`);
  }

  private createPrice(params: Params, live: boolean): Reply {
    const currency = str(params.currency);
    if (!currency) return stripeError(400, 'invalid_request_error', 'Missing required param: currency.', { code: 'parameter_missing', param: 'currency' });
    const amount = str(params.unit_amount);
    if (amount === undefined || !/^\d+$/.test(amount)) return stripeError(400, 'invalid_request_error', amount === undefined ? 'Missing required param: unit_amount.' : `Invalid integer: ${amount}`, { code: amount === undefined ? 'parameter_missing' : 'parameter_invalid_integer', param: 'unit_amount' });
    const productData = params.product_data as Params | undefined;
    const product = str(params.product) || (productData && str(productData.name) ? this.id('prod', live) : '');
    if (!product) return stripeError(400, 'invalid_request_error', 'Missing required param: product.', { code: 'parameter_missing', param: 'product' });
    const price: Price = { id: this.id('price', live), object: 'price', active: true, currency: currency.toLowerCase(), unit_amount: Number(amount), product, type: 'one_time', livemode: live, created: this.seconds(), metadata: (params.metadata as Record<string, string>) || {} };
    this.state.prices.push(price);
    return jsonReply(200, price);
  }

  private createLink(params: Params, live: boolean): Reply {
    const items = params.line_items;
    if (!Array.isArray(items) || items.length === 0) return stripeError(400, 'invalid_request_error', 'Missing required param: line_items.', { code: 'parameter_missing', param: 'line_items' });
    const lineItems: PaymentLink['line_items'] = [];
    for (let i = 0; i < items.length; i++) {
      const item = (items[i] || {}) as Params;
      const price = this.state.prices.filter((p) => p.id === item.price && p.livemode === live)[0];
      if (!price) return stripeError(400, 'invalid_request_error', `No such price: '${String(item.price)}'`, { code: 'resource_missing', param: `line_items[${i}][price]` });
      const quantity = str(item.quantity);
      if (quantity === undefined || !/^\d+$/.test(quantity)) return stripeError(400, 'invalid_request_error', `Missing required param: line_items[${i}][quantity].`, { code: 'parameter_missing', param: `line_items[${i}][quantity]` });
      lineItems.push({ price: price.id, quantity: Number(quantity) });
    }
    const currency = this.state.prices.filter((p) => p.id === lineItems[0].price)[0].currency;
    const id = this.id('plink', live);
    const link: PaymentLink = {
      id, object: 'payment_link', active: true, currency, livemode: live, metadata: (params.metadata as Record<string, string>) || {},
      url: this.urlOf(id, live), line_items: lineItems, created: this.seconds(),
    };
    this.state.links.push(link);
    return jsonReply(200, this.linkView(link));
  }

  private linkView(link: PaymentLink): Record<string, unknown> {
    const { line_items: _items, created: _created, ...view } = link;
    return view;
  }

  private listSessions(params: Params, live: boolean): Reply {
    const limitText = str(params.limit);
    const limit = limitText === undefined ? 10 : Number(limitText);
    if (!Number.isInteger(limit) || limit < 1 || limit > 100) return stripeError(400, 'invalid_request_error', 'This value must be between 1 and 100.', { code: 'parameter_invalid_integer', param: 'limit' });
    if (params.starting_after && params.ending_before) return stripeError(400, 'invalid_request_error', 'You may only specify one of these parameters: ending_before, starting_after.');
    const status = str(params.status);
    if (status !== undefined && ['open', 'complete', 'expired'].indexOf(status) < 0) return stripeError(400, 'invalid_request_error', `Invalid status: must be one of open, complete, or expired`, { code: 'parameter_invalid_string', param: 'status' });
    const created = params.created;
    const bound = (name: string) => (created && typeof created === 'object' && str((created as Params)[name]) !== undefined ? Number((created as Params)[name]) : null);
    // Newest first, as every Stripe list.
    let all = this.state.sessions.filter((s) => s.livemode === live).slice().reverse();
    if (str(params.payment_link)) all = all.filter((s) => s.payment_link === params.payment_link);
    if (status) all = all.filter((s) => s.status === status);
    const gt = bound('gt'); const gte = bound('gte'); const lt = bound('lt'); const lte = bound('lte');
    if (typeof created === 'string') all = all.filter((s) => s.created === Number(created));
    all = all.filter((s) => (gt === null || s.created > gt) && (gte === null || s.created >= gte) && (lt === null || s.created < lt) && (lte === null || s.created <= lte));
    let start = 0;
    let end = all.length;
    const after = str(params.starting_after);
    const before = str(params.ending_before);
    const cursor = after || before;
    if (cursor) {
      if (!this.state.sessions.some((s) => s.id === cursor)) return stripeError(400, 'invalid_request_error', `No such checkout.session: '${cursor}'`, { code: 'resource_missing', param: after ? 'starting_after' : 'ending_before' });
      const at = all.findIndex((s) => s.id === cursor);
      if (after) start = at + 1;
      else end = Math.max(0, at);
    }
    const page = before ? all.slice(Math.max(0, end - limit), end) : all.slice(start, start + limit);
    const hasMore = before ? end - limit > 0 : start + limit < all.length;
    return jsonReply(200, { object: 'list', url: '/v1/checkout/sessions', has_more: hasMore, data: page });
  }

  toJSON(): StripeState {
    return this.state;
  }
}

export function stripeRoute(model: StripeModel): FetchRoute {
  return {
    describe: 'Stripe (https://api.stripe.com/v1/prices, /v1/payment_links, /v1/checkout/sessions)',
    key: 'stripe',
    handle(request) {
      return request.url.origin === STRIPE_ORIGIN ? model.answer(request) : null;
    },
    // An account never used is not saved (a workspace without Stripe stays as it was).
    toJSON: () => (model.state.seq === 0 && model.state.keys.length === 3 ? undefined : model.toJSON()),
  };
}
