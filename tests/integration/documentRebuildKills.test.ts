// A regenerate that rebuilds the Doc in place (issue 21, item 1: a discount column added) killed
// before each of its writes, then clicked again: the Doc keeps its id and ends with the same
// content as an uncut run, the scratch copy is in the trash (none is left live or unnamed), and
// the row is the next version with no scratch id left in it (issue 20, item 12's rules kept).
import { Workspace, Addon, records, runFromClient } from './harness';
import { killPoints, withKillAt, writeCalls } from './kills';
import { documentsOf, ok, prepared } from './documentRetry';

/* eslint-disable @typescript-eslint/no-explicit-any */
type Any = any;

/** A proposal made without a discount, then the first line discounted: the next regenerate must add a column. */
function discounted(ws: Workspace, addon: Addon, deals: string[]) {
  ok(ws, addon, 'api_generateDocument', deals[0], 'proposal', null, 'req-proposal-0001');
  const item = addon.api_getCatalog().items[0];
  const version = addon.api_getDeal(deals[0]).card.version;
  addon.api_saveQuote(deals[0], { lines: [{ code: item.code, description: item.service, unit: item.unit, quantity: 2, unitPriceMinor: item.unitPriceMinor, discountPercent: 15 }] }, version);
}

/** Files made since `before` that are neither in the trash nor named by a Documents row. */
function liveOrphans(ws: Workspace, before: Set<string>): string[] {
  const named = new Set<string>();
  for (const r of records(ws, 'Documents')) for (const key of ['Doc ID', 'PDF ID', 'XLSX ID', 'Deal folder ID', 'Client folder ID']) if (r[key]) named.add(String(r[key]));
  return ws.drive.listFiles().filter((f: Any) => !before.has(f.id) && !f.trashed && !named.has(f.id)).map((f: Any) => `${f.name} (${f.id})`);
}

describe('a rebuild in place killed at any write and clicked again', () => {
  test('the same Doc id, the content of an uncut run, no live orphan, the next version', () => {
    const clean = prepared('discounted', discounted);
    const docId = String(documentsOf(clean.ws, clean.deals[0], 'proposal')[0]['Doc ID']);
    const args = (deals: string[]) => [deals[0], 'proposal', null, 'req-proposal-0002'];
    const points = killPoints(writeCalls(clean.ws, () => runFromClient(clean.ws, clean.addon, 'api_generateDocument', args(clean.deals))));
    const expected = clean.ws.drive.documentText(docId);
    expect(expected).toContain('15%');
    expect(String(documentsOf(clean.ws, clean.deals[0], 'proposal')[0]['Doc ID'])).toBe(docId);
    expect(points.length).toBeGreaterThan(5);
    for (const k of points) {
      const { ws, addon, deals, files } = prepared('discounted', discounted);
      const where = `regenerate killed at call ${k}`;
      expect([where, withKillAt(ws, k, () => runFromClient(ws, addon, 'api_generateDocument', args(deals))).killed]).toEqual([where, k !== null]);
      // A kill after the row's last write (the data version is bumped after the lock) found
      // version 2 made and its request recorded as finished: the click again sends the same
      // request id, so it is a retry of a finished regenerate and returns its answer without a
      // new version (issue 21: a retry never makes a version of its own). Before that write, the
      // click again finishes the regenerate: version 2, in place too.
      const made = Number(documentsOf(ws, deals[0], 'proposal')[0].Version);
      expect([where, made === 1 || made === 2]).toEqual([where, true]);
      const again = ok(ws, addon, 'api_generateDocument', ...args(deals));
      const rows = documentsOf(ws, deals[0], 'proposal');
      expect([where, rows.length, rows[0]['Doc ID'], rows[0].Version, again.regenerated]).toEqual([where, 1, docId, 2, true]);
      expect([where, String(rows[0]['Line rows']).indexOf('scratch')]).toEqual([where, -1]);
      expect([where, ws.drive.documentText(docId)]).toEqual([where, expected]);
      expect([where, liveOrphans(ws, files)]).toEqual([where, []]);
    }
  });
});
