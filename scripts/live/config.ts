// Where live tooling keeps what is the user's and never the repo's: the OAuth client they
// downloaded, the token after sign-in, and the ids of the test project it made.
import { existsSync, mkdirSync, readFileSync, writeFileSync, chmodSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

export interface LivePaths {
  dir: string;
  client: string;
  token: string;
  project: string;
}

export function livePaths(dir = process.env.DEALBOARD_LIVE_DIR || join(homedir(), '.config', 'dealboard-live')): LivePaths {
  return { dir, client: join(dir, 'oauth-client.json'), token: join(dir, 'token.json'), project: join(dir, 'project.json') };
}

export function readJson<T>(file: string): T | null {
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as T) : null;
}

/** Written readable by the user only: a token is a password. */
export function writePrivateJson(file: string, value: unknown): void {
  mkdirSync(join(file, '..'), { recursive: true });
  writeFileSync(file, `${JSON.stringify(value, null, 2)}\n`, { mode: 0o600 });
  chmodSync(file, 0o600);
}

export interface LiveProject {
  spreadsheetId: string;
  spreadsheetUrl: string;
  scriptId: string;
  deploymentId?: string;
}
