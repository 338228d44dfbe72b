// The table of contents of a zip archive (its central directory), read without inflating
// anything: Apps Script's Utilities.unzip inflates every file at once, so an upload is measured
// here first and a zip bomb (a few hundred KB that inflate to gigabytes) is refused before
// unzip is ever called. Sizes are the ones the archive declares; what unzip actually returns is
// measured again afterwards (inflatedRefusal), so an archive declaring less is refused too.

export interface ZipEntry {
  name: string;
  compressedSize: number;
  uncompressedSize: number;
}

/** What an import unzips at most (an .xlsx of 20,000 client rows is a few MB inflated). */
export const MAX_ZIP_ENTRIES = 500;
export const MAX_INFLATED_BYTES = 50 * 1024 * 1024;

const u16 = (b: ArrayLike<number>, at: number) => (b[at] & 0xff) | ((b[at + 1] & 0xff) << 8);
const u32 = (b: ArrayLike<number>, at: number) => (u16(b, at) + u16(b, at + 2) * 0x10000);

/** The entries of a zip (bytes as Utilities.base64Decode gives them: signed or unsigned); null when it is not a zip. */
export function zipDirectory(bytes: ArrayLike<number>): ZipEntry[] | null {
  const n = bytes.length;
  // The end-of-central-directory record: within the last 22 + 65,535 (comment) bytes.
  let eocd = -1;
  for (let i = n - 22; i >= 0 && i >= n - 22 - 65535; i--) {
    if (u32(bytes, i) === 0x06054b50) { eocd = i; break; }
  }
  if (eocd < 0) return null;
  const count = u16(bytes, eocd + 10);
  let p = u32(bytes, eocd + 16);
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    if (p + 46 > n || u32(bytes, p) !== 0x02014b50) return null;
    const nameLength = u16(bytes, p + 28);
    let name = '';
    for (let k = 0; k < nameLength && p + 46 + k < n; k++) name += String.fromCharCode(bytes[p + 46 + k] & 0xff);
    entries.push({ name, compressedSize: u32(bytes, p + 20), uncompressedSize: u32(bytes, p + 24) });
    p += 46 + nameLength + u16(bytes, p + 30) + u16(bytes, p + 32);
  }
  return entries;
}

const megabytes = (bytes: number) => `${Math.round(bytes / (1024 * 1024))} MB`;

/** Why an archive is not unzipped, in a sentence with the limits; '' when it may be. */
export function zipRefusal(entries: readonly ZipEntry[]): string {
  if (entries.length > MAX_ZIP_ENTRIES) return `it holds ${entries.length} files; an import unzips at most ${MAX_ZIP_ENTRIES}.`;
  let total = 0;
  for (const e of entries) {
    // 0xFFFFFFFF: the real size is in a ZIP64 record, i.e. 4 GB or more.
    total += e.uncompressedSize === 0xffffffff ? Infinity : e.uncompressedSize;
  }
  if (total > MAX_INFLATED_BYTES) {
    return `it unpacks to ${isFinite(total) ? megabytes(total) : 'more than 4 GB'}; an import unpacks at most ${megabytes(MAX_INFLATED_BYTES)}. Save the client list alone as .xlsx or CSV.`;
  }
  return '';
}

/** After unzip: the same limit on what it really returned (an archive may declare less than it holds). */
export function inflatedRefusal(textLengths: readonly number[]): string {
  const total = textLengths.reduce((a, b) => a + b, 0);
  return total > MAX_INFLATED_BYTES ? `it unpacks to more than ${megabytes(MAX_INFLATED_BYTES)}, the most an import unpacks. Save the client list alone as .xlsx or CSV.` : '';
}
