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

  test('at 1,000 deals (Deals read by ID and Stage, the rest for live deals and deals with an open checkpoint): a failed deal\'s open checkpoint still names its deal in its manager\'s digest; every red live deal of Anna is listed', () => {
    const { ws } = demoWorkspace(1000);
    const deals = records(ws, 'Deals');
    const failed = deals.find((d) => d.Stage === 'Failed' && d.Manager === 'anna@studio.test')!;
    const header = (ws.readSheet('Checkpoints').values as unknown[][])[0].map(String);
    const row: Record<string, unknown> = { ID: 'K-digest-test', 'Deal ID': failed.ID, Checkpoint: 'Return the keys', Due: new Date('2026-11-20T00:00:00Z'), Responsible: 'someone@else.test' };
    ws.appendRows('Checkpoints', [header.map((h) => (h in row ? row[h] : ''))]);
    ws.clock.set('2026-11-24T07:05:00Z');
    ws.runTimeTriggers();
    const anna = ws.mail.sent().find((m: Any) => m.to[0] === 'anna@studio.test' && m.subject.includes('your day — 2026-11-24'));
    expect(anna.body).toContain(`Return the keys — ${failed.Title}`);
    const red = deals.filter((d) => d.Manager === 'anna@studio.test' && d.Health === 'red' && !['Failed', 'Completed'].includes(String(d.Stage)));
    expect(red.length).toBeGreaterThan(0);
    for (const d of red.slice(0, 3)) expect(anna.body).toContain(String(d.Title));
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
