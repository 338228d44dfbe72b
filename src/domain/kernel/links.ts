// Links the sidebar and mail may show as links. URLs come from cells anyone can type into
// (the Documents tab), so only an https:// address on Google's document hosts is a link;
// anything else (javascript:, data:, http://, another host) is shown as plain text or dropped.
// No URL class: Apps Script's V8 has none, and this runs there too.

const GOOGLE_LINK = /^https:\/\/(?:docs|drive)\.google\.com(?:\/[^\s"'<>\\\u0000-\u001f\u007f]*)?$/i;
/**
 * The local playground serves its emulated Drive from this machine (http://127.0.0.1:port/…):
 * a loopback address only ever reaches the reader's own machine, so it cannot lead a client to
 * a stranger's page, and it lets the playground run the very same bundle.
 */
const LOOPBACK_LINK = /^http:\/\/(?:127\.0\.0\.1|localhost):\d{1,5}(?:\/[^\s"'<>\\\u0000-\u001f\u007f]*)?$/i;

/** The URL when it is an https:// link to docs.google.com or drive.google.com (or the playground's loopback Drive), else null. */
export function googleLink(url: unknown): string | null {
  if (typeof url !== 'string') return null;
  const text = url.trim();
  return GOOGLE_LINK.test(text) || LOOPBACK_LINK.test(text) ? text : null;
}
