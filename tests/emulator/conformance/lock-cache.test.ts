// Lock (reference/lock/lock) and Cache (reference/cache/cache).
import { env } from './env';

describe('Lock.tryLock(timeoutInMillis)', () => {
  // "Attempts to acquire the lock, timing out after the provided number of milliseconds. ...
  // Return: Boolean — true if the lock was acquired, false otherwise"
  test('a negative timeout returns false rather than throwing', () => {
    const { run } = env();
    run(({ LockService }) => {
      const lock = LockService.getScriptLock();
      expect(lock.tryLock(-1)).toBe(false);
      expect(lock.hasLock()).toBe(false);
      expect(lock.tryLock(1000)).toBe(true);
    });
  });
});

describe('Cache.put / remove', () => {
  // "put(key, value) | void | Adds a key/value pair to the cache." "remove(key) | void | Removes an entry from the cache using the given key."
  test('return void (undefined), as documented', () => {
    const { run } = env();
    run(({ CacheService }) => {
      const cache = CacheService.getScriptCache();
      expect(cache.put('k', 'v')).toBeUndefined();
      expect(cache.putAll({ a: '1' })).toBeUndefined();
      expect(cache.remove('k')).toBeUndefined();
      expect(cache.removeAll(['a'])).toBeUndefined();
      expect(cache.get('k')).toBeNull();
    });
  });
});
