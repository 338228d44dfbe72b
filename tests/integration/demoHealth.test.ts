// The demo studio arrives with its health and stage gates already worked out: a fresh demo
// workbook must refuse to complete a won deal whose payment is still open, from the first
// minute (found by the board browser test: the gate was only known after the hourly run).
import { demoWorkspace, records } from './harness';

describe('demo data health and gates', () => {
  it('fills Health and Open gates from the demo checkpoints, so a gated move is refused at once', () => {
    const { ws, addon } = demoWorkspace(80, 'owner@studio.test');
    const checkpoints = records(ws, 'Checkpoints');
    const deals = records(ws, 'Deals');
    const gated = deals.filter((d) => d.Stage === 'Transferred to work' && checkpoints.some((c) => c['Deal ID'] === d.ID && c['Gates stage'] === 'Completed' && c['Done at'] === ''));
    expect(gated.length).toBeGreaterThan(0);
    for (const d of gated) expect(String(d['Open gates'])).toMatch(/^completed: /);

    const deal = gated[0];
    const open = checkpoints.filter((c) => c['Deal ID'] === deal.ID && c['Gates stage'] === 'Completed' && c['Done at'] === '').map((c) => c.Checkpoint);
    const before = JSON.stringify(ws.readSheet('Deals').values);
    const result = addon.api_moveDeal(deal.ID, 'completed', 0, deal.Version);
    expect(result.ok).toBe(false);
    expect(result.reasons).toEqual([`Finish first: ${open.join(', ')}.`]);
    expect(JSON.stringify(ws.readSheet('Deals').values)).toBe(before);

    // Health agrees with a full recompute: nothing left to change.
    const again = addon.recomputeHealth();
    expect(JSON.stringify(ws.readSheet('Deals').values)).toBe(before);
    expect(again.red + again.amber + again.green + again.white).toBe(deals.length);
  });
});
