// A minimal Apps Script Blob for what Drive and Docs hand back (exports, getAs, getBlob).
// Input blobs are accepted from anywhere (the Utilities helper's blobs, another realm): any
// object with getBytes() / getDataAsString() / getContentType() will do.
import { isImplemented } from '../notImplemented';
import { fromByteArray, gasError, toSigned } from '../services/util';

export interface BlobLike {
  getBytes?(): ArrayLike<number>;
  getDataAsString?(charset?: string): string;
  getContentType?(): string | null;
  getName?(): string | null;
}


export function isBlobLike(v: unknown): v is BlobLike {
  if (!v || (typeof v !== 'object' && typeof v !== 'function')) return false;
  const b = v as BlobLike;
  return isImplemented(b, 'getBytes') || isImplemented(b, 'getDataAsString');
}

/** Bytes of any blob-like input (prefers getBytes, falls back to UTF-8 of getDataAsString). */
export function blobBytes(blob: BlobLike): Uint8Array {
  if (blob instanceof DriveBlob) return blob.rawBytes();
  if (isImplemented(blob, 'getBytes')) return fromByteArray(blob.getBytes!());
  return new Uint8Array(Buffer.from(blob.getDataAsString!(), 'utf8'));
}

export function blobText(blob: BlobLike): string {
  if (isImplemented(blob, 'getDataAsString')) return blob.getDataAsString!();
  return Buffer.from(blobBytes(blob)).toString('utf8');
}

export function blobContentType(blob: BlobLike): string | null {
  return isImplemented(blob, 'getContentType') ? (blob.getContentType!() ?? null) : null;
}

export function blobName(blob: BlobLike): string | null {
  return isImplemented(blob, 'getName') ? (blob.getName!() ?? null) : null;
}

export class DriveBlob {
  private bytes: Uint8Array;
  private contentType: string | null;
  private name: string | null;

  constructor(data: Uint8Array | string, contentType: string | null = null, name: string | null = null) {
    this.bytes = typeof data === 'string' ? new Uint8Array(Buffer.from(data, 'utf8')) : new Uint8Array(data);
    this.contentType = contentType;
    this.name = name;
  }

  /** Uncounted access for emulator code. */
  rawBytes(): Uint8Array {
    return new Uint8Array(this.bytes);
  }

  getBytes(): number[] {
    return toSigned(this.bytes);
  }
  setBytes(data: ArrayLike<number>): DriveBlob {
    this.bytes = fromByteArray(data);
    return this;
  }
  getDataAsString(charset?: string): string {
    const enc = (charset ?? 'UTF-8').toLowerCase().replace('-', '');
    if (enc === 'utf8') return Buffer.from(this.bytes).toString('utf8');
    if (enc === 'iso88591' || enc === 'latin1' || enc === 'usascii') return Buffer.from(this.bytes).toString('latin1');
    if (enc === 'utf16le') return Buffer.from(this.bytes).toString('utf16le');
    throw gasError(`Invalid argument: charset`);
  }
  setDataFromString(data: string, charset?: string): DriveBlob {
    const enc = (charset ?? 'UTF-8').toLowerCase().replace('-', '');
    this.bytes = new Uint8Array(Buffer.from(String(data), enc === 'utf8' ? 'utf8' : 'latin1'));
    return this;
  }
  getContentType(): string | null {
    return this.contentType;
  }
  setContentType(contentType: string | null): DriveBlob {
    this.contentType = contentType;
    return this;
  }
  setContentTypeFromExtension(): DriveBlob {
    const ext = (this.name ?? '').split('.').pop()?.toLowerCase();
    const types: Record<string, string> = {
      pdf: 'application/pdf', html: 'text/html', htm: 'text/html', txt: 'text/plain', csv: 'text/csv',
      json: 'application/json', png: 'image/png', jpg: 'image/jpeg', jpeg: 'image/jpeg', zip: 'application/zip',
      xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    };
    if (!ext || !types[ext]) throw gasError('Could not determine the content type from the file extension.');
    this.contentType = types[ext];
    return this;
  }
  getName(): string | null {
    return this.name;
  }
  setName(name: string): DriveBlob {
    this.name = name;
    return this;
  }
  isGoogleType(): boolean {
    return (this.contentType ?? '').startsWith('application/vnd.google-apps.');
  }
  copyBlob(): DriveBlob {
    return new DriveBlob(this.bytes, this.contentType, this.name);
  }
  getBlob(): DriveBlob {
    return this;
  }
  getAs(contentType: string): DriveBlob {
    if (contentType === this.contentType) return this.copyBlob();
    throw gasError(`Converting from ${this.contentType ?? 'unknown'} to ${contentType} is not supported.`);
  }
  getAllBlobs(): DriveBlob[] {
    return [this];
  }
  toString(): string {
    return 'Blob';
  }
}
