// DriveApp / DocumentApp visibility follows the manifest's OAuth scopes, and the bound
// spreadsheet is a Drive file.
// Reference, scopes (developers.google.com/workspace/add-ons/concepts/workspace-scopes and
// .../apps-script/concepts/scopes): "https://www.googleapis.com/auth/drive.file — See, edit,
// create, and delete only the specific Google Drive files you use with this app";
// "https://www.googleapis.com/auth/drive — See, edit, create, and delete all of your Google Drive files".
// DriveApp.getFileById: "Gets the file with the given ID. Throws a scripting exception if the
// file does not exist or the user does not have permission to access it."
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadAddon } from '../../../scripts/emulator/addon';
import { applyManifest } from '../../../scripts/emulator/manifest';
import { createWorkspace } from '../../../scripts/emulator/workspace';
import { caught, env } from './env';

const DRIVE_FILE = { oauthScopes: ['https://www.googleapis.com/auth/drive.file'] };
const DRIVE = { oauthScopes: ['https://www.googleapis.com/auth/drive'] };
const DRIVE_READONLY = { oauthScopes: ['https://www.googleapis.com/auth/drive.readonly'] };

function withUserFiles(manifest: { oauthScopes: string[] }) {
  const e = env();
  applyManifest(e.ws, manifest);
  const folder = e.ws.drive.addFile({ name: 'Client templates', mimeType: 'application/vnd.google-apps.folder' });
  const template = e.ws.drive.addFile({ name: 'My proposal', text: 'Dear {{client}}', parents: [folder.id] });
  return { ...e, folder, template };
}

describe('visibility follows the manifest', () => {
  test('drive.file: only files the script created are visible; the user\'s own template is not', () => {
    const { run, template } = withUserFiles(DRIVE_FILE);
    run(({ DriveApp, DocumentApp }) => {
      expect(caught(() => DriveApp.getFileById(template.id)).name).toBe('Exception');
      expect(caught(() => DocumentApp.openById(template.id)).name).toBe('Exception');
      expect(DriveApp.getFilesByName('My proposal').hasNext()).toBe(false);
      const mine = DriveApp.createFile('notes.txt', 'x');
      expect(DriveApp.getFileById(mine.getId()).getName()).toBe('notes.txt');
    });
  });

  test('drive and drive.readonly: every file of the user (templates and folders they made)', () => {
    for (const manifest of [DRIVE, DRIVE_READONLY]) {
      const { run, template, folder } = withUserFiles(manifest);
      run(({ DriveApp, DocumentApp }) => {
        expect(DriveApp.getFileById(template.id).getName()).toBe('My proposal');
        expect(DocumentApp.openById(template.id).getBody().getText()).toBe('Dear {{client}}');
        expect(DriveApp.getFoldersByName('Client templates').next().getId()).toBe(folder.id);
      });
    }
  });

  test('loadAddon applies the appsscript.json next to the bundle', () => {
    // No oauthScopes: the scopes are inferred from the code (issue 27) — this code calls DriveApp,
    // so it gets the drive scope and sees the user's file (before issue 27 the emulator gave drive.file).
    for (const [manifest, visible] of [[DRIVE_FILE, false], [DRIVE, true], [{}, true]] as const) {
      const dir = mkdtempSync(join(tmpdir(), 'emu-manifest-'));
      writeFileSync(join(dir, 'Code.js'), 'function canOpen(id) { try { return DriveApp.getFileById(id).getName(); } catch (e) { return null; } }');
      writeFileSync(join(dir, 'appsscript.json'), JSON.stringify(manifest));
      const ws = createWorkspace();
      const template = ws.drive.addFile({ name: 'My proposal', text: 'x' });
      const addon = loadAddon(ws, join(dir, 'Code.js'));
      expect(addon.canOpen(template.id)).toBe(visible ? 'My proposal' : null);
    }
  });
});

describe('the bound spreadsheet is a Drive file', () => {
  test('DriveApp.getFileById(SpreadsheetApp.getActive().getId()) works under the drive scope; names and URLs agree', () => {
    const { ws, run } = env({ spreadsheetName: 'Studio CRM' });
    applyManifest(ws, DRIVE);
    run(({ DriveApp, SpreadsheetApp }) => {
      const ss = SpreadsheetApp.getActive();
      const file = DriveApp.getFileById(ss.getId());
      expect(file.getName()).toBe('Studio CRM');
      expect(file.getMimeType()).toBe('application/vnd.google-apps.spreadsheet');
      expect(file.getUrl().startsWith(ss.getUrl())).toBe(true);
      ss.rename('Studio CRM 2027');
      expect(file.getName()).toBe('Studio CRM 2027');
      file.setName('Renamed in Drive');
      expect(ss.getName()).toBe('Renamed in Drive');
    });
  });

  test('under drive.file the spreadsheet (the user\'s file, not the script\'s) is not a DriveApp file', () => {
    const { ws, run } = env();
    applyManifest(ws, DRIVE_FILE);
    run(({ DriveApp, SpreadsheetApp }) => {
      expect(caught(() => DriveApp.getFileById(SpreadsheetApp.getActive().getId())).name).toBe('Exception');
    });
  });
});

describe('DriveApp.getFileById with no id', () => {
  test('null, undefined and "" throw "Invalid argument: id"', () => {
    const { run } = env();
    run(({ DriveApp }) => {
      for (const bad of [null, undefined, '']) {
        const e = caught(() => DriveApp.getFileById(bad as unknown as string));
        expect(e.message).toBe('Invalid argument: id');
        expect(e.name).toBe('Exception');
      }
    });
  });
});
