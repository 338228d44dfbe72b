// Links the sidebar and mail may show as links. URLs come from cells anyone can type into
// (the Documents tab), so only an https:// address on Google's document hosts is a link;
// anything else (javascript:, data:, http://, another host) is shown as plain text or dropped.
// No URL class: Apps Script's V8 has none, and this runs there too.

const GOOGLE_LINK = /^https:\/\/(?:docs|drive)\.google\.com(?:\/[^\s"'<>\\\u0000-\u001f\u007f]*)?$/i;

/** The URL when it is an https:// link to docs.google.com or drive.google.com, else null. */
export function googleLink(url: unknown): string | null {
  if (typeof url !== 'string') return null;
  const text = url.trim();
  return GOOGLE_LINK.test(text) ? text : null;
}
