// What an executor may see: the deals they work on (responsible for one of its checkpoints,
// by e-mail or by the role "executor"), nothing of the sales pipeline and its contacts.
import { Actor, sameEmail } from '../kernel/roles';

export function isResponsible(actor: Actor, responsible: string): boolean {
  const who = (responsible || '').trim();
  if (!who) return false;
  return sameEmail(who, actor.email) || (who === 'executor' && actor.role === 'executor');
}

/** The ids of the deals an executor works on, from the Checkpoints' Deal ID and Responsible. */
export function dealsWorkedOn(actor: Actor, checkpoints: readonly { dealId: string; responsible: string }[]): Set<string> {
  const ids = new Set<string>();
  for (const c of checkpoints) if (c.dealId && isResponsible(actor, c.responsible)) ids.add(c.dealId);
  return ids;
}
