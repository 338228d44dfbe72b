// A list too big for one cache value (100 KB) kept as a head at `key` and JSON shards of its items
// at `key:0`, `key:1`…: read in one getAll, written in one putAll. Each shard carries the id of
// its head, so the shards of two lists written under the same key at the same time are never
// glued together: a mixed set reads as no list. The client index, the health desk's row index and
// the dashboard's snapshots keep their lists this way.
import { packJsonShards, unpackJsonShards } from '../../domain/kernel/jsonShards';
import type { KeyValueCache } from '../../ports';

type ShardCache = Pick<KeyValueCache, 'getAll' | 'putAll'>;

export interface CachedListLimits {
  /** Bytes of JSON per shard, under the cache's 100 KB a value. */
  shardBytes: number;
  /** More shards than this and the list is not kept (its owner reads afresh each time). */
  maxShards: number;
  seconds: number;
}

interface StoredHead<H> {
  head: H;
  id: string;
  shards: number;
}

const shardKey = (key: string, n: number) => `${key}:${n}`;

/** The head and items kept under `key`, or null (none, a shard evicted, damaged or of another list). */
export function loadCachedList<H, T>(cache: ShardCache, key: string, maxShards: number): { head: H; items: T[] } | null {
  const keys = [key];
  for (let n = 0; n < maxShards; n++) keys.push(shardKey(key, n));
  const got = cache.getAll(keys);
  let stored: StoredHead<H> | null;
  try {
    stored = JSON.parse(got[key] || 'null') as StoredHead<H> | null;
  } catch (_damaged) {
    return null;
  }
  if (!stored || typeof stored.id !== 'string' || !(stored.shards > 0) || stored.shards > maxShards) return null;
  const mark = `${stored.id}|`;
  const shards: (string | null)[] = [];
  for (let n = 0; n < stored.shards; n++) {
    const piece = got[shardKey(key, n)];
    shards.push(typeof piece === 'string' && piece.indexOf(mark) === 0 ? piece.slice(mark.length) : null);
  }
  const items = unpackJsonShards<T>(shards);
  return items === null ? null : { head: stored.head, items };
}

/**
 * Keeps `head` and `items` under `key` in one putAll. False when the list needs more than
 * `maxShards` shards (nothing is written); a full cache throws, as putAll does.
 */
export function keepCachedList(cache: ShardCache, key: string, head: unknown, items: readonly unknown[], limits: CachedListLimits): boolean {
  const shards = packJsonShards(items, limits.shardBytes);
  if (shards.length > limits.maxShards) return false;
  const id = `${Math.random().toString(36).slice(2, 10)}${Math.random().toString(36).slice(2, 10)}`;
  const values: Record<string, string> = {};
  shards.forEach((shard, n) => { values[shardKey(key, n)] = `${id}|${shard}`; });
  values[key] = JSON.stringify({ head, id, shards: shards.length } as StoredHead<unknown>);
  cache.putAll(values, limits.seconds);
  return true;
}
