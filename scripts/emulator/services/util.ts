// Small helpers shared by the services: Apps Script style errors, enums, byte arrays.

/** An error as Apps Script services throw them: name 'Exception', String(e) = 'Exception: ...'. */
export function gasError(message: string): Error {
  const e = new Error(message);
  e.name = 'Exception';
  return e;
}

export function enumOf<K extends string>(...names: K[]): Readonly<Record<K, K>> {
  const o = {} as Record<K, K>;
  for (const n of names) o[n] = n;
  return Object.freeze(o);
}

/** Date check that also accepts Dates made in another realm (the add-on's sandbox). */
export function isDate(v: unknown): v is Date {
  // Primitives first: Object.prototype.toString would box them.
  if (typeof v !== 'object' || v === null) return false;
  return v instanceof Date || Object.prototype.toString.call(v) === '[object Date]';
}

export function isByteArray(v: unknown): v is number[] {
  return Array.isArray(v) || v instanceof Uint8Array || v instanceof Int8Array;
}

/** Bytes as Apps Script hands them out: a JavaScript array of signed bytes (-128..127). */
export function toSigned(bytes: Uint8Array): number[] {
  const out = new Array<number>(bytes.length);
  for (let i = 0; i < bytes.length; i++) out[i] = bytes[i] > 127 ? bytes[i] - 256 : bytes[i];
  return out;
}

/** Accepts signed or unsigned byte arrays. */
export function fromByteArray(v: ArrayLike<number>): Uint8Array {
  const out = new Uint8Array(v.length);
  for (let i = 0; i < v.length; i++) out[i] = Number(v[i]) & 0xff;
  return out;
}

export type CharsetName = 'UTF_8' | 'US_ASCII';

export function encodeString(s: string, charset?: string): Uint8Array {
  const str = String(s);
  if (charset === 'US_ASCII') {
    // Java's encoder: one '?' per code point it cannot map (a surrogate pair is one code point),
    // so '€🙂' is '??' — the digest Apps Script returns for it (gas-fakes' live vectors).
    const points = Array.from(str);
    const out = new Uint8Array(points.length);
    for (let i = 0; i < points.length; i++) out[i] = points[i].charCodeAt(0) < 128 ? points[i].charCodeAt(0) : 63;
    return out;
  }
  return new Uint8Array(Buffer.from(str, 'utf8'));
}

export function decodeBytes(b: Uint8Array, charset?: string): string {
  if (charset === 'US_ASCII') return Buffer.from(b).toString('latin1').replace(/[\x80-\xff]/g, '\ufffd');
  return Buffer.from(b).toString('utf8');
}

/** String (encoded in charset) or byte array → bytes. */
export function toBytes(v: unknown, charset?: string): Uint8Array {
  if (isByteArray(v)) return fromByteArray(v as ArrayLike<number>);
  return encodeString(String(v), charset);
}

export function utf8Length(s: string): number {
  return Buffer.byteLength(s, 'utf8');
}

/** Deterministic PRNG (mulberry32); its state is persisted with the workspace. */
export class SeededRandom {
  constructor(public state: number) {}
  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) | 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  hex(n: number): string {
    let s = '';
    for (let i = 0; i < n; i++) s += Math.floor(this.next() * 16).toString(16);
    return s;
  }
}

export const SCOPES = {
  currentonly: 'https://www.googleapis.com/auth/spreadsheets.currentonly',
  scriptapp: 'https://www.googleapis.com/auth/script.scriptapp',
};

/** The error Apps Script throws when an execution lacks the authorization a call needs. */
export function permissionError(what: string, scope: string = SCOPES.currentonly): Error {
  return gasError(`You do not have permission to call ${what}. Required permissions: ${scope}`);
}
