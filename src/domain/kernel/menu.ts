// The add-on menu by role: what a person may run, nothing more, read from the one access table
// (access.ts) that the server check reads too. When the role cannot be known (AuthMode.NONE
// before the add-on is used in a document) every item is listed and the action itself refuses
// with a plain sentence (src/app/kernel/access.ts).
import { Role } from './roles';
import { mayRun } from './access';

export type MenuEntry = { caption: string; functionName: string } | 'separator';

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
  { caption: 'Stripe key (online payments)', functionName: 'openStripeSettings' },
  { caption: 'Load demo data', functionName: 'loadDemoData' },
  'separator',
  { caption: 'Send queued e-mails now', functionName: 'sendQueuedMailNow' },
  'separator',
  { caption: 'Back up now', functionName: 'backUpNow' },
  { caption: 'Backups (restore)', functionName: 'openBackups' },
];

export function menuFor(role: Role | null): MenuEntry[] {
  if (role === null) return ALL.slice();
  const kept = ALL.filter((e) => e === 'separator' || mayRun(e.functionName, { role, teamEmpty: false }));
  // No separator left dangling at the end, none doubled, none first.
  const tidy = kept.filter((e, i) => e !== 'separator' || (i > 0 && kept[i - 1] !== 'separator'));
  while (tidy.length && tidy[tidy.length - 1] === 'separator') tidy.pop();
  return tidy;
}

/** The functions the menu can show: each must have an entry in the access table. */
export function menuFunctions(): string[] {
  return ALL.filter((e): e is { caption: string; functionName: string } => e !== 'separator').map((e) => e.functionName);
}
