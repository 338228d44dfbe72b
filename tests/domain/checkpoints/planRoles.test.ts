// Issue 23: a plan's role becomes a person when the plan is applied — the deal's manager for
// "manager", the only active member of a role, the manager when nobody holds it, and the role
// word ("unassigned: pick a person") when several people hold it.
import fc from 'fast-check';
import { DEFAULT_PLAN, ROLE_WORDS, planCheckpoints, resolvePlanResponsible, unassignedRole } from '../../../src/domain/checkpoints/plans';

const eva = { email: 'eva@studio.test', role: 'executor', active: true };
const ivan = { email: 'ivan@studio.test', role: 'executor', active: true };
const gone = { email: 'old@studio.test', role: 'executor', active: false };
const head = { email: 'head@studio.test', role: 'head', active: true };

describe('resolvePlanResponsible', () => {
  it('hand-made cases', () => {
    expect(resolvePlanResponsible('manager', 'anna@studio.test', [eva])).toBe('anna@studio.test');
    expect(resolvePlanResponsible(' Executor ', 'anna@studio.test', [eva, gone])).toBe('eva@studio.test');
    expect(resolvePlanResponsible('executor', 'anna@studio.test', [eva, ivan])).toBe('executor');
    expect(resolvePlanResponsible('executor', 'anna@studio.test', [gone])).toBe('anna@studio.test');
    expect(resolvePlanResponsible('head', 'anna@studio.test', [eva, head])).toBe('head@studio.test');
    expect(resolvePlanResponsible('boris@studio.test', 'anna@studio.test', [eva])).toBe('boris@studio.test');
  });

  it('the plan with two executors: their steps wait for a person, the manager\'s step is the manager\'s', () => {
    const planned = planCheckpoints(DEFAULT_PLAN.map((s, i) => ({ ...s, order: i + 1 })), '2026-12-07', 'anna@studio.test', [], [eva, ivan]);
    expect(planned.map((c) => c.responsible)).toEqual(['executor', 'executor', 'executor', 'executor', 'anna@studio.test']);
    expect(planned.map((c) => unassignedRole(c.responsible))).toEqual(['executor', 'executor', 'executor', 'executor', null]);
  });

  it('property: the result is a person unless the role has several active members; then it is the role, unassigned', () => {
    const member = fc.record({
      email: fc.constantFrom('a@x.test', 'b@x.test', 'c@x.test', 'd@x.test'),
      role: fc.constantFrom(...ROLE_WORDS),
      active: fc.boolean(),
    });
    fc.assert(fc.property(fc.constantFrom(...ROLE_WORDS), fc.array(member, { maxLength: 6 }), (role, team) => {
      const who = resolvePlanResponsible(role, 'boss@x.test', team);
      const holders = team.filter((m) => m.active && m.role === role);
      if (role === 'manager') return who === 'boss@x.test' && unassignedRole(who) === null;
      if (holders.length >= 2) return who === role && unassignedRole(who) === role;
      return unassignedRole(who) === null && (holders.length === 1 ? who === holders[0].email : who === 'boss@x.test');
    }));
  });
});
