// A local stand-in for the few Google endpoints the live tools call: OAuth (loopback sign-in
// with PKCE), Sheets spreadsheets.create, and the Apps Script API (projects.create,
// updateContent, versions.create, deployments.create/update, scripts.run). scripts.run runs the
// uploaded files in the emulator, so "live" here is the emulator and every probe must agree.
import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createWorkspace } from '../../scripts/emulator/workspace';
import { loadAddon } from '../../scripts/emulator/addon';
import { Schemas, schemasOf, unknownField } from './discoverySchemas';

interface ScriptFile { name: string; type: string; source: string }

export interface FakeGoogleOptions {
  /** The account has not turned the Apps Script API on (script.google.com/home/usersettings). */
  appsScriptApiOff?: boolean;
  /** The script sits in another Cloud project than the OAuth client. */
  otherCloudProject?: boolean;
}

export interface FakeGoogle {
  url: string;
  endpoints: { oauth2AuthBaseUrl: string; oauth2TokenUrl: string };
  requests: { method: string; path: string; body: unknown }[];
  projects: Map<string, { parentId: string; files: ScriptFile[]; versions: ScriptFile[][]; deployments: Map<string, number> }>;
  spreadsheets: Map<string, { title: string }>;
  close(): Promise<void>;
}

const ACCESS_TOKEN = 'fake-access-token';

function googleError(res: ServerResponse, code: number, message: string, status: string): void {
  res.writeHead(code, { 'Content-Type': 'application/json; charset=UTF-8' });
  res.end(JSON.stringify({ error: { code, message, status } }));
}

function json(res: ServerResponse, body: unknown): void {
  res.writeHead(200, { 'Content-Type': 'application/json; charset=UTF-8' });
  res.end(JSON.stringify(body));
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
  });
}

/** Apps Script runs every .gs file in one global scope: the fake loads them as one file. */
function runInEmulator(files: ScriptFile[], fn: string): unknown {
  const dir = mkdtempSync(join(tmpdir(), 'fake-script-'));
  const file = join(dir, 'project.js');
  writeFileSync(file, files.filter((f) => f.type === 'SERVER_JS').map((f) => f.source).join('\n;\n'));
  const addon = loadAddon(createWorkspace(), file);
  if (typeof addon[fn] !== 'function') throw Object.assign(new Error(`Script function not found: ${fn}`), { name: 'ScriptError' });
  return addon[fn]();
}

export async function startFakeGoogle(options: FakeGoogleOptions = {}): Promise<FakeGoogle> {
  const schemas: Record<'script' | 'sheets', Schemas> = { script: schemasOf('script/v1'), sheets: schemasOf('sheets/v4') };
  const codes = new Map<string, { challenge: string; redirect: string }>();
  const fake = {
    requests: [] as FakeGoogle['requests'],
    projects: new Map() as FakeGoogle['projects'],
    spreadsheets: new Map() as FakeGoogle['spreadsheets'],
  };
  let next = 1;

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://fake');
    const text = await readBody(req);
    const method = req.method ?? 'GET';
    if (url.pathname === '/o/oauth2/v2/auth') {
      const code = `code-${next++}`;
      codes.set(code, { challenge: url.searchParams.get('code_challenge') ?? '', redirect: url.searchParams.get('redirect_uri') ?? '' });
      const back = new URL(url.searchParams.get('redirect_uri') ?? '');
      back.searchParams.set('code', code);
      back.searchParams.set('state', url.searchParams.get('state') ?? '');
      res.writeHead(302, { Location: back.href }).end();
      return;
    }
    if (url.pathname === '/token' && method === 'POST') {
      const form = new URLSearchParams(text);
      const grant = codes.get(form.get('code') ?? '');
      const verifier = form.get('code_verifier') ?? '';
      const challenge = createHash('sha256').update(verifier).digest('base64url');
      if (!grant || grant.challenge !== challenge || grant.redirect !== form.get('redirect_uri')) {
        res.writeHead(400, { 'Content-Type': 'application/json' }).end(JSON.stringify({ error: 'invalid_grant', error_description: 'Bad Request' }));
        return;
      }
      codes.delete(form.get('code') ?? '');
      json(res, { access_token: ACCESS_TOKEN, refresh_token: 'fake-refresh-token', expires_in: 3599, token_type: 'Bearer' });
      return;
    }
    let body: unknown = null;
    try {
      body = text ? JSON.parse(text) : null;
    } catch {
      googleError(res, 400, 'Invalid JSON payload received.', 'INVALID_ARGUMENT');
      return;
    }
    fake.requests.push({ method, path: url.pathname, body });
    if (req.headers.authorization !== `Bearer ${ACCESS_TOKEN}`) {
      googleError(res, 401, 'Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential.', 'UNAUTHENTICATED');
      return;
    }
    const validate = (api: 'script' | 'sheets', schema: string): boolean => {
      const problem = unknownField(schemas[api], schema, body);
      if (problem) googleError(res, 400, problem, 'INVALID_ARGUMENT');
      return !problem;
    };
    if (url.pathname === '/v4/spreadsheets' && method === 'POST') {
      if (!validate('sheets', 'Spreadsheet')) return;
      const id = `sheet-${next++}`;
      const title = String((body as { properties?: { title?: string } })?.properties?.title ?? 'Untitled spreadsheet');
      fake.spreadsheets.set(id, { title });
      json(res, { spreadsheetId: id, properties: { title }, spreadsheetUrl: `https://docs.google.com/spreadsheets/d/${id}/edit` });
      return;
    }
    if (url.pathname.startsWith('/v1/') && options.appsScriptApiOff) {
      googleError(res, 403, 'User has not enabled the Apps Script API. Enable it by visiting https://script.google.com/home/usersettings then retry. If you enabled this API recently, wait a few minutes for the action to propagate to our systems and retry.', 'PERMISSION_DENIED');
      return;
    }
    if (url.pathname === '/v1/projects' && method === 'POST') {
      if (!validate('script', 'CreateProjectRequest')) return;
      const { title, parentId } = body as { title?: string; parentId?: string };
      if (parentId && !fake.spreadsheets.has(parentId)) {
        googleError(res, 404, 'Requested entity was not found.', 'NOT_FOUND');
        return;
      }
      const scriptId = `script-${next++}`;
      fake.projects.set(scriptId, { parentId: parentId ?? '', files: [], versions: [], deployments: new Map() });
      json(res, { scriptId, title, parentId });
      return;
    }
    const projectPath = /^\/v1\/projects\/([^/]+)\/(content|versions|deployments)(?:\/([^/]+))?$/.exec(url.pathname);
    const project = projectPath ? fake.projects.get(projectPath[1]) : undefined;
    if (projectPath && !project) {
      googleError(res, 404, 'Requested entity was not found.', 'NOT_FOUND');
      return;
    }
    if (projectPath && project && projectPath[2] === 'content' && method === 'PUT') {
      if (!validate('script', 'Content')) return;
      const files = (body as { files?: ScriptFile[] }).files ?? [];
      const manifest = files.find((f) => f.name === 'appsscript');
      if (!manifest || manifest.type !== 'JSON') {
        googleError(res, 400, 'Project contents must include a manifest file named appsscript.', 'INVALID_ARGUMENT');
        return;
      }
      project.files = files;
      json(res, { scriptId: projectPath[1], files });
      return;
    }
    if (projectPath && project && projectPath[2] === 'versions' && method === 'POST') {
      if (!validate('script', 'Version')) return;
      project.versions.push(project.files.map((f) => ({ ...f })));
      json(res, { scriptId: projectPath[1], versionNumber: project.versions.length, description: (body as { description?: string }).description });
      return;
    }
    if (projectPath && project && projectPath[2] === 'deployments') {
      const config = (method === 'PUT' ? (body as { deploymentConfig?: { versionNumber?: number } }).deploymentConfig : body) as { versionNumber?: number } | undefined;
      if (!validate('script', method === 'PUT' ? 'UpdateDeploymentRequest' : 'DeploymentConfig')) return;
      if (!config?.versionNumber || config.versionNumber > project.versions.length) {
        googleError(res, 400, 'Invalid version number.', 'INVALID_ARGUMENT');
        return;
      }
      const deploymentId = method === 'PUT' ? projectPath[3] ?? '' : `deployment-${next++}`;
      if (method === 'PUT' && !project.deployments.has(deploymentId)) {
        googleError(res, 404, 'Requested entity was not found.', 'NOT_FOUND');
        return;
      }
      project.deployments.set(deploymentId, config.versionNumber);
      json(res, { deploymentId, deploymentConfig: { scriptId: projectPath[1], ...config }, entryPoints: [{ entryPointType: 'EXECUTION_API', executionApi: { entryPointConfig: { access: 'MYSELF' } } }] });
      return;
    }
    const runPath = /^\/v1\/scripts\/([^/:]+):run$/.exec(url.pathname);
    if (runPath && method === 'POST') {
      if (!validate('script', 'ExecutionRequest')) return;
      if (options.otherCloudProject) {
        googleError(res, 403, 'The caller does not have permission', 'PERMISSION_DENIED');
        return;
      }
      const owner = [...fake.projects.values()].find((p) => p.deployments.has(runPath[1]));
      if (!owner) {
        googleError(res, 404, 'Requested entity was not found.', 'NOT_FOUND');
        return;
      }
      const files = owner.versions[(owner.deployments.get(runPath[1]) ?? 1) - 1];
      try {
        const result = runInEmulator(files, String((body as { function?: string }).function));
        json(res, { done: true, response: { '@type': 'type.googleapis.com/google.apps.script.v1.ExecutionResponse', result } });
      } catch (e) {
        const err = e as Error;
        json(res, { done: true, error: { code: 3, message: 'ScriptError', details: [{ '@type': 'type.googleapis.com/google.apps.script.v1.ExecutionError', errorMessage: err.message, errorType: err.name }] } });
      }
      return;
    }
    googleError(res, 404, `The fake has no ${method} ${url.pathname}`, 'NOT_FOUND');
  }

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((e: Error) => googleError(res, 500, e.message, 'INTERNAL'));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    ...fake,
    url,
    endpoints: { oauth2AuthBaseUrl: `${url}/o/oauth2/v2/auth`, oauth2TokenUrl: `${url}/token` },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
