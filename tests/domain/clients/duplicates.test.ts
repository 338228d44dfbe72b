// Issue 21, item 14: possible duplicates ranked by evidence, pairs dismissed for good; vCard
// keeps the company out of the person's name.
import fc from 'fast-check';
import { DuplicateCandidate, findDuplicates, pairKey, pairsOf } from '../../../src/domain/clients/duplicates';
import { vcardOf } from '../../../src/domain/clients/vcard';

const client = (id: string, over: Partial<DuplicateCandidate> = {}): DuplicateCandidate => ({
  id, name: `Client ${id}`, company: '', phone: '', phoneE164: '', otherPhones: '', email: '', otherEmails: '', ...over,
});

describe('possible duplicates', () => {
  it('a shared phone or e-mail comes before names that only look alike', () => {
    const sets = findDuplicates([
      client('A', { name: 'Schneider & Co. KG' }),
      client('B', { name: 'Schneider GmbH' }),
      client('C', { name: 'Nordlicht', phone: '+49 40 111111' }),
      client('D', { name: 'Lighthouse', phone: '040 111111' }),
      client('E', { name: 'Anna Weiss', email: 'anna@weiss.de' }),
      client('F', { name: 'A. Weiss', email: 'Anna@Weiss.de', phone: '+49 30 222222' }),
      client('G', { name: 'Weiss Studio', phone: '+49 30 222222' }),
    ], 'DE');
    expect(sets.map((s) => [s.ids.sort(), s.evidence])).toEqual([
      [['E', 'F', 'G'], 'contact'], [['C', 'D'], 'contact'], [['A', 'B'], 'name'],
    ]);
    expect(sets[2].reasons).toEqual(['similar name']);
  });

  it('a dismissed pair never comes back; a third client matching one of them still does', () => {
    const base = [client('A', { name: 'Schneider & Co. KG' }), client('B', { name: 'Schneider GmbH' })];
    expect(findDuplicates(base, 'DE', [pairKey('B', 'A')])).toEqual([]);
    const withThird = findDuplicates(base.concat(client('C', { name: 'Schneider', email: 'x@y.de' })), 'DE', [pairKey('A', 'B')]);
    expect(withThird).toHaveLength(1);
    expect(withThird[0].ids).toContain('C');
  });

  it('property: every listed group has a pair nobody dismissed, and contact evidence is listed before names', () => {
    const candidate = fc.record({
      name: fc.constantFrom('Schneider GmbH', 'Schneider KG', 'Anna Weiss', 'Weiss, Anna', 'Nordlicht', 'Bau AG'),
      phone: fc.constantFrom('', '+49 40 111111', '+49 30 222222'),
      email: fc.constantFrom('', 'a@b.de', 'c@d.de'),
    });
    fc.assert(fc.property(fc.array(candidate, { minLength: 2, maxLength: 12 }), fc.array(fc.tuple(fc.nat(11), fc.nat(11)), { maxLength: 20 }), (rows, pairs) => {
      const clients = rows.map((r, i) => client(`K${i}`, r));
      const dismissed = pairs.filter(([a, b]) => a < rows.length && b < rows.length && a !== b).map(([a, b]) => pairKey(`K${a}`, `K${b}`));
      const sets = findDuplicates(clients, 'DE', dismissed);
      for (const set of sets) expect(pairsOf(set.ids).some((p) => dismissed.indexOf(p) < 0)).toBe(true);
      const firstName = sets.findIndex((s) => s.evidence === 'name');
      if (firstName >= 0) expect(sets.slice(firstName).every((s) => s.evidence === 'name')).toBe(true);
    }));
  });
});

describe('vCard names', () => {
  const base = { phones: [], emails: [], address: '', city: '', note: '', group: '' };
  const lines = (card: string) => card.split('\r\n');
  it('a company client with a contact person: the person is the name, the company the organisation', () => {
    const card = lines(vcardOf({ ...base, name: 'Schneider GmbH', company: '', contact: 'Jonas Schneider' }));
    expect(card).toContain('FN:Jonas Schneider');
    expect(card).toContain('N:Schneider;Jonas;;;');
    expect(card).toContain('ORG:Schneider GmbH');
  });
  it('a company client without a person is the company\'s own card (empty N), not a person called "GmbH"', () => {
    const card = lines(vcardOf({ ...base, name: 'Müller Bau GmbH', company: '' }));
    expect(card).toContain('FN:Müller Bau GmbH');
    expect(card).toContain('N:;;;;');
    expect(card).toContain('ORG:Müller Bau GmbH');
  });
  it('a person working for a company keeps their own name', () => {
    const card = lines(vcardOf({ ...base, name: 'Anna Weiss', company: 'Nordlicht GmbH' }));
    expect(card).toContain('N:Weiss;Anna;;;');
    expect(card).toContain('ORG:Nordlicht GmbH');
  });
});
