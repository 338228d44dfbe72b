export const ROLES = ['owner', 'head', 'manager', 'executor'] as const;
export type Role = (typeof ROLES)[number];

export interface Actor {
  email: string;
  name: string;
  role: Role;
}

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).indexOf(value) >= 0;
}

export function isSupervisor(actor: Actor): boolean {
  return actor.role === 'owner' || actor.role === 'head';
}

/** Everyone on the team may look at every deal: the board is shared. */
export function canViewDeal(_actor: Actor): boolean {
  return true;
}

/** Managers change their own deals; head and owner change all; executors only read. */
export function canEditDeal(actor: Actor, dealManager: string): boolean {
  if (isSupervisor(actor)) return true;
  return actor.role === 'manager' && sameEmail(actor.email, dealManager);
}

export function canCreateDeals(actor: Actor): boolean {
  return actor.role !== 'executor';
}

export function sameEmail(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}
