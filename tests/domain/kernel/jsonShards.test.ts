import fc from 'fast-check';
import { packJsonShards, unpackJsonShards, utf8Bytes } from '../../../src/domain/kernel/jsonShards';

describe('JSON shards for values over one cache entry', () => {
  test('utf8Bytes counts UTF-8 bytes: ASCII 1, Cyrillic 2, euro 3, an emoji (a surrogate pair) 4', () => {
    expect(utf8Bytes('abc')).toBe(3);
    expect(utf8Bytes('Жук')).toBe(6);
    expect(utf8Bytes('€')).toBe(3);
    expect(utf8Bytes('😀')).toBe(4);
  });

  test('every shard stays within the limit unless one item alone is larger; none is empty; the items come back in order', () => {
    fc.assert(fc.property(fc.array(fc.record({ id: fc.string(), name: fc.string({ unit: 'grapheme' }) }), { maxLength: 60 }), fc.integer({ min: 10, max: 200 }), (items, maxBytes) => {
      const shards = packJsonShards(items, maxBytes);
      expect(shards.length).toBeGreaterThanOrEqual(1);
      for (const shard of shards) {
        const inside = JSON.parse(shard) as unknown[];
        if (inside.length > 1) expect(utf8Bytes(shard)).toBeLessThanOrEqual(maxBytes);
        if (items.length > 0) expect(inside.length).toBeGreaterThan(0);
      }
      expect(unpackJsonShards(shards)).toEqual(items);
    }));
  });

  test('a missing or damaged shard gives null, so the caller reads afresh', () => {
    const shards = packJsonShards([{ a: 1 }, { a: 2 }, { a: 3 }], 12);
    expect(shards).toEqual(['[{"a":1}]', '[{"a":2}]', '[{"a":3}]']);
    expect(unpackJsonShards([shards[0], undefined, shards[2]])).toBeNull();
    expect(unpackJsonShards([shards[0], '[{"a":', shards[2]])).toBeNull();
    expect(unpackJsonShards([])).toEqual([]);
  });
});
