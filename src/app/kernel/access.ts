// The server side of the access table (src/domain/kernel/access.ts): who is calling, and the refusal
// sentence when they may not run a global. Reads only the cached config (no cells when warm).
import { Ports } from '../../ports';
import { Caller, TRIGGER_OWNER_KEY, refusalFor, triggerRefusal, ACCESS } from '../../domain/kernel/access';
import { sameEmail } from '../../domain/kernel/roles';
import { Config, loadConfig } from './config';

/** The caller as the access table sees them; a workbook not set up yet has an empty team. */
export function callerOf(ports: Ports): Caller {
  let config: Config;
  try {
    config = loadConfig(ports);
  } catch (_notSetUp) {
    // No cached config, no snapshot in document properties and no tabs: never set up (setup keeps
    // the snapshot), so nobody is on the team yet.
    return { role: null, teamEmpty: true };
  }
  return { role: memberRole(config, ports.session.userEmail()), teamEmpty: config.team.length === 0 };
}

function memberRole(config: Config, email: string): Caller['role'] {
  if (email === '') return null;
  const member = config.team.filter((m) => m.active && sameEmail(m.email, email))[0];
  return member ? member.role : null;
}

/** The refusal for a menu item or another non-sidebar global, or null when the caller may run it. */
export function accessRefusal(ports: Ports, functionName: string): string | null {
  return refusalFor(functionName, callerOf(ports));
}

/**
 * An installable trigger runs as the user who installed it (Session.getEffectiveUser), whoever
 * edited the sheet. It may act only when that user is an active owner and, once setup recorded
 * the installer, that very owner: someone's own copy of the trigger, or the function run by hand
 * by anyone else, is refused.
 */
export function triggerOwnerRefusal(ports: Ports, functionName: string): string | null {
  const rule = ACCESS[functionName];
  const what = rule && rule.kind === 'trigger' ? rule.what : 'run';
  const runningAs = ports.session.effectiveEmail();
  let config: Config;
  try {
    config = loadConfig(ports);
  } catch (_notSetUp) {
    return triggerRefusal(what);
  }
  if (memberRole(config, runningAs) !== 'owner') return triggerRefusal(what);
  const installer = ports.store.get(TRIGGER_OWNER_KEY);
  if (installer !== null && installer !== '' && !sameEmail(installer, runningAs)) return triggerRefusal(what);
  return null;
}

/** Setup records who installed the triggers: only their runs act (see triggerOwnerRefusal). */
export function recordTriggerOwner(ports: Ports): void {
  const email = ports.session.effectiveEmail();
  if (email !== '' && ports.store.get(TRIGGER_OWNER_KEY) !== email) ports.store.put(TRIGGER_OWNER_KEY, email);
}
