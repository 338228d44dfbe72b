// Users, Settings, Notifications, Briefs and Outbox belong to the owner: setup protects them
// (src/gas/setup/protections.ts) and the on-edit trigger audits an edit by anyone else that got through
// (a protection removed, warning-only on Outbox, setup not run again since). A single cell typed
// by someone else on Users, Settings or Briefs (the questions every client's form is built from) is put back; a Notifications text changed by someone else
// is never rendered for a client until the owner edits its row again.
import { BRIEFS, NOTIFICATIONS, OUTBOX, SETTINGS, USERS } from '../../workbook/schema';
import { mapHeaders } from '../../workbook/headers';
import { Problem } from '../../workbook/codec';
import { Ports } from '../../ports';
import { sameEmail } from '../../domain/kernel/roles';
import { REMINDER_DAYS_KEY, parseReminderDays } from '../../domain/money/reminderDays';
import { Config } from '../kernel/config';
import { appendActivities } from '../kernel/audit';
import type { EditFacts, ProblemStore } from '../handEdits/handEditFacts';

export interface OwnerTab {
  name: string;
  /**
   * Warning-only where the team's own executions write the tab (every sidebar action that queues
   * an e-mail appends to Outbox as the person who clicked, and a hard protection would refuse
   * that write). Outbox rows are sealed instead: the drain refuses a row changed by hand.
   */
  warningOnly: boolean;
}

export const OWNER_TABS: readonly OwnerTab[] = [
  { name: USERS.name, warningOnly: false },
  { name: SETTINGS.name, warningOnly: false },
  { name: NOTIFICATIONS.name, warningOnly: false },
  // The brief templates: every client's questionnaire is built from them (src/app/briefs/briefs.ts).
  { name: BRIEFS.name, warningOnly: false },
  { name: OUTBOX.name, warningOnly: true },
];

export const TAINTED_TEMPLATES_KEY = 'dealboard:notifications-edited-by-others';
const MAX_PROBLEMS = 50;

/** The newest problems that fit one document property (9 KB a value), at most MAX_PROBLEMS. */
export function fitProblems(list: readonly Problem[]): Problem[] {
  let out = list.slice(-MAX_PROBLEMS);
  while (out.length > 1 && JSON.stringify(out).length > 8000) out = out.slice(1);
  return out;
}

export function isOwnerTab(name: string): boolean {
  return OWNER_TABS.some((t) => t.name === name);
}

/** Notification keys whose text someone other than the owner changed, with who did it. */
export function taintedTemplates(ports: Ports): Record<string, string> {
  try {
    const parsed = JSON.parse(ports.store.get(TAINTED_TEMPLATES_KEY) || '{}');
    return parsed && typeof parsed === 'object' ? (parsed as Record<string, string>) : {};
  } catch (_damaged) {
    return {};
  }
}

export function taintReason(key: string, by: string): string {
  return `The text of "${key}" on the Notifications tab was changed by ${by}, not the owner: nothing is sent from it until the owner checks it and edits that row.`;
}

function isOwner(config: Config, email: string): boolean {
  return email !== '' && config.team.some((m) => m.role === 'owner' && m.active && sameEmail(m.email, email));
}

function shown(value: unknown): string {
  const text = value === undefined || value === null ? '' : String(value);
  return text.length > 80 ? `${text.slice(0, 77)}…` : text;
}

/**
 * Called by the on-edit handler before it acts on the edit. `config` is the one from before the
 * edit, so a person who just made themselves owner on Users is not taken for the owner.
 * Returns true when the edit was put back (the caller then has nothing else to follow).
 */
export function guardOwnerTab(ports: Ports, store: ProblemStore, config: Config, facts: EditFacts, editor: string): boolean {
  const header = facts.header;
  const rows = facts.rows;
  const keyOf = (i: number): string => {
    if (facts.sheetName !== NOTIFICATIONS.name || !header || !rows || !rows[i]) return '';
    const at = mapHeaders(NOTIFICATIONS, header).index.key;
    return at === undefined ? '' : String(rows[i][at] ?? '').trim();
  };
  if (isOwner(config, editor)) {
    if (facts.sheetName === NOTIFICATIONS.name) {
      // The owner's own edit of a row is the check the message waited for.
      const tainted = taintedTemplates(ports);
      let changed = false;
      for (let i = 0; i < facts.numRows; i++) if (keyOf(i) in tainted) { delete tainted[keyOf(i)]; changed = true; }
      if (changed) ports.store.put(TAINTED_TEMPLATES_KEY, JSON.stringify(tainted));
    }
    if (facts.sheetName === SETTINGS.name) return refuseBadSetting(ports, store, facts, editor);
    return false;
  }
  const who = editor || 'someone whose e-mail Google did not disclose';
  const single = facts.numRows === 1 && facts.numColumns === 1;
  const column = header && header[facts.column - 1] !== undefined ? String(header[facts.column - 1]) : `column ${facts.column}`;
  const where = single ? `${facts.sheetName} row ${facts.row}, ${column}` : `${facts.sheetName} rows ${facts.row}–${facts.row + facts.numRows - 1}`;
  const change = single ? `"${shown(facts.oldValue)}" → "${shown(facts.value)}"` : `${facts.numRows * facts.numColumns} cells pasted`;
  // Users, Settings and Briefs: a single cell is put back. Notifications: the text stays for the owner to
  // see, but nothing is rendered from it until the owner edits the row. Outbox rows are sealed.
  const revert = single && (facts.sheetName === USERS.name || facts.sheetName === SETTINGS.name || facts.sheetName === BRIEFS.name);
  if (revert) {
    const old = facts.oldValue === undefined ? '' : facts.oldValue;
    ports.sheets.writeBlock(facts.sheetName, facts.row, facts.column, [[old]]);
  }
  const problems = store.get();
  const problem: Problem = {
    tab: facts.sheetName, row: facts.row, column, value: single ? shown(facts.value) : change,
    why: `changed by ${who}, who is not the owner${revert ? ' (put back)' : ''}`,
  };
  if (facts.sheetName === NOTIFICATIONS.name && !revert) {
    const tainted = taintedTemplates(ports);
    for (let i = 0; i < facts.numRows; i++) if (keyOf(i)) tainted[keyOf(i)] = who;
    ports.store.put(TAINTED_TEMPLATES_KEY, JSON.stringify(tainted));
  }
  store.put(fitProblems(problems.concat([problem])));
  appendActivities(ports, who, [{
    kind: 'problem',
    summary: `${where} changed by hand by ${who} (not the owner): ${change}${revert ? '; put back' : facts.sheetName === OUTBOX.name ? '; the message will not be sent as changed' : ''}`,
  }]);
  return revert;
}

/**
 * The owner's own Settings edit of a key with rules (payment_reminder_days): a value the rules
 * refuse is put back, with the sentence naming the key in the problem list and the audit.
 */
function refuseBadSetting(ports: Ports, store: ProblemStore, facts: EditFacts, editor: string): boolean {
  if (facts.numRows !== 1 || facts.numColumns !== 1 || !facts.header || facts.row < 2) return false;
  const index = mapHeaders(SETTINGS, facts.header).index;
  if (index.key === undefined || index.value === undefined || facts.column !== index.value + 1) return false;
  const key = String((ports.sheets.readBlock(SETTINGS.name, facts.row, index.key + 1, 1, 1) || [[]])[0][0] ?? '').trim();
  if (key !== REMINDER_DAYS_KEY) return false;
  const parsed = parseReminderDays(facts.value === undefined || facts.value === null ? '' : String(facts.value));
  if (parsed.ok) return false;
  ports.sheets.writeBlock(SETTINGS.name, facts.row, facts.column, [[facts.oldValue === undefined ? '' : facts.oldValue]]);
  store.put(fitProblems(store.get().concat([{ tab: SETTINGS.name, row: facts.row, column: String(facts.header[facts.column - 1]), value: shown(facts.value), why: `${parsed.problem} (put back)` }])));
  appendActivities(ports, editor || 'someone', [{ kind: 'problem', summary: `${parsed.problem} The previous value was put back.` }]);
  return true;
}
