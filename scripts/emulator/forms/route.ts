// The Google Forms REST API v1 as a UrlFetchApp route (https://forms.googleapis.com/v1/…):
//   POST /v1/forms                          forms.create (info.title / info.documentTitle only)
//   POST /v1/forms/{id}:batchUpdate         createItem (text, paragraph, choice, date questions), updateFormInfo
//   POST /v1/forms/{id}:setPublishSettings  publishState
//   GET  /v1/forms/{id}                     forms.get
//   GET  /v1/forms/{id}/responses           forms.responses.list (filter timestamp > / >=, paging)
// The token carries drive.file: a form is visible only when the add-on created it (Drive model).
// Other endpoints and request kinds answer 501 naming what is not emulated.
import { FetchRoute } from '../fetch/router';
import { FetchRequest, Reply, bearerUser, googleError, jsonReply, missingCredential } from '../fetch/reply';
import { FormItem, FormRecord, FormResponseRecord, FormsModel } from './model';

const ORIGIN = 'https://forms.googleapis.com';
/** "If unspecified or zero, at most 5000 responses are returned." (forms.responses.list) */
const MAX_PAGE = 5000;

function invalid(message: string): Reply {
  return googleError(400, message, 'badRequest');
}
function notFound(): Reply {
  return googleError(404, 'Requested entity was not found.', 'notFound');
}
function notEmulated(what: string): Reply {
  return googleError(501, `Not implemented in the emulator: ${what}`, 'notImplemented');
}

function parseBody(request: FetchRequest): Record<string, unknown> | Reply {
  if (!request.payload) return {};
  try {
    const body = JSON.parse(request.payload);
    return body && typeof body === 'object' && !Array.isArray(body) ? body : invalid('Invalid JSON payload received. Expected an object.');
  } catch {
    return invalid(`Invalid JSON payload received. Unexpected token.\n${request.payload.slice(0, 40)}`);
  }
}

export function formJson(model: FormsModel, form: FormRecord): Record<string, unknown> {
  const out: Record<string, unknown> = {
    formId: form.formId,
    info: { ...form.info },
    settings: {},
    revisionId: String(form.revisionId).padStart(8, '0'),
    responderUri: model.responderUri(form),
    publishSettings: { publishState: { ...form.publishState } },
  };
  if (form.items.length) out.items = JSON.parse(JSON.stringify(form.items));
  return out;
}

function create(model: FormsModel, request: FetchRequest, user: string): Reply {
  const body = parseBody(request);
  if ('code' in body && 'bytes' in body) return body as unknown as Reply;
  const b = body as Record<string, unknown>;
  const info = (b.info ?? {}) as Record<string, unknown>;
  // "Only the form.info.title and form.info.document_title fields are copied to the new form. All
  // other fields including the form description, items and settings are disallowed." (forms.create)
  const extra = Object.keys(b).filter((k) => k !== 'info');
  const extraInfo = Object.keys(info).filter((k) => k !== 'title' && k !== 'documentTitle');
  if (extra.length || extraInfo.length) return invalid(`Only info.title and info.document_title may be set when creating a form. To add items, use batchUpdate. (got ${[...extra, ...extraInfo.map((k) => `info.${k}`)].join(', ')})`);
  if (typeof info.title !== 'string') return invalid('info.title is required.');
  const flag = request.url.searchParams.get('unpublished');
  const unpublished = flag === null ? undefined : flag === 'true';
  const form = model.create(info.title, typeof info.documentTitle === 'string' ? info.documentTitle : undefined, unpublished, user);
  return jsonReply(200, formJson(model, form));
}

const QUESTION_KINDS = ['textQuestion', 'choiceQuestion', 'dateQuestion'];

function createItem(model: FormsModel, form: FormRecord, req: Record<string, unknown>, index: number): { reply?: Record<string, unknown>; error?: string } {
  const item = req.item as Record<string, unknown> | undefined;
  const location = req.location as { index?: number } | undefined;
  if (!item) return { error: `requests[${index}].createItem.item is required.` };
  if (!location || typeof location.index !== 'number') return { error: `requests[${index}].createItem.location is required.` };
  if (location.index < 0 || location.index > form.items.length) return { error: `Index ${location.index} must be less than or equal to the end of the list (${form.items.length}).` };
  const made: FormItem = { itemId: model.newItemId() };
  if (typeof item.title === 'string') made.title = item.title;
  if (typeof item.description === 'string') made.description = item.description;
  if (item.questionItem) {
    const q = ((item.questionItem as Record<string, unknown>).question ?? {}) as Record<string, unknown>;
    const kinds = Object.keys(q).filter((k) => k.endsWith('Question'));
    if (kinds.length !== 1) return { error: `requests[${index}]: a question needs exactly one kind.` };
    if (!QUESTION_KINDS.includes(kinds[0])) return { error: `NOT_EMULATED ${kinds[0]}` };
    const question: Record<string, unknown> = { questionId: model.newItemId() };
    if (q.required === true) question.required = true;
    if (q.textQuestion) question.textQuestion = (q.textQuestion as Record<string, unknown>).paragraph === true ? { paragraph: true } : {};
    if (q.dateQuestion) question.dateQuestion = { ...(q.dateQuestion as object) };
    if (q.choiceQuestion) {
      const c = q.choiceQuestion as { type?: string; options?: { value?: unknown }[] };
      if (c.type !== 'RADIO' && c.type !== 'CHECKBOX' && c.type !== 'DROP_DOWN') return { error: `requests[${index}]: choiceQuestion.type must be RADIO, CHECKBOX or DROP_DOWN.` };
      const options = (c.options ?? []).map((o) => String(o.value ?? ''));
      if (options.length === 0 || options.some((o) => o === '')) return { error: `requests[${index}]: choice options must be non-empty.` };
      if (new Set(options).size !== options.length) return { error: `requests[${index}]: duplicate option values.` };
      question.choiceQuestion = { type: c.type, options: options.map((value) => ({ value })) };
    }
    made.questionItem = { question: question as unknown as FormItem['questionItem'] extends { question: infer Q } ? Q : never };
  } else if (item.textItem) {
    made.textItem = {};
  } else {
    return { error: `NOT_EMULATED item kind ${Object.keys(item).filter((k) => k.endsWith('Item')).join(', ') || '(none)'}` };
  }
  form.items.splice(location.index, 0, made);
  const reply: Record<string, unknown> = { itemId: made.itemId };
  if (made.questionItem) reply.questionId = [made.questionItem.question.questionId];
  return { reply: { createItem: reply } };
}

function updateFormInfo(form: FormRecord, req: Record<string, unknown>, index: number): { reply?: Record<string, unknown>; error?: string } {
  const info = (req.info ?? {}) as Record<string, unknown>;
  const mask = typeof req.updateMask === 'string' ? req.updateMask : '';
  if (!mask) return { error: `requests[${index}].updateFormInfo.updateMask is required.` };
  const fields = mask === '*' ? ['title', 'description'] : mask.split(',').map((s) => s.trim());
  for (const f of fields) {
    if (f !== 'title' && f !== 'description') return { error: `requests[${index}]: updateMask field ${f} is not an Info field that can be updated.` };
    if (f === 'title') form.info.title = String(info.title ?? '');
    if (f === 'description') {
      if (info.description === undefined || info.description === '') delete form.info.description;
      else form.info.description = String(info.description);
    }
  }
  return { reply: {} };
}

function batchUpdate(model: FormsModel, form: FormRecord, request: FetchRequest): Reply {
  const body = parseBody(request);
  if ('code' in body && 'bytes' in body) return body as unknown as Reply;
  const b = body as { requests?: Record<string, unknown>[]; includeFormInResponse?: boolean };
  if (!Array.isArray(b.requests) || b.requests.length === 0) return invalid('requests is required.');
  // "groups changes together in a batch so that if one request fails, none of the other
  // (potentially dependent) changes are written" (Update a form guide): work on a copy.
  const draft: FormRecord = JSON.parse(JSON.stringify(form));
  const replies: Record<string, unknown>[] = [];
  for (let i = 0; i < b.requests.length; i++) {
    const r = b.requests[i];
    const kinds = Object.keys(r);
    let out: { reply?: Record<string, unknown>; error?: string };
    if (kinds.length === 1 && kinds[0] === 'createItem') out = createItem(model, draft, r.createItem as Record<string, unknown>, i);
    else if (kinds.length === 1 && kinds[0] === 'updateFormInfo') out = updateFormInfo(draft, r.updateFormInfo as Record<string, unknown>, i);
    else return notEmulated(`forms.batchUpdate request ${kinds.join(', ')}`);
    if (out.error?.startsWith('NOT_EMULATED ')) return notEmulated(`forms.batchUpdate ${out.error.slice(13)}`);
    if (out.error) return invalid(out.error);
    replies.push(out.reply ?? {});
  }
  Object.assign(form, { info: draft.info, items: draft.items });
  model.touched(form);
  const reply: Record<string, unknown> = { replies, writeControl: { requiredRevisionId: String(form.revisionId).padStart(8, '0') } };
  if (b.includeFormInResponse) reply.form = formJson(model, form);
  return jsonReply(200, reply);
}

function setPublishSettings(model: FormsModel, form: FormRecord, request: FetchRequest): Reply {
  const body = parseBody(request);
  if ('code' in body && 'bytes' in body) return body as unknown as Reply;
  const b = body as { publishSettings?: { publishState?: { isPublished?: unknown; isAcceptingResponses?: unknown } }; updateMask?: string };
  const state = b.publishSettings?.publishState;
  if (!state || typeof state.isPublished !== 'boolean') return invalid('publishSettings.publishState.isPublished is required.');
  if (b.updateMask !== undefined && b.updateMask !== 'publishState' && b.updateMask !== '*') return invalid(`Invalid update mask: ${b.updateMask}`);
  // "If is_published is set to false, this field is forced to false." (PublishState)
  form.publishState = { isPublished: state.isPublished, isAcceptingResponses: state.isPublished && state.isAcceptingResponses === true };
  return jsonReply(200, { formId: form.formId, publishSettings: { publishState: { ...form.publishState } } });
}

interface PageToken { f: string; q: string; o: number }

function listResponses(model: FormsModel, form: FormRecord, request: FetchRequest): Reply {
  const params = request.url.searchParams;
  const filter = params.get('filter') ?? '';
  let after: { op: '>' | '>='; at: number } | null = null;
  if (filter.trim()) {
    // "timestamp > N … timestamp >= N … timestamp must be formatted in RFC3339 UTC "Zulu" format" (forms.responses.list)
    const m = /^\s*timestamp\s*(>=|>)\s*(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d{1,9})?Z)\s*$/.exec(filter);
    if (!m || Number.isNaN(Date.parse(m[2]))) return invalid(`Invalid filter: ${filter}`);
    after = { op: m[1] as '>' | '>=', at: Date.parse(m[2]) };
  }
  const sizeText = params.get('pageSize');
  const size = sizeText === null || Number(sizeText) === 0 ? MAX_PAGE : Math.min(MAX_PAGE, Math.floor(Number(sizeText)));
  if (!(size > 0)) return invalid(`Invalid value for pageSize: ${sizeText}`);
  let offset = 0;
  const tokenText = params.get('pageToken');
  if (tokenText) {
    let token: PageToken | null = null;
    try { token = JSON.parse(Buffer.from(tokenText, 'base64url').toString('utf8')); } catch { token = null; }
    // "If this field is set, the form and the values of the filter must be the same as for the original request."
    if (!token || token.f !== form.formId || token.q !== filter || typeof token.o !== 'number') return invalid('Invalid page token.');
    offset = token.o;
  }
  const matching = model.responsesOf(form.formId)
    .filter((r) => !after || (after.op === '>' ? Date.parse(r.lastSubmittedTime) > after.at : Date.parse(r.lastSubmittedTime) >= after.at))
    .sort((a, b) => a.lastSubmittedTime.localeCompare(b.lastSubmittedTime));
  const page = matching.slice(offset, offset + size);
  const out: Record<string, unknown> = {};
  // "Note: The formId field is not returned in the FormResponse object for list requests."
  if (page.length) out.responses = page.map(({ formId: _f, ...rest }: FormResponseRecord) => JSON.parse(JSON.stringify(rest)));
  if (offset + size < matching.length) out.nextPageToken = Buffer.from(JSON.stringify({ f: form.formId, q: filter, o: offset + size })).toString('base64url');
  return jsonReply(200, out);
}

function answer(model: FormsModel, request: FetchRequest): Reply {
  const user = bearerUser(request);
  if (user === null || user !== request.user) return missingCredential();
  const path = request.url.pathname;
  if (path === '/v1/forms') {
    if (request.method !== 'post') return googleError(405, `Method ${request.method.toUpperCase()} is not allowed.`, 'httpMethodNotAllowed');
    return create(model, request, user);
  }
  const m = /^\/v1\/forms\/([^/:]+)(:batchUpdate|:setPublishSettings|\/responses)?$/.exec(path);
  if (!m) return notEmulated(`${request.method.toUpperCase()} ${path}`);
  const formId = decodeURIComponent(m[1]);
  const form = model.form(formId);
  const file = model.drive.file(formId);
  // Under drive.file only forms this app created are visible; a trashed form is gone.
  if (!form || !file || file.trashed || (model.drive.scope === 'drive.file' && !file.createdByApp)) return notFound();
  const verb = m[2] ?? '';
  const expect = verb === '' || verb === '/responses' ? 'get' : 'post';
  if (request.method !== expect) return googleError(405, `Method ${request.method.toUpperCase()} is not allowed.`, 'httpMethodNotAllowed');
  if (verb === '') return jsonReply(200, formJson(model, form));
  if (verb === ':batchUpdate') return batchUpdate(model, form, request);
  if (verb === ':setPublishSettings') return setPublishSettings(model, form, request);
  return listResponses(model, form, request);
}

export function formsRoute(model: FormsModel): FetchRoute {
  return {
    describe: 'Google Forms API v1 (https://forms.googleapis.com/v1/forms…)',
    key: 'forms',
    handle(request) {
      if (request.url.origin !== ORIGIN) return null;
      return answer(model, request);
    },
    // Nothing to keep until a form exists (a workspace without forms saves as before).
    toJSON: () => (model.listForms().length ? model.toJSON() : undefined),
  };
}
