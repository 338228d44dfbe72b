// Issue 11, item 6: the sheet shows the stage names people read in Settings, its dropdown
// lists them, a key or a name typed by hand is accepted, and a rename in Settings carries the
// cells along (they still read, and setup rewrites them with the new name).
import { demoWorkspace, records } from './harness';

/* eslint-disable @typescript-eslint/no-explicit-any */
type Any = any;

function cellOf(ws: Any, tab: string, id: string, header: string) {
  const values = ws.readSheet(tab).values as unknown[][];
  const col = (values[0] as string[]).indexOf(header);
  const row = values.findIndex((r) => r[0] === id);
  return { row: row + 1, col: col + 1, value: values[row][col] };
}

function setSetting(ws: Any, key: string, value: string) {
  const values = ws.readSheet('Settings').values as unknown[][];
  ws.editCell('Settings', values.findIndex((r) => r[0] === key) + 1, 2, value);
}

describe('stage names in the sheet', () => {
  it('demo rows and moves show names; the dropdown lists the names', () => {
    const { ws, addon } = demoWorkspace(80, 'anna@studio.test');
    const stages = new Set(records(ws, 'Deals').map((r) => r.Stage));
    expect([...stages].sort()).toEqual(['Completed', 'Failed', 'Frozen', 'Negotiation', 'New', 'Transferred to work']);
    const gates = new Set(records(ws, 'Checkpoints').map((r) => r['Gates stage']).filter((v) => v !== ''));
    for (const g of gates) expect(['Transferred to work', 'Completed', 'Negotiation', 'Frozen', 'New', 'Failed']).toContain(g);
    const card = addon.api_getBoard().columns.find((c: Any) => c.key === 'negotiation').cards.find((c: Any) => c.editable);
    addon.api_moveDeal(card.id, 'in_work', 0, card.version);
    expect(cellOf(ws, 'Deals', card.id, 'Stage').value).toBe('Transferred to work');
    const validation = ws.readSheet('Deals').validations[1][(ws.readSheet('Deals').values[0] as string[]).indexOf('Stage')];
    expect(validation.values[0]).toEqual(['New', 'Negotiation', 'Transferred to work', 'Frozen', 'Failed', 'Completed']);
  });

  it('a key or a name typed by hand in any case is accepted and shown as the name', () => {
    const { ws, addon } = demoWorkspace(80, 'anna@studio.test');
    const card = addon.api_getBoard().columns.find((c: Any) => c.key === 'new').cards.find((c: Any) => c.editable);
    const at = cellOf(ws, 'Deals', card.id, 'Stage');
    ws.editCell('Deals', at.row, at.col, 'negotiation');
    expect(cellOf(ws, 'Deals', card.id, 'Stage').value).toBe('Negotiation');
    ws.editCell('Deals', at.row, at.col, 'new');
    ws.editCell('Deals', at.row, at.col, 'NEGOTIATION ');
    expect(cellOf(ws, 'Deals', card.id, 'Stage').value).toBe('Negotiation');
    expect(addon.api_getBoard().columns.find((c: Any) => c.key === 'negotiation').cards.map((c: Any) => c.id)).toContain(card.id);
    expect(records(ws, 'Activities').pop()).toMatchObject({ Summary: 'Stage New → Negotiation (typed in the sheet)' });
  });

  it('renaming a stage in Settings: old cells still read, new writes use the new name, setup rewrites the old ones and the dropdown', () => {
    const { ws, addon } = demoWorkspace(80, 'owner@studio.test');
    const inWork = addon.api_getBoard({ scope: 'all' }).columns.find((c: Any) => c.key === 'in_work').cards.map((c: Any) => c.id);
    expect(inWork.length).toBeGreaterThan(1);
    setSetting(ws, 'stage_name.in_work', 'In production');
    // The dropdown follows the Settings edit at once.
    const header = ws.readSheet('Deals').values[0] as string[];
    expect(ws.readSheet('Deals').validations[1][header.indexOf('Stage')].values[0]).toContain('In production');
    // Cells still saying "Transferred to work" are read as that stage: no deal leaves the board.
    const board = addon.api_getBoard({ scope: 'all' });
    const column = board.columns.find((c: Any) => c.key === 'in_work');
    expect(column.name).toBe('In production');
    expect(column.cards.map((c: Any) => c.id)).toEqual(inWork);
    expect(board.problems.filter((p: Any) => p.column === 'Stage')).toEqual([]);
    // A move writes the new name; setup rewrites the rest.
    const negotiation = board.columns.find((c: Any) => c.key === 'negotiation').cards[0];
    addon.api_moveDeal(negotiation.id, 'in_work', 0, negotiation.version);
    expect(cellOf(ws, 'Deals', negotiation.id, 'Stage').value).toBe('In production');
    expect(records(ws, 'Deals').some((r) => r.Stage === 'Transferred to work')).toBe(true);
    addon.setupWorkbook();
    expect(records(ws, 'Deals').some((r) => r.Stage === 'Transferred to work')).toBe(false);
    expect(records(ws, 'Deals').filter((r) => r.Stage === 'In production').map((r) => r.ID).sort()).toEqual([...inWork, negotiation.id].sort());
    // Stage history's From and To (adjacent columns, read and written together) are renamed too, nothing else moves.
    const history = records(ws, 'Stage history');
    expect(history.some((r) => r.From === 'Transferred to work' || r.To === 'Transferred to work')).toBe(false);
    expect(history.filter((r) => r.To === 'In production').map((r) => r['Deal ID'])).toEqual(expect.arrayContaining(inWork));
    expect(history.some((r) => r.From === 'In production')).toBe(true);
  });

  it('a workbook whose cells hold keys (made before names were shown) gets names from setup', () => {
    const { ws, addon } = demoWorkspace(80, 'owner@studio.test');
    const values = ws.readSheet('Deals').values as unknown[][];
    const col = (values[0] as string[]).indexOf('Stage');
    const keys: Record<string, string> = { New: 'new', Negotiation: 'negotiation', 'Transferred to work': 'in_work', Frozen: 'frozen', Failed: 'failed', Completed: 'completed' };
    ws.writeRows('Deals', 2, values.slice(1).map((r) => r.map((v, j) => (j === col ? keys[String(v)] ?? v : v))));
    expect(records(ws, 'Deals').some((r) => r.Stage === 'in_work')).toBe(true);
    const before = addon.api_getBoard({ scope: 'all' }).columns.map((c: Any) => c.count);
    addon.setupWorkbook();
    expect(records(ws, 'Deals').some((r) => Object.values(keys).indexOf(String(r.Stage)) >= 0)).toBe(false);
    expect(addon.api_getBoard({ scope: 'all' }).columns.map((c: Any) => c.count)).toEqual(before);
  });
});
