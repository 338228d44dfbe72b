// What the script's manifest (appsscript.json) switches in the emulator, as on Apps Script:
// the OAuth scopes decide what DriveApp/DocumentApp/Drive see. With `drive.file` only files the
// script created (or that were opened with it); with `drive` or `drive.readonly` every file of
// the user. loadAddon applies the appsscript.json next to the bundle; tests without a bundle
// call applyManifest(ws, manifest).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Workspace } from './workspace';

export interface Manifest {
  oauthScopes?: string[];
  [key: string]: unknown;
}

const FULL_DRIVE = new Set([
  'https://www.googleapis.com/auth/drive',
  'https://www.googleapis.com/auth/drive.readonly',
]);

/**
 * The scopes the script editor infers from the services the code uses, when the manifest sets
 * none ("Apps Script automatically determines what scopes a script needs by scanning its code
 * for function calls that require them"): each service's broadest scope, as the editor asks for.
 */
const INFERRED: [RegExp, string][] = [
  [/\bSpreadsheetApp\b/, 'https://www.googleapis.com/auth/spreadsheets'],
  [/\bDocumentApp\b/, 'https://www.googleapis.com/auth/documents'],
  [/\bDriveApp\b/, 'https://www.googleapis.com/auth/drive'],
  // The Drive advanced service (Drive.Files…, Drive.Permissions…).
  [/\bDrive\s*\.\s*(Files|Permissions|Drives|Revisions|Comments|Replies|About|Changes)\b/, 'https://www.googleapis.com/auth/drive'],
  [/\bGmailApp\b|\bGmail\s*\.\s*Users\b/, 'https://mail.google.com/'],
  [/\bMailApp\b/, 'https://www.googleapis.com/auth/script.send_mail'],
  [/\bCalendarApp\b|\bCalendar\s*\.\s*(Events|Calendars)\b/, 'https://www.googleapis.com/auth/calendar'],
  [/\bUrlFetchApp\b/, 'https://www.googleapis.com/auth/script.external_request'],
  [/\bScriptApp\s*\.\s*(newTrigger|getProjectTriggers|getUserTriggers|deleteTrigger)\b/, 'https://www.googleapis.com/auth/script.scriptapp'],
  [/\.\s*(showSidebar|showModalDialog|showModelessDialog)\b|\bBrowser\s*\.\s*(inputBox|msgBox)\b/, 'https://www.googleapis.com/auth/script.container.ui'],
  [/\bSession\s*\.\s*getActiveUser\b/, 'https://www.googleapis.com/auth/userinfo.email'],
];

export function inferScopes(code: string): string[] {
  const out: string[] = [];
  for (const [pattern, scope] of INFERRED) if (pattern.test(code) && out.indexOf(scope) < 0) out.push(scope);
  return out.sort();
}

/** The scopes in force: exactly the manifest's explicit list, else those inferred from `code`. */
export function effectiveScopes(manifest: Manifest, code = ''): string[] {
  return Array.isArray(manifest.oauthScopes) ? manifest.oauthScopes.map(String) : inferScopes(code);
}

/**
 * The Drive visibility the scopes give: 'drive' (every file) or 'drive.file'. The emulator has
 * no separate documents-only visibility: an inferred `documents` scope (code that opens Docs by
 * id but never calls DriveApp) gets 'drive', which is what DocumentApp.openById needs.
 */
export function driveScopeOf(manifest: Manifest, code = ''): 'drive' | 'drive.file' {
  const scopes = effectiveScopes(manifest, code);
  const explicit = Array.isArray(manifest.oauthScopes);
  const full = scopes.some((s) => FULL_DRIVE.has(s)) || (!explicit && scopes.indexOf('https://www.googleapis.com/auth/documents') >= 0);
  return full ? 'drive' : 'drive.file';
}

export function applyManifest(ws: Workspace, manifest: Manifest, code = ''): void {
  ws.drive.scope = driveScopeOf(manifest, code);
  (ws as { manifest?: Manifest }).manifest = manifest;
  (ws as { oauthScopes?: string[] }).oauthScopes = effectiveScopes(manifest, code);
}

/**
 * Applies `${dir}/appsscript.json` (a project without one has the empty manifest, so its scopes
 * are inferred from `code`); returns the manifest file's content, or null when there is none.
 */
export function applyManifestFile(ws: Workspace, dir: string, code = ''): Manifest | null {
  const file = join(dir, 'appsscript.json');
  const manifest = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Manifest) : null;
  applyManifest(ws, manifest ?? {}, code);
  return manifest;
}
