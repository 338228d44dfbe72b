// A create the sidebar may send again is done once (issue 20, item 12): the execution is killed
// before each of its writes in turn (tests/integration/kills.ts), then the person clicks again
// and the same request id is sent: one lead, one client, one deal, one quote revision.
import { demoWorkspace, records, runFromClient, Workspace, Addon } from './harness';
import { killPoints, withKillAt, writeCalls } from './kills';

function ok(ws: Workspace, addon: Addon, fn: string, ...args: unknown[]) {
  const reply = runFromClient(ws, addon, fn, args);
  if (!reply.ok) throw new Error(`${fn}: ${reply.error.message}`);
  return reply.value;
}

const USER = 'anna@studio.test';

/** Kills `send` before each of its writes in a fresh copy of the demo studio, then sends it again. */
function everyKill(prepare: (ws: Workspace, addon: Addon) => unknown[], fn: string, check: (ws: Workspace, args: unknown[], where: string) => void) {
  const probe = demoWorkspace(80, USER);
  const probeArgs = prepare(probe.ws, probe.addon);
  const points = killPoints(writeCalls(probe.ws, () => runFromClient(probe.ws, probe.addon, fn, probeArgs)));
  expect(points.length).toBeGreaterThan(2);
  for (const k of points) {
    const { ws, addon } = demoWorkspace(80, USER);
    const args = prepare(ws, addon);
    withKillAt(ws, k, () => runFromClient(ws, addon, fn, args));
    ok(ws, addon, fn, ...args); // the person clicks again: the same request id
    check(ws, args, `${fn} killed at call ${k}`);
  }
}

const count = (ws: Workspace, tab: string, where: (r: Record<string, unknown>) => boolean) => records(ws, tab).filter(where).length;

describe('a create killed at any write and sent again with the same request id', () => {
  test('quick add (a request and its deal): one lead, one client, one deal', () => {
    everyKill(() => [{ name: 'Retry Ruth', phone: '+49 30 5556667', email: 'ruth@retry.test', title: 'Retry site', budget: 1200, createDeal: true }, 'req-quick-add-1'], 'api_addLead', (ws, _args, where) => {
      expect([where, count(ws, 'Leads', (l) => l.Name === 'Retry Ruth')]).toEqual([where, 1]);
      expect([where, count(ws, 'Clients', (c) => c.Email === 'ruth@retry.test')]).toEqual([where, 1]);
      expect([where, count(ws, 'Deals', (d) => d.Title === 'Retry site')]).toEqual([where, 1]);
    });
  });

  test('a request into the inbox (no deal): one lead', () => {
    everyKill(() => [{ name: 'Inbox Ivo', phone: '+49 30 5556668' }, 'req-inbox-0001'], 'api_addLead', (ws, _args, where) => {
      expect([where, count(ws, 'Leads', (l) => l.Name === 'Inbox Ivo')]).toEqual([where, 1]);
    });
  });

  test('converting a request: one client, one deal', () => {
    everyKill((ws, addon) => {
      const { leadId } = ok(ws, addon, 'api_addLead', { name: 'Convert Carla', message: 'no phone, no mail' });
      return [leadId, null, 'req-convert-001'];
    }, 'api_convertLead', (ws, args, where) => {
      const lead = records(ws, 'Leads').filter((l) => l.ID === args[0])[0];
      expect([where, lead.Status]).toEqual([where, 'converted']);
      expect([where, count(ws, 'Deals', (d) => d['Client name'] === 'Convert Carla' || String(d.Title).indexOf('Convert Carla') === 0)]).toEqual([where, 1]);
      expect([where, count(ws, 'Clients', (c) => c.Name === 'Convert Carla')]).toEqual([where, 1]);
    });
  });

  test('saving a quote: one revision, and the deal shows it', () => {
    let before = 0;
    everyKill((ws, addon) => {
      const card = addon.api_getBoard({ scope: 'mine' }).columns.find((c: any) => c.key === 'negotiation').cards[0];
      before = ok(ws, addon, 'api_getQuote', card.id).version;
      return [card.id, { lines: [{ description: 'Retry work', unit: 'hour', quantity: 3, unitPriceMinor: 10000 }] }, card.version, 'req-quote-00001'];
    }, 'api_saveQuote', (ws, args, where) => {
      const lines = records(ws, 'Quote lines').filter((l) => l['Deal ID'] === args[0]);
      const versions = [...new Set(lines.map((l) => l['Quote version']))];
      expect([where, Math.max(...(versions as number[]))]).toEqual([where, before + 1]);
      expect([where, lines.filter((l) => l['Quote version'] === before + 1).length]).toEqual([where, 1]);
      const deal = records(ws, 'Deals').filter((d) => d.ID === args[0])[0];
      expect([where, deal['Quote version']]).toEqual([where, before + 1]);
    });
  });
});
