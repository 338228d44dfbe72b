// Idempotency of the creates the sidebar may send again (issue 20, item 12). The sidebar gives
// each create a request id of its own and sends the same id when the person tries again after an
// error; the server makes the ids of what it creates from that key. A retry after a crash then
// finds the rows the first attempt wrote (by id, one TextFinder search) and finishes what is
// missing instead of creating again; no ledger to keep, and the key lives in the created row.
import { InputError } from './validate';

/** An optional request id: 8–64 letters, digits, '-' or '_'; absent means "no retry protection". */
export function optionalRequestId(value: unknown): string | null {
  if (value === undefined || value === null || value === '') return null;
  if (typeof value !== 'string' || !/^[A-Za-z0-9_-]{8,64}$/.test(value)) throw new InputError('The request id must be 8 to 64 letters, digits, - or _.');
  return value;
}

/** A row id made from its key parts: `${prefix}-` and 12 hex digits, like the random ones. */
export function keyedId(prefix: string, ...parts: string[]): string {
  const text = parts.join('\u0001');
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193) >>> 0;
    h2 = Math.imul(h2 ^ c, 0x5bd1e995) >>> 0;
  }
  return `${prefix}-${h1.toString(16).padStart(8, '0')}${(h2 >>> 16).toString(16).padStart(4, '0')}`;
}
