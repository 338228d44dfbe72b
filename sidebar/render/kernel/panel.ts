// One side panel at a time: it covers the board in the narrow sidebar and slides in as a
// right-hand drawer in the wide dialog (the CSS decides, from the container's width).
import { h, clear, icon, type Child } from '../../dom';
import { clearStaleBanner } from './banner';

let host: HTMLElement | null = null;
let rerender: (() => void) | null = null;
let returnFocus: HTMLElement | null = null;
/** Something was typed, picked or ticked in the panel since it was last drawn. */
let touched = false;

export function mountPanel(parent: HTMLElement): void {
  host = h('aside', { class: 'panel', hidden: true, role: 'dialog', 'aria-modal': 'false' });
  parent.appendChild(host);
  const touch = () => { touched = true; };
  host.addEventListener('input', touch);
  host.addEventListener('change', touch);
  document.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && host && !host.hidden && !e.defaultPrevented) requestClose();
  });
}

export interface PanelOptions {
  /** A function when the title can change while the panel is open (a renamed deal). */
  title: string | (() => string);
  testid: string;
  /** Builds the body; called again by refreshPanel() while the panel is open. */
  body: () => Child;
}

export function openPanel(options: PanelOptions): void {
  if (!host) return;
  closeGuard = null;
  clearStaleBanner();
  if (host.hidden && document.activeElement instanceof HTMLElement) returnFocus = document.activeElement;
  const el = host;
  const body = h('div', { class: 'panel-body' });
  el.setAttribute('data-testid', options.testid);
  const titleOf = typeof options.title === 'function' ? options.title : () => options.title as string;
  const heading = h('h2', { class: 'panel-title' }, titleOf());
  el.setAttribute('aria-label', titleOf());
  clear(el,
    h('div', { class: 'panel-head' },
      h('button', { type: 'button', class: 'icon-button panel-back', 'aria-label': 'Back to the board', onclick: requestClose },
        h('span', { class: 'when-narrow' }, icon('back', 20)), h('span', { class: 'when-wide' }, icon('close', 20))),
      heading,
    ),
    body,
  );
  rerender = () => {
    touched = false;
    const title = titleOf();
    if (heading.textContent !== title) {
      heading.textContent = title;
      heading.removeAttribute('title');
      el.setAttribute('aria-label', title);
    }
    clear(body, options.body());
  };
  rerender();
  el.hidden = false;
  document.body.classList.add('panel-open');
  const first = el.querySelector('.panel-back') as HTMLElement | null;
  if (first) first.focus();
}

export function refreshPanel(): void {
  if (host && !host.hidden && rerender) rerender();
}

/**
 * Whether the open panel may hold changes not saved yet: anything touched since it was drawn,
 * or what its close guard knows (an unsaved quote survives a redraw). A board refreshed in the
 * background must not pull a card from under them.
 */
export function panelHasEdits(): boolean {
  if (!host || host.hidden) return false;
  return touched || (closeGuard !== null && closeGuard() !== null);
}

export function panelOpen(testid?: string): boolean {
  return !!host && !host.hidden && (!testid || host.getAttribute('data-testid') === testid);
}

/**
 * Something in the open panel that would be lost on closing (an unsaved quote): the guard
 * returns the sentence to ask with, or null. Cleared when the panel closes.
 */
let closeGuard: (() => string | null) | null = null;

export function setCloseGuard(guard: (() => string | null) | null): void {
  closeGuard = guard;
}

/** Closing as the person asked (Esc, Back): asks first when something unsaved would be lost. */
export function requestClose(): void {
  if (!host || host.hidden) return;
  const question = closeGuard ? closeGuard() : null;
  if (!question) { closePanel(); return; }
  const existing = host.querySelector('[data-testid="close-confirm"]');
  if (existing) { (existing.querySelector('button') as HTMLElement).focus(); return; }
  const keep = h('button', { type: 'button', class: 'secondary', 'data-testid': 'close-keep', onclick: () => { bar.remove(); } }, 'Keep editing');
  const bar = h('div', { class: 'close-confirm', role: 'alertdialog', 'aria-label': question, 'data-testid': 'close-confirm' },
    h('span', null, question),
    h('div', { class: 'actions' },
      keep,
      h('button', { type: 'button', class: 'danger', 'data-testid': 'close-discard', onclick: closePanel }, 'Discard and close')),
  );
  const head = host.querySelector('.panel-head');
  if (head && head.parentNode) head.parentNode.insertBefore(bar, head.nextSibling); else host.appendChild(bar);
  keep.focus();
}

export function closePanel(): void {
  if (!host) return;
  closeGuard = null;
  touched = false;
  host.hidden = true;
  rerender = null;
  clear(host);
  document.body.classList.remove('panel-open');
  if (returnFocus && document.contains(returnFocus)) returnFocus.focus();
  returnFocus = null;
}
