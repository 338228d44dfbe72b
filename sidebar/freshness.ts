// Keeps an open sidebar or full board in step with the workbook without re-reading it: asks
// for the server's change stamp (api_boardStamp: one property read, no cells) on focus, when
// the page becomes visible, every few minutes while visible, and when the playground says its
// clock moved; fetches the board only when the stamp or the local day changed (the rule is
// src/domain/deals/freshness.ts). An open card with unsaved typing is never pulled away: a hint
// says that changes are waiting, and they load once the person saved or closed.
import { CheckReason, checkDue, freshnessOf, localDay } from '../src/app/contracts/shared';
import type { FreshnessKind } from './render/kernel/freshnessNote';
import { call, callQuietly } from './rpc';
import { findCard, setBoard, state } from './state';
import { panelHasEdits } from './render/kernel/panel';
import { openDealId, reloadOpenDeal } from './render/deals/details';
import { loadDesk } from './render/checkpoints/desk';

/** What the person sees: "Board updated", "New changes — refresh", or nothing. */
export interface FreshnessView {
  show(kind: FreshnessKind): void;
}

/** The playground posts this to its frames after its virtual clock moved. */
export const CLOCK_MOVED = 'dealboard:clock-moved';
const TICK_MS = 30 * 1000;

let view: FreshnessView = { show: () => undefined };
let known: string | null = null;
let loadedDay: string | null = null;
let lastCheckAt: number | null = null;
let checking = false;
let checkAgain: CheckReason | null = null;
/** Changes were seen while the person was editing: owed as soon as they stop. */
let waiting = false;

/** The person's day now, in the workbook's zone (the board's dates are read in it). */
function dayIn(timeZone: string | undefined): string {
  return localDay(new Date(), timeZone || Intl.DateTimeFormat().resolvedOptions().timeZone);
}

function today(): string {
  return state.board ? dayIn(state.board.timeZone) : '';
}

function editing(): boolean {
  return panelHasEdits() || document.body.classList.contains('dragging');
}

export function startFreshness(shown: FreshnessView): void {
  view = shown;
  window.addEventListener('focus', () => check('focus'));
  document.addEventListener('visibilitychange', () => { if (!document.hidden) check('focus'); });
  window.setInterval(() => check(waiting && !editing() ? 'waiting' : 'tick'), TICK_MS);
  window.addEventListener('message', (ev: MessageEvent) => {
    if (ev.origin !== window.location.origin || !ev.data || ev.data.type !== CLOCK_MOVED) return;
    check('clock');
  });
  check('start');
}

export function check(reason: CheckReason): void {
  if (checking) {
    // A clock move must not be lost behind a check already on its way.
    if (reason === 'clock') checkAgain = reason;
    return;
  }
  const now = Date.now();
  if (!checkDue({ reason, hidden: document.hidden, lastCheckAt, now })) return;
  checking = true;
  lastCheckAt = now;
  callQuietly('api_boardStamp')
    .then(({ stamp }) => act(stamp, reason === 'clock' || waiting))
    // A failed look is repeated at the next focus or tick; it is not the person's concern.
    .catch(() => undefined)
    .then(() => {
      checking = false;
      const next = checkAgain;
      checkAgain = null;
      if (next) check(next);
    });
}

function act(stamp: string, forced: boolean): Promise<void> | void {
  if (loadedDay === null && state.board) loadedDay = today();
  const verdict = freshnessOf({ known, current: stamp, loadedDay, today: today(), forced, editing: editing() });
  if (verdict === 'baseline') {
    known = stamp;
    return;
  }
  if (verdict === 'hint') {
    waiting = true;
    view.show('waiting');
    return;
  }
  if (verdict === 'reload') return refreshBoard(stamp);
}

/** The board again; the open card follows only if it changed and holds nothing unsaved. */
function refreshBoard(stamp: string): Promise<void> {
  const shown = JSON.stringify(state.board);
  const openId = openDealId();
  const openCard = openId ? JSON.stringify(findCard(openId)) : '';
  return call('api_getBoard', { scope: 'all' }).then((board) => {
    known = stamp;
    waiting = false;
    loadedDay = dayIn(board.timeZone);
    if (JSON.stringify(board) === shown) {
      view.show(null);
      return;
    }
    setBoard(board);
    if (state.view === 'desk') void loadDesk();
    if (openId && openDealId() === openId && !editing() && JSON.stringify(findCard(openId)) !== openCard) reloadOpenDeal();
    view.show('updated');
  });
}

/**
 * The person pressed Refresh: the board is reloaded by the usual path; the stamp is asked
 * first (in parallel), so the next look does not load the same board once more.
 */
export function noteManualRefresh(): void {
  waiting = false;
  view.show(null);
  callQuietly('api_boardStamp')
    .then(({ stamp }) => { known = stamp; loadedDay = today() || loadedDay; })
    .catch(() => undefined);
}
