// GmailApp over the same MailModel as MailApp: sends go through MailModel.deliver (so they use
// the same daily recipients quota and land in the playground's /mail), and every user's
// mailbox (services/mailbox.ts) shows threads, messages, drafts and labels over those messages.
// Members follow developers.google.com/apps-script/reference/gmail; the rest throw "Not implemented".
import { createHash } from 'crypto';
import { counted } from '../context';
import type { EmulatorContext } from '../context';
import { DriveBlob } from '../drive/blob';
import { withNotImplemented } from '../notImplemented';
import { MailModel, MailMessage, MessageInput, Options, messageInput, signatureError } from './mail';
import { gmailIdOf, userLabelId } from './mailbox';
import type { BoxMessage, DraftRecord } from './mailbox';
import { gasError } from './util';

type Thread = GoogleAppsScript.Gmail.GmailThread;
type Message = GoogleAppsScript.Gmail.GmailMessage;
type Label = GoogleAppsScript.Gmail.GmailLabel;
type Draft = GoogleAppsScript.Gmail.GmailDraft;

const isString = (v: unknown) => typeof v === 'string';
const isObject = (v: unknown) => v !== null && typeof v === 'object' && !Array.isArray(v);
const isInt = (v: unknown) => typeof v === 'number' && Number.isInteger(v);

/** (recipient, subject, body[, options]): the only send forms GmailApp documents. */
function sendForm(method: string, args: unknown[]): Options {
  if (args.length === 3 && args.every(isString)) return { to: args[0], subject: args[1], body: args[2] };
  if (args.length === 4 && args.slice(0, 3).every(isString) && (isObject(args[3]) || args[3] === undefined)) {
    return { ...((args[3] ?? {}) as Options), to: args[0], subject: args[1], body: args[2] };
  }
  throw signatureError(method, args);
}

/** Optional (start, max) paging: both whole numbers when given. */
function paging(method: string, args: unknown[], first: number): [number, number] | null {
  const rest = args.slice(first);
  if (rest.length === 0) return null;
  if (rest.length !== 2 || !isInt(rest[0]) || !isInt(rest[1])) throw signatureError(method, args);
  const [start, max] = rest as [number, number];
  if (start < 0 || max < 0) throw gasError('Invalid argument: ' + (start < 0 ? 'start' : 'max'));
  return [start, max];
}

/** A small subset of Gmail's search operators; other words match subject, body and addresses. */
export function matches(m: BoxMessage, labels: string[], query: string): boolean {
  const tokens = query.match(/(?:[^\s"]+:)?"[^"]*"|\S+/g) ?? [];
  const text = (s: unknown) => String(s ?? '').toLowerCase();
  const msg = m.message;
  for (const raw of tokens) {
    const negate = raw.startsWith('-');
    const token = negate ? raw.slice(1) : raw;
    const colon = token.indexOf(':');
    const op = colon > 0 ? token.slice(0, colon).toLowerCase() : '';
    const value = (colon > 0 ? token.slice(colon + 1) : token).replace(/^"|"$/g, '').toLowerCase();
    let ok: boolean;
    switch (op) {
      case 'from': ok = text(msg.from).includes(value) || text(msg.name).includes(value); break;
      case 'to': ok = msg.to.some((a) => text(a).includes(value)); break;
      case 'cc': ok = msg.cc.some((a) => text(a).includes(value)); break;
      case 'subject': ok = text(msg.subject).includes(value); break;
      case 'label': ok = labels.some((l) => text(l) === value || text(l).replace(/[\s/]/g, '-') === value); break;
      case 'has': ok = value === 'attachment' ? msg.attachments.length > 0 : false; break;
      case 'in':
        ok = value === 'anywhere' || (value === 'inbox' && m.flags.has('INBOX')) || (value === 'sent' && m.flags.has('SENT'))
          || (value === 'trash' && m.flags.has('TRASH')) || (value === 'drafts' && m.flags.has('DRAFT')) || (value === 'spam' && m.flags.has('SPAM'));
        break;
      case 'is':
        ok = (value === 'unread' && m.flags.has('UNREAD')) || (value === 'read' && !m.flags.has('UNREAD'))
          || (value === 'starred' && m.flags.has('STARRED')) || (value === 'important' && m.flags.has('IMPORTANT'));
        break;
      case 'after': case 'before': {
        const d = /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/.exec(value);
        if (!d) { ok = false; break; }
        const at = Date.UTC(+d[1], +d[2] - 1, +d[3]);
        ok = op === 'after' ? Date.parse(msg.at) >= at : Date.parse(msg.at) < at;
        break;
      }
      default: {
        const word = op ? token.toLowerCase() : value;
        ok = [msg.subject, msg.body, msg.htmlBody, msg.from, msg.name, ...msg.to, ...msg.cc].some((s) => text(s).includes(word));
      }
    }
    if (ok === negate) return false;
  }
  return true;
}

export function createGmailApp(ctx: EmulatorContext, model: MailModel): GoogleAppsScript.Gmail.GmailApp {
  const box = model.mailbox;
  const me = () => ctx.currentUser();
  const auth = (what: string) => ctx.requireAuthorization(what);
  const mine = () => box.messagesOf(me(), model.sent());
  const threadMessages = (threadId: string) => mine().filter((m) => m.threadId === threadId);
  const update = (m: BoxMessage, change: (flags: Set<string>) => void) => {
    change(m.flags);
    box.setFlags(me(), m.gmailId, m.flags);
  };
  /** Threads of `list` (newest activity first), each once. */
  const threadsOf = (list: BoxMessage[]): string[] => {
    const last = new Map<string, string>();
    for (const m of list) if (!last.has(m.threadId) || last.get(m.threadId)! < m.message.at) last.set(m.threadId, m.message.at);
    return [...last.keys()].sort((a, b) => (last.get(b)! < last.get(a)! ? -1 : last.get(b)! > last.get(a)! ? 1 : 0));
  };
  const page = (ids: string[], p: [number, number] | null) => (p ? ids.slice(p[0], p[0] + p[1]) : ids);

  function send(options: Options, threadId?: string): Message {
    if (options.from !== undefined && String(options.from).toLowerCase() !== me().toLowerCase()) {
      // "from — the address that the email should be sent from, which must be one of the values returned by getAliases()".
      throw gasError('Invalid argument: from');
    }
    return deliver(messageInput(ctx, options, true), threadId);
  }

  function deliver(input: MessageInput, threadId?: string): Message {
    if (input.to.length + input.cc.length + input.bcc.length === 0) throw gasError('Failed to send email: no recipient');
    return message(gmailIdOf(model.deliver(ctx, input, threadId)));
  }

  function messageById(gmailId: string): Message | null {
    const found = mine().filter((m) => m.gmailId === gmailId)[0];
    return found ? message(found.gmailId) : null;
  }

  function current(gmailId: string): BoxMessage {
    const m = mine().filter((x) => x.gmailId === gmailId)[0];
    if (!m) throw gasError('Invalid argument: id');
    return m;
  }

  function message(gmailId: string): Message {
    const self = {
      getId: () => gmailId,
      getSubject: () => current(gmailId).message.subject,
      getBody: () => { const m = current(gmailId).message; return m.htmlBody ?? m.body; },
      getPlainBody: () => current(gmailId).message.body,
      getFrom: () => { const m = current(gmailId).message; return m.name && m.name !== m.from ? `${m.name} <${m.from}>` : m.from; },
      getTo: () => current(gmailId).message.to.join(', '),
      getCc: () => current(gmailId).message.cc.join(', '),
      getBcc: () => current(gmailId).message.bcc.join(', '),
      getReplyTo: () => { const m = current(gmailId).message; return m.replyTo || m.from; },
      getDate: () => new Date(current(gmailId).message.at),
      getThread: () => thread(current(gmailId).threadId),
      getHeader: (name: unknown) => {
        const m = current(gmailId).message;
        const headers: Record<string, string> = { subject: m.subject, from: m.from, to: m.to.join(', '), cc: m.cc.join(', '), 'reply-to': m.replyTo };
        return headers[String(name).toLowerCase()] ?? '';
      },
      getAttachments: () => current(gmailId).message.attachments.map((a) => {
        const blob = new DriveBlob(new Uint8Array(Buffer.from(a.base64, 'base64')), a.contentType, a.name);
        return withNotImplemented('GmailAttachment', Object.assign(blob, { getSize: () => a.size, getHash: () => createHash('sha1').update(Buffer.from(a.base64, 'base64')).digest('hex') }));
      }),
      isDraft: () => current(gmailId).flags.has('DRAFT'),
      isUnread: () => current(gmailId).flags.has('UNREAD'),
      isStarred: () => current(gmailId).flags.has('STARRED'),
      isInTrash: () => current(gmailId).flags.has('TRASH'),
      isInInbox: () => current(gmailId).flags.has('INBOX'),
      isInChats: () => false,
      markRead: () => { update(current(gmailId), (f) => f.delete('UNREAD')); return proxy; },
      markUnread: () => { update(current(gmailId), (f) => f.add('UNREAD')); return proxy; },
      star: () => { update(current(gmailId), (f) => f.add('STARRED')); return proxy; },
      unstar: () => { update(current(gmailId), (f) => f.delete('STARRED')); return proxy; },
      moveToTrash: () => { update(current(gmailId), (f) => f.add('TRASH')); return proxy; },
      refresh: () => proxy,
      reply: (...args: unknown[]) => {
        const m = current(gmailId).message;
        const options = replyOptions('GmailMessage.reply', m, args);
        send(options, current(gmailId).threadId);
        return proxy;
      },
    };
    const proxy = counted(ctx.calls, 'GmailMessage', self) as unknown as Message;
    return proxy;
  }

  function replyOptions(method: string, m: MailMessage, args: unknown[]): Options {
    if (!(args.length === 1 && isString(args[0])) && !(args.length === 2 && isString(args[0]) && isObject(args[1]))) throw signatureError(method, args);
    const subject = /^re:/i.test(m.subject) ? m.subject : `Re: ${m.subject}`;
    const to = m.replyTo || (m.from.toLowerCase() === me().toLowerCase() ? m.to.join(', ') : m.from);
    return { ...((args[1] ?? {}) as Options), to, subject, body: args[0] };
  }

  function thread(threadId: string): Thread {
    const msgs = () => {
      const all = threadMessages(threadId);
      // A thread that holds only a draft (GmailApp.createDraft) is a thread of that draft message.
      const sent = all.filter((m) => !m.flags.has('DRAFT'));
      const list = sent.length > 0 ? sent : all;
      if (list.length === 0) throw gasError('Invalid argument: id');
      return list;
    };
    const all = (change: (f: Set<string>) => void) => { for (const m of msgs()) update(m, change); return proxy; };
    const self = {
      getId: () => threadId,
      getMessages: () => msgs().map((m) => message(m.gmailId)),
      getMessageCount: () => msgs().length,
      getFirstMessageSubject: () => msgs()[0].message.subject,
      getLastMessageDate: () => new Date(msgs()[msgs().length - 1].message.at),
      getPermalink: () => `https://mail.google.com/mail/u/0/#inbox/${threadId}`,
      getLabels: () => box.labelsOfThread(me(), threadId).map(label),
      addLabel: (l: unknown) => { box.setThreadLabel(me(), labelName(l, 'GmailThread.addLabel'), threadId, true); return proxy; },
      removeLabel: (l: unknown) => { box.setThreadLabel(me(), labelName(l, 'GmailThread.removeLabel'), threadId, false); return proxy; },
      isUnread: () => msgs().some((m) => m.flags.has('UNREAD')),
      isImportant: () => msgs().some((m) => m.flags.has('IMPORTANT')),
      isInInbox: () => msgs().some((m) => m.flags.has('INBOX') && !m.flags.has('TRASH')),
      isInTrash: () => msgs().some((m) => m.flags.has('TRASH')),
      isInSpam: () => msgs().some((m) => m.flags.has('SPAM')),
      isInChats: () => false,
      isInPriorityInbox: () => msgs().some((m) => m.flags.has('IMPORTANT') && m.flags.has('INBOX')),
      hasStarredMessages: () => msgs().some((m) => m.flags.has('STARRED')),
      markRead: () => all((f) => f.delete('UNREAD')),
      markUnread: () => all((f) => f.add('UNREAD')),
      markImportant: () => all((f) => f.add('IMPORTANT')),
      markUnimportant: () => all((f) => f.delete('IMPORTANT')),
      moveToArchive: () => all((f) => f.delete('INBOX')),
      moveToInbox: () => all((f) => { f.add('INBOX'); f.delete('TRASH'); f.delete('SPAM'); }),
      moveToTrash: () => all((f) => f.add('TRASH')),
      moveToSpam: () => all((f) => f.add('SPAM')),
      refresh: () => proxy,
      reply: (...args: unknown[]) => {
        const list = msgs();
        send(replyOptions('GmailThread.reply', list[list.length - 1].message, args), threadId);
        return proxy;
      },
    };
    const proxy = counted(ctx.calls, 'GmailThread', self) as unknown as Thread;
    return proxy;
  }

  function labelName(l: unknown, method: string): string {
    const name = l && typeof (l as Label).getName === 'function' ? (l as Label).getName() : null;
    if (name === null) throw signatureError(method, [l]);
    return name;
  }

  function label(name: string): Label {
    const threadIds = () => {
      if (!box.hasLabel(me(), name)) throw gasError('Invalid argument: label');
      const live = new Set(mine().map((m) => m.threadId));
      return threadsOf(mine().filter((m) => box.threadsWithLabel(me(), name).indexOf(m.threadId) >= 0 && live.has(m.threadId)));
    };
    const self = {
      getName: () => name,
      // Not in the reference, but live GmailLabel objects answer getId() (gas-fakes' suite, verified
      // live): user labels have ids "Label_<n>", stable for a name here.
      getId: () => userLabelId(name),
      getThreads: (...args: unknown[]) => page(threadIds(), paging('GmailLabel.getThreads', args, 0)).map(thread),
      getUnreadCount: () => threadIds().filter((t) => threadMessages(t).some((m) => m.flags.has('UNREAD'))).length,
      addToThread: (t: Thread) => { box.setThreadLabel(me(), name, t.getId(), true); return proxy; },
      addToThreads: (ts: Thread[]) => { for (const t of ts) box.setThreadLabel(me(), name, t.getId(), true); return proxy; },
      removeFromThread: (t: Thread) => { box.setThreadLabel(me(), name, t.getId(), false); return proxy; },
      removeFromThreads: (ts: Thread[]) => { for (const t of ts) box.setThreadLabel(me(), name, t.getId(), false); return proxy; },
      deleteLabel: () => { box.deleteLabel(me(), name); },
    };
    const proxy = counted(ctx.calls, 'GmailLabel', self) as unknown as Label;
    return proxy;
  }

  function draftRecord(id: string): DraftRecord {
    const d = box.drafts.filter((x) => x.id === id && x.user === me().toLowerCase())[0];
    if (!d) throw gasError('Invalid argument: id');
    return d;
  }

  function draft(id: string): Draft {
    const self = {
      getId: () => id,
      getMessageId: () => draftRecord(id).messageId,
      getMessage: () => message(draftRecord(id).messageId),
      update: (...args: unknown[]) => {
        const d = draftRecord(id);
        d.message = messageInput(ctx, sendForm('GmailDraft.update', args), false);
        d.at = ctx.clock.now().toISOString();
        return proxy;
      },
      send: () => {
        const d = draftRecord(id);
        const sent = deliver(d.message, d.threadId);
        box.drafts = box.drafts.filter((x) => x !== d);
        return sent;
      },
      deleteDraft: () => { box.drafts = box.drafts.filter((x) => x !== draftRecord(id)); },
    };
    const proxy = counted(ctx.calls, 'GmailDraft', self) as unknown as Draft;
    return proxy;
  }

  const app = {
    sendEmail(...args: unknown[]) {
      auth('GmailApp.sendEmail');
      send(sendForm('GmailApp.sendEmail', args));
      return proxy;
    },
    createDraft(...args: unknown[]) {
      auth('GmailApp.createDraft');
      const input = messageInput(ctx, sendForm('GmailApp.createDraft', args), false);
      const record: DraftRecord = { id: `r${box.nextId('').replace(/^0+/, '')}`, messageId: box.nextId('18e'), user: me().toLowerCase(), at: ctx.clock.now().toISOString(), message: input };
      box.drafts.push(record);
      return draft(record.id);
    },
    getDrafts() {
      auth('GmailApp.getDrafts');
      return box.drafts.filter((d) => d.user === me().toLowerCase()).map((d) => draft(d.id));
    },
    getDraft(id: unknown) {
      auth('GmailApp.getDraft');
      if (!isString(id)) throw signatureError('GmailApp.getDraft', [id]);
      // An unknown id is a not-found error on Apps Script (gas-fakes' live suite: /(404|not found)/i);
      // the wording is the Gmail API's 404.
      if (!box.drafts.some((x) => x.id === String(id) && x.user === me().toLowerCase())) throw gasError('Requested entity was not found.');
      return draft(String(id));
    },
    getDraftMessages() {
      auth('GmailApp.getDraftMessages');
      return box.drafts.filter((d) => d.user === me().toLowerCase()).map((d) => message(d.messageId));
    },
    search(...args: unknown[]) {
      auth('GmailApp.search');
      if (!isString(args[0])) throw signatureError('GmailApp.search', args);
      const query = String(args[0]);
      const wantsTrash = /(^|\s)in:(trash|anywhere|spam)\b/i.test(query);
      const hits = mine().filter((m) => !m.flags.has('DRAFT') || /(^|\s)in:drafts\b/i.test(query))
        .filter((m) => wantsTrash || (!m.flags.has('TRASH') && !m.flags.has('SPAM')))
        .filter((m) => matches(m, box.labelsOfThread(me(), m.threadId), query));
      return page(threadsOf(hits), paging('GmailApp.search', args, 1)).map(thread);
    },
    getInboxThreads(...args: unknown[]) {
      auth('GmailApp.getInboxThreads');
      const inbox = mine().filter((m) => m.flags.has('INBOX') && !m.flags.has('TRASH') && !m.flags.has('SPAM'));
      return page(threadsOf(inbox), paging('GmailApp.getInboxThreads', args, 0)).map(thread);
    },
    getInboxUnreadCount() {
      auth('GmailApp.getInboxUnreadCount');
      return threadsOf(mine().filter((m) => m.flags.has('INBOX') && m.flags.has('UNREAD') && !m.flags.has('TRASH'))).length;
    },
    getStarredThreads(...args: unknown[]) {
      auth('GmailApp.getStarredThreads');
      return page(threadsOf(mine().filter((m) => m.flags.has('STARRED') && !m.flags.has('TRASH'))), paging('GmailApp.getStarredThreads', args, 0)).map(thread);
    },
    getTrashThreads(...args: unknown[]) {
      auth('GmailApp.getTrashThreads');
      return page(threadsOf(mine().filter((m) => m.flags.has('TRASH'))), paging('GmailApp.getTrashThreads', args, 0)).map(thread);
    },
    getThreadById(id: unknown) {
      auth('GmailApp.getThreadById');
      return mine().some((m) => m.threadId === String(id)) ? thread(String(id)) : null;
    },
    getMessageById(id: unknown) {
      auth('GmailApp.getMessageById');
      return messageById(String(id));
    },
    getMessagesForThread(t: Thread) {
      auth('GmailApp.getMessagesForThread');
      return t.getMessages();
    },
    getMessagesForThreads(ts: Thread[]) {
      auth('GmailApp.getMessagesForThreads');
      return ts.map((t) => t.getMessages());
    },
    /**
     * "Gets a list of the emails that are set up as aliases for this account in Gmail." The user's
     * own address is one (Gmail's send-as list "includes the primary send-as address associated
     * with the account"; gas-fakes' live suite: "a user will always have at least their primary
     * email as an alias"), and the one `from` accepts. The emulator sets up no other.
     */
    getAliases() {
      auth('GmailApp.getAliases');
      return [me()];
    },
    createLabel(name: unknown) {
      auth('GmailApp.createLabel');
      if (!isString(name)) throw signatureError('GmailApp.createLabel', [name]);
      box.createLabel(me(), String(name));
      return label(String(name));
    },
    getUserLabelByName(name: unknown) {
      auth('GmailApp.getUserLabelByName');
      return box.hasLabel(me(), String(name)) ? label(String(name)) : null;
    },
    getUserLabels() {
      auth('GmailApp.getUserLabels');
      return box.labelNames(me()).map(label);
    },
    deleteLabel(l: unknown) {
      auth('GmailApp.deleteLabel');
      const name = labelName(l, 'GmailApp.deleteLabel');
      if (!box.hasLabel(me(), name)) throw gasError('Invalid argument: label');
      box.deleteLabel(me(), name);
      return proxy;
    },
    /** "Retrieves all Priority Inbox threads irrespective of labels." (important and in the inbox) */
    getPriorityInboxThreads(...args: unknown[]) {
      auth('GmailApp.getPriorityInboxThreads');
      return page(threadsOf(mine().filter((m) => m.flags.has('INBOX') && m.flags.has('IMPORTANT') && !m.flags.has('TRASH') && !m.flags.has('SPAM'))), paging('GmailApp.getPriorityInboxThreads', args, 0)).map(thread);
    },
    /** "Gets the number of unread threads in the Priority Inbox." */
    getPriorityInboxUnreadCount() {
      auth('GmailApp.getPriorityInboxUnreadCount');
      return threadsOf(mine().filter((m) => m.flags.has('INBOX') && m.flags.has('IMPORTANT') && m.flags.has('UNREAD') && !m.flags.has('TRASH') && !m.flags.has('SPAM'))).length;
    },
    /** "Retrieves all spam threads irrespective of labels." */
    getSpamThreads(...args: unknown[]) {
      auth('GmailApp.getSpamThreads');
      return page(threadsOf(mine().filter((m) => m.flags.has('SPAM'))), paging('GmailApp.getSpamThreads', args, 0)).map(thread);
    },
    /** "Gets the number of unread threads that are spam." */
    getSpamUnreadCount() {
      auth('GmailApp.getSpamUnreadCount');
      return threadsOf(mine().filter((m) => m.flags.has('SPAM') && m.flags.has('UNREAD'))).length;
    },
    /** "Gets the number of unread threads that are starred." */
    getStarredUnreadCount() {
      auth('GmailApp.getStarredUnreadCount');
      return threadsOf(mine().filter((m) => m.flags.has('STARRED') && m.flags.has('UNREAD') && !m.flags.has('TRASH'))).length;
    },
    markMessagesRead(ms: Message[]) { auth('GmailApp.markMessagesRead'); ms.forEach((m) => m.markRead()); return proxy; },
    markMessagesUnread(ms: Message[]) { auth('GmailApp.markMessagesUnread'); ms.forEach((m) => m.markUnread()); return proxy; },
    starMessages(ms: Message[]) { auth('GmailApp.starMessages'); ms.forEach((m) => m.star()); return proxy; },
    unstarMessages(ms: Message[]) { auth('GmailApp.unstarMessages'); ms.forEach((m) => m.unstar()); return proxy; },
    moveMessagesToTrash(ms: Message[]) { auth('GmailApp.moveMessagesToTrash'); ms.forEach((m) => m.moveToTrash()); return proxy; },
    markThreadImportant(t: Thread) { auth('GmailApp.markThreadImportant'); t.markImportant(); return proxy; },
    markThreadUnimportant(t: Thread) { auth('GmailApp.markThreadUnimportant'); t.markUnimportant(); return proxy; },
    markThreadsImportant(ts: Thread[]) { auth('GmailApp.markThreadsImportant'); ts.forEach((t) => t.markImportant()); return proxy; },
    markThreadsUnimportant(ts: Thread[]) { auth('GmailApp.markThreadsUnimportant'); ts.forEach((t) => t.markUnimportant()); return proxy; },
    moveThreadToSpam(t: Thread) { auth('GmailApp.moveThreadToSpam'); t.moveToSpam(); return proxy; },
    moveThreadsToSpam(ts: Thread[]) { auth('GmailApp.moveThreadsToSpam'); ts.forEach((t) => t.moveToSpam()); return proxy; },
    refreshMessages(ms: Message[]) { auth('GmailApp.refreshMessages'); return proxy; },
    refreshThreads(ts: Thread[]) { auth('GmailApp.refreshThreads'); return proxy; },
    markThreadRead(t: Thread) { auth('GmailApp.markThreadRead'); t.markRead(); return proxy; },
    markThreadUnread(t: Thread) { auth('GmailApp.markThreadUnread'); t.markUnread(); return proxy; },
    markThreadsRead(ts: Thread[]) { auth('GmailApp.markThreadsRead'); ts.forEach((t) => t.markRead()); return proxy; },
    markThreadsUnread(ts: Thread[]) { auth('GmailApp.markThreadsUnread'); ts.forEach((t) => t.markUnread()); return proxy; },
    moveThreadToArchive(t: Thread) { auth('GmailApp.moveThreadToArchive'); t.moveToArchive(); return proxy; },
    moveThreadToTrash(t: Thread) { auth('GmailApp.moveThreadToTrash'); t.moveToTrash(); return proxy; },
    moveThreadToInbox(t: Thread) { auth('GmailApp.moveThreadToInbox'); t.moveToInbox(); return proxy; },
    moveThreadsToArchive(ts: Thread[]) { auth('GmailApp.moveThreadsToArchive'); ts.forEach((t) => t.moveToArchive()); return proxy; },
    moveThreadsToTrash(ts: Thread[]) { auth('GmailApp.moveThreadsToTrash'); ts.forEach((t) => t.moveToTrash()); return proxy; },
    moveThreadsToInbox(ts: Thread[]) { auth('GmailApp.moveThreadsToInbox'); ts.forEach((t) => t.moveToInbox()); return proxy; },
    markMessageRead(m: Message) { auth('GmailApp.markMessageRead'); m.markRead(); return proxy; },
    markMessageUnread(m: Message) { auth('GmailApp.markMessageUnread'); m.markUnread(); return proxy; },
    starMessage(m: Message) { auth('GmailApp.starMessage'); m.star(); return proxy; },
    unstarMessage(m: Message) { auth('GmailApp.unstarMessage'); m.unstar(); return proxy; },
    moveMessageToTrash(m: Message) { auth('GmailApp.moveMessageToTrash'); m.moveToTrash(); return proxy; },
  };
  const proxy = counted(ctx.calls, 'GmailApp', app) as unknown as GoogleAppsScript.Gmail.GmailApp;
  return proxy;
}
