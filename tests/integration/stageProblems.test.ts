// Issue 11, item 7: a stage typed by hand that the add-on refuses never makes a card vanish or
// jump: the card stays where its last accepted stage put it, marked with the problem, and the
// problem list offers "go to the cell" and "put it back".
import { demoWorkspace, records, runFromClient } from './harness';

/* eslint-disable @typescript-eslint/no-explicit-any */
type Any = any;

function inWorkDeal(ws: Any, addon: Any) {
  ws.setUser('anna@studio.test');
  const card = addon.api_getBoard({ scope: 'all' }).columns.find((c: Any) => c.key === 'negotiation').cards.find((c: Any) => c.manager === 'anna@studio.test');
  const moved = addon.api_moveDeal(card.id, 'in_work', 0, card.version);
  expect(moved.ok).toBe(true);
  return moved.card;
}

function stageCell(ws: Any, id: string) {
  const values = ws.readSheet('Deals').values as unknown[][];
  return { row: values.findIndex((r) => r[0] === id) + 1, col: (values[0] as string[]).indexOf('Stage') + 1 };
}

const columnOf = (board: Any, id: string) => board.columns.find((c: Any) => c.cards.some((card: Any) => card.id === id));
const cardOf = (board: Any, id: string) => columnOf(board, id).cards.find((card: Any) => card.id === id);

describe('a refused stage typed by hand', () => {
  it('an unknown stage ("won"): the card stays in its column, marked, and "put it back" restores the cell', () => {
    const { ws, addon } = demoWorkspace(80, 'owner@studio.test');
    const card = inWorkDeal(ws, addon);
    const at = stageCell(ws, card.id);
    ws.editCell('Deals', at.row, at.col, 'won');
    const board = addon.api_getBoard({ scope: 'all' });
    expect(columnOf(board, card.id).key).toBe('in_work');
    expect(cardOf(board, card.id).stageProblem).toEqual({ row: at.row, typed: 'won', why: 'not a stage' });
    expect(board.problems).toContainEqual(expect.objectContaining({ tab: 'Deals', row: at.row, column: 'Stage', value: 'won', accepted: 'in_work' }));

    const back = addon.api_putStageBack(at.row);
    expect(back).toEqual({ dealId: card.id, stage: 'in_work', name: 'Transferred to work' });
    expect(records(ws, 'Deals').find((d) => d.ID === card.id)!.Stage).toBe('Transferred to work');
    const after = addon.api_getBoard({ scope: 'all' });
    expect(cardOf(after, card.id).stageProblem).toBeUndefined();
    expect(after.problems.filter((p: Any) => p.row === at.row && p.column === 'Stage')).toEqual([]);
    expect(records(ws, 'Activities').pop()).toMatchObject({ Summary: 'Stage back to Transferred to work (put back from the problem list)', User: 'anna@studio.test' });
  });

  it('a forbidden stage ("completed" with payment open) is not shown in Completed but where it was', () => {
    const { ws, addon } = demoWorkspace(80, 'owner@studio.test');
    const card = inWorkDeal(ws, addon);
    const at = stageCell(ws, card.id);
    ws.editCell('Deals', at.row, at.col, 'Completed');
    const board = addon.api_getBoard({ scope: 'all' });
    expect(columnOf(board, card.id).key).toBe('in_work');
    const problem = cardOf(board, card.id).stageProblem;
    expect(problem.typed).toBe('Completed');
    expect(problem.why).toMatch(/^typed by hand: /);
    expect(board.columns.find((c: Any) => c.key === 'completed').cards.map((c: Any) => c.id)).not.toContain(card.id);
  });

  it('"go to the cell" selects the cell; bad addresses and strangers are refused with a sentence', () => {
    const { ws, addon } = demoWorkspace(80, 'owner@studio.test');
    const card = inWorkDeal(ws, addon);
    const at = stageCell(ws, card.id);
    expect(addon.api_goToCell('Deals', at.row, 'Stage')).toEqual({ ok: true });
    const selected = (ws.model as Any).activeRange;
    expect(ws.model.sheetById(selected.sheetId)!.name).toBe('Deals');
    expect([selected.row, selected.col]).toEqual([at.row, at.col]);
    expect(() => addon.api_goToCell('Secrets', 2, 'Stage')).toThrow('"Secrets" is not one of Dealboard\'s tabs.');
    expect(() => addon.api_goToCell('Deals', 0, 'Stage')).toThrow('The row must be a whole number from 1.');
    expect(() => addon.api_goToCell('Deals', 2, 'Nope')).toThrow('The Deals tab has no "Nope" column.');
    ws.setUser('stranger@example.com');
    expect(runFromClient(ws, addon, 'api_goToCell', ['Deals', 2, 'Stage']).error.message).toMatch(/not on the team/);
  });

  it('"put it back" is refused when the cell changed meanwhile, when nothing is wrong, and for another manager\'s deal', () => {
    const { ws, addon } = demoWorkspace(80, 'owner@studio.test');
    const card = inWorkDeal(ws, addon);
    const at = stageCell(ws, card.id);
    expect(() => addon.api_putStageBack(at.row)).toThrow(`Row ${at.row} of Deals has no stage problem any more: refresh the board.`);
    ws.editCell('Deals', at.row, at.col, 'won');
    ws.setUser('boris@studio.test');
    expect(() => addon.api_putStageBack(at.row)).toThrow(/Only the deal's manager, a head or the owner may change the stage/);
    ws.setUser('anna@studio.test');
    // Typed over again (still refused): the stale "put back" names what the cell holds now.
    ws.writeRows('Deals', at.row, [(ws.readSheet('Deals').values[at.row - 1] as unknown[]).map((v, j) => (j === at.col - 1 ? 'maybe' : v))]);
    expect(() => addon.api_putStageBack(at.row)).toThrow(`Row ${at.row} of Deals no longer holds “won”: refresh the board.`);
    expect(() => addon.api_putStageBack('2')).toThrow('The row must be a whole number from 2.');
  });
});
