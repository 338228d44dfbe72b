// One workspace whose globals are used as a script would use them, inside one execution.
import { createWorkspace, WorkspaceOptions } from '../../../scripts/emulator/workspace';

export interface Globals {
  SpreadsheetApp: GoogleAppsScript.Spreadsheet.SpreadsheetApp;
  DriveApp: GoogleAppsScript.Drive.DriveApp;
  DocumentApp: GoogleAppsScript.Document.DocumentApp;
  Utilities: GoogleAppsScript.Utilities.Utilities;
  LockService: GoogleAppsScript.Lock.LockService;
  CacheService: GoogleAppsScript.Cache.CacheService;
  PropertiesService: GoogleAppsScript.Properties.PropertiesService;
  ScriptApp: GoogleAppsScript.Script.ScriptApp;
  Session: GoogleAppsScript.Base.Session;
  MimeType: Record<string, string>;
}

export function env(options: WorkspaceOptions = {}) {
  const ws = createWorkspace(options);
  const g = ws.globals as unknown as Globals;
  const run = <T>(fn: (g: Globals) => T): T => ws.execute(() => fn(g));
  const sheet = (name = 'Sheet1') => g.SpreadsheetApp.getActive().getSheetByName(name)!;
  return { ws, g, run, sheet };
}

export { caught } from '../fixtures/context';
