// What an emulated REST service answers, and the HTTPResponse UrlFetchApp wraps it in.
import { DriveBlob } from '../drive/blob';

export interface Reply {
  code: number;
  headers: Record<string, string>;
  bytes: Uint8Array;
}

/** A fetch as a route sees it: method lower-case, headers as sent, payload as text or bytes. */
export interface FetchRequest {
  url: URL;
  method: string;
  headers: Record<string, string>;
  /** UrlFetchApp's `contentType` option (or the Content-Type header). */
  contentType: string | undefined;
  /** The payload as UrlFetchApp sends it: a string, bytes, or a form-encoded object turned to text. */
  payload: string;
  /** The user the request runs as (ScriptApp.getOAuthToken() is theirs). */
  user: string;
  header(name: string): string | undefined;
}

export function bytesOf(text: string): Uint8Array {
  return new Uint8Array(Buffer.from(text, 'utf8'));
}

export function jsonReply(code: number, body: unknown, headers: Record<string, string> = {}): Reply {
  return { code, headers: { 'Content-Type': 'application/json; charset=UTF-8', ...headers }, bytes: bytesOf(JSON.stringify(body, null, 2)) };
}

/** Google's JSON error shape (https://cloud.google.com/apis/design/errors#http_mapping). */
export function googleError(code: number, message: string, reason: string, extra: Record<string, string> = {}): Reply {
  const status: Record<number, string> = {
    400: 'INVALID_ARGUMENT', 401: 'UNAUTHENTICATED', 403: 'PERMISSION_DENIED', 404: 'NOT_FOUND',
    409: 'ABORTED', 413: 'INVALID_ARGUMENT', 429: 'RESOURCE_EXHAUSTED', 500: 'INTERNAL', 503: 'UNAVAILABLE',
  };
  return jsonReply(code, { error: { code, message, errors: [{ message, domain: 'global', reason, ...extra }], status: status[code] ?? 'UNKNOWN' } });
}

/** The bearer token ScriptApp.getOAuthToken() hands `user` in the emulator. */
export function oauthTokenOf(user: string): string {
  return `emulator-oauth-token.${Buffer.from(user).toString('base64url')}`;
}

/** The user behind `Authorization: Bearer …`, or null when the header is missing or foreign. */
export function bearerUser(request: FetchRequest): string | null {
  const match = /^Bearer (emulator-oauth-token\.([A-Za-z0-9_-]+))$/.exec(request.header('Authorization') ?? '');
  if (!match) return null;
  return Buffer.from(match[2], 'base64url').toString('utf8');
}

/** Google's 401 for a request without a valid OAuth token. */
export function missingCredential(): Reply {
  return googleError(401, 'Request is missing required authentication credential. Expected OAuth 2 access token, login cookie or other valid authentication credential.', 'required', { location: 'Authorization', locationType: 'header' });
}

export class HttpResponse {
  constructor(private reply: Reply, private name: string) {}
  getResponseCode(): number {
    return this.reply.code;
  }
  getHeaders(): Record<string, string> {
    return { ...this.reply.headers };
  }
  getAllHeaders(): Record<string, string> {
    return { ...this.reply.headers };
  }
  getContent(): number[] {
    return new DriveBlob(this.reply.bytes).getBytes();
  }
  getContentText(charset?: string): string {
    return new DriveBlob(this.reply.bytes).getDataAsString(charset);
  }
  getBlob(): DriveBlob {
    // UrlFetch names the blob after the last path segment of the URL.
    return new DriveBlob(this.reply.bytes, (this.reply.headers['Content-Type'] ?? '').split(';')[0] || null, this.name);
  }
  getAs(contentType: string): DriveBlob {
    return this.getBlob().getAs(contentType);
  }
  toString(): string {
    return 'HTTPResponse';
  }
}
