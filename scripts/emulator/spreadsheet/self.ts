// The link from a handed-out (wrapped) object back to the emulator object behind it. A leaf
// module: every spreadsheet file may import it without importing another (no import circles).

export const SELF = Symbol('emulator.self');

/** The emulator object behind a (wrapped) object handed to the add-on, or null. */
export function unwrap<T>(x: unknown): T | null {
  if (x === null || x === undefined || typeof x !== 'object') return null;
  return ((x as Record<symbol, unknown>)[SELF] as T) ?? null;
}
