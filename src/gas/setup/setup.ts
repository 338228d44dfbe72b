// Setup adds what is missing and never deletes, reorders or rewrites a user's data.
import { seedNotifications } from '../../app/mail/notificationSetup';
import { seedBriefs } from '../../app/briefs/briefs';
import { backfillStageHistory } from '../../app/deals/stageHistory';
import { TABS, TabSchema, SETTINGS, USERS, PLANS, CATALOG, ColumnSchema } from '../../workbook/schema';
import { DEFAULT_CATALOG } from '../../domain/documents/catalog';
import { DEFAULT_PLAN } from '../../domain/checkpoints/plans';
import { columnLetter, numberFormatFor, planColumns } from '../../workbook/setupPlan';
import { mapHeaders, HeaderMap } from '../../workbook/headers';
import { columnRuns } from '../../workbook/rows';
import { DEFAULT_SETTINGS, Settings } from '../../domain/setup/settings';
import { Ports } from '../../ports';
import { readTable, appendRecords } from '../../workbook/table';
import { keepAsRead } from '../../workbook/codec';
import { Config, refreshConfig } from '../../app/kernel/config';
import { recordTriggerOwner } from '../../app/kernel/access';
import { sameEmail } from '../../domain/kernel/roles';
import { ensureSize, shareSheet } from '../ports';
import { stageLabel, stageOfCell } from '../../workbook/stageLabels';
import { STAGE_KEYS } from '../../domain/deals/stages';
import { protectOwnerTabs } from './protections';
import type { ChecklistTables } from '../../app/setup/setupChecklist';

export interface SetupReport {
  tabsCreated: string[];
  columnsAdded: { tab: string; columns: string[] }[];
  settingsAdded: string[];
  ownerAdded: string | null;
  triggersInstalled: string[];
  plansAdded?: number;
  catalogAdded?: number;
  /** Stage history rows read back from the Activities audit (first setup with the tab only). */
  stageHistoryBackfilled?: number;
}

const HEADER_PROTECTION = 'Dealboard: header row (rename columns with care)';
const HEADER_BACKGROUND = '#eef1f6';
export const EDIT_HANDLER = 'onEditInstalled';
export const HOURLY_HANDLER = 'onHourly';

export function setupWorkbookWith(
  ports: Ports,
  /** Filled with the Catalog and Notifications tabs as setup left them, for the checklist (issue 26). */
  read: ChecklistTables = {},
): SetupReport {
  const report: SetupReport = { tabsCreated: [], columnsAdded: [], settingsAdded: [], ownerAdded: null, triggersInstalled: [] };
  return ports.lock.withDocumentLock(() => {
    const spreadsheet = SpreadsheetApp.getActive();
    const currency = 'EUR';
    const maps: Record<string, HeaderMap> = {};
    const seen: Record<string, SeenTab> = {};
    TABS.forEach((tab, index) => {
      maps[tab.name] = setupTab(spreadsheet, tab, index, currency, report, seen);
      shareSheet(ports.sheets, tab.name, seen[tab.name].sheet);
    });
    seedSettings(ports, report);
    seedOwner(ports, report);
    seedPlans(ports, report);
    seedCatalog(ports, report, read);
    seedNotifications(ports, read);
    seedBriefs(ports);
    protectOwnerTabs(spreadsheet, (name) => (seen[name] ? seen[name].sheet : null));
    const backfilled = backfillStageHistory(ports);
    if (backfilled > 0) report.stageHistoryBackfilled = backfilled;
    const config = refreshConfig(ports);
    // Triggers run as whoever installs them: only an owner's, recorded so that only theirs act.
    if (isActiveOwner(config, ports.session.effectiveEmail())) {
      installTriggers(spreadsheet, report);
      recordTriggerOwner(ports);
    }
    applySettingsDropdowns(spreadsheet, config.settings, maps, seen);
    renameStageCells(spreadsheet, maps, seen);
    if (report.tabsCreated.length > 0) removeUntouchedDefaultSheets(spreadsheet);
    return report;
  });
}

/**
 * A new spreadsheet comes with an empty "Sheet1" (named in the owner's language): once the first
 * setup has made the Dealboard tabs, a tab that is not ours and holds nothing at all goes.
 * Later setups never delete anything.
 */
function removeUntouchedDefaultSheets(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet): void {
  const ours = TABS.map((t) => t.name);
  for (const sheet of spreadsheet.getSheets()) {
    if (ours.indexOf(sheet.getName()) >= 0) continue;
    if (sheet.getLastRow() === 0 && sheet.getLastColumn() === 0 && spreadsheet.getNumSheets() > 1) spreadsheet.deleteSheet(sheet);
  }
}

/** What setupTab already holds of a tab, so later steps need not ask again (issue 26: setup's calls). */
export interface SeenTab {
  sheet: GoogleAppsScript.Spreadsheet.Sheet;
  /** The data validations of row 2 when setupTab read them (null: not read). */
  firstRow: (GoogleAppsScript.Spreadsheet.DataValidation | null)[] | null;
}

function setupTab(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  tab: TabSchema,
  index: number,
  currency: string,
  report: SetupReport,
  seen: Record<string, SeenTab>,
): HeaderMap {
  let sheet = spreadsheet.getSheetByName(tab.name);
  const created = !sheet;
  if (!sheet) {
    sheet = spreadsheet.insertSheet(tab.name, Math.min(index, spreadsheet.getNumSheets()));
    report.tabsCreated.push(tab.name);
  }
  const width = sheet.getLastColumn();
  const headerRange = width > 0 ? sheet.getRange(1, 1, 1, width) : null;
  const header = headerRange ? (headerRange.getValues()[0] as unknown[]) : [];
  const plan = planColumns(tab, header);
  if (plan.add.length > 0) {
    ensureSize(sheet, 1, plan.startColumn + plan.add.length - 1);
    sheet.getRange(1, plan.startColumn, 1, plan.add.length).setValues([plan.add.map((c) => c.header)]);
    if (!created) report.columnsAdded.push({ tab: tab.name, columns: plan.add.map((c) => c.header) });
  }
  const map = mapHeaders(tab, plan.headerAfter);
  // Asked only when a format or rule is written (a set-up tab usually needs neither).
  let rowsKnown = 0;
  const dataRowsOf = () => (rowsKnown = rowsKnown || Math.max(sheet!.getMaxRows() - 1, 1));
  const added = plan.add.map((c) => c.key);

  // The header range read above is the one styled when no column was added (one handle fewer).
  const styled = headerRange && width === plan.headerAfter.length ? headerRange : sheet.getRange(1, 1, 1, plan.headerAfter.length);
  styled.setFontWeight('bold').setBackground(HEADER_BACKGROUND);
  if (sheet.getFrozenRows() < 1) sheet.setFrozenRows(1);
  if (created && tab.frozenColumns) sheet.setFrozenColumns(tab.frozenColumns);
  if (created && tab.tabColor) sheet.setTabColor(tab.tabColor);

  // Issue 26: the validations of the first data row in one read (not one per column), and a rule
  // built only for a column that lacks one.
  let firstRow: (GoogleAppsScript.Spreadsheet.DataValidation | null)[] | null = null;
  const validationOf = (col: number) => {
    if (firstRow === null) firstRow = sheet!.getRange(2, 1, 1, plan.headerAfter.length).getDataValidations()[0];
    return firstRow[col - 1] || null;
  };
  for (const column of tab.columns) {
    const col = map.index[column.key] + 1;
    const isNew = created || added.indexOf(column.key) >= 0;
    if (isNew) {
      if (column.width) sheet.setColumnWidth(col, column.width);
      const format = numberFormatFor(column, currency);
      if (format) sheet.getRange(2, col, dataRowsOf(), 1).setNumberFormat(format);
      if (column.note) sheet.getRange(1, col).setNote(column.note);
      if (column.technical) sheet.hideColumns(col);
    }
    if (hasOwnValidation(column) && (isNew || validationOf(col) === null)) {
      sheet.getRange(2, col, dataRowsOf(), 1).setDataValidation(validationFor(column)!);
    }
  }
  protectHeader(sheet, plan.headerAfter.length);
  applyConditionalFormats(sheet, tab, map);
  seen[tab.name] = { sheet, firstRow };
  return map;
}

/** A column whose dropdown or checkbox setup builds itself (not from a Settings list). */
function hasOwnValidation(column: ColumnSchema): boolean {
  return column.type === 'checkbox' || (column.type === 'enum' && !!column.values && !column.dropdownFromSettings);
}

function validationFor(column: ColumnSchema): GoogleAppsScript.Spreadsheet.DataValidation | null {
  if (column.type === 'checkbox') return SpreadsheetApp.newDataValidation().requireCheckbox().build();
  // A list fed from Settings (the stage names) is built by applySettingsDropdowns.
  if (column.type === 'enum' && column.values && !column.dropdownFromSettings) {
    // Invalid values are allowed (with a warning) so a hand edit is kept and reported, not lost.
    return SpreadsheetApp.newDataValidation()
      .requireValueInList(column.values.slice(), true)
      .setAllowInvalid(true)
      .build();
  }
  return null;
}

/** The dropdown lists each Settings list feeds: client_groups → Clients Group; stage_name.* → every stage column. */
function settingsList(settings: Settings, key: 'client_groups' | 'stage_names'): string[] {
  switch (key) {
    case 'client_groups':
      return settings.clientGroups;
    case 'stage_names':
      return STAGE_KEYS.map((k) => settings.stageNames[k]);
  }
}

/**
 * Stage cells written before stages showed their names (keys such as `in_work`), or under a
 * name since renamed in Settings, are rewritten with the current name: one read of each stage
 * column and one write only when a cell changes. A value that is no stage is left as it is.
 */
function renameStageCells(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet, maps: Record<string, HeaderMap>, seen: Record<string, SeenTab>): void {
  for (const tab of TABS) {
    const stageColumns = tab.columns.filter((c) => c.stageNames);
    if (stageColumns.length === 0) continue;
    const sheet = seen[tab.name] ? seen[tab.name].sheet : spreadsheet.getSheetByName(tab.name);
    const map = maps[tab.name];
    if (!sheet || !map) continue;
    const rows = sheet.getLastRow() - 1;
    if (rows < 1) continue;
    const indexes = stageColumns.map((c) => map.index[c.key]).filter((i): i is number => i !== undefined);
    // Adjacent stage columns (Stage history's From and To) in one read (issue 26).
    for (const run of columnRuns(indexes)) {
      const range = sheet.getRange(2, run.first + 1, rows, run.count);
      const values = range.getValues();
      const renamed = values.map((r) => r.map((cell) => {
        const stage = stageOfCell(cell);
        return stage && cell !== stageLabel(stage) ? stageLabel(stage) : null;
      }));
      if (!renamed.some((r) => r.some((name) => name !== null))) continue;
      // Every other cell is written back as it holds: its formula, or its value as read
      // (text behind an apostrophe, so a `'=…` text cell is not armed as a formula).
      const formulas = range.getFormulas();
      range.setValues(values.map((r, i) => r.map((cell, k) => (renamed[i][k] !== null ? renamed[i][k] : formulas[i][k] || keepAsRead(cell)))));
    }
  }
}

/**
 * Builds (or rebuilds) the dropdown of every column whose values come from a Settings list,
 * when it differs from the list. Invalid values are allowed with a warning: a group typed by
 * hand that is not in the list is kept and shown as a problem, never changed.
 * Returns the columns whose rule was (re)written.
 */
export function applySettingsDropdowns(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  settings: Settings,
  /** The header maps setup just made (no header read then); the on-edit path reads the header. */
  maps: Record<string, HeaderMap> = {},
  /** The sheets and row-2 validations setup already holds. */
  seen: Record<string, SeenTab> = {},
): string[] {
  const written: string[] = [];
  for (const tab of TABS) {
    const columns = tab.columns.filter((c) => c.dropdownFromSettings);
    if (columns.length === 0) continue;
    const sheet = seen[tab.name] ? seen[tab.name].sheet : spreadsheet.getSheetByName(tab.name);
    if (!sheet) continue;
    let map = maps[tab.name];
    if (!map) {
      if (sheet.getLastColumn() < 1) continue;
      map = mapHeaders(tab, sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0] as unknown[]);
    }
    const indexes = columns.map((c) => map!.index[c.key]).filter((i) => i !== undefined);
    if (indexes.length === 0) continue;
    // Row 2's rules as setupTab read them (it writes none of these columns), else one read of them all.
    let firstRow = seen[tab.name] ? seen[tab.name].firstRow : null;
    const width = Math.max(...indexes) + 1;
    if (!firstRow || firstRow.length < width) firstRow = sheet.getRange(2, 1, 1, width).getDataValidations()[0];
    for (const column of columns) {
      const index = map.index[column.key];
      if (index === undefined) continue;
      const values = settingsList(settings, column.dropdownFromSettings as 'client_groups' | 'stage_names');
      const current = firstRow[index];
      if (current) {
        // Only a list rule's first criteria value is an array (of its items): VALUE_IN_RANGE
        // holds a Range, the other criteria numbers, dates or text, so the type need not be asked.
        const had = current.getCriteriaValues()[0] as unknown;
        if (Array.isArray(had) && had.join('\n') === values.join('\n') && current.getAllowInvalid()) continue;
      }
      const rule = SpreadsheetApp.newDataValidation().requireValueInList(values, true).setAllowInvalid(true).build();
      sheet.getRange(2, index + 1, Math.max(sheet.getMaxRows() - 1, 1), 1).setDataValidation(rule);
      written.push(`${tab.name}.${column.header}`);
    }
  }
  return written;
}

function protectHeader(sheet: GoogleAppsScript.Spreadsheet.Sheet, width: number): void {
  const existing = sheet
    .getProtections(SpreadsheetApp.ProtectionType.RANGE)
    .filter((p) => p.getDescription() === HEADER_PROTECTION);
  if (existing.length > 0) return;
  sheet.getRange(1, 1, 1, width).protect().setDescription(HEADER_PROTECTION).setWarningOnly(true);
}

/**
 * Our rules follow the schema (colours included); users' rules stay. Issue 26: when every rule of
 * ours is already exactly as wanted (decided from the one read of the tab's rules), nothing is
 * rebuilt; otherwise ours are replaced, after the users' rules, as before.
 */
function applyConditionalFormats(sheet: GoogleAppsScript.Spreadsheet.Sheet, tab: TabSchema, map: HeaderMap): void {
  const wanted = tab.conditionalFormats || [];
  if (wanted.length === 0) return;
  const formulaOf = (w: (typeof wanted)[number]) =>
    String(w.formula).replace(/\{(\w+)\}/g, (_m, key: string) => `$${columnLetter(map.index[key] + 1)}2`);
  const rangeOf = (w: (typeof wanted)[number]) => {
    const letter = columnLetter(map.index[w.column] + 1);
    return `${letter}2:${letter}`;
  };
  const existing = sheet.getConditionalFormatRules().map((rule) => {
    const condition = rule.getBooleanCondition();
    if (!condition) return { rule, ours: false, exact: -1 };
    const a1 = rule.getRanges().map((r) => r.getA1Notation());
    const value = String(condition.getCriteriaValues()[0]);
    const type = condition.getCriteriaType();
    const ours = wanted.some((w) => {
      if (a1.indexOf(rangeOf(w)) < 0) return false;
      if (w.formula) return type === SpreadsheetApp.BooleanCriteria.CUSTOM_FORMULA && /TODAY\(\)|<>""/.test(value);
      return type === SpreadsheetApp.BooleanCriteria.TEXT_EQUAL_TO && value === w.whenTextEquals;
    });
    if (!ours) return { rule, ours, exact: -1 };
    const background = (condition.getBackground() || '').toLowerCase();
    const fontColor = (condition.getFontColor() || '').toLowerCase();
    const exact = wanted.findIndex((w) =>
      a1.length === 1 && a1[0] === rangeOf(w)
      && (w.formula ? type === SpreadsheetApp.BooleanCriteria.CUSTOM_FORMULA && value === formulaOf(w) : type === SpreadsheetApp.BooleanCriteria.TEXT_EQUAL_TO && value === w.whenTextEquals)
      && background === w.background.toLowerCase()
      && fontColor === (w.fontColor || '').toLowerCase());
    return { rule, ours, exact };
  });
  const ours = existing.filter((e) => e.ours);
  const matched = new Set(ours.map((e) => e.exact));
  if (ours.length === wanted.length && ours.every((e) => e.exact >= 0) && matched.size === wanted.length) return;
  const kept = existing.filter((e) => !e.ours).map((e) => e.rule);
  const fresh = wanted.map((w) => {
    const base = SpreadsheetApp.newConditionalFormatRule();
    let builder = (w.formula ? base.whenFormulaSatisfied(formulaOf(w)) : base.whenTextEqualTo(String(w.whenTextEquals)))
      .setBackground(w.background)
      .setRanges([sheet.getRange(rangeOf(w))]);
    if (w.fontColor) builder = builder.setFontColor(w.fontColor);
    return builder.build();
  });
  sheet.setConditionalFormatRules(kept.concat(fresh));
}

function seedSettings(ports: Ports, report: SetupReport): void {
  const table = readTable(ports.sheets, SETTINGS, ports.dates);
  const present: Record<string, boolean> = {};
  for (const row of table.rows) present[String(row.record.key)] = true;
  const missing = DEFAULT_SETTINGS.filter((d) => !present[d.key]);
  appendRecords(ports.sheets, table, missing.map((d) => ({ key: d.key, value: d.value, description: d.description })), ports.dates);
  report.settingsAdded = missing.map((d) => d.key);
}

/** The first person to set up the workbook owns it; later runs leave the team alone. */
function seedOwner(ports: Ports, report: SetupReport): void {
  const table = readTable(ports.sheets, USERS, ports.dates);
  if (table.rows.length > 0) return;
  const email = ports.session.userEmail();
  if (email === '') return;
  appendRecords(ports.sheets, table, [{ id: ports.ids.next(USERS.idPrefix), email, name: email.split('@')[0], role: 'owner', monthlyPlan: 0, active: true }], ports.dates);
  report.ownerAdded = email;
}

/** The default plan goes into an empty Plans tab only; owners edit or extend it there. */
function seedPlans(ports: Ports, report: SetupReport): void {
  const table = readTable(ports.sheets, PLANS, ports.dates);
  if (table.rows.length > 0) return;
  appendRecords(ports.sheets, table, DEFAULT_PLAN.map((step, i) => ({ id: ports.ids.next(PLANS.idPrefix), order: i + 1, ...step })), ports.dates);
  report.plansAdded = DEFAULT_PLAN.length;
}

function seedCatalog(ports: Ports, report: SetupReport, read: ChecklistTables): void {
  const table = readTable(ports.sheets, CATALOG, ports.dates);
  if (table.rows.length > 0) {
    read.catalog = table;
    return;
  }
  appendRecords(ports.sheets, table, DEFAULT_CATALOG.map((item) => ({ ...item, active: true })), ports.dates);
  report.catalogAdded = DEFAULT_CATALOG.length;
}

function isActiveOwner(config: Config, email: string): boolean {
  return email !== '' && config.team.some((m) => m.active && m.role === 'owner' && sameEmail(m.email, email));
}

function installTriggers(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet, report: SetupReport): void {
  const handlers = ScriptApp.getProjectTriggers().map((t) => t.getHandlerFunction());
  if (handlers.indexOf(EDIT_HANDLER) < 0) {
    ScriptApp.newTrigger(EDIT_HANDLER).forSpreadsheet(spreadsheet).onEdit().create();
    report.triggersInstalled.push(EDIT_HANDLER);
  }
  if (handlers.indexOf(HOURLY_HANDLER) < 0) {
    ScriptApp.newTrigger(HOURLY_HANDLER).timeBased().everyHours(1).create();
    report.triggersInstalled.push(HOURLY_HANDLER);
  }
}

/** What setup did, then the checklist of what is still to fill in or still the default (issue 21, item 7). */
export function describeSetup(report: SetupReport, checklist: string): string {
  const parts: string[] = [];
  if (report.tabsCreated.length) parts.push(`created ${report.tabsCreated.join(', ')}`);
  for (const added of report.columnsAdded) parts.push(`added ${added.columns.join(', ')} to ${added.tab}`);
  if (report.settingsAdded.length) parts.push(`${report.settingsAdded.length} settings`);
  if (report.ownerAdded) parts.push(`${report.ownerAdded} is the owner`);
  const did = parts.length ? `Dealboard is set up: ${parts.join('; ')}.` : 'Dealboard is set up: every tab and column was already there.';
  return `${did} ${checklist}`;
}
