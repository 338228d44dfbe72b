// One toast at a time at the bottom of the page: conflicts, refusals, confirmations.
import { h, clear, icon } from '../../dom';

let host: HTMLElement | null = null;
let hideTimer = 0;
/** When the shown message was shown, and whether it stays until dismissed (a warning, an error). */
let shownAt = 0;
let staysUntilDismissed = false;

export function mountBanner(parent: HTMLElement): void {
  host = h('div', { class: 'banner', 'data-testid': 'banner', role: 'status', 'aria-live': 'polite', hidden: true });
  parent.appendChild(host);
}

/** An action offered with the message (the move's Undo), and how long the message stays. */
export interface BannerAction {
  label: string;
  testId: string;
  run: () => void;
  /** The message (and its action) stays this long; info messages otherwise go after 5 s. */
  seconds: number;
}

export function showBanner(message: string, kind: 'info' | 'warn' | 'error' = 'info', action?: BannerAction): void {
  if (!host) return;
  const el = host;
  window.clearTimeout(hideTimer);
  el.className = `banner banner-${kind}`;
  el.setAttribute('role', kind === 'info' ? 'status' : 'alert');
  clear(el,
    h('span', { class: 'banner-text' }, message),
    action ? h('button', { type: 'button', class: 'banner-action', 'data-testid': action.testId, onclick: () => { hideBanner(); action.run(); } }, action.label) : null,
    h('button', { type: 'button', class: 'icon-button', 'aria-label': 'Dismiss message', onclick: hideBanner }, icon('close', 16)),
  );
  el.hidden = false;
  shownAt = Date.now();
  staysUntilDismissed = !action && kind !== 'info';
  if (action) hideTimer = window.setTimeout(hideBanner, action.seconds * 1000);
  else if (kind === 'info') hideTimer = window.setTimeout(hideBanner, 5000);
}

export function hideBanner(): void {
  if (host) host.hidden = true;
}

/** A message that stays until dismissed counts as stale this long after it was shown. */
const STALE_AFTER_MS = 1500;

/**
 * Opening a panel clears a warning or error left from before (issue 21, item 16: an old
 * conflict banner covered the import panel's controls). A message shown by the action that
 * opens the panel (within a moment) and a timed one (a move's Undo) are left to run their course.
 */
export function clearStaleBanner(): void {
  if (!host || host.hidden || !staysUntilDismissed) return;
  if (Date.now() - shownAt >= STALE_AFTER_MS) hideBanner();
}
