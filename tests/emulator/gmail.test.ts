// GmailApp against the Apps Script reference (developers.google.com/apps-script/reference/gmail/gmail-app
// and the GmailThread / GmailMessage / GmailDraft / GmailLabel pages), quoted per test. GmailApp
// shares MailApp's mailbox (ws.mail) and its daily recipients quota.
import { createWorkspace } from '../../scripts/emulator/index';
import { caught } from './fixtures/context';

/* eslint-disable @typescript-eslint/no-explicit-any */
type Any = any;
type WS = ReturnType<typeof createWorkspace>;
const G = (ws: WS) => ws.globals.GmailApp as Any;
const fresh = (options: Record<string, unknown> = {}) => createWorkspace({ now: '2026-11-23T09:00:00Z', user: 'ann@studio.test', ...options });
const run = <T>(ws: WS, fn: () => T, user?: string) => ws.execute(fn, user ? { user } : {});

describe('GmailApp.sendEmail', () => {
  // "sendEmail(recipient, subject, body, options) — Sends an email message with optional arguments."
  // "Return GmailApp — the Gmail service, useful for chaining"
  test('sends through the shared mailbox with options and returns GmailApp for chaining', () => {
    const ws = fresh();
    const back = run(ws, () => G(ws).sendEmail('client@example.com', 'Offer', 'Plain', { cc: 'boss@studio.test', htmlBody: '<b>Offer</b>', name: 'Ann' }));
    expect(back).toBe(G(ws));
    expect(ws.mail.sent()).toHaveLength(1);
    expect(ws.mail.sent()[0]).toMatchObject({ from: 'ann@studio.test', name: 'Ann', to: ['client@example.com'], cc: ['boss@studio.test'], subject: 'Offer', htmlBody: '<b>Offer</b>' });
    expect(ws.calls.byMethod()).toEqual({ 'GmailApp.sendEmail': 1 });
  });

  test('argument forms and checks: the documented signatures only, invalid addresses, no recipient', () => {
    const ws = fresh();
    expect(caught(() => run(ws, () => G(ws).sendEmail('a@example.com', 'only two'))).message)
      .toBe("The parameters (String,String) don't match the method signature for GmailApp.sendEmail.");
    // GmailApp has no sendEmail(message) form (MailApp has).
    expect(caught(() => run(ws, () => G(ws).sendEmail({ to: 'a@example.com', subject: 's', body: 'b' }))).message)
      .toBe("The parameters (Object) don't match the method signature for GmailApp.sendEmail.");
    expect(caught(() => run(ws, () => G(ws).sendEmail('not an address', 's', 'b'))).message).toBe('Invalid email: not an address');
    expect(caught(() => run(ws, () => G(ws).sendEmail('', 's', 'b'))).message).toBe('Failed to send email: no recipient');
    // "from — the address that the email should be sent from, which must be one of the values returned by getAliases()."
    // getAliases: "Gets a list of the emails that are set up as aliases for this account in Gmail." The
    // user's own address is one (gas-fakes' live suite: "a user will always have at least their primary email as an alias").
    expect(run(ws, () => G(ws).getAliases())).toEqual(['ann@studio.test']);
    const other = fresh();
    expect(run(other, () => G(other).sendEmail('a@example.com', 's', 'b', { from: 'ann@studio.test' }))).toBe(G(other));
    expect(other.mail.sent()[0].from).toBe('ann@studio.test');
    expect(caught(() => run(ws, () => G(ws).sendEmail('a@example.com', 's', 'b', { from: 'ceo@studio.test' }))).message).toBe('Invalid argument: from');
    expect(ws.mail.sent()).toEqual([]);
  });

  // Quotas page: "Email recipients per day" is one quota for MailApp and GmailApp.
  test('shares the daily recipients quota with MailApp', () => {
    const ws = fresh({ mailQuota: 3 });
    run(ws, () => (ws.globals.MailApp as Any).sendEmail('a@example.com, b@example.com', 's', 'b'));
    run(ws, () => G(ws).sendEmail('c@example.com', 's', 'b'));
    expect(run(ws, () => (ws.globals.MailApp as Any).getRemainingDailyQuota())).toBe(0);
    expect(caught(() => run(ws, () => G(ws).sendEmail('d@example.com', 's', 'b'))).message).toBe('Service invoked too many times for one day: email.');
  });

  test('is refused without authorization', () => {
    const ws = fresh();
    expect(() => ws.execute(() => G(ws).sendEmail('a@example.com', 's', 'b'), { authMode: 'NONE' })).toThrow(/permission/i);
  });
});

describe('drafts', () => {
  // createDraft: "Creates a draft email message." GmailDraft.send: "Sends this draft email message."
  // "Return GmailMessage — the newly sent message"
  test('createDraft, getDrafts, update, send', () => {
    const ws = fresh();
    const draft = run(ws, () => G(ws).createDraft('client@example.com', 'Draft', 'first'));
    expect(ws.mail.sent()).toEqual([]);
    expect(run(ws, () => G(ws).getDrafts().map((d: Any) => d.getId()))).toEqual([draft.getId()]);
    expect(run(ws, () => draft.getMessage().isDraft())).toBe(true);
    // update: "Replaces the contents of this draft message."
    run(ws, () => draft.update('client@example.com', 'Draft v2', 'second', { cc: 'boss@studio.test' }));
    expect(run(ws, () => G(ws).getDraftMessages()[0].getSubject())).toBe('Draft v2');
    const sent = run(ws, () => draft.send());
    expect(run(ws, () => [sent.getSubject(), sent.getPlainBody(), sent.getCc(), sent.isDraft()])).toEqual(['Draft v2', 'second', 'boss@studio.test', false]);
    expect(ws.mail.sent().map((m) => m.subject)).toEqual(['Draft v2']);
    expect(run(ws, () => G(ws).getDrafts())).toEqual([]);
    // Another user's drafts stay theirs.
    run(ws, () => G(ws).createDraft('', 'Bob only', 'x'), 'bob@studio.test');
    expect(run(ws, () => G(ws).getDrafts())).toEqual([]);
    // "deleteDraft() — Deletes this draft message."
    const d2 = run(ws, () => G(ws).getDrafts()[0], 'bob@studio.test');
    run(ws, () => d2.deleteDraft(), 'bob@studio.test');
    expect(run(ws, () => G(ws).getDrafts(), 'bob@studio.test')).toEqual([]);
  });

  test('a draft without recipients is kept but cannot be sent', () => {
    const ws = fresh();
    const draft = run(ws, () => G(ws).createDraft('', 'No one', 'x'));
    expect(caught(() => run(ws, () => draft.send())).message).toBe('Failed to send email: no recipient');
  });
});

describe('threads, messages and search', () => {
  function mailbox() {
    const ws = fresh();
    ws.mail.receive({ from: 'client@example.com', to: 'ann@studio.test', subject: 'Question about the offer', body: 'When can we start?', at: '2026-11-22T08:00:00Z' });
    ws.mail.receive({ from: 'news@example.org', to: 'ann@studio.test', subject: 'Newsletter', body: 'Weekly', at: '2026-11-22T09:00:00Z' });
    run(ws, () => G(ws).sendEmail('bob@studio.test', 'Internal', 'FYI'));
    return ws;
  }

  // getInboxThreads: "Retrieves all inbox threads irrespective of labels." (newest first, as Gmail lists them)
  test('getInboxThreads lists received threads newest first, paged by (start, max)', () => {
    const ws = mailbox();
    expect(run(ws, () => G(ws).getInboxThreads().map((t: Any) => t.getFirstMessageSubject()))).toEqual(['Newsletter', 'Question about the offer']);
    expect(run(ws, () => G(ws).getInboxThreads(1, 1).map((t: Any) => t.getFirstMessageSubject()))).toEqual(['Question about the offer']);
    // The sent mail is in the recipient's inbox, unread.
    expect(run(ws, () => G(ws).getInboxThreads().map((t: Any) => [t.getFirstMessageSubject(), t.isUnread()]), 'bob@studio.test')).toEqual([['Internal', true]]);
    expect(run(ws, () => G(ws).getInboxUnreadCount())).toBe(2);
    expect(caught(() => run(ws, () => G(ws).getInboxThreads(1))).message)
      .toBe("The parameters (number) don't match the method signature for GmailApp.getInboxThreads.");
  });

  // search: "Search Gmail with the given query."
  test('search understands words and the common operators', () => {
    const ws = mailbox();
    const subjects = (q: string) => run(ws, () => G(ws).search(q).map((t: Any) => t.getFirstMessageSubject()));
    expect(subjects('offer')).toEqual(['Question about the offer']);
    expect(subjects('from:news@example.org')).toEqual(['Newsletter']);
    expect(subjects('in:sent')).toEqual(['Internal']);
    expect(subjects('subject:"about the"')).toEqual(['Question about the offer']);
    expect(subjects('is:unread -from:news')).toEqual(['Question about the offer']);
    expect(subjects('after:2026/11/23')).toEqual(['Internal']);
  });

  // GmailThread: "markRead() — Marks this thread as read." "moveToArchive() — Moves this thread to the archive."
  // "moveToTrash() — Moves this thread to the trash."
  test('thread getters and state changes', () => {
    const ws = mailbox();
    const t = run(ws, () => G(ws).search('offer')[0]);
    expect(run(ws, () => [t.getMessageCount(), t.isInInbox(), t.isUnread(), t.getLastMessageDate().toISOString()]))
      .toEqual([1, true, true, '2026-11-22T08:00:00.000Z']);
    const m = run(ws, () => t.getMessages()[0]);
    expect(run(ws, () => [m.getFrom(), m.getTo(), m.getSubject(), m.getPlainBody(), m.getThread().getId() === t.getId()]))
      .toEqual(['client@example.com', 'ann@studio.test', 'Question about the offer', 'When can we start?', true]);
    run(ws, () => t.markRead());
    expect(run(ws, () => G(ws).getInboxUnreadCount())).toBe(1);
    run(ws, () => t.moveToArchive());
    expect(run(ws, () => G(ws).getInboxThreads().length)).toBe(1);
    expect(run(ws, () => G(ws).search('offer').length)).toBe(1);
    run(ws, () => G(ws).moveThreadToTrash(t));
    expect(run(ws, () => G(ws).search('offer').length)).toBe(0);
    expect(run(ws, () => G(ws).search('in:trash offer').length)).toBe(1);
    run(ws, () => m.star());
    expect(run(ws, () => G(ws).getMessageById(m.getId()).isStarred())).toBe(true);
  });

  // GmailMessage.reply: "Replies to the sender of this message using the replyTo address."
  test('a reply goes to the sender, in the same thread, and uses the quota', () => {
    const ws = mailbox();
    const t = run(ws, () => G(ws).search('offer')[0]);
    run(ws, () => t.getMessages()[0].reply('Monday.'));
    expect(ws.mail.sent().slice(-1)[0]).toMatchObject({ to: ['client@example.com'], subject: 'Re: Question about the offer', body: 'Monday.' });
    expect(run(ws, () => G(ws).getThreadById(t.getId()).getMessageCount())).toBe(2);
  });
});

describe('labels', () => {
  // createLabel: "Create a new user label of the given name." getUserLabelByName: "Retrieves a label given the label name."
  // GmailThread.addLabel: "Adds this label to the thread."
  test('create, attach, find by label, delete', () => {
    const ws = fresh();
    ws.mail.receive({ from: 'client@example.com', to: 'ann@studio.test', subject: 'Deal D1', body: 'x' });
    const label = run(ws, () => G(ws).createLabel('Dealboard/Clients'));
    const t = run(ws, () => G(ws).getInboxThreads()[0]);
    run(ws, () => t.addLabel(label));
    expect(run(ws, () => t.getLabels().map((l: Any) => l.getName()))).toEqual(['Dealboard/Clients']);
    expect(run(ws, () => G(ws).getUserLabelByName('Dealboard/Clients').getThreads().length)).toBe(1);
    expect(run(ws, () => G(ws).getUserLabelByName('Dealboard/Clients').getUnreadCount())).toBe(1);
    expect(run(ws, () => G(ws).search('label:dealboard-clients').length)).toBe(1);
    expect(run(ws, () => G(ws).getUserLabelByName('Nope'))).toBeNull();
    expect(run(ws, () => G(ws).getUserLabels().map((l: Any) => l.getName()))).toEqual(['Dealboard/Clients']);
    // deleteLabel: "Deletes the specified label."
    run(ws, () => G(ws).deleteLabel(label));
    expect(run(ws, () => G(ws).getUserLabels())).toEqual([]);
    expect(run(ws, () => t.getLabels())).toEqual([]);
  });

  test('the mailbox survives toJSON / restore', () => {
    const ws = fresh();
    ws.mail.receive({ from: 'client@example.com', to: 'ann@studio.test', subject: 'Kept', body: 'x' });
    run(ws, () => G(ws).createDraft('a@example.com', 'Draft kept', 'x'));
    run(ws, () => G(ws).getInboxThreads()[0].addLabel(G(ws).createLabel('L')));
    const again = createWorkspace({ state: JSON.parse(JSON.stringify(ws.toJSON())) } as Any);
    expect(run(again, () => G(again).getUserLabelByName('L').getThreads()[0].getFirstMessageSubject(), 'ann@studio.test')).toBe('Kept');
    expect(run(again, () => G(again).getDrafts()[0].getMessage().getSubject(), 'ann@studio.test')).toBe('Draft kept');
  });
});

test('unemulated members keep the Not implemented error', () => {
  const ws = fresh();
  expect(() => run(ws, () => G(ws).getChatThreads())).toThrow('Not implemented in the Dealboard emulator: GmailApp.getChatThreads');
});

describe('priority inbox, spam, starred counts, batch modifiers, draft threads, label ids', () => {
  // getPriorityInboxThreads: "Retrieves all Priority Inbox threads irrespective of labels."
  // getSpamThreads: "Retrieves all spam threads irrespective of labels." getSpamUnreadCount: "Gets the number of unread threads that are spam."
  // getStarredUnreadCount: "Gets the number of unread threads that are starred."
  test('the folders and counts follow the threads\' flags', () => {
    const ws = fresh();
    ws.mail.receive({ from: 'client@example.com', to: 'ann@studio.test', subject: 'Important', body: 'x' });
    ws.mail.receive({ from: 'spammer@example.com', to: 'ann@studio.test', subject: 'Win', body: 'x' });
    const [imp, spam] = run(ws, () => {
      const threads = G(ws).getInboxThreads();
      return [threads.find((t: Any) => t.getFirstMessageSubject() === 'Important'), threads.find((t: Any) => t.getFirstMessageSubject() === 'Win')];
    });
    expect(run(ws, () => G(ws).getPriorityInboxThreads())).toEqual([]);
    run(ws, () => G(ws).markThreadImportant(imp));
    expect(run(ws, () => G(ws).getPriorityInboxThreads().map((t: Any) => t.getFirstMessageSubject()))).toEqual(['Important']);
    expect(run(ws, () => G(ws).getPriorityInboxUnreadCount())).toBe(1);
    run(ws, () => G(ws).moveThreadToSpam(spam));
    expect(run(ws, () => G(ws).getSpamThreads(0, 1).map((t: Any) => t.getFirstMessageSubject()))).toEqual(['Win']);
    expect(run(ws, () => G(ws).getSpamUnreadCount())).toBe(1);
    expect(run(ws, () => G(ws).getStarredUnreadCount())).toBe(0);
    // starMessages / markMessagesRead: "Adds stars to these messages" / "Marks these messages read"
    run(ws, () => G(ws).starMessages(imp.getMessages()));
    expect(run(ws, () => G(ws).getStarredUnreadCount())).toBe(1);
    run(ws, () => G(ws).markMessagesRead(imp.getMessages()));
    expect(run(ws, () => [G(ws).getStarredUnreadCount(), G(ws).getPriorityInboxUnreadCount()])).toEqual([0, 0]);
    run(ws, () => G(ws).markMessagesUnread(imp.getMessages()));
    expect(run(ws, () => imp.isUnread())).toBe(true);
  });

  // getThreadById: "Gets a thread by ID." A draft's message has a thread (GmailMessage.getThread), which is found by its id.
  test('a draft\'s thread is found by id and holds the draft', () => {
    const ws = fresh();
    const id = run(ws, () => G(ws).createDraft('a@example.com', 'Draft', 'x').getMessage().getThread().getId());
    const t = run(ws, () => G(ws).getThreadById(id));
    expect(run(ws, () => String(t))).toBe('GmailThread');
    expect(run(ws, () => G(ws).getMessagesForThread(t).map((m: Any) => [m.getSubject(), m.isDraft()]))).toEqual([['Draft', true]]);
  });

  // GmailApp.deleteLabel(label): "Deletes the specified label." — a label that no longer exists is refused.
  test('labels have ids; deleting a deleted label throws', () => {
    const ws = fresh();
    const l = run(ws, () => G(ws).createLabel('Clients'));
    expect(run(ws, () => l.getId())).toMatch(/^Label_\d+$/);
    expect(run(ws, () => G(ws).getUserLabels()[0].getId())).toBe(run(ws, () => l.getId()));
    run(ws, () => G(ws).deleteLabel(l));
    expect(caught(() => run(ws, () => G(ws).deleteLabel(l))).message).toBe('Invalid argument: label');
  });
});
