// The one store: the whole board as the server sent it (every manager's deals), plus what
// the view adds (whose deals to show, search text, collapsed lanes, refusal notes, a
// highlighted card, which view is on, the cached price list).
import type { Board, Card, Column } from '../src/app/contracts/board';
import type { CatalogView } from '../src/app/contracts/quote';
import { type Forecast, sameEmail, CLOSED_STAGES, type StageKey } from '../src/app/contracts/shared';
import { setDisplayZone } from './format';

export type View = 'board' | 'desk' | 'today' | 'dashboard' | 'backups';

export interface State {
  board: Board | null;
  /** Whose deals the board shows: 'mine', 'all' or 'm:<email>'; '' until the first load. */
  scope: string;
  view: View;
  catalog: CatalogView | null;
  search: string;
  /** Lanes the person folded or unfolded; a stage not listed folds by default when it is closed. */
  collapsed: { [stage: string]: boolean };
  reasons: { [dealId: string]: string[] };
  highlight: string | null;
}

export const state: State = {
  board: null, scope: '', view: 'board', catalog: null, search: '', collapsed: {}, reasons: {}, highlight: null,
};

// Closed outcomes fold by default: the live stages are the day's work, and six open
// columns do not fit the full board's dialog. A lane the person opens stays open while
// this sidebar or dialog is open.
export function isCollapsed(stage: string): boolean {
  const chosen = state.collapsed[stage];
  return chosen === undefined ? CLOSED_STAGES.indexOf(stage as StageKey) >= 0 : chosen;
}

export function toggleCollapsed(stage: string): boolean {
  state.collapsed[stage] = !isCollapsed(stage);
  return state.collapsed[stage];
}

type Listener = () => void;
const listeners: Listener[] = [];

export function subscribe(listener: Listener): void {
  listeners.push(listener);
}

export function changed(): void {
  for (const listener of listeners) listener();
}

const boardWaiters: (() => void)[] = [];

/** Resolves once the first board has arrived (the desk can open a deal before that). */
export function whenBoard(): Promise<void> {
  return state.board ? Promise.resolve() : new Promise((resolve) => { boardWaiters.push(resolve); });
}

/** Browser time when the board arrived: the server's clock is the truth (the playground moves it). */
let boardArrivedAt = 0;

export function setBoard(board: Board): void {
  state.board = board;
  boardArrivedAt = Date.now();
  setDisplayZone(board.timeZone, board.locale);
  boardWaiters.splice(0).forEach((resolve) => resolve());
  if (!state.scope) state.scope = board.me.role === 'head' || board.me.role === 'owner' || board.me.role === 'executor' ? 'all' : 'mine';
  changed();
}

/** The server's "now" (the board's generatedAt) moved on by the time since it arrived. */
export function serverNow(): number {
  const sent = state.board ? Date.parse(state.board.generatedAt) : NaN;
  return isFinite(sent) ? sent + Math.max(0, Date.now() - boardArrivedAt) : Date.now();
}

/** A team member's name for an email (or a role, or anything else, as it is). */
export function nameOf(who: string): string {
  const member = state.board ? state.board.team.filter((m) => sameEmail(m.email, who || ''))[0] : undefined;
  return member && member.name ? member.name : who;
}

/** Whether the card belongs to the chosen "My deals / All deals / <manager>" scope. */
export function inScope(card: Card): boolean {
  const board = state.board;
  if (!board || state.scope === 'all' || !state.scope) return true;
  if (state.scope === 'mine') return sameEmail(card.manager, board.me.email);
  return sameEmail(card.manager, state.scope.slice(2));
}

export function columns(): Column[] {
  return state.board ? state.board.columns : [];
}

export function findCard(dealId: string): { column: Column; index: number; card: Card } | null {
  for (const column of columns()) {
    for (let i = 0; i < column.cards.length; i++) {
      if (column.cards[i].id === dealId) return { column, index: i, card: column.cards[i] };
    }
  }
  return null;
}

export function columnOf(stage: string): Column | null {
  return columns().filter((c) => c.key === stage)[0] || null;
}

function recount(column: Column): void {
  column.count = column.cards.length;
  column.total = column.cards.reduce((sum, card) => sum + (Number(card.value) || 0), 0);
}

/** Same rule as the server: totals per traffic light over the live (not closed) columns. */
export function rollup(): Record<Forecast | 'none', { count: number; amount: number }> {
  const out = { green: { count: 0, amount: 0 }, yellow: { count: 0, amount: 0 }, red: { count: 0, amount: 0 }, none: { count: 0, amount: 0 } };
  for (const column of columns()) {
    if (CLOSED_STAGES.indexOf(column.key) >= 0) continue;
    for (const card of column.cards.filter(inScope)) {
      const bucket = out[card.forecast || 'none'] || out.none;
      bucket.count += 1;
      bucket.amount += Number(card.value) || 0;
    }
  }
  return out;
}

/** Moves a card in the local board; index counts the target's cards without the moved one. */
export function moveLocal(dealId: string, toStage: StageKey, index: number): void {
  const found = findCard(dealId);
  const target = columnOf(toStage);
  if (!found || !target) return;
  found.column.cards.splice(found.index, 1);
  const card = found.card;
  if (found.column !== target) {
    card.stage = toStage;
    card.daysInStage = 0;
  }
  target.cards.splice(Math.max(0, Math.min(index, target.cards.length)), 0, card);
  recount(found.column);
  recount(target);
}

/** Puts a fresh card from the server in place of the old one (same column and slot). */
export function replaceCard(card: Card): void {
  const found = findCard(card.id);
  if (!found) return;
  if (found.column.key !== card.stage && columnOf(card.stage)) {
    moveLocal(card.id, card.stage, columnOf(card.stage)!.cards.length);
    replaceCard(card);
    return;
  }
  found.column.cards[found.index] = card;
  recount(found.column);
}

export function snapshot(): Board | null {
  return state.board ? (JSON.parse(JSON.stringify(state.board)) as Board) : null;
}

/** Client-side search, the same words-all-match rule the server applies. */
export function matches(card: Card, search: string): boolean {
  const text = search.trim().toLowerCase();
  if (!text) return true;
  const haystack = `${card.title} ${card.clientName} ${card.phone} ${card.email}`.toLowerCase();
  const digits = String(card.phone || '').replace(/\D/g, '');
  return text.split(/\s+/).every((word) => {
    const wordDigits = word.replace(/\D/g, '');
    return haystack.indexOf(word) >= 0 || (wordDigits.length >= 3 && digits.indexOf(wordDigits) >= 0);
  });
}
