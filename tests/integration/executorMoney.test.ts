// Issue 21, item 17: executors see the work, not the money. The server sends an executor no
// budget, amount, payment or forecast sum (board, deal, desk, client card), refuses the quote,
// and refuses export and import at the gate; Settings executor_sees_money TRUE gives the money back.
import { demoWorkspace, records, runFromClient } from './harness';

/* eslint-disable @typescript-eslint/no-explicit-any */
const EVA = 'eva@studio.test';

function ok(ws: any, addon: any, fn: string, ...args: unknown[]): any {
  const reply = runFromClient(ws, addon, fn, args);
  if (!reply.ok) throw new Error(`${fn}: ${reply.error.message}`);
  return reply.value;
}

describe('executors see the work, not the money', () => {
  const { ws, addon } = demoWorkspace(80, EVA);
  const cards = () => ok(ws, addon, 'api_getBoard', { scope: 'all' }).columns.flatMap((c: any) => c.cards);

  it('sends no money on the board, the deal, the desk or the client card; the quote is refused', () => {
    const board = ok(ws, addon, 'api_getBoard', { scope: 'all' });
    expect(board.moneyHidden).toBe(true);
    const mine = board.columns.flatMap((c: any) => c.cards);
    expect(mine.length).toBeGreaterThan(0);
    // Her deals do carry money in the sheet: the zeros are the server's cut, not empty deals.
    const sheet = records(ws, 'Deals').filter((d) => mine.some((c: any) => c.id === d.ID));
    expect(sheet.some((d) => Number(d.Budget) > 0 || Number(d.Amount) > 0)).toBe(true);
    for (const c of mine) expect([c.budget, c.amount, c.value]).toEqual([0, 0, 0]);
    for (const column of board.columns) expect(column.total).toBe(0);
    for (const key of ['green', 'yellow', 'red', 'none']) expect(board.forecast[key].amount).toBe(0);

    const deal = ok(ws, addon, 'api_getDeal', mine[0].id);
    expect([deal.card.budget, deal.card.amount, deal.card.value]).toEqual([0, 0, 0]);
    const desk = ok(ws, addon, 'api_getHealth', 'mine');
    expect(desk.moneyHidden).toBe(true);
    expect(desk.items.length).toBeGreaterThan(0);
    for (const item of desk.items) expect([item.paid, item.amount]).toEqual([0, 0]);
    expect(runFromClient(ws, addon, 'api_getQuote', [mine[0].id]).error.message).toContain('executors see the work, not the money');

    const inWork = mine.find((c: any) => c.clientId && ['in_work', 'completed'].includes(c.stage));
    const client = ok(ws, addon, 'api_getClient', inWork.clientId);
    expect(client.moneyHidden).toBe(true);
    for (const o of client.orders) expect([o.amount, o.budget]).toEqual([0, 0]);
    expect(client.balance.invoicedMinor).toBe(0);
  });

  it('refuses export and import at the gate, writing nothing', () => {
    const tabs = () => JSON.stringify(['Clients', 'Imports', 'Activities'].map((t) => ws.readSheet(t).values));
    const before = tabs();
    expect(runFromClient(ws, addon, 'api_exportClients', [{ format: 'csv', delimiter: ';' }]).error.message).toBe('Executors cannot export clients; ask a manager.');
    expect(runFromClient(ws, addon, 'api_prepareImport', [{ fileName: 'a.csv', kind: 'csv', content: 'Name\nX' }]).error.message).toBe('Executors cannot import clients; ask a manager.');
    expect(tabs()).toBe(before);
  });

  it('Settings executor_sees_money TRUE sends the money again', () => {
    const settings = ws.readSheet('Settings').values as unknown[][];
    const at = settings.findIndex((r) => r[0] === 'executor_sees_money');
    expect(at).toBeGreaterThan(0);
    ws.setUser('owner@studio.test');
    ws.editCell('Settings', at + 1, 2, 'TRUE');
    ws.setUser(EVA);
    const board = ok(ws, addon, 'api_getBoard', { scope: 'all' });
    expect(board.moneyHidden).toBeUndefined();
    expect(cards().some((c: any) => c.value > 0)).toBe(true);
    expect(ok(ws, addon, 'api_getQuote', cards()[0].id).lines).toBeDefined();
  });
});
