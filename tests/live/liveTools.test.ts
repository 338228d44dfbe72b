// npm run provision and npm run live-check against a local fake of the Google endpoints they
// call (no network): sign-in through the loopback page, request bodies checked against
// googleapis' schemas, Google's prerequisites reported as sentences.
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { google } from 'googleapis';
import { livePaths } from '../../scripts/live/config';
import { PREREQUISITES } from '../../scripts/live/errors';
import { liveCheck } from '../../scripts/live/liveCheck';
import { provision } from '../../scripts/live/provision';
import { PROBES } from '../../scripts/live/probes';
import { FakeGoogle, FakeGoogleOptions, startFakeGoogle } from './fakeGoogle';

let fake: FakeGoogle;
afterEach(() => fake?.close());

async function setUp(fakeOptions: FakeGoogleOptions = {}) {
  fake = await startFakeGoogle(fakeOptions);
  const paths = livePaths(mkdtempSync(join(tmpdir(), 'live-')));
  writeFileSync(paths.client, JSON.stringify({ installed: { client_id: 'client-1.apps.googleusercontent.com', client_secret: 'shh' } }));
  const log: string[] = [];
  const opened: string[] = [];
  const options = {
    root: process.cwd(), paths, rootUrl: `${fake.url}/`, endpoints: fake.endpoints,
    // The "browser": follows Google's redirect back to the loopback page.
    openBrowser: async (url: string) => {
      opened.push(url);
      const page = await fetch(url);
      expect(await page.text()).toContain('Signed in');
    },
    log: (line: string) => log.push(line),
  };
  return { paths, log, opened, options };
}

test('provision signs in through the loopback page, creates the spreadsheet and the bound script, uploads the bundle and the runner', async () => {
  const { paths, log, opened, options } = await setUp();
  const project = await provision(options);
  expect(opened).toHaveLength(1);
  const auth = new URL(opened[0]);
  expect(auth.searchParams.get('code_challenge_method')).toBe('S256');
  expect(auth.searchParams.get('scope')?.split(' ')).toEqual(expect.arrayContaining(['https://www.googleapis.com/auth/script.projects', 'https://www.googleapis.com/auth/spreadsheets.currentonly']));
  expect(statSync(paths.token).mode & 0o777).toBe(0o600);
  expect(JSON.parse(readFileSync(paths.token, 'utf8')).refresh_token).toBe('fake-refresh-token');
  const made = fake.projects.get(project.scriptId)!;
  expect(made.parentId).toBe(project.spreadsheetId);
  expect(made.files.map((f) => `${f.name}:${f.type}`)).toEqual(['appsscript:JSON', 'Code:SERVER_JS', 'Sidebar:HTML', 'Conformance:SERVER_JS']);
  expect(JSON.parse(made.files[0].source).executionApi).toEqual({ access: 'MYSELF' });
  expect(JSON.parse(readFileSync(paths.project, 'utf8'))).toEqual(project);
  expect(log.join('\n')).toContain(`https://script.google.com/d/${project.scriptId}/edit`);
});

test('live-check deploys, runs the runner through scripts.run and reports every probe; a second run reuses the token and the deployment', async () => {
  const { log, opened, options } = await setUp();
  await provision(options);
  const rows = await liveCheck(options);
  expect(rows).toHaveLength(PROBES.length);
  expect(rows.every((r) => r.agree)).toBe(true);
  expect(log.join('\n')).toContain(`${PROBES.length} of ${PROBES.length} probes agree between live Apps Script and the emulator`);
  await liveCheck(options);
  expect(opened).toHaveLength(1);
  const deployments = fake.requests.filter((r) => r.path.includes('/deployments'));
  expect(deployments.map((r) => r.method)).toEqual(['POST', 'PUT']);
  expect(fake.requests.filter((r) => r.path.endsWith(':run'))).toHaveLength(2);
});

test('the fake refuses a body with a field the API does not have, as Google does', async () => {
  fake = await startFakeGoogle();
  const auth = new google.auth.OAuth2({ clientId: 'c', transporterOptions: { fetchImplementation: fetch } });
  auth.setCredentials({ access_token: 'fake-access-token', expiry_date: Date.now() + 3600_000 });
  const script = google.script({ version: 'v1', auth, rootUrl: `${fake.url}/`, fetchImplementation: fetch });
  const made = await google.sheets({ version: 'v4', auth, rootUrl: `${fake.url}/`, fetchImplementation: fetch }).spreadsheets.create({ requestBody: {} });
  const { scriptId } = (await script.projects.create({ requestBody: { title: 't', parentId: made.data.spreadsheetId } })).data;
  await expect(script.projects.updateContent({ scriptId: scriptId!, requestBody: { files: [{ name: 'appsscript', type: 'JSON', source: '{}', body: 'x' } as never] } }))
    .rejects.toMatchObject({ status: 400, message: 'Invalid JSON payload received. Unknown name "body" at \'files[0]\': Cannot find field.' });
});

test('without an OAuth client file, and with the Apps Script API off, the tools say what to do instead of a stack trace', async () => {
  const { paths, options } = await setUp({ appsScriptApiOff: true });
  await expect(provision(options)).rejects.toThrow(PREREQUISITES.userApi);
  const bare = livePaths(mkdtempSync(join(tmpdir(), 'live-')));
  await expect(provision({ ...options, paths: bare })).rejects.toThrow(PREREQUISITES.client(bare.client));
  await expect(liveCheck({ ...options, paths: bare })).rejects.toThrow(PREREQUISITES.noProject(bare.project));
  expect(paths.dir).toBeTruthy();
});

test('scripts.run from another Cloud project than the script\'s is explained as Google documents it', async () => {
  const { options } = await setUp({ otherCloudProject: true });
  await provision(options);
  await expect(liveCheck(options)).rejects.toThrow(PREREQUISITES.sameProject);
});
