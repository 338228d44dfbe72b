// Values too big for one CacheService entry (100 KB) are kept as numbered JSON arrays. One rule
// for cutting and gluing them (app/kernel/cachedList.ts keeps such lists in the cache).

/** Bytes of the text in UTF-8: what CacheService's and PropertiesService's value limits count. */
export function utf8Bytes(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff) { bytes += 4; i++; }
    else bytes += 3;
  }
  return bytes;
}

/** The items as JSON arrays of at most `maxBytes` each (an item larger than that gets a shard of its own); never none. */
export function packJsonShards(items: readonly unknown[], maxBytes: number): string[] {
  const shards: string[] = [];
  let shard: string[] = [];
  let size = 2;
  const flush = () => {
    shards.push(`[${shard.join(',')}]`);
    shard = [];
    size = 2;
  };
  for (const item of items) {
    const json = JSON.stringify(item);
    const bytes = utf8Bytes(json) + 1;
    if (size + bytes > maxBytes && shard.length > 0) flush();
    shard.push(json);
    size += bytes;
  }
  if (shard.length > 0 || shards.length === 0) flush();
  return shards;
}

/** The items of the shards in order, or null when one is missing or damaged (the caller reads afresh). */
export function unpackJsonShards<T>(shards: readonly (string | undefined | null)[]): T[] | null {
  const items: T[] = [];
  for (const shard of shards) {
    if (shard === undefined || shard === null) return null;
    try {
      for (const item of JSON.parse(shard) as T[]) items.push(item);
    } catch (_damaged) {
      return null;
    }
  }
  return items;
}
