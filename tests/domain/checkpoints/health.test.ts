import fc from 'fast-check';
import { classifyHealth, describeOpenGates, parseOpenGates, severity, daysBetween, CheckpointFacts } from '../../../src/domain/checkpoints/health';
import { addDays } from '../../../src/domain/kernel/timezone';
import { STAGE_KEYS } from '../../../src/domain/deals/stages';
import { canCompleteCheckpoint } from '../../../src/domain/checkpoints/checkpointAccess';
import { delayReport } from '../../../src/domain/checkpoints/delays';
import { DEFAULT_PLAN, planCheckpoints } from '../../../src/domain/checkpoints/plans';

const TODAY = '2026-11-23';
const cp = (due: string | null, done = false, gatesStage: CheckpointFacts['gatesStage'] = ''): CheckpointFacts => ({ name: 'x', due, done, gatesStage });

describe('classifyHealth', () => {
  it('is red when an open checkpoint is past due, amber when due soon, green otherwise', () => {
    expect(classifyHealth({ stage: 'in_work', deadline: null, checkpoints: [cp('2026-11-22')] }, TODAY, 3)).toBe('red');
    expect(classifyHealth({ stage: 'in_work', deadline: null, checkpoints: [cp('2026-11-23')] }, TODAY, 3)).toBe('amber');
    expect(classifyHealth({ stage: 'in_work', deadline: null, checkpoints: [cp('2026-11-26')] }, TODAY, 3)).toBe('amber');
    expect(classifyHealth({ stage: 'in_work', deadline: null, checkpoints: [cp('2026-11-27')] }, TODAY, 3)).toBe('green');
    expect(classifyHealth({ stage: 'in_work', deadline: null, checkpoints: [cp('2026-11-01', true)] }, TODAY, 3)).toBe('green');
  });

  it('is red when the deal\'s own deadline passed with work open, or it sits in a gated stage', () => {
    expect(classifyHealth({ stage: 'in_work', deadline: '2026-11-20', checkpoints: [cp('2026-12-20')] }, TODAY, 3)).toBe('red');
    expect(classifyHealth({ stage: 'completed', deadline: '2026-11-20', checkpoints: [cp('2026-11-10', true)] }, TODAY, 3)).toBe('green');
    expect(classifyHealth({ stage: 'completed', deadline: null, checkpoints: [cp('2026-12-20', false, 'completed')] }, TODAY, 3)).toBe('red');
  });

  const checkpoint = fc.record({
    name: fc.constantFrom('Design', 'Payment'),
    due: fc.option(fc.integer({ min: -40, max: 40 }).map((d) => addDays(TODAY, d)), { nil: null }),
    done: fc.boolean(),
    gatesStage: fc.constantFrom('', 'completed' as const),
  });
  const deal = fc.record({
    stage: fc.constantFrom(...STAGE_KEYS),
    deadline: fc.option(fc.integer({ min: -40, max: 40 }).map((d) => addDays(TODAY, d)), { nil: null }),
    checkpoints: fc.array(checkpoint, { maxLength: 6 }),
  });

  it('never gets redder when a checkpoint is completed', () => {
    fc.assert(fc.property(deal, fc.nat(5), fc.integer({ min: 0, max: 10 }), (d, pickIndex, amber) => {
      if (d.checkpoints.length === 0) return;
      const i = pickIndex % d.checkpoints.length;
      const after = { ...d, checkpoints: d.checkpoints.map((c, k) => (k === i ? { ...c, done: true } : c)) };
      expect(severity(classifyHealth(after, TODAY, amber))).toBeLessThanOrEqual(severity(classifyHealth(d, TODAY, amber)));
    }));
  });

  it('is white for a deal with no checkpoints whatever the dates', () => {
    fc.assert(fc.property(deal, fc.integer({ min: -400, max: 400 }), (d, shift) => {
      expect(classifyHealth({ ...d, checkpoints: [] }, addDays(TODAY, shift), 3)).toBe('white');
    }));
  });

  it('only gets redder as time passes', () => {
    fc.assert(fc.property(deal, fc.integer({ min: 0, max: 60 }), (d, days) => {
      if (d.stage === 'failed') return;
      const now = classifyHealth(d, TODAY, 3);
      const later = classifyHealth(d, addDays(TODAY, days), 3);
      if (now === 'red') expect(later).toBe('red');
    }));
  });
});

describe('open gates on the deal row', () => {
  it('round-trips', () => {
    const text = describeOpenGates([cp(null, false, 'completed'), { ...cp(null, false, 'completed'), name: 'Payment received' }, cp(null, true, 'in_work')]);
    expect(text).toBe('completed: x, Payment received');
    expect(parseOpenGates(text)).toEqual([{ stage: 'completed', names: ['x', 'Payment received'] }]);
    expect(parseOpenGates('')).toEqual([]);
  });
});

describe('checkpoint access', () => {
  const eva = { email: 'eva@studio.test', name: 'Eva', role: 'executor' as const };
  const boris = { email: 'boris@studio.test', name: 'Boris', role: 'manager' as const };
  const anna = { email: 'anna@studio.test', name: 'Anna', role: 'manager' as const };
  const head = { email: 'head@studio.test', name: 'Head', role: 'head' as const };
  it('lets the responsible person, allowed roles and users, heads and owners complete', () => {
    expect(canCompleteCheckpoint(eva, { responsible: 'eva@studio.test', allowed: '' }, 'anna@studio.test')).toBe(true);
    expect(canCompleteCheckpoint(eva, { responsible: 'executor', allowed: '' }, 'anna@studio.test')).toBe(true);
    expect(canCompleteCheckpoint(boris, { responsible: 'eva@studio.test', allowed: '' }, 'anna@studio.test')).toBe(false);
    expect(canCompleteCheckpoint(boris, { responsible: 'eva@studio.test', allowed: 'boris@studio.test' }, 'anna@studio.test')).toBe(true);
    expect(canCompleteCheckpoint(anna, { responsible: 'manager', allowed: '' }, 'anna@studio.test')).toBe(true);
    expect(canCompleteCheckpoint(boris, { responsible: 'manager', allowed: '' }, 'anna@studio.test')).toBe(false);
    expect(canCompleteCheckpoint(head, { responsible: 'eva@studio.test', allowed: '' }, 'anna@studio.test')).toBe(true);
  });
});

describe('plans and delays', () => {
  it('plans the default steps from a start day, the deal manager standing for "manager"', () => {
    const planned = planCheckpoints(DEFAULT_PLAN.map((s, i) => ({ ...s, order: i + 1 })), TODAY, 'anna@studio.test', ['Design done']);
    expect(planned.map((p) => p.name)).toEqual(['Prototype done', 'Testing done', 'Works completed', 'Payment received']);
    expect(planned[0].due).toBe('2026-12-13');
    expect(planned[3]).toMatchObject({ responsible: 'anna@studio.test', gatesStage: 'completed', due: '2027-01-02' });
  });

  it('reports done, average and worst delay, open and late per checkpoint and person', () => {
    const rows = delayReport([
      { name: 'Design', responsible: 'eva', due: '2026-11-01', doneAt: '2026-11-04' },
      { name: 'Design', responsible: 'eva', due: '2026-11-10', doneAt: '2026-11-09' },
      { name: 'Design', responsible: 'max', due: '2026-11-20', doneAt: null },
    ], TODAY);
    expect(rows[0]).toEqual({ group: 'checkpoint', key: 'Design', done: 2, averageDelayDays: 1, worstDelayDays: 3, open: 1, lateNow: 1 });
    expect(rows.find((r) => r.key === 'max')).toMatchObject({ open: 1, lateNow: 1, done: 0 });
    expect(daysBetween('2026-11-23', '2026-11-20')).toBe(-3);
  });
});
