// The setup checklist (issue 21, item 7) as the owner sees it: after Set up workbook and in the
// sidebar until done. Reads the small Catalog and Notifications tabs (tens of rows); once every
// item is done a document property says so, and the sidebar's later look costs one property read.
import { Ports } from '../../ports';
import { Config } from '../kernel/config';
import { CATALOG, NOTIFICATIONS } from '../../workbook/schema';
import { Table, readTable } from '../../workbook/table';
import { DEFAULT_CATALOG } from '../../domain/documents/catalog';
import { DEFAULT_SETTINGS } from '../../domain/setup/settings';
import { ChecklistKey, checklistDone, setupChecklist } from '../../domain/setup/setupChecklist';
import { WorkbookError } from '../../workbook/errors';
import defaultNotifications from '../../../templates/notifications.json';
// The plain-data shapes the sidebar also reads live in contracts/setup.ts; re-exported for callers here.
import type { SetupChecklistView } from '../contracts/setup';
export type { SetupChecklistView } from '../contracts/setup';

export const CHECKLIST_KEPT_KEY = 'dealboard:setupChecklist:kept';
export const CHECKLIST_DONE_KEY = 'dealboard:setupChecklist:done';


const KEYS: readonly ChecklistKey[] = ['company', 'team', 'stages', 'catalog', 'templates', 'hours', 'emails'];

function defaultOf(key: string): string {
  const found = DEFAULT_SETTINGS.filter((d) => d.key === key)[0];
  return found ? found.value : '';
}

function keptItems(ports: Ports): string[] {
  try {
    const parsed = JSON.parse(ports.store.get(CHECKLIST_KEPT_KEY) || '[]') as unknown;
    return Array.isArray(parsed) ? parsed.map(String) : [];
  } catch (_damaged) {
    return [];
  }
}

/** The tabs the checklist reads, when the caller (setup) just read them as they are. */
export interface ChecklistTables {
  catalog?: Table;
  notifications?: Table;
}

/** The full checklist, read now; also records whether it is done for the sidebar's quick look. */
export function computeChecklist(ports: Ports, config: Config, read: ChecklistTables = {}): SetupChecklistView {
  const catalog = (read.catalog || readTable(ports.sheets, CATALOG, ports.dates)).rows.map((r) => ({ code: r.record.code, unitPrice: r.record.unitPrice }));
  const notifications = (read.notifications || readTable(ports.sheets, NOTIFICATIONS, ports.dates)).rows.map((r) => ({ key: r.record.key, subject: r.record.subject, body: r.record.body }));
  const items = setupChecklist({
    settings: config.settings,
    team: config.team,
    catalog,
    defaultCatalog: DEFAULT_CATALOG,
    notifications,
    defaultNotifications: defaultNotifications as { key: string; subject: string; body: string }[],
    defaultWorkingHours: defaultOf('working_hours'),
    defaultWorkingDays: defaultOf('working_days'),
    kept: keptItems(ports),
  });
  const done = checklistDone(items);
  const was = ports.store.get(CHECKLIST_DONE_KEY) === 'true';
  if (done !== was) {
    if (done) ports.store.put(CHECKLIST_DONE_KEY, 'true'); else ports.store.remove(CHECKLIST_DONE_KEY);
  }
  return { done, items };
}

/** The sidebar's look: nothing to show once done (one property read), else the list. */
export function sidebarChecklist(ports: Ports, config: Config): SetupChecklistView {
  if (ports.store.get(CHECKLIST_DONE_KEY) === 'true') return { done: true, items: [] };
  return computeChecklist(ports, config);
}

/** "Keep as it is" on an item still at its default (a one-person studio keeps the team as it is). */
export function keepChecklistItem(ports: Ports, config: Config, key: unknown): SetupChecklistView {
  if (typeof key !== 'string' || KEYS.indexOf(key as ChecklistKey) < 0) throw new WorkbookError('Choose an item of the setup checklist.');
  const current = computeChecklist(ports, config).items.filter((i) => i.key === key)[0];
  if (!current.keepable) throw new WorkbookError(`${current.label}: ${current.detail} This one needs filling in.`);
  const kept = keptItems(ports);
  if (kept.indexOf(key) < 0) ports.store.put(CHECKLIST_KEPT_KEY, JSON.stringify(kept.concat([key])));
  return computeChecklist(ports, config);
}
