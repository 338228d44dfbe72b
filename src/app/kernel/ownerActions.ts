// The caller's role for the menu (onOpen). Who may run what is decided in app/kernel/access.ts.
import { Ports } from '../../ports';
import { Role } from '../../domain/kernel/roles';
import { begin } from './session';

/** The caller's role, or null when it cannot be known (workbook not set up, no session). */
export function roleOf(ports: Ports): Role | null {
  try {
    return begin(ports).actor.role;
  } catch (_) {
    return null;
  }
}
