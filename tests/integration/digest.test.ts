// The morning digest through the bundle: queued by the hourly trigger from the digest hour on,
// once a day, one e-mail per person with their items and links that open the sheet at the row.
import { demoWorkspace, records } from './harness';

/* eslint-disable @typescript-eslint/no-explicit-any */
type Any = any;

describe('morning digest', () => {
  test('before the digest hour nothing; from it, one e-mail per person, once a day', () => {
    const { ws, addon } = demoWorkspace(80);
    ws.clock.set('2026-11-24T05:30:00Z'); // 06:30 in Berlin, before digest_hour 8
    ws.runTimeTriggers();
    expect(ws.mail.sent().filter((m: Any) => m.subject.includes('your day'))).toHaveLength(0);
    ws.clock.set('2026-11-24T07:05:00Z'); // 08:05 in Berlin
    ws.runTimeTriggers();
    const digests = ws.mail.sent().filter((m: Any) => m.subject.includes('your day — 2026-11-24'));
    const people = digests.map((m: Any) => m.to[0]).sort();
    expect(new Set(people).size).toBe(people.length);
    expect(people).toEqual(expect.arrayContaining(['anna@studio.test', 'owner@studio.test']));
    const anna = digests.find((m: Any) => m.to[0] === 'anna@studio.test');
    expect(anna.body).toContain('Good morning Anna Novak');
    const url = /(https:\/\/docs\.google\.com\/spreadsheets\/d\/[^\s]+#gid=\d+&range=A\d+)/.exec(anna.body);
    expect(url).not.toBeNull();
    expect(anna.htmlBody).toContain('<a href="https://docs.google.com/spreadsheets/d/');
    expect(anna.body).not.toContain('{{');
    // later the same day: no second digest
    ws.clock.advance(3 * 60 * 60 * 1000);
    ws.runTimeTriggers();
    expect(ws.mail.sent().filter((m: Any) => m.subject.includes('your day — 2026-11-24'))).toHaveLength(digests.length);
    // the next morning: the next day's digest
    ws.clock.set('2026-11-25T07:05:00Z');
    ws.runTimeTriggers();
    expect(ws.mail.sent().filter((m: Any) => m.subject.includes('your day — 2026-11-25')).length).toBeGreaterThan(0);
    expect(records(ws, 'Outbox').filter((r) => r.Template === 'digest').every((r) => r.Status === 'sent')).toBe(true);
  });

  test('at 1,000 deals (Deals read by ID and Stage, the rest for live deals and deals with an open checkpoint): a failed deal\'s late open checkpoint is not in its manager\'s digest (the dashboard does not count it either), a live deal\'s is, named by its deal; every red live deal of Anna is listed', () => {
    const { ws } = demoWorkspace(1000);
    const deals = records(ws, 'Deals');
    const failed = deals.find((d) => d.Stage === 'Failed' && d.Manager === 'anna@studio.test')!;
    const live = deals.find((d) => d.Stage === 'Negotiation' && d.Manager === 'anna@studio.test')!;
    const header = (ws.readSheet('Checkpoints').values as unknown[][])[0].map(String);
    const rowOf = (id: string, dealId: unknown, name: string) => {
      const row: Record<string, unknown> = { ID: id, 'Deal ID': dealId, Checkpoint: name, Due: new Date('2026-11-20T00:00:00Z'), Responsible: 'someone@else.test' };
      return header.map((h) => (h in row ? row[h] : ''));
    };
    ws.appendRows('Checkpoints', [rowOf('K-digest-failed', failed.ID, 'Return the keys'), rowOf('K-digest-live', live.ID, 'Send the keys')]);
    ws.clock.set('2026-11-24T07:05:00Z');
    ws.runTimeTriggers();
    const anna = ws.mail.sent().find((m: Any) => m.to[0] === 'anna@studio.test' && m.subject.includes('your day — 2026-11-24'));
    // Issue 23: a closed deal's leftover checkpoint is nobody's work (the old assertion here expected it listed).
    expect(anna.body).not.toContain('Return the keys');
    expect(anna.body).toContain(`Send the keys — ${live.Title}`);
    const red = deals.filter((d) => d.Manager === 'anna@studio.test' && d.Health === 'red' && !['Failed', 'Completed'].includes(String(d.Stage)));
    expect(red.length).toBeGreaterThan(0);
    for (const d of red.slice(0, 3)) expect(anna.body).toContain(String(d.Title));
  });

  test('a payment that opened the payment gate is told to the deal\'s manager the next morning, once (issue 22)', () => {
    const { ws, addon } = demoWorkspace(80, 'anna@studio.test');
    ws.setUser('owner@studio.test');
    addon.installDocumentTemplates();
    const settings = ws.readSheet('Settings').values as unknown[][];
    for (const [key, value] of [['company_name', 'Northlight'], ['company_address', 'Hauptstraße 5, Berlin'], ['company_tax_id', 'DE123456789'], ['company_bank', 'IBAN DE02']]) {
      ws.editCell('Settings', settings.findIndex((r) => r[0] === key) + 1, 2, value);
    }
    ws.setUser('anna@studio.test');
    const card = addon.api_getBoard({ scope: 'all' }).columns.find((c: Any) => c.key === 'negotiation').cards.find((c: Any) => c.manager === 'anna@studio.test' && c.value > 0);
    const items = addon.api_getCatalog().items.slice(0, 2);
    addon.api_saveQuote(card.id, { lines: items.map((i: Any) => ({ code: i.code, description: i.service, unit: i.unit, quantity: 1, unitPriceMinor: i.unitPriceMinor })) }, addon.api_getDeal(card.id).card.version);
    expect(addon.api_moveDeal(card.id, 'in_work', 0, addon.api_getDeal(card.id).card.version).ok).toBe(true);
    const invoice = addon.api_generateDocument(card.id, 'invoice');
    addon.api_markInvoiceIssued(card.id, invoice.number);
    const works = addon.api_getDeal(card.id).checkpoints.find((c: Any) => c.name === 'Works completed');
    addon.api_completeCheckpoint(works.id, true, card.id);
    const total = addon.api_getDealMoney(card.id).invoicedMinor;
    expect(addon.api_recordPayment({ dealId: card.id, amount: total / 100, method: 'bank transfer', invoiceNumber: invoice.number }).checkpointCompleted).toBe('Payment received');
    const said = `Payment for ${invoice.number} received: ${card.title} may now move to Completed.`;
    expect(records(ws, 'Activities').map((a) => a.Summary)).toContain(said);

    ws.clock.set('2026-11-24T07:05:00Z');
    ws.runTimeTriggers();
    const digestOf = (who: string, day: string) => ws.mail.sent().find((m: Any) => m.to[0] === who && m.subject.includes(`your day — ${day}`));
    const anna = digestOf('anna@studio.test', '2026-11-24');
    expect(anna.body).toContain(`Payments received:\n- ${said}\n`);
    expect(anna.htmlBody).toContain('Payments received');
    const others = ws.mail.sent().filter((m: Any) => m.to[0] !== 'anna@studio.test' && m.subject.includes('your day — 2026-11-24'));
    expect(others.length).toBeGreaterThan(0);
    for (const m of others) expect(m.body).not.toContain(said);
    // The next morning it is old news.
    ws.clock.set('2026-11-25T07:05:00Z');
    ws.runTimeTriggers();
    const next = digestOf('anna@studio.test', '2026-11-25');
    expect(next).toBeTruthy();
    expect(next.body).not.toContain('Payments received');
  });

  test('no digest on Saturday and Sunday (Settings working_days); Monday\'s comes as usual (issue 21, item 11)', () => {
    const { ws } = demoWorkspace(80);
    const digests = (day: string) => ws.mail.sent().filter((m: Any) => m.subject.includes(`your day — ${day}`));
    ws.clock.set('2026-11-28T07:05:00Z'); // Saturday 08:05 in Berlin
    ws.runTimeTriggers();
    ws.clock.set('2026-11-29T07:05:00Z'); // Sunday
    ws.runTimeTriggers();
    expect(digests('2026-11-28')).toHaveLength(0);
    expect(digests('2026-11-29')).toHaveLength(0);
    expect(records(ws, 'Outbox').filter((r) => r.Template === 'digest')).toHaveLength(0);
    ws.clock.set('2026-11-30T07:05:00Z'); // Monday
    ws.runTimeTriggers();
    expect(digests('2026-11-30').length).toBeGreaterThan(0);
  });

  test('Settings digest_enabled FALSE: no digest', () => {
    const { ws } = demoWorkspace(80);
    const settings = ws.readSheet('Settings').values as unknown[][];
    ws.editCell('Settings', settings.findIndex((r) => r[0] === 'digest_enabled') + 1, 2, 'FALSE');
    ws.clock.set('2026-11-24T07:05:00Z');
    ws.runTimeTriggers();
    expect(ws.mail.sent().filter((m: Any) => m.subject.includes('your day'))).toHaveLength(0);
  });
});
