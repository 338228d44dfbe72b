// One side panel at a time: it covers the board in the narrow sidebar and slides in as a
// right-hand drawer in the wide dialog (the CSS decides, from the container's width).
import { h, clear, icon, type Child } from '../dom';

let host: HTMLElement | null = null;
let rerender: (() => void) | null = null;
let returnFocus: HTMLElement | null = null;

export function mountPanel(parent: HTMLElement): void {
  host = h('aside', { class: 'panel', hidden: true, role: 'dialog', 'aria-modal': 'false' });
  parent.appendChild(host);
  document.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && host && !host.hidden) closePanel();
  });
}

export interface PanelOptions {
  title: string;
  testid: string;
  /** Builds the body; called again by refreshPanel() while the panel is open. */
  body: () => Child;
}

export function openPanel(options: PanelOptions): void {
  if (!host) return;
  if (host.hidden && document.activeElement instanceof HTMLElement) returnFocus = document.activeElement;
  const el = host;
  const body = h('div', { class: 'panel-body' });
  el.setAttribute('data-testid', options.testid);
  el.setAttribute('aria-label', options.title);
  clear(el,
    h('div', { class: 'panel-head' },
      h('button', { type: 'button', class: 'icon-button panel-back', 'aria-label': 'Back to the board', onclick: closePanel },
        h('span', { class: 'when-narrow' }, icon('back', 20)), h('span', { class: 'when-wide' }, icon('close', 20))),
      h('h2', { class: 'panel-title' }, options.title),
    ),
    body,
  );
  rerender = () => clear(body, options.body());
  rerender();
  el.hidden = false;
  document.body.classList.add('panel-open');
  const first = el.querySelector('.panel-back') as HTMLElement | null;
  if (first) first.focus();
}

export function refreshPanel(): void {
  if (host && !host.hidden && rerender) rerender();
}

export function panelOpen(testid?: string): boolean {
  return !!host && !host.hidden && (!testid || host.getAttribute('data-testid') === testid);
}

export function closePanel(): void {
  if (!host) return;
  host.hidden = true;
  rerender = null;
  clear(host);
  document.body.classList.remove('panel-open');
  if (returnFocus && document.contains(returnFocus)) returnFocus.focus();
  returnFocus = null;
}
