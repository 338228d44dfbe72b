// One definition of "red" and "stuck" (decided 2026-12-07, docs/decisions.md): the shared rule on
// hand-picked deals, then both paths that list them — the dashboard's overdue work and the morning
// digest — checked to name exactly the same deals for any data (fast-check).
import fc from 'fast-check';
import { isLateCheckpoint, isLiveDeal, isRedDeal, isStuckDeal, stuckFor } from '../../../src/domain/deals/attention';
import { KpiDeal, overdueWork } from '../../../src/domain/reports/kpi';
import { DigestDeal, DigestInput, planDigests } from '../../../src/domain/mail/digest';
import { STAGE_KEYS, StageKey } from '../../../src/domain/deals/stages';
import { addDays } from '../../../src/domain/kernel/timezone';

const TODAY = '2026-12-07';

describe('the shared definition', () => {
  it('live: New, Negotiation, Transferred to work and Frozen; never Failed or Completed', () => {
    expect(STAGE_KEYS.filter((stage) => isLiveDeal({ stage }))).toEqual(['new', 'negotiation', 'in_work', 'frozen']);
  });
  it('red: a live deal with a red light — a frozen one too; a closed one never', () => {
    expect(isRedDeal({ stage: 'frozen', health: 'red' })).toBe(true);
    expect(isRedDeal({ stage: 'in_work', health: 'red' })).toBe(true);
    expect(isRedDeal({ stage: 'in_work', health: 'amber' })).toBe(false);
    expect(isRedDeal({ stage: 'completed', health: 'red' })).toBe(false);
    expect(isRedDeal({ stage: 'failed', health: 'red' })).toBe(false);
  });
  it('stuck: strictly longer than stuck_days in a live stage (Frozen included); 0 turns it off', () => {
    const since = (days: number) => addDays(TODAY, -days);
    expect(stuckFor({ stage: 'frozen', stageSinceDay: since(15) }, TODAY, 14)).toBe(15);
    expect(stuckFor({ stage: 'negotiation', stageSinceDay: since(14) }, TODAY, 14)).toBeNull();
    expect(stuckFor({ stage: 'completed', stageSinceDay: since(100) }, TODAY, 14)).toBeNull();
    expect(stuckFor({ stage: 'new', stageSinceDay: null }, TODAY, 14)).toBeNull();
    expect(isStuckDeal({ stage: 'new', stageSinceDay: since(100) }, TODAY, 0)).toBe(false);
  });
});

describe('the dashboard and the digest list the same red and stuck deals', () => {
  const managers = ['anna@s.test', 'boris@s.test'];
  const dealArb = fc.record({
    stage: fc.constantFrom(...STAGE_KEYS),
    health: fc.constantFrom('red', 'amber', 'green', 'white'),
    manager: fc.constantFrom(...managers),
    inStageDays: fc.option(fc.integer({ min: 0, max: 60 }), { nil: null }),
  });
  const both = (raw: { stage: StageKey; health: string; manager: string; inStageDays: number | null }[], stuckDays: number) => {
    const sinceOf = (days: number | null) => (days === null ? null : addDays(TODAY, -days));
    const kpi: KpiDeal[] = raw.map((d, i) => ({
      id: `D${i}`, stage: d.stage, manager: d.manager, source: '', value: 0, forecast: '', health: d.health,
      createdDay: null, stageSinceDay: sinceOf(d.inStageDays), expectedCloseDay: null, nextContactAt: null,
    }));
    const digestDeals: DigestDeal[] = raw.map((d, i) => ({
      // The title is the id, so a digest line names its deal.
      id: `D${i}`, title: `D${i}`, clientName: '', stage: d.stage, stageName: d.stage, manager: d.manager, health: d.health,
      nextContactDay: '', stageSinceDay: sinceOf(d.inStageDays) || '', row: i + 2,
    }));
    const input: DigestInput = {
      today: TODAY, tomorrow: addDays(TODAY, 1), stuckDays,
      people: [{ email: 'olga@s.test', name: 'Olga', supervisor: true }].concat(managers.map((email) => ({ email, name: email, supervisor: false }))),
      deals: digestDeals, checkpoints: [], newLeads: [], link: (tab, row) => `${tab}:${row}`,
    };
    return { dashboard: overdueWork(kpi, [], TODAY, 0, stuckDays), digests: planDigests(input) };
  };
  const listed = (digests: ReturnType<typeof planDigests>, email: string, title: string) => {
    const d = digests.filter((x) => x.email === email)[0];
    const s = d ? d.sections.filter((x) => x.title.indexOf(title) === 0)[0] : undefined;
    return s ? s.items.map((i) => i.text.split(' ')[0]) : [];
  };

  it('red: the owner\'s digest lists exactly the dashboard\'s red deals; stuck: the managers\' digests together list exactly its stuck deals', () => {
    fc.assert(fc.property(fc.array(dealArb, { maxLength: 15 }), fc.integer({ min: 0, max: 30 }), (raw, stuckDays) => {
      const { dashboard, digests } = both(raw, stuckDays);
      expect(listed(digests, 'olga@s.test', 'Red deals').sort()).toEqual(dashboard.red.deals.slice().sort());
      const stuck = managers.flatMap((m) => listed(digests, m, 'Stuck longer than'));
      expect(stuck.sort()).toEqual(dashboard.stuck.deals.slice().sort());
    }), { numRuns: 300 });
  });

  it('a frozen red deal 30 days in its stage is red and stuck on both paths (the digest used to leave it out)', () => {
    const { dashboard, digests } = both([{ stage: 'frozen', health: 'red', manager: 'anna@s.test', inStageDays: 30 }], 14);
    expect(dashboard.red.deals).toEqual(['D0']);
    expect(dashboard.stuck.deals).toEqual(['D0']);
    expect(listed(digests, 'olga@s.test', 'Red deals')).toEqual(['D0']);
    expect(listed(digests, 'anna@s.test', 'Red deals')).toEqual(['D0']);
    expect(listed(digests, 'anna@s.test', 'Stuck longer than')).toEqual(['D0']);
  });
});

describe('late checkpoints: one rule for the dashboard and the digest', () => {
  it('late: open, due before today, of a live deal (Frozen too); a closed or archived deal\'s leftovers never', () => {
    const open = { done: false, due: addDays(TODAY, -1) };
    expect(isLateCheckpoint(open, { stage: 'in_work' }, TODAY)).toBe(true);
    expect(isLateCheckpoint(open, { stage: 'frozen' }, TODAY)).toBe(true);
    expect(isLateCheckpoint(open, { stage: 'completed' }, TODAY)).toBe(false);
    expect(isLateCheckpoint(open, { stage: 'failed' }, TODAY)).toBe(false);
    expect(isLateCheckpoint(open, undefined, TODAY)).toBe(false);
    expect(isLateCheckpoint({ done: true, due: addDays(TODAY, -1) }, { stage: 'in_work' }, TODAY)).toBe(false);
    expect(isLateCheckpoint({ done: false, due: TODAY }, { stage: 'in_work' }, TODAY)).toBe(false);
    expect(isLateCheckpoint({ done: false, due: null }, { stage: 'in_work' }, TODAY)).toBe(false);
  });

  const people = ['anna@s.test', 'boris@s.test', 'eva@s.test'];
  const deals = (stages: StageKey[]) => stages.map((stage, i) => ({ id: `D${i}`, stage, manager: people[i % 2] }));
  type RawCheckpoint = { deal: number; responsible: string; dueDays: number; done: boolean };
  const both = (stages: StageKey[], raw: RawCheckpoint[]) => {
    const ds = deals(stages);
    // deal index past the deals: an archived deal (its checkpoints stay, its row is gone).
    const dealIdOf = (i: number) => (i < ds.length ? `D${i}` : `GONE${i}`);
    const kpi: KpiDeal[] = ds.map((d) => ({
      id: d.id, stage: d.stage, manager: d.manager, source: '', value: 0, forecast: '', health: 'green',
      createdDay: null, stageSinceDay: null, expectedCloseDay: null, nextContactAt: null,
    }));
    const checkpoints = raw.map((c, i) => ({ id: `K${i}`, dealId: dealIdOf(c.deal), name: `K${i}`, responsible: c.responsible, due: addDays(TODAY, c.dueDays), done: c.done }));
    const input: DigestInput = {
      today: TODAY, tomorrow: addDays(TODAY, 1), stuckDays: 0,
      people: people.map((email) => ({ email, name: email, supervisor: false })),
      deals: ds.map((d, i) => ({ id: d.id, title: d.id, clientName: '', stage: d.stage, stageName: d.stage, manager: d.manager, health: 'green', nextContactDay: '', stageSinceDay: '', row: i + 2 })),
      checkpoints: checkpoints.map((c, i) => ({ id: c.id, dealId: c.dealId, name: c.name, dueDay: c.due, done: c.done, responsible: c.responsible, row: i + 2 })),
      newLeads: [], link: (tab, row) => `${tab}:${row}`,
    };
    const digests = planDigests(input);
    const inDigest = (email: string, title: string) => {
      const d = digests.filter((x) => x.email === email)[0];
      const s = d ? d.sections.filter((x) => x.title === title)[0] : undefined;
      return s ? s.items.map((i) => i.text.split(' ')[0]) : [];
    };
    return { checkpoints, dashboard: overdueWork(kpi, checkpoints, TODAY, 0, 0), inDigest };
  };

  it('a completed, a failed and an archived deal\'s late open checkpoints are in neither the dashboard nor the digest', () => {
    const { dashboard, inDigest } = both(['completed', 'failed', 'in_work'], [
      { deal: 0, responsible: 'eva@s.test', dueDays: -3, done: false },
      { deal: 1, responsible: 'eva@s.test', dueDays: -3, done: false },
      { deal: 5, responsible: 'eva@s.test', dueDays: -3, done: false },
      { deal: 2, responsible: 'eva@s.test', dueDays: -2, done: false },
      { deal: 0, responsible: 'eva@s.test', dueDays: 1, done: false },
    ]);
    expect(dashboard.checkpoints).toEqual([{ responsible: 'eva@s.test', late: { value: 1, deals: ['D2'] } }]);
    expect(inDigest('eva@s.test', 'Late checkpoints')).toEqual(['K3']);
    // Anna manages D0 (completed) and D2; Boris D1 (failed): only the live deal's checkpoint.
    expect(inDigest('anna@s.test', 'Late checkpoints')).toEqual(['K3']);
    expect(inDigest('boris@s.test', 'Late checkpoints')).toEqual([]);
    // Nor tomorrow's checkpoint of the completed deal: its work is delivered.
    expect(inDigest('eva@s.test', 'Checkpoints due tomorrow')).toEqual([]);
  });

  it('for any data, each person\'s digest lists exactly the late checkpoints the dashboard counts for them', () => {
    const checkpointArb = fc.record({
      deal: fc.integer({ min: 0, max: 7 }), responsible: fc.constantFrom(...people), dueDays: fc.integer({ min: -5, max: 3 }), done: fc.boolean(),
    });
    fc.assert(fc.property(fc.array(fc.constantFrom(...STAGE_KEYS), { maxLength: 6 }), fc.array(checkpointArb, { maxLength: 12 }), (stages, raw) => {
      const { checkpoints, dashboard, inDigest } = both(stages, raw);
      for (const email of people) {
        const listed = inDigest(email, 'Late checkpoints').filter((name) => checkpoints.filter((c) => c.name === name)[0].responsible === email);
        const counted = dashboard.checkpoints.filter((r) => r.responsible === email)[0];
        expect(listed.length).toBe(counted ? counted.late.value : 0);
        const dealsListed = listed.map((name) => checkpoints.filter((c) => c.name === name)[0].dealId);
        expect(Array.from(new Set(dealsListed)).sort()).toEqual(counted ? counted.late.deals.slice().sort() : []);
      }
    }), { numRuns: 300 });
  });
});
