// Backup spreadsheets over the Sheets REST API v4 (UrlFetchApp with the script's OAuth token) and
// the Drive advanced service, both under drive.file: SpreadsheetApp.create/openById would need the
// full spreadsheets scope. The Sheets API lists drive.file among the scopes it accepts, and a file
// the add-on created is within it (docs/deployment.md, scope table).
import { BackupStoragePort } from '../../ports/backup';

const SHEETS = 'https://sheets.googleapis.com/v4/spreadsheets';
const FOLDER = 'application/vnd.google-apps.folder';

function drive(): GoogleAppsScript.Drive {
  if (typeof Drive === 'undefined' || !Drive) throw new Error('The Drive advanced service is not enabled for this script.');
  return Drive;
}

/**
 * Waits before the retries of a 429 or 5xx: Google asks for exponential backoff, and the
 * per-minute quotas refill after a minute (https://developers.google.com/workspace/sheets/api/limits).
 */
const BACKOFF_MS = [1000, 2000, 4000, 8000, 16000, 32000];

/** One Sheets API call; a refusal becomes an Error with Google's own message and status. */
function call(method: 'get' | 'post' | 'put', url: string, body?: unknown): Record<string, unknown> {
  const payload = body === undefined ? undefined : JSON.stringify(body);
  let response = fetchOnce(method, url, payload);
  for (let attempt = 0; attempt < BACKOFF_MS.length && (response.getResponseCode() === 429 || response.getResponseCode() >= 500); attempt++) {
    Utilities.sleep(BACKOFF_MS[attempt]);
    response = fetchOnce(method, url, payload);
  }
  const code = response.getResponseCode();
  const text = response.getContentText();
  let json: Record<string, unknown> = {};
  try { json = JSON.parse(text) as Record<string, unknown>; } catch (_notJson) { /* an HTML error page */ }
  if (code !== 200) {
    const error = (json.error || {}) as { message?: string; status?: string };
    throw new Error(`The Sheets API answered ${code}${error.status ? ` ${error.status}` : ''}: ${error.message || text.slice(0, 200)}`);
  }
  return json;
}

function fetchOnce(method: 'get' | 'post' | 'put', url: string, payload: string | undefined): GoogleAppsScript.URL_Fetch.HTTPResponse {
  return UrlFetchApp.fetch(url, {
    method,
    muteHttpExceptions: true,
    contentType: 'application/json',
    headers: { Authorization: `Bearer ${ScriptApp.getOAuthToken()}` },
    ...(payload === undefined ? {} : { payload }),
  });
}

export function gasBackupStorage(): BackupStoragePort {
  return {
    ensureFolder(knownId, name) {
      if (knownId) {
        try {
          const folder = drive().Files!.get(knownId, { fields: 'id,trashed' }) as { trashed?: boolean };
          if (!folder.trashed) return knownId;
        } catch (_gone) {
          // Deleted: a new folder below.
        }
      }
      return String(drive().Files!.create({ name, mimeType: FOLDER }, undefined as never, { fields: 'id' }).id);
    },
    create(title, sheets, folderId) {
      const made = call('post', SHEETS, {
        properties: { title },
        sheets: sheets.map((s) => ({ properties: { title: s.title, gridProperties: { rowCount: s.rows, columnCount: s.columns } } })),
      });
      const id = String(made.spreadsheetId);
      const parents = (drive().Files!.get(id, { fields: 'parents' }) as { parents?: string[] }).parents || [];
      drive().Files!.update({}, id, undefined as never, { addParents: folderId, removeParents: parents.join(','), fields: 'id' });
      return { id, url: String(made.spreadsheetUrl || `https://docs.google.com/spreadsheets/d/${id}/edit`) };
    },
    writeValues(spreadsheetId, data) {
      call('post', `${SHEETS}/${encodeURIComponent(spreadsheetId)}/values:batchUpdate`, { valueInputOption: 'RAW', data });
    },
    readValues(spreadsheetId, ranges) {
      const query = ranges.map((r) => `ranges=${encodeURIComponent(r)}`).join('&');
      const json = call('get', `${SHEETS}/${encodeURIComponent(spreadsheetId)}/values:batchGet?${query}&valueRenderOption=UNFORMATTED_VALUE`);
      const valueRanges = (json.valueRanges || []) as { values?: unknown[][] }[];
      return valueRanges.map((v) => v.values || []);
    },
    grow(spreadsheetId, sheets) {
      const url = `${SHEETS}/${encodeURIComponent(spreadsheetId)}`;
      const described = call('get', `${url}?fields=${encodeURIComponent('sheets.properties(sheetId,title)')}`);
      const ids: Record<string, number> = {};
      for (const s of (described.sheets || []) as { properties?: { sheetId?: number; title?: string } }[]) {
        if (s.properties && s.properties.title !== undefined) ids[s.properties.title] = Number(s.properties.sheetId);
      }
      const requests: unknown[] = [];
      for (const s of sheets) {
        if (ids[s.title] === undefined) throw new Error(`The spreadsheet has no "${s.title}" sheet to grow.`);
        if (s.rows > 0) requests.push({ appendDimension: { sheetId: ids[s.title], dimension: 'ROWS', length: s.rows } });
        if (s.columns > 0) requests.push({ appendDimension: { sheetId: ids[s.title], dimension: 'COLUMNS', length: s.columns } });
      }
      if (requests.length > 0) call('post', `${url}:batchUpdate`, { requests });
    },
    rename(fileId, name) {
      drive().Files!.update({ name }, fileId, undefined as never, { fields: 'id' });
    },
    trash(fileId) {
      drive().Files!.update({ trashed: true }, fileId, undefined as never, { fields: 'id' });
    },
  };
}
