// Issue 21, item 18: the demo studio reads right at any hour, and plan steps go to people.
import fc from 'fast-check';
import { generateDemo } from '../../../src/demo/generator';
import { planCheckpoints, DEFAULT_PLAN } from '../../../src/domain/checkpoints/plans';
import { createWorkspace } from '../../../scripts/emulator/index';
import { seedDemoCalendar } from '../../../scripts/playground/calendar';

describe('demo data', () => {
  it('no request was received later than now, whatever the hour (01:13 was "Today 1:15 PM")', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 24 * 60 - 1 }), (minute) => {
      const now = new Date(Date.UTC(2026, 11, 7) + minute * 60000);
      const demo = generateDemo({ now, deals: 40 });
      for (const lead of demo.leads) expect((lead.receivedAt as Date).getTime()).toBeLessThanOrEqual(now.getTime());
    }), { numRuns: 25 });
  });

  it('a plan step for "executor" goes to the team\'s executor (or the manager), never to the word', () => {
    const steps = DEFAULT_PLAN.map((s, i) => ({ ...s, order: i + 1 }));
    const team = [{ email: 'eva@studio.test', role: 'executor', active: true }, { email: 'anna@studio.test', role: 'manager', active: true }];
    const one = planCheckpoints(steps, '2026-12-07', 'anna@studio.test', [], team);
    expect(one.map((c) => c.responsible)).toEqual(['eva@studio.test', 'eva@studio.test', 'eva@studio.test', 'eva@studio.test', 'anna@studio.test']);
    const none = planCheckpoints(steps, '2026-12-07', 'anna@studio.test', [], []);
    expect(none.every((c) => c.responsible === 'anna@studio.test')).toBe(true);
  });
});

describe('playground demo calendar', () => {
  it('the Hamburg trip\'s clients have City Hamburg (some were overwritten with Berlin)', () => {
    const ws = createWorkspace();
    const header = ['ID', 'Title', 'Stage', 'Manager', 'City', 'Address'];
    ws.appendRows('Deals', [header].concat(Array.from({ length: 12 }, (_x, i) => [`D-${i}`, `Deal ${i}`, 'New', 'anna@studio.test', '', ''])));
    ws.appendRows('Trips', [['ID', 'Manager', 'City', 'From', 'To', 'Note']]);
    seedDemoCalendar(ws, 'Europe/Berlin');
    const rows = (ws.readSheet('Deals').values as unknown[][]).slice(1).filter((r) => r[0] !== '');
    const hamburg = rows.filter((r) => String(r[5]).endsWith('Hamburg'));
    expect(hamburg).toHaveLength(5);
    expect(hamburg.map((r) => r[4])).toEqual(['Hamburg', 'Hamburg', 'Hamburg', 'Hamburg', 'Hamburg']);
  });
});
