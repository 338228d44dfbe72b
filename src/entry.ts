// Composition root. Every export becomes an Apps Script global: simple triggers, menu
// actions, installable trigger handlers and the api_* functions the sidebar calls.
import { gasPorts } from './gas/ports';
import { applySettingsDropdowns, describeSetup, setupWorkbookWith } from './gas/setup';
import { gasProblemStore, editFactsOf } from './gas/edits';
import { begin } from './app/session';
import { getBoard, getDeal, moveDeal, updateDeal } from './app/deals';
import { undoMove } from './app/moveUndo';
import { addLead, convertLead, junkLead } from './app/leads';
import { logActivity } from './app/activities';
import { loadDemoDataWith, DemoRequest } from './app/demo';
import { handleEdit } from './app/handEdits';
import { refreshConfig, loadConfig } from './app/config';
import { getCatalog, getQuote, saveQuote } from './app/quotes';
import { generateDocument, installTemplates } from './app/documents';
import { gasDocs, gasDocumentCounter } from './gas/docs';
import { PLACEHOLDERS } from './app/templating';
import { applyPlan, completeCheckpoint, getHealth, recomputeAllHealth, refreshDelayReport, saveCheckpoint } from './app/checkpoints';
import { WorkbookError } from './workbook/errors';
import { gasMail, gasSheetLinks } from './gas/mail';
import { queueDigests } from './app/digest';
import { cancelMessage, describeDrain, drainOutbox, listOutbox, outboxOfDeal, requeueMessage } from './app/outbox';
import { sendDocument } from './app/notifications';
import { loadDeal } from './app/deals';
import { Ports } from './ports';
import { UseCaseContext } from './app/session';
import { findClients, getClientCard, updateClient } from './app/clients';
import { newDealForClient } from './app/clientDeals';
import { forgetClientIndex } from './app/clientIndex';
import { continueImports, dryRunImport, importProgress, listImports, prepareImport, runImportChunk, undoImport } from './app/clientImport';
import { exportClients } from './app/clientExport';
import { listDuplicates, mergeClients } from './app/clientMerge';
import { gasClientIndexStore, gasZip } from './gas/clientServices';
import { bookMeeting, findMeetingSlots, getPlanner, syncMeetings } from './app/meetings';
import { calendarFor, sheetLink, syncMeetingsForTrigger } from './gas/meetings';

import { menuFor } from './domain/menu';
import { ownerActionRefusal, roleOf } from './app/ownerActions';
import { Role } from './domain/roles';
import { documentStatus } from './app/documentStatus';
import { getToday } from './app/today';
import { putStageBack, requireCellAddress } from './app/stageProblems';
import { goToCell } from './gas/goToCell';
import { noteWrite, readBoardStamp, stamping } from './gas/boardStamp';

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

/** A non-owner running an owner action gets a plain sentence, not "Error in loadDemoData". */
function refusedOwnerAction(functionName: string): boolean {
  const refusal = ownerActionRefusal(gasPorts(), functionName);
  if (!refusal) return false;
  SpreadsheetApp.getUi().alert(refusal);
  return true;
}

export function onInstall(e?: GoogleAppsScript.Events.AddonOnInstall): void {
  onOpen(e as unknown as GoogleAppsScript.Events.SheetsOnOpen);
}

export function setupWorkbook() {
  if (refusedOwnerAction('setupWorkbook')) return null;
  // Setup writes headers and formats through SpreadsheetApp itself, not the sheet adapter.
  const report = stamping(() => { noteWrite(); return setupWorkbookWith(gasPorts()); });
  SpreadsheetApp.getActive().toast(describeSetup(report), ADDON_TITLE, 8);
  return plain(report);
}

export function loadDemoData(request?: DemoRequest) {
  if (refusedOwnerAction('loadDemoData')) return null;
  const result = userFacing(() => loadDemoDataWith(gasPorts(), request));
  SpreadsheetApp.getActive().toast(`Demo studio loaded: ${result.deals} deals, ${result.clients} clients, ${result.leads} requests.`, ADDON_TITLE, 8);
  return result;
}

export function installDocumentTemplates() {
  const result = userFacing(() => installTemplates(gasPorts(), gasDocs()));
  const message = result.created.length
    ? `Templates created: ${result.created.join(', ')}. Edit them in Drive, in the "Dealboard templates" folder.`
    : 'All templates were already there; your edits were kept.';
  SpreadsheetApp.getActive().toast(message, ADDON_TITLE, 8);
  return result;
}

export function openBoard(): void {
  const html = HtmlService.createHtmlOutputFromFile('Sidebar').setTitle(ADDON_TITLE);
  SpreadsheetApp.getUi().showSidebar(html);
}

export function openFullBoard(): void {
  const html = HtmlService.createHtmlOutputFromFile('Sidebar').setWidth(1280).setHeight(800);
  SpreadsheetApp.getUi().showModelessDialog(html, `${ADDON_TITLE} — deal board`);
}

export function openDesk(): void {
  const html = HtmlService.createHtmlOutputFromFile('Sidebar')
    .append('<script>window.DEALBOARD_VIEW = "desk";</script>')
    .setTitle(`${ADDON_TITLE} — my desk`);
  SpreadsheetApp.getUi().showSidebar(html);
}

export function recomputeHealth() {
  const ports = gasPorts();
  const counts = userFacing(() => recomputeAllHealth(ports, loadConfig(ports)));
  SpreadsheetApp.getActive().toast(`Health: ${counts.red} red, ${counts.amber} amber, ${counts.green} green, ${counts.white} white.`, ADDON_TITLE, 6);
  return counts;
}

export function refreshDelayReportNow() {
  const ports = gasPorts();
  const rows = userFacing(() => refreshDelayReport(ports, loadConfig(ports)));
  SpreadsheetApp.getActive().toast(`Delay report refreshed (${rows} rows).`, ADDON_TITLE, 6);
  return rows;
}

export function onEditInstalled(e: GoogleAppsScript.Events.SheetsOnEdit): void {
  // A hand edit changed the workbook whatever the handler writes: open boards should follow.
  noteWrite();
  stamping(() => handleHandEdit(e));
}

function handleHandEdit(e: GoogleAppsScript.Events.SheetsOnEdit): void {
  const ports = gasPorts();
  const facts = editFactsOf(e);
  if (facts && facts.sheetName === 'Clients') forgetClientIndex(gasClientIndexStore());
  // Settings client_groups or a stage name edited: the dropdowns they feed follow at once (only when a list changed).
  const lists = (s: { clientGroups: string[]; stageNames: Record<string, string> }) => s.clientGroups.join('\n') + '\n' + JSON.stringify(s.stageNames);
  const listsBefore = facts && facts.sheetName === 'Settings' ? lists(loadConfig(ports).settings) : null;
  if (facts) handleEdit(ports, gasProblemStore(), facts);
  if (listsBefore !== null) {
    const settings = loadConfig(ports).settings;
    if (lists(settings) !== listsBefore) applySettingsDropdowns(SpreadsheetApp.getActive(), settings);
  }
}

/** Hourly: keep the config cache warm, let passing time turn deals red, refresh the report. */
export function onHourly(): void {
  stamping(hourly);
}

function hourly(): void {
  const startedAt = Date.now();
  const ports = gasPorts();
  const config = refreshConfig(ports);
  recomputeAllHealth(ports, config);
  refreshDelayReport(ports, config);
  queueDigests(ports, config, gasSheetLinks());
  drainOutbox(ports, gasMail());
  syncMeetingsForTrigger(ports);
  continueImportsForTrigger(ports, startedAt);
}

/** Imports whose sidebar was closed go on here, from their stored cursors (issue 14). */
function continueImportsForTrigger(ports: Ports, startedAt: number): void {
  try {
    continueImports(begin(ports), gasClientIndexStore(), startedAt);
  } catch (error) {
    console.error(error);
  }
}

export function api_getBoard(filter?: unknown) {
  return api((ctx) => getBoard(ctx, filter as never, gasProblemStore().get()));
}

/**
 * The board's change stamp (issue 11 item 17): the sidebar asks on focus and every few minutes
 * and reloads the board only when it changed. One property read, no cells, and no caller check
 * on purpose: the stamp is an opaque token that tells nothing about the data, and checking the
 * caller would double the cost of a call every open sidebar makes every few minutes.
 */
export function api_boardStamp() {
  return userFacing(() => ({ stamp: readBoardStamp() }));
}

/** Selects the cell a problem names in the sheet (the problem list's "Go to the cell"). */
export function api_goToCell(tab: unknown, row: unknown, column: unknown) {
  return api(() => {
    goToCell(requireCellAddress(tab, row, column));
    return { ok: true };
  });
}

/** Writes the last accepted stage back into a cell that holds a refused one (the problem list's "Put it back"). */
export function api_putStageBack(row: unknown) {
  return api((ctx) => putStageBack(ctx, gasProblemStore(), row));
}

export function api_getDeal(dealId: unknown) {
  return api((ctx) => getDeal(ctx, dealId));
}

export function api_moveDeal(dealId: unknown, toStage: unknown, position: unknown, expectedVersion: unknown, neighbours?: unknown) {
  return api((ctx) => moveDeal(ctx, dealId, toStage, position, expectedVersion, neighbours));
}

/** The toast's Undo after a move, for a minute (issue 21 item 2). */
export function api_undoMove(dealId: unknown, expectedVersion: unknown) {
  return api((ctx) => undoMove(ctx, dealId, expectedVersion));
}

export function api_updateDeal(dealId: unknown, patch: unknown, expectedVersion: unknown) {
  return api((ctx) => updateDeal(ctx, dealId, patch, expectedVersion));
}

export function api_addLead(input: unknown) {
  return api((ctx) => addLead(ctx, input, gasClientIndexStore()));
}

export function api_convertLead(leadId: unknown, nextContactAt?: unknown) {
  return api((ctx) => convertLead(ctx, leadId, gasClientIndexStore(), nextContactAt));
}

// Issue 11 item 15: the signed-in manager's overdue and today's calls and meetings.
export function api_getToday(options?: unknown) {
  return api((ctx) => getToday(ctx, options));
}

export function api_junkLead(leadId: unknown) {
  return api((ctx) => junkLead(ctx, leadId));
}

export function api_logActivity(input: unknown) {
  return api((ctx) => logActivity(ctx, input));
}

export function api_getHealth(scope?: unknown) {
  return api((ctx) => getHealth(ctx, scope));
}

export function api_applyPlan(dealId: unknown, planName: unknown, startDate: unknown) {
  return api((ctx) => applyPlan(ctx, dealId, planName, startDate));
}

export function api_saveCheckpoint(input: unknown) {
  return api((ctx) => saveCheckpoint(ctx, input));
}

export function api_completeCheckpoint(checkpointId: unknown, done: unknown, dealId?: unknown) {
  return api((ctx) => completeCheckpoint(ctx, checkpointId, done, dealId));
}

export function api_getCatalog() {
  return api((ctx) => getCatalog(ctx));
}

export function api_getQuote(dealId: unknown) {
  return api((ctx) => getQuote(ctx, dealId));
}

export function api_saveQuote(dealId: unknown, quote: unknown, expectedVersion: unknown) {
  return api((ctx) => saveQuote(ctx, dealId, quote, expectedVersion));
}

export function api_generateDocument(dealId: unknown, kind: unknown) {
  return api((ctx) => generateDocument(ctx, gasDocs(), gasDocumentCounter(), dealId, kind));
}

export function api_installTemplates() {
  return api((ctx, ports) => {
    if (ctx.actor.role !== 'owner' && ctx.actor.role !== 'head') throw new WorkbookError('Only the owner or a head may install templates.');
    return installTemplates(ports, gasDocs());
  });
}

export function api_getPlaceholders() {
  return api(() => PLACEHOLDERS);
}

// ---- Client base (issue 14): search and caller lookup, the client card, import, export ----

export function openClientBase(): void {
  const html = HtmlService.createHtmlOutputFromFile('Sidebar')
    .append('<script>window.DEALBOARD_VIEW = "clients";</script>')
    .setTitle(`${ADDON_TITLE} — clients`);
  SpreadsheetApp.getUi().showSidebar(html);
}

export function api_findClients(query: unknown) {
  return api((ctx) => findClients(ctx, gasClientIndexStore(), query));
}

export function api_getClient(clientId: unknown) {
  return api((ctx) => getClientCard(ctx, clientId));
}

export function api_updateClient(clientId: unknown, patch: unknown, expectedVersion: unknown) {
  return api((ctx) => updateClient(ctx, gasClientIndexStore(), clientId, patch, expectedVersion));
}

/** The client card's "New deal": a deal in New for this client, with its call back. */
export function api_newDealForClient(clientId: unknown, input: unknown) {
  return api((ctx) => newDealForClient(ctx, clientId, input));
}

export function api_prepareImport(upload: unknown) {
  return api((ctx) => prepareImport(ctx, gasClientIndexStore(), gasZip(), upload));
}

export function api_dryRunImport(importId: unknown, mapping: unknown) {
  return api((ctx) => dryRunImport(ctx, gasClientIndexStore(), importId, mapping));
}

export function api_runImport(importId: unknown, mapping: unknown) {
  return api((ctx) => runImportChunk(ctx, gasClientIndexStore(), importId, mapping));
}

export function api_importProgress(importId: unknown) {
  return api((ctx) => importProgress(ctx, importId));
}

export function api_listImports() {
  return api((ctx) => listImports(ctx));
}

export function api_undoImport(importId: unknown) {
  return api((ctx) => undoImport(ctx, gasClientIndexStore(), importId));
}

/** Settings client_groups (the export's group filter): from the cached config, no cells read. */
export function api_clientGroups() {
  return api((ctx) => ctx.config.settings.clientGroups.slice());
}

export function api_exportClients(request: unknown) {
  return api((ctx) => exportClients(ctx, gasZip(), request));
}

export function api_listDuplicates() {
  return api((ctx) => listDuplicates(ctx));
}

export function api_mergeClients(keepId: unknown, mergeIds: unknown) {
  return api((ctx) => mergeClients(ctx, gasClientIndexStore(), keepId, mergeIds));
}

// Meetings (issue 13): slots from the manager's calendar, booking, the planner, sync.
export function api_findMeetingSlots(dealId: unknown, request: unknown) {
  return api((ctx) => findMeetingSlots(ctx, calendarFor(ctx), dealId, request));
}

export function api_bookMeeting(dealId: unknown, request: unknown) {
  return api((ctx) => bookMeeting(ctx, calendarFor(ctx), sheetLink(), dealId, request));
}

export function api_getPlanner() {
  return api((ctx) => getPlanner(ctx, calendarFor(ctx)));
}

export function api_syncMeetings() {
  return api((ctx) => ctx.ports.lock.withDocumentLock(() => syncMeetings(ctx, calendarFor(ctx))));
}

/** One sidebar call: the caller is identified and checked, errors become plain messages. */
function api<T>(run: (ctx: UseCaseContext, ports: Ports) => T): T {
  return userFacing(() => {
    const ports = gasPorts();
    return plain(run(begin(ports), ports));
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
  const result = userFacing(() => drainOutbox(gasPorts(), gasMail()));
  SpreadsheetApp.getActive().toast(describeDrain(result), ADDON_TITLE, 8);
  return plain(result);
}

export function api_sendDocument(dealId: unknown, kind: unknown, confirmed: unknown) {
  return api((ctx) => sendDocument(ctx, gasMail(), dealId, kind, confirmed));
}

export function api_sendQueuedMail() {
  return api((ctx, ports) => {
    if (ctx.actor.role !== 'owner' && ctx.actor.role !== 'head' && ctx.actor.role !== 'manager') throw new WorkbookError('Only managers, heads and the owner may send e-mails.');
    const result = drainOutbox(ports, gasMail());
    return { ...result, message: describeDrain(result) };
  });
}

export function api_getOutbox(dealId?: unknown) {
  return api((ctx) => {
    if (dealId === undefined || dealId === null) return listOutbox(ctx);
    const { deal } = loadDeal(ctx, String(dealId));
    return outboxOfDeal(ctx, dealId, deal.manager);
  });
}

export function api_cancelMessage(messageId: unknown) {
  return api((ctx) => cancelMessage(ctx, messageId));
}

export function api_requeueMessage(messageId: unknown) {
  return api((ctx) => requeueMessage(ctx, messageId));
}

/** Queues today's digests if not done yet (from the digest hour), then drains: what the hourly trigger does for mail. */
export function sendMorningDigestNow() {
  const ports = gasPorts();
  return plain(userFacing(() => ({ digest: queueDigests(ports, loadConfig(ports), gasSheetLinks()), drain: drainOutbox(ports, gasMail()) })));
}

// Issue 11 item 12: documents made from an older quote revision are marked on the card.
export function api_documentStatus(dealId: unknown) {
  return api((ctx) => documentStatus(ctx, dealId));
}
