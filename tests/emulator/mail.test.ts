// MailApp against the Apps Script reference (developers.google.com/apps-script/reference/mail/mail-app)
// and the quotas page (developers.google.com/apps-script/guides/services/quotas), quoted per test.
import { createWorkspace } from '../../scripts/emulator/index';

type WS = ReturnType<typeof createWorkspace>;
const M = (ws: WS) => ws.globals.MailApp as GoogleAppsScript.Mail.MailApp;
const U = (ws: WS) => ws.globals.Utilities as GoogleAppsScript.Utilities.Utilities;
const run = <T>(ws: WS, fn: () => T) => ws.execute(fn);

describe('MailApp.sendEmail', () => {
  // "sendEmail(recipient, subject, body) — Sends an email message."
  test('recipient, subject, body', () => {
    const ws = createWorkspace({ user: 'ann@studio.test' });
    run(ws, () => M(ws).sendEmail('client@example.com', 'Hello', 'Plain text'));
    const [m] = ws.mail.sent();
    expect(m).toMatchObject({ from: 'ann@studio.test', to: ['client@example.com'], subject: 'Hello', body: 'Plain text', htmlBody: null, replyTo: '' });
  });

  // "sendEmail(to, replyTo, subject, body) — Sends an email message."
  test('to, replyTo, subject, body', () => {
    const ws = createWorkspace();
    run(ws, () => M(ws).sendEmail('client@example.com', 'manager@studio.test', 'Subj', 'Body'));
    expect(ws.mail.sent()[0]).toMatchObject({ replyTo: 'manager@studio.test', subject: 'Subj', body: 'Body' });
  });

  // "sendEmail(recipient, subject, body, options) — Sends an email message with optional arguments."
  // Options: attachments, bcc, cc, htmlBody, inlineImages, name, noReply, replyTo.
  test('recipient, subject, body, options', () => {
    const ws = createWorkspace();
    run(ws, () => {
      const pdf = U(ws).newBlob('PDF bytes', 'application/pdf', 'Proposal.pdf');
      M(ws).sendEmail('a@example.com, Bob <b@example.com>', 'Proposal', 'text', {
        htmlBody: '<p>html</p>', attachments: [pdf], name: 'Ann from Studio', replyTo: 'ann@studio.test',
        cc: 'c@example.com', bcc: 'd@example.com',
      });
    });
    const [m] = ws.mail.sent();
    expect(m.to).toEqual(['a@example.com', 'b@example.com']);
    expect(m).toMatchObject({ cc: ['c@example.com'], bcc: ['d@example.com'], name: 'Ann from Studio', htmlBody: '<p>html</p>', replyTo: 'ann@studio.test' });
    expect(m.attachments).toEqual([{ name: 'Proposal.pdf', contentType: 'application/pdf', base64: Buffer.from('PDF bytes').toString('base64'), size: 9 }]);
  });

  // "sendEmail(message) — message: a JavaScript object representing an email message" with
  // to, subject, body, htmlBody, name, noReply ("true if the email should be sent from a generic
  // no-reply email address").
  test('message object, noReply', () => {
    const ws = createWorkspace();
    run(ws, () => M(ws).sendEmail({ to: 'a@example.com', subject: 'S', body: 'B', noReply: true }));
    expect(ws.mail.sent()[0]).toMatchObject({ from: 'noreply@google.com', noReply: true, to: ['a@example.com'] });
  });

  test('argument checks and error texts', () => {
    const ws = createWorkspace();
    const send = (...args: unknown[]) => run(ws, () => (M(ws).sendEmail as (...a: unknown[]) => void)(...args));
    expect(() => send('not-an-address', 'S', 'B')).toThrow('Invalid email: not-an-address');
    expect(() => send({ subject: 'S', body: 'B' })).toThrow('Failed to send email: no recipient');
    expect(() => send('a@example.com')).toThrow("The parameters (String) don't match the method signature for MailApp.sendEmail.");
    const many = Array.from({ length: 51 }, (_, i) => `p${i}@example.com`).join(',');
    expect(() => send(many, 'S', 'B')).toThrow('Limit Exceeded: Email Recipients Per Message.');
    expect(() => send('a@example.com', 'S', 'x'.repeat(200 * 1024 + 1))).toThrow('Limit Exceeded: Email Body Size.');
    try { send('bad', 'S', 'B'); } catch (e) { expect((e as Error).name).toBe('Exception'); }
    expect(ws.mail.sent()).toHaveLength(0);
  });

  test('a subject or a sender name cannot carry a line break into the headers', () => {
    const ws = createWorkspace();
    run(ws, () => M(ws).sendEmail('a@example.com', 'Hi\r\nBcc: evil@example.com', 'B', { name: 'Ann\nX-Evil: 1' }));
    expect(ws.mail.sent()[0]).toMatchObject({ subject: 'Hi Bcc: evil@example.com', name: 'Ann X-Evil: 1', bcc: [] });
  });

  test('calls are counted in the mail category; the mailbox helpers are not', () => {
    const ws = createWorkspace();
    ws.calls.reset();
    run(ws, () => { M(ws).getRemainingDailyQuota(); M(ws).sendEmail('a@example.com', 'S', 'B'); });
    ws.mail.sent();
    expect(ws.calls.summary().byCategory.mail).toBe(2);
    expect(ws.calls.byMethod()).toEqual({ 'MailApp.getRemainingDailyQuota': 1, 'MailApp.sendEmail': 1 });
  });

  test('an execution in AuthMode.NONE may not send', () => {
    const ws = createWorkspace();
    expect(() => ws.execute(() => M(ws).sendEmail('a@example.com', 'S', 'B'), { authMode: 'NONE' })).toThrow();
  });
});

describe('MailApp.getRemainingDailyQuota', () => {
  // "Returns the number of recipients you can send emails to for the rest of the day."
  // Quotas page: "Email recipients per day: 100 / day (consumer), 1,500 / day (Google Workspace)".
  test('counts recipients, runs out, and the send then fails', () => {
    const ws = createWorkspace({ mailQuota: 3 });
    expect(run(ws, () => M(ws).getRemainingDailyQuota())).toBe(3);
    run(ws, () => M(ws).sendEmail('a@example.com', 'S', 'B', { cc: 'b@example.com' }));
    expect(run(ws, () => M(ws).getRemainingDailyQuota())).toBe(1);
    expect(() => run(ws, () => M(ws).sendEmail('a@example.com, c@example.com', 'S', 'B'))).toThrow('Service invoked too many times for one day: email.');
    run(ws, () => M(ws).sendEmail('a@example.com', 'S', 'B'));
    expect(run(ws, () => M(ws).getRemainingDailyQuota())).toBe(0);
    expect(ws.mail.sent()).toHaveLength(2);
  });

  test('default quota is the consumer one; per user', () => {
    const ws = createWorkspace();
    expect(ws.execute(() => M(ws).getRemainingDailyQuota(), { user: 'x@studio.test' })).toBe(100);
    ws.execute(() => M(ws).sendEmail('a@example.com', 'S', 'B'), { user: 'x@studio.test' });
    expect(ws.execute(() => M(ws).getRemainingDailyQuota(), { user: 'x@studio.test' })).toBe(99);
    expect(ws.execute(() => M(ws).getRemainingDailyQuota(), { user: 'y@studio.test' })).toBe(100);
  });

  // Reset at midnight US Pacific time, as the issue requires. Note: the quotas page says
  // "Quotas are per user and reset 24 hours after the first request"; the emulator uses the
  // Pacific day (what Gmail sending limits follow), see scripts/emulator/README.md.
  test('resets at midnight Pacific time (PST in winter, PDT in summer)', () => {
    const ws = createWorkspace({ mailQuota: 1, now: '2026-11-24T07:30:00Z' }); // 23:30 PST
    run(ws, () => M(ws).sendEmail('a@example.com', 'S', 'B'));
    expect(run(ws, () => M(ws).getRemainingDailyQuota())).toBe(0);
    expect(ws.mail.nextReset(ws.clock.now()).toISOString()).toBe('2026-11-24T08:00:00.000Z');
    ws.clock.set('2026-11-24T07:59:59Z');
    expect(run(ws, () => M(ws).getRemainingDailyQuota())).toBe(0);
    ws.clock.set('2026-11-24T08:00:00Z');
    expect(run(ws, () => M(ws).getRemainingDailyQuota())).toBe(1);
    expect(ws.mail.nextReset(new Date('2026-07-01T12:00:00Z')).toISOString()).toBe('2026-07-02T07:00:00.000Z');
    expect(ws.mail.nextReset(new Date('2026-03-08T06:00:00Z')).toISOString()).toBe('2026-03-08T08:00:00.000Z');
    // The day the clocks go forward (8 March 2026, 02:00 PST → 03:00 PDT): the next midnight is PDT.
    expect(ws.mail.nextReset(new Date('2026-03-08T12:00:00Z')).toISOString()).toBe('2026-03-09T07:00:00.000Z');
  });
});

describe('mailbox model', () => {
  test('failOnSend makes the n-th send throw without delivering or using quota', () => {
    const ws = createWorkspace({ mailQuota: 10 });
    ws.mail.failOnSend(2);
    run(ws, () => M(ws).sendEmail('a@example.com', '1', 'B'));
    expect(() => run(ws, () => M(ws).sendEmail('a@example.com', '2', 'B'))).toThrow('Service error: Mail');
    run(ws, () => M(ws).sendEmail('a@example.com', '3', 'B'));
    expect(ws.mail.sent().map((m) => m.subject)).toEqual(['1', '3']);
    expect(run(ws, () => M(ws).getRemainingDailyQuota())).toBe(8);
  });

  test('killOnSend ends the execution: that send and every later call of the execution throw; the next execution runs', () => {
    const ws = createWorkspace();
    ws.mail.killOnSend(1);
    const SS = ws.globals.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp;
    let after: unknown = null;
    expect(() => ws.execute(() => {
      try { M(ws).sendEmail('a@example.com', 'S', 'B'); } catch (e) { after = e; }
      SS.getActive().getName(); // the add-on trying to record the failure
    })).toThrow('Exceeded maximum execution time');
    expect(String(after)).toContain('Exceeded maximum execution time');
    expect(ws.mail.sent()).toHaveLength(0);
    expect(ws.execute(() => SS.getActive().getName())).toBe('Dealboard');
    ws.mail.killOnSend(1, { afterDelivery: true });
    expect(() => ws.execute(() => M(ws).sendEmail('a@example.com', 'S2', 'B'))).toThrow('Exceeded maximum execution time');
    expect(ws.mail.sent().map((m) => m.subject)).toEqual(['S2']);
  });

  test('persisted with the workspace', () => {
    const ws = createWorkspace({ mailQuota: 5 });
    run(ws, () => M(ws).sendEmail('a@example.com', 'S', 'B'));
    const again = createWorkspace({ state: JSON.parse(JSON.stringify(ws.toJSON())) });
    expect(again.mail.sent()).toHaveLength(1);
    expect(again.execute(() => M(again).getRemainingDailyQuota())).toBe(4);
  });
});
