// Issue 21, item 5: a client's name is the client's. Renaming it on the deal card reaches the
// client base (its card, the client search, the client's other deals); renaming it on the client
// card reaches the deals.
import { demoWorkspace, records } from './harness';

/* eslint-disable @typescript-eslint/no-explicit-any */
const ANNA = 'anna@studio.test';

/** A client of Anna's with two or more deals. */
function clientWithDeals(ws: any): { clientId: string; deals: Record<string, unknown>[] } {
  const clients = new Map(records(ws, 'Clients').map((c) => [String(c.ID), c]));
  const byClient = new Map<string, Record<string, unknown>[]>();
  for (const d of records(ws, 'Deals')) {
    const id = String(d['Client ID']);
    if (!byClient.has(id)) byClient.set(id, []);
    byClient.get(id)!.push(d);
  }
  for (const [clientId, deals] of byClient) {
    const client = clients.get(clientId);
    if (client && client.Manager === ANNA && deals.length >= 2 && deals.some((d) => d.Manager === ANNA)) return { clientId, deals };
  }
  throw new Error('no client of Anna with two deals');
}

describe('the client name is the client\'s', () => {
  it('a rename on the deal card renames the client; search finds the new name; the other deals follow', () => {
    const { ws, addon } = demoWorkspace(80, ANNA);
    const { clientId, deals } = clientWithDeals(ws);
    const deal = deals.find((d) => d.Manager === ANNA)!;
    const card = addon.api_getDeal(deal.ID).card;
    addon.api_findClients('Zebulon'); // the search index is built and cached before the rename
    const updated = addon.api_updateDeal(card.id, { clientName: 'Zebulon Printworks' }, card.version);
    expect(updated.clientName).toBe('Zebulon Printworks');
    expect(records(ws, 'Clients').find((c) => c.ID === clientId)!.Name).toBe('Zebulon Printworks');
    for (const d of records(ws, 'Deals').filter((r) => r['Client ID'] === clientId)) expect(d.Client).toBe('Zebulon Printworks');
    const found = addon.api_findClients('Zebulon');
    expect(found.hits.map((h: any) => h.id)).toContain(clientId);
    expect(addon.api_getClient(clientId).fields.name).toBe('Zebulon Printworks');
  });

  it('a rename on the client card reaches every deal of the client', () => {
    const { ws, addon } = demoWorkspace(80, ANNA);
    const { clientId } = clientWithDeals(ws);
    const client = addon.api_getClient(clientId);
    addon.api_updateClient(clientId, { name: 'Quillon Studio' }, client.version);
    const deals = records(ws, 'Deals').filter((r) => r['Client ID'] === clientId);
    expect(deals.length).toBeGreaterThanOrEqual(2);
    for (const d of deals) expect(d.Client).toBe('Quillon Studio');
    const board = addon.api_getBoard({ scope: 'all' });
    const cards = board.columns.flatMap((c: any) => c.cards).filter((c: any) => c.clientId === clientId);
    for (const c of cards) expect(c.clientName).toBe('Quillon Studio');
  });
});
