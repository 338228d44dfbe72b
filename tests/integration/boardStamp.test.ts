// Issue 11 item 17: an open sidebar learns that its board is stale from a change stamp that
// every write bumps: one property read, no cells, the same at any workbook size.
import { demoWorkspace, measure, runFromClient } from './harness';

const ANNA = 'anna@studio.test';

function annasCard(board: any, stage: string, skip = 0) {
  return board.columns.find((c: any) => c.key === stage).cards.filter((c: any) => c.manager === ANNA)[skip];
}

describe('api_boardStamp', () => {
  // Issue 20 changed this on purpose: the stamp now checks its caller (every global does), which
  // costs the cached config (one cache read) and no cells; it was 1 data call and 0 cache reads.
  it('costs one property read, the cached config for the caller check, and no cells, at 80 deals as at 1,000', () => {
    for (const size of [80, 1000]) {
      const { ws, addon } = demoWorkspace(size, ANNA);
      addon.api_moveDeal(annasCard(addon.api_getBoard(), 'new').id, 'negotiation', 0, annasCard(addon.api_getBoard(), 'new').version);
      const check = measure(ws, () => addon.api_boardStamp());
      expect(typeof check.result.stamp).toBe('string');
      expect(check.result.stamp).not.toBe('');
      expect(check.calls.data).toBe(2);
      expect(check.calls.byMethod['Properties.getProperty']).toBe(1);
      expect(check.calls.byMethod['Cache.get']).toBe(1);
      expect(check.calls.byCategory.spreadsheetRead).toBe(0);
      expect(check.calls.byCategory.spreadsheetWrite).toBe(0);
      expect(check.calls.byCategory.cache).toBe(1);
      expect(Object.keys(check.calls.byMethod).filter((m) => /^(Range|Sheet|Spreadsheet|TextFinder)\./.test(m))).toEqual([]);
    }
  });

  it('reads leave the stamp alone', () => {
    const { addon } = demoWorkspace(80, ANNA);
    const before = addon.api_boardStamp().stamp;
    const board = addon.api_getBoard({ scope: 'all' });
    addon.api_getDeal(annasCard(board, 'new').id);
    addon.api_getHealth();
    addon.api_boardStamp();
    expect(addon.api_boardStamp().stamp).toBe(before);
  });

  it('every write moves it, once per call: a move, an update, a new request, a hand edit, the hourly trigger', () => {
    const { ws, addon } = demoWorkspace(80, ANNA);
    const seen = [addon.api_boardStamp().stamp];
    const changedBy = (what: string, run: () => unknown) => {
      const { calls } = measure(ws, run);
      const stamp = addon.api_boardStamp().stamp;
      expect({ what, fresh: seen.indexOf(stamp) < 0 }).toEqual({ what, fresh: true });
      seen.push(stamp);
      return calls;
    };
    const board = addon.api_getBoard({ scope: 'all' });
    const card = annasCard(board, 'new');
    const move = changedBy('move', () => addon.api_moveDeal(card.id, 'negotiation', 0, card.version));
    // Three sheet writes (the row, the audit entry, the Stage history row of issue 23), one
    // stamp: the bump comes after all of them. The move wrote a Deals row in place, so the stamp
    // and the row journal's entry (the dashboard's snapshot) go in that one property call.
    expect(move.byCategory.spreadsheetWrite).toBe(3);
    expect(move.byMethod['Properties.setProperty']).toBeUndefined();
    expect(move.byMethod['Properties.setProperties']).toBe(1);
    const other = annasCard(board, 'new', 1);
    changedBy('update', () => addon.api_updateDeal(other.id, { forecast: 'green' }, other.version));
    changedBy('new request', () => addon.api_addLead({ name: 'Stamp Walk-in', phone: '+49 30 5550999' }));
    const header = ws.readSheet('Deals').values[0] as string[];
    changedBy('hand edit of a title', () => ws.editCell('Deals', 2, header.indexOf('Title') + 1, 'Typed by hand'));
    ws.clock.advance(60 * 60 * 1000);
    changedBy('hourly trigger', () => ws.runTimeTriggers());
  });

  it('a refused stale write changes nothing and leaves the stamp alone', () => {
    const { ws, addon } = demoWorkspace(80, ANNA);
    const card = annasCard(addon.api_getBoard(), 'new');
    ws.setUser('head@studio.test');
    addon.api_updateDeal(card.id, { forecast: card.forecast === 'red' ? 'green' : 'red' }, card.version);
    ws.setUser(ANNA);
    const before = addon.api_boardStamp().stamp;
    const reply = runFromClient(ws, addon, 'api_moveDeal', [card.id, 'negotiation', 0, card.version]);
    expect(reply.error.message).toMatch(/changed/);
    expect(addon.api_boardStamp().stamp).toBe(before);
  });
});
