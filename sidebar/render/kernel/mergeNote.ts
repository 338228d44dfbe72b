// What a save on a card someone else changed meanwhile did (issue 21, item 4): the fields it could
// save, and for each field both changed, theirs and yours side by side with a choice. Nothing
// typed is lost: "Keep mine" sends it again against the value now stored.
import type { CardMerge } from '../../../src/app/contracts/board';
import { h } from '../../dom';
import { when } from '../../format';

export type Shown = string | number | boolean | null;

function show(field: string, value: Shown): string {
  if (value === null || value === '') return '—';
  if (typeof value === 'boolean') return value ? 'ticked' : 'not ticked';
  if (field === 'nextContactAt' && typeof value === 'string') return when(value);
  return String(value);
}

/**
 * `keepMine(field, yours, theirs)` saves the person's value over the one now stored; `dismiss`
 * drops a settled conflict (the stored value stays).
 */
export function mergeNote(
  merge: CardMerge,
  keepMine: (field: string, yours: Shown, theirs: Shown) => void,
  dismiss: (field: string) => void,
): HTMLElement {
  return h('div', { class: 'merge-note', id: 'sec-merge', role: 'status', 'data-testid': 'merge-note' },
    h('div', null, `${merge.changedBy} while you were editing.`),
    merge.saved.length ? h('div', { class: 'small' }, `Saved: ${merge.saved.join(', ')}.`) : null,
    merge.conflicts.length ? h('div', { class: 'small' }, 'Both of you changed these fields; choose which to keep:') : null,
    merge.conflicts.map((c) => h('div', { class: 'merge-conflict', 'data-testid': `merge-${c.field}` },
      h('strong', null, c.label),
      h('div', { class: 'merge-sides' },
        h('div', { class: 'merge-side' }, h('span', { class: 'muted small' }, 'Now stored'), h('div', { 'data-testid': 'merge-theirs' }, show(c.field, c.theirs))),
        h('div', { class: 'merge-side' }, h('span', { class: 'muted small' }, 'Yours'), h('div', { 'data-testid': 'merge-yours' }, show(c.field, c.yours)))),
      h('div', { class: 'actions' },
        h('button', { type: 'button', class: 'secondary', 'data-testid': 'merge-keep-theirs', onclick: () => dismiss(c.field) }, 'Keep stored'),
        h('button', { type: 'button', class: 'primary', 'data-testid': 'merge-keep-mine', onclick: () => keepMine(c.field, c.yours, c.theirs) }, 'Keep mine')),
    )),
  );
}
