// Who may run each Apps Script global (issue 20, item 3). Every export of src/entry.ts becomes a
// global that anyone who can open the workbook can call (menu, script editor, google.script.run),
// so each one is listed here, and the menu (menu.ts) and the server check (app/kernel/access.ts) both read
// this one table: they cannot disagree. A global missing from the table is refused for everyone
// (and tests/integration/allGlobals.test.ts fails).
import { Role } from './roles';

export type AccessRule =
  /** onOpen/onInstall: they only build the menu for the caller's role; they read nothing else. */
  | { kind: 'anyone'; why: string }
  /** Installable triggers: only an execution that runs as the owner who installed them. */
  | { kind: 'trigger'; what: string }
  | {
    kind: 'roles';
    roles: readonly Role[];
    /** What it does, for the refusal sentence ("Only the owner can <what>."). */
    what: string;
    /** Setup of a workbook with nobody on the Users tab: whoever runs it becomes the owner. */
    firstOwner?: boolean;
    /** The refusal sentence when the sidebar already shows it word for word. */
    refusal?: string;
    /** Finer rules the use case applies on top (which deals, which clients). */
    refinedBy?: string;
  };

const OWNER: readonly Role[] = ['owner'];
const SUPERVISORS: readonly Role[] = ['owner', 'head'];
const SALES: readonly Role[] = ['owner', 'head', 'manager'];
const TEAM: readonly Role[] = ['owner', 'head', 'manager', 'executor'];

const team = (what: string, refinedBy?: string): AccessRule => ({ kind: 'roles', roles: TEAM, what, ...(refinedBy ? { refinedBy } : {}) });

export const ACCESS: Readonly<Record<string, AccessRule>> = {
  // Simple triggers and triggers
  onOpen: { kind: 'anyone', why: 'builds the add-on menu for the caller\'s role (may run in AuthMode.NONE, before anyone is known)' },
  onInstall: { kind: 'anyone', why: 'the same as onOpen, right after installation' },
  onEditInstalled: { kind: 'trigger', what: 'audit hand edits' },
  onHourly: { kind: 'trigger', what: 'run the hourly jobs' },
  // Menu items
  setupWorkbook: { kind: 'roles', roles: OWNER, what: 'set up the workbook', firstOwner: true },
  loadDemoData: { kind: 'roles', roles: OWNER, what: 'load demo data' },
  // The template ids are recorded on Settings, the owner's protected tab: on Sheets a script runs
  // as its user and protections hold for its writes too, so anyone else's install would make the
  // Docs and then fail half-way (issue 20).
  installDocumentTemplates: { kind: 'roles', roles: OWNER, what: 'install document templates' },
  openBoard: team('open the board'),
  openFullBoard: team('open the board'),
  openDesk: team('open the desk'),
  openClientBase: team('open the client base', 'an executor sees only the clients of the deals they work on'),
  recomputeHealth: { kind: 'roles', roles: SALES, what: 'recompute health' },
  refreshDelayReportNow: { kind: 'roles', roles: SALES, what: 'refresh the delay report' },
  sendQueuedMailNow: { kind: 'roles', roles: SALES, what: 'send queued e-mails' },
  sendMorningDigestNow: { kind: 'roles', roles: OWNER, what: 'send the morning digests' },
  // Sidebar calls (google.script.run)
  api_getBoard: team('open the board', 'an executor gets only the deals they work on; contacts follow client_view_others'),
  api_boardStamp: team('check the board for changes'),
  api_goToCell: team('go to a cell'),
  api_goToSetting: team('go to a Settings key'),
  api_putStageBack: team('put a stage back', 'only who may edit the deal'),
  api_getDeal: team('open a deal', 'an executor only the deals they work on'),
  api_moveDeal: team('move a deal', 'only who may edit the deal'),
  api_undoMove: team('undo a move', 'only who made it, within a minute, with nothing changed since'),
  api_updateDeal: team('change a deal', 'only who may edit the deal'),
  api_addLead: team('take a request', 'executors are refused'),
  api_convertLead: team('convert a request', 'executors are refused'),
  api_junkLead: team('junk a request', 'executors are refused'),
  api_getToday: team('see Today', 'executors are refused; a manager sees their own list'),
  api_logActivity: team('log an activity', 'only who may edit the deal'),
  api_getHealth: team('open the desk', 'an executor sees their own work'),
  api_applyPlan: team('apply a plan', 'only who may edit the deal'),
  api_saveCheckpoint: team('save a checkpoint', 'only who may edit the deal'),
  api_completeCheckpoint: team('complete a checkpoint', 'the responsible person or who may edit the deal'),
  api_getCatalog: team('read the price list'),
  api_getQuote: team('open a quote', 'an executor only on the deals they work on'),
  api_saveQuote: team('save a quote', 'only who may edit the deal'),
  api_generateDocument: team('make a document', 'only who may edit the deal'),
  api_installTemplates: { kind: 'roles', roles: OWNER, what: 'install templates', refusal: 'Only the owner may install templates: they are recorded on the Settings tab, which only the owner may change.' },
  api_getPlaceholders: team('list template placeholders'),
  api_findClients: team('search clients', 'client rights (client_view_others, an executor\'s deals)'),
  api_getClient: team('open a client', 'client rights'),
  api_updateClient: team('change a client', 'client rights'),
  api_newDealForClient: team('start a deal for a client', 'executors are refused; client rights'),
  api_prepareImport: { kind: 'roles', roles: SALES, what: 'import clients', refusal: 'Executors cannot import clients; ask a manager.' },
  api_dryRunImport: { kind: 'roles', roles: SALES, what: 'import clients', refusal: 'Executors cannot import clients; ask a manager.' },
  api_runImport: { kind: 'roles', roles: SALES, what: 'import clients', refusal: 'Executors cannot import clients; ask a manager.' },
  api_importProgress: team('follow an import'),
  api_listImports: team('list imports', 'executors get none'),
  api_undoImport: { kind: 'roles', roles: SALES, what: 'undo an import', refusal: 'Executors cannot import clients; ask a manager.' },
  api_clientGroups: team('list client groups'),
  // Executors see the work, not the client base (issue 21, item 17): the sidebar offers neither to them.
  api_exportClients: { kind: 'roles', roles: SALES, what: 'export clients', refusal: 'Executors cannot export clients; ask a manager.', refinedBy: 'client rights' },
  api_listDuplicates: team('list duplicates', 'client rights'),
  api_mergeClients: { kind: 'roles', roles: SUPERVISORS, what: 'merge clients', refusal: 'Only a head or the owner may merge clients.' },
  api_findMeetingSlots: team('find meeting slots', 'only who may edit the deal'),
  api_bookMeeting: team('book a meeting', 'only who may edit the deal'),
  api_getPlanner: team('open the planner', 'a manager sees their own meetings'),
  api_syncMeetings: team('sync meetings', 'a manager syncs their own meetings'),
  api_sendDocument: team('send a document', 'only who may edit the deal'),
  api_getBrief: team('see a deal\'s brief', 'an executor only the deals they work on'),
  api_sendBrief: { kind: 'roles', roles: SALES, what: 'send a brief', refinedBy: 'only who may edit the deal' },
  api_checkBriefAnswers: { kind: 'roles', roles: SALES, what: 'check brief answers' },
  api_applyBriefAnswer: { kind: 'roles', roles: SALES, what: 'apply a brief answer', refinedBy: 'only who may edit the deal, with the version they saw' },
  api_quoteFromBrief: { kind: 'roles', roles: SALES, what: 'start a quote from a brief', refinedBy: 'only who may edit the deal' },

  api_previewDocumentMail: team('preview a document e-mail', 'only who may edit the deal'),
  api_sendQueuedMail: { kind: 'roles', roles: SALES, what: 'send e-mails', refusal: 'Only managers, heads and the owner may send e-mails.' },
  api_getOutbox: team('read the outbox', 'a manager sees their own messages'),
  api_cancelMessage: team('cancel a message', 'a manager their own messages'),
  api_requeueMessage: team('requeue a message', 'a manager their own messages'),
  api_sendStageMailAgain: { kind: 'roles', roles: SALES, what: 'send a stage e-mail again', refusal: 'Only managers, heads and the owner may send e-mails.' },
  api_documentStatus: team('check a document', 'an executor only on the deals they work on'),
  // The director's dashboard (issue 23)
  openDashboard: { kind: 'roles', roles: SALES, what: 'open the dashboard' },
  refreshDashboardTab: { kind: 'roles', roles: SUPERVISORS, what: 'refresh the Dashboard tab' },
  api_getDashboard: team('open the dashboard', 'executors are refused; a manager sees their own figures'),
  // Money in (issue 22)
  api_getDealMoney: team('see a deal\'s payments', 'executors are refused; a manager their own deals'),
  api_recordPayment: team('record a payment', 'executors are refused; only who may edit the deal'),
  api_updatePayment: team('change a payment', 'executors are refused; only who may edit the deal'),
  api_deletePayment: team('delete a payment', 'executors are refused; only who may edit the deal'),
  api_listDebts: team('see who owes what', 'the owner and heads only'),
  api_createCreditNote: team('make a credit note', 'only who may edit the deal'),
  api_markInvoiceIssued: team('issue an invoice', 'only who may edit the deal'),
  // Backups and restore (issue 24)
  backUpNow: { kind: 'roles', roles: SUPERVISORS, what: 'back up the workbook' },
  openBackups: { kind: 'roles', roles: OWNER, what: 'open the backups' },
  api_backUpNow: { kind: 'roles', roles: SUPERVISORS, what: 'back up the workbook' },
  api_listBackups: { kind: 'roles', roles: OWNER, what: 'list the backups' },
  api_previewRestore: { kind: 'roles', roles: OWNER, what: 'restore from a backup' },
  api_applyRestore: { kind: 'roles', roles: OWNER, what: 'restore from a backup' },
  api_archiveNow: { kind: 'roles', roles: OWNER, what: 'archive closed deals' },
  api_getArchivedOrders: team('see a client\'s archived orders', 'only the clients the caller may see, as the client card'),

  openStripeSettings: { kind: 'roles', roles: OWNER, what: 'set the Stripe key' },
  api_getOverdueInvoices: team('see overdue invoices', 'executors are refused; a manager sees their own, a head or the owner anyone\'s or all'),
  api_checkPaymentNow: team('check online payments', 'executors are refused; only who may edit the deal'),
  api_stripeKeyStatus: { kind: 'roles', roles: OWNER, what: 'see the Stripe key', refusal: 'Only the owner may see or change the Stripe key.' },
  api_setStripeKey: { kind: 'roles', roles: OWNER, what: 'change the Stripe key', refusal: 'Only the owner may see or change the Stripe key.' },

  api_dismissDuplicates: team('set aside possible duplicates', 'executors are refused'),
  // The planner's trips (issue 21, item 6)
  api_addTrip: team('add a trip', 'executors are refused; the trip is the caller\'s'),
  api_printDayPlan: team('print a day plan', 'executors are refused; the caller\'s trips and meetings'),
  // The setup checklist (issue 21, item 7)
  api_setupChecklist: { kind: 'roles', roles: OWNER, what: 'see the setup checklist' },
  api_keepSetupItem: { kind: 'roles', roles: OWNER, what: 'keep a setup item as it is' },
};

/** Who is calling, as far as the access check needs to know. */
export interface Caller {
  /** The caller's role on the Users tab; null when they are not on it (or not active). */
  role: Role | null;
  /** Nobody is on the Users tab yet (a new workbook). */
  teamEmpty: boolean;
}

/** True when the table lets this caller run the function (triggers are checked apart). */
export function mayRun(functionName: string, caller: Caller): boolean {
  const rule = ACCESS[functionName];
  if (!rule) return false;
  if (rule.kind === 'anyone') return true;
  if (rule.kind === 'trigger') return false;
  if (rule.firstOwner && caller.teamEmpty) return true;
  return caller.role !== null && rule.roles.indexOf(caller.role) >= 0;
}

const ROLE_WORDS: Record<Role, string> = { owner: 'the owner', head: 'a head', manager: 'a manager', executor: 'an executor' };

function listOf(roles: readonly Role[]): string {
  if (roles.length === 1) return 'the owner';
  const words = roles.map((r) => (r === 'owner' ? 'the owner' : `${r}s`));
  return `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

/** The plain sentence a refused caller gets, or null when they may run it. */
export function refusalFor(functionName: string, caller: Caller): string | null {
  if (mayRun(functionName, caller)) return null;
  const rule = ACCESS[functionName];
  if (!rule) return 'This function is not part of Dealboard\'s access table, so nobody may run it.';
  if (rule.kind === 'trigger') return triggerRefusal(rule.what);
  if (rule.kind === 'anyone') return null;
  if (caller.role === null) {
    // Nothing about the workbook is told to someone who is not on the team.
    return 'You are not on this workbook\'s team. Ask the owner to add you on the Users tab.';
  }
  if (rule.refusal) return rule.refusal;
  return `Only ${listOf(rule.roles)} can ${rule.what}. You are signed in as ${ROLE_WORDS[caller.role]}: ask the owner (Users tab) to do it.`;
}

export function triggerRefusal(what: string): string {
  return `Dealboard's triggers ${what} only as the owner who installed them (Set up workbook); this run is not theirs, so nothing was done.`;
}

/** The triggers' installer recorded by setup (document properties). */
export const TRIGGER_OWNER_KEY = 'dealboard:triggerOwner';
