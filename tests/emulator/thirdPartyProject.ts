// Loads a third-party Apps Script project (tests/emulator/thirdParty/<name>/) as Apps Script
// does: all its script files (.gs/.js, in the given order) share one global scope, so they are
// joined into one bundle; its appsscript.json (if any) and HTML files sit next to it, and
// loadAddon applies the manifest (or infers the scopes from the code when there is none).
// The project's files are never edited: configuration a project's README asks the user to fill
// in is given as an extra script file loaded after the project's own (as a user adding a
// Settings.gs to the project would), never by changing the project's text.
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { loadAddon } from '../../scripts/emulator/addon';
import type { Addon, Workspace } from '../../scripts/emulator/workspace';

export const THIRD_PARTY = join(__dirname, 'thirdParty');

export function loadProject(ws: Workspace, name: string, scriptFiles: string[], settings?: string): Addon {
  const from = join(THIRD_PARTY, name);
  const dir = mkdtempSync(join(tmpdir(), `thirdparty-${name}-`));
  const code = scriptFiles.map((f) => `// ---- ${f}\n${readFileSync(join(from, f), 'utf8')}`);
  if (settings !== undefined) code.push(`// ---- Settings.gs (the user's configuration)\n${settings}`);
  writeFileSync(join(dir, 'Code.js'), code.join('\n'));
  if (existsSync(join(from, 'appsscript.json'))) copyFileSync(join(from, 'appsscript.json'), join(dir, 'appsscript.json'));
  // HTML files keep their path: clasp pushes html/Dialog.html as the file "html/Dialog".
  for (const f of htmlFiles(from)) {
    mkdirSync(dirname(join(dir, f)), { recursive: true });
    copyFileSync(join(from, f), join(dir, f));
  }
  return loadAddon(ws, join(dir, 'Code.js'));
}

function htmlFiles(root: string, dir = root): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    if (e.isDirectory()) return htmlFiles(root, join(dir, e.name));
    return e.name.endsWith('.html') ? [relative(root, join(dir, e.name))] : [];
  });
}
