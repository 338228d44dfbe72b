// UrlFetchApp as a router: every emulated REST service (Drive export, and what issues add —
// Stripe, Forms, the Sheets REST API) registers the URLs it answers. A fetch no route claims
// fails loudly naming the URL: the emulator has no network, and a silent fake would hide a
// call the real add-on makes.
import { EmulatorContext, counted } from '../context';
import { FetchRequest, HttpResponse, Reply } from './reply';
import { gasError as exception } from '../services/util';

export interface FetchRoute {
  /** Shown in the error for an unclaimed URL, e.g. "Drive export (https://www.googleapis.com/drive/v3/files/{id}/export)". */
  readonly describe: string;
  /** The reply, or null when this route does not answer the URL. */
  handle(request: FetchRequest): Reply | null;
  /** State the playground persists (WorkspaceJSON.fetchServices[key]). */
  readonly key?: string;
  toJSON?(): unknown;
}


function headersOf(headers: unknown): Record<string, string> {
  if (!headers || typeof headers !== 'object') return {};
  return Object.fromEntries(Object.entries(headers as Record<string, unknown>).map(([k, v]) => [k, String(v)]));
}

/** UrlFetchApp sends an object payload form-encoded (application/x-www-form-urlencoded). */
function payloadText(payload: unknown): string {
  if (payload === undefined || payload === null) return '';
  if (typeof payload === 'string') return payload;
  if (payload instanceof Uint8Array) return Buffer.from(payload).toString('utf8');
  if (Array.isArray(payload)) return Buffer.from(payload.map((b) => Number(b) & 0xff)).toString('utf8');
  const blob = payload as { getDataAsString?: () => string };
  if (typeof blob.getDataAsString === 'function') return blob.getDataAsString();
  return new URLSearchParams(Object.entries(payload as Record<string, unknown>).map(([k, v]) => [k, String(v)])).toString();
}

export class FetchRouter {
  private routes: FetchRoute[] = [];

  register(route: FetchRoute): void {
    this.routes.push(route);
  }

  list(): readonly FetchRoute[] {
    return this.routes;
  }

  /** Persisted state of routes that keep some (by key). */
  toJSON(): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const r of this.routes) if (r.key && r.toJSON) out[r.key] = r.toJSON();
    return out;
  }

  answer(request: FetchRequest): Reply {
    for (const route of this.routes) {
      const reply = route.handle(request);
      if (reply) return reply;
    }
    const known = this.routes.map((r) => r.describe).join('; ');
    throw exception(`The emulator's UrlFetchApp has no network; no emulated service answers ${request.method.toUpperCase()} ${request.url.href} (it answers: ${known || 'nothing'})`);
  }
}

class EmuUrlFetchApp {
  constructor(private ctx: EmulatorContext, private router: FetchRouter) {}

  fetch(url: string, params: Record<string, unknown> = {}): HttpResponse {
    const href = String(url);
    let parsed: URL;
    try {
      parsed = new URL(href);
    } catch {
      throw exception(`Invalid argument: ${href}`);
    }
    const headers = headersOf(params.headers);
    const header = (name: string) => {
      for (const [k, v] of Object.entries(headers)) if (k.toLowerCase() === name.toLowerCase()) return v;
      return undefined;
    };
    const request: FetchRequest = {
      url: parsed,
      method: String(params.method ?? 'get').toLowerCase(),
      headers,
      contentType: params.contentType !== undefined ? String(params.contentType) : header('Content-Type'),
      payload: payloadText(params.payload),
      user: this.ctx.currentUser(),
      header,
    };
    const reply = this.router.answer(request);
    if (reply.code >= 400 && params.muteHttpExceptions !== true) {
      const body = Buffer.from(reply.bytes).toString('utf8');
      throw exception(`Request failed for ${parsed.origin} returned code ${reply.code}. Truncated server response: ${body.slice(0, 100)}... (use muteHttpExceptions option to examine full response)`);
    }
    const name = decodeURIComponent(parsed.pathname.split('/').filter(Boolean).pop() ?? '');
    return counted(this.ctx.calls, 'HTTPResponse', new HttpResponse(reply, name));
  }

  fetchAll(requests: unknown[]): HttpResponse[] {
    return (requests ?? []).map((r) => {
      const req = (typeof r === 'string' ? { url: r } : r) as Record<string, unknown>;
      return this.fetch(String(req.url), req);
    });
  }

  /** "Returns the request that is made if the operation was invoked." The method reads lower-case, as live (gas-fakes testfetch.js: 'POST' → 'post'). */
  getRequest(url: string, params: Record<string, unknown> = {}): Record<string, unknown> {
    return { url: String(url), method: String(params.method ?? 'get').toLowerCase(), headers: headersOf(params.headers), payload: payloadText(params.payload), contentType: params.contentType ?? 'application/x-www-form-urlencoded', followRedirects: params.followRedirects ?? true, validateHttpsCertificates: params.validateHttpsCertificates ?? true, useIntranet: false };
  }
}

/** UrlFetchApp over a router; counted as UrlFetchApp.fetch (category urlfetch). */
export function createUrlFetchApp(ctx: EmulatorContext, router: FetchRouter): object {
  const app = new EmuUrlFetchApp(ctx, router);
  const guarded = new Proxy(app, {
    get(o, prop, receiver) {
      const value = Reflect.get(o, prop, receiver);
      if (typeof value !== 'function' || typeof prop !== 'string' || prop === 'constructor') return value;
      return function guardedMethod(...args: unknown[]) {
        ctx.requireAuthorization(`UrlFetchApp.${prop}`);
        return (value as (...a: unknown[]) => unknown).apply(o, args);
      };
    },
  });
  return counted(ctx.calls, 'UrlFetchApp', guarded);
}
