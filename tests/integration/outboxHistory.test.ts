// Issue 26: the Outbox keeps every message ever sent. Past a small tab (8,000 cells), the drain
// reads ID and Status of every row, then only the rows it sends or marks (with their formulas),
// and the digest reads only the key column, then the rows holding today's keys. What the whole
// read gave stays: a copy of an id anywhere in the tab is refused, an interrupted "sending" row
// is reported, a user's formula beside a mark is kept, a digest already queued is not queued twice.
import { demoWorkspace, records, Workspace } from './harness';
import { outboxSeal } from '../../scripts/bench/outboxSeal';

/* eslint-disable @typescript-eslint/no-explicit-any */
type Any = any;
const HISTORY = 600;

function row(ws: Workspace, header: string[], fields: Record<string, unknown>, sealed: boolean): unknown[] {
  const message: Record<string, unknown> = {
    Template: 'stage.in_work', 'Reply to': 'anna@studio.test', 'From name': 'Anna Novak', Text: 'Hello', HTML: '<p>Hello</p>',
    'Queued at': new Date(ws.clock.millis() - 86400000), Attempts: 1, Manager: 'anna@studio.test', ...fields,
  };
  if (sealed) message.Seal = outboxSeal(ws, message);
  return header.map((col) => message[col] ?? '');
}

function formulasOf(ws: Workspace, tab: string): string[] {
  const grid: string[][] = ws.execute(() => ws.globals.SpreadsheetApp.getActive().getSheetByName(tab).getDataRange().getFormulas());
  const out: string[] = [];
  grid.forEach((line, r) => line.forEach((f, c) => { if (f) out.push(`${r + 1}:${c + 1} ${f}`); }));
  return out;
}

/** Runs fn counting the cells of each Outbox read the add-on makes (values and formulas). */
function readsOf<T>(ws: Workspace, fn: () => T): { result: T; outboxReads: number[] } {
  const outboxReads: number[] = [];
  const proto = ws.calls.uncounted(() => Object.getPrototypeOf(ws.globals.SpreadsheetApp.getActive().getSheetByName('Outbox').getRange(1, 1)));
  const originals = { getValues: proto.getValues, getFormulas: proto.getFormulas };
  for (const name of ['getValues', 'getFormulas'] as const) {
    proto[name] = function (this: Any) {
      const v = originals[name].call(this);
      if (ws.calls.depth === 1 && this.getSheet().getName() === 'Outbox') outboxReads.push(v.length * (v[0] || []).length);
      return v;
    };
  }
  try {
    return { result: fn(), outboxReads };
  } finally {
    Object.assign(proto, originals);
  }
}

describe('a drain over a long Outbox history', () => {
  test('reads ID and Status, then only the due and sending rows; refuses a copied id, reports an interrupted send, keeps a formula, sends the rest', () => {
    const { ws, addon } = demoWorkspace(80);
    const header = (ws.readSheet('Outbox').values as unknown[][])[0].map(String);
    const before = records(ws, 'Outbox').length;
    const history = Array.from({ length: HISTORY }, (_, k) => row(ws, header, {
      ID: `M-old-${k}`, Status: k === 300 ? 'sending' : 'sent', 'Idempotency key': `old|${k}`, To: `old${k}@example.com`, Subject: `Old ${k}`,
      'Sent at': k === 300 ? '' : new Date(ws.clock.millis() - 86400000),
    }, true));
    const due = [0, 1, 2].map((k) => row(ws, header, {
      ID: k === 2 ? 'M-old-10' : `M-new-${k}`, Status: 'queued', 'Idempotency key': `new|${k}`, To: `new${k}@example.com`, Subject: `New ${k}`, Attempts: 0,
    }, true));
    ws.appendRows('Outbox', history.concat(due));
    const firstDue = before + HISTORY + 2;
    const queuedByCol = header.indexOf('Queued by') + 1;
    ws.execute(() => ws.globals.SpreadsheetApp.getActive().getSheetByName('Outbox').getRange(firstDue, queuedByCol).setFormula('=LOWER("ANNA@STUDIO.TEST")'));
    const formulas = formulasOf(ws, 'Outbox');
    expect(formulas).toEqual([`${firstDue}:${queuedByCol} =LOWER("ANNA@STUDIO.TEST")`]);
    ws.mail.dailyQuota = 1500;

    const { result: run, outboxReads } = readsOf(ws, () => addon.sendQueuedMailNow());
    expect(run).toMatchObject({ sent: 2, failed: 1, left: 0 });
    expect(ws.mail.sent().map((m: Any) => [].concat(m.to).join()).sort()).toEqual(['new0@example.com', 'new1@example.com']);
    const rows = records(ws, 'Outbox');
    const byId = (id: string) => rows.filter((r) => r.ID === id);
    expect(byId('M-old-300')[0]).toMatchObject({ Status: 'failed', Reason: expect.stringContaining('may or may not have reached') });
    // The copy of an id sent long ago is refused; the original stays as it was.
    expect(byId('M-old-10').map((r) => r.Status)).toEqual(['sent', 'blocked']);
    expect(rows.filter((r) => String(r.ID).startsWith('M-old-') && r.ID !== 'M-old-300' && r.ID !== 'M-old-10').every((r) => r.Status === 'sent')).toBe(true);
    expect(formulasOf(ws, 'Outbox')).toEqual(formulas);
    expect(byId('M-new-0')[0]).toMatchObject({ Status: 'sent', 'Queued by': 'anna@studio.test' });
    // Never a whole-tab read: the biggest read is the ID and Status columns of every row.
    const total = before + HISTORY + 3;
    expect(Math.max(...outboxReads)).toBe(2 * total);
    expect(outboxReads.reduce((a, b) => a + b, 0)).toBeLessThan(total * 4);
  });

  test('the digest reads the key column, not the history, and queues a digest already in the Outbox only once', () => {
    const { ws, addon } = demoWorkspace(80);
    const header = (ws.readSheet('Outbox').values as unknown[][])[0].map(String);
    ws.appendRows('Outbox', Array.from({ length: HISTORY }, (_, k) => row(ws, header, {
      ID: `M-old-${k}`, Status: 'sent', 'Idempotency key': `old|${k}`, To: `old${k}@example.com`, Subject: `Old ${k}`, 'Sent at': new Date(ws.clock.millis()),
    }, true)));
    // The next working morning after the digest hour.
    do ws.clock.advance(86400000); while ([0, 6].indexOf(ws.clock.now().getUTCDay()) >= 0);
    ws.clock.set(new Date(Math.floor(ws.clock.millis() / 86400000) * 86400000 + 10 * 3600000));
    ws.mail.dailyQuota = 1500;
    const { result: first, outboxReads } = readsOf(ws, () => addon.sendMorningDigestNow());
    // The queue reads the header and the key column; the drain the header, ID and Status, and the new rows.
    const total = records(ws, 'Outbox').length;
    expect(Math.max(...outboxReads)).toBe(2 * total);
    expect(outboxReads.reduce((a, b) => a + b, 0)).toBeLessThan(total * 4);
    expect(first.digest.queued).toBeGreaterThan(0);
    const digests = () => records(ws, 'Outbox').filter((r) => r.Template === 'digest');
    const queued = digests().length;
    expect(queued).toBe(first.digest.queued);
    expect(first.drain.sent).toBe(queued);
    const sent = ws.mail.sent().length;
    // A run killed after queueing, before the day was recorded: the next run finds each key and queues nothing new.
    ws.execute(() => ws.globals.PropertiesService.getDocumentProperties().deleteProperty('dealboard:digest:day'));
    const again = addon.sendMorningDigestNow();
    expect(again.digest.queued).toBe(queued);
    expect(digests()).toHaveLength(queued);
    expect(again.drain.sent).toBe(0);
    expect(ws.mail.sent()).toHaveLength(sent);
  });
});
