// Issue 20, item 4: refusals never disclose data. A client that is missing and one that is not
// yours get the same sentence, naming nothing; ids cannot be guessed by counting; with Settings
// client_view_others off a manager's board carries no phone or e-mail of another manager's
// cards (and a search cannot find them by it); an executor sees no contacts of a deal still in
// the sales pipeline, even once a plan makes them responsible for one of its checkpoints.
import { demoWorkspace, records, runFromClient, Workspace, Addon } from './harness';

const ANNA = 'anna@studio.test';
const BORIS = 'boris@studio.test';
const EVA = 'eva@studio.test';

function clientViewOthers(ws: Workspace, value: 'TRUE' | 'FALSE'): void {
  const settings = ws.readSheet('Settings').values as unknown[][];
  const at = settings.findIndex((r) => r[0] === 'client_view_others');
  expect(at).toBeGreaterThan(0);
  ws.editCell('Settings', at + 1, 2, value);
}

function cards(addon: Addon, filter: unknown = { scope: 'all' }): any[] {
  return addon.api_getBoard(filter).columns.flatMap((c: { cards: any[] }) => c.cards);
}

const notYours = (id: string) => `There is no client ${id} that you may open: it may have been deleted or merged, or it is not yours.`;

describe('client refusals name nothing', () => {
  it('a missing id and another manager\'s client get the same sentence from api_getClient and api_updateClient', () => {
    const { ws, addon } = demoWorkspace(80, 'owner@studio.test');
    clientViewOthers(ws, 'FALSE');
    const boris = records(ws, 'Clients').filter((c) => c.Manager === BORIS);
    expect(boris.length).toBeGreaterThan(5);
    ws.setUser(ANNA);
    for (const client of boris) {
      const get = runFromClient(ws, addon, 'api_getClient', [client.ID]);
      expect(get.error.message).toBe(notYours(String(client.ID)));
      const update = runFromClient(ws, addon, 'api_updateClient', [client.ID, { callBack: true }, 1]);
      expect(update.error.message).toBe(notYours(String(client.ID)));
      for (const message of [get.error.message, update.error.message]) {
        expect(message).not.toContain(String(client.Name));
        expect(message).not.toContain(BORIS);
      }
    }
    const missingId = `${String(boris[0].ID).slice(0, -3)}zzz`;
    expect(runFromClient(ws, addon, 'api_getClient', [missingId]).error.message).toBe(notYours(missingId));
    expect(runFromClient(ws, addon, 'api_updateClient', [missingId, { callBack: true }, 1]).error.message).toBe(notYours(missingId));
    expect(records(ws, 'Clients').filter((c) => c.Manager === BORIS)).toEqual(boris);
  });

  it('an executor opening a client not theirs gets the same sentence', () => {
    const { ws, addon } = demoWorkspace(80, EVA);
    const worked = new Set(records(ws, 'Checkpoints').filter((k) => k.Responsible === EVA || k.Responsible === 'executor').map((k) => k['Deal ID']));
    const theirs = new Set(records(ws, 'Deals').filter((d) => worked.has(d.ID)).map((d) => d['Client ID']));
    const client = records(ws, 'Clients').filter((c) => !theirs.has(c.ID))[0];
    const refused = runFromClient(ws, addon, 'api_getClient', [client.ID]);
    expect(refused.error.message).toBe(notYours(String(client.ID)));
    expect(refused.error.message).not.toContain(String(client.Name));
  });
});

describe('ids cannot be guessed', () => {
  it('demo rows and new rows carry random ids: counting up finds nothing', () => {
    const { ws, addon } = demoWorkspace(80, 'owner@studio.test');
    for (const tab of ['Clients', 'Deals', 'Leads', 'Checkpoints', 'Activities', 'Users']) {
      const ids = records(ws, tab).map((r) => String(r.ID));
      expect(ids.length).toBeGreaterThan(0);
      for (const id of ids) expect(id).toMatch(/^[A-Z]-[0-9a-f]{12}$/);
      expect(new Set(ids).size).toBe(ids.length);
    }
    // The guesses that hit 61 of 75 before: serial ids, in either spelling.
    ws.setUser('owner@studio.test');
    let found = 0;
    for (let n = 1; n <= 75; n++) {
      for (const guess of [`C-demo${String(n).padStart(7, '0')}`, `C-${n}`, `C-${String(n).padStart(4, '0')}`]) {
        if (runFromClient(ws, addon, 'api_getClient', [guess]).ok) found += 1;
      }
    }
    expect(found).toBe(0);
    ws.setUser(ANNA);
    const made = addon.api_addLead({ name: 'Walk-in Guess', phone: '+49 30 5550111', createDeal: true, title: 'Guess test' });
    expect(made.leadId).toMatch(/^L-[0-9a-f]{12}$/);
    expect(made.dealId).toMatch(/^D-[0-9a-f]{12}$/);
  });
});

describe('the board carries contacts only for who may see them', () => {
  it('with client_view_others off, another manager\'s cards have no phone or e-mail, and a search cannot find them by it', () => {
    const { ws, addon } = demoWorkspace(80, 'owner@studio.test');
    clientViewOthers(ws, 'FALSE');
    ws.setUser(ANNA);
    const all = cards(addon);
    const others = all.filter((c) => c.manager !== ANNA && c.manager !== '');
    const own = all.filter((c) => c.manager === ANNA);
    expect(others.length).toBeGreaterThan(10);
    expect(others.filter((c) => c.phone !== '' || c.email !== '')).toEqual([]);
    expect(own.some((c) => c.phone !== '' && c.email !== '')).toBe(true);
    // Their phone, typed into the board's search, finds nothing of theirs.
    const theirs = records(ws, 'Deals').filter((d) => d.Manager === BORIS && String(d.Phone || '').replace(/\D/g, '').length >= 6)[0];
    const digits = String(theirs.Phone).replace(/\D/g, '').slice(-6);
    expect(cards(addon, { scope: 'all', search: digits }).filter((c) => c.manager === BORIS)).toEqual([]);
    expect(cards(addon, { scope: 'all', search: String(theirs.Email) }).filter((c) => c.manager === BORIS)).toEqual([]);
    // The deal page too.
    const page = addon.api_getDeal(others[0].id);
    expect([page.card.phone, page.card.email]).toEqual(['', '']);
    // Back on: the contacts are there again (the shared contact base), and the owner always sees them.
    ws.setUser('owner@studio.test');
    expect(cards(addon).filter((c) => c.manager === BORIS).some((c) => c.phone !== '')).toBe(true);
    clientViewOthers(ws, 'TRUE');
    ws.setUser(ANNA);
    expect(cards(addon).filter((c) => c.manager === BORIS).some((c) => c.phone !== '')).toBe(true);
  });

  it('an executor sees no contacts of a New deal once a plan makes them responsible for it', () => {
    const { ws, addon } = demoWorkspace(80, ANNA);
    const fresh = cards(addon).filter((c) => c.stage === 'new' && c.manager === ANNA && c.phone !== '');
    expect(fresh.length).toBeGreaterThan(0);
    const deal = fresh[0];
    addon.api_applyPlan(deal.id, 'Website', '2026-11-23');
    ws.setUser(EVA);
    const hers = cards(addon).filter((c) => c.id === deal.id);
    expect(hers).toHaveLength(1);
    expect([hers[0].phone, hers[0].email]).toEqual(['', '']);
    const page = addon.api_getDeal(deal.id);
    expect([page.card.phone, page.card.email]).toEqual(['', '']);
    const board = JSON.stringify(addon.api_getBoard());
    expect(board).not.toContain(deal.phone);
    expect(board).not.toContain(deal.email);
    expect(runFromClient(ws, addon, 'api_getClient', [deal.clientId]).error.message).toBe(notYours(deal.clientId));
    // In work, the executor gets the contacts she needs.
    const working = cards(addon).filter((c) => c.stage === 'in_work');
    expect(working.length).toBeGreaterThan(0);
    expect(working.some((c) => c.phone !== '' || c.email !== '')).toBe(true);
  });
});
