// Composition root. Every export becomes an Apps Script global: simple triggers, menu
// actions, installable trigger handlers and the api_* functions the sidebar calls.
import { gasPorts } from './gas/ports';
import { describeSetup, setupWorkbookWith } from './gas/setup';
import { gasProblemStore, editFactsOf } from './gas/edits';
import { begin } from './app/session';
import { getBoard, getDeal, moveDeal, updateDeal } from './app/deals';
import { addLead, convertLead, junkLead } from './app/leads';
import { logActivity } from './app/activities';
import { loadDemoDataWith, DemoRequest } from './app/demo';
import { handleEdit } from './app/handEdits';
import { refreshConfig } from './app/config';
import { WorkbookError } from './workbook/errors';
import { Ports } from './ports';
import { UseCaseContext } from './app/session';

const ADDON_TITLE = 'Dealboard';

export function onOpen(_e?: GoogleAppsScript.Events.SheetsOnOpen): void {
  // Runs in AuthMode.NONE for an add-on not yet used in this document: menus only.
  SpreadsheetApp.getUi()
    .createAddonMenu()
    .addItem('Open deal board', 'openBoard')
    .addItem('Open full board', 'openFullBoard')
    .addSeparator()
    .addItem('Set up workbook', 'setupWorkbook')
    .addItem('Load demo data', 'loadDemoData')
    .addToUi();
}

export function onInstall(e?: GoogleAppsScript.Events.AddonOnInstall): void {
  onOpen(e as unknown as GoogleAppsScript.Events.SheetsOnOpen);
}

export function setupWorkbook() {
  const report = setupWorkbookWith(gasPorts());
  SpreadsheetApp.getActive().toast(describeSetup(report), ADDON_TITLE, 8);
  return plain(report);
}

export function loadDemoData(request?: DemoRequest) {
  const result = userFacing(() => loadDemoDataWith(gasPorts(), request));
  SpreadsheetApp.getActive().toast(`Demo studio loaded: ${result.deals} deals, ${result.clients} clients, ${result.leads} requests.`, ADDON_TITLE, 8);
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

export function onEditInstalled(e: GoogleAppsScript.Events.SheetsOnEdit): void {
  const ports = gasPorts();
  const facts = editFactsOf(e);
  if (facts) handleEdit(ports, gasProblemStore(), facts);
}

export function onHourly(): void {
  refreshConfig(gasPorts());
}

export function api_getBoard(filter?: unknown) {
  return api((ctx) => getBoard(ctx, filter as never, gasProblemStore().get()));
}

export function api_getDeal(dealId: unknown) {
  return api((ctx) => getDeal(ctx, dealId));
}

export function api_moveDeal(dealId: unknown, toStage: unknown, position: unknown, expectedVersion: unknown) {
  return api((ctx) => moveDeal(ctx, dealId, toStage, position, expectedVersion));
}

export function api_updateDeal(dealId: unknown, patch: unknown, expectedVersion: unknown) {
  return api((ctx) => updateDeal(ctx, dealId, patch, expectedVersion));
}

export function api_addLead(input: unknown) {
  return api((ctx) => addLead(ctx, input));
}

export function api_convertLead(leadId: unknown) {
  return api((ctx) => convertLead(ctx, leadId));
}

export function api_junkLead(leadId: unknown) {
  return api((ctx) => junkLead(ctx, leadId));
}

export function api_logActivity(input: unknown) {
  return api((ctx) => logActivity(ctx, input));
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
    return run();
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
