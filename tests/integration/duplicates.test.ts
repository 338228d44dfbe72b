// Issue 21, item 14 through the bundle: duplicates ranked by evidence; "Not duplicates" for good.
import { demoWorkspace, runFromClient } from './harness';

/* eslint-disable @typescript-eslint/no-explicit-any */
describe('possible duplicates on the demo studio', () => {
  it('lists shared phones and e-mails first, and a dismissed group stays away for everyone', () => {
    const { ws, addon } = demoWorkspace(80, 'owner@studio.test');
    const call = (fn: string, ...args: unknown[]) => {
      const reply = runFromClient(ws, addon, fn, args);
      if (!reply.ok) throw new Error(reply.error.message);
      return reply.value as any;
    };
    const before = call('api_listDuplicates');
    expect(before.total).toBeGreaterThan(0);
    const evidence = before.groups.map((g: any) => g.evidence);
    expect(evidence.slice().sort()).toEqual(evidence); // 'contact' < 'name': contact evidence first
    const target = before.groups[before.groups.length - 1];
    const ids = target.clients.map((c: any) => c.id);
    expect(call('api_dismissDuplicates', ids).dismissed).toBeGreaterThan(0);
    const after = call('api_listDuplicates');
    expect(after.total).toBe(before.total - 1);
    expect(after.groups.some((g: any) => ids.every((id: string) => g.clients.some((c: any) => c.id === id)))).toBe(false);
    ws.setUser('eva@studio.test');
    expect(() => call('api_dismissDuplicates', ids)).toThrow('Executors do not sort out duplicates.');
  });
});
