import { demoWorkspace, measure, records, runFromClient } from './harness';

function firstCard(board: any, stage: string, manager?: string) {
  const column = board.columns.find((c: any) => c.key === stage);
  return column.cards.find((c: any) => !manager || c.manager === manager);
}

describe('api_getBoard', () => {
  it('returns plain JSON: columns with counts and totals, forecast roll-up, inbox, the user and role', () => {
    const { ws, addon } = demoWorkspace();
    const reply = runFromClient(ws, addon, 'api_getBoard', [{ scope: 'all' }]);
    expect(reply.ok).toBe(true);
    const board = reply.value;
    expect(board.me).toEqual({ email: 'owner@studio.test', name: 'Olga Owner', role: 'owner' });
    expect(board.columns.map((c: any) => c.key)).toEqual(['new', 'negotiation', 'in_work', 'frozen', 'failed', 'completed']);
    expect(board.columns[2].name).toBe('Transferred to work');
    const sent = board.columns.reduce((n: number, c: any) => n + c.cards.length, 0);
    expect(sent).toBeGreaterThan(40);
    for (const column of board.columns) {
      expect(column.count).toBe(column.cards.length);
      expect(column.total).toBe(column.cards.reduce((s: number, c: any) => s + c.value, 0));
    }
    expect(board.inbox.length).toBe(7);
    expect(board.forecast.green.count + board.forecast.yellow.count + board.forecast.red.count + board.forecast.none.count)
      .toBe(board.columns.filter((c: any) => ['new', 'negotiation', 'in_work', 'frozen'].includes(c.key)).reduce((n: number, c: any) => n + c.count, 0));
    const card = firstCard(board, 'new');
    expect(typeof card.nextContactAt === 'string' || card.nextContactAt === null).toBe(true);
    expect(card.steps).toEqual(expect.objectContaining({ estimateAccepted: expect.any(Boolean) }));
  });

  it('shows a manager only their deals by default, all on request', () => {
    const { ws, addon } = demoWorkspace(80, 'anna@studio.test');
    const mine = addon.api_getBoard();
    expect(mine.filter.scope).toBe('mine');
    for (const c of mine.columns) for (const card of c.cards) expect(card.manager).toBe('anna@studio.test');
    const all = addon.api_getBoard({ scope: 'all' });
    const editable = all.columns.flatMap((c: any) => c.cards).filter((c: any) => !c.editable);
    expect(editable.every((c: any) => c.manager !== 'anna@studio.test')).toBe(true);
    expect(editable.length).toBeGreaterThan(0);
  });

  it('refuses a user who is not on the team', () => {
    const { ws, addon } = demoWorkspace(80, 'stranger@else.test');
    const reply = runFromClient(ws, addon, 'api_getBoard', [{}]);
    expect(reply).toEqual({ ok: false, error: expect.objectContaining({ message: 'stranger@else.test is not on the team. Ask the owner to add you on the Users tab.' }) });
  });
});

describe('api_moveDeal', () => {
  it('moves a card, bumps the version and writes an audit row', () => {
    const { ws, addon } = demoWorkspace(80, 'anna@studio.test');
    const card = firstCard(addon.api_getBoard(), 'new', 'anna@studio.test');
    const result = addon.api_moveDeal(card.id, 'negotiation', 0, card.version);
    expect(result.ok).toBe(true);
    expect(result.card.stage).toBe('negotiation');
    const row = records(ws, 'Deals').find((d) => d.ID === card.id)!;
    expect(row.Stage).toBe('Negotiation');
    expect(row.Version).toBe(card.version + 1);
    expect(row['Updated by']).toBe('anna@studio.test');
    const audit = records(ws, 'Activities').pop()!;
    expect(audit).toMatchObject({ 'Deal ID': card.id, User: 'anna@studio.test', Kind: 'audit', Summary: 'Stage New → Negotiation' });
    const board = addon.api_getBoard();
    const negotiation = board.columns.find((c: any) => c.key === 'negotiation');
    expect(negotiation.cards.findIndex((c: any) => c.id === card.id)).toBe(0);
  });

  it('refuses a stale write naming who changed the deal and when, and writes nothing', () => {
    const { ws, addon } = demoWorkspace(80, 'anna@studio.test');
    const card = firstCard(addon.api_getBoard(), 'new', 'anna@studio.test');
    ws.setUser('head@studio.test');
    ws.clock.advance(60000);
    const other = card.forecast === 'red' ? 'green' : 'red';
    expect(addon.api_updateDeal(card.id, { forecast: other }, card.version).forecast).toBe(other);
    ws.setUser('anna@studio.test');
    const before = JSON.stringify(ws.readSheet('Deals').values);
    const activities = records(ws, 'Activities').length;
    const reply = runFromClient(ws, addon, 'api_moveDeal', [card.id, 'negotiation', 0, card.version]);
    expect(reply.ok).toBe(false);
    // The time is the formatting module's, in the workbook's locale (en_US: "10:01 AM"; issue 21, item 8).
    expect(reply.error.message).toMatch(/^Henrik Head changed ".*" at 10:01\sAM; your change was not saved/);
    expect(JSON.stringify(ws.readSheet('Deals').values)).toBe(before);
    expect(records(ws, 'Activities').length).toBe(activities);
  });

  it('returns every reason of a forbidden move and changes nothing', () => {
    const { ws, addon } = demoWorkspace(80, 'boris@studio.test');
    const board = addon.api_getBoard({ scope: 'all' });
    const annas = firstCard(board, 'new', 'anna@studio.test');
    const before = JSON.stringify(ws.readSheet('Deals').values);
    const result = addon.api_moveDeal(annas.id, 'completed', 0, annas.version);
    expect(result.ok).toBe(false);
    expect(result.reasons).toEqual([
      "Only the deal's manager (anna@studio.test), a head or the owner may move it.",
      'A deal cannot go from New to Completed.',
    ]);
    expect(JSON.stringify(ws.readSheet('Deals').values)).toBe(before);
  });

  it('validates its input', () => {
    const { ws, addon } = demoWorkspace();
    expect(runFromClient(ws, addon, 'api_moveDeal', ['D-none', 'negotiation', 0, 1]).error.message).toContain('There is no deal with id D-none');
    expect(runFromClient(ws, addon, 'api_moveDeal', ['D-x', 'won', 0, 1]).error.message).toBe('"won" is not a stage.');
    expect(runFromClient(ws, addon, 'api_moveDeal', ['D-x', 'new', -1, 1]).error.message).toContain('position');
    expect(runFromClient(ws, addon, 'api_moveDeal', ['D-x', 'new', 0, 'v1']).error.message).toContain('version');
  });
});

describe('api_updateDeal and api_logActivity', () => {
  it('a next contact moved within the same day is audited with both times (issue 21, item 12)', () => {
    const { ws, addon } = demoWorkspace(80, 'anna@studio.test');
    const card = firstCard(addon.api_getBoard(), 'new', 'anna@studio.test');
    const first = addon.api_updateDeal(card.id, { nextContactAt: '2026-12-08T08:00:00.000Z' }, card.version);
    addon.api_updateDeal(card.id, { nextContactAt: '2026-12-08T13:00:00.000Z' }, first.version);
    expect(String(records(ws, 'Activities').pop()!.Summary)).toBe('Next contact: 2026-12-08 09:00 → 2026-12-08 14:00');
  });

  it('ticks a step, sets the forecast and logs a call with the next contact', () => {
    const { ws, addon } = demoWorkspace(80, 'anna@studio.test');
    const card = firstCard(addon.api_getBoard(), 'new', 'anna@studio.test');
    const updated = addon.api_updateDeal(card.id, { estimateSent: !card.steps.estimateSent, forecast: 'red' }, card.version);
    expect(updated.steps.estimateSent).toBe(!card.steps.estimateSent);
    expect(updated.forecast).toBe('red');
    const step = `Estimate sent: ${card.steps.estimateSent ? 'unticked' : 'ticked'}`;
    const forecast = card.forecast === 'red' ? '' : `; Forecast: ${card.forecast || '—'} → red`;
    expect(records(ws, 'Activities').pop()!.Summary).toBe(step + forecast);
    addon.api_logActivity({ dealId: card.id, kind: 'call', summary: 'Discussed the proposal', withWhom: 'Lena', agreed: 'Meet on Friday', nextStep: 'Send contract', nextContactAt: '2026-11-27T10:00:00.000Z' });
    const details = addon.api_getDeal(card.id);
    expect(details.card.nextContactAt).toBe('2026-11-27T10:00:00.000Z');
    expect(details.history[0]).toMatchObject({ kind: 'call', summary: 'Discussed the proposal', withWhom: 'Lena', agreed: 'Meet on Friday', nextStep: 'Send contract' });
    expect(details.allowedMoves).toEqual(['negotiation', 'in_work', 'frozen', 'failed']);
  });

  it('refuses unknown fields and bad values without writing', () => {
    const { ws, addon } = demoWorkspace(80, 'anna@studio.test');
    const card = firstCard(addon.api_getBoard(), 'new', 'anna@studio.test');
    const before = JSON.stringify(ws.readSheet('Deals').values);
    expect(runFromClient(ws, addon, 'api_updateDeal', [card.id, { stage: 'failed' }, card.version]).error.message).toBe('"stage" cannot be changed from the board.');
    expect(runFromClient(ws, addon, 'api_updateDeal', [card.id, { budget: -5 }, card.version]).error.message).toBe('The budget must be a number of 0 or more.');
    expect(runFromClient(ws, addon, 'api_updateDeal', [card.id, { expectedClose: '2026-02-30' }, card.version]).error.message).toContain('not a real date');
    expect(runFromClient(ws, addon, 'api_updateDeal', [card.id, { manager: 'boris@studio.test' }, card.version]).error.message).toBe('Only a head or the owner may hand a deal to another manager.');
    expect(JSON.stringify(ws.readSheet('Deals').values)).toBe(before);
  });

  it('keeps text that looks like a formula as text', () => {
    const { ws, addon } = demoWorkspace(80, 'anna@studio.test');
    const card = firstCard(addon.api_getBoard(), 'new', 'anna@studio.test');
    addon.api_updateDeal(card.id, { title: '=IMPORTRANGE("x")' }, card.version);
    const row = records(ws, 'Deals').find((d) => d.ID === card.id)!;
    expect(row.Title).toBe('=IMPORTRANGE("x")');
    // The snapshot carries no formulas: read them as a script would (this check could not fail before).
    const formulas = ws.execute(() => ws.globals.SpreadsheetApp.getActive().getSheetByName('Deals').getDataRange().getFormulas());
    expect(JSON.stringify(formulas)).not.toContain('IMPORTRANGE');
  });
});

describe('leads', () => {
  it('converts a lead into a client and a deal in New, matching an existing client by phone', () => {
    const { ws, addon } = demoWorkspace(80, 'anna@studio.test');
    const client = records(ws, 'Clients')[1];
    const leadId = addon.api_addLead({ name: 'Returning person', phone: String(client.Phone).replace(/\s/g, ''), message: 'Second site please' }).leadId;
    const clientsBefore = records(ws, 'Clients').length;
    const result = addon.api_convertLead(leadId);
    expect(result).toEqual({ dealId: expect.any(String), clientId: client.ID, clientCreated: false });
    expect(records(ws, 'Clients').length).toBe(clientsBefore);
    const board = addon.api_getBoard();
    expect(board.columns[0].cards[0].id).toBe(result.dealId);
    expect(board.inbox.find((l: any) => l.id === leadId)).toBeUndefined();
    expect(records(ws, 'Leads').find((l) => l.ID === leadId)).toMatchObject({ Status: 'converted', 'Deal ID': result.dealId });
    // A converted request gets its call back: the next working day (Tuesday) at 10:00 in Berlin.
    expect((records(ws, 'Deals').find((d) => d.ID === result.dealId)!['Next contact'] as Date).toISOString()).toBe('2026-11-24T09:00:00.000Z');
    expect(runFromClient(ws, addon, 'api_convertLead', [leadId]).error.message).toContain('already handled');
  });

  it('quick-adds a request straight onto the board and closes junk', () => {
    const { ws, addon } = demoWorkspace(80, 'boris@studio.test');
    const added = addon.api_addLead({ name: 'Mia Roth', phone: '+49 170 1234567', budget: 2500, createDeal: true, title: 'Landing page for Mia' });
    const card = addon.api_getBoard().columns[0].cards[0];
    expect(card).toMatchObject({ id: added.dealId, title: 'Landing page for Mia', budget: 2500, manager: 'boris@studio.test' });
    // The deal made at once gets a call back, as a converted request does: by default the next
    // working day (Tuesday) at 10:00 in Berlin; a chosen time is kept; null means none.
    const nextOf = (id: string) => records(ws, 'Deals').find((d) => d.ID === id)!['Next contact'];
    expect((nextOf(added.dealId) as Date).toISOString()).toBe('2026-11-24T09:00:00.000Z');
    const chosen = addon.api_addLead({ name: 'Ole Berg', createDeal: true, nextContactAt: '2026-11-27T13:30:00.000Z' });
    expect((nextOf(chosen.dealId) as Date).toISOString()).toBe('2026-11-27T13:30:00.000Z');
    expect(nextOf(addon.api_addLead({ name: 'No Reminder', createDeal: true, nextContactAt: null }).dealId)).toBe('');
    expect(runFromClient(ws, addon, 'api_addLead', [{ name: 'Bad Year', createDeal: true, nextContactAt: '20266-11-27T13:30' }]).error.message).toContain('The call back');
    const inbox = addon.api_getBoard().inbox;
    expect(inbox.some((l: any) => l.name === 'Bad Year')).toBe(false);
    addon.api_junkLead(inbox[0].id);
    expect(addon.api_getBoard().inbox.length).toBe(inbox.length - 1);
    expect(runFromClient(ws, addon, 'api_addLead', [{ name: '' }]).error.message).toBe('The name cannot be empty.');
  });

  it('refuses executors', () => {
    const { ws, addon } = demoWorkspace(80, 'eva@studio.test');
    expect(runFromClient(ws, addon, 'api_addLead', [{ name: 'X' }]).error.message).toBe('Executors cannot take requests; ask a manager.');
  });
});

describe('hand edits in the sheet', () => {
  it('audits a stage typed by hand and lists a forbidden one as a problem', () => {
    const { ws, addon } = demoWorkspace(80, 'anna@studio.test');
    const deals = records(ws, 'Deals');
    const header = ws.readSheet('Deals').values[0] as string[];
    const stageCol = header.indexOf('Stage') + 1;
    const okRow = deals.findIndex((d) => d.Stage === 'New' && d.Manager === 'anna@studio.test') + 2;
    ws.editCell('Deals', okRow, stageCol, 'negotiation');
    expect(records(ws, 'Activities').pop()).toMatchObject({ Summary: 'Stage New → Negotiation (typed in the sheet)', User: 'anna@studio.test' });
    expect(records(ws, 'Deals')[okRow - 2].Version).toBe(2);

    const badRow = deals.findIndex((d, i) => d.Stage === 'New' && d.Manager === 'anna@studio.test' && i + 2 !== okRow) + 2;
    ws.editCell('Deals', badRow, stageCol, 'completed');
    const board = addon.api_getBoard();
    expect(board.problems[0]).toMatchObject({ tab: 'Deals', row: badRow, column: 'Stage', value: 'completed' });
    expect(board.problems[0].why).toContain('A deal cannot go from New to Completed.');
    expect(records(ws, 'Deals')[badRow - 2].Stage).toBe('completed');
  });

  it('reports a bad cell and leaves it untouched; reads reordered columns', () => {
    const { ws, addon } = demoWorkspace(80, 'owner@studio.test');
    const values = ws.readSheet('Deals').values as unknown[][];
    const header = values[0] as string[];
    const budgetCol = header.indexOf('Budget');
    ws.editCell('Deals', 3, budgetCol + 1, 'about two grand');
    // Swap Title and Stage columns by hand.
    const t = header.indexOf('Title');
    const s = header.indexOf('Stage');
    const swapped = (ws.readSheet('Deals').values as unknown[][]).map((row) => {
      const copy = row.slice();
      [copy[t], copy[s]] = [copy[s], copy[t]];
      return copy;
    });
    ws.writeRows('Deals', 1, swapped);
    const board = addon.api_getBoard({ scope: 'all' });
    expect(board.problems).toContainEqual({ tab: 'Deals', row: 3, column: 'Budget', value: 'about two grand', why: 'not a number' });
    const id = values[1][header.indexOf('ID')];
    const card = board.columns.flatMap((c: any) => c.cards).find((c: any) => c.id === id);
    expect(card.title).toBe(values[1][t]);
    expect(ws.readSheet('Deals').values[2][budgetCol]).toBe('about two grand');
  });
});
