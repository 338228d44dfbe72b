// The background refresh's note: a small pill at the bottom left, above the board and above an
// open card (in the 300 px sidebar the card covers the board and its toolbar). It is not the
// banner, so it never replaces a conflict or error message the person still has to read.
import { h, clear, icon } from '../../dom';

export type FreshnessKind = 'updated' | 'waiting' | null;

export function mountFreshnessNote(parent: HTMLElement, refresh: () => void): (kind: FreshnessKind) => void {
  const note = h('div', { class: 'freshness', 'data-testid': 'freshness', role: 'status', 'aria-live': 'polite', hidden: true });
  parent.appendChild(note);
  let timer = 0;
  const show = (kind: FreshnessKind): void => {
    window.clearTimeout(timer);
    note.hidden = kind === null;
    note.setAttribute('data-kind', kind || '');
    if (kind === 'updated') {
      clear(note, icon('refresh', 14), h('span', null, 'Board updated'));
      timer = window.setTimeout(() => show(null), 5000);
    } else if (kind === 'waiting') {
      clear(note,
        h('span', null, 'New changes'),
        h('button', { type: 'button', class: 'freshness-refresh', 'data-testid': 'freshness-refresh', onclick: refresh }, 'Refresh'));
    } else {
      clear(note);
    }
  };
  return show;
}
