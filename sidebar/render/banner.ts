// One toast at a time at the bottom of the page: conflicts, refusals, confirmations.
import { h, clear, icon } from '../dom';

let host: HTMLElement | null = null;
let hideTimer = 0;

export function mountBanner(parent: HTMLElement): void {
  host = h('div', { class: 'banner', 'data-testid': 'banner', role: 'status', 'aria-live': 'polite', hidden: true });
  parent.appendChild(host);
}

export function showBanner(message: string, kind: 'info' | 'warn' | 'error' = 'info'): void {
  if (!host) return;
  const el = host;
  window.clearTimeout(hideTimer);
  el.className = `banner banner-${kind}`;
  el.setAttribute('role', kind === 'info' ? 'status' : 'alert');
  clear(el,
    h('span', { class: 'banner-text' }, message),
    h('button', { type: 'button', class: 'icon-button', 'aria-label': 'Dismiss message', onclick: hideBanner }, icon('close', 16)),
  );
  el.hidden = false;
  if (kind === 'info') hideTimer = window.setTimeout(hideBanner, 5000);
}

export function hideBanner(): void {
  if (host) host.hidden = true;
}
