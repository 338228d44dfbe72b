// Issue 23: the delay report per deal — planned vs actual, with who was responsible and who ticked.
import { dealDelays } from '../../../src/domain/checkpoints/delays';
import { personResponsible } from '../../../src/domain/checkpoints/plans';

const TODAY = '2026-11-23';
const item = (dealId: string, due: string | null, doneAt: string | null, responsible = 'eva') => ({ dealId, name: 'Design done', responsible, due, doneAt, doneBy: doneAt ? responsible : '' });

describe('dealDelays', () => {
  it('done: done − due (early is negative); open and past due: days so far; open and not yet due: left out', () => {
    const rows = dealDelays([
      item('D1', '2026-11-10', '2026-11-14'),
      item('D2', '2026-11-10', '2026-11-08'),
      item('D3', '2026-11-20', null, ''),
      item('D4', '2026-11-30', null),
      item('D5', '2026-11-10', '2026-11-10'),
    ], TODAY, '2026-08-25');
    expect(rows.map((r) => [r.dealId, r.daysLate, r.responsible])).toEqual([['D1', 4], ['D3', 3], ['D5', 0], ['D2', -2]].map(([d, n]) => [d, n, d === 'D3' ? '(nobody)' : 'eva']));
    expect(rows.find((r) => r.dealId === 'D3')!.doneAt).toBeNull();
  });
  it('keeps the window and the limit', () => {
    expect(dealDelays([item('D1', '2026-01-10', '2026-01-12')], TODAY, '2026-08-25')).toEqual([]);
    expect(dealDelays([item('A', '2026-11-01', '2026-11-02'), item('B', '2026-11-01', '2026-11-05')], TODAY, '2026-08-25', 1).map((r) => r.dealId)).toEqual(['B']);
  });
});

describe('personResponsible (issue 23)', () => {
  const team = [
    { email: 'eva@studio.test', role: 'executor', active: true },
    { email: 'old@studio.test', role: 'executor', active: false },
    { email: 'anna@studio.test', role: 'manager', active: true },
    { email: 'boris@studio.test', role: 'manager', active: true },
  ];
  it('an e-mail stays; a role is the one who ticked it, else its only active holder; ambiguity keeps the role', () => {
    expect(personResponsible('someone@x.test', team)).toBe('someone@x.test');
    expect(personResponsible('executor', team)).toBe('eva@studio.test');
    expect(personResponsible('Executor ', team, '')).toBe('eva@studio.test');
    expect(personResponsible('manager', team)).toBe('manager');
    expect(personResponsible('manager', team, 'BORIS@studio.test')).toBe('boris@studio.test');
    // Ticked by someone without that role: not credited with it.
    expect(personResponsible('manager', team, 'eva@studio.test')).toBe('manager');
    expect(personResponsible('head', team)).toBe('head');
  });
});
