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

/** The Drive visibility the manifest's scopes give: 'drive' (every file) or 'drive.file'. */
export function driveScopeOf(manifest: Manifest): 'drive' | 'drive.file' {
  const scopes = Array.isArray(manifest.oauthScopes) ? manifest.oauthScopes : [];
  return scopes.some((s) => FULL_DRIVE.has(String(s))) ? 'drive' : 'drive.file';
}

export function applyManifest(ws: Workspace, manifest: Manifest): void {
  ws.drive.scope = driveScopeOf(manifest);
  (ws as { manifest?: Manifest }).manifest = manifest;
}

/** Reads `${dir}/appsscript.json` when there is one and applies it; returns it (or null). */
export function applyManifestFile(ws: Workspace, dir: string): Manifest | null {
  const file = join(dir, 'appsscript.json');
  if (!existsSync(file)) return null;
  const manifest = JSON.parse(readFileSync(file, 'utf8')) as Manifest;
  applyManifest(ws, manifest);
  return manifest;
}
