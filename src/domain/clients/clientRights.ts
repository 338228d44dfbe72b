// Who may see and change a client: clients belong to managers. A manager edits their own
// and, when Settings allow (client_view_others), views the others'; head and owner see and
// edit all; an executor sees only the clients of the deals they work on.
import { Actor, isSupervisor, sameEmail } from '../kernel/roles';
import { StageKey } from '../deals/stages';

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

/**
 * The stages where an executor does the work (issue 20, item 4): only there may they see the
 * client's phone and e-mail. A plan applied to a deal still in New or Negotiation makes them
 * responsible for a checkpoint, but the sales pipeline's contacts stay the managers'.
 */
const EXECUTOR_CONTACT_STAGES: readonly StageKey[] = ['in_work', 'completed'];

export function executorSeesContactsAt(stage: StageKey | null | undefined): boolean {
  return !!stage && EXECUTOR_CONTACT_STAGES.indexOf(stage) >= 0;
}

/**
 * May this person see the phone and e-mail a deal's card carries? The client's rights, read
 * from the deal: with client_view_others off a manager sees only their own (and unassigned)
 * deals' contacts; an executor only in the work stages (the board already holds only the deals
 * they work on); head and owner all.
 */
export function canSeeDealContacts(actor: Actor, deal: { manager: string; stage: StageKey | null }, rules: Pick<ClientAccessRules, 'managersViewOthers'>): boolean {
  if (isSupervisor(actor)) return true;
  if (actor.role === 'manager') return rules.managersViewOthers || deal.manager.trim() === '' || sameEmail(actor.email, deal.manager);
  return executorSeesContactsAt(deal.stage);
}

/** The sentence for a client that is missing or not the caller's: the same for both, so it tells nothing. */
export function clientNotFound(clientId: string): string {
  return `There is no client ${clientId} that you may open: it may have been deleted or merged, or it is not yours.`;
}
