// Composition root. Every export becomes an Apps Script global: simple triggers, menu
// actions, installable trigger handlers and the api_* functions the sidebar calls.
import { gasPorts } from './gas/ports';
import { applySettingsDropdowns, describeSetup, setupWorkbookWith } from './gas/setup/setup';
import { gasProblemStore, editFactsOf } from './gas/handEdits/edits';
import { begin } from './app/kernel/session';
import { getBoard, getDeal, moveDeal, updateDeal } from './app/deals/deals';
import { undoMove } from './app/deals/moveUndo';
import { addLead, convertLead, junkLead } from './app/deals/leads';
import { logActivity } from './app/deals/activities';
import { loadDemoDataWith, DemoRequest } from './app/setup/demo';
import { dispatchHandEdit } from './app/handEdits/editDispatch';
import { loadConfig } from './app/kernel/config';
import { getCatalog, getQuote, saveQuote } from './app/documents/quotes';
import { generateDocument, installTemplates } from './app/documents/documents';
import { gasDocs, gasDocumentCounter } from './gas/documents/docs';
import { PLACEHOLDERS } from './app/documents/templating';
import { applyPlan, completeCheckpoint, getHealth, recomputeAllHealth, refreshDelayReport, saveCheckpoint } from './app/checkpoints/checkpoints';
import { WorkbookError } from './workbook/errors';
import { gasMail, gasSheetLinks } from './gas/mail/mail';
import { queueDigests } from './app/mail/digest';
import { cancelMessage, describeDrain, drainOutbox, listOutbox, outboxOfDeal, requeueMessage } from './app/mail/outbox';
import { previewDocumentMail, sendDocument, sendStageMailAgain } from './app/mail/notifications';
import { loadDeal } from './app/deals/deals';
import { Ports } from './ports';
import { UseCaseContext } from './app/kernel/session';
import { findClients, getClientCard, updateClient } from './app/clients/clients';
import { newDealForClient } from './app/clients/clientDeals';
import { forgetClientIndex } from './app/clients/clientIndex';
import { dryRunImport, importProgress, listImports, prepareImport, runImportChunk, undoImport } from './app/clients/clientImport';
import { exportClients } from './app/clients/clientExport';
import { dismissDuplicates, listDuplicates, mergeClients } from './app/clients/clientMerge';
import { gasClientIndexStore, gasZip } from './gas/clients/clientServices';
import { bookMeeting, findMeetingSlots, getPlanner, syncMeetings } from './app/meetings/meetings';
import { calendarFor, sheetLink } from './gas/meetings/meetings';
import { beginHourlyRun } from './app/background/hourlyRun';

import { menuFor } from './domain/kernel/menu';
import { roleOf } from './app/kernel/ownerActions';
import { accessRefusal, triggerOwnerRefusal } from './app/kernel/access';
import { refusalFor } from './domain/kernel/access';
import { Role } from './domain/kernel/roles';
import { documentStatus } from './app/documents/documentStatus';
import { getToday } from './app/deals/today';
import { putStageBack, requireCellAddress } from './app/handEdits/stageProblems';
import { goToCell } from './gas/handEdits/goToCell';
import { settingCell } from './app/setup/settingCell';
import { changeStamp, noteHandEdit, noteWrite, readBoardStamp, stamping } from './gas/deals/boardStamp';
import { deletePayment, getDealMoney, recordPayment, updatePayment } from './app/money/payments';
import { markInvoiceIssued } from './app/money/invoices';
import { listDebts, overdueInvoices } from './app/money/debts';
import { getDashboard } from './app/reports/dashboard';
import { StripeServices, checkPaymentNow, refreshLinksAfterPayment, setStripeKey, stripeKeyStatus } from './app/money/stripeLinks';
import { gasStripe } from './gas/money/stripe';
import { STRIPE_DIALOG_HTML } from './app/money/stripeDialog';
import { refreshDashboardSheet } from './app/reports/dashboardSheet';
import { listBackups, runBackup } from './app/backup/backup';
import { applyRestore, previewRestore } from './app/backup/backupRestore';
import { gasBackupStorage } from './gas/backup/backupStorage';
import { runArchive } from './app/backup/archive';
import { getArchivedOrders } from './app/backup/archivedOrders';
import { InputError } from './app/kernel/validate';
import { refreshConfig } from './app/kernel/config';
import { DEADLINE_MS } from './app/background/scheduler';

import { applyBriefAnswer, checkBriefAnswersNow, getBrief, quoteFromBrief, sendBrief } from './app/briefs/briefs';
import { gasForms } from './gas/briefs/forms';

import { computeChecklist, keepChecklistItem, sidebarChecklist } from './app/setup/setupChecklist';
import { describeChecklist } from './domain/setup/setupChecklist';
import { addTrip, printDayPlan } from './app/meetings/trips';

const ADDON_TITLE = 'Dealboard';

export function onOpen(e?: GoogleAppsScript.Events.SheetsOnOpen): void {
  // Runs in AuthMode.NONE for an add-on not yet used in this document: menus only, every item.
  const menu = SpreadsheetApp.getUi().createAddonMenu();
  for (const entry of menuFor(menuRole(e))) {
    if (entry === 'separator') menu.addSeparator(); else menu.addItem(entry.caption, entry.functionName);
  }
  menu.addToUi();
}

/** The role is knowable only where the document may be read (not in AuthMode.NONE). */
function menuRole(e?: GoogleAppsScript.Events.SheetsOnOpen): Role | null {
  const mode = e && (e as unknown as { authMode?: unknown }).authMode;
  if (!e || mode === undefined || String(mode) === 'NONE') return null;
  return roleOf(gasPorts());
}

/**
 * Issue 20: every global checks its caller against the access table (src/domain/kernel/access.ts).
 * A menu item refused gets an alert with a plain sentence (not "Error in loadDemoData") and
 * returns before anything is written.
 */
function refusedMenuAction(functionName: string): boolean {
  const refusal = accessRefusal(gasPorts(), functionName);
  if (!refusal) return false;
  SpreadsheetApp.getUi().alert(refusal);
  return true;
}

/** A global that is neither a menu item nor a sidebar call: refused with a thrown plain Error. */
function requireAccess(functionName: string): void {
  const refusal = accessRefusal(gasPorts(), functionName);
  if (refusal) throw new Error(refusal);
}

/** An installable trigger acts only when the execution is the installing owner's. */
function requireTriggerOwner(functionName: string): void {
  const refusal = triggerOwnerRefusal(gasPorts(), functionName);
  if (refusal) throw new Error(refusal);
}

export function onInstall(e?: GoogleAppsScript.Events.AddonOnInstall): void {
  onOpen(e as unknown as GoogleAppsScript.Events.SheetsOnOpen);
}

export function setupWorkbook() {
  if (refusedMenuAction('setupWorkbook')) return null;
  // Setup writes headers and formats through SpreadsheetApp itself, not the sheet adapter.
  const { report, checklist } = stamping(() => {
    noteWrite();
    const ports = gasPorts();
    const read = {};
    const done = setupWorkbookWith(ports, read);
    return { report: done, checklist: computeChecklist(ports, loadConfig(ports), read) };
  });
  // Issue 21, item 7: setup ends with what is still to fill in or still the default.
  SpreadsheetApp.getActive().toast(describeSetup(report, describeChecklist(checklist.items)), ADDON_TITLE, 20);
  return plain(report);
}

export function loadDemoData(request?: DemoRequest) {
  if (refusedMenuAction('loadDemoData')) return null;
  const result = userFacing(() => loadDemoDataWith(gasPorts(), request));
  SpreadsheetApp.getActive().toast(`Demo studio loaded: ${result.deals} deals, ${result.clients} clients, ${result.leads} requests.`, ADDON_TITLE, 8);
  return result;
}

export function installDocumentTemplates() {
  if (refusedMenuAction('installDocumentTemplates')) return null;
  const result = userFacing(() => installTemplates(gasPorts(), gasDocs()));
  const message = result.created.length
    ? `Templates created: ${result.created.join(', ')}. Edit them in Drive, in the "Dealboard templates" folder.`
    : 'All templates were already there; your edits were kept.';
  SpreadsheetApp.getActive().toast(message, ADDON_TITLE, 8);
  return result;
}

export function openBoard(): void {
  if (refusedMenuAction('openBoard')) return;
  const html = HtmlService.createHtmlOutputFromFile('Sidebar').setTitle(ADDON_TITLE);
  SpreadsheetApp.getUi().showSidebar(html);
}

export function openFullBoard(): void {
  if (refusedMenuAction('openFullBoard')) return;
  const html = HtmlService.createHtmlOutputFromFile('Sidebar').setWidth(1280).setHeight(800);
  SpreadsheetApp.getUi().showModelessDialog(html, `${ADDON_TITLE} — deal board`);
}

export function openDesk(): void {
  if (refusedMenuAction('openDesk')) return;
  const html = HtmlService.createHtmlOutputFromFile('Sidebar')
    .append('<script>window.DEALBOARD_VIEW = "desk";</script>')
    .setTitle(`${ADDON_TITLE} — my desk`);
  SpreadsheetApp.getUi().showSidebar(html);
}

export function recomputeHealth() {
  if (refusedMenuAction('recomputeHealth')) return null;
  const ports = gasPorts();
  const counts = userFacing(() => recomputeAllHealth(ports, loadConfig(ports)));
  SpreadsheetApp.getActive().toast(`Health: ${counts.red} red, ${counts.amber} amber, ${counts.green} green, ${counts.white} white.`, ADDON_TITLE, 6);
  return counts;
}

export function refreshDelayReportNow() {
  if (refusedMenuAction('refreshDelayReportNow')) return null;
  const ports = gasPorts();
  const rows = userFacing(() => refreshDelayReport(ports, loadConfig(ports)));
  SpreadsheetApp.getActive().toast(`Delay report refreshed (${rows} rows).`, ADDON_TITLE, 6);
  return rows;
}

export function onEditInstalled(e: GoogleAppsScript.Events.SheetsOnEdit): void {
  // Runs as the owner who installed it; the editor (e.user) is who the audit names.
  requireTriggerOwner('onEditInstalled');
  // A hand edit changed the workbook whatever the handler writes: open boards should follow, and
  // the dashboard's snapshot re-reads the edited rows (boardStamp.ts, the row journal).
  stamping(() => handleHandEdit(e));
}

function handleHandEdit(e: GoogleAppsScript.Events.SheetsOnEdit): void {
  let facts: ReturnType<typeof editFactsOf> = null;
  try {
    facts = editFactsOf(e);
  } finally {
    noteHandEdit(facts);
  }
  dispatchHandEdit(gasPorts(), facts, {
    problems: gasProblemStore,
    clientIndex: gasClientIndexStore,
    applySettingsDropdowns: (settings) => applySettingsDropdowns(SpreadsheetApp.getActive(), settings),
  });
}

/**
 * Hourly: every background job under one scheduler with a shared deadline (issue 26): config
 * cache, health, delay report, digests, the e-mail drain, meeting sync, import continuation.
 */
export function onHourly(): void {
  requireTriggerOwner('onHourly');
  const hourly = beginHourlyRun(gasPorts());
  stamping(() => {
    hourly.run(() => ({ mail: gasMail(), links: gasSheetLinks(), calendarFor, clientIndex: gasClientIndexStore(), problems: gasProblemStore(), backups: gasBackupStorage(), forms: gasForms(), stripe: stripeServices() }), changeStamp);
  });
}

export function api_getBoard(filter?: unknown) {
  return api('api_getBoard', (ctx) => getBoard(ctx, filter as never, gasProblemStore().get()));
}

/**
 * The board's change stamp (issue 11 item 17): the sidebar asks on focus and every few minutes
 * and reloads the board only when it changed. One property read, no cells; the caller check
 * (issue 20) adds one cache read of the config and the session, never cells: the stamp tells
 * when the team works, which is no stranger's business.
 */
export function api_boardStamp() {
  return api('api_boardStamp', () => ({ stamp: readBoardStamp() }));
}

/** Selects the cell a problem names in the sheet (the problem list's "Go to the cell"). */
export function api_goToCell(tab: unknown, row: unknown, column: unknown) {
  return api('api_goToCell', () => {
    goToCell(requireCellAddress(tab, row, column));
    return { ok: true };
  });
}

/** Selects a Settings key's Value cell (issue 22: the seller-details refusal's "Open Settings"). */
export function api_goToSetting(key: unknown) {
  return api('api_goToSetting', (ctx) => {
    const address = settingCell(ctx, key);
    goToCell(address);
    return { ok: true, row: address.row };
  });
}

/** Writes the last accepted stage back into a cell that holds a refused one (the problem list's "Put it back"). */
export function api_putStageBack(row: unknown) {
  return api('api_putStageBack', (ctx) => putStageBack(ctx, gasProblemStore(), row));
}

/** The director's dashboard (issue 23): cached under the change stamp; a manager gets only their own figures. */
export function api_getDashboard(period: unknown, manager: unknown) {
  return api('api_getDashboard', (ctx) => getDashboard(ctx, period, manager, readBoardStamp()));
}

/** Menu: this month's figures as values on the Dashboard tab (heads and the owner). */
export function refreshDashboardTab() {
  if (refusedMenuAction('refreshDashboardTab')) return null;
  const ports = gasPorts();
  const rows = userFacing(() => refreshDashboardSheet(begin(ports), readBoardStamp()));
  SpreadsheetApp.getActive().toast(`Dashboard tab refreshed (${rows} figures).`, ADDON_TITLE, 6);
  return rows;
}

/** Menu: the dashboard in a large modeless dialog. */
export function openDashboard(): void {
  if (refusedMenuAction('openDashboard')) return;
  const html = HtmlService.createHtmlOutputFromFile('Sidebar')
    .append('<script>window.DEALBOARD_VIEW = "dashboard";</script>')
    .setWidth(1100).setHeight(780);
  SpreadsheetApp.getUi().showModelessDialog(html, `${ADDON_TITLE} — dashboard`);
}

export function api_getDeal(dealId: unknown) {
  return api('api_getDeal', (ctx) => getDeal(ctx, dealId));
}

export function api_moveDeal(dealId: unknown, toStage: unknown, position: unknown, expectedVersion: unknown, neighbours?: unknown) {
  return api('api_moveDeal', (ctx) => moveDeal(ctx, dealId, toStage, position, expectedVersion, neighbours));
}

/** The toast's Undo after a move, for a minute (issue 21 item 2). */
export function api_undoMove(dealId: unknown, expectedVersion: unknown) {
  return api('api_undoMove', (ctx) => undoMove(ctx, dealId, expectedVersion));
}

export function api_updateDeal(dealId: unknown, patch: unknown, expectedVersion: unknown, base?: unknown) {
  return api('api_updateDeal', (ctx) => updateDeal(ctx, dealId, patch, expectedVersion, base, gasClientIndexStore()));
}

export function api_addLead(input: unknown, requestId?: unknown) {
  return api('api_addLead', (ctx) => addLead(ctx, input, gasClientIndexStore(), requestId));
}

export function api_convertLead(leadId: unknown, nextContactAt?: unknown, requestId?: unknown) {
  return api('api_convertLead', (ctx) => convertLead(ctx, leadId, gasClientIndexStore(), nextContactAt, requestId));
}

// Issue 11 item 15: the signed-in manager's overdue and today's calls and meetings.
export function api_getToday(options?: unknown) {
  return api('api_getToday', (ctx) => getToday(ctx, options));
}

export function api_junkLead(leadId: unknown) {
  return api('api_junkLead', (ctx) => junkLead(ctx, leadId));
}

export function api_logActivity(input: unknown) {
  return api('api_logActivity', (ctx) => logActivity(ctx, input));
}

export function api_getHealth(scope?: unknown) {
  return api('api_getHealth', (ctx) => getHealth(ctx, scope, readBoardStamp()));
}

export function api_applyPlan(dealId: unknown, planName: unknown, startDate: unknown) {
  return api('api_applyPlan', (ctx) => applyPlan(ctx, dealId, planName, startDate));
}

export function api_saveCheckpoint(input: unknown) {
  return api('api_saveCheckpoint', (ctx) => saveCheckpoint(ctx, input));
}

export function api_completeCheckpoint(checkpointId: unknown, done: unknown, dealId?: unknown) {
  return api('api_completeCheckpoint', (ctx) => completeCheckpoint(ctx, checkpointId, done, dealId));
}

export function api_getCatalog() {
  return api('api_getCatalog', (ctx) => getCatalog(ctx));
}

export function api_getQuote(dealId: unknown) {
  return api('api_getQuote', (ctx) => getQuote(ctx, dealId));
}

export function api_saveQuote(dealId: unknown, quote: unknown, expectedVersion: unknown, requestId?: unknown) {
  return api('api_saveQuote', (ctx) => saveQuote(ctx, dealId, quote, expectedVersion, requestId));
}

export function api_generateDocument(dealId: unknown, kind: unknown, options?: unknown, requestId?: unknown) {
  return api('api_generateDocument', (ctx) => generateDocument(ctx, gasDocs(), gasDocumentCounter(), dealId, kind, options, requestId, stripeServices()));
}

export function api_installTemplates() {
  return api('api_installTemplates', (_ctx, ports) => installTemplates(ports, gasDocs()));
}

export function api_getPlaceholders() {
  return api('api_getPlaceholders', () => PLACEHOLDERS);
}

// ---- Client base (issue 14): search and caller lookup, the client card, import, export ----

export function openClientBase(): void {
  if (refusedMenuAction('openClientBase')) return;
  const html = HtmlService.createHtmlOutputFromFile('Sidebar')
    .append('<script>window.DEALBOARD_VIEW = "clients";</script>')
    .setTitle(`${ADDON_TITLE} — clients`);
  SpreadsheetApp.getUi().showSidebar(html);
}

export function api_findClients(query: unknown) {
  return api('api_findClients', (ctx) => findClients(ctx, gasClientIndexStore(), query));
}

export function api_getClient(clientId: unknown) {
  return api('api_getClient', (ctx) => getClientCard(ctx, clientId));
}

export function api_updateClient(clientId: unknown, patch: unknown, expectedVersion: unknown, base?: unknown) {
  return api('api_updateClient', (ctx) => updateClient(ctx, gasClientIndexStore(), clientId, patch, expectedVersion, base));
}

/** The client card's "New deal": a deal in New for this client, with its call back. */
export function api_newDealForClient(clientId: unknown, input: unknown) {
  return api('api_newDealForClient', (ctx) => newDealForClient(ctx, clientId, input));
}

export function api_prepareImport(upload: unknown) {
  return api('api_prepareImport', (ctx) => prepareImport(ctx, gasClientIndexStore(), gasZip(), upload));
}

export function api_dryRunImport(importId: unknown, mapping: unknown) {
  return api('api_dryRunImport', (ctx) => dryRunImport(ctx, gasClientIndexStore(), importId, mapping));
}

export function api_runImport(importId: unknown, mapping: unknown) {
  return api('api_runImport', (ctx) => runImportChunk(ctx, gasClientIndexStore(), importId, mapping));
}

export function api_importProgress(importId: unknown) {
  return api('api_importProgress', (ctx) => importProgress(ctx, importId));
}

export function api_listImports() {
  return api('api_listImports', (ctx) => listImports(ctx));
}

export function api_undoImport(importId: unknown) {
  return api('api_undoImport', (ctx) => undoImport(ctx, gasClientIndexStore(), importId));
}

/** Settings client_groups (the export's group filter): from the cached config, no cells read. */
export function api_clientGroups() {
  return api('api_clientGroups', (ctx) => ctx.config.settings.clientGroups.slice());
}

export function api_exportClients(request: unknown) {
  return api('api_exportClients', (ctx) => exportClients(ctx, gasZip(), request));
}

export function api_listDuplicates() {
  return api('api_listDuplicates', (ctx) => listDuplicates(ctx));
}

export function api_mergeClients(keepId: unknown, mergeIds: unknown) {
  return api('api_mergeClients', (ctx) => mergeClients(ctx, gasClientIndexStore(), keepId, mergeIds));
}

// Meetings (issue 13): slots from the manager's calendar, booking, the planner, sync.
export function api_findMeetingSlots(dealId: unknown, request: unknown) {
  return api('api_findMeetingSlots', (ctx) => findMeetingSlots(ctx, calendarFor(ctx), dealId, request));
}

export function api_bookMeeting(dealId: unknown, request: unknown) {
  return api('api_bookMeeting', (ctx) => bookMeeting(ctx, calendarFor(ctx), sheetLink(), dealId, request));
}

export function api_getPlanner() {
  return api('api_getPlanner', (ctx) => getPlanner(ctx, calendarFor(ctx)));
}

export function api_syncMeetings() {
  return api('api_syncMeetings', (ctx) => ctx.ports.lock.withDocumentLock(() => syncMeetings(ctx, calendarFor(ctx))));
}

/** "Not duplicates": the pairs of these clients are never listed again (issue 21, item 14). */
export function api_dismissDuplicates(ids: unknown) {
  return api('api_dismissDuplicates', (ctx) => dismissDuplicates(ctx, ids));
}

/** The planner's trips and the day plan to take along (issue 21, item 6). */
export function api_addTrip(input: unknown) {
  return api('api_addTrip', (ctx) => addTrip(ctx, input));
}

export function api_printDayPlan(input?: unknown) {
  return api('api_printDayPlan', (ctx) => printDayPlan(ctx, gasDocs(), input));
}

/** The owner's setup checklist (issue 21, item 7): shown in the sidebar until every item is done. */
export function api_setupChecklist() {
  return api('api_setupChecklist', (ctx, ports) => sidebarChecklist(ports, ctx.config));
}

export function api_keepSetupItem(key: unknown) {
  return api('api_keepSetupItem', (ctx, ports) => keepChecklistItem(ports, ctx.config, key));
}

/** One sidebar call: the caller is identified and checked, errors become plain messages. */
function api<T>(functionName: string, run: (ctx: UseCaseContext, ports: Ports) => T): T {
  return userFacing(() => {
    const ports = gasPorts();
    const ctx = begin(ports);
    // The access table (src/domain/kernel/access.ts); the use case then applies its finer rules.
    const refusal = refusalFor(functionName, { role: ctx.actor.role, teamEmpty: false });
    if (refusal) throw new WorkbookError(refusal);
    return plain(run(ctx, ports));
  });
}

function userFacing<T>(run: () => T): T {
  try {
    return stamping(run);
  } catch (error) {
    if (error instanceof WorkbookError) throw new Error(error.message);
    const message = error instanceof Error ? error.message : String(error);
    console.error(error);
    throw new Error(`Dealboard could not finish: ${message}`);
  }
}

/** Only plain JSON crosses google.script.run: a stray Date would make the whole call fail. */
function plain<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

// ---- E-mail notifications (issue 12) ------------------------------------------------------

/** Menu: drain the outbox now (the hourly trigger does the same). */
export function sendQueuedMailNow() {
  if (refusedMenuAction('sendQueuedMailNow')) return null;
  const result = userFacing(() => drainOutbox(gasPorts(), gasMail(), { problems: gasProblemStore() }));
  SpreadsheetApp.getActive().toast(describeDrain(result), ADDON_TITLE, 8);
  return plain(result);
}

// The brief by link (issue 25).
export function api_getBrief(dealId: unknown) {
  return api('api_getBrief', (ctx) => getBrief(ctx, dealId));
}

export function api_sendBrief(dealId: unknown, template: unknown, confirmed: unknown) {
  return api('api_sendBrief', (ctx) => sendBrief(ctx, gasForms(), gasMail(), dealId, template, confirmed));
}

export function api_checkBriefAnswers(dealId: unknown) {
  return api('api_checkBriefAnswers', (ctx) => checkBriefAnswersNow(ctx, gasForms(), dealId));
}

export function api_applyBriefAnswer(dealId: unknown, answerId: unknown, version: unknown) {
  return api('api_applyBriefAnswer', (ctx) => applyBriefAnswer(ctx, dealId, answerId, version));
}

export function api_quoteFromBrief(dealId: unknown) {
  return api('api_quoteFromBrief', (ctx) => quoteFromBrief(ctx, dealId));
}

/** What Send would send, nothing written (issue 21, item 11): the sidebar shows it and sends from it. */
export function api_previewDocumentMail(dealId: unknown, kind: unknown) {
  return api('api_previewDocumentMail', (ctx) => previewDocumentMail(ctx, dealId, kind));
}

export function api_sendDocument(dealId: unknown, kind: unknown, confirmed: unknown) {
  return api('api_sendDocument', (ctx) => sendDocument(ctx, gasMail(), dealId, kind, confirmed));
}

export function api_sendQueuedMail() {
  return api('api_sendQueuedMail', (_ctx, ports) => {
    const result = drainOutbox(ports, gasMail(), { problems: gasProblemStore() });
    return { ...result, message: describeDrain(result) };
  });
}

export function api_getOutbox(dealId?: unknown) {
  return api('api_getOutbox', (ctx) => {
    if (dealId === undefined || dealId === null) return listOutbox(ctx);
    const { deal } = loadDeal(ctx, String(dealId));
    return outboxOfDeal(ctx, dealId, deal.manager);
  });
}

export function api_cancelMessage(messageId: unknown) {
  return api('api_cancelMessage', (ctx) => cancelMessage(ctx, messageId));
}

export function api_requeueMessage(messageId: unknown) {
  return api('api_requeueMessage', (ctx) => requeueMessage(ctx, messageId));
}

/** The manager asks for the e-mail of the deal's current stage once more (issue 21, item 2). */
export function api_sendStageMailAgain(dealId: unknown) {
  return api('api_sendStageMailAgain', (ctx) => sendStageMailAgain(ctx, dealId));
}

/** Queues today's digests if not done yet (from the digest hour), then drains: what the hourly trigger does for mail. */
export function sendMorningDigestNow() {
  requireAccess('sendMorningDigestNow');
  const ports = gasPorts();
  // Issue 26: queue and send under one hold of the lock (one release flush instead of two; the
  // drain still flushes each "sending" mark before its send).
  return plain(userFacing(() => ports.lock.withDocumentLock(() => ({ digest: queueDigests(ports, loadConfig(ports), gasSheetLinks()), drain: drainOutbox(ports, gasMail(), { problems: gasProblemStore() }) }))));
}

// Issue 11 item 12: documents made from an older quote revision are marked on the card.
export function api_documentStatus(dealId: unknown) {
  return api('api_documentStatus', (ctx) => documentStatus(ctx, dealId));
}

// ---- Money in (issue 22): payments from the card, invoice status, debts --------------------

export function api_getDealMoney(dealId: unknown) {
  return api('api_getDealMoney', (ctx) => getDealMoney(ctx, dealId));
}

export function api_recordPayment(input: unknown, requestId?: unknown) {
  return api('api_recordPayment', (ctx) => refreshLinksAfterPayment(ctx, stripeServices(), recordPayment(ctx, input, '', requestId)));
}

export function api_updatePayment(dealId: unknown, paymentId: unknown, patch: unknown, expectedVersion: unknown) {
  return api('api_updatePayment', (ctx) => refreshLinksAfterPayment(ctx, stripeServices(), updatePayment(ctx, dealId, paymentId, patch, expectedVersion)));
}

/** The overdue invoices of a manager's deals (Today, the desk): a manager their own, a head or the owner anyone's ('all': every manager's). */
export function api_getOverdueInvoices(manager?: unknown) {
  return api('api_getOverdueInvoices', (ctx) => overdueInvoices(ctx, manager));
}

/** Who owes what: issued invoices with money due, for the owner and heads. */
export function api_listDebts() {
  return api('api_listDebts', (ctx) => listDebts(ctx));
}

/** A credit note (CRN- series) that cancels an issued invoice of the deal. */
export function api_createCreditNote(dealId: unknown, invoiceNumber: unknown, requestId?: unknown) {
  return api('api_createCreditNote', (ctx) => generateDocument(ctx, gasDocs(), gasDocumentCounter(), dealId, 'credit', { cancels: invoiceNumber }, requestId));
}

export function api_markInvoiceIssued(dealId: unknown, invoiceNumber: unknown) {
  return api('api_markInvoiceIssued', (ctx) => markInvoiceIssued(ctx, dealId, invoiceNumber));
}

export function api_deletePayment(dealId: unknown, paymentId: unknown, expectedVersion: unknown) {
  return api('api_deletePayment', (ctx) => refreshLinksAfterPayment(ctx, stripeServices(), deletePayment(ctx, dealId, paymentId, expectedVersion)));
}

// ---- Backups and restore (issue 24) -------------------------------------------------------
function backUpWith(ctx: UseCaseContext) {
  const settings = ctx.config.settings.backups;
  const out = runBackup(ctx.ports, gasBackupStorage(), {
    by: ctx.actor.email, trigger: 'manual', deadline: ctx.ports.clock.now().getTime() + DEADLINE_MS,
    keepDaily: settings.keepDaily, keepWeekly: settings.keepWeekly,
  });
  const message = out.status === 'done'
    ? `Backup made: ${out.record ? out.record.cells : 0} cells in the "Dealboard backups" folder.`
    : `Backup started: ${out.left} tabs left; run Back up now again (or the hourly run goes on with it).`;
  return { status: out.status, message, url: out.record ? out.record.url : null };
}
/** Menu: a backup now (owner and heads). */
export function backUpNow() {
  if (refusedMenuAction('backUpNow')) return null;
  const result = userFacing(() => backUpWith(begin(gasPorts())));
  SpreadsheetApp.getActive().toast(result.message, ADDON_TITLE, 8);
  return result;
}
/** Menu: the Backups panel (owner): the list, the warning, restore with a diff. */
export function openBackups(): void {
  if (refusedMenuAction('openBackups')) return;
  const html = HtmlService.createHtmlOutputFromFile('Sidebar')
    .append('<script>window.DEALBOARD_VIEW = "backups";</script>')
    .setTitle(`${ADDON_TITLE} — backups`);
  SpreadsheetApp.getUi().showSidebar(html);
}
export function api_backUpNow() {
  return api('api_backUpNow', (ctx) => backUpWith(ctx));
}
export function api_listBackups() {
  return api('api_listBackups', (_ctx, ports) => listBackups(ports));
}
export function api_previewRestore(backupId: unknown, scope: unknown) {
  return api('api_previewRestore', (ctx) => previewRestore(ctx, gasBackupStorage(), backupId, scope));
}
export function api_applyRestore(backupId: unknown, scope: unknown, remove: unknown) {
  return api('api_applyRestore', (ctx, ports) => {
    const result = applyRestore(ctx, gasBackupStorage(), backupId, scope, remove);
    // Cached copies of restored tabs are dropped: the client index and the config.
    const tabs = result.tabs.map((t) => t.tab);
    if (tabs.indexOf('Clients') >= 0) forgetClientIndex(gasClientIndexStore());
    if (tabs.indexOf('Settings') >= 0 || tabs.indexOf('Users') >= 0) refreshConfig(ports);
    return result;
  });
}

// ---- Yearly archives (issue 24) -----------------------------------------------------------
/** Owner: archive now what Settings archive_after_months says (the hourly run does it daily). */
export function api_archiveNow() {
  return api('api_archiveNow', (ctx) => {
    const months = ctx.config.settings.archive.afterMonths;
    if (months === null) throw new InputError(ctx.config.settings.archive.problem || 'Archiving is off: set archive_after_months on the Settings tab.');
    const out = runArchive(ctx.ports, gasBackupStorage(), { months, deadline: ctx.ports.clock.now().getTime() + DEADLINE_MS });
    if (out.moved > 0) forgetClientIndex(gasClientIndexStore());
    return { ...out, message: `${out.moved} closed deals archived${out.more ? '; the rest follow with the next run' : ''}.` };
  });
}
/** The client card's archived orders, read from the yearly archives on demand. */
export function api_getArchivedOrders(clientId: unknown) {
  return api('api_getArchivedOrders', (ctx) => getArchivedOrders(ctx, gasBackupStorage(), clientId));
}

// ---- Stripe Payment Links (issue 22) -------------------------------------------------------

function stripeServices(): StripeServices {
  return { http: gasStripe(), workbookId: () => SpreadsheetApp.getActive().getId() };
}

/** The card's "Check payment now": the deal's Stripe links, now rather than at the next hourly run. */
export function api_checkPaymentNow(dealId: unknown) {
  return api('api_checkPaymentNow', (ctx) => checkPaymentNow(ctx, stripeServices(), dealId));
}

/** Owner only: whether a Stripe key is stored, test or live, and its last four characters. */
export function api_stripeKeyStatus() {
  return api('api_stripeKeyStatus', (ctx) => stripeKeyStatus(ctx));
}

/** Owner only: stores the key in document properties after Stripe accepted it ('' removes it). */
export function api_setStripeKey(key: unknown) {
  return api('api_setStripeKey', (ctx) => setStripeKey(ctx, stripeServices(), key));
}

/** Menu (owner): the Stripe key dialog. */
export function openStripeSettings(): void {
  if (refusedMenuAction('openStripeSettings')) return;
  const html = HtmlService.createHtmlOutput(STRIPE_DIALOG_HTML).setWidth(460).setHeight(340);
  SpreadsheetApp.getUi().showModalDialog(html, `${ADDON_TITLE} — Stripe key`);
}
