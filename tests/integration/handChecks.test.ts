// People type into the Checkpoints and Deals tabs; the add-on follows through its on-edit trigger.
import { demoWorkspace, records } from './harness';

const DAY = 86400000;

function wonDeal(ws: any, addon: any) {
  const board = addon.api_getBoard({ scope: 'all' });
  const card = board.columns.find((c: any) => c.key === 'negotiation').cards.find((c: any) => c.manager === 'anna@studio.test');
  ws.setUser('anna@studio.test');
  const moved = addon.api_moveDeal(card.id, 'in_work', 0, card.version);
  expect(moved.ok).toBe(true);
  return moved.card;
}

function cell(ws: any, tab: string, id: string, header: string): { row: number; col: number } {
  const values = ws.readSheet(tab).values as unknown[][];
  const col = (values[0] as string[]).indexOf(header) + 1;
  const idCol = (values[0] as string[]).indexOf('ID');
  const row = values.findIndex((r) => r[idCol] === id) + 1;
  expect(col).toBeGreaterThan(0);
  expect(row).toBeGreaterThan(1);
  return { row, col };
}

describe('checkpoints typed in the sheet', () => {
  it('a date typed into "Done at" by the responsible person marks the checkpoint done', () => {
    const { ws, addon } = demoWorkspace(80, 'owner@studio.test');
    const card = wonDeal(ws, addon);
    const design = addon.api_getDeal(card.id).checkpoints[0];
    ws.clock.advance(11 * DAY);
    ws.runTimeTriggers();
    expect(records(ws, 'Deals').find((d) => d.ID === card.id)!.Health).toBe('red');

    ws.setUser('eva@studio.test');
    const at = cell(ws, 'Checkpoints', design.id, 'Done at');
    ws.editCell('Checkpoints', at.row, at.col, '2026-12-04');
    const row = records(ws, 'Checkpoints').find((c) => c.ID === design.id)!;
    expect(row['Done by']).toBe('eva@studio.test');
    expect(records(ws, 'Deals').find((d) => d.ID === card.id)!.Health).toBe('green');
    expect(records(ws, 'Activities').pop()).toMatchObject({ User: 'eva@studio.test', Summary: 'Checkpoint done: Design done (typed in the sheet)' });
  });

  it('a date typed by someone who may not mark it done is listed as a problem and does not count', () => {
    const { ws, addon } = demoWorkspace(80, 'owner@studio.test');
    const card = wonDeal(ws, addon);
    const design = addon.api_getDeal(card.id).checkpoints[0];
    ws.clock.advance(11 * DAY);
    ws.runTimeTriggers();

    ws.setUser('boris@studio.test');
    const at = cell(ws, 'Checkpoints', design.id, 'Done at');
    ws.editCell('Checkpoints', at.row, at.col, '2026-12-04');
    const row = records(ws, 'Checkpoints').find((c) => c.ID === design.id)!;
    expect(row['Done by']).toBe('');
    expect(records(ws, 'Deals').find((d) => d.ID === card.id)!.Health).toBe('red');
    ws.setUser('owner@studio.test');
    const problems = addon.api_getBoard({ scope: 'all' }).problems;
    // The problem shows the date as the cell displays it, not the edit event's serial (46360).
    expect(problems).toContainEqual(expect.objectContaining({ tab: 'Checkpoints', row: at.row, column: 'Done at', value: '2026-12-04', why: 'boris@studio.test may not mark "Design done" done' }));
    expect(addon.api_getHealth('all').items.find((i: any) => i.id === card.id || i.dealId === card.id).nearest.name).toBe('Design done');
    // The sheet's colours agree with the add-on: the unconfirmed row is not green; its name and
    // due date stay red (overdue), and the typed date is marked amber as waiting for someone allowed.
    const sheet = ws.readSheet('Checkpoints');
    const header = sheet.values[0] as string[];
    const colour = (name: string) => sheet.backgrounds[at.row - 1][header.indexOf(name)];
    expect(colour('Checkpoint')).toBe('#f4c7c3');
    expect(colour('Due')).toBe('#f4c7c3');
    expect(colour('Done at')).toBe('#fce8b2');
    // Once someone allowed confirms (types it again), the row turns green.
    ws.setUser('eva@studio.test');
    ws.editCell('Checkpoints', at.row, at.col, '2026-12-05');
    const confirmed = ws.readSheet('Checkpoints');
    expect(confirmed.backgrounds[at.row - 1][header.indexOf('Checkpoint')]).toBe('#b7e1cd');
    expect(confirmed.backgrounds[at.row - 1][header.indexOf('Done at')]).toBe('#b7e1cd');
  });
});

describe('a gated stage typed in the sheet', () => {
  it('is listed as a problem and the deal shows red until it is resolved', () => {
    const { ws, addon } = demoWorkspace(80, 'owner@studio.test');
    const card = wonDeal(ws, addon);
    ws.setUser('anna@studio.test');
    const stage = cell(ws, 'Deals', card.id, 'Stage');
    ws.editCell('Deals', stage.row, stage.col, 'completed');
    const deal = () => records(ws, 'Deals').find((d) => d.ID === card.id)!;
    expect(deal().Stage).toBe('completed');
    expect(deal().Health).toBe('red');
    const problems = addon.api_getBoard({ scope: 'all' }).problems;
    expect(problems).toContainEqual(expect.objectContaining({ tab: 'Deals', row: stage.row, column: 'Stage', value: 'completed', accepted: 'in_work' }));
    // Another refused value keeps judging from the last accepted stage, not from the refused one.
    ws.editCell('Deals', stage.row, stage.col, 'new');
    expect(addon.api_getBoard({ scope: 'all' }).problems).toContainEqual(expect.objectContaining({ row: stage.row, value: 'new', accepted: 'in_work' }));
    // Typing the stage back resolves it.
    ws.editCell('Deals', stage.row, stage.col, 'in_work');
    expect(records(ws, 'Activities').pop()).toMatchObject({ Summary: 'Stage back to Transferred to work (typed in the sheet)' });
    expect(deal().Health).toBe('green');
    expect(addon.api_getBoard({ scope: 'all' }).problems.some((p: any) => p.tab === 'Deals' && p.row === stage.row)).toBe(false);
  });
});
