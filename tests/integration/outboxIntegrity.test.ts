// Issue 20, items 5 and 10: a queued e-mail is sent exactly as Dealboard rendered it; the owner's
// tabs (Users, Settings, Notifications, Outbox) are protected at setup and edits by anyone else
// are audited; "No e-mails" is checked again when the message goes out.
import { demoWorkspace, records } from './harness';

/* eslint-disable @typescript-eslint/no-explicit-any */
type Any = any;

const PROTECTED = 'You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.';

function cards(addon: Any, stage: string): Any[] {
  return addon.api_getBoard({ scope: 'all' }).columns.find((c: Any) => c.key === stage).cards.filter((c: Any) => c.editable);
}

/** One deal in negotiation with an e-mail moved to work as the owner: one stage e-mail queued. */
function queueOne(ws: Any, addon: Any): Any {
  ws.setUser('owner@studio.test');
  const card = cards(addon, 'negotiation').filter((c: Any) => c.email)[0];
  expect(addon.api_moveDeal(card.id, 'in_work', 0, card.version).ok).toBe(true);
  return card;
}

function cellOf(ws: Any, tab: string, id: string, header: string): { row: number; col: number } {
  const values = ws.readSheet(tab).values as unknown[][];
  const head = values[0].map(String);
  return { row: values.findIndex((r) => String(r[0]) === id) + 1, col: head.indexOf(header) + 1 };
}

describe('a queued message is sent exactly as rendered', () => {
  test('an executor edits the recipient and HTML of a queued row: the hourly run refuses it, marks it blocked, lists and audits it', () => {
    const { ws, addon } = demoWorkspace(80);
    const card = queueOne(ws, addon);
    const [queued] = records(ws, 'Outbox');
    expect(String(queued.Seal)).not.toBe('');
    ws.setUser('eva@studio.test'); // an executor: Outbox is warning-only, her typing goes through
    const to = cellOf(ws, 'Outbox', String(queued.ID), 'To');
    ws.editCell('Outbox', to.row, to.col, 'victim@evil.test');
    const html = cellOf(ws, 'Outbox', String(queued.ID), 'HTML');
    ws.editCell('Outbox', html.row, html.col, '<a href="http://evil.test/pay">Pay here</a>');

    ws.setUser('owner@studio.test');
    ws.runTimeTriggers();
    expect(ws.mail.sent().filter((m: Any) => m.to.includes('victim@evil.test') || String(m.htmlBody).includes('evil.test'))).toEqual([]);
    const [row] = records(ws, 'Outbox');
    expect(row.Status).toBe('blocked');
    expect(String(row.Reason)).toContain('changed on the Outbox tab after Dealboard queued it');
    const activities = records(ws, 'Activities');
    // the hand edits themselves (who, before → after) and the refusal
    expect(activities.some((a) => a.Kind === 'problem' && a.User === 'eva@studio.test' && String(a.Summary).includes('victim@evil.test') && String(a.Summary).includes(card.email))).toBe(true);
    expect(activities.some((a) => a.Kind === 'problem' && String(a.Summary).includes(`E-mail ${String(queued.ID)}`) && a['Deal ID'] === card.id)).toBe(true);
    const board = addon.api_getBoard({ scope: 'all' });
    expect(board.problems).toContainEqual(expect.objectContaining({ tab: 'Outbox', row: to.row, why: expect.stringContaining('changed on the Outbox tab') }));
    expect(ws.properties('document')['dealboard:outbox-seal-secret']).toMatch(/^[0-9a-f-]{72}$/); // kept out of every cell:
    for (const tab of ws.sheetNames()) expect(JSON.stringify(ws.readSheet(tab).values)).not.toContain(ws.properties('document')['dealboard:outbox-seal-secret'].slice(0, 36));
    // the card shows it blocked, with the reason
    expect(addon.api_getOutbox(card.id)[0]).toMatchObject({ status: 'blocked', reason: expect.stringContaining('changed on the Outbox tab') });
  });

  test('a row whose seal was blanked, or copied under the same id (the copy and its original), is not sent', () => {
    const { ws, addon } = demoWorkspace(80);
    queueOne(ws, addon);
    const deal2 = cards(addon, 'negotiation').filter((c: Any) => c.email)[0];
    addon.api_moveDeal(deal2.id, 'in_work', 0, deal2.version);
    const [first, second] = records(ws, 'Outbox');
    const seal = cellOf(ws, 'Outbox', String(first.ID), 'Seal');
    ws.editCell('Outbox', seal.row, seal.col, '');
    ws.appendRows('Outbox', [(ws.readSheet('Outbox').values as unknown[][])[2]]); // second row copied below
    const run = addon.sendQueuedMailNow();
    expect(run.sent).toBe(0);
    expect(ws.mail.sent()).toEqual([]);
    const rows = records(ws, 'Outbox');
    expect(rows.map((r) => r.Status)).toEqual(['blocked', 'blocked', 'blocked']);
    expect(String(rows[1].Reason)).toContain('same message id');
    expect(rows[2].ID).toBe(second.ID);
  });

  test('text that Sheets stores with an apostrophe (=, +, -, @ first) reads back as it was sealed: the message goes', () => {
    const { ws, addon } = demoWorkspace(80);
    const card = cards(addon, 'negotiation').filter((c: Any) => c.email)[0];
    const title = cellOf(ws, 'Deals', card.id, 'Title');
    ws.editCell('Deals', title.row, title.col, "'=HYPERLINK(\"http://evil.test\",\"x\") +1 -2 @3");
    const fresh = addon.api_getDeal(card.id).card;
    expect(addon.api_moveDeal(card.id, 'in_work', 0, fresh.version).ok).toBe(true);
    const run = addon.sendQueuedMailNow();
    expect(run.sent).toBe(1);
    expect(ws.mail.sent()[0].subject).toContain('=HYPERLINK');
  });

  test('200 rows forged by hand are all refused in one run, and the problem list stays within one document property', () => {
    const { ws, addon } = demoWorkspace(80);
    const header = (ws.readSheet('Outbox').values as unknown[][])[0].map(String);
    const forged = Array.from({ length: 200 }, (_, k) => header.map((h) => ({
      ID: `M-forged-${k}`, Status: 'queued', 'Idempotency key': `x|${k}`, Template: 'stage.in_work', To: `victim${k}@evil.test`,
      Subject: 'Invoice overdue', Text: 'Pay here', HTML: '<a href="http://evil.test">Pay</a>', Seal: 'forged-seal', Attempts: 0,
    } as Record<string, unknown>)[h] ?? ''));
    ws.appendRows('Outbox', forged);
    const run = addon.sendQueuedMailNow();
    expect(run.sent).toBe(0);
    expect(ws.mail.sent()).toEqual([]);
    expect(records(ws, 'Outbox').every((r) => r.Status === 'blocked')).toBe(true);
    expect(addon.api_getBoard({ scope: 'all' }).problemCount).toBeGreaterThan(10);
  });

  test('a text on Notifications changed by someone other than the owner never reaches a client', () => {
    const { ws, addon } = demoWorkspace(80);
    // The protection refuses a head's edit as Sheets does ...
    const values = ws.readSheet('Notifications').values as unknown[][];
    const row = values.findIndex((r) => r[0] === 'stage.in_work') + 1;
    const body = (values[0] as string[]).indexOf('Body') + 1;
    ws.setUser('head@studio.test');
    expect(() => ws.editCell('Notifications', row, body, 'Pay to IBAN XX00 EVIL')).toThrow(PROTECTED);
    // ... and once the owner lifted it (or setup was not run again), the edit is audited and the text refused.
    ws.setUser('owner@studio.test');
    ws.execute(() => {
      const sheet = (ws.globals.SpreadsheetApp as Any).getActive().getSheetByName('Notifications');
      sheet.getProtections((ws.globals.SpreadsheetApp as Any).ProtectionType.SHEET)[0].remove();
    });
    ws.setUser('head@studio.test');
    ws.editCell('Notifications', row, body, 'Pay to IBAN XX00 EVIL');
    const card = queueOne(ws, addon);
    addon.sendQueuedMailNow();
    expect(ws.mail.sent()).toEqual([]);
    const [queued] = records(ws, 'Outbox');
    expect(queued).toMatchObject({ Status: 'blocked', 'Deal ID': card.id });
    expect(String(queued.Reason)).toContain('changed by head@studio.test, not the owner');
    expect(records(ws, 'Activities').some((a) => a.User === 'head@studio.test' && String(a.Summary).includes('Pay to IBAN'))).toBe(true);
    // The owner reads it, puts her text back: the next event's e-mail goes out.
    ws.setUser('owner@studio.test');
    ws.editCell('Notifications', row, body, 'Hello {{client.name}}, {{deal.title}} is now in work.');
    const next = cards(addon, 'negotiation').filter((c: Any) => c.email)[0];
    addon.api_moveDeal(next.id, 'in_work', 0, next.version);
    addon.sendQueuedMailNow();
    expect(ws.mail.sent()).toHaveLength(1);
    expect(ws.mail.sent()[0].body).toContain('is now in work');
  });
});

describe('the owner\'s tabs are protected at setup', () => {
  test('Users, Settings, Notifications and Briefs: the owner only; Outbox: warning-only (the team\'s own actions append to it); setup twice adds nothing', () => {
    const { ws, addon } = demoWorkspace(80);
    addon.setupWorkbook();
    for (const tab of ['Users', 'Settings', 'Notifications', 'Briefs', 'Outbox']) {
      const sheetProtections = ws.readSheet(tab).protections.filter((p: Any) => p.type === 'SHEET');
      expect(sheetProtections).toEqual([expect.objectContaining({ description: 'Dealboard: kept by the owner', warningOnly: tab === 'Outbox' })]);
    }
    ws.setUser('anna@studio.test');
    expect(() => ws.editCell('Users', 4, 3, 'owner')).toThrow(PROTECTED);
    expect(() => ws.editCell('Settings', 2, 2, 'x')).toThrow(PROTECTED);
    ws.setUser('head@studio.test');
    expect(() => ws.editCell('Users', 5, 3, 'owner')).toThrow(PROTECTED);
    // the owner types as before
    ws.setUser('owner@studio.test');
    const values = ws.readSheet('Settings').values as unknown[][];
    const currency = values.findIndex((r) => r[0] === 'currency') + 1;
    ws.editCell('Settings', currency, 2, 'CHF');
    expect((ws.readSheet('Settings').values as unknown[][])[currency - 1][1]).toBe('CHF');
    expect(records(ws, 'Activities').some((a) => String(a.Summary).includes('not the owner'))).toBe(false);
  });

  test('with the protection lifted, a manager making herself owner on Users is put back and audited', () => {
    const { ws, addon } = demoWorkspace(80);
    ws.execute(() => {
      const app = ws.globals.SpreadsheetApp as Any;
      app.getActive().getSheetByName('Users').getProtections(app.ProtectionType.SHEET)[0].remove();
    });
    const values = ws.readSheet('Users').values as unknown[][];
    const head = (values[0] as string[]);
    const annaRow = values.findIndex((r) => r[head.indexOf('Email')] === 'anna@studio.test') + 1;
    ws.setUser('anna@studio.test');
    ws.editCell('Users', annaRow, head.indexOf('Role') + 1, 'owner');
    expect((ws.readSheet('Users').values as unknown[][])[annaRow - 1][head.indexOf('Role')]).toBe('manager');
    expect(records(ws, 'Activities').some((a) => a.User === 'anna@studio.test' && String(a.Summary).includes('"manager" → "owner"') && String(a.Summary).includes('put back'))).toBe(true);
    // still a manager for the add-on
    expect(addon.api_getBoard({ scope: 'mine' }).me.role).toBe('manager');
  });
});

describe('"No e-mails" is checked again when the message goes out (item 10)', () => {
  test('a message waiting for quota is not sent after the client ticked "No e-mails"; it is blocked with the reason', () => {
    const { ws, addon } = demoWorkspace(80);
    const card = queueOne(ws, addon);
    const [queued] = records(ws, 'Outbox');
    const clientId = String(queued['Client ID']);
    expect(clientId).not.toBe('');
    const optOut = cellOf(ws, 'Clients', clientId, 'No e-mails');
    ws.editCell('Clients', optOut.row, optOut.col, true);
    const run = addon.sendQueuedMailNow();
    expect(run.sent).toBe(0);
    expect(ws.mail.sent()).toEqual([]);
    expect(addon.api_getOutbox(card.id)[0]).toMatchObject({ status: 'blocked', reason: expect.stringContaining('asked for no e-mails') });
  });
});

describe('header values reach MailApp on one line (item 10)', () => {
  test('line breaks in a manager\'s name and in company_name never reach the sender name or the digest subject', () => {
    const { ws, addon } = demoWorkspace(80);
    const settings = ws.readSheet('Settings').values as unknown[][];
    ws.editCell('Settings', settings.findIndex((r) => r[0] === 'company_name') + 1, 2, 'Studio\r\nBcc: spy@evil.test');
    const users = ws.readSheet('Users').values as unknown[][];
    const head = users[0] as string[];
    const row = users.findIndex((r) => r[head.indexOf('Email')] === 'owner@studio.test') + 1;
    ws.editCell('Users', row, head.indexOf('Name') + 1, 'Olga\nBcc: spy@evil.test');
    queueOne(ws, addon);
    addon.sendQueuedMailNow();
    ws.clock.set('2026-11-24T07:05:00Z'); // the digest hour
    ws.runTimeTriggers();
    const sent = ws.mail.sent();
    expect(sent.some((m: Any) => String(m.subject).includes('your day'))).toBe(true);
    expect(sent.some((m: Any) => String(m.name).includes('Bcc: spy@evil.test'))).toBe(true); // the text is kept, on one line
    for (const m of sent) {
      expect(String(m.name)).not.toMatch(/[\r\n]/);
      expect(String(m.subject)).not.toMatch(/[\r\n]/);
    }
  });
});
