// The Gmail advanced service (Gmail API v1 as Apps Script exposes it: `Gmail.Users.Labels`,
// `Gmail.Users.Messages`, `Gmail.Users.Threads`, `Gmail.Users.getProfile`, and the `Gmail.new…`
// resource builders) over the same mailbox GmailApp and MailApp use (mailbox.ts): a label made
// here is a GmailApp user label with the same id, a message MailApp sent is listed here.
// Counted as `GmailUsersLabels.*` / `GmailUsersMessages.*` / `GmailUsersThreads.*` / `GmailUsers.*`,
// refused in AuthMode.NONE; errors as Apps Script wraps the API's:
// `GoogleJsonResponseException: API call to gmail.users.labels.get failed with error: Requested entity was not found.`
// Emulated: labels list/get/create/update/patch/remove, messages list/get, threads list/get,
// getProfile. The rest (send, insert, import, modify, batch*, history, settings, drafts) throws
// "Not implemented". Label colours are not checked against Gmail's palette.
import { counted } from '../context';
import type { EmulatorContext } from '../context';
import { GoogleJsonResponseException } from '../drive/services';
import type { MailModel } from './mail';
import { matches } from './gmail';
import { LabelMeta, userLabelId } from './mailbox';
import type { BoxMessage } from './mailbox';
import { gasError } from './util';

type Resource = Record<string, unknown>;

/** Gmail's system labels (users.labels.list lists them with type "system"). */
const SYSTEM_LABELS = ['CHAT', 'SENT', 'INBOX', 'IMPORTANT', 'TRASH', 'DRAFT', 'SPAM', 'CATEGORY_FORUMS', 'CATEGORY_UPDATES',
  'CATEGORY_PERSONAL', 'CATEGORY_PROMOTIONS', 'CATEGORY_SOCIAL', 'STARRED', 'UNREAD'];

/** Fields of the Gmail API schemas the `Gmail.new…()` builders fill (discovery document, gmail v1). */
const SCHEMAS: Record<string, string[]> = {
  Label: ['color', 'id', 'labelListVisibility', 'messageListVisibility', 'messagesTotal', 'messagesUnread', 'name', 'threadsTotal', 'threadsUnread', 'type'],
  LabelColor: ['backgroundColor', 'textColor'],
  ModifyMessageRequest: ['addLabelIds', 'removeLabelIds'],
  ModifyThreadRequest: ['addLabelIds', 'removeLabelIds'],
  Message: ['historyId', 'id', 'internalDate', 'labelIds', 'payload', 'raw', 'sizeEstimate', 'snippet', 'threadId'],
};

const LABEL_LIST_VISIBILITY = ['labelShow', 'labelShowIfUnread', 'labelHide'];
const MESSAGE_LIST_VISIBILITY = ['show', 'hide'];

function fail(method: string, code: number, message: string, reason: string): never {
  throw new GoogleJsonResponseException(`gmail.users.${method}`, code, message, reason);
}

function notFound(method: string): never {
  return fail(method, 404, 'Requested entity was not found.', 'notFound');
}

/** Gmail API methods the emulator does not answer: each throws the clear "Not implemented" error. */
function notImplemented<T extends object>(o: T, collection: string, names: string[]): T {
  for (const n of names) {
    Object.defineProperty(o, n, { enumerable: true, writable: true, configurable: true, value: () => { throw gasError(`Not implemented in the Dealboard emulator: Gmail.${collection}.${n}`); } });
  }
  return o;
}

function identify<T extends object>(o: T): T {
  return Object.defineProperty(o, 'toString', { value: () => 'AdvancedServiceIdentifier{name=gmail, version=v1}', enumerable: false, writable: true, configurable: true });
}

function builders(): Record<string, () => object> {
  const out: Record<string, () => object> = {};
  for (const [schema, fields] of Object.entries(SCHEMAS)) {
    out[`new${schema}`] = () => {
      const resource: Record<string, unknown> = {};
      for (const f of fields) {
        Object.defineProperty(resource, `set${f[0].toUpperCase()}${f.slice(1)}`, { value: (v: unknown) => { resource[f] = v; return resource; } });
      }
      return resource;
    };
  }
  return out;
}

const base64url = (text: string) => Buffer.from(text, 'utf8').toString('base64').replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');

export function createGmailService(ctx: EmulatorContext, model: MailModel): object {
  const box = model.mailbox;
  const auth = (what: string) => ctx.requireAuthorization(what);
  const me = () => ctx.currentUser();
  /** userId: "The user's email address. The special value `me` can be used to indicate the authenticated user." */
  const user = (method: string, userId: unknown): string => {
    if (userId === undefined || userId === null || userId === '') throw gasError(`Invalid number of arguments provided. Expected the userId.`);
    const id = String(userId);
    if (id !== 'me' && id.toLowerCase() !== me().toLowerCase()) fail(method, 403, 'Delegation denied for ' + me(), 'forbidden');
    return me();
  };
  const mine = () => box.messagesOf(me(), model.sent());
  /** A history id that grows with the mailbox (the emulator keeps no history records). */
  const history = () => String(1000 + model.sent().length + box.received.length + box.drafts.length);
  const labelNamesOfThread = (threadId: string) => box.labelsOfThread(me(), threadId);
  const labelIdsOf = (m: BoxMessage) => [...[...m.flags].filter((f) => SYSTEM_LABELS.includes(f)).sort(), ...labelNamesOfThread(m.threadId).map(userLabelId)];
  const userLabelById = (id: string): string | null => box.labelNames(me()).find((n) => userLabelId(n) === id) ?? null;

  // ---- labels
  function userLabel(name: string, counts: boolean): Resource {
    const meta = box.labelMetaOf(me(), name);
    const out: Resource = {
      id: userLabelId(name), name,
      messageListVisibility: meta.messageListVisibility ?? 'show',
      labelListVisibility: meta.labelListVisibility ?? 'labelShow',
      type: 'user',
    };
    if (meta.color) out.color = { ...meta.color };
    if (counts) {
      const threads = new Set(box.threadsWithLabel(me(), name));
      const msgs = mine().filter((m) => threads.has(m.threadId) && !m.flags.has('TRASH') && !m.flags.has('SPAM'));
      const threadIds = new Set(msgs.map((m) => m.threadId));
      const unreadThreads = new Set(msgs.filter((m) => m.flags.has('UNREAD')).map((m) => m.threadId));
      Object.assign(out, { messagesTotal: msgs.length, messagesUnread: msgs.filter((m) => m.flags.has('UNREAD')).length, threadsTotal: threadIds.size, threadsUnread: unreadThreads.size });
    }
    return out;
  }
  function systemLabel(id: string, counts: boolean): Resource {
    const out: Resource = { id, name: id, type: 'system' };
    if (counts) {
      const msgs = mine().filter((m) => m.flags.has(id));
      Object.assign(out, {
        messagesTotal: msgs.length, messagesUnread: msgs.filter((m) => m.flags.has('UNREAD')).length,
        threadsTotal: new Set(msgs.map((m) => m.threadId)).size, threadsUnread: new Set(msgs.filter((m) => m.flags.has('UNREAD')).map((m) => m.threadId)).size,
      });
    }
    return out;
  }
  /** The settings a create/update/patch resource carries, checked as the API checks them. */
  function metaOf(method: string, res: Resource, into: LabelMeta): LabelMeta {
    const out: LabelMeta = { ...into };
    if (res.labelListVisibility !== undefined && res.labelListVisibility !== null) {
      if (!LABEL_LIST_VISIBILITY.includes(String(res.labelListVisibility))) fail(method, 400, `Invalid value at 'label.label_list_visibility' (${String(res.labelListVisibility)})`, 'invalidArgument');
      out.labelListVisibility = String(res.labelListVisibility);
    }
    if (res.messageListVisibility !== undefined && res.messageListVisibility !== null) {
      if (!MESSAGE_LIST_VISIBILITY.includes(String(res.messageListVisibility))) fail(method, 400, `Invalid value at 'label.message_list_visibility' (${String(res.messageListVisibility)})`, 'invalidArgument');
      out.messageListVisibility = String(res.messageListVisibility);
    }
    if (res.color !== undefined && res.color !== null) {
      const c = res.color as Resource;
      const hex = (v: unknown) => (v === undefined || v === null ? undefined : /^#[0-9a-fA-F]{6}$/.test(String(v)) ? String(v).toLowerCase() : fail(method, 400, `Invalid label color: ${String(v)}`, 'invalidArgument'));
      out.color = { textColor: hex(c.textColor), backgroundColor: hex(c.backgroundColor) };
    }
    return out;
  }
  function checkName(method: string, name: unknown, except?: string): string {
    const n = typeof name === 'string' ? name.trim() : '';
    if (!n) fail(method, 400, 'Invalid label name', 'invalidArgument');
    if (SYSTEM_LABELS.some((s) => s.toLowerCase() === n.toLowerCase())) fail(method, 400, 'Invalid label name', 'invalidArgument');
    if (box.labelNames(me()).some((l) => l.toLowerCase() === n.toLowerCase() && l !== except)) fail(method, 409, 'Label name exists or conflicts', 'failedPrecondition');
    return n;
  }
  function requireUserLabel(method: string, id: unknown): string {
    const name = userLabelById(String(id ?? ''));
    if (name === null) {
      if (SYSTEM_LABELS.includes(String(id))) fail(method, 400, 'Invalid label: ' + String(id) + ' (a system label cannot be changed)', 'invalidArgument');
      notFound(method);
    }
    return name;
  }
  function change(method: string, resource: unknown, userId: unknown, id: unknown, patch: boolean): Resource {
    auth(`Gmail.Users.Labels.${patch ? 'patch' : 'update'}`);
    user(`labels.${method}`, userId);
    const name = requireUserLabel(`labels.${method}`, id);
    const res = (resource ?? {}) as Resource;
    const next = res.name === undefined && patch ? name : checkName(`labels.${method}`, res.name, name);
    const meta = metaOf(`labels.${method}`, res, patch ? box.labelMetaOf(me(), name) : {});
    box.renameLabel(me(), name, next);
    box.setLabelMeta(me(), next, meta);
    return userLabel(next, false);
  }
  const Labels = {
    /** "Lists all labels in the user's mailbox." */
    list(userId: unknown): Resource {
      auth('Gmail.Users.Labels.list');
      user('labels.list', userId);
      return { labels: [...SYSTEM_LABELS.map((id) => systemLabel(id, false)), ...box.labelNames(me()).map((n) => userLabel(n, false))] };
    },
    /** "Gets the specified label." */
    get(userId: unknown, id: unknown): Resource {
      auth('Gmail.Users.Labels.get');
      user('labels.get', userId);
      if (SYSTEM_LABELS.includes(String(id))) return systemLabel(String(id), true);
      const name = userLabelById(String(id ?? ''));
      if (name === null) notFound('labels.get');
      return userLabel(name, true);
    },
    /** "Creates a new label." */
    create(resource: unknown, userId: unknown): Resource {
      auth('Gmail.Users.Labels.create');
      user('labels.create', userId);
      const res = (resource ?? {}) as Resource;
      const name = checkName('labels.create', res.name);
      const meta = metaOf('labels.create', res, {});
      box.createLabel(me(), name);
      box.setLabelMeta(me(), name, meta);
      return userLabel(name, false);
    },
    /** "Updates the specified label." */
    update(resource: unknown, userId: unknown, id: unknown): Resource { return change('update', resource, userId, id, false); },
    /** "Patch the specified label." */
    patch(resource: unknown, userId: unknown, id: unknown): Resource { return change('patch', resource, userId, id, true); },
    /** "Immediately and permanently deletes the specified label and removes it from any messages and threads that it is applied to." */
    remove(userId: unknown, id: unknown): void {
      auth('Gmail.Users.Labels.remove');
      user('labels.delete', userId);
      box.deleteLabel(me(), requireUserLabel('labels.delete', id));
    },
  };

  // ---- messages and threads
  /** What `q`, `labelIds` and `includeSpamTrash` select, newest first. */
  function select(args: Resource): BoxMessage[] {
    const q = args.q === undefined ? '' : String(args.q);
    const labelIds = args.labelIds === undefined ? [] : (Array.isArray(args.labelIds) ? args.labelIds : [args.labelIds]).map(String);
    const spamTrash = args.includeSpamTrash === true || /\bin:(trash|spam|anywhere)\b/i.test(q);
    return mine().filter((m) => {
      if (!spamTrash && (m.flags.has('TRASH') || m.flags.has('SPAM'))) return false;
      if (m.flags.has('DRAFT') && !labelIds.includes('DRAFT') && !/\bin:drafts?\b/i.test(q)) return false;
      const ids = labelIdsOf(m);
      if (!labelIds.every((l) => ids.includes(l))) return false;
      return q === '' || matches(m, labelNamesOfThread(m.threadId), q);
    }).reverse();
  }
  /** maxResults (default 100, at most 500) and pageToken paging over a list. */
  function pageOf<T>(method: string, items: T[], args: Resource): { items: T[]; next?: string } {
    const max = args.maxResults === undefined ? 100 : Number(args.maxResults);
    if (!Number.isInteger(max) || max < 1) fail(method, 400, `Invalid maxResults: ${String(args.maxResults)}`, 'invalidArgument');
    const start = args.pageToken === undefined ? 0 : Number(String(args.pageToken).replace(/^p/, ''));
    if (!Number.isInteger(start) || start < 0) fail(method, 400, 'Invalid pageToken', 'invalidArgument');
    const size = Math.min(max, 500);
    const slice = items.slice(start, start + size);
    return start + size < items.length ? { items: slice, next: `p${start + size}` } : { items: slice };
  }
  function header(m: BoxMessage): { name: string; value: string }[] {
    const msg = m.message;
    const out = [
      { name: 'From', value: msg.name && msg.name !== msg.from ? `${msg.name} <${msg.from}>` : msg.from },
      { name: 'To', value: msg.to.join(', ') },
      { name: 'Subject', value: msg.subject },
      { name: 'Date', value: new Date(msg.at).toUTCString().replace('GMT', '+0000') },
      { name: 'Message-ID', value: `<${m.gmailId}@emulator.dealboard>` },
    ];
    if (msg.cc.length) out.push({ name: 'Cc', value: msg.cc.join(', ') });
    if (msg.replyTo) out.push({ name: 'Reply-To', value: msg.replyTo });
    return out;
  }
  function messageResource(method: string, m: BoxMessage, format: string, metadataHeaders: string[]): Resource {
    const msg = m.message;
    const snippet = String(msg.body ?? '').replace(/\s+/g, ' ').trim().slice(0, 200);
    const out: Resource = {
      id: m.gmailId, threadId: m.threadId, labelIds: labelIdsOf(m), snippet,
      sizeEstimate: Buffer.byteLength(String(msg.body ?? '') + String(msg.htmlBody ?? ''), 'utf8'),
      historyId: history(), internalDate: String(Date.parse(msg.at)),
    };
    if (format === 'minimal') return out;
    if (format === 'metadata') {
      const wanted = metadataHeaders.map((h) => h.toLowerCase());
      out.payload = { headers: header(m).filter((h) => wanted.length === 0 || wanted.includes(h.name.toLowerCase())) };
      return out;
    }
    if (format !== 'full') fail(method, 400, `Not implemented in the Dealboard emulator: format ${format}`, 'invalidArgument');
    const text = { mimeType: 'text/plain', body: { size: Buffer.byteLength(String(msg.body ?? ''), 'utf8'), data: base64url(String(msg.body ?? '')) } };
    out.payload = msg.htmlBody
      ? { mimeType: 'multipart/alternative', headers: header(m), body: { size: 0 }, parts: [
        { partId: '0', ...text, headers: [{ name: 'Content-Type', value: 'text/plain; charset="UTF-8"' }] },
        { partId: '1', mimeType: 'text/html', headers: [{ name: 'Content-Type', value: 'text/html; charset="UTF-8"' }], body: { size: Buffer.byteLength(msg.htmlBody, 'utf8'), data: base64url(msg.htmlBody) } },
      ] }
      : { partId: '', ...text, headers: header(m) };
    return out;
  }
  const formatOf = (args: Resource) => (args.format === undefined ? 'full' : String(args.format));
  const headersOf = (args: Resource) => (args.metadataHeaders === undefined ? [] : (Array.isArray(args.metadataHeaders) ? args.metadataHeaders : [args.metadataHeaders]).map(String));
  const Messages = {
    /** "Lists the messages in the user's mailbox." */
    list(userId: unknown, optionalArgs?: unknown): Resource {
      auth('Gmail.Users.Messages.list');
      user('messages.list', userId);
      const args = (optionalArgs ?? {}) as Resource;
      const all = select(args);
      const { items, next } = pageOf('messages.list', all, args);
      const out: Resource = { resultSizeEstimate: all.length };
      if (items.length) out.messages = items.map((m) => ({ id: m.gmailId, threadId: m.threadId }));
      if (next) out.nextPageToken = next;
      return out;
    },
    /** "Gets the specified message." */
    get(userId: unknown, id: unknown, optionalArgs?: unknown): Resource {
      auth('Gmail.Users.Messages.get');
      user('messages.get', userId);
      const args = (optionalArgs ?? {}) as Resource;
      const m = mine().find((x) => x.gmailId === String(id));
      if (!m) notFound('messages.get');
      return messageResource('messages.get', m, formatOf(args), headersOf(args));
    },
  };
  const Threads = {
    /** "Lists the threads in the user's mailbox." */
    list(userId: unknown, optionalArgs?: unknown): Resource {
      auth('Gmail.Users.Threads.list');
      user('threads.list', userId);
      const args = (optionalArgs ?? {}) as Resource;
      const seen = new Set<string>();
      const threads: BoxMessage[] = [];
      for (const m of select(args)) if (!seen.has(m.threadId)) { seen.add(m.threadId); threads.push(m); }
      const { items, next } = pageOf('threads.list', threads, args);
      const out: Resource = { resultSizeEstimate: threads.length };
      if (items.length) out.threads = items.map((m) => ({ id: m.threadId, snippet: String(m.message.body ?? '').replace(/\s+/g, ' ').trim().slice(0, 200), historyId: history() }));
      if (next) out.nextPageToken = next;
      return out;
    },
    /** "Gets the specified thread." */
    get(userId: unknown, id: unknown, optionalArgs?: unknown): Resource {
      auth('Gmail.Users.Threads.get');
      user('threads.get', userId);
      const args = (optionalArgs ?? {}) as Resource;
      const msgs = mine().filter((m) => m.threadId === String(id));
      if (msgs.length === 0) notFound('threads.get');
      return { id: String(id), historyId: history(), messages: msgs.map((m) => messageResource('threads.get', m, formatOf(args), headersOf(args))) };
    },
  };
  const Users = {
    /** "Gets the current user's Gmail profile." */
    getProfile(userId: unknown): Resource {
      auth('Gmail.Users.getProfile');
      user('getProfile', userId);
      const msgs = mine();
      return { emailAddress: me(), messagesTotal: msgs.length, threadsTotal: new Set(msgs.map((m) => m.threadId)).size, historyId: history() };
    },
    Labels: counted(ctx.calls, 'GmailUsersLabels', identify(Labels)),
    Messages: counted(ctx.calls, 'GmailUsersMessages', identify(notImplemented(Messages, 'Users.Messages',
      ['batchDelete', 'batchModify', 'remove', 'import', 'insert', 'modify', 'send', 'trash', 'untrash']))),
    Threads: counted(ctx.calls, 'GmailUsersThreads', identify(notImplemented(Threads, 'Users.Threads', ['remove', 'modify', 'trash', 'untrash']))),
  };
  notImplemented(Users, 'Users', ['stop', 'watch']);
  return {
    toString: () => 'AdvancedServiceIdentifier{name=gmail, version=v1}',
    getVersion: () => 'v1',
    Users: counted(ctx.calls, 'GmailUsers', identify(Users)),
    ...builders(),
  };
}
