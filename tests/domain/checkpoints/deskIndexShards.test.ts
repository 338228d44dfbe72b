// The health desk's kept index (src/app/checkpoints/deskRows.ts) in CacheService shards of 95 KB.
import { DeskIndex, keepDeskIndex, loadDeskIndex } from '../../../src/app/checkpoints/deskRows';
import { KeyValueCache } from '../../../src/ports';

function memoryCache() {
  const store: Record<string, string> = {};
  const cache: KeyValueCache = {
    get: (k) => (k in store ? store[k] : null),
    put: (k, v) => { store[k] = v; },
    remove: (k) => { delete store[k]; },
    getAll: (keys) => { const out: Record<string, string> = {}; for (const k of keys) if (k in store) out[k] = store[k]; return out; },
    putAll: (values) => { for (const k of Object.keys(values)) { if (values[k].length > 100000) throw new Error('too large'); store[k] = values[k]; } },
  };
  return { cache, store };
}

function indexOf(checkpoints: number): DeskIndex {
  return {
    closedVisibleDays: 30,
    deals: { last: 10001, rows: [[2, 'D-1'], [3, 'D-2']] },
    checkpoints: { last: 43237, rows: Array.from({ length: checkpoints }, (_, i) => [i + 2, `K-${String(i).padStart(8, '0')}`, `D-${1 + (i % 2)}`] as [number, string, string]) },
    payments: { last: 900, rows: [[5, 'P-1', 'D-1']] },
  };
}

describe('the desk index in cache shards', () => {
  it('a large index is cut into shards and read back whole', () => {
    const { cache, store } = memoryCache();
    const index = indexOf(6000); // ~200 KB
    keepDeskIndex(cache, 's1', index);
    expect(Object.keys(store).length).toBeGreaterThan(1);
    expect(loadDeskIndex(cache, 's1')).toEqual(index);
    expect(loadDeskIndex(cache, 's2')).toBeNull();
  });

  it('a shard evicted means no index; shards of a larger index kept before under the same stamp are not read into a smaller one', () => {
    const { cache, store } = memoryCache();
    keepDeskIndex(cache, 's1', indexOf(6000));
    const keys = Object.keys(store).sort();
    delete store[keys[1]];
    expect(loadDeskIndex(cache, 's1')).toBeNull();
    const small = indexOf(10);
    keepDeskIndex(cache, 's1', small);
    expect(loadDeskIndex(cache, 's1')).toEqual(small);
  });

  it('an index larger than the shards allowed is not kept', () => {
    const { cache, store } = memoryCache();
    keepDeskIndex(cache, 's1', indexOf(60000)); // ~2 MB
    expect(Object.keys(store)).toEqual([]);
    expect(loadDeskIndex(cache, 's1')).toBeNull();
  });
});
