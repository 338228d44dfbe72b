// Cache.put / Cache.remove hand back null on Apps Script (the reference gives their return type as
// void; gas-fakes' suite, verified live, checks `cache.put(key, value) === null` in teststores.js).
import { createWorkspace } from '../../scripts/emulator/workspace';

/* eslint-disable @typescript-eslint/no-explicit-any */
type Any = any;

test('put and remove return null; get reads what put stored ("Adds a key/value pair to the cache.")', () => {
  const ws = createWorkspace({ now: '2026-11-23T09:00:00Z', user: 'owner@studio.test' });
  ws.execute(() => {
    const cache = (ws.globals as Any).CacheService.getUserCache();
    expect(cache.put('k', 'v')).toBeNull();
    expect(cache.get('k')).toBe('v');
    // remove: "Removes an entry from the cache."
    expect(cache.remove('k')).toBeNull();
    expect(cache.get('k')).toBeNull();
  });
});
