// Issue 21, item 11: Send shows the message first. The preview is the very message Send queues
// (recipient, subject, body, attachments), writes nothing, and carries the question Send would ask.
import { demoWorkspace, records } from './harness';

/* eslint-disable @typescript-eslint/no-explicit-any */

describe('api_previewDocumentMail', () => {
  it('shows what Send sends, writing and sending nothing; a second preview carries the re-send question', () => {
    const { ws, addon } = demoWorkspace(80);
    addon.installDocumentTemplates();
    const deal = addon.api_getBoard({ scope: 'all' }).columns.find((c: any) => c.key === 'negotiation').cards.find((c: any) => c.editable && c.email);
    const items = addon.api_getCatalog().items.slice(0, 2);
    addon.api_saveQuote(deal.id, { lines: items.map((i: any) => ({ code: i.code, description: i.service, unit: i.unit, quantity: i.defaultQuantity, unitPriceMinor: i.unitPriceMinor })) }, addon.api_getDeal(deal.id).card.version);
    const doc = addon.api_generateDocument(deal.id, 'proposal');
    const tabs = () => JSON.stringify(['Outbox', 'Documents', 'Activities'].map((t) => ws.readSheet(t).values));
    const before = tabs();
    const preview = addon.api_previewDocumentMail(deal.id, 'proposal');
    expect(tabs()).toBe(before);
    expect(ws.mail.sent()).toHaveLength(0);
    expect(preview).toMatchObject({ to: deal.email, replyTo: deal.manager, question: null, issues: false });
    expect(preview.body).toContain(doc.url);
    expect(preview.attachments).toEqual([expect.stringMatching(/^Proposal — .*\.pdf$/)]);

    addon.api_sendDocument(deal.id, 'proposal', true);
    const [mail] = ws.mail.sent();
    expect(mail.subject).toBe(preview.subject);
    expect(mail.body).toBe(preview.body);
    expect(mail.to).toEqual([preview.to]);
    expect(mail.attachments.map((a: any) => a.name)).toEqual(preview.attachments);
    expect(records(ws, 'Outbox').filter((r) => r['Deal ID'] === deal.id)).toHaveLength(1);

    const again = addon.api_previewDocumentMail(deal.id, 'proposal');
    expect(again.question).toMatch(/already sent to .* Send it again\?/);
  });
});
