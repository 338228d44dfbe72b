import { checklistDone, describeChecklist, setupChecklist, ChecklistFacts } from '../../../src/domain/setup/setupChecklist';
import { readSettings } from '../../../src/domain/setup/settings';
import { DEFAULT_CATALOG } from '../../../src/domain/documents/catalog';

const shippedTexts = [{ key: 'stage.in_work', subject: 'Started', body: 'Hello' }];
function facts(over: Partial<ChecklistFacts> = {}): ChecklistFacts {
  return {
    settings: readSettings({}),
    team: [{ role: 'owner', active: true }],
    catalog: DEFAULT_CATALOG,
    defaultCatalog: DEFAULT_CATALOG,
    notifications: shippedTexts,
    defaultNotifications: shippedTexts,
    defaultWorkingHours: '09:00-18:00',
    defaultWorkingDays: 'Mon,Tue,Wed,Thu,Fri',
    kept: [],
    ...over,
  };
}
const states = (f: ChecklistFacts) => Object.fromEntries(setupChecklist(f).map((i) => [i.key, i.state]));

describe('setup checklist rules', () => {
  it('a fresh workbook: seller details and templates to fill in, the rest still default', () => {
    expect(states(facts())).toEqual({ company: 'todo', team: 'default', stages: 'default', catalog: 'default', templates: 'todo', hours: 'default', emails: 'default' });
    expect(describeChecklist(setupChecklist(facts()))).toMatch(/^Still to fill in: Company details \(Missing: company name, address, tax id, bank details/);
  });

  it('an inactive colleague or a second owner is no team; a trailing space in a text is no edit', () => {
    expect(states(facts({ team: [{ role: 'owner', active: true }, { role: 'manager', active: false }, { role: 'owner', active: true }] })).team).toBe('default');
    expect(states(facts({ notifications: [{ key: 'stage.in_work', subject: 'Started ', body: 'Hello\r\n' }] })).emails).toBe('default');
    expect(states(facts({ notifications: [{ key: 'stage.in_work', subject: 'Los geht’s', body: 'Hello' }] })).emails).toBe('done');
  });

  it('an empty price list must be filled; a changed price or a new item is the owner\'s own', () => {
    expect(states(facts({ catalog: [] })).catalog).toBe('todo');
    expect(states(facts({ catalog: DEFAULT_CATALOG.map((c, i) => (i === 0 ? { ...c, unitPrice: 1 } : c)) })).catalog).toBe('done');
    expect(states(facts({ catalog: [...DEFAULT_CATALOG, { code: 'X', unitPrice: 5 }] })).catalog).toBe('done');
  });

  it('kept defaults count as done, a kept todo does not', () => {
    const settings = readSettings({ company_name: 'Nord', company_address: 'a', company_tax_id: 't', company_bank: 'b', 'template.proposal': 'p', 'template.contract': 'c', 'template.invoice': 'i' });
    const all = facts({ settings, kept: ['team', 'stages', 'catalog', 'templates', 'hours', 'emails'] });
    expect(checklistDone(setupChecklist(all))).toBe(true);
    expect(checklistDone(setupChecklist(facts({ kept: ['company', 'team', 'stages', 'catalog', 'templates', 'hours', 'emails'] })))).toBe(false);
  });
});
