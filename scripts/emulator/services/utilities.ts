// Utilities and Blob. Bytes go out as arrays of signed bytes, as on Apps Script.
import { isImplemented } from '../notImplemented';
import { blobBytes, blobContentType, blobName, isBlobLike } from '../drive/blob';
import { createHash, createHmac } from 'node:crypto';
import { deflateRawSync, gunzipSync, gzipSync, inflateRawSync } from 'node:zlib';
import { counted } from '../context';
import { formatJavaDate, parseJavaDate, wallOf } from './dates';
import type { ServiceState } from './state';
import { decodeBytes, enumOf, gasError, isByteArray, isDate, toBytes, toSigned } from './util';

type GBlob = GoogleAppsScript.Base.Blob;

export const Charset = enumOf('US_ASCII', 'UTF_8');
export const DigestAlgorithm = enumOf('MD2', 'MD5', 'SHA_1', 'SHA_256', 'SHA_384', 'SHA_512');
export const MacAlgorithm = enumOf('HMAC_MD5', 'HMAC_SHA_1', 'HMAC_SHA_256', 'HMAC_SHA_384', 'HMAC_SHA_512');
export const RsaAlgorithm = enumOf('RSA_SHA_1', 'RSA_SHA_256');

const HASHES: Record<string, string> = { MD5: 'md5', SHA_1: 'sha1', SHA_256: 'sha256', SHA_384: 'sha384', SHA_512: 'sha512' };

const BLOB = Symbol('emulator.blob');

type BlobMethods =
  | 'copyBlob' | 'getAs' | 'getBytes' | 'getContentType' | 'getDataAsString' | 'getName' | 'isGoogleType' | 'setBytes'
  | 'setContentType' | 'setContentTypeFromExtension' | 'setDataFromString' | 'setName' | 'getBlob';

const EXTENSION_TYPES: Record<string, string> = {
  txt: 'text/plain', html: 'text/html', htm: 'text/html', csv: 'text/csv', json: 'application/json', xml: 'application/xml',
  pdf: 'application/pdf', zip: 'application/zip', png: 'image/png', jpg: 'image/jpeg', jpeg: 'image/jpeg', gif: 'image/gif',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', js: 'application/javascript', css: 'text/css',
};

export class EmuBlob implements Pick<GBlob, BlobMethods> {
  readonly [BLOB] = this;
  private self!: GBlob;
  constructor(private state: ServiceState, public bytes: Uint8Array, public contentType: string | null, public name: string | null) {}
  bind(self: GBlob): GBlob { this.self = self; return self; }

  copyBlob(): GBlob { return newBlobObject(this.state, new Uint8Array(this.bytes), this.contentType, this.name); }
  getAs(contentType: string): GBlob {
    if (contentType !== this.contentType) throw gasError(`Converting from ${this.contentType} to ${contentType} is not supported.`);
    return this.copyBlob();
  }
  getBlob(): GBlob { return this.self; }
  getBytes(): number[] { return toSigned(this.bytes); }
  getContentType(): string { return this.contentType as string; }
  getDataAsString(charset?: string): string { return decodeBytes(this.bytes, charset); }
  getName(): string { return this.name as string; }
  isGoogleType(): boolean { return false; }
  setBytes(data: number[]): GBlob { this.bytes = toBytes(data); return this.self; }
  setContentType(contentType: string): GBlob { this.contentType = contentType === null ? null : String(contentType); return this.self; }
  setContentTypeFromExtension(): GBlob {
    const ext = /\.([A-Za-z0-9]+)$/.exec(this.name ?? '')?.[1]?.toLowerCase();
    if (!ext || !EXTENSION_TYPES[ext]) throw gasError(`Could not determine the content type of ${this.name}.`);
    this.contentType = EXTENSION_TYPES[ext];
    return this.self;
  }
  setDataFromBlob(blob: GoogleAppsScript.Base.BlobSource): GBlob {
    const b = blobOf(blob);
    this.bytes = new Uint8Array(b.bytes);
    this.contentType = b.contentType;
    return this.self;
  }
  setDataFromString(string: string, charset?: string): GBlob { this.bytes = toBytes(String(string), charset); return this.self; }
  setName(name: string): GBlob { this.name = name === null ? null : String(name); return this.self; }
}

export function newBlobObject(state: ServiceState, bytes: Uint8Array, contentType: string | null, name: string | null): GBlob {
  const b = new EmuBlob(state, bytes, contentType, name);
  return b.bind(counted(state.ctx.calls, 'Blob', b) as unknown as GBlob);
}

/** The emulator's view of a Blob (or of anything with getBlob(), e.g. an HtmlOutput). */
export function blobOf(v: unknown): EmuBlob {
  const direct = v ? (v as { [BLOB]?: EmuBlob })[BLOB] : undefined;
  if (direct) return direct;
  const src = v as { getBlob?: () => unknown };
  if (src && isImplemented(src, 'getBlob')) {
    const inner = src.getBlob!() as { [BLOB]?: EmuBlob };
    if (inner && inner[BLOB]) return inner[BLOB] as EmuBlob;
  }
  // Blobs of the Drive/Docs services (File.getAs, Document.getAs) are one kind of Blob on Apps Script.
  if (isBlobLike(v)) return { bytes: blobBytes(v), contentType: blobContentType(v), name: blobName(v) } as EmuBlob;
  throw gasError('Invalid argument: blob');
}

// ---- zip -------------------------------------------------------------------------------------

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

export function crc32(b: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < b.length; i++) c = CRC_TABLE[(c ^ b[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function zipBytes(entries: { name: string; data: Uint8Array }[], dosTime: number, dosDate: number): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const compressed = deflateRawSync(e.data);
    const crc = crc32(e.data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0); local.writeUInt16LE(20, 4); local.writeUInt16LE(0x0800, 6); local.writeUInt16LE(8, 8);
    local.writeUInt16LE(dosTime, 10); local.writeUInt16LE(dosDate, 12); local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(compressed.length, 18); local.writeUInt32LE(e.data.length, 22); local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    locals.push(local, name, compressed);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0); central.writeUInt16LE(20, 4); central.writeUInt16LE(20, 6); central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10); central.writeUInt16LE(dosTime, 12); central.writeUInt16LE(dosDate, 14); central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(compressed.length, 20); central.writeUInt32LE(e.data.length, 24); central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += 30 + name.length + compressed.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0); end.writeUInt16LE(entries.length, 8); end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12); end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, cd, end]));
}

function unzipBytes(data: Uint8Array): { name: string; data: Uint8Array }[] {
  const buf = Buffer.from(data);
  let eocd = -1;
  for (let i = buf.length - 22; i >= 0; i--) if (buf.readUInt32LE(i) === 0x06054b50) { eocd = i; break; }
  if (eocd < 0) throw gasError('Could not unzip the blob: it is not a zip archive.');
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const out: { name: string; data: Uint8Array }[] = [];
  for (let i = 0; i < count; i++) {
    const method = buf.readUInt16LE(p + 10);
    const csize = buf.readUInt32LE(p + 20);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const localOff = buf.readUInt32LE(p + 42);
    const name = buf.subarray(p + 46, p + 46 + nameLen).toString('utf8');
    const lStart = localOff + 30 + buf.readUInt16LE(localOff + 26) + buf.readUInt16LE(localOff + 28);
    const raw = buf.subarray(lStart, lStart + csize);
    const bytes = method === 0 ? raw : inflateRawSync(raw);
    if (!name.endsWith('/')) out.push({ name, data: new Uint8Array(bytes) });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}

// ---- printf ------------------------------------------------------------------------------------

/** Java String.format subset: %s %S %d %f %e %x %X %o %c %b %% %n with flags -0+, space and width/precision. */
export function javaFormat(template: string, args: unknown[]): string {
  let next = 0;
  return String(template).replace(/%(\d+\$)?([-#+ 0,(]*)(\d+)?(?:\.(\d+))?([a-zA-Z%])/g, (whole, index, flags: string, width, precision, conv: string) => {
    if (conv === '%') return '%';
    if (conv === 'n') return '\n';
    const arg = index ? args[Number(index.slice(0, -1)) - 1] : args[next++];
    let s: string;
    switch (conv) {
      case 's': case 'S': s = arg === null || arg === undefined ? 'null' : String(arg); if (precision !== undefined) s = s.slice(0, Number(precision)); if (conv === 'S') s = s.toUpperCase(); break;
      case 'b': case 'B': s = String(arg !== null && arg !== undefined && arg !== false); break;
      case 'c': s = typeof arg === 'number' ? String.fromCharCode(arg) : String(arg).charAt(0); break;
      case 'd': {
        const n = Math.trunc(Number(arg));
        if (!Number.isFinite(n)) throw gasError(`Invalid argument for %d: ${String(arg)}`);
        s = Math.abs(n).toString();
        if (flags.includes(',')) s = s.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
        s = (n < 0 ? '-' : flags.includes('+') ? '+' : flags.includes(' ') ? ' ' : '') + s;
        break;
      }
      case 'f': case 'e': case 'E': {
        const n = Number(arg);
        const p = precision === undefined ? 6 : Number(precision);
        s = conv === 'f' ? Math.abs(n).toFixed(p) : Math.abs(n).toExponential(p).replace(/e([+-])(\d)$/, 'e$10$2');
        if (conv === 'E') s = s.toUpperCase();
        if (flags.includes(',') && conv === 'f') s = s.replace(/^(\d+)/, (d) => d.replace(/\B(?=(\d{3})+(?!\d))/g, ','));
        s = (n < 0 ? '-' : flags.includes('+') ? '+' : flags.includes(' ') ? ' ' : '') + s;
        break;
      }
      case 'x': case 'X': case 'o': s = Math.trunc(Number(arg)).toString(conv === 'o' ? 8 : 16); if (conv === 'X') s = s.toUpperCase(); break;
      default: throw gasError(`Unknown format conversion: ${whole}`);
    }
    const w = width === undefined ? 0 : Number(width);
    if (s.length < w) {
      if (flags.includes('-')) s = s + ' '.repeat(w - s.length);
      else if (flags.includes('0') && /[dfeExXo]/.test(conv)) {
        const sign = /^[-+ ]/.test(s) ? s[0] : '';
        s = sign + '0'.repeat(w - s.length) + s.slice(sign.length);
      } else s = ' '.repeat(w - s.length) + s;
    }
    return s;
  });
}

// ---- csv -----------------------------------------------------------------------------------------

export function parseCsv(csv: string, delimiter = ','): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const text = String(csv);
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') { field += '"'; i++; } else quoted = false;
      } else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === delimiter) { row.push(field); field = ''; }
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field); rows.push(row); row = []; field = '';
    } else field += c;
  }
  if (field !== '' || row.length > 0) { row.push(field); rows.push(row); }
  return rows;
}

// ---- Utilities -------------------------------------------------------------------------------------

/**
 * The charset a String argument of computeDigest / computeHmac* is encoded in: the one given, else
 * US_ASCII (non-ASCII characters become '?'). The reference names no default; Apps Script's own
 * results show it: computeDigest(MD5, '€🙂') equals computeDigest(MD5, '€🙂', US_ASCII), not the
 * UTF_8 digest (live vectors in gas-fakes' test/testutilities.js: "default charset with special
 * text is US_ASCII"; the same for computeHmacSha256Signature). Byte arrays are used as they are.
 */
function stringCharset(value: unknown, charset: unknown): string | undefined {
  if (charset !== undefined && charset !== null) return String(charset);
  return typeof value === 'string' ? 'US_ASCII' : undefined;
}

type UtilitiesMethods =
  | 'base64Decode' | 'base64DecodeWebSafe' | 'base64Encode' | 'base64EncodeWebSafe' | 'computeDigest'
  | 'computeHmacSha256Signature' | 'computeHmacSignature' | 'formatDate' | 'formatString' | 'getUuid' | 'gzip' | 'newBlob'
  | 'parseCsv' | 'parseDate' | 'sleep' | 'ungzip' | 'unzip' | 'zip';

const B64 = /^[A-Za-z0-9+/]*={0,2}$/;
const B64_WEB = /^[A-Za-z0-9\-_+/]*={0,2}$/;

function decode64(encoded: unknown, webSafe: boolean): Uint8Array {
  const s = String(encoded).replace(/\s+/g, '');
  if (!(webSafe ? B64_WEB : B64).test(s) || s.replace(/=+$/, '').length % 4 === 1) throw gasError('Could not decode string.');
  return new Uint8Array(Buffer.from(webSafe ? s.replace(/-/g, '+').replace(/_/g, '/') : s, 'base64'));
}

function digestName(algorithm: unknown): string {
  const name = HASHES[String(algorithm)];
  if (!name) throw gasError(`Invalid argument: algorithm (${String(algorithm)} is not supported by the emulator)`);
  return name;
}

const ENUM_TYPES: Record<string, string> = {};
for (const [type, names] of Object.entries({
  DigestAlgorithm: ['MD2', 'MD5', 'SHA_1', 'SHA_256', 'SHA_384', 'SHA_512'],
  MacAlgorithm: ['HMAC_MD5', 'HMAC_SHA_1', 'HMAC_SHA_256', 'HMAC_SHA_384', 'HMAC_SHA_512'],
  Charset: ['US_ASCII', 'UTF_8'],
})) for (const n of names) ENUM_TYPES[n] = `Utilities.${type}`;

/** Apps Script's type names in "The parameters (…) don't match the method signature for …". */
function typeName(v: unknown): string {
  if (v === null) return 'null';
  if (v === undefined) return 'undefined';
  if (typeof v === 'string') return ENUM_TYPES[v] ?? 'String';
  if (typeof v === 'number') return 'number';
  if (typeof v === 'boolean') return 'Boolean';
  if (Array.isArray(v)) return 'number[]';
  return 'Object';
}

function checkArity(method: string, args: IArguments, min: number, max: number): void {
  if (args.length >= min && args.length <= max) return;
  const types = Array.prototype.map.call(args, typeName) as string[];
  throw gasError(`The parameters (${types.join(',')}) don't match the method signature for ${method}.`);
}

/**
 * The content type of an unzipped entry, from its name's extension (Apps Script's unzip gives a
 * zipped 'b0.txt' back as text/plain: gas-fakes' live suite, testutilities.js); null when unknown.
 */
const TYPE_OF_EXTENSION: Record<string, string> = {
  txt: 'text/plain', csv: 'text/csv', html: 'text/html', htm: 'text/html', css: 'text/css', js: 'text/javascript',
  json: 'application/json', xml: 'text/xml', pdf: 'application/pdf', zip: 'application/zip', png: 'image/png',
  jpg: 'image/jpeg', jpeg: 'image/jpeg', gif: 'image/gif', svg: 'image/svg+xml',
};
function contentTypeOfName(name: string | null | undefined): string | null {
  const m = /\.([A-Za-z0-9]+)$/.exec(name ?? '');
  return m ? TYPE_OF_EXTENSION[m[1].toLowerCase()] ?? null : null;
}

/**
 * The digest and HMAC overloads: the data arguments all byte arrays (no charset), or all Strings
 * with an optional Utilities.Charset. Any other mix throws the signature error, as Apps Script
 * does (gas-fakes' live suite, testutilities.js); a byte array holding what is not a number throws
 * "Cannot convert … to byte." (the emulator's wording).
 */
function checkOverload(method: string, args: IArguments, lead: number, data: number, algorithmType?: string): void {
  const all = Array.prototype.slice.call(args) as unknown[];
  if (algorithmType && ENUM_TYPES[String(all[0])] !== algorithmType) {
    throw gasError(`The parameters (${all.map(typeName).join(',')}) don't match the method signature for ${method}.`);
  }
  const values = all.slice(lead, lead + data);
  const rest = all.slice(lead + data);
  const bytes = values.every((v) => Array.isArray(v));
  const strings = values.every((v) => typeof v === 'string');
  const charsetOk = rest.length === 0 || (rest.length === 1 && ENUM_TYPES[String(rest[0])] === 'Utilities.Charset');
  if (!((bytes && rest.length === 0) || (strings && charsetOk))) {
    throw gasError(`The parameters (${all.map(typeName).join(',')}) don't match the method signature for ${method}.`);
  }
  if (bytes) {
    for (const v of values as unknown[][]) {
      const bad = v.find((b) => typeof b !== 'number' || !Number.isFinite(b));
      if (bad !== undefined) throw gasError(`Cannot convert ${String(bad)} to byte.`);
    }
  }
}

export class EmuUtilities implements Pick<GoogleAppsScript.Utilities.Utilities, UtilitiesMethods> {
  readonly Charset = Charset as unknown as typeof GoogleAppsScript.Utilities.Charset;
  readonly DigestAlgorithm = DigestAlgorithm as unknown as typeof GoogleAppsScript.Utilities.DigestAlgorithm;
  readonly MacAlgorithm = MacAlgorithm as unknown as typeof GoogleAppsScript.Utilities.MacAlgorithm;
  readonly RsaAlgorithm = RsaAlgorithm as unknown as typeof GoogleAppsScript.Utilities.RsaAlgorithm;
  constructor(private state: ServiceState) {}

  base64Encode(data: unknown, charset?: unknown): string {
    return Buffer.from(toBytes(data, charset as string | undefined)).toString('base64');
  }
  base64EncodeWebSafe(data: unknown, charset?: unknown): string {
    return this.base64Encode(data, charset).replace(/\+/g, '-').replace(/\//g, '_');
  }
  base64Decode(encoded: string, _charset?: unknown): number[] {
    return toSigned(decode64(encoded, false));
  }
  base64DecodeWebSafe(encoded: string, _charset?: unknown): number[] {
    return toSigned(decode64(encoded, true));
  }
  computeDigest(algorithm: GoogleAppsScript.Utilities.DigestAlgorithm, value: unknown, charset?: unknown): number[] {
    checkArity('Utilities.computeDigest', arguments, 2, 3);
    checkOverload('Utilities.computeDigest', arguments, 1, 1, 'Utilities.DigestAlgorithm');
    return toSigned(new Uint8Array(createHash(digestName(algorithm)).update(toBytes(value, stringCharset(value, charset))).digest()));
  }
  computeHmacSignature(algorithm: GoogleAppsScript.Utilities.MacAlgorithm, value: unknown, key: unknown, charset?: unknown): number[] {
    checkArity('Utilities.computeHmacSignature', arguments, 3, 4);
    checkOverload('Utilities.computeHmacSignature', arguments, 1, 2, 'Utilities.MacAlgorithm');
    // Apps Script refuses an empty key (observed on Apps Script, gas-fakes issue #39).
    if (key === '' || (Array.isArray(key) && key.length === 0)) throw gasError('Invalid argument: key');
    const alg = String(algorithm).replace(/^HMAC_/, '');
    return toSigned(new Uint8Array(createHmac(digestName(alg), toBytes(key, stringCharset(key, charset))).update(toBytes(value, stringCharset(value, charset))).digest()));
  }
  computeHmacSha256Signature(value: unknown, key: unknown, charset?: unknown): number[] {
    checkArity('Utilities.computeHmacSha256Signature', arguments, 2, 3);
    checkOverload('Utilities.computeHmacSha256Signature', arguments, 0, 2);
    const alg = 'HMAC_SHA_256' as unknown as GoogleAppsScript.Utilities.MacAlgorithm;
    return charset === undefined ? this.computeHmacSignature(alg, value, key) : this.computeHmacSignature(alg, value, key, charset);
  }
  formatDate(date: GoogleAppsScript.Base.Date, timeZone: string, format: string): string {
    if (!isDate(date)) throw gasError('Invalid argument: date');
    const ms = (date as unknown as Date).getTime();
    if (Number.isNaN(ms)) throw gasError('Invalid argument: date');
    if (typeof timeZone !== 'string') throw gasError('Invalid argument: timeZone');
    if (typeof format !== 'string') throw gasError('Invalid argument: format');
    return formatJavaDate(ms, timeZone, format);
  }
  formatString(template: string, ...args: unknown[]): string {
    return javaFormat(template, args);
  }
  getUuid(): string {
    const h = Array.from({ length: 32 }, () => Math.floor(this.state.random() * 16).toString(16));
    h[12] = '4';
    h[16] = ((parseInt(h[16], 16) & 0x3) | 0x8).toString(16);
    const s = h.join('');
    return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
  }
  newBlob(data: unknown, contentType?: string, name?: string): GBlob {
    const bytes = isByteArray(data) ? toBytes(data) : toBytes(data === undefined || data === null ? '' : String(data));
    // A blob made from a string is text/plain unless told otherwise; one made from bytes has no type.
    const type = contentType ?? (isByteArray(data) ? null : 'text/plain');
    return newBlobObject(this.state, bytes, type, name ?? null);
  }
  parseCsv(csv: string, delimiter?: string): string[][] {
    return parseCsv(csv, delimiter === undefined ? ',' : String(delimiter));
  }
  parseDate(date: string, timeZone: string, format: string): Date {
    const year = wallOf(this.state.ctx.clock.millis(), timeZone).year;
    return new Date(parseJavaDate(date, timeZone, format, year));
  }
  sleep(milliseconds: number): void {
    const ms = Number(milliseconds);
    if (!Number.isFinite(ms) || ms < 0) throw gasError('Invalid argument: milliseconds');
    if (ms > 300000) throw gasError('Invalid argument: milliseconds. The maximum allowed value is 300000.');
    this.state.ctx.clock.advance(ms);
  }
  zip(blobs: GoogleAppsScript.Base.BlobSource[], name?: string): GBlob {
    if (!Array.isArray(blobs)) throw gasError('Invalid argument: blobs');
    const w = wallOf(this.state.ctx.clock.millis(), this.state.ctx.timeZone());
    const dosTime = (w.hour << 11) | (w.minute << 5) | Math.floor(w.second / 2);
    const dosDate = ((Math.max(1980, w.year) - 1980) << 9) | (w.month << 5) | w.day;
    const entries = blobs.map((b, i) => {
      const blob = blobOf(b);
      return { name: blob.name ?? `Untitled${i === 0 ? '' : ` ${i}`}`, data: blob.bytes };
    });
    return newBlobObject(this.state, zipBytes(entries, dosTime, dosDate), 'application/zip', name ?? 'archive.zip');
  }
  unzip(blob: GoogleAppsScript.Base.BlobSource): GBlob[] {
    return unzipBytes(blobOf(blob).bytes).map((e) => newBlobObject(this.state, e.data, contentTypeOfName(e.name), e.name));
  }
  gzip(blob: GoogleAppsScript.Base.BlobSource, name?: string): GBlob {
    const b = blobOf(blob);
    return newBlobObject(this.state, new Uint8Array(gzipSync(b.bytes)), 'application/x-gzip', name ?? `${b.name ?? 'archive'}.gz`);
  }
  ungzip(blob: GoogleAppsScript.Base.BlobSource): GBlob {
    const b = blobOf(blob);
    return newBlobObject(this.state, new Uint8Array(gunzipSync(b.bytes)), null, (b.name ?? '').replace(/\.gz$/, '') || null);
  }
  jsonStringify(obj: unknown): string {
    return JSON.stringify(obj);
  }
  jsonParse(jsonString: string): unknown {
    return JSON.parse(jsonString);
  }
}

export function createUtilities(state: ServiceState): GoogleAppsScript.Utilities.Utilities {
  return counted(state.ctx.calls, 'Utilities', new EmuUtilities(state)) as unknown as GoogleAppsScript.Utilities.Utilities;
}
