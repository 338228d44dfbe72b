// The Forms REST API v1 over UrlFetchApp with the user's OAuth token (drive.file: the API
// accepts it for forms the add-on created — forms.create, batchUpdate, setPublishSettings, get
// and responses.list all list drive.file among their scopes). Forms is not an advanced service
// and FormApp would need the broad `forms` scope.
import { CreatedForm, FormJson, FormsPort, ResponsesPage, ResponsesQuery } from '../../ports/forms';
import { FormResponseJson } from '../../domain/briefs/briefs';

const API = 'https://forms.googleapis.com/v1/forms';
const FORM_MIME = 'application/vnd.google-apps.form';

function headers(): Record<string, string> {
  return { Authorization: `Bearer ${ScriptApp.getOAuthToken()}` };
}

function errorText(code: number, text: string): string {
  try {
    const body = JSON.parse(text) as { error?: { message?: string } };
    if (body.error && body.error.message) return `Google Forms answered ${code}: ${body.error.message}`;
  } catch (_) { /* not JSON */ }
  return `Google Forms answered ${code}.`;
}

function call(method: 'get' | 'post', url: string, body?: unknown): Record<string, unknown> {
  const response = UrlFetchApp.fetch(url, {
    method, headers: headers(), muteHttpExceptions: true,
    ...(body === undefined ? {} : { contentType: 'application/json', payload: JSON.stringify(body) }),
  });
  const code = response.getResponseCode();
  const text = response.getContentText();
  if (code !== 200) throw new Error(errorText(code, text));
  return JSON.parse(text || '{}') as Record<string, unknown>;
}

function quoted(text: string): string {
  return `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

function listUrl(q: ResponsesQuery): string {
  const params = [`pageSize=5000`];
  if (q.after) params.push(`filter=${encodeURIComponent(`timestamp > ${q.after}`)}`);
  if (q.pageToken) params.push(`pageToken=${encodeURIComponent(q.pageToken)}`);
  return `${API}/${encodeURIComponent(q.formId)}/responses?${params.join('&')}`;
}

export function gasForms(): FormsPort {
  return {
    create(title, documentTitle): CreatedForm {
      const form = call('post', API, { info: { title, documentTitle } });
      return { formId: String(form.formId), responderUri: String(form.responderUri || '') };
    },
    findByDocumentTitle(documentTitle) {
      if (typeof Drive === 'undefined' || !Drive) return null;
      const found = Drive.Files!.list({ q: `name = ${quoted(documentTitle)} and mimeType = '${FORM_MIME}' and trashed = false`, fields: 'files(id)' } as never) as { files?: { id?: string }[] };
      const files = found.files || [];
      return files.length > 0 && files[0].id ? String(files[0].id) : null;
    },
    get(formId): FormJson | null {
      const response = UrlFetchApp.fetch(`${API}/${encodeURIComponent(formId)}`, { headers: headers(), muteHttpExceptions: true });
      if (response.getResponseCode() === 404) return null;
      if (response.getResponseCode() !== 200) throw new Error(errorText(response.getResponseCode(), response.getContentText()));
      return JSON.parse(response.getContentText()) as FormJson;
    },
    batchUpdate(formId, requests) {
      const out = call('post', `${API}/${encodeURIComponent(formId)}:batchUpdate`, { requests });
      return (out.replies as unknown[]) || [];
    },
    publish(formId) {
      call('post', `${API}/${encodeURIComponent(formId)}:setPublishSettings`, { publishSettings: { publishState: { isPublished: true, isAcceptingResponses: true } }, updateMask: 'publishState' });
    },
    listResponses(queries): ResponsesPage[] {
      if (queries.length === 0) return [];
      const auth = headers();
      const replies = UrlFetchApp.fetchAll(queries.map((q) => ({ url: listUrl(q), headers: auth, muteHttpExceptions: true })));
      return replies.map((r, i): ResponsesPage => {
        const code = r.getResponseCode();
        if (code !== 200) return { formId: queries[i].formId, responses: [], nextPageToken: null, error: errorText(code, r.getContentText()) };
        const body = JSON.parse(r.getContentText() || '{}') as { responses?: FormResponseJson[]; nextPageToken?: string };
        return { formId: queries[i].formId, responses: body.responses || [], nextPageToken: body.nextPageToken || null, error: null };
      });
    },
  };
}
