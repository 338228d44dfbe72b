// What GmailApp sees of the mail MailModel carries: every user's mailbox over the same messages
// (the sender's copy is in Sent, each recipient's in the Inbox, unread), threads, per-user
// flags (read, starred, important, trash, inbox), user labels, drafts, and mail received from
// outside the workspace. Persisted inside MailJSON so one mailbox backs MailApp, GmailApp and
// the playground's /mail.
import type { MailMessage } from './mailMessage';

export interface DraftRecord {
  id: string;
  /** Gmail id of the draft's message. */
  messageId: string;
  user: string;
  at: string;
  threadId?: string;
  message: Omit<MailMessage, 'id' | 'at' | 'from'>;
}

/** Display settings of a user label (Gmail API users.labels), set through the Gmail advanced service. */
export interface LabelMeta {
  labelListVisibility?: string;
  messageListVisibility?: string;
  color?: { textColor?: string; backgroundColor?: string };
}

/** A user label's id, "Label_<n>" (FNV-1a of its name): GmailLabel.getId() and the Gmail API agree. */
export function userLabelId(name: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) { h ^= name.charCodeAt(i); h = Math.imul(h, 0x01000193) >>> 0; }
  return `Label_${h}`;
}

export interface MailboxJSON {
  threadOf: Record<string, string>;
  senderOf: Record<string, string>;
  flags: Record<string, Record<string, string[]>>;
  labels: Record<string, Record<string, string[]>>;
  drafts: DraftRecord[];
  received: MailMessage[];
  seq: number;
  /** Absent in states saved before the Gmail advanced service. */
  labelMeta?: Record<string, Record<string, LabelMeta>>;
}

/** A message as one user's mailbox holds it. */
export interface BoxMessage {
  /** Gmail's id (16 hex digits). */
  gmailId: string;
  threadId: string;
  message: MailMessage;
  flags: Set<string>;
  draft?: DraftRecord;
}

export type Flag = 'INBOX' | 'UNREAD' | 'STARRED' | 'IMPORTANT' | 'TRASH' | 'SENT' | 'DRAFT' | 'SPAM';

const lower = (s: string) => s.trim().toLowerCase();

/** Gmail message ids are 16 hex digits; the emulator derives them from its own ids. */
export function gmailIdOf(internalId: string): string {
  const sent = /^mail-(\d+)$/.exec(internalId);
  if (sent) return `18c${Number(sent[1]).toString(16).padStart(13, '0')}`;
  return internalId;
}

export class Mailbox {
  /** Thread id of each message (by Gmail id). A new message starts its own thread. */
  private threadOf: Record<string, string> = {};
  /** The account that sent each message (MailMessage.from is the no-reply address for noReply sends). */
  private senderOf: Record<string, string> = {};
  /** Per user: the flags of each message once changed (else the defaults below). */
  private flags: Record<string, Record<string, string[]>> = {};
  /** Per user: label name → thread ids. */
  private labels: Record<string, Record<string, string[]>> = {};
  /** Per user: label name → display settings (Gmail advanced service). */
  private labelMeta: Record<string, Record<string, LabelMeta>> = {};
  drafts: DraftRecord[] = [];
  received: MailMessage[] = [];
  private seq = 0;

  static fromJSON(json: unknown): Mailbox {
    const j = (json ?? {}) as Partial<MailboxJSON>;
    const box = new Mailbox();
    box.threadOf = { ...(j.threadOf ?? {}) };
    box.senderOf = { ...(j.senderOf ?? {}) };
    box.flags = JSON.parse(JSON.stringify(j.flags ?? {}));
    box.labels = JSON.parse(JSON.stringify(j.labels ?? {}));
    box.drafts = JSON.parse(JSON.stringify(j.drafts ?? []));
    box.received = JSON.parse(JSON.stringify(j.received ?? []));
    box.seq = j.seq ?? 0;
    box.labelMeta = JSON.parse(JSON.stringify(j.labelMeta ?? {}));
    return box;
  }

  toJSON(): MailboxJSON {
    return JSON.parse(JSON.stringify({
      threadOf: this.threadOf, senderOf: this.senderOf, flags: this.flags, labels: this.labels,
      drafts: this.drafts, received: this.received, seq: this.seq, labelMeta: this.labelMeta,
    }));
  }

  nextId(prefix: string): string {
    this.seq++;
    return `${prefix}${this.seq.toString(16).padStart(13, '0')}`;
  }

  recordSent(internalId: string, sender: string, threadId?: string): void {
    const id = gmailIdOf(internalId);
    this.threadOf[id] = threadId ?? id;
    this.senderOf[id] = lower(sender);
  }

  receive(input: { from: string; to: string | string[]; subject: string; body: string; htmlBody?: string; cc?: string[] }, at: Date): string {
    const id = this.nextId('18d');
    const to = (Array.isArray(input.to) ? input.to : String(input.to).split(',')).map((s) => s.trim()).filter(Boolean);
    this.received.push({
      id, at: at.toISOString(), from: input.from, name: input.from, to, cc: input.cc ?? [], bcc: [], replyTo: '',
      subject: input.subject, body: input.body, htmlBody: input.htmlBody ?? null, noReply: false, attachments: [], inlineImages: [],
    });
    this.threadOf[id] = id;
    this.senderOf[id] = lower(input.from);
    return id;
  }

  /** The messages `user` has (sent, received, own drafts), oldest first. */
  messagesOf(user: string, sent: MailMessage[]): BoxMessage[] {
    const me = lower(user);
    const out: BoxMessage[] = [];
    const all = [...sent.map((m) => ({ ...m, id: gmailIdOf(m.id) })), ...this.received];
    for (const m of all) {
      const isSender = this.senderOf[m.id] === me;
      const isRecipient = [...m.to, ...m.cc, ...m.bcc].some((a) => lower(a) === me);
      if (!isSender && !isRecipient) continue;
      const defaults: string[] = [];
      if (isSender) defaults.push('SENT');
      if (isRecipient) defaults.push('INBOX');
      if (isRecipient && !isSender) defaults.push('UNREAD');
      const stored = this.flags[me]?.[m.id];
      out.push({ gmailId: m.id, threadId: this.threadOf[m.id] ?? m.id, message: m, flags: new Set(stored ?? defaults) });
    }
    for (const d of this.drafts.filter((x) => x.user === me)) {
      const stored = this.flags[me]?.[d.messageId];
      out.push({
        gmailId: d.messageId, threadId: d.threadId ?? d.messageId, draft: d,
        message: { ...d.message, id: d.messageId, at: d.at, from: me },
        flags: new Set(stored ?? ['DRAFT']),
      });
    }
    return out.sort((a, b) => a.message.at.localeCompare(b.message.at));
  }

  setFlags(user: string, gmailId: string, flags: Set<string>): void {
    const me = lower(user);
    (this.flags[me] = this.flags[me] ?? {})[gmailId] = [...flags].sort();
  }

  labelNames(user: string): string[] {
    return Object.keys(this.labels[lower(user)] ?? {});
  }

  hasLabel(user: string, name: string): boolean {
    return Object.prototype.hasOwnProperty.call(this.labels[lower(user)] ?? {}, name);
  }

  createLabel(user: string, name: string): void {
    const box = (this.labels[lower(user)] = this.labels[lower(user)] ?? {});
    if (!box[name]) box[name] = [];
  }

  deleteLabel(user: string, name: string): void {
    delete (this.labels[lower(user)] ?? {})[name];
    delete (this.labelMeta[lower(user)] ?? {})[name];
  }

  labelMetaOf(user: string, name: string): LabelMeta {
    return { ...(this.labelMeta[lower(user)]?.[name] ?? {}) };
  }

  setLabelMeta(user: string, name: string, meta: LabelMeta): void {
    (this.labelMeta[lower(user)] = this.labelMeta[lower(user)] ?? {})[name] = JSON.parse(JSON.stringify(meta));
  }

  /** Renames a user label, keeping its threads and settings. */
  renameLabel(user: string, from: string, to: string): void {
    if (from === to) return;
    const box = this.labels[lower(user)] ?? {};
    box[to] = box[from] ?? [];
    delete box[from];
    const meta = this.labelMeta[lower(user)];
    if (meta && meta[from]) { meta[to] = meta[from]; delete meta[from]; }
  }

  threadsWithLabel(user: string, name: string): string[] {
    return [...(this.labels[lower(user)]?.[name] ?? [])];
  }

  labelsOfThread(user: string, threadId: string): string[] {
    const box = this.labels[lower(user)] ?? {};
    return Object.keys(box).filter((name) => box[name].indexOf(threadId) >= 0);
  }

  setThreadLabel(user: string, name: string, threadId: string, on: boolean): void {
    this.createLabel(user, name);
    const box = this.labels[lower(user)];
    box[name] = box[name].filter((t) => t !== threadId);
    if (on) box[name].push(threadId);
  }
}
