// Google's prerequisites for running a script through the Apps Script API, said as sentences
// a person can act on instead of a stack trace.
export class LiveSetupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LiveSetupError';
  }
}

export const PREREQUISITES = {
  client: (file: string) => `No OAuth client found at ${file}. In a standard Google Cloud project (not the default project Apps Script makes), enable the Apps Script API and the Google Sheets API, create an OAuth client of type "Desktop app", download its JSON and save it as ${file}.`,
  userApi: 'The Apps Script API is off for this Google account. Turn it on at https://script.google.com/home/usersettings, wait a few minutes, and run the command again.',
  cloudApi: (detail: string) => `An API this tool calls is not enabled in the Cloud project of your OAuth client: ${detail}`,
  sameProject: 'scripts.run refused the call: the script and the OAuth client must share one standard Google Cloud project. Open the script (its link was printed by npm run provision), Project Settings → Google Cloud Platform project → Change project, and enter the number of the project your OAuth client belongs to. Service accounts cannot call the Apps Script API.',
  noProject: (file: string) => `No test project recorded at ${file}: run npm run provision first.`,
  signInDenied: (reason: string) => `Sign-in did not complete: ${reason}`,
};

interface GaxiosLike {
  response?: { status?: number; data?: { error?: { message?: string; status?: string } } };
  status?: number;
  message?: string;
}

/** Maps a Google API error to the prerequisite it reveals, or returns it as it is. */
export function explainGoogleError(error: unknown, during: string): Error {
  const e = error as GaxiosLike;
  const status = e.response?.status ?? e.status;
  const message = e.response?.data?.error?.message ?? e.message ?? String(error);
  if (status === 403 && /has not enabled the Apps Script API/i.test(message)) return new LiveSetupError(PREREQUISITES.userApi);
  if (status === 403 && /has not been used in project|is disabled/i.test(message)) return new LiveSetupError(PREREQUISITES.cloudApi(message));
  if (status === 403 && during === 'scripts.run') return new LiveSetupError(PREREQUISITES.sameProject);
  if (status === 404 && during === 'scripts.run') return new LiveSetupError(`${PREREQUISITES.sameProject} (Google answered 404: ${message})`);
  return new LiveSetupError(`${during} failed${status ? ` (HTTP ${status})` : ''}: ${message}`);
}
