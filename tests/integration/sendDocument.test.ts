// The Send button of a document, through the built bundle: one e-mail with the link (and the
// PDF for proposal and invoice), from the manager's name, reply-to the manager; the Documents
// tab records sent at / by / to; a second send, or a send to a client who opted out, asks first.
import { demoWorkspace, records } from './harness';

/* eslint-disable @typescript-eslint/no-explicit-any */
type Any = any;

function prepared(user = 'owner@studio.test') {
  const { ws, addon } = demoWorkspace(80, user);
  addon.installDocumentTemplates();
  const deal = addon.api_getBoard({ scope: 'all' }).columns.find((c: Any) => c.key === 'negotiation').cards.find((c: Any) => c.editable && c.email);
  const items = addon.api_getCatalog().items.slice(0, 2);
  const version = addon.api_getDeal(deal.id).card.version;
  addon.api_saveQuote(deal.id, { lines: items.map((i: Any) => ({ code: i.code, description: i.service, unit: i.unit, quantity: i.defaultQuantity, unitPriceMinor: i.unitPriceMinor })) }, version);
  return { ws, addon, deal };
}

describe('api_sendDocument', () => {
  test('proposal: link and PDF attached, from the manager, reply-to the manager; Documents records it', () => {
    const { ws, addon, deal } = prepared();
    const doc = addon.api_generateDocument(deal.id, 'proposal');
    const result = addon.api_sendDocument(deal.id, 'proposal', false);
    expect(result).toMatchObject({ needsConfirmation: false, message: { status: 'sent', to: deal.email } });
    const [mail] = ws.mail.sent();
    expect(mail.to).toEqual([deal.email]);
    expect(mail.replyTo).toBe(deal.manager);
    expect(mail.name).toContain(addon.api_getDeal(deal.id).card.managerName);
    expect(mail.body).toContain(doc.url);
    expect(mail.htmlBody).toContain(`<a href="${doc.url}">`);
    expect(mail.attachments).toHaveLength(1);
    expect(mail.attachments[0]).toMatchObject({ contentType: 'application/pdf' });
    expect(Buffer.from(mail.attachments[0].base64, 'base64').subarray(0, 4).toString()).toBe('%PDF');
    const row = records(ws, 'Documents').find((r) => r['Deal ID'] === deal.id && r.Kind === 'proposal')!;
    expect(row['Sent at']).toBeInstanceOf(Date);
    expect(row['Sent by']).toBe('owner@studio.test');
    expect(row['Sent to']).toBe(deal.email);
  });

  test('a sent proposal shows in the client card\'s communication history (issue 21, item 12)', () => {
    const { addon, deal } = prepared();
    const clientId = addon.api_getDeal(deal.id).card.clientId;
    const before = addon.api_getClient(clientId).history.length;
    addon.api_generateDocument(deal.id, 'proposal');
    addon.api_sendDocument(deal.id, 'proposal', false);
    const card = addon.api_getClient(clientId);
    expect(card.history.length).toBe(before + 1);
    expect(card.history[0]).toMatchObject({ kind: 'email', withWhom: deal.email, dealId: deal.id, user: 'owner@studio.test' });
    expect(card.history[0].summary).toMatch(/^E-mail sent: .*Proposal/i);
    expect(typeof card.history[0].at).toBe('string');
  });

  test('sending twice asks first; confirmed, it goes again', () => {
    const { ws, addon, deal } = prepared();
    // Sending an invoice issues it, which needs the seller's details (issue 22).
    const settings = ws.readSheet('Settings').values as unknown[][];
    for (const [key, value] of [['company_name', 'Pixel & Code Studio'], ['company_address', 'Hauptstraße 5, Berlin'], ['company_tax_id', 'DE123456789'], ['company_bank', 'IBAN DE02 1203 0000 0000 2020 51']]) {
      ws.editCell('Settings', settings.findIndex((r) => r[0] === key) + 1, 2, value);
    }
    addon.api_generateDocument(deal.id, 'invoice');
    addon.api_sendDocument(deal.id, 'invoice', false);
    const again = addon.api_sendDocument(deal.id, 'invoice', false);
    expect(again).toMatchObject({ needsConfirmation: true, question: expect.stringContaining('already sent'), message: null });
    expect(ws.mail.sent()).toHaveLength(1);
    const confirmed = addon.api_sendDocument(deal.id, 'invoice', true);
    expect(confirmed.message.status).toBe('sent');
    expect(ws.mail.sent()).toHaveLength(2);
    expect(ws.mail.sent()[1].attachments[0].name).toMatch(/^Invoice INV-2026-\d{4}/);
    expect(records(ws, 'Outbox').filter((r) => r.Template === 'document.invoice')).toHaveLength(2);
  });

  test('a contract goes without attachment; Settings mail_attach_pdf FALSE drops the PDF', () => {
    const { ws, addon, deal } = prepared();
    addon.api_generateDocument(deal.id, 'contract');
    addon.api_sendDocument(deal.id, 'contract', false);
    expect(ws.mail.sent()[0].attachments).toEqual([]);
    const settings = ws.readSheet('Settings').values as unknown[][];
    ws.editCell('Settings', settings.findIndex((r) => r[0] === 'mail_attach_pdf') + 1, 2, 'FALSE');
    addon.api_generateDocument(deal.id, 'proposal');
    addon.api_sendDocument(deal.id, 'proposal', false);
    expect(ws.mail.sent()[1].attachments).toEqual([]);
  });

  test('a client who opted out: the send asks; without an e-mail it is refused with the reason', () => {
    const { ws, addon, deal } = prepared();
    addon.api_generateDocument(deal.id, 'proposal');
    const clients = ws.readSheet('Clients').values as unknown[][];
    const head = clients[0].map(String);
    const r = clients.findIndex((row) => row[0] === deal.clientId);
    ws.writeRows('Clients', r + 1, [clients[r].map((v, i) => (head[i] === 'No e-mails' ? true : v))]);
    expect(addon.api_sendDocument(deal.id, 'proposal', false)).toMatchObject({ needsConfirmation: true, question: expect.stringContaining('asked for no e-mails') });
    expect(ws.mail.sent()).toHaveLength(0);
    expect(addon.api_sendDocument(deal.id, 'proposal', true).message.status).toBe('sent');
    const version = addon.api_getDeal(deal.id).card.version;
    addon.api_updateDeal(deal.id, { email: '' }, version);
    expect(() => addon.api_sendDocument(deal.id, 'proposal', true)).toThrow('no e-mail address');
  });

  test('a document not made yet, or an unknown kind, is refused', () => {
    const { addon, deal } = prepared();
    expect(() => addon.api_sendDocument(deal.id, 'brief', false)).toThrow('Make the brief');
    expect(() => addon.api_sendDocument(deal.id, 'memo', false)).toThrow('must be one of');
  });

  test('quota used up: the document waits in the outbox and goes with the next drain after the reset', () => {
    const { ws, addon, deal } = prepared();
    addon.api_generateDocument(deal.id, 'proposal');
    ws.mail.dailyQuota = 0;
    const result = addon.api_sendDocument(deal.id, 'proposal', false);
    expect(result.message).toMatchObject({ status: 'waiting', reason: expect.stringContaining('quota') });
    ws.mail.dailyQuota = 100;
    ws.clock.set(ws.mail.nextReset(ws.clock.now()));
    addon.sendQueuedMailNow();
    expect(ws.mail.sent()).toHaveLength(1);
  });
});
