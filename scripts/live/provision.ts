// npm run provision: signs in, creates a test spreadsheet and a script bound to it, uploads the
// built add-on and the conformance runner, and prints the links. It is not clasp: clasp logs in
// for push, pushes the real add-on and reads its logs; this makes a throwaway copy to check the
// emulator against real Apps Script.
import { signIn } from './auth';
import { LivePaths, LiveProject, writePrivateJson } from './config';
import { explainGoogleError } from './errors';
import { googleClients } from './google';
import { liveScopes, projectFiles, readManifest } from './project';

export interface LiveOptions {
  root: string;
  paths: LivePaths;
  rootUrl?: string;
  endpoints?: { oauth2AuthBaseUrl: string; oauth2TokenUrl: string };
  openBrowser?: (url: string) => void | Promise<void>;
  log: (line: string) => void;
}

async function step<T>(during: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw explainGoogleError(error, during);
  }
}

export async function provision(options: LiveOptions): Promise<LiveProject> {
  const files = projectFiles(options.root);
  const auth = await signIn({ ...options, scopes: liveScopes(readManifest(options.root)) });
  const { sheets, script } = googleClients(auth, options.rootUrl);
  const made = await step('spreadsheets.create', () => sheets.spreadsheets.create({ requestBody: { properties: { title: 'Dealboard live check' } } }));
  const spreadsheetId = made.data.spreadsheetId ?? '';
  const spreadsheetUrl = made.data.spreadsheetUrl ?? `https://docs.google.com/spreadsheets/d/${spreadsheetId}/edit`;
  const project = await step('projects.create', () => script.projects.create({ requestBody: { title: 'Dealboard live check', parentId: spreadsheetId } }));
  const scriptId = project.data.scriptId ?? '';
  await step('projects.updateContent', () => script.projects.updateContent({ scriptId, requestBody: { files } }));
  const live: LiveProject = { spreadsheetId, spreadsheetUrl, scriptId };
  writePrivateJson(options.paths.project, live);
  options.log(`Test spreadsheet: ${spreadsheetUrl}`);
  options.log(`Its script:       https://script.google.com/d/${scriptId}/edit`);
  options.log('Next: put the script in your OAuth client\'s Cloud project (Project Settings → Google Cloud Platform project), then run npm run live-check.');
  return live;
}
