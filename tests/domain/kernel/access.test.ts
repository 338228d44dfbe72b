// The access table's rules (issue 20): property-based over every function, role and team state.
import fc from 'fast-check';
import { ACCESS, mayRun, refusalFor } from '../../../src/domain/kernel/access';
import { menuFor, menuFunctions } from '../../../src/domain/kernel/menu';
import { canSeeDealContacts, executorSeesContactsAt } from '../../../src/domain/clients/clientRights';
import { ROLES, Role } from '../../../src/domain/kernel/roles';
import { STAGE_KEYS } from '../../../src/domain/deals/stages';

const names = Object.keys(ACCESS);
const role = fc.constantFrom<Role | null>(null, ...ROLES);

describe('the access table', () => {
  it('a refusal exists exactly when the caller may not run the function, and names no role to a stranger', () => {
    fc.assert(fc.property(fc.constantFrom(...names), role, fc.boolean(), (name, r, teamEmpty) => {
      const caller = { role: r, teamEmpty };
      const refusal = refusalFor(name, caller);
      expect(refusal === null).toBe(mayRun(name, caller));
      if (refusal !== null && r === null && ACCESS[name].kind === 'roles') expect(refusal).toMatch(/not on this workbook's team/);
    }));
  });

  it('a stranger may run only what anyone may, and setup only while nobody is on the Users tab', () => {
    for (const name of names) {
      const rule = ACCESS[name];
      expect(mayRun(name, { role: null, teamEmpty: false })).toBe(rule.kind === 'anyone');
      expect(mayRun(name, { role: null, teamEmpty: true })).toBe(rule.kind === 'anyone' || name === 'setupWorkbook');
    }
    expect(mayRun('loadDemoData', { role: null, teamEmpty: true })).toBe(false);
  });

  it('triggers are never run by role: only as their installing owner (checked apart)', () => {
    for (const r of ROLES) {
      expect(mayRun('onHourly', { role: r, teamEmpty: false })).toBe(false);
      expect(mayRun('onEditInstalled', { role: r, teamEmpty: false })).toBe(false);
    }
  });

  it('the owner may run every menu item and api call; more rights never come with a lower role', () => {
    const rank: Role[] = ['executor', 'manager', 'head', 'owner'];
    for (const name of names) {
      if (ACCESS[name].kind !== 'roles') continue;
      expect(mayRun(name, { role: 'owner', teamEmpty: false })).toBe(true);
      for (let i = 0; i < rank.length - 1; i++) {
        if (mayRun(name, { role: rank[i], teamEmpty: false })) expect(mayRun(name, { role: rank[i + 1], teamEmpty: false })).toBe(true);
      }
    }
  });

  it('the menu lists a known role exactly what the table lets it run, and everything when the role is unknown', () => {
    fc.assert(fc.property(fc.constantFrom(...ROLES), (r) => {
      const shown = menuFor(r).filter((e) => e !== 'separator').map((e) => (e as { functionName: string }).functionName);
      expect(shown).toEqual(menuFunctions().filter((n) => mayRun(n, { role: r, teamEmpty: false })));
      const entries = menuFor(r);
      expect(entries[0]).not.toBe('separator');
      expect(entries[entries.length - 1]).not.toBe('separator');
    }));
    expect(menuFor(null).filter((e) => e !== 'separator')).toHaveLength(menuFunctions().length);
  });
});

describe('who sees a deal\'s contacts', () => {
  const actor = (r: Role, email = 'me@studio.test') => ({ email, name: 'Me', role: r });
  it('head and owner always; a manager their own, unassigned, or all with client_view_others; an executor only in work', () => {
    fc.assert(fc.property(fc.constantFrom(...ROLES), fc.constantFrom('me@studio.test', 'ME@studio.test', 'other@studio.test', ''), fc.constantFrom(null, ...STAGE_KEYS), fc.boolean(), (r, manager, stage, others) => {
      const sees = canSeeDealContacts(actor(r), { manager, stage }, { managersViewOthers: others });
      if (r === 'owner' || r === 'head') expect(sees).toBe(true);
      else if (r === 'manager') expect(sees).toBe(others || manager !== 'other@studio.test');
      else expect(sees).toBe(stage === 'in_work' || stage === 'completed');
    }));
    expect(executorSeesContactsAt('new')).toBe(false);
    expect(executorSeesContactsAt('negotiation')).toBe(false);
  });
});
