// Who may run the workbook-wide menu actions, decided on the server (the menu only mirrors it).
import { Ports } from '../ports';
import { Role } from '../domain/roles';
import { ownerOnlyRefusal } from '../domain/menu';
import { begin } from './session';

/** The caller's role, or null when it cannot be known (workbook not set up, no session). */
export function roleOf(ports: Ports): Role | null {
  try {
    return begin(ports).actor.role;
  } catch (_) {
    return null;
  }
}

/**
 * A plain refusal when someone other than the owner runs an owner action, else null. An empty
 * workbook (no team yet) lets anyone run setup: they become its owner.
 */
export function ownerActionRefusal(ports: Ports, functionName: string): string | null {
  const role = roleOf(ports);
  return role === null || role === 'owner' ? null : ownerOnlyRefusal(functionName, role);
}
