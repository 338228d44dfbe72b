// Scopes as Apps Script sets them (developers.google.com/apps-script/concepts/scopes): "For most
// scripts, Apps Script automatically detects what scopes are needed for you … You can also set
// scopes explicitly in your manifest"; "Apps Script automatically determines what scopes a script
// needs by scanning its code for function calls that require them". With an explicit
// oauthScopes list, exactly that list is in force.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadAddon } from '../../scripts/emulator/addon';
import { inferScopes } from '../../scripts/emulator/manifest';
import { createWorkspace } from '../../scripts/emulator/workspace';

/* eslint-disable @typescript-eslint/no-explicit-any */
type Any = any;

function project(code: string, manifest?: object) {
  const dir = mkdtempSync(join(tmpdir(), 'emu-scopes-'));
  writeFileSync(join(dir, 'Code.js'), code);
  if (manifest) writeFileSync(join(dir, 'appsscript.json'), JSON.stringify(manifest));
  const ws = createWorkspace();
  const template = ws.drive.addFile({ name: 'Merge template', mimeType: 'application/vnd.google-apps.document', text: 'Dear {{name}}' });
  const addon = loadAddon(ws, join(dir, 'Code.js')) as Any;
  return { ws, addon, template };
}

const MERGER = `function merge(id) {
  var rows = SpreadsheetApp.getActive().getSheets()[0].getDataRange().getValues();
  try { return DocumentApp.openById(id).getBody().getText() + ' x' + rows.length; } catch (e) { return null; }
}`;

test('a Sheet-to-Docs merger without oauthScopes (and even without a manifest) can open its own template', () => {
  for (const manifest of [undefined, { timeZone: 'Europe/Berlin' }]) {
    const { ws, addon, template } = project(MERGER, manifest);
    expect(addon.merge(template.id)).toBe('Dear {{name}} x1');
    expect((ws as Any).oauthScopes).toEqual(['https://www.googleapis.com/auth/documents', 'https://www.googleapis.com/auth/spreadsheets']);
  }
});

test('an explicit list is used exactly: drive.file hides the same template', () => {
  const { ws, addon, template } = project(MERGER, { oauthScopes: ['https://www.googleapis.com/auth/drive.file', 'https://www.googleapis.com/auth/spreadsheets.currentonly'] });
  expect(addon.merge(template.id)).toBeNull();
  expect((ws as Any).oauthScopes).toEqual(['https://www.googleapis.com/auth/drive.file', 'https://www.googleapis.com/auth/spreadsheets.currentonly']);
});

test('code that touches only the bound spreadsheet gets no Drive-wide visibility', () => {
  const { ws } = project('function f() { return SpreadsheetApp.getActive().getName(); }');
  expect(ws.drive.scope).toBe('drive.file');
});

test('each service infers its scope', () => {
  expect(inferScopes('GmailApp.search("x"); MailApp.sendEmail(a,b,c); CalendarApp.getDefaultCalendar(); UrlFetchApp.fetch(u);'
    + ' ScriptApp.newTrigger("f"); SpreadsheetApp.getUi().showSidebar(h); Session.getActiveUser(); DriveApp.getRootFolder();')).toEqual([
    'https://mail.google.com/',
    'https://www.googleapis.com/auth/calendar',
    'https://www.googleapis.com/auth/drive',
    'https://www.googleapis.com/auth/script.container.ui',
    'https://www.googleapis.com/auth/script.external_request',
    'https://www.googleapis.com/auth/script.scriptapp',
    'https://www.googleapis.com/auth/script.send_mail',
    'https://www.googleapis.com/auth/spreadsheets',
    'https://www.googleapis.com/auth/userinfo.email',
  ]);
  expect(inferScopes('Calendar.Events.list("primary")')).toEqual(['https://www.googleapis.com/auth/calendar']);
  expect(inferScopes('var x = 1;')).toEqual([]);
});
