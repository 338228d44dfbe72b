// What a card move replaced, kept in the cache for a minute so the sidebar's toast can undo it
// (moveUndo.ts). Kept apart from the undo itself so the move does not import its own undo.
import { isDate } from '../../workbook/codec';
import { StageKey, isStageKey } from '../../domain/deals/stages';
import { Deal } from '../kernel/records';
import { UseCaseContext } from '../kernel/session';

/** How long a move can be undone from the sidebar's toast. */
export const UNDO_SECONDS = 60;

export interface UndoRecord {
  /** The deal's version right after the move: anything else since makes the undo stale. */
  version: number;
  by: string;
  at: string;
  from: StageKey;
  to: StageKey;
  position: number | null;
  stageSince: string | null;
  closedAt: string | null;
  health: string;
  planApplied: boolean;
}

export const keyOf = (dealId: string) => `undo-move:${dealId}`;
const isoOrNull = (value: unknown) => (isDate(value) ? value.toISOString() : null);

/** Called by a move that changed the stage, inside its lock: one cache write. */
export function rememberMove(ctx: UseCaseContext, before: Deal & { stage: StageKey }, to: StageKey, versionAfter: number, planApplied: boolean): void {
  const record: UndoRecord = {
    version: versionAfter,
    by: ctx.actor.email,
    at: ctx.moment.now.toISOString(),
    from: before.stage,
    to,
    position: typeof before.position === 'number' ? before.position : null,
    stageSince: isoOrNull(before.stageSince),
    closedAt: isoOrNull(before.closedAt),
    health: String(before.health || ''),
    planApplied,
  };
  // A little longer than the promise, so a click in the last second still finds it.
  ctx.ports.cache.put(keyOf(before.id), JSON.stringify(record), UNDO_SECONDS + 15);
}

export function readMove(ctx: UseCaseContext, dealId: string): UndoRecord | null {
  const raw = ctx.ports.cache.get(keyOf(dealId));
  if (!raw) return null;
  try {
    const parsed = JSON.parse(raw) as UndoRecord;
    return isStageKey(parsed.from) && isStageKey(parsed.to) && typeof parsed.version === 'number' ? parsed : null;
  } catch (_) {
    return null;
  }
}

/** An undone move cannot be undone twice. */
export function forgetMove(ctx: UseCaseContext, dealId: string): void {
  ctx.ports.cache.remove(keyOf(dealId));
}
