// Issue 23: every accepted stage change leaves one row in the Stage history tab — from the board,
// typed by hand, a request converted (or quick-added) into a deal — and setup backfills the
// history of older deals from the Activities audit, once.
import { demoWorkspace, freshWorkspace, records, stageKey } from './harness';

/* eslint-disable @typescript-eslint/no-explicit-any */
type Any = any;

const historyOf = (ws: Any, dealId: string) => records(ws, 'Stage history').filter((r) => r['Deal ID'] === dealId);

function stageCell(ws: Any, id: string) {
  const values = ws.readSheet('Deals').values as unknown[][];
  return { row: values.findIndex((r) => r[0] === id) + 1, col: (values[0] as string[]).indexOf('Stage') + 1 };
}

describe('stage history', () => {
  it('a move on the board appends one row (from, to, at, by, how); a reorder in the same column none', () => {
    const { ws, addon } = demoWorkspace(80, 'anna@studio.test');
    const card = addon.api_getBoard().columns.find((c: Any) => c.key === 'new').cards.find((c: Any) => c.manager === 'anna@studio.test');
    const before = records(ws, 'Stage history').length;
    const moved = addon.api_moveDeal(card.id, 'negotiation', 0, card.version);
    expect(moved.ok).toBe(true);
    const rows = records(ws, 'Stage history');
    expect(rows.length).toBe(before + 1);
    expect(rows[rows.length - 1]).toMatchObject({ 'Deal ID': card.id, From: 'New', To: 'Negotiation', By: 'anna@studio.test', How: 'board' });
    expect((rows[rows.length - 1].At as Date).toISOString()).toBe('2026-11-23T09:00:00.000Z');
    addon.api_moveDeal(card.id, 'negotiation', 1, moved.card.version);
    expect(records(ws, 'Stage history').length).toBe(before + 1);
  });

  it('a refused move leaves no row', () => {
    const { ws, addon } = demoWorkspace(80, 'anna@studio.test');
    const card = addon.api_getBoard().columns.find((c: Any) => c.key === 'new').cards.find((c: Any) => c.manager === 'anna@studio.test');
    const before = records(ws, 'Stage history').length;
    const refused = addon.api_moveDeal(card.id, 'completed', 0, card.version);
    expect(refused.ok).toBe(false);
    expect(records(ws, 'Stage history').length).toBe(before);
  });

  it('a stage typed by hand appends a row "typed in the sheet"; a refused one and "put it back" do not', () => {
    const { ws, addon } = demoWorkspace(80, 'owner@studio.test');
    const deal = records(ws, 'Deals').find((d) => stageKey(d.Stage) === 'negotiation')!;
    const at = stageCell(ws, String(deal.ID));
    const before = historyOf(ws, String(deal.ID)).length;
    ws.editCell('Deals', at.row, at.col, 'Frozen');
    const rows = historyOf(ws, String(deal.ID));
    expect(rows.length).toBe(before + 1);
    expect(rows[rows.length - 1]).toMatchObject({ From: 'Negotiation', To: 'Frozen', By: 'owner@studio.test', How: 'typed in the sheet' });

    ws.editCell('Deals', at.row, at.col, 'won');
    expect(historyOf(ws, String(deal.ID)).length).toBe(before + 1);
    addon.api_putStageBack(at.row);
    expect(historyOf(ws, String(deal.ID)).length).toBe(before + 1);
  });

  it('converting a request, and quick-adding one with a deal, append the deal\'s first row into New', () => {
    const { ws, addon } = demoWorkspace(80, 'boris@studio.test');
    const leadId = addon.api_addLead({ name: 'Stage History Person', phone: '+49 30 1234567' }).leadId;
    const converted = addon.api_convertLead(leadId);
    expect(historyOf(ws, converted.dealId)).toEqual([expect.objectContaining({ From: '', To: 'New', By: 'boris@studio.test', How: 'request converted' })]);
    const quick = addon.api_addLead({ name: 'Quick Person', createDeal: true });
    expect(historyOf(ws, quick.dealId)).toEqual([expect.objectContaining({ From: '', To: 'New', How: 'request converted' })]);
  });

  it('setup backfills an empty history from the Activities audit once, and a second run adds nothing', () => {
    const { ws, addon } = freshWorkspace();
    addon.setupWorkbook();
    ws.appendRows('Activities', [
      ['A-1', new Date('2026-01-05T10:00:00Z'), 'anna@studio.test', 'audit', 'D-1', '', 'Request from Lena converted into a deal and a new client', '', '', ''],
      ['A-2', new Date('2026-01-09T10:00:00Z'), 'anna@studio.test', 'audit', 'D-1', '', 'Stage New → Negotiation', '', '', ''],
      ['A-3', new Date('2026-01-20T10:00:00Z'), 'head@studio.test', 'audit', 'D-1', '', 'Stage Negotiation → Transferred to work (typed in the sheet)', '', '', ''],
      ['A-4', new Date('2026-01-21T10:00:00Z'), 'head@studio.test', 'problem', 'D-1', '', 'Stage Transferred to work → Completed typed by hand breaks the rules: x', '', '', ''],
      ['A-5', new Date('2026-01-22T10:00:00Z'), 'head@studio.test', 'audit', 'D-1', '', 'Stage back to Transferred to work (put back from the problem list)', '', '', ''],
      ['A-6', new Date('2026-01-23T10:00:00Z'), 'head@studio.test', 'audit', 'D-1', '', 'Forecast: yellow → green', '', '', ''],
    ]);
    addon.setupWorkbook();
    const rows = records(ws, 'Stage history');
    expect(rows.map((r) => [r['Deal ID'], r.From, r.To, r.By, r.How])).toEqual([
      ['D-1', '', 'New', 'anna@studio.test', 'backfilled from Activities'],
      ['D-1', 'New', 'Negotiation', 'anna@studio.test', 'backfilled from Activities'],
      ['D-1', 'Negotiation', 'Transferred to work', 'head@studio.test', 'backfilled from Activities'],
    ]);
    expect((rows[2].At as Date).toISOString()).toBe('2026-01-20T10:00:00.000Z');
    addon.setupWorkbook();
    expect(records(ws, 'Stage history').length).toBe(3);
  });

  it('the demo studio comes with a history for every deal, ending in the deal\'s stage', () => {
    const { ws } = demoWorkspace(80);
    const rows = records(ws, 'Stage history');
    for (const deal of records(ws, 'Deals')) {
      const mine = rows.filter((r) => r['Deal ID'] === deal.ID);
      expect(mine[0].From).toBe('');
      expect(mine[mine.length - 1].To).toBe(deal.Stage);
    }
  });
});
