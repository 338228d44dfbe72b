// The Gmail advanced service (Gmail API v1: users.labels, users.messages, users.threads,
// users.getProfile) against the API reference, quoted per test. It reads and writes the same
// mailbox as GmailApp and MailApp.
import { createWorkspace } from '../../scripts/emulator/index';
import { caught } from './fixtures/context';

/* eslint-disable @typescript-eslint/no-explicit-any */
type Any = any;
type WS = ReturnType<typeof createWorkspace>;
const fresh = () => createWorkspace({ now: '2026-11-23T09:00:00Z', user: 'ann@studio.test' });
const run = <T>(ws: WS, fn: (g: Any) => T, user?: string) => ws.execute(() => fn(ws.globals as Any), user ? { user } : {});

describe('Gmail.Users.Labels', () => {
  test('create, list, get, patch, remove; a label made here is a GmailApp user label with the same id', () => {
    const ws = fresh();
    run(ws, (g) => {
      // labels.list: "Lists all labels in the user's mailbox." (the system labels among them)
      const before = g.Gmail.Users.Labels.list('me').labels;
      expect(before.find((l: Any) => l.id === 'INBOX')).toMatchObject({ name: 'INBOX', type: 'system' });
      // labels.create: "Creates a new label."
      const resource = g.Gmail.newLabel().setName('Clients').setLabelListVisibility('labelShow').setMessageListVisibility('show')
        .setColor(g.Gmail.newLabelColor().setBackgroundColor('#16a765').setTextColor('#ffffff'));
      const created = g.Gmail.Users.Labels.create(resource, 'me');
      expect(created).toMatchObject({ name: 'Clients', type: 'user', labelListVisibility: 'labelShow', messageListVisibility: 'show', color: { backgroundColor: '#16a765', textColor: '#ffffff' } });
      expect(g.Gmail.Users.Labels.list('me').labels).toHaveLength(before.length + 1);
      // The same label through GmailApp.
      const viaApp = g.GmailApp.getUserLabelByName('Clients');
      expect(viaApp.getId()).toBe(created.id);
      // labels.get: "Gets the specified label." (with its counts)
      expect(g.Gmail.Users.Labels.get('me', created.id)).toMatchObject({ id: created.id, name: 'Clients', messagesTotal: 0, threadsTotal: 0 });
      // "Label name exists or conflicts" for a second label of that name.
      expect(caught(() => g.Gmail.Users.Labels.create({ name: 'clients' }, 'me')).message).toBe('API call to gmail.users.labels.create failed with error: Label name exists or conflicts');
      expect(caught(() => g.Gmail.Users.Labels.create({ name: 'INBOX' }, 'me')).message).toMatch(/Invalid label name/);
      // labels.patch: "Patch the specified label." (fields not sent are kept)
      const renamed = g.Gmail.Users.Labels.patch({ name: 'Key clients' }, 'me', created.id);
      expect(renamed).toMatchObject({ name: 'Key clients', color: { backgroundColor: '#16a765' } });
      expect(g.GmailApp.getUserLabelByName('Key clients')).not.toBeNull();
      // labels.delete: "Immediately and permanently deletes the specified label and removes it from any
      // messages and threads that it is applied to." (Apps Script names it remove)
      g.Gmail.Users.Labels.remove('me', renamed.id);
      expect(g.Gmail.Users.Labels.list('me').labels).toHaveLength(before.length);
      expect(caught(() => g.Gmail.Users.Labels.get('me', renamed.id)).message).toBe('API call to gmail.users.labels.get failed with error: Requested entity was not found.');
      // userId: "The user's email address. The special value me can be used to indicate the authenticated user."
      expect(g.Gmail.Users.Labels.list('ann@studio.test').labels).toHaveLength(before.length);
      expect(caught(() => g.Gmail.Users.Labels.list('bob@studio.test')).message).toMatch(/Delegation denied/);
    });
    expect(ws.calls.byMethod()['GmailUsersLabels.create']).toBe(3);
  });
});

describe('Gmail.Users.Messages and Threads', () => {
  test('list and get the mail MailApp sent and received, with labels, q and paging', () => {
    const ws = fresh();
    run(ws, (g) => g.MailApp.sendEmail('bob@studio.test', 'Offer 42', 'Please find the offer.'));
    run(ws, (g) => g.MailApp.sendEmail('ann@studio.test', 'Re: Offer 42', 'Looks good.'), 'bob@studio.test');
    run(ws, (g) => g.MailApp.sendEmail('ann@studio.test', 'Lunch', 'Tomorrow?'), 'bob@studio.test');
    run(ws, (g) => {
      // messages.list: "Lists the messages in the user's mailbox."
      const all = g.Gmail.Users.Messages.list('me');
      expect(all.resultSizeEstimate).toBe(3);
      expect(all.messages.map((m: Any) => Object.keys(m).sort())).toEqual([['id', 'threadId'], ['id', 'threadId'], ['id', 'threadId']]);
      // q: "Only return messages matching the specified query. Supports the same query format as the Gmail search box."
      const lunch = g.Gmail.Users.Messages.list('me', { q: 'subject:lunch' });
      expect(lunch.messages).toHaveLength(1);
      // labelIds: "Only return messages with labels that match all of the specified label IDs."
      expect(g.Gmail.Users.Messages.list('me', { labelIds: ['SENT'] }).messages).toHaveLength(1);
      // maxResults / nextPageToken: "Token to retrieve the next page of results in the list."
      const first = g.Gmail.Users.Messages.list('me', { maxResults: 2 });
      expect(first.messages).toHaveLength(2);
      const second = g.Gmail.Users.Messages.list('me', { maxResults: 2, pageToken: first.nextPageToken });
      expect(second.messages).toHaveLength(1);
      expect(second.nextPageToken).toBeUndefined();
      // messages.get: "Gets the specified message."
      const msg = g.Gmail.Users.Messages.get('me', lunch.messages[0].id);
      expect(msg.labelIds).toEqual(['INBOX', 'UNREAD']);
      expect(msg.payload.headers.find((h: Any) => h.name === 'Subject').value).toBe('Lunch');
      expect(Buffer.from(msg.payload.body.data, 'base64url').toString('utf8')).toBe('Tomorrow?');
      expect(g.Gmail.Users.Messages.get('me', lunch.messages[0].id, { format: 'minimal' }).payload).toBeUndefined();
      // A GmailApp label on the thread shows as the message's label id.
      const label = g.GmailApp.createLabel('Food');
      label.addToThread(g.GmailApp.getThreadById(msg.threadId));
      expect(g.Gmail.Users.Messages.get('me', msg.id).labelIds).toContain(label.getId());
      expect(g.Gmail.Users.Labels.get('me', label.getId())).toMatchObject({ messagesTotal: 1, messagesUnread: 1, threadsTotal: 1 });
      expect(caught(() => g.Gmail.Users.Messages.get('me', 'nope')).message).toBe('API call to gmail.users.messages.get failed with error: Requested entity was not found.');
      // threads.list: "Lists the threads in the user's mailbox." threads.get: "Gets the specified thread."
      const threads = g.Gmail.Users.Threads.list('me');
      expect(threads.threads.length).toBeGreaterThan(0);
      expect(g.Gmail.Users.Threads.get('me', msg.threadId).messages[0].id).toBe(msg.id);
      // users.getProfile: "Gets the current user's Gmail profile."
      expect(g.Gmail.Users.getProfile('me')).toMatchObject({ emailAddress: 'ann@studio.test', messagesTotal: 3 });
      expect(caught(() => g.Gmail.Users.Messages.send({}, 'me')).message).toBe('Not implemented in the Dealboard emulator: Gmail.Users.Messages.send');
    });
  });
});

test('GmailApp.getDraft of an unknown id: a not-found error ("Retrieve an email message draft by ID.")', () => {
  const ws = fresh();
  run(ws, (g) => {
    const d = g.GmailApp.createDraft('bob@studio.test', 'Hi', 'Body');
    expect(g.GmailApp.getDraft(d.getId()).getId()).toBe(d.getId());
    expect(caught(() => g.GmailApp.getDraft('non_existent_draft_id')).message).toBe('Requested entity was not found.');
  });
});
