// Client groups from Settings client_groups (issue 14): parsing, matching, defaults.
import { DEFAULT_CLIENT_GROUPS, defaultGroup, groupProblem, knownGroup, parseClientGroups } from '../../../src/domain/clients/clientGroups';
import { DEFAULT_SETTINGS, readSettings } from '../../../src/domain/setup/settings';
import { groupOf } from '../../../src/domain/clients/importMapping';

describe('Settings client_groups', () => {
  test('the default setting is the five groups of the first client base', () => {
    const row = DEFAULT_SETTINGS.filter((d) => d.key === 'client_groups')[0];
    expect(row.value).toBe('new, returning, wholesale, retail, partner');
    expect(readSettings({}).clientGroups).toEqual(['new', 'returning', 'wholesale', 'retail', 'partner']);
    expect(readSettings({ client_groups: '' }).clientGroups).toEqual(DEFAULT_CLIENT_GROUPS);
  });

  test('an owner\'s list: commas, semicolons or lines; spaces collapsed; first spelling of a duplicate kept', () => {
    expect(parseClientGroups('new, Key account ; VIP\nwholesale,  vip ,,  Stamm  kunde ')).toEqual(['new', 'Key account', 'VIP', 'wholesale', 'Stamm kunde']);
    expect(readSettings({ client_groups: 'Großkunde; Privat' }).clientGroups).toEqual(['Großkunde', 'Privat']);
  });

  test('formula-looking and over-long words are left out; nothing usable gives the defaults', () => {
    expect(parseClientGroups('=HYPERLINK("x"), retail, +vip, @x, -y')).toEqual(['retail']);
    expect(parseClientGroups('x'.repeat(41) + ', ok')).toEqual(['ok']);
    expect(parseClientGroups(' , ;; \n')).toEqual(DEFAULT_CLIENT_GROUPS);
    expect(parseClientGroups(null)).toEqual(DEFAULT_CLIENT_GROUPS);
    const many = Array.from({ length: 60 }, (_, i) => `g${i}`).join(',');
    expect(parseClientGroups(many)).toHaveLength(50);
  });

  test('a typed group is matched to the list\'s spelling, or is a reported problem', () => {
    const groups = ['new', 'Key account', 'VIP'];
    expect(knownGroup('key  ACCOUNT', groups)).toBe('Key account');
    expect(knownGroup('vip', groups)).toBe('VIP');
    expect(knownGroup('', groups)).toBe('');
    expect(knownGroup('wholesale', groups)).toBeNull();
    expect(groupProblem('wholesale', groups)).toBe('group "wholesale" is not in Settings client_groups (new, Key account, VIP)');
    expect(groupProblem('Vip', groups)).toBe('');
  });

  test('a new client gets "new" when the list has it, else the list\'s first group', () => {
    expect(defaultGroup(['VIP', 'New'])).toBe('New');
    expect(defaultGroup(['Key account', 'VIP'])).toBe('Key account');
  });

  test('the import recognises the owner\'s words and the built-in synonyms of groups the list still has', () => {
    const groups = ['Neu', 'Key account', 'Wholesale'];
    expect(groupOf('key account', groups)).toBe('Key account');
    expect(groupOf('KEY-ACCOUNT', groups)).toBe('Key account');
    expect(groupOf('Großhandel', groups)).toBe('Wholesale');
    expect(groupOf('neu', groups)).toBe('Neu');
    // "Stammkunde" means returning, which this list no longer has.
    expect(groupOf('Stammkunde', groups)).toBe('');
  });
});
