// CacheService and Cache: expiry on the virtual clock, 100 KB values, 250-char keys, ~1000 items.
import { counted } from '../context';
import type { CacheEntry, ServiceState } from './state';
import { gasError, utf8Length } from './util';

type GCache = GoogleAppsScript.Cache.Cache;

export const CACHE_VALUE_LIMIT = 100 * 1024;
export const CACHE_KEY_LIMIT = 250;
export const CACHE_MAX_ITEMS = 1000;
export const CACHE_DEFAULT_SECONDS = 600;
export const CACHE_MAX_SECONDS = 21600;

type CacheMethods = 'get' | 'getAll' | 'put' | 'putAll' | 'remove' | 'removeAll';

export class EmuCache implements Pick<GCache, CacheMethods> {
  constructor(private state: ServiceState, private store: Map<string, CacheEntry>) {}

  private now(): number {
    return this.state.ctx.clock.millis();
  }
  private checkKey(key: unknown): string {
    if (key === undefined || key === null) throw gasError('Invalid argument: key');
    const k = String(key);
    if (k.length > CACHE_KEY_LIMIT) throw gasError('Argument too large: key');
    return k;
  }
  private purge(): void {
    const now = this.now();
    for (const [k, e] of this.store) if (e.expiresAt <= now) this.store.delete(k);
  }
  private read(key: string): string | null {
    const e = this.store.get(key);
    if (!e) return null;
    if (e.expiresAt <= this.now()) {
      this.store.delete(key);
      return null;
    }
    return e.value;
  }
  private write(entries: [string, string][], seconds: unknown): void {
    let secs = seconds === undefined || seconds === null ? CACHE_DEFAULT_SECONDS : Number(seconds);
    if (!Number.isFinite(secs) || secs < 1) throw gasError('Invalid argument: expirationInSeconds');
    if (secs > CACHE_MAX_SECONDS) secs = CACHE_MAX_SECONDS;
    for (const [, v] of entries) if (utf8Length(v) > CACHE_VALUE_LIMIT) throw gasError('Argument too large: value');
    const expiresAt = this.now() + Math.round(secs) * 1000;
    for (const [k, v] of entries) {
      this.store.delete(k); // re-insert so that insertion order is age order
      this.store.set(k, { value: v, expiresAt, seq: ++this.state.cacheSeq.n });
    }
    this.purge();
    while (this.store.size > CACHE_MAX_ITEMS) {
      const oldest = this.store.keys().next().value as string;
      this.store.delete(oldest);
    }
  }

  get(key: string): string | null {
    return this.read(this.checkKey(key));
  }
  getAll(keys: string[]): { [key: string]: string } {
    if (!Array.isArray(keys)) throw gasError('Invalid argument: keys');
    const out: { [key: string]: string } = {};
    for (const key of keys) {
      const v = this.read(this.checkKey(key));
      if (v !== null) out[String(key)] = v;
    }
    return out;
  }
  /** Returns null, not undefined: Apps Script's put and remove hand back null (gas-fakes' live suite, teststores.js). */
  put(key: string, value: string, expirationInSeconds?: number): null {
    if (value === undefined || value === null) throw gasError('Invalid argument: value');
    this.write([[this.checkKey(key), String(value)]], expirationInSeconds);
    return null;
  }
  putAll(values: { [key: string]: string }, expirationInSeconds?: number): void {
    if (!values || typeof values !== 'object') throw gasError('Invalid argument: values');
    this.write(Object.keys(values).map((k) => [this.checkKey(k), String(values[k])] as [string, string]), expirationInSeconds);
  }
  remove(key: string): null {
    this.store.delete(this.checkKey(key));
    return null;
  }
  removeAll(keys: string[]): void {
    if (!Array.isArray(keys)) throw gasError('Invalid argument: keys');
    for (const key of keys) this.store.delete(this.checkKey(key));
  }
}

type ServiceMethods = 'getDocumentCache' | 'getScriptCache' | 'getUserCache';

export class EmuCacheService implements Pick<GoogleAppsScript.Cache.CacheService, ServiceMethods> {
  constructor(private state: ServiceState) {}
  private wrap(store: Map<string, CacheEntry>): GCache {
    return counted(this.state.ctx.calls, 'Cache', new EmuCache(this.state, store)) as unknown as GCache;
  }
  getDocumentCache(): GCache | null {
    this.state.ctx.requireAuthorization('CacheService.getDocumentCache');
    return this.wrap(this.state.caches.document);
  }
  getScriptCache(): GCache {
    this.state.ctx.requireAuthorization('CacheService.getScriptCache');
    return this.wrap(this.state.caches.script);
  }
  getUserCache(): GCache {
    this.state.ctx.requireAuthorization('CacheService.getUserCache');
    const user = this.state.ctx.currentUser();
    let store = this.state.caches.user.get(user);
    if (!store) {
      store = new Map();
      this.state.caches.user.set(user, store);
    }
    return this.wrap(store);
  }
}

export function createCacheService(state: ServiceState): GoogleAppsScript.Cache.CacheService {
  return counted(state.ctx.calls, 'CacheService', new EmuCacheService(state)) as unknown as GoogleAppsScript.Cache.CacheService;
}
