// The two Google APIs the live tools call, through googleapis; `rootUrl` points them at a
// local fake in tests.
import { google } from 'googleapis';
import { NATIVE_FETCH } from './auth';

type Auth = InstanceType<typeof google.auth.OAuth2>;

export function googleClients(auth: Auth, rootUrl?: string) {
  const extra = { ...NATIVE_FETCH, ...(rootUrl ? { rootUrl } : {}) };
  return {
    sheets: google.sheets({ version: 'v4', auth, ...extra }),
    script: google.script({ version: 'v1', auth, ...extra }),
  };
}
