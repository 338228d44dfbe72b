// The stage columns: collapsible lanes (narrow) or side-by-side columns (wide), and
// drag and drop between them with SortableJS.
import Sortable from 'sortablejs';
import type { Column } from '../../../src/app/contracts/board';
import { ALLOWED_TRANSITIONS, type StageKey } from '../../../src/app/contracts/shared';
import { h, clear, icon } from '../../dom';
import { money } from '../../format';
import { changed, columnOf, inScope, isCollapsed, matches, state, toggleCollapsed } from '../../state';
import { showBanner } from '../kernel/banner';
import { moveDeal } from '../../actions';
import { renderCard, type CardHooks } from './card';

let sortables: Sortable[] = [];

export function renderBoard(host: HTMLElement, hooks: CardHooks): void {
  for (const s of sortables) s.destroy();
  sortables = [];
  const board = state.board;
  if (!board) {
    clear(host, h('div', { class: 'empty-board' }, 'Loading the board…'));
    return;
  }
  const lists: HTMLElement[] = [];
  clear(host, board.columns.map((column) => renderColumn(column, hooks, lists)));
  for (const list of lists) sortables.push(makeSortable(list));
  if (state.highlight) {
    const el = host.querySelector(`[data-id="${CSS.escape(state.highlight)}"]`);
    if (el) el.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    const id = state.highlight;
    window.setTimeout(() => {
      if (state.highlight === id) state.highlight = null;
      const again = document.querySelector(`[data-id="${CSS.escape(id)}"]`);
      if (again) again.classList.remove('flash');
    }, 2600);
  }
}

function renderColumn(column: Column, hooks: CardHooks, lists: HTMLElement[]): HTMLElement {
  const board = state.board!;
  const collapsed = isCollapsed(column.key);
  // The column holds every manager's cards; only the chosen scope's are drawn, and a search
  // narrows them further. serverIndex() maps a drop among them back onto all the cards.
  const mine = column.cards.filter(inScope);
  const visible = mine.filter((c) => matches(c, state.search));
  const searching = state.search.trim() !== '';
  const list = h('div', { class: 'cards', 'data-stage': column.key }, visible.map((card) => renderCard(card, hooks)));
  lists.push(list);
  const total = visible.reduce((s, c) => s + (Number(c.value) || 0), 0);
  return h('section', {
    class: `column${collapsed ? ' collapsed' : ''}`,
    'data-testid': `column-${column.key}`,
    'data-stage': column.key,
    style: { '--stage': column.colour || '#9aa0a6' },
  },
  h('button', {
    type: 'button',
    class: 'column-head',
    'aria-expanded': collapsed ? 'false' : 'true',
    onclick: (e: Event) => {
      const folded = toggleCollapsed(column.key);
      const section = (e.currentTarget as HTMLElement).parentElement!;
      section.classList.toggle('collapsed', folded);
      (e.currentTarget as HTMLElement).setAttribute('aria-expanded', folded ? 'false' : 'true');
    },
  },
  h('span', { class: 'chev' }, icon('chevron', 18)),
  h('span', { class: 'column-name' }, column.name),
  h('span', { class: 'column-count', title: 'Deals in this stage' }, searching ? `${visible.length}/${mine.length}` : String(mine.length)),
  board.moneyHidden ? null : h('span', { class: 'column-total' }, money(total, board.currency, true)),
  ),
  h('div', { class: 'column-body' },
    list,
    visible.length === 0 ? h('div', { class: 'empty' }, searching && mine.length ? 'No matches' : 'No deals') : null,
    column.archived > 0 ? h('div', { class: 'archived' }, `+ ${column.archived} closed earlier, not shown`) : null,
  ),
  );
}

function makeSortable(list: HTMLElement): Sortable {
  return Sortable.create(list, {
    group: 'deals',
    draggable: '.card[data-editable="true"]',
    filter: 'input, button, select, label, .reasons',
    preventOnFilter: false,
    animation: 150,
    forceFallback: true,
    fallbackOnBody: true,
    fallbackTolerance: 3,
    delayOnTouchOnly: true,
    delay: 180,
    ghostClass: 'card-ghost',
    chosenClass: 'card-chosen',
    dragClass: 'card-drag',
    onStart: (evt) => {
      startPointerWatch();
      const from = evt.from.getAttribute('data-stage') as StageKey;
      const allowed = ALLOWED_TRANSITIONS[from] || [];
      document.querySelectorAll('.column').forEach((col) => {
        const key = col.getAttribute('data-stage') as StageKey;
        col.classList.toggle('drop-unlikely', key !== from && allowed.indexOf(key) < 0);
      });
      document.body.classList.add('dragging');
    },
    onEnd: (evt) => {
      document.body.classList.remove('dragging');
      document.querySelectorAll('.drop-unlikely').forEach((col) => col.classList.remove('drop-unlikely'));
      const item = evt.item;
      const dealId = item.getAttribute('data-id');
      const toStage = evt.to.getAttribute('data-stage') as StageKey;
      const underPointer = stopPointerWatch(toStage);
      if (!dealId || !toStage) return;
      if (evt.from === evt.to && evt.oldIndex === evt.newIndex) return;
      if (underPointer !== toStage) {
        // Sortable put the card in the nearest list, but the pointer was not over it (between
        // columns, or over a column it could not enter): nothing moves.
        Promise.resolve().then(() => {
          changed();
          showBanner('Nothing moved: drop the card onto the column you mean.', 'warn');
        });
        return;
      }
      const index = serverIndex(evt.to, item, dealId, toStage);
      // Let Sortable finish its own DOM work before the board is redrawn from state.
      Promise.resolve().then(() => moveDeal(dealId, toStage, index));
    },
  });
}

/**
 * While a card is dragged: which column the pointer is over, so a drop lands only where the
 * pointer is. A folded column under the pointer unfolds, so the card can be dropped into it;
 * it folds again unless the card was dropped there.
 */
let pointerStage: string | null = null;
let unfoldedForDrag: HTMLElement[] = [];

function watchPointer(e: Event): void {
  const point = 'touches' in e ? (e as TouchEvent).touches[0] : (e as MouseEvent);
  if (!point) return;
  const under = document.elementFromPoint(point.clientX, point.clientY);
  const column = under ? (under.closest('.column') as HTMLElement | null) : null;
  pointerStage = column ? column.getAttribute('data-stage') : null;
  if (column && column.classList.contains('collapsed')) {
    column.classList.remove('collapsed');
    unfoldedForDrag.push(column);
  }
}

const POINTER_EVENTS = ['pointermove', 'mousemove', 'touchmove'];

function startPointerWatch(): void {
  pointerStage = null;
  unfoldedForDrag = [];
  for (const name of POINTER_EVENTS) document.addEventListener(name, watchPointer, true);
}

/** Ends the watch; returns the stage under the pointer at the drop. */
function stopPointerWatch(droppedIn: StageKey | null): string | null {
  for (const name of POINTER_EVENTS) document.removeEventListener(name, watchPointer, true);
  const landed = pointerStage === droppedIn ? droppedIn : null;
  for (const column of unfoldedForDrag) {
    const key = column.getAttribute('data-stage') as StageKey;
    if (key === landed) {
      if (isCollapsed(key)) toggleCollapsed(key);
    } else {
      column.classList.add('collapsed');
    }
  }
  unfoldedForDrag = [];
  return pointerStage;
}

/**
 * The drop position as the server counts it: among ALL of the target column's non-archived
 * cards (other managers' and search-hidden ones too, which the state holds but the list
 * does not draw), without the moved card. The card goes right after the nearest drawn card
 * above it, or right before the nearest drawn card below it, or at the end.
 */
export function serverIndex(list: HTMLElement, item: HTMLElement, dealId: string, toStage: StageKey): number {
  const column = columnOf(toStage);
  const order = column ? column.cards.map((c) => c.id).filter((id) => id !== dealId) : [];
  const drawn = (Array.prototype.slice.call(list.querySelectorAll('.card')) as HTMLElement[]).filter((el) => !el.hidden || el === item);
  const at = drawn.indexOf(item);
  const posOf = (el: HTMLElement) => order.indexOf(el.getAttribute('data-id') || '');
  for (let i = at - 1; i >= 0; i--) {
    const pos = posOf(drawn[i]);
    if (pos >= 0) return pos + 1;
  }
  for (let i = at + 1; i < drawn.length; i++) {
    const pos = posOf(drawn[i]);
    if (pos >= 0) return pos;
  }
  return order.length;
}
