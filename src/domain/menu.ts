// The add-on menu by role: what a person may run, nothing more. When the role cannot be known
// (AuthMode.NONE before the add-on is used in a document) every item is listed and the action
// itself refuses with a plain sentence (src/app/ownerActions.ts).
import { Role } from './roles';

export type MenuEntry = { caption: string; functionName: string } | 'separator';

/**
 * Actions that change the whole workbook: the owner's alone. (Install document templates stays
 * open to the team from the menu, as the documents journey expects: it only adds missing Docs.)
 */
export const OWNER_ACTIONS: Record<string, string> = {
  setupWorkbook: 'set up the workbook',
  loadDemoData: 'load demo data',
};

const ALL: MenuEntry[] = [
  { caption: 'Open deal board', functionName: 'openBoard' },
  { caption: 'Open full board', functionName: 'openFullBoard' },
  'separator',
  { caption: 'My desk (health)', functionName: 'openDesk' },
  { caption: 'Dashboard', functionName: 'openDashboard' },
  { caption: 'Client base (find, import, export)', functionName: 'openClientBase' },
  'separator',
  { caption: 'Recompute health', functionName: 'recomputeHealth' },
  { caption: 'Refresh delay report', functionName: 'refreshDelayReportNow' },
  { caption: 'Refresh Dashboard tab', functionName: 'refreshDashboardTab' },
  'separator',
  { caption: 'Set up workbook', functionName: 'setupWorkbook' },
  { caption: 'Install document templates', functionName: 'installDocumentTemplates' },
  { caption: 'Load demo data', functionName: 'loadDemoData' },
  'separator',
  { caption: 'Send queued e-mails now', functionName: 'sendQueuedMailNow' },
];

/** Sending the outbox is a sales action, the dashboard a sales view: executors are not offered them (the api refuses them too). */
const NOT_FOR_EXECUTORS = ['sendQueuedMailNow', 'openDashboard'];

/** The Dashboard tab holds every manager's figures: heads and the owner refresh it (the action refuses others too). */
const SUPERVISORS_ONLY = ['refreshDashboardTab'];

export function menuFor(role: Role | null): MenuEntry[] {
  if (role === null || role === 'owner') return ALL.slice();
  const kept = ALL.filter((e) => e === 'separator' || !(e.functionName in OWNER_ACTIONS
    || (role === 'executor' && NOT_FOR_EXECUTORS.indexOf(e.functionName) >= 0)
    || (role !== 'head' && SUPERVISORS_ONLY.indexOf(e.functionName) >= 0)));
  // No separator left dangling at the end.
  while (kept.length && kept[kept.length - 1] === 'separator') kept.pop();
  return kept;
}

/** The sentence a non-owner gets instead of an error trace. */
export function ownerOnlyRefusal(functionName: string, role: Role): string {
  const what = OWNER_ACTIONS[functionName] || 'do this';
  return `Only the owner can ${what}. You are signed in as ${role === 'executor' ? 'an executor' : `a ${role}`}: ask the owner (Users tab) to do it.`;
}
