// The Google Forms REST API v1 as a UrlFetchApp route (issue 25). Each test quotes the
// reference sentence it checks (developers.google.com/workspace/forms/api/reference/rest/v1/…).
import { createWorkspace } from '../../scripts/emulator/workspace';

/* eslint-disable @typescript-eslint/no-explicit-any */
type Any = any;

const BASE = 'https://forms.googleapis.com/v1/forms';

function setup(at = '2026-12-01T09:00:00Z') {
  const ws = createWorkspace({ now: at } as Any);
  const g = ws.globals as Any;
  const call = (method: string, url: string, body?: unknown, token?: string | null) => ws.execute(() => {
    const auth = token === null ? {} : { Authorization: `Bearer ${token ?? g.ScriptApp.getOAuthToken()}` };
    const res = g.UrlFetchApp.fetch(url, { method, contentType: 'application/json', payload: body === undefined ? undefined : JSON.stringify(body), headers: auth, muteHttpExceptions: true });
    return { code: res.getResponseCode() as number, body: JSON.parse(res.getContentText() || '{}') };
  });
  return { ws, g, call };
}

function makeForm(call: ReturnType<typeof setup>['call']) {
  const form = call('post', BASE, { info: { title: 'Brief: Shop for Acme' } }).body;
  const made = call('post', `${BASE}/${form.formId}:batchUpdate`, {
    requests: [
      { updateFormInfo: { info: { description: 'Hello Ann' }, updateMask: 'description' } },
      { createItem: { item: { title: 'Budget', questionItem: { question: { required: true, textQuestion: {} } } }, location: { index: 0 } } },
      { createItem: { item: { title: 'Goals', questionItem: { question: { textQuestion: { paragraph: true } } } }, location: { index: 1 } } },
      { createItem: { item: { title: 'Type', questionItem: { question: { choiceQuestion: { type: 'RADIO', options: [{ value: 'Shop' }, { value: 'Site' }] } } } }, location: { index: 2 } } },
    ],
  }).body;
  return { form, made };
}

test('forms.create copies the title only; the form is a Drive file of the app; after June 30, 2026 it starts unpublished', () => {
  const { ws, call } = setup();
  const created = call('post', BASE, { info: { title: 'Brief', documentTitle: 'Brief — Acme' } });
  expect(created.code).toBe(200);
  expect(created.body.info).toEqual({ title: 'Brief', documentTitle: 'Brief — Acme' });
  expect(created.body.responderUri).toMatch(/^https:\/\/docs\.google\.com\/forms\/d\/e\/[\w-]+\/viewform$/);
  // "forms created by the API after June 30, 2026 will be created in an unpublished state" (API changes guide)
  expect(created.body.publishSettings).toEqual({ publishState: { isPublished: false, isAcceptingResponses: false } });
  expect(ws.drive.file(created.body.formId)).toMatchObject({ mimeType: 'application/vnd.google-apps.form', createdByApp: true, name: 'Brief — Acme' });
  // "Only the form.info.title and form.info.document_title fields are copied to the new form. All
  // other fields including the form description, items and settings are disallowed." (forms.create)
  const refused = call('post', BASE, { info: { title: 'x', description: 'no' }, items: [] });
  expect(refused.code).toBe(400);
  expect(refused.body.error).toMatchObject({ code: 400, status: 'INVALID_ARGUMENT' });
  expect(refused.body.error.message).toMatch(/info\.description/);
  // Before the change, forms were published by default; `unpublished` is the documented switch.
  const early = setup('2026-05-01T09:00:00Z');
  expect(early.call('post', BASE, { info: { title: 'x' } }).body.publishSettings.publishState.isPublished).toBe(true);
  expect(early.call('post', `${BASE}?unpublished=true`, { info: { title: 'x' } }).body.publishSettings.publishState.isPublished).toBe(false);
});

test('batchUpdate creates items and updates info in one batch; replies map 1:1; a failing request writes nothing', () => {
  const { call } = setup();
  const { form, made } = makeForm(call);
  // "replies[] … This maps 1:1 with the update requests, although replies to some requests may be empty." (forms.batchUpdate)
  expect(made.replies).toHaveLength(4);
  expect(made.replies[0]).toEqual({});
  expect(made.replies[1].createItem.questionId).toHaveLength(1);
  const got = call('get', `${BASE}/${form.formId}`).body;
  expect(got.info.description).toBe('Hello Ann');
  expect(got.items.map((i: Any) => i.title)).toEqual(['Budget', 'Goals', 'Type']);
  expect(got.items[1].questionItem.question.textQuestion).toEqual({ paragraph: true });
  expect(got.items[0].questionItem.question.questionId).toBe(made.replies[1].createItem.questionId[0]);
  // "if one request fails, none of the other (potentially dependent) changes are written" (Update a form guide)
  const bad = call('post', `${BASE}/${form.formId}:batchUpdate`, { requests: [
    { createItem: { item: { title: 'ok', questionItem: { question: { textQuestion: {} } } }, location: { index: 0 } } },
    { createItem: { item: { title: 'bad' }, location: { index: 99 } } },
  ] });
  expect(bad.code).toBe(400);
  expect(call('get', `${BASE}/${form.formId}`).body.items).toHaveLength(3);
  const other = call('post', `${BASE}/${form.formId}:batchUpdate`, { requests: [{ moveItem: {} }] });
  expect(other.code).toBe(501);
  expect(other.body.error.message).toMatch(/Not implemented in the emulator: forms.batchUpdate request moveItem/);
});

test('setPublishSettings publishes; an unpublished form refuses the client; isAcceptingResponses is forced false when unpublished', () => {
  const { ws, call } = setup();
  const { form } = makeForm(call);
  expect(() => ws.forms.submitResponse(form.formId, { Budget: '12000' })).toThrow(/not published/);
  const set = call('post', `${BASE}/${form.formId}:setPublishSettings`, { publishSettings: { publishState: { isPublished: true, isAcceptingResponses: true } }, updateMask: 'publishState' });
  expect(set.body).toEqual({ formId: form.formId, publishSettings: { publishState: { isPublished: true, isAcceptingResponses: true } } });
  // "Whether the form accepts responses. If is_published is set to false, this field is forced to false." (PublishState)
  const off = call('post', `${BASE}/${form.formId}:setPublishSettings`, { publishSettings: { publishState: { isPublished: false, isAcceptingResponses: true } } });
  expect(off.body.publishSettings.publishState).toEqual({ isPublished: false, isAcceptingResponses: false });
});

test('responses.list filters by timestamp > / >= in RFC3339 Zulu and pages with a token bound to the filter', () => {
  const { ws, call } = setup();
  const { form } = makeForm(call);
  call('post', `${BASE}/${form.formId}:setPublishSettings`, { publishSettings: { publishState: { isPublished: true, isAcceptingResponses: true } } });
  expect(() => ws.forms.submitResponse(form.formId, { Goals: 'x' })).toThrow(/required question: Budget/);
  expect(() => ws.forms.submitResponse(form.formId, { Budget: '1', Type: 'Boat' })).toThrow(/not an option/);
  const first = ws.forms.submitResponse(form.formId, { Budget: '12000', Type: 'Shop' });
  ws.clock.advance(60_000);
  ws.forms.submitResponse(form.formId, { Budget: '15000', Goals: '=HYPERLINK("x")' });
  ws.clock.advance(60_000);
  ws.forms.submitResponse(form.formId, { Budget: '9000' });
  const all = call('get', `${BASE}/${form.formId}/responses`).body;
  expect(all.responses).toHaveLength(3);
  // "Note: The formId field is not returned in the FormResponse object for list requests."
  expect(all.responses[0].formId).toBeUndefined();
  expect(all.responses[0]).toMatchObject({ responseId: first.responseId, createTime: '2026-12-01T09:00:00.000Z' });
  expect(Object.values(all.responses[0].answers).map((a: Any) => a.textAnswers.answers[0].value).sort()).toEqual(['12000', 'Shop']);
  // "timestamp > N which means to get all form responses submitted after (but not at) timestamp N"
  const after = call('get', `${BASE}/${form.formId}/responses?filter=${encodeURIComponent(`timestamp > ${first.lastSubmittedTime.replace('.000Z', 'Z')}`)}`).body;
  expect(after.responses).toHaveLength(2);
  // "timestamp >= N which means to get all form responses submitted at and after timestamp N"
  const atOrAfter = call('get', `${BASE}/${form.formId}/responses?filter=${encodeURIComponent(`timestamp >= ${first.lastSubmittedTime}`)}`).body;
  expect(atOrAfter.responses).toHaveLength(3);
  expect(call('get', `${BASE}/${form.formId}/responses?filter=${encodeURIComponent('timestamp > yesterday')}`).code).toBe(400);
  // "nextPageToken: If set, there are more responses." / "the form and the values of the filter must be the same as for the original request."
  const p1 = call('get', `${BASE}/${form.formId}/responses?pageSize=2`).body;
  expect(p1.responses).toHaveLength(2);
  const p2 = call('get', `${BASE}/${form.formId}/responses?pageSize=2&pageToken=${p1.nextPageToken}`).body;
  expect(p2.responses).toHaveLength(1);
  expect(p2.nextPageToken).toBeUndefined();
  expect(call('get', `${BASE}/${form.formId}/responses?pageSize=2&pageToken=${p1.nextPageToken}&filter=${encodeURIComponent('timestamp > 2026-01-01T00:00:00Z')}`).code).toBe(400);
});

test('drive.file: a form the app did not create is not found; no token is 401; the state persists with the workspace', () => {
  const { ws, call } = setup();
  const { form } = makeForm(call);
  const foreign = ws.drive.addFile({ name: 'Their form', mimeType: 'application/vnd.google-apps.form' } as Any);
  const missing = call('get', `${BASE}/${foreign.id}`);
  expect(missing.code).toBe(404);
  expect(missing.body.error.status).toBe('NOT_FOUND');
  expect(call('get', `${BASE}/${form.formId}`, undefined, null).code).toBe(401);
  call('post', `${BASE}/${form.formId}:setPublishSettings`, { publishSettings: { publishState: { isPublished: true, isAcceptingResponses: true } } });
  ws.forms.submitResponse(form.formId, { Budget: '1' });
  const again = createWorkspace({ state: JSON.parse(JSON.stringify(ws.toJSON())) } as Any);
  expect(again.forms.form(form.formId)?.items).toHaveLength(3);
  expect(again.forms.responsesOf(form.formId)).toHaveLength(1);
  const g2 = again.globals as Any;
  const listed = again.execute(() => JSON.parse(g2.UrlFetchApp.fetch(`${BASE}/${form.formId}/responses`, { headers: { Authorization: `Bearer ${g2.ScriptApp.getOAuthToken()}` } }).getContentText()));
  expect(listed.responses).toHaveLength(1);
});
