// One request id per thing the person asked to create (issue 20, item 12): the same id goes
// with every try of the same request, so a save that reached the server before the answer was
// lost is not created twice when the person clicks again. A changed request gets a new id; a
// request that succeeded forgets its id.
const pending: Record<string, { payload: string; key: string }> = {};

function freshKey(): string {
  const bytes = new Uint8Array(12);
  const cryptoApi = (typeof crypto !== 'undefined' ? crypto : null) as Crypto | null;
  if (cryptoApi && cryptoApi.getRandomValues) cryptoApi.getRandomValues(bytes);
  else for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(Math.random() * 256);
  return `r${Array.from(bytes).map((b) => b.toString(16).padStart(2, '0')).join('')}`;
}

/** The request id of `payload` in `slot` (e.g. "lead", "quote:D-1"): the earlier one when it is the same request again. */
export function requestKey(slot: string, payload: unknown): string {
  const text = JSON.stringify(payload);
  const known = pending[slot];
  if (known && known.payload === text) return known.key;
  const key = freshKey();
  pending[slot] = { payload: text, key };
  return key;
}

/** The request of `slot` went through: its next one is a new request. */
export function requestDone(slot: string): void {
  delete pending[slot];
}
