// When an open sidebar or full board should fetch the board again. The server keeps a small
// change stamp that every write bumps; the sidebar asks for it (one property read, no cells)
// on focus and every few minutes, and reloads the board only when something changed: the
// stamp, the local day (a rollover turns "Tomorrow" into "Today"), or the host said so (the
// playground's clock moved). Never under the person's fingers: with unsaved edits it only
// says that there are new changes.

/** How often a visible sidebar asks for the stamp. */
export const CHECK_EVERY_MS = 3 * 60 * 1000;
/** Focus and visibilitychange fire together, and a frame gains focus on every click into it. */
export const FOCUS_PAUSE_MS = 2000;

/**
 * start: the first look after opening; clock: the host moved time; tick: the timer's beat;
 * waiting: changes are known to be waiting and the person has stopped editing.
 */
export type CheckReason = 'start' | 'focus' | 'tick' | 'clock' | 'waiting';

export interface CheckMoment {
  reason: CheckReason;
  /** The page is in a background tab or a closed sidebar (document.hidden). */
  hidden: boolean;
  /** When the last stamp check started (ms), null before the first. */
  lastCheckAt: number | null;
  now: number;
}

/** Whether to ask the server for its stamp now. */
export function checkDue(m: CheckMoment): boolean {
  if (m.reason === 'start' || m.reason === 'clock' || m.reason === 'waiting') return true;
  if (m.hidden) return false;
  const since = m.lastCheckAt === null ? Infinity : m.now - m.lastCheckAt;
  return m.reason === 'focus' ? since >= FOCUS_PAUSE_MS : since >= CHECK_EVERY_MS;
}

export interface StampSeen {
  /** The stamp the shown board was loaded under; null until the first check. */
  known: string | null;
  /** The stamp the server answers now. */
  current: string;
  /** The person's local day when the shown board was loaded (YYYY-MM-DD), null if unknown. */
  loadedDay: string | null;
  today: string;
  /** A fresh board is owed whatever the stamp says: the host moved time, or changes seen earlier wait behind a hint. */
  forced: boolean;
  /** A form in the open panel has changes not saved yet, or a card is being dragged. */
  editing: boolean;
}

/**
 * baseline: adopt the stamp (the board was just loaded); same: nothing to do; reload: fetch the
 * board now; hint: changes are waiting, but reloading now could lose the person's typing.
 */
export type Freshness = 'baseline' | 'same' | 'reload' | 'hint';

export function freshnessOf(s: StampSeen): Freshness {
  if (s.known === null && !s.forced) return 'baseline';
  const stale = s.forced || s.current !== s.known || (s.loadedDay !== null && s.today !== s.loadedDay);
  if (!stale) return 'same';
  return s.editing ? 'hint' : 'reload';
}
