// The phone and name index of the client base, kept in CacheService as a few shards (a cache
// value holds 100 KB), so a lookup during a call reads no cells at all. It is rebuilt from one
// read of Clients when the tab changed: its last row moved (rows added or deleted, by anyone),
// a cell was typed by hand (the on-edit trigger forgets it), or the add-on wrote clients.
//
// Issue 26 (cold lookup) and issue 20 (stale index): every write that changes Clients bumps a
// generation kept in document properties. A rebuild notes the generation before it reads the tab
// and stores only while that generation is still current, so a rebuild that started before a
// save cannot leave the pre-save index behind. Each rebuild also keeps a copy of the index in a
// hidden tab (one entry per row), tagged with its generation, last row and a SHA-256 of the
// entries: when the cache is cold (evicted, expired) but Clients has not changed since, the index
// is that one column, not a rebuild from 13 columns.
import { CLIENTS } from '../../workbook/schema';
import { Table, readTable } from '../../workbook/table';
import { readColumns } from '../../workbook/rows';
import { DecodedRecord } from '../../workbook/codec';
import { ClientFacts, IndexEntry, indexEntryOf } from '../../domain/clients/clientSearch';
import { Ports } from '../../ports';
import { keepCachedList, loadCachedList } from '../kernel/cachedList';

export interface ClientIndexStore {
  /** The last row with content in Clients: a handle call, no cells read. */
  clientsLastRow(): number;
  /** CacheService getAll / putAll / removeAll: one call each. */
  getAll(keys: string[]): Record<string, string>;
  putAll(values: Record<string, string>, seconds: number): void;
  removeAll(keys: string[]): void;
  /** Document properties (they outlive the cache): one call each. */
  getProperty(key: string): string | null;
  setProperty(key: string, value: string): void;
  /** A new random token (Utilities.getUuid: no round trip). */
  newToken(): string;
  /** The persisted copy's first `count` entries (one read of the hidden tab); null when it is missing. */
  readPersisted(count: number): string[] | null;
  /** Replaces the persisted copy (hidden tab, created when missing): one write. */
  writePersisted(entries: string[]): void;
  /** SHA-256 of the text as hex (Utilities.computeDigest: no round trip). */
  digest(text: string): string;
}

const PREFIX = 'dealboard:clients:v1:';
const META_KEY = `${PREFIX}meta`;
export const MAX_SHARDS = 60;
/** A cache value holds 100 KB of UTF-8: shards are cut by bytes (Cyrillic names take two each). */
const SHARD_BYTES = 95000;
const SIX_HOURS = 21600;
/** Document property: the generation of Clients, a new token after every write that changes it. */
export const GENERATION_KEY = 'dealboard.clientIndex.generation';
/** Document property: what the persisted copy holds (PersistedMeta). */
export const PERSISTED_KEY = 'dealboard.clientIndex.persisted';

interface PersistedMeta {
  generation: string;
  lastRow: number;
  country: string;
  count: number;
  digest: string;
}

interface IndexMeta {
  lastRow: number;
  country: string;
}

const text = (v: unknown) => (typeof v === 'string' ? v : v == null ? '' : String(v));

export function clientFactsOf(r: DecodedRecord): ClientFacts {
  return {
    id: text(r.id), name: text(r.name), company: text(r.company), contact: text(r.contact), email: text(r.email),
    otherEmails: text(r.otherEmails), phone: text(r.phone), phoneE164: text(r.phoneE164), otherPhones: text(r.otherPhones),
    group: text(r.group), manager: text(r.manager), city: text(r.city), callBack: r.callBack === true,
  };
}

export interface LoadedIndex {
  entries: IndexEntry[];
  /** true when served from the cache (no cells read). */
  warm: boolean;
  /** The Clients table when the index had to be rebuilt (callers may reuse it). */
  table: Table | null;
}

export function loadClientIndex(ports: Ports, store: ClientIndexStore, country: string): LoadedIndex {
  const lastRow = store.clientsLastRow();
  const cached = loadCachedList<IndexMeta, IndexEntry>(store, META_KEY, MAX_SHARDS);
  if (cached && cached.head && cached.head.lastRow === lastRow && cached.head.country === country) return { entries: cached.items, warm: true, table: null };
  // Noted before anything is read: what is stored below is stored under this generation only.
  const generation = currentGeneration(store);
  const persisted = loadPersisted(store, generation, lastRow, country);
  if (persisted) {
    storeIfCurrent(store, generation, () => saveIndex(store, persisted, lastRow, country));
    return { entries: persisted, warm: false, table: null };
  }
  // Issue 26: only the columns the index holds (13 of 24); the table is not handed on (its other
  // cells were not read), so callers find their rows by id.
  const table = readColumns(ports.sheets, CLIENTS, ports.dates, INDEX_COLUMNS);
  if (!table) return { entries: buildEntries(readTable(ports.sheets, CLIENTS, ports.dates), country), warm: false, table: null };
  const entries = buildEntries(table, country);
  storeIfCurrent(store, generation, () => {
    saveIndex(store, entries, lastRow, country);
    persist(store, entries, generation, lastRow, country);
  });
  return { entries, warm: false, table: Object.keys(table.map.index).length > INDEX_COLUMNS.length ? table : null };
}

/** The generation of Clients now; a workbook that never had one gets its first. */
export function currentGeneration(store: ClientIndexStore): string {
  const known = store.getProperty(GENERATION_KEY);
  if (known) return known;
  const first = store.newToken();
  store.setProperty(GENERATION_KEY, first);
  return first;
}

/**
 * Stores an index built under `generation` only while it is still the current one, and takes
 * the cached copy back if a write bumped it while the index was being stored (the write's own
 * forget may have run before this store).
 */
function storeIfCurrent(store: ClientIndexStore, generation: string, save: () => void): void {
  if (store.getProperty(GENERATION_KEY) !== generation) return;
  save();
  if (store.getProperty(GENERATION_KEY) !== generation) store.removeAll([META_KEY]);
}

/** The persisted copy when it was made under this generation, for this last row and country, and is whole. */
function loadPersisted(store: ClientIndexStore, generation: string, lastRow: number, country: string): IndexEntry[] | null {
  const meta = parsePersisted(store.getProperty(PERSISTED_KEY));
  if (!meta || meta.generation !== generation || meta.lastRow !== lastRow || meta.country !== country) return null;
  const lines = meta.count === 0 ? [] : store.readPersisted(meta.count);
  if (lines === null || lines.length !== meta.count) return null;
  const joined = lines.map((l) => (typeof l === 'string' ? l : String(l))).join('\n');
  // A copy edited by hand, or torn by two rebuilds writing at once, is not trusted.
  if (store.digest(joined) !== meta.digest) return null;
  try {
    return lines.map((l) => JSON.parse(l) as IndexEntry);
  } catch (_damaged) {
    return null;
  }
}

function persist(store: ClientIndexStore, entries: IndexEntry[], generation: string, lastRow: number, country: string): void {
  const lines = entries.map((e) => JSON.stringify(e));
  try {
    store.writePersisted(lines);
    store.setProperty(PERSISTED_KEY, JSON.stringify({ generation, lastRow, country, count: lines.length, digest: store.digest(lines.join('\n')) } as PersistedMeta));
  } catch (_notKept) {
    // A copy that could not be written (a protected workbook, a full sheet) only costs the next cold lookup a rebuild.
  }
}

function parsePersisted(value: string | null): PersistedMeta | null {
  if (!value) return null;
  try {
    const meta = JSON.parse(value) as PersistedMeta;
    return typeof meta.generation === 'string' && typeof meta.count === 'number' && typeof meta.digest === 'string' ? meta : null;
  } catch (_damaged) {
    return null;
  }
}

/** The Clients columns clientFactsOf reads. */
const INDEX_COLUMNS = ['id', 'name', 'company', 'contact', 'email', 'otherEmails', 'phone', 'phoneE164', 'otherPhones', 'group', 'manager', 'city', 'callBack'];

export function buildEntries(table: Table, country: string): IndexEntry[] {
  const entries: IndexEntry[] = [];
  for (const row of table.rows) {
    const facts = clientFactsOf(row.record);
    if (facts.id === '') continue;
    entries.push(indexEntryOf(facts, country));
  }
  return entries;
}

function saveIndex(store: ClientIndexStore, entries: IndexEntry[], lastRow: number, country: string): void {
  // A base too large for the cache is simply searched from the tab each time.
  try {
    keepCachedList(store, META_KEY, { lastRow, country } as IndexMeta, entries, { shardBytes: SHARD_BYTES, maxShards: MAX_SHARDS, seconds: SIX_HOURS });
  } catch (_cacheFull) {
    store.removeAll([META_KEY]);
  }
}

/** After the add-on appended clients: the index as it now is, keyed by the tab's new last row. */
export function rememberClients(store: ClientIndexStore, entries: IndexEntry[], country: string): void {
  saveIndex(store, entries, store.clientsLastRow(), country);
}

/**
 * After the add-on or a person changed Clients (call it after the write): a new generation, so
 * neither a rebuild that read the tab before the write nor the persisted copy is used again,
 * and the cached index is dropped. Returns the new generation.
 */
export function forgetClientIndex(store: ClientIndexStore): string {
  const generation = store.newToken();
  store.setProperty(GENERATION_KEY, generation);
  store.removeAll([META_KEY]);
  return generation;
}


