// Health of every deal from the Deals and Checkpoints tabs: pure assembly over decoded rows.
import { classifyHealth, describeOpenGates, CheckpointFacts, Health, daysBetween } from '../../domain/checkpoints/health';
import { canCompleteCheckpoint } from '../../domain/checkpoints/checkpointAccess';
import { unassignedRole } from '../../domain/checkpoints/plans';
import { Actor } from '../../domain/kernel/roles';
import { StageKey } from '../../domain/deals/stages';
import { Checkpoint, Deal } from '../kernel/records';
import { CheckpointView } from '../contracts/health';
import { UseCaseContext } from '../kernel/session';

export interface DealHealth {
  health: Health;
  openGates: string;
}

export function groupByDeal(checkpoints: readonly Checkpoint[]): Record<string, Checkpoint[]> {
  const byDeal: Record<string, Checkpoint[]> = {};
  for (const c of checkpoints) (byDeal[c.dealId] = byDeal[c.dealId] || []).push(c);
  return byDeal;
}

export function factsOf(checkpoints: readonly Checkpoint[], localDay: (d: Date) => string): CheckpointFacts[] {
  return checkpoints.map((c) => ({ name: c.name, due: c.due ? localDay(c.due) : null, done: c.doneAt !== null, gatesStage: c.gatesStage }));
}

export function dealHealth(
  deal: Deal & { stage: StageKey },
  checkpoints: readonly Checkpoint[],
  today: string,
  amberDays: number,
  localDay: (d: Date) => string,
): DealHealth {
  const facts = factsOf(checkpoints, localDay);
  return {
    health: classifyHealth({ stage: deal.stage, deadline: deal.deadline ? localDay(deal.deadline) : null, checkpoints: facts }, today, amberDays),
    openGates: describeOpenGates(facts),
  };
}

export function checkpointView(c: Checkpoint, actor: Actor, dealManager: string, today: string, localDay: (d: Date) => string): CheckpointView {
  const due = c.due ? localDay(c.due) : null;
  const done = c.doneAt !== null;
  const daysLeft = !done && due ? daysBetween(today, due) : null;
  return {
    id: c.id,
    dealId: c.dealId,
    name: c.name,
    due,
    responsible: c.responsible,
    allowed: c.allowed,
    gatesStage: c.gatesStage,
    doneAt: c.doneAt ? localDay(c.doneAt) : null,
    doneBy: c.doneBy,
    notes: c.notes,
    version: c.version,
    daysLeft,
    late: daysLeft !== null && daysLeft < 0,
    canComplete: canCompleteCheckpoint(actor, c, dealManager),
    ...(done || unassignedRole(c.responsible) === null ? {} : { unassignedRole: unassignedRole(c.responsible) as string }),
  };
}

/** The open checkpoint due soonest (undated ones last). */
export function nearestOpen(views: readonly CheckpointView[]): CheckpointView | null {
  const open = views.filter((v) => v.doneAt === null);
  open.sort((a, b) => (a.due === null ? 1 : 0) - (b.due === null ? 1 : 0) || String(a.due).localeCompare(String(b.due)));
  return open[0] || null;
}

/** The health cells of one deal, when they differ from what the row holds. */
export function healthPatch(ctx: UseCaseContext, deal: Deal & { stage: StageKey }, checkpoints: readonly Checkpoint[]): Record<string, unknown> {
  const next = dealHealth(deal, checkpoints, ctx.moment.today, ctx.config.settings.healthAmberDays, ctx.moment.localDay);
  return next.health === deal.health && next.openGates === deal.openGates ? {} : { health: next.health, openGates: next.openGates };
}
