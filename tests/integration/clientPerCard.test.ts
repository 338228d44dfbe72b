// Issue 15: converting a lead and opening a client card cost the same calls and cells at 10,000
// deals (20,000 clients) as at 1,000 (5,000 clients): the client is found through the phone
// index and read alone, the card's deals, documents and activities are found by their ids.
import { Workspace, demoWorkspace, measure, records } from './harness';

const ANNA = 'anna@studio.test';
const SIZES = [1000, 10000];

const meter = { active: false, read: 0, written: 0, leadsRead: 0 };

/** Counts the cells getValues returns and setValues/appendRow send (as the bench does). */
function cellMeter(ws: Workspace) {
  ws.calls.uncounted(() => {
    const sheet = ws.globals.SpreadsheetApp.getActive().getSheets()[0];
    const rangeProto = Object.getPrototypeOf(sheet.getRange(1, 1));
    const sheetProto = Object.getPrototypeOf(sheet);
    const wrap = (proto: any, name: string, count: (result: any, args: any[]) => number, key: 'read' | 'written') => {
      const original = proto[name];
      if (original.__clientMeter) return;
      const wrapped = function (this: unknown, ...args: any[]) {
        const result = original.apply(this, args);
        if (meter.active) {
          const cells = count(result, args);
          meter[key] += cells;
          const tab = ws.calls.uncounted(() => (typeof (this as any).getSheet === 'function' ? (this as any).getSheet() : this).getName());
          if (key === 'read' && tab === 'Leads') meter.leadsRead += cells;
        }
        return result;
      };
      (wrapped as any).__clientMeter = true;
      proto[name] = wrapped;
    };
    const grid = (g: any) => (Array.isArray(g) ? g.reduce((n: number, r: any) => n + (Array.isArray(r) ? r.length : 0), 0) : 0);
    wrap(rangeProto, 'getValues', (r) => grid(r), 'read');
    wrap(rangeProto, 'setValues', (_r, a) => grid(a[0]), 'written');
    wrap(sheetProto, 'appendRow', (_r, a) => (Array.isArray(a[0]) ? a[0].length : 0), 'written');
  });
  return meter;
}

function measured<T>(ws: Workspace, run: () => T) {
  meter.read = 0;
  meter.written = 0;
  meter.leadsRead = 0;
  meter.active = true;
  try {
    const { result, calls } = measure(ws, run);
    return { result: result as any, calls: calls.byMethod as Record<string, number>, reads: calls.byCategory.spreadsheetRead as number, cells: { read: meter.read, written: meter.written }, leadsRead: meter.leadsRead };
  } finally {
    meter.active = false;
  }
}

function story(size: number) {
  const { ws, addon } = demoWorkspace(size, ANNA);
  ws.setUser(ANNA);
  cellMeter(ws);
  // A first request makes a new client (and warms the index as a sidebar search would).
  const first = addon.api_addLead({ name: 'Client Story', phone: '+49 30 5550177', email: 'story@example.test', createDeal: true, title: 'Story site' });
  addon.api_findClients('+49 30 5550177');
  const again = addon.api_addLead({ name: 'Client Story again', phone: '030 5550177', email: '' }).leadId as string;
  const stranger = addon.api_addLead({ name: 'Someone New', phone: '+49 30 5550188', email: 'new@example.test' }).leadId as string;
  const clientId = records(ws, 'Deals').find((d) => d.ID === first.dealId)!['Client ID'] as string;
  addon.api_logActivity({ dealId: first.dealId, kind: 'call', summary: 'First call about the site' });
  const out = {
    convertExisting: measured(ws, () => addon.api_convertLead(again)),
    convertNew: measured(ws, () => addon.api_convertLead(stranger)),
    // The index learnt the new client: converting its second request stays warm.
    card: measured(ws, () => addon.api_getClient(clientId)),
  };
  return { out, ws, addon, clientId, first };
}

describe('client actions at 1,000 and 10,000 deals', () => {
  const results: Record<number, ReturnType<typeof story>> = {};
  beforeAll(() => {
    for (const size of SIZES) results[size] = story(size);
  });

  it.each(['convertExisting', 'convertNew', 'card'] as const)('%s: exactly the same calls and cells at 10,000 deals as at 1,000', (action) => {
    const small = results[1000].out[action];
    const big = results[10000].out[action];
    expect(big.calls).toEqual(small.calls);
    // Leads (120 rows at 1,000 deals, 400 at 10,000) is small enough to be read whole, which
    // costs less than a search (rows.ts SMALL_TAB_CELLS); every other tab is read row by row.
    expect(big.cells.read - big.leadsRead).toEqual(small.cells.read - small.leadsRead);
    expect(big.cells.written).toEqual(small.cells.written);
    expect(big.leadsRead).toBeLessThanOrEqual(8000);
    // Rows, not tabs: a whole Clients read alone is 20,000 rows.
    expect(big.cells.read - big.leadsRead).toBeLessThanOrEqual(2000);
  });

  it('a warm index: no index rebuild, one cache read', () => {
    for (const action of ['convertExisting', 'convertNew'] as const) {
      const { calls } = results[10000].out[action];
      expect(calls['Cache.getAll']).toBe(1);
    }
    // The new client was added to the index (one write), so the next lookup stays warm.
    expect(results[10000].out.convertNew.calls['Cache.putAll']).toBe(1);
    expect(results[10000].out.convertExisting.calls['Cache.putAll']).toBeUndefined();
  });

  it('the actions did what they say', () => {
    const { out, ws, clientId, first } = results[10000];
    expect(out.convertExisting.result).toMatchObject({ clientId, clientCreated: false });
    expect(out.convertNew.result.clientCreated).toBe(true);
    const created = records(ws, 'Clients').filter((c) => c.ID === out.convertNew.result.clientId);
    expect(created.map((c) => c.Name)).toEqual(['Someone New']);
    const card = out.card.result;
    expect(card.id).toBe(clientId);
    expect(card.orders.map((o: any) => o.dealId).sort()).toEqual([first.dealId, out.convertExisting.result.dealId].sort());
    expect(card.history.map((h: any) => h.summary)).toContain('First call about the site');
  });
});

describe('convert a lead with a stale index', () => {
  it('a client whose phone changed behind the index is not matched: the index is rebuilt once', () => {
    const { ws, addon } = demoWorkspace(80, ANNA);
    const first = addon.api_addLead({ name: 'Stale Story', phone: '+49 30 5550166', email: '', createDeal: true });
    const clientId = records(ws, 'Deals').find((d) => d.ID === first.dealId)!['Client ID'];
    expect(addon.api_findClients('+49 30 5550166').hits[0].id).toBe(clientId);
    // A script (no edit trigger) gives the client another phone; the index still holds the old one.
    ws.calls.uncounted(() => {
      const sheet = ws.globals.SpreadsheetApp.getActive().getSheetByName('Clients');
      const values = sheet.getDataRange().getValues();
      const row = values.findIndex((r: unknown[]) => r[values[0].indexOf('ID')] === clientId) + 1;
      sheet.getRange(row, values[0].indexOf('Phone') + 1).setValue('+49 30 5550999');
      sheet.getRange(row, values[0].indexOf('Phone (E.164)') + 1).setValue('');
    });
    const leadId = addon.api_addLead({ name: 'Old number', phone: '+49 30 5550166', email: '' }).leadId;
    const { result, calls } = measure(ws, () => addon.api_convertLead(leadId));
    expect(result.clientCreated).toBe(true);
    expect(result.clientId).not.toBe(clientId);
    // The rebuild (one read of Clients, one write of the index) plus the new client in the index.
    expect(calls.byMethod['Cache.putAll']).toBe(2);
    // The client's new number finds it again.
    const again = addon.api_addLead({ name: 'New number', phone: '030 5550999', email: '' }).leadId;
    expect(addon.api_convertLead(again)).toMatchObject({ clientId, clientCreated: false });
  });
});
