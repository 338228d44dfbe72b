import { evaluateMove } from '../../../src/domain/deals/moves';
import { ALLOWED_TRANSITIONS, DEFAULT_STAGE_NAMES, STAGE_KEYS } from '../../../src/domain/deals/stages';
import { Actor } from '../../../src/domain/kernel/roles';

const anna: Actor = { email: 'anna@studio.test', name: 'Anna', role: 'manager' };
const boris: Actor = { email: 'boris@studio.test', name: 'Boris', role: 'manager' };
const head: Actor = { email: 'head@studio.test', name: 'Head', role: 'head' };
const eva: Actor = { email: 'eva@studio.test', name: 'Eva', role: 'executor' };
const deal = { stage: 'new' as const, manager: 'anna@studio.test', budget: 1000, amount: 0 };

describe('evaluateMove', () => {
  it('allows the deal manager to move along an allowed transition', () => {
    expect(evaluateMove(deal, 'negotiation', anna, DEFAULT_STAGE_NAMES)).toEqual([]);
  });

  it('refuses another manager and an executor, but not a head', () => {
    expect(evaluateMove(deal, 'negotiation', boris, DEFAULT_STAGE_NAMES).map((f) => f.code)).toEqual(['permission']);
    expect(evaluateMove(deal, 'negotiation', eva, DEFAULT_STAGE_NAMES).map((f) => f.code)).toEqual(['permission']);
    expect(evaluateMove(deal, 'negotiation', head, DEFAULT_STAGE_NAMES)).toEqual([]);
  });

  it('returns every failure, not just the first', () => {
    const failures = evaluateMove({ ...deal, stage: 'new', budget: 0 }, 'completed', boris, DEFAULT_STAGE_NAMES, [
      { checkpointName: 'Payment received', gatedStage: 'completed', done: false },
    ]);
    expect(failures.map((f) => f.code)).toEqual(['permission', 'transition', 'amount_required', 'gate']);
    expect(failures[1].message).toBe('A deal cannot go from New to Completed.');
    expect(failures[3].message).toContain('Payment received');
  });

  it('needs a budget or an amount to go to work', () => {
    expect(evaluateMove({ ...deal, budget: 0 }, 'in_work', anna, DEFAULT_STAGE_NAMES).map((f) => f.code)).toEqual(['amount_required']);
    expect(evaluateMove({ ...deal, budget: 0, amount: 500 }, 'in_work', anna, DEFAULT_STAGE_NAMES)).toEqual([]);
  });

  it('lets only a supervisor reopen a completed deal', () => {
    const done = { ...deal, stage: 'completed' as const };
    expect(evaluateMove(done, 'in_work', anna, DEFAULT_STAGE_NAMES).map((f) => f.code)).toEqual(['reopen']);
    expect(evaluateMove(done, 'in_work', head, DEFAULT_STAGE_NAMES)).toEqual([]);
  });

  it('reports an unknown stage', () => {
    expect(evaluateMove(deal, 'won', anna, DEFAULT_STAGE_NAMES)[0].code).toBe('unknown_stage');
  });

  it('agrees with the transition table for every pair of stages', () => {
    for (const from of STAGE_KEYS) {
      for (const to of STAGE_KEYS) {
        const failures = evaluateMove({ ...deal, stage: from }, to, head, DEFAULT_STAGE_NAMES);
        const refusedByTable = failures.some((f) => f.code === 'transition');
        expect(refusedByTable).toBe(from !== to && ALLOWED_TRANSITIONS[from].indexOf(to) < 0);
      }
    }
  });
});
