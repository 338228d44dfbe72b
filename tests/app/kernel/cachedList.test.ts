import { keepCachedList, loadCachedList } from '../../../src/app/kernel/cachedList';

function memoryCache() {
  const values: Record<string, string> = {};
  return {
    values,
    calls: { getAll: 0, putAll: 0 },
    getAll(keys: string[]) { this.calls.getAll++; const out: Record<string, string> = {}; for (const k of keys) if (k in values) out[k] = values[k]; return out; },
    putAll(v: Record<string, string>) { this.calls.putAll++; Object.assign(values, v); },
  };
}
const limits = { shardBytes: 60, maxShards: 5, seconds: 60 };
const items = Array.from({ length: 12 }, (_, i) => ({ n: i, name: `item ${i}` }));

test('a list kept in several shards reads back whole, in one getAll and one putAll', () => {
  const cache = memoryCache();
  expect(keepCachedList(cache, 'k', { v: 1 }, items.slice(0, 6), limits)).toBe(true);
  expect(Object.keys(cache.values).length).toBeGreaterThan(2);
  expect(loadCachedList(cache, 'k', limits.maxShards)).toEqual({ head: { v: 1 }, items: items.slice(0, 6) });
  expect(cache.calls).toEqual({ getAll: 1, putAll: 1 });
});

test('a list needing more shards than allowed is not kept', () => {
  const cache = memoryCache();
  expect(keepCachedList(cache, 'k', {}, items, limits)).toBe(false);
  expect(cache.values).toEqual({});
  expect(loadCachedList(cache, 'k', limits.maxShards)).toBeNull();
});

test('shards of two lists written under one key at once are never glued together', () => {
  const cache = memoryCache();
  keepCachedList(cache, 'k', { who: 'a' }, items.slice(0, 6), limits);
  const first = { ...cache.values };
  keepCachedList(cache, 'k', { who: 'b' }, items.slice(6, 12), limits);
  // The second writer's head with one of the first writer's shards (a put that landed late).
  cache.values['k:0'] = first['k:0'];
  expect(loadCachedList(cache, 'k', limits.maxShards)).toBeNull();
});

test('a missing shard or a damaged head reads as no list', () => {
  const cache = memoryCache();
  keepCachedList(cache, 'k', {}, items.slice(0, 6), limits);
  delete cache.values['k:1'];
  expect(loadCachedList(cache, 'k', limits.maxShards)).toBeNull();
  cache.values.k = '{not json';
  expect(loadCachedList(cache, 'k', limits.maxShards)).toBeNull();
});
