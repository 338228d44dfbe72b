// Caller lookup costs the same calls at 5,000 and 20,000 clients, and reads no cells once the
// phone index is warm in CacheService (the bench row "find a client by phone" gives the times).
import { demoWorkspace, measure, records } from './harness';

const SIZES = [1000, 10000]; // deals; the demo has 5,000 and 20,000 clients

function profile(deals: number) {
  const { ws, addon } = demoWorkspace(deals, 'anna@studio.test');
  const clients = records(ws, 'Clients');
  const mobile = clients.filter((c) => /^\+49 151 /.test(String(c.Phone)));
  const typed = (c: Record<string, unknown>) => `00${String(c.Phone).replace(/\D/g, '')}`;
  const cold = measure(ws, () => addon.api_findClients(typed(mobile[0])));
  const warm = measure(ws, () => addon.api_findClients(typed(mobile[1])));
  return { clients: clients.length, cold, warm, wanted: mobile[1].ID };
}

describe('caller lookup at 5,000 and 20,000 clients', () => {
  const results: Record<number, ReturnType<typeof profile>> = {};
  beforeAll(() => {
    for (const size of SIZES) results[size] = profile(size);
  }, 240000);

  it('with the index warm: no spreadsheet read, one cache read of the index, the same calls at any size', () => {
    expect(results[10000].clients).toBe(20000);
    for (const size of SIZES) {
      const { calls, result } = results[size].warm;
      expect(result.hits[0].id).toBe(results[size].wanted);
      expect(result.hits[0].match).toBe('phone');
      expect(calls.byCategory.spreadsheetRead).toBe(0);
      expect(calls.byCategory.spreadsheetWrite).toBe(0);
      expect(calls.byMethod['Cache.getAll']).toBe(1);
    }
    expect(results[10000].warm.calls.byMethod).toEqual(results[1000].warm.calls.byMethod);
  });

  it('cold (after a change to Clients): the index columns alone rebuild the index with one cache write', () => {
    for (const size of SIZES) {
      const { calls } = results[size].cold;
      // Issue 26 (was one whole-tab read of 24 columns): the header, then the 13 index columns in
      // 3 runs of adjacent columns; never the whole tab.
      expect(calls.byCategory.spreadsheetRead).toBe(4);
      expect(calls.byMethod['Sheet.getDataRange'] || 0).toBe(0);
      expect(calls.byMethod['Cache.putAll']).toBe(1);
    }
    expect(results[10000].cold.calls.byMethod).toEqual(results[1000].cold.calls.byMethod);
  });
});
