import fc from 'fast-check';
import { mergeFields, sameValue } from '../../../src/domain/kernel/fieldMerge';

describe('field-level merge against the version read (issue 21, item 4)', () => {
  it('saves a note typed on a card whose meeting time a sync moved meanwhile', () => {
    const out = mergeFields({ notes: 'call the printer' }, { notes: 'old note' }, { notes: 'old note', nextContactAt: '2026-12-08T10:00:00.000Z' });
    expect(out).toEqual({ apply: ['notes'], same: [], conflicts: [] });
  });

  it('shows both values when the other change touched the same field', () => {
    const out = mergeFields({ title: 'Mine' }, { title: 'Read' }, { title: 'Theirs' });
    expect(out.conflicts).toEqual([{ field: 'title', yours: 'Mine', theirs: 'Theirs' }]);
    expect(out.apply).toEqual([]);
  });

  it('never overwrites a field whose read value it was not told', () => {
    expect(mergeFields({ title: 'Mine' }, {}, { title: 'Theirs' }).conflicts.map((c) => c.field)).toEqual(['title']);
  });

  it('treats empty text and null as the same nothing', () => {
    expect(sameValue('', null)).toBe(true);
    expect(sameValue(0, '')).toBe(false);
    expect(sameValue(false, 'false')).toBe(false);
  });

  it('each changed field lands in exactly one bucket, and a field is applied only when theirs still equals the read value', () => {
    const value = fc.oneof(fc.constantFrom('a', 'b', '', null), fc.integer({ min: 0, max: 2 }), fc.boolean());
    const fields = fc.uniqueArray(fc.constantFrom('title', 'notes', 'budget', 'forecast', 'phone'), { minLength: 1 });
    fc.assert(fc.property(fields, fc.array(value, { minLength: 15, maxLength: 15 }), (keys, values) => {
      const yours: Record<string, string | number | boolean | null> = {};
      const base: Record<string, unknown> = {};
      const theirs: Record<string, string | number | boolean | null> = {};
      keys.forEach((k, i) => { yours[k] = values[i * 3]; base[k] = values[i * 3 + 1]; theirs[k] = values[i * 3 + 2]; });
      const out = mergeFields(yours, base, theirs);
      const all = out.apply.concat(out.same, out.conflicts.map((c) => c.field)).sort();
      expect(all).toEqual(keys.slice().sort());
      for (const k of out.apply) expect(sameValue(theirs[k], base[k])).toBe(true);
      for (const c of out.conflicts) {
        expect(sameValue(theirs[c.field], yours[c.field])).toBe(false);
        expect(sameValue(theirs[c.field], base[c.field])).toBe(false);
      }
    }));
  });
});
