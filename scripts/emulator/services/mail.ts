// MailApp and the mailbox behind it. sendEmail in its four documented forms, the recipients
// quota of the day (per user, reset at midnight US Pacific time), the per-message limits, and
// an uncounted mailbox for tests and the playground (`ws.mail`). Nothing leaves the machine.
import { counted } from '../context';
import type { EmulatorContext } from '../context';
import { blobBytes, blobContentType, blobName, isBlobLike } from '../drive/blob';
import { gasError } from './util';
import { Mailbox } from './mailbox';
import type { MailboxJSON } from './mailbox';
import type { MailAttachment, MailMessage } from './mailMessage';

export type { MailAttachment, MailMessage };

/** Apps Script's limits (developers.google.com/apps-script/guides/services/quotas). */
export const MAIL_LIMITS = {
  consumerRecipientsPerDay: 100,
  workspaceRecipientsPerDay: 1500,
  recipientsPerMessage: 50,
  bodyBytes: 200 * 1024,
  attachmentsBytes: 25 * 1024 * 1024,
  attachmentsPerMessage: 250,
};

export const QUOTA_ZONE = 'America/Los_Angeles';

interface Fault {
  /** The sendEmail call (1-based, counted from when the fault was set) that throws. */
  at: number;
  message: string;
  /** 'kill': the whole execution ends there, as at Apps Script's time limit (every later call throws). */
  kill?: 'before' | 'after';
}

export const KILLED_MESSAGE = 'Exceeded maximum execution time';

export interface MailJSON {
  dailyQuota: number;
  usage: Record<string, { day: string; used: number }>;
  messages: MailMessage[];
  seq: number;
  /** GmailApp's view (threads, flags, labels, drafts, received mail); absent before GmailApp was emulated. */
  mailbox?: MailboxJSON;
}

/** Mailbox, quota and fault hooks. Its methods are the uncounted `ws.mail` helpers. */
export class MailModel {
  dailyQuota: number;
  /** Virtual milliseconds one sendEmail takes (0 by default; the drain's time-budget tests raise it). */
  sendLatencyMs = 0;
  private usage = new Map<string, { day: string; used: number }>();
  private messages: MailMessage[] = [];
  private seq = 0;
  private faults: Fault[] = [];
  private callsSinceFault = 0;
  /** What GmailApp sees: threads, read/starred/trash flags, labels, drafts and mail received from outside. */
  mailbox = new Mailbox();
  /** The workspace's virtual clock (set by createWorkspace). */
  now: () => Date = () => new Date();

  constructor(options: { dailyQuota?: number } = {}) {
    this.dailyQuota = options.dailyQuota ?? MAIL_LIMITS.consumerRecipientsPerDay;
  }

  static fromJSON(json: unknown): MailModel {
    const j = (json ?? {}) as Partial<MailJSON>;
    const model = new MailModel({ dailyQuota: j.dailyQuota });
    model.usage = new Map(Object.entries(j.usage ?? {}));
    model.messages = (j.messages ?? []).map((m) => ({ ...m }));
    model.seq = j.seq ?? model.messages.length;
    model.mailbox = Mailbox.fromJSON(j.mailbox);
    return model;
  }

  toJSON(): MailJSON {
    return { dailyQuota: this.dailyQuota, usage: Object.fromEntries(this.usage), messages: this.sent(), seq: this.seq, mailbox: this.mailbox.toJSON() };
  }

  /** Every message sent so far, oldest first (copies). */
  sent(): MailMessage[] {
    return this.messages.map((m) => ({ ...m, to: [...m.to], cc: [...m.cc], bcc: [...m.bcc], attachments: m.attachments.map((a) => ({ ...a })) }));
  }

  message(id: string): MailMessage | null {
    return this.sent().filter((m) => m.id === id)[0] ?? null;
  }

  clear(): void {
    this.messages = [];
  }

  /**
   * Mail from someone outside arrives in `input.to`'s inbox (uncounted, no quota): what a test
   * or the playground uses to give GmailApp.search and getInboxThreads something to find.
   */
  receive(input: { from: string; to: string | string[]; subject: string; body: string; htmlBody?: string; cc?: string[]; at?: string | Date }): string {
    return this.mailbox.receive(input, input.at === undefined ? this.now() : new Date(input.at));
  }

  /** The `nth` sendEmail call from now throws `message` (nothing is delivered, no quota used). */
  failOnSend(nth: number, message = 'Service error: Mail'): void {
    if (!Number.isInteger(nth) || nth < 1) throw new Error('failOnSend: nth must be a whole number of 1 or more');
    this.faults.push({ at: this.callsSinceFault + nth, message });
  }

  /**
   * The `nth` sendEmail call from now ends the execution, as Apps Script's time limit would:
   * that call and every later service call of the same execution throw "Exceeded maximum
   * execution time", so the add-on cannot even record what happened. `afterDelivery`: the
   * message went out just before the end.
   */
  killOnSend(nth: number, options: { afterDelivery?: boolean } = {}): void {
    if (!Number.isInteger(nth) || nth < 1) throw new Error('killOnSend: nth must be a whole number of 1 or more');
    this.faults.push({ at: this.callsSinceFault + nth, message: KILLED_MESSAGE, kill: options.afterDelivery ? 'after' : 'before' });
  }

  /** @internal set by createMailApp: ends the current execution for good. */
  killExecution: () => never = () => { throw gasError(KILLED_MESSAGE); };

  /** Recipients the user may still send to today (the Pacific day of `now`). */
  remaining(user: string, now: Date): number {
    const u = this.usage.get(user.toLowerCase());
    const used = u && u.day === pacificDay(now) ? u.used : 0;
    return Math.max(0, this.dailyQuota - used);
  }

  /** The next reset: midnight in America/Los_Angeles after `now`. */
  nextReset(now: Date): Date {
    return pacificMidnightAfter(now);
  }

  /** @internal called by MailApp.sendEmail and GmailApp's sends; returns the new message's id. */
  deliver(ctx: EmulatorContext, input: Omit<MailMessage, 'id' | 'at' | 'from'>, threadId?: string): string {
    this.callsSinceFault++;
    const fault = this.faults.filter((f) => f.at === this.callsSinceFault)[0];
    if (fault && fault.kill === 'before') {
      this.faults = this.faults.filter((f) => f !== fault);
      this.killExecution();
    }
    if (fault && !fault.kill) {
      this.faults = this.faults.filter((f) => f !== fault);
      throw gasError(fault.message);
    }
    const user = ctx.currentUser();
    const now = ctx.clock.now();
    const recipients = input.to.length + input.cc.length + input.bcc.length;
    if (this.remaining(user, now) < recipients) throw gasError('Service invoked too many times for one day: email.');
    const day = pacificDay(now);
    const u = this.usage.get(user.toLowerCase());
    this.usage.set(user.toLowerCase(), { day, used: (u && u.day === day ? u.used : 0) + recipients });
    this.seq++;
    if (this.sendLatencyMs > 0) ctx.clock.advance(this.sendLatencyMs);
    const id = `mail-${String(this.seq).padStart(5, '0')}`;
    this.messages.push({
      ...input,
      id,
      at: now.toISOString(),
      from: input.noReply ? 'noreply@google.com' : user,
    });
    this.mailbox.recordSent(id, user, threadId);
    if (fault && fault.kill === 'after') {
      this.faults = this.faults.filter((f) => f !== fault);
      this.killExecution();
    }
    return id;
  }
}

// Made once: building an Intl.DateTimeFormat costs far more than formatting with it (each send asks).
let pacificFormat: Intl.DateTimeFormat | null = null;

function pacificParts(at: Date): { y: number; m: number; d: number; h: number; min: number; s: number } {
  pacificFormat = pacificFormat ?? new Intl.DateTimeFormat('en-US', {
    timeZone: QUOTA_ZONE, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23',
  });
  const parts = pacificFormat.formatToParts(at);
  const n = (type: string) => Number(parts.filter((p) => p.type === type)[0].value);
  return { y: n('year'), m: n('month'), d: n('day'), h: n('hour'), min: n('minute'), s: n('second') };
}

export function pacificDay(at: Date): string {
  const p = pacificParts(at);
  return `${p.y}-${String(p.m).padStart(2, '0')}-${String(p.d).padStart(2, '0')}`;
}

function pacificMidnightAfter(at: Date): Date {
  const p = pacificParts(at);
  // Offset of Pacific time at `at`, then the wall-clock midnight of the next day; corrected once
  // in case a DST change falls in between.
  const offset = Date.UTC(p.y, p.m - 1, p.d, p.h, p.min, p.s) - Math.floor(at.getTime() / 1000) * 1000;
  let guess = Date.UTC(p.y, p.m - 1, p.d + 1) - offset;
  const q = pacificParts(new Date(guess));
  if (q.h !== 0) guess -= (q.h > 12 ? q.h - 24 : q.h) * 3600000;
  return new Date(guess);
}

// ---- MailApp -----------------------------------------------------------------------------

const EMAIL = /^[^\s@<>(),;:"[\]]+@[^\s@<>(),;:"[\]]+\.[^\s@<>(),;:"[\]]+$/;

function typeName(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'string') return 'String';
  if (typeof v === 'number') return 'number';
  if (typeof v === 'boolean') return 'Boolean';
  if (Array.isArray(v)) return 'Object[]';
  return 'Object';
}

export function signatureError(method: string, args: unknown[]): Error {
  return gasError(`The parameters (${args.map(typeName).join(',')}) don't match the method signature for ${method}.`);
}

/** "a@x.com, Name <b@y.com>" → addresses; each must be valid ("Invalid email: …" as Apps Script). */
export function addresses(list: unknown): string[] {
  if (list === undefined || list === null || list === '') return [];
  return String(list).split(',').map((s) => s.trim()).filter((s) => s !== '').map((entry) => {
    const angle = /<([^<>]*)>\s*$/.exec(entry);
    const address = (angle ? angle[1] : entry).trim();
    if (!EMAIL.test(address)) throw gasError(`Invalid email: ${entry}`);
    return address;
  });
}

function utf8Length(s: string): number {
  return Buffer.byteLength(s, 'utf8');
}

function toAttachment(v: unknown): MailAttachment {
  const source = v as { getBlob?: () => unknown };
  const blob = isBlobLike(v) ? v : source && typeof source.getBlob === 'function' ? source.getBlob() : null;
  if (!isBlobLike(blob)) throw gasError('Invalid argument: attachments');
  const bytes = blobBytes(blob);
  return {
    name: blobName(blob) ?? 'attachment',
    contentType: blobContentType(blob) ?? 'application/octet-stream',
    base64: Buffer.from(bytes).toString('base64'),
    size: bytes.length,
  };
}

export interface Options {
  to?: unknown; cc?: unknown; bcc?: unknown; replyTo?: unknown; subject?: unknown; body?: unknown; htmlBody?: unknown;
  name?: unknown; noReply?: unknown; attachments?: unknown; inlineImages?: unknown; from?: unknown;
}

export type MessageInput = Omit<MailMessage, 'id' | 'at' | 'from'>;

/** The options every send form shares, checked as MailApp checks them (GmailApp's sends and drafts too). */
export function messageInput(ctx: EmulatorContext, options: Options, requireRecipient: boolean): MessageInput {
  const isObject = (v: unknown) => v !== null && typeof v === 'object' && !Array.isArray(v);
  const to = addresses(options.to);
  const cc = addresses(options.cc);
  const bcc = addresses(options.bcc);
  if (requireRecipient && to.length + cc.length + bcc.length === 0) throw gasError('Failed to send email: no recipient');
  if (to.length + cc.length + bcc.length > MAIL_LIMITS.recipientsPerMessage) throw gasError('Limit Exceeded: Email Recipients Per Message.');
  const replyTo = options.replyTo === undefined || options.replyTo === null || options.replyTo === '' ? '' : addresses(options.replyTo).join(', ');
  const subject = options.subject === undefined || options.subject === null ? '' : String(options.subject);
  const body = options.body === undefined || options.body === null ? '' : String(options.body);
  const htmlBody = options.htmlBody === undefined || options.htmlBody === null ? null : String(options.htmlBody);
  if (utf8Length(body) + (htmlBody === null ? 0 : utf8Length(htmlBody)) > MAIL_LIMITS.bodyBytes) throw gasError('Limit Exceeded: Email Body Size.');
  if (options.attachments !== undefined && !Array.isArray(options.attachments)) throw gasError('Invalid argument: attachments');
  const attachments = ((options.attachments as unknown[]) ?? []).map(toAttachment);
  if (attachments.length > MAIL_LIMITS.attachmentsPerMessage
    || attachments.reduce((n, a) => n + a.size, 0) > MAIL_LIMITS.attachmentsBytes) throw gasError('Limit Exceeded: Email Total Attachments Size.');
  const inlineImages = isObject(options.inlineImages) ? Object.keys(options.inlineImages as object) : [];
  // Headers cannot carry a line break: Gmail folds it away; the emulator keeps the subject as
  // one line so that a test sees what the recipient would.
  return {
    name: options.name === undefined || options.name === null ? ctx.currentUser() : String(options.name).replace(/[\r\n]+/g, ' '),
    to, cc, bcc, replyTo,
    subject: subject.replace(/[\r\n]+/g, ' '),
    body, htmlBody,
    noReply: options.noReply === true,
    attachments,
    inlineImages,
  };
}

export class EmuMailApp {
  constructor(private ctx: EmulatorContext, private model: MailModel) {}

  getRemainingDailyQuota(): number {
    this.ctx.requireAuthorization('MailApp.getRemainingDailyQuota');
    return this.model.remaining(this.ctx.currentUser(), this.ctx.clock.now());
  }

  sendEmail(...args: unknown[]): void {
    this.ctx.requireAuthorization('MailApp.sendEmail');
    const isString = (v: unknown) => typeof v === 'string';
    const isObject = (v: unknown) => v !== null && typeof v === 'object' && !Array.isArray(v);
    let options: Options;
    if (args.length === 1 && isObject(args[0])) {
      options = args[0] as Options;
    } else if (args.length === 3 && args.every(isString)) {
      options = { to: args[0], subject: args[1], body: args[2] };
    } else if (args.length === 4 && args.slice(0, 3).every(isString) && isObject(args[3])) {
      options = { ...(args[3] as Options), to: args[0], subject: args[1], body: args[2] };
    } else if (args.length === 4 && args.every(isString)) {
      options = { to: args[0], replyTo: args[1], subject: args[2], body: args[3] };
    } else {
      throw signatureError('MailApp.sendEmail', args);
    }
    this.model.deliver(this.ctx, messageInput(this.ctx, options, true));
  }
}

export function createMailApp(ctx: EmulatorContext, model: MailModel): GoogleAppsScript.Mail.MailApp {
  const killed = new Set<number>();
  const previous = ctx.calls.guard;
  ctx.calls.guard = (key) => {
    if (previous) previous(key);
    if (killed.has(ctx.currentExecution().id)) throw gasError(KILLED_MESSAGE);
  };
  model.killExecution = () => {
    killed.add(ctx.currentExecution().id);
    throw gasError(KILLED_MESSAGE);
  };
  return counted(ctx.calls, 'MailApp', new EmuMailApp(ctx, model)) as unknown as GoogleAppsScript.Mail.MailApp;
}
