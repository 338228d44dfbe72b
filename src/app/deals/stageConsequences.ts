// What follows a deal's stage change, in one list: the move use case (deals.ts moveDeal) calls
// these two steps and nothing else reacts to a move behind its back. The modules named here
// (checkpoints, notifications, stageHistory, moveMemory) never import the move use case back.
//   before the row is written: 1. the delivery plan (its health cells go into the same write);
//   after the row and its audit are written: 2. the stage history row, 3. the client's stage
//   e-mail (the Notifications tab's text for that stage, queued on the Outbox), 4. the undo
//   memory of the move.
// The other paths that set a stage take only the consequences that fit them, on purpose:
//   a new deal entering New (leads.ts convert, clients/clientDeals.ts): 2 only — nothing
//     is planned yet and the client has just written to us;
//   the undo of a move (moveUndo.ts): 2, and 3 is cancelled if still queued — the plan a move
//     added stays (its checkpoints may already be worked on);
//   a stage typed by hand (handEdits/handEdits.ts): 2 and the row's health — a hand edit cannot
//     be asked "apply the plan?", and a typo must not e-mail a client; the board offers the move.
import { StageKey } from '../../domain/deals/stages';
import { applyPlanInsideLock, defaultPlanName } from '../checkpoints/checkpoints';
import { queueStageMail } from '../mail/notifications';
import { appendStageHistory } from './stageHistory';
import { rememberMove } from './moveMemory';
import { ActivityRecord } from '../kernel/audit';
import { Deal } from '../kernel/records';
import { UseCaseContext } from '../kernel/session';

type StagedDeal = Deal & { stage: StageKey };

export interface PlanConsequence {
  /** Cells the plan changes on the deal's row (health, open gates), merged into the move's write. */
  patch: Record<string, unknown>;
  /** The audit lines to append with the move's own. */
  entries: ActivityRecord[];
  planApplied: boolean;
}

/** 1. A won deal gets its delivery plan at once (Settings: auto_apply_plan). Inside the lock. */
export function planOnStageChange(ctx: UseCaseContext, before: StagedDeal, toStage: StageKey): PlanConsequence {
  const none: PlanConsequence = { patch: {}, entries: [], planApplied: false };
  if (toStage === before.stage || toStage !== 'in_work' || !ctx.config.settings.autoApplyPlan) return none;
  if (before.health !== 'white' && before.health !== '') return none;
  const plan = defaultPlanName(ctx.ports);
  if (!plan) return none;
  const applied = applyPlanInsideLock(ctx, { ...before, stage: toStage }, plan, ctx.moment.today);
  return {
    patch: applied.patch,
    entries: [{ kind: 'audit', dealId: before.id, clientId: before.clientId, summary: `Plan ${plan} applied from ${ctx.moment.today}: ${applied.added} checkpoints added` }],
    planApplied: true,
  };
}

/** 2–4, once the moved row and its audit are written. Inside the lock; a reorder has none. */
export function afterStageChange(ctx: UseCaseContext, before: StagedDeal, moved: StagedDeal, planApplied: boolean): void {
  if (moved.stage === before.stage) return;
  appendStageHistory(ctx.ports, [{ dealId: before.id, from: before.stage, to: moved.stage, at: ctx.moment.now, by: ctx.actor.email, how: 'board' }]);
  queueStageMail(ctx, moved, before.stage);
  rememberMove(ctx, before, moved.stage, moved.version, planApplied);
}
