import { Actor, canEditDeal, isSupervisor } from '../kernel/roles';
import { ALLOWED_TRANSITIONS, StageKey, isStageKey } from './stages';

export interface MoveCandidate {
  stage: StageKey;
  manager: string;
  budget: number;
  amount: number;
}

/** An open checkpoint that must be done before a deal may enter its gated stage. */
export interface StageGate {
  checkpointName: string;
  gatedStage: StageKey;
  done: boolean;
}

export interface MoveFailure {
  code: 'unknown_stage' | 'transition' | 'permission' | 'amount_required' | 'gate' | 'reopen';
  message: string;
}

export interface StageNames {
  [key: string]: string;
}

/**
 * Every reason a move is refused, not just the first, so the card can say everything the
 * manager has to fix in one go. An empty list means the move is allowed.
 */
export function evaluateMove(
  deal: MoveCandidate,
  to: string,
  actor: Actor,
  names: StageNames,
  gates: readonly StageGate[] = [],
): MoveFailure[] {
  if (!isStageKey(to)) return [{ code: 'unknown_stage', message: `"${to}" is not a stage.` }];
  const failures: MoveFailure[] = [];
  if (!canEditDeal(actor, deal.manager)) {
    failures.push({
      code: 'permission',
      message: `Only the deal's manager (${deal.manager || 'nobody'}), a head or the owner may move it.`,
    });
  }
  if (to === deal.stage) return failures;
  if (ALLOWED_TRANSITIONS[deal.stage].indexOf(to) < 0) {
    failures.push({
      code: 'transition',
      message: `A deal cannot go from ${names[deal.stage]} to ${names[to]}.`,
    });
  }
  if (deal.stage === 'completed' && !isSupervisor(actor)) {
    failures.push({ code: 'reopen', message: 'Only a head or the owner may reopen a completed deal.' });
  }
  if ((to === 'in_work' || to === 'completed') && deal.amount <= 0 && deal.budget <= 0) {
    failures.push({ code: 'amount_required', message: `Set a budget or a quote before moving to ${names[to]}.` });
  }
  const open = gates.filter((gate) => gate.gatedStage === to && !gate.done).map((gate) => gate.checkpointName);
  if (open.length > 0) {
    failures.push({ code: 'gate', message: `Finish first: ${open.join(', ')}.` });
  }
  return failures;
}
