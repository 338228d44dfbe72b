// Who may see and change a client: clients belong to managers. A manager edits their own
// and, when Settings allow (client_view_others), views the others'; head and owner see and
// edit all; an executor sees only the clients of the deals they work on.
import { Actor, isSupervisor, sameEmail } from './roles';

export interface ClientAccessRules {
  /** Settings client_view_others: managers may open other managers' clients (read only). */
  managersViewOthers: boolean;
  /** For an executor: ids of the clients of the deals they work on. */
  executorClientIds?: readonly string[];
}

export function canViewClient(actor: Actor, client: { id: string; manager: string }, rules: ClientAccessRules): boolean {
  if (isSupervisor(actor)) return true;
  if (actor.role === 'manager') return rules.managersViewOthers || client.manager.trim() === '' || sameEmail(actor.email, client.manager);
  return (rules.executorClientIds || []).indexOf(client.id) >= 0;
}

export function canEditClient(actor: Actor, client: { manager: string }): boolean {
  if (isSupervisor(actor)) return true;
  return actor.role === 'manager' && (client.manager.trim() === '' || sameEmail(actor.email, client.manager));
}

/** Who may be named a client's manager by this actor: head and owner anyone, a manager only themself. */
export function canAssignClient(actor: Actor, manager: string): boolean {
  return isSupervisor(actor) || (actor.role === 'manager' && sameEmail(actor.email, manager));
}

/** Undoing an import removes and restores many clients at once: the one who imported it, a head or the owner. */
export function canUndoImport(actor: Actor, importedBy: string): boolean {
  return isSupervisor(actor) || (actor.role === 'manager' && importedBy.trim() !== '' && sameEmail(actor.email, importedBy));
}

/** Import, undo and merging duplicates change many clients at once: managers and above. */
export function canImportClients(actor: Actor): boolean {
  return actor.role !== 'executor';
}

export function canMergeClients(actor: Actor): boolean {
  return isSupervisor(actor);
}
