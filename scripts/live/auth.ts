// Sign-in for the live tools: googleapis' OAuth2 client with a loopback redirect (Google's
// flow for installed apps), PKCE and a state check. The token lives in the user's home.
import { createServer, Server } from 'node:http';
import { randomBytes } from 'node:crypto';
import { AddressInfo } from 'node:net';
import { google } from 'googleapis';
import { LivePaths, readJson, writePrivateJson } from './config';
import { LiveSetupError, PREREQUISITES } from './errors';

type OAuth2Client = InstanceType<typeof google.auth.OAuth2>;

/** Node's own fetch: gaxios would otherwise import node-fetch at run time. */
export const NATIVE_FETCH = { fetchImplementation: fetch };

export interface AuthOptions {
  paths: LivePaths;
  scopes: string[];
  /** Google's endpoints by default; tests point them at a local fake. */
  endpoints?: { oauth2AuthBaseUrl: string; oauth2TokenUrl: string };
  /** Opens the sign-in page; by default the page is printed for the user to open. */
  openBrowser?: (url: string) => void | Promise<void>;
  log: (line: string) => void;
}

interface ClientFile {
  installed?: { client_id: string; client_secret: string };
  web?: { client_id: string; client_secret: string };
}

interface SavedToken {
  access_token?: string | null;
  refresh_token?: string | null;
  expiry_date?: number | null;
  token_type?: string | null;
  scope?: string;
  granted?: string[];
}

function listen(server: Server): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
  });
}

/** Waits for Google's redirect to the loopback page and answers the browser. */
function waitForCode(server: Server, state: string): Promise<string> {
  return new Promise((resolve, reject) => {
    server.on('request', (req, res) => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      if (url.pathname !== '/oauth2callback') {
        res.writeHead(404).end();
        return;
      }
      const problem = url.searchParams.get('error') ?? (url.searchParams.get('state') !== state ? 'the state did not match (a stale or forged redirect)' : null);
      res.writeHead(problem ? 400 : 200, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end(problem ? `Sign-in failed: ${problem}` : 'Signed in to Dealboard live tools. You can close this tab.');
      if (problem) reject(new LiveSetupError(PREREQUISITES.signInDenied(problem)));
      else resolve(url.searchParams.get('code') ?? '');
    });
  });
}

export async function signIn(options: AuthOptions): Promise<OAuth2Client> {
  const file = readJson<ClientFile>(options.paths.client);
  const creds = file?.installed ?? file?.web;
  if (!creds?.client_id) throw new LiveSetupError(PREREQUISITES.client(options.paths.client));
  const saved = readJson<SavedToken>(options.paths.token);
  const covers = saved?.refresh_token && options.scopes.every((s) => saved.granted?.includes(s));
  if (saved && covers) {
    const client = new google.auth.OAuth2({ clientId: creds.client_id, clientSecret: creds.client_secret, endpoints: options.endpoints, transporterOptions: NATIVE_FETCH });
    client.setCredentials(saved);
    client.on('tokens', (tokens) => writePrivateJson(options.paths.token, { ...saved, ...tokens, granted: saved.granted }));
    return client;
  }
  const server = createServer();
  try {
    const port = await listen(server);
    const redirectUri = `http://127.0.0.1:${port}/oauth2callback`;
    const client = new google.auth.OAuth2({ clientId: creds.client_id, clientSecret: creds.client_secret, redirectUri, endpoints: options.endpoints, transporterOptions: NATIVE_FETCH });
    const state = randomBytes(16).toString('hex');
    const pkce = await client.generateCodeVerifierAsync();
    const url = client.generateAuthUrl({
      access_type: 'offline', prompt: 'consent', scope: options.scopes, state,
      code_challenge_method: 'S256' as never, code_challenge: pkce.codeChallenge,
    });
    const code = waitForCode(server, state);
    options.log(`Sign in with the Google account that will own the test project:\n  ${url}`);
    if (options.openBrowser) await options.openBrowser(url);
    const { tokens } = await client.getToken({ code: await code, codeVerifier: pkce.codeVerifier, redirect_uri: redirectUri });
    client.setCredentials(tokens);
    writePrivateJson(options.paths.token, { ...tokens, granted: options.scopes });
    return client;
  } finally {
    server.close();
  }
}
