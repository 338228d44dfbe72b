// What the live test project holds: the add-on's built bundle, its HTML, the conformance
// runner, and a manifest that also allows the Apps Script API to execute it.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface ScriptFile {
  name: string;
  type: 'SERVER_JS' | 'HTML' | 'JSON';
  source: string;
}

export interface Manifest {
  oauthScopes?: string[];
  executionApi?: { access: string };
  [key: string]: unknown;
}

export const RUNNER_FILE = 'build/live/Conformance.js';

export function readManifest(root: string): Manifest {
  const file = join(root, 'dist/appsscript.json');
  if (!existsSync(file)) throw new Error(`No ${file}: run npm run build first.`);
  return JSON.parse(readFileSync(file, 'utf8')) as Manifest;
}

/** The files uploaded with projects.updateContent ("All files in the project" replace the old ones). */
export function projectFiles(root: string): ScriptFile[] {
  // "MYSELF": only the owner may run it through scripts.run — the test project is theirs alone.
  const manifest = { ...readManifest(root), executionApi: { access: 'MYSELF' } };
  const files: ScriptFile[] = [{ name: 'appsscript', type: 'JSON', source: JSON.stringify(manifest, null, 2) }];
  const dist = join(root, 'dist');
  for (const name of readdirSync(dist).sort()) {
    if (name.endsWith('.js')) files.push({ name: name.slice(0, -3), type: 'SERVER_JS', source: readFileSync(join(dist, name), 'utf8') });
    if (name.endsWith('.html')) files.push({ name: name.slice(0, -5), type: 'HTML', source: readFileSync(join(dist, name), 'utf8') });
  }
  const runner = join(root, RUNNER_FILE);
  if (!existsSync(runner)) throw new Error(`No ${runner}: run npm run build first.`);
  files.push({ name: 'Conformance', type: 'SERVER_JS', source: readFileSync(runner, 'utf8') });
  return files;
}

/** The scopes the sign-in asks for: the tool's own plus every scope the script uses
 *  (scripts.run: "This OAuth token must cover all the scopes used by the script"). */
export function liveScopes(manifest: Manifest): string[] {
  const tool = [
    'https://www.googleapis.com/auth/script.projects',
    'https://www.googleapis.com/auth/script.deployments',
    // spreadsheets.create is documented to accept drive.file for the file it makes.
    'https://www.googleapis.com/auth/drive.file',
  ];
  return [...new Set([...tool, ...(manifest.oauthScopes ?? [])])];
}
