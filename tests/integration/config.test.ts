// Settings and the team: one snapshot in the cache, kept in document properties for when the
// cache has forgotten it, read from the tabs only when both miss.
import { demoWorkspace, measure } from './harness';

const KEY = 'dealboard:config:v1';
const HOUR = 3600000;

describe('config snapshot', () => {
  it('is kept in document properties, and serves when the cache has expired', () => {
    const { ws, addon } = demoWorkspace(80, 'anna@studio.test');
    const kept = JSON.parse(ws.properties('document')[KEY]);
    expect(kept.team.map((m: { email: string }) => m.email)).toContain('anna@studio.test');
    ws.clock.advance(7 * HOUR);
    const board = measure(ws, () => addon.api_getBoard());
    expect(board.calls.byCategory.spreadsheetRead).toBe(2);
    expect(board.result.me).toEqual({ email: 'anna@studio.test', name: 'Anna Novak', role: 'manager' });
  });

  it('is rebuilt from the tabs when the kept copy is damaged', () => {
    const { ws, addon } = demoWorkspace(80, 'anna@studio.test');
    ws.clock.advance(7 * HOUR);
    ws.execute(() => (ws.globals.PropertiesService as GoogleAppsScript.Properties.PropertiesService).getDocumentProperties().setProperty(KEY, '{"not":'));
    const board = measure(ws, () => addon.api_getBoard());
    expect(board.calls.byCategory.spreadsheetRead).toBe(4);
    expect(board.result.me.name).toBe('Anna Novak');
  });

  it('is not kept when the team is too large for one property, so no stale copy is left', () => {
    const { ws, addon } = demoWorkspace(80, 'owner@studio.test');
    const header = ws.readSheet('Users').values[0] as string[];
    const many = Array.from({ length: 200 }, (_, i) => header.map((h) => ({
      ID: `U-many${i}`, Email: `person${i}@studio.test`, Name: `Person number ${i} of the big studio`, Role: 'manager', 'Monthly plan': 1000, Active: true,
    } as Record<string, unknown>)[h] ?? ''));
    ws.appendRows('Users', many);
    ws.clock.advance(HOUR);
    ws.runTimeTriggers(); // the hourly refresh
    expect(ws.properties('document')[KEY]).toBeUndefined();
    ws.setUser('person150@studio.test');
    expect(addon.api_getBoard().me).toEqual({ email: 'person150@studio.test', name: 'Person number 150 of the big studio', role: 'manager' });
  });
});
