// Issue 20, item 6: hand edits of the columns the add-on relies on are audited with who and
// before → after; a person the rules do not allow to change a deal's terms has the typed cell put back.
import { demoWorkspace, records, stageKey } from './harness';

/* eslint-disable @typescript-eslint/no-explicit-any */
type Any = any;

function dealCell(ws: Any, pick: (d: Record<string, unknown>) => boolean, header: string) {
  const values = ws.readSheet('Deals').values as unknown[][];
  const head = values[0].map(String);
  const all = records(ws, 'Deals');
  const deal = all.find(pick)!;
  return { deal, row: all.indexOf(deal) + 2, col: head.indexOf(header) + 1, value: () => (ws.readSheet('Deals').values as unknown[][])[all.indexOf(deal) + 1][head.indexOf(header)] };
}

const pipeline = (d: Record<string, unknown>) => ['new', 'negotiation'].includes(stageKey(d.Stage)) && Number(d.Amount) > 0;

describe('hand edits of tracked Deals columns', () => {
  test('an executor typing €99,999 into a pipeline deal\'s Amount is put back and audited (who, before → after)', () => {
    const { ws, addon } = demoWorkspace(80);
    const cell = dealCell(ws, pipeline, 'Amount');
    const before = cell.value();
    ws.setUser('eva@studio.test');
    ws.editCell('Deals', cell.row, cell.col, 99999);
    expect(cell.value()).toBe(before);
    const line = records(ws, 'Activities').find((a) => a['Deal ID'] === cell.deal.ID && String(a.Summary).includes('Amount typed by hand'));
    expect(line).toMatchObject({ Kind: 'problem', User: 'eva@studio.test' });
    expect(String(line!.Summary)).toContain(`"${before}" → "99999"`);
    // Put back, so nothing is left for the problem list; the audit line keeps the attempt.
    ws.setUser('owner@studio.test');
    expect(addon.api_getBoard({ scope: 'all' }).problems.filter((p: Any) => p.tab === 'Deals' && p.column === 'Amount')).toEqual([]);
  });

  test('the deal\'s manager, a head and the owner may; each change is audited with before → after', () => {
    const { ws } = demoWorkspace(80);
    const cell = dealCell(ws, (d) => pipeline(d) && d.Manager === 'anna@studio.test', 'Amount');
    const before = cell.value();
    ws.setUser('anna@studio.test');
    ws.editCell('Deals', cell.row, cell.col, 12345);
    expect(cell.value()).toBe(12345);
    ws.setUser('head@studio.test');
    const forecast = dealCell(ws, (d) => d.ID === cell.deal.ID, 'Forecast');
    ws.editCell('Deals', forecast.row, forecast.col, 'red');
    const lines = records(ws, 'Activities').filter((a) => a['Deal ID'] === cell.deal.ID && a.Kind === 'audit').map((a) => `${a.User}: ${a.Summary}`);
    expect(lines).toEqual(expect.arrayContaining([
      `anna@studio.test: Amount changed by hand by anna@studio.test: "${before}" → "12345"`,
      expect.stringMatching(/^head@studio\.test: Forecast changed by hand by head@studio\.test: ".*" → "red"$/),
    ]));
  });

  test('a manager cannot hand another manager\'s deal to herself: Manager put back', () => {
    const { ws } = demoWorkspace(80);
    const cell = dealCell(ws, (d) => pipeline(d) && d.Manager === 'boris@studio.test', 'Manager');
    ws.setUser('anna@studio.test');
    ws.editCell('Deals', cell.row, cell.col, 'anna@studio.test');
    expect(cell.value()).toBe('boris@studio.test');
    expect(records(ws, 'Activities').some((a) => a.User === 'anna@studio.test' && String(a.Summary).includes('Manager typed by hand by anna@studio.test, refused: "boris@studio.test" → "anna@studio.test"'))).toBe(true);
  });

  test('a date typed into Expected close is audited as a date, not as its serial', () => {
    const { ws } = demoWorkspace(80);
    const cell = dealCell(ws, (d) => pipeline(d) && d.Manager === 'anna@studio.test', 'Expected close');
    ws.setUser('anna@studio.test');
    ws.editCell('Deals', cell.row, cell.col, '2027-03-01');
    const line = records(ws, 'Activities').find((a) => a['Deal ID'] === cell.deal.ID && String(a.Summary).includes('Expected close changed by hand'));
    expect(String(line!.Summary)).toMatch(/"(\d{4}-\d\d-\d\d)?" → "2027-03-01"$/);
  });
});

describe('hand edits of Checkpoints', () => {
  test('Due typed by hand is audited with who and before → after', () => {
    const { ws } = demoWorkspace(80);
    const values = ws.readSheet('Checkpoints').values as unknown[][];
    const head = values[0].map(String);
    const r = values.findIndex((row, i) => i > 0 && row[head.indexOf('Due')] instanceof Date && row[head.indexOf('Done at')] === '');
    const before = (values[r][head.indexOf('Due')] as Date);
    ws.setUser('head@studio.test');
    ws.editCell('Checkpoints', r + 1, head.indexOf('Due') + 1, '2027-01-15');
    const line = records(ws, 'Activities').find((a) => String(a.Summary).includes('Due changed by hand by head@studio.test'));
    expect(line).toBeDefined();
    expect(String(line!.Summary)).toContain('→ "2027-01-15"');
    expect(String(line!.Summary)).not.toMatch(/"\d{5}"/); // not the serial
    expect(before).toBeInstanceOf(Date);
  });
});
