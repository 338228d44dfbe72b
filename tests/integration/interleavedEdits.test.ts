// Issue 20, item 13: hand edits racing with saves, run as truly concurrent executions on the
// emulator's interleaving scheduler (scripts/emulator/interleave). Each scenario drives one
// precise interleaving with a `choose` policy, so it fails the same way every time the race is
// lost.
import * as path from 'path';
import { demoWorkspace, records, stageKey } from './harness';

// eslint-disable-next-line @typescript-eslint/no-var-requires
const emulator = require(path.join(__dirname, '../../build/emulator.cjs'));

/* eslint-disable @typescript-eslint/no-explicit-any */
type Any = any;
type Ready = { index: number; label: string; next: string; calls: number };

afterAll(() => emulator.closeInterleaving());

function dealRow(ws: Any, id: string) {
  const values = ws.readSheet('Deals').values as unknown[][];
  const header = values[0] as string[];
  const row = values.findIndex((r) => r[0] === id) + 1;
  return { row, stageCol: header.indexOf('Stage') + 1, record: Object.fromEntries(header.map((h, i) => [h, values[row - 1][i]])) };
}

const WRITES = /^(Range\.set|RangeList\.|Sheet\.(append|insert|delete)|Lock\.(waitLock|tryLock))/;

/**
 * Runs the hand edits' handlers until each is about to take the lock or write, then lets the
 * saves run while they can, then the rest: the handlers' first read precedes the saves.
 */
function handlersPauseBeforeWriting(isSave: (r: Ready) => boolean) {
  return (ready: Ready[]) => {
    const start = ready.findIndex((r) => r.next === 'start' && !isSave(r));
    if (start >= 0) return start;
    const reading = ready.findIndex((r) => !isSave(r) && !WRITES.test(r.next));
    if (reading >= 0) return reading;
    const save = ready.findIndex(isSave);
    return save >= 0 ? save : 0;
  };
}

describe('interleaved hand edits', () => {
  it('a stage typed by hand keeps the Notes the head saved while the edit handler ran', () => {
    const { ws, addon } = demoWorkspace(80, 'owner@studio.test');
    const board = addon.api_getBoard({ scope: 'all' });
    const card = board.columns.find((c: Any) => c.key === 'negotiation').cards.find((c: Any) => c.manager === 'anna@studio.test');
    const at = dealRow(ws, card.id);
    const outcomes = emulator.runInterleaved(ws, [
      { label: 'anna types', edit: { sheet: 'Deals', row: at.row, col: at.stageCol, value: 'Transferred to work', user: 'anna@studio.test' } },
      { label: 'head saves notes', fn: 'api_updateDeal', args: [card.id, { notes: 'Call the CFO, not the CEO' }, card.version], user: 'head@studio.test', client: true },
    ], { choose: handlersPauseBeforeWriting((r) => r.label === 'head saves notes') });
    for (const o of outcomes) expect({ label: o.label, ok: o.ok, error: o.error }).toEqual({ label: o.label, ok: true, error: undefined });
    const after = dealRow(ws, card.id).record;
    expect(after.Notes).toBe('Call the CFO, not the CEO');
    expect(stageKey(after.Stage)).toBe('in_work');
    // Both changes moved the version on: no sidebar holding either earlier version may overwrite.
    expect(after.Version).toBe(card.version + 2);
  });

  it('a stage typed by hand keeps the Notes another person typed into the row while the handler ran', () => {
    const { ws, addon } = demoWorkspace(80, 'owner@studio.test');
    const board = addon.api_getBoard({ scope: 'all' });
    const card = board.columns.find((c: Any) => c.key === 'negotiation').cards.find((c: Any) => c.manager === 'anna@studio.test');
    const at = dealRow(ws, card.id);
    const header = ws.readSheet('Deals').values[0] as string[];
    // Anna's handler reads the row under the lock; Boris types (people take no lock) before it writes.
    const outcomes = emulator.runInterleaved(ws, [
      { label: 'anna types', edit: { sheet: 'Deals', row: at.row, col: at.stageCol, value: 'Transferred to work', user: 'anna@studio.test' } },
      { label: 'boris types', edit: { sheet: 'Deals', row: at.row, col: header.indexOf('Notes') + 1, value: 'Typed by Boris', user: 'boris@studio.test' } },
    ], {
      choose: (ready: Ready[]) => {
        const anna = ready.findIndex((r) => r.label.startsWith('anna') && !/^Range\.set/.test(r.next));
        if (anna >= 0) return anna;
        const boris = ready.findIndex((r) => r.label.startsWith('boris'));
        return boris >= 0 ? boris : 0;
      },
    });
    for (const o of outcomes) expect([o.label, o.ok]).toEqual([o.label, true]);
    const after = dealRow(ws, card.id).record;
    expect(after.Notes).toBe('Typed by Boris');
    expect(stageKey(after.Stage)).toBe('in_work');
    expect(after.Version).toBe(card.version + 1);
  });

  it('two forbidden stages typed at once are both listed and neither deal shows as done', () => {
    const { ws, addon } = demoWorkspace(80, 'owner@studio.test');
    ws.setUser('anna@studio.test');
    const negotiation = addon.api_getBoard({ scope: 'all' }).columns.find((c: Any) => c.key === 'negotiation').cards.filter((c: Any) => c.manager === 'anna@studio.test');
    const moved = negotiation.slice(0, 2).map((c: Any) => addon.api_moveDeal(c.id, 'in_work', 0, c.version).card);
    expect(moved.length).toBe(2);
    const cells = moved.map((c: Any) => dealRow(ws, c.id));
    const outcomes = emulator.runInterleaved(ws, cells.map((at: Any, i: number) => ({
      label: `eva types ${i}`, edit: { sheet: 'Deals', row: at.row, col: at.stageCol, value: 'Completed', user: 'eva@studio.test' },
    })), { choose: handlersPauseBeforeWriting(() => false) });
    for (const o of outcomes) expect(o.ok).toBe(true);
    ws.setUser('owner@studio.test');
    const board = addon.api_getBoard({ scope: 'all' });
    const completed = board.columns.find((c: Any) => c.key === 'completed').cards.map((c: Any) => c.id);
    for (const c of moved) expect(completed).not.toContain(c.id);
    for (const at of cells) {
      expect(board.problems).toContainEqual(expect.objectContaining({ tab: 'Deals', row: at.row, column: 'Stage', value: 'Completed', accepted: 'in_work' }));
    }
    expect(records(ws, 'Activities').filter((a) => /typed by hand breaks the rules/.test(String(a.Summary))).length).toBe(2);
  });
});
