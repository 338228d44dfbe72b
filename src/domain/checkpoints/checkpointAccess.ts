import { Actor, isRole, isSupervisor, sameEmail } from '../kernel/roles';

/**
 * Who may mark a checkpoint done: its responsible person, anyone named in its allowed list
 * (roles or emails, comma-separated), a head or the owner.
 */
export function canCompleteCheckpoint(actor: Actor, checkpoint: { responsible: string; allowed: string }, dealManager: string): boolean {
  if (isSupervisor(actor)) return true;
  if (checkpoint.responsible && sameEmail(checkpoint.responsible, actor.email)) return true;
  if (checkpoint.responsible && isRole(checkpoint.responsible.trim()) && checkpoint.responsible.trim() === actor.role) {
    return checkpoint.responsible.trim() !== 'manager' || sameEmail(dealManager, actor.email);
  }
  const allowed = checkpoint.allowed.split(',').map((a) => a.trim()).filter(Boolean);
  return allowed.some((entry) => sameEmail(entry, actor.email) || (isRole(entry) && entry === actor.role));
}

/** Who may plan checkpoints of a deal (apply a plan, add, shift, remove): its manager, a head or the owner. */
export function canPlanCheckpoints(actor: Actor, dealManager: string): boolean {
  return isSupervisor(actor) || (actor.role === 'manager' && sameEmail(actor.email, dealManager));
}
