// Settings and the team change rarely but are needed by every action, so they travel as
// one cached snapshot. Every path that changes them refreshes it (setup, the on-edit
// handler, the hourly trigger). The cache forgets after 6 hours at most, so the same snapshot
// is also kept in document properties; only when both miss are the two tabs read.
import { Actor, Role, isRole, sameEmail } from '../../domain/kernel/roles';
import { Settings, readSettings } from '../../domain/setup/settings';
import { SETTINGS, USERS } from '../../workbook/schema';
import { readTable } from '../../workbook/table';
import { Ports } from '../../ports';
import { WorkbookError } from '../../workbook/errors';
import { formerStageNames, useStageNames } from '../../workbook/stageLabels';
import { StageKey } from '../../domain/deals/stages';

export interface TeamMember {
  email: string;
  name: string;
  role: Role;
  monthlyPlan: number;
  active: boolean;
}

export interface Config {
  settings: Settings;
  team: TeamMember[];
  timeZone: string;
  /** The spreadsheet's locale ("en_US"): dates and money are written its way (issue 21, item 8). */
  locale: string;
}

interface CachedConfig {
  pairs: Record<string, string>;
  team: TeamMember[];
  timeZone: string;
  locale: string;
  /** Stage names the Settings had before a rename: cells typed or written then still read. */
  formerStageNames?: Record<string, StageKey>;
}

export const CONFIG_CACHE_KEY = 'dealboard:config:v1';
const SIX_HOURS = 21600;

export function loadConfig(ports: Ports): Config {
  const cached = parseSnapshot(ports.cache.get(CONFIG_CACHE_KEY));
  if (cached) return cached;
  const kept = ports.store.get(CONFIG_CACHE_KEY);
  const durable = parseSnapshot(kept);
  if (durable && kept !== null) {
    ports.cache.put(CONFIG_CACHE_KEY, kept, SIX_HOURS);
    return durable;
  }
  return refreshConfig(ports);
}

function parseSnapshot(text: string | null): Config | null {
  const parsed = parseCached(text);
  // A snapshot from before the locale was kept is rebuilt once (its former stage names still read).
  if (!parsed || typeof parsed.locale !== 'string') return null;
  const settings = readSettings(parsed.pairs);
  useStageNames(settings.stageNames, parsed.formerStageNames || {});
  return { settings, team: parsed.team, timeZone: parsed.timeZone, locale: parsed.locale };
}

/** A stored snapshot, or null when missing or damaged (then it is rebuilt from the tabs). */
function parseCached(text: string | null): CachedConfig | null {
  if (text === null) return null;
  try {
    const parsed = JSON.parse(text) as CachedConfig;
    return parsed && parsed.pairs && Array.isArray(parsed.team) ? parsed : null;
  } catch (_damaged) {
    return null;
  }
}

export function refreshConfig(ports: Ports): Config {
  const settingsTable = readTable(ports.sheets, SETTINGS, ports.dates);
  const pairs: Record<string, string> = {};
  for (const row of settingsTable.rows) {
    const key = String(row.record.key || '').trim();
    if (key !== '') pairs[key] = String(row.record.value == null ? '' : row.record.value);
  }
  const usersTable = readTable(ports.sheets, USERS, ports.dates);
  const team: TeamMember[] = [];
  for (const row of usersTable.rows) {
    const email = String(row.record.email || '').trim();
    const role = row.record.role;
    if (email === '' || !isRole(role)) continue;
    team.push({
      email,
      name: String(row.record.name || '') || email.split('@')[0],
      role,
      monthlyPlan: typeof row.record.monthlyPlan === 'number' ? row.record.monthlyPlan : 0,
      active: row.record.active !== false,
    });
  }
  const timeZone = ports.sheets.timeZone();
  const locale = ports.sheets.locale ? ports.sheets.locale() : '';
  const settings = readSettings(pairs);
  // A stage renamed in Settings leaves its old name in cells: the snapshot remembers it.
  const previous = parseCached(ports.store.get(CONFIG_CACHE_KEY));
  const formerStage = formerStageNames(previous ? readSettings(previous.pairs).stageNames : null, (previous && previous.formerStageNames) || {}, settings.stageNames);
  useStageNames(settings.stageNames, formerStage);
  const snapshot = JSON.stringify({ pairs, team, timeZone, locale, formerStageNames: formerStage } as CachedConfig);
  ports.cache.put(CONFIG_CACHE_KEY, snapshot, SIX_HOURS);
  try {
    ports.store.put(CONFIG_CACHE_KEY, snapshot);
  } catch (_tooLarge) {
    // A team too large for one property: never leave an older snapshot behind.
    ports.store.remove(CONFIG_CACHE_KEY);
  }
  return { settings, team, timeZone, locale };
}

/** The signed-in user as a team member, or a clear refusal. */
/** The caller; `email` overrides the session's (an installable trigger runs as its owner). */
export function currentActor(ports: Ports, config: Config, email = ports.session.userEmail()): Actor {
  if (email === '') {
    throw new WorkbookError('Google did not tell Dealboard who you are. Open the add-on from your own account and try again.');
  }
  const member = config.team.filter((m) => sameEmail(m.email, email))[0];
  if (!member || !member.active) {
    throw new WorkbookError(`${email} is not on the team. Ask the owner to add you on the Users tab.`);
  }
  return { email: member.email, name: member.name, role: member.role };
}
