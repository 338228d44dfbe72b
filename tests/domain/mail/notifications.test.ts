import { escapeHtml, headerSafe, idempotencyKey, recipientProblem, renderMessage, textToHtml, dueMessages, afterSendError } from '../../../src/domain/mail/notifications';
import { planDigests, digestText, DigestInput } from '../../../src/domain/mail/digest';

const fill = (data: Record<string, string>) => (t: string) => {
  let missing: string | null = null;
  const text = t.replace(/\{\{\s*([^{}]+?)\s*\}\}/g, (tok, name: string) => (name in data ? data[name] : ((missing = missing || tok), tok)));
  return missing ? { ok: false as const, reason: missing } : { ok: true as const, text };
};

describe('rendering', () => {
  const template = { key: 'stage.in_work', enabled: true, subject: 'Hi {{name}}', body: 'Dear {{name}},\n\nsee https://x.test/a?b=1.\n\nBye' };
  test('fills, escapes the HTML, keeps the text, one-line subject', () => {
    const r = renderMessage(template, fill({ name: '<b>Ann</b>\r\nBcc: x@y.z' }));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.subject).toBe('Hi <b>Ann</b> Bcc: x@y.z');
    expect(r.text).toContain('Dear <b>Ann</b>');
    expect(r.html).toContain('Dear &lt;b&gt;Ann&lt;/b&gt;');
    expect(r.html).toContain('<a href="https://x.test/a?b=1">https://x.test/a?b=1</a>.');
  });
  test('a placeholder without data blocks with its token; a "{{" left in data blocks too', () => {
    expect(renderMessage(template, fill({}))).toEqual({ ok: false, reason: expect.stringContaining('{{name}}') });
    expect(renderMessage(template, fill({ name: '{{evil}}' }))).toEqual({ ok: false, reason: expect.stringContaining('"{{"') });
  });
  test('helpers', () => {
    expect(headerSafe('a\nb\r\n\tc')).toBe('a b c');
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
    expect(textToHtml('x\ny\n\nz')).toContain('<p style="margin:0 0 12px">x<br>y</p>');
    expect(idempotencyKey('stage.in_work', 'D1', 'stage:in_work')).toBe('stage.in_work|D1|stage:in_work');
    expect(recipientProblem('', false, 'automatic')).toContain('no e-mail');
    expect(recipientProblem('a@b.co', true, 'automatic')).toContain('asked for no e-mails');
    expect(recipientProblem('a@b.co', true, 'document')).toBeNull();
    expect(recipientProblem('nope', false, 'document')).toContain('not a valid');
  });
  test('due messages oldest first; send errors', () => {
    const rows = [
      { id: 'b', status: 'queued' as const, queuedAt: 2, to: 'x' }, { id: 'a', status: 'waiting' as const, queuedAt: 1, to: 'x' },
      { id: 'c', status: 'sent' as const, queuedAt: 0, to: 'x' }, { id: 'd', status: 'cancelled' as const, queuedAt: 0, to: 'x' },
    ];
    expect(dueMessages(rows).map((r) => r.id)).toEqual(['a', 'b']);
    expect(dueMessages(rows, ['b']).map((r) => r.id)).toEqual(['b']);
    expect(afterSendError('Service invoked too many times for one day: email.', 1).status).toBe('waiting');
    expect(afterSendError('boom', 1).status).toBe('queued');
    expect(afterSendError('boom', 3).status).toBe('failed');
  });
});

describe('planDigests', () => {
  const base: DigestInput = {
    today: '2026-11-24', tomorrow: '2026-11-25', stuckDays: 14,
    people: [{ email: 'anna@s.test', name: 'Anna', supervisor: false }, { email: 'olga@s.test', name: 'Olga', supervisor: true }, { email: 'eva@s.test', name: 'Eva', supervisor: false }],
    deals: [
      { id: 'D1', title: 'Shop', clientName: 'Ida', stage: 'negotiation', stageName: 'Negotiation', manager: 'anna@s.test', health: 'red', nextContactDay: '2026-11-24', stageSinceDay: '2026-11-01', row: 2 },
      { id: 'D2', title: 'Site', clientName: '', stage: 'in_work', stageName: 'Work', manager: 'anna@s.test', health: 'green', nextContactDay: '2026-11-20', stageSinceDay: '2026-11-20', row: 3 },
      { id: 'D3', title: 'Old', clientName: '', stage: 'failed', stageName: 'Failed', manager: 'anna@s.test', health: 'red', nextContactDay: '2026-11-01', stageSinceDay: '2026-01-01', row: 4 },
    ],
    checkpoints: [
      { id: 'K1', dealId: 'D2', name: 'Design', dueDay: '2026-11-22', done: false, responsible: 'eva@s.test', row: 2 },
      { id: 'K2', dealId: 'D2', name: 'Texts', dueDay: '2026-11-25', done: false, responsible: 'eva@s.test', row: 3 },
      { id: 'K3', dealId: 'D2', name: 'Done', dueDay: '2026-11-01', done: true, responsible: 'eva@s.test', row: 4 },
    ],
    newLeads: [{ id: 'L1', name: 'Max', row: 2 }],
    link: (tab, row) => `https://sheet/#${tab}:${row}`,
  };
  test('each person their items: calls, late and tomorrow checkpoints (responsible and manager), red, stuck, requests', () => {
    const out = planDigests(base);
    const by = (e: string) => out.find((d) => d.email === e)!;
    const titles = (e: string) => by(e).sections.map((s) => s.title);
    expect(titles('anna@s.test')).toEqual(['Calls due', 'Late checkpoints', 'Checkpoints due tomorrow', 'Red deals', 'Stuck longer than 14 days']);
    expect(by('anna@s.test').sections[0].items.map((i) => i.text)).toEqual(['Site — overdue since 2026-11-20', 'Shop (Ida) — today']);
    expect(titles('eva@s.test')).toEqual(['Late checkpoints', 'Checkpoints due tomorrow']);
    expect(by('eva@s.test').sections[0].items[0]).toEqual({ text: 'Design — Site — due 2026-11-22', url: 'https://sheet/#Checkpoints:2' });
    expect(titles('olga@s.test')).toEqual(['Red deals', 'New requests']);
    expect(by('olga@s.test').sections[0].items[0].text).toBe('Shop (Ida) — Negotiation · anna@s.test');
  });
  test('nobody with nothing to do gets an e-mail; the text has links and no template syntax', () => {
    const out = planDigests({ ...base, deals: [], checkpoints: [], newLeads: [] });
    expect(out).toEqual([]);
    const [anna] = planDigests(base);
    const m = digestText(anna, 'Studio <X>', '2026-11-24');
    expect(m.subject).toBe('Studio <X>: your day — 2026-11-24 (6 items)');
    expect(m.text).toContain('https://sheet/#Deals:3');
    expect(m.html).toContain('<a href="https://sheet/#Deals:3">Site — overdue since 2026-11-20</a>');
    expect(m.html).not.toContain('<X>');
  });
  test('a payment that opened a payment gate is told to the deal\'s manager only, first after notices (issue 22)', () => {
    const text = 'Payment for INV-2026-0001 received: Site may now move to Completed.';
    const out = planDigests({ ...base, deals: base.deals.concat([{ id: 'D9', title: 'Boris deal', clientName: '', stage: 'in_work', stageName: 'Work', manager: 'boris@s.test', health: 'green', nextContactDay: '', stageSinceDay: '', row: 9 }]),
      paymentGates: [{ dealId: 'D2', text }, { dealId: 'D9', text: 'Payment for INV-2026-0002 received: Boris deal may now move to Completed.' }, { dealId: 'gone', text: 'Payment for INV-2026-0003 received: x may now move to Completed.' }] });
    const by = (e: string) => out.find((d) => d.email === e);
    expect(by('anna@s.test')!.sections[0]).toEqual({ title: 'Payments received', items: [{ text, url: 'https://sheet/#Deals:3' }], more: 0 });
    expect(by('olga@s.test')!.sections.map((s) => s.title)).not.toContain('Payments received');
    expect(by('eva@s.test')!.sections.map((s) => s.title)).not.toContain('Payments received');
    // Nothing else to say: the payment alone is worth the e-mail.
    const alone = planDigests({ ...base, checkpoints: [], newLeads: [], deals: [{ ...base.deals[1], nextContactDay: '' }], paymentGates: [{ dealId: 'D2', text }] });
    expect(alone).toEqual([{ email: 'anna@s.test', name: 'Anna', sections: [{ title: 'Payments received', items: [{ text, url: 'https://sheet/#Deals:3' }], more: 0 }] }]);
  });
});
