// What "red", "stuck" and "late checkpoint" mean, for every screen that lists them: the dashboard's overdue work
// (reports/kpi.ts), the morning digest (mail/digest.ts) and the morning strip. One definition,
// so the digest and the dashboard never disagree about the same deal (decided 2026-12-07, see
// docs/decisions.md): both count every live deal on the board, Frozen included — a frozen deal's
// fate is unclear, and a frozen deal nobody looks at is the request the planning meeting lost.
import { LIVE_STAGES } from './stages';
import { daysBetween } from '../checkpoints/health';

/** A deal still on the board as work to decide or do: New, Negotiation, Transferred to work, Frozen. */
export function isLiveDeal(deal: { stage: string }): boolean {
  return (LIVE_STAGES as readonly string[]).indexOf(deal.stage) >= 0;
}

/** Red: a live deal whose health light is red (a checkpoint or its deadline passed, or a gate is open). */
export function isRedDeal(deal: { stage: string; health: string }): boolean {
  return isLiveDeal(deal) && deal.health === 'red';
}

/**
 * Days a live deal has been in its stage when that is longer than `stuckDays` (Settings
 * stuck_days; 0 turns it off), else null. Days are local 'yyyy-mm-dd'; an unknown stage date
 * is never stuck.
 */
export function stuckFor(deal: { stage: string; stageSinceDay: string | null }, today: string, stuckDays: number): number | null {
  if (!(stuckDays > 0) || !isLiveDeal(deal) || !deal.stageSinceDay) return null;
  const days = daysBetween(deal.stageSinceDay, today);
  return days > stuckDays ? days : null;
}

/**
 * A late checkpoint: not done, its due day ('yyyy-mm-dd') before today, and its deal live. The
 * leftover open checkpoints of a Completed, Failed or archived deal (no deal given) are nobody's
 * work: the dashboard's overdue work, the morning strip and the digest's late checkpoints all ask
 * this one rule.
 */
export function isLateCheckpoint(checkpoint: { done: boolean; due: string | null }, deal: { stage: string } | null | undefined, today: string): boolean {
  return Boolean(deal) && isLiveDeal(deal as { stage: string }) && !checkpoint.done && Boolean(checkpoint.due) && (checkpoint.due as string) < today;
}

export function isStuckDeal(deal: { stage: string; stageSinceDay: string | null }, today: string, stuckDays: number): boolean {
  return stuckFor(deal, today, stuckDays) !== null;
}
