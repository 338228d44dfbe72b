// The phone and name index of the client base, kept in CacheService as a few shards (a cache
// value holds 100 KB), so a lookup during a call reads no cells at all. It is rebuilt from one
// read of Clients when the tab changed: its last row moved (rows added or deleted, by anyone),
// a cell was typed by hand (the on-edit trigger forgets it), or the add-on wrote clients.
import { CLIENTS } from '../workbook/schema';
import { Table, readTable } from '../workbook/table';
import { readColumns } from '../workbook/rows';
import { DecodedRecord } from '../workbook/codec';
import { ClientFacts, IndexEntry, indexEntryOf } from '../domain/clientSearch';
import { Ports } from '../ports';

export interface ClientIndexStore {
  /** The last row with content in Clients: a handle call, no cells read. */
  clientsLastRow(): number;
  /** CacheService getAll / putAll / removeAll: one call each. */
  getAll(keys: string[]): Record<string, string>;
  putAll(values: Record<string, string>, seconds: number): void;
  removeAll(keys: string[]): void;
}

const PREFIX = 'dealboard:clients:v1:';
const META_KEY = `${PREFIX}meta`;
export const MAX_SHARDS = 60;
/** A cache value holds 100 KB of UTF-8: shards are cut by bytes (Cyrillic names take two each). */
const SHARD_BYTES = 95000;
const SIX_HOURS = 21600;

interface IndexMeta {
  lastRow: number;
  shards: number;
  country: string;
}

const shardKey = (n: number) => `${PREFIX}${n}`;
const ALL_KEYS = [META_KEY].concat(Array.from({ length: MAX_SHARDS }, (_, n) => shardKey(n)));

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
  const cached = store.getAll(ALL_KEYS);
  const meta = parseMeta(cached[META_KEY]);
  if (meta && meta.lastRow === lastRow && meta.country === country) {
    const entries: IndexEntry[] = [];
    let complete = true;
    for (let n = 0; n < meta.shards && complete; n++) {
      const shard = cached[shardKey(n)];
      if (shard === undefined) { complete = false; break; }
      try {
        for (const entry of JSON.parse(shard) as IndexEntry[]) entries.push(entry);
      } catch (_damaged) {
        complete = false;
      }
    }
    if (complete) return { entries, warm: true, table: null };
  }
  // Issue 26: only the columns the index holds (13 of 24); the table is not handed on (its other
  // cells were not read), so callers find their rows by id.
  const table = readColumns(ports.sheets, CLIENTS, ports.dates, INDEX_COLUMNS);
  if (!table) return { entries: buildEntries(readTable(ports.sheets, CLIENTS, ports.dates), country), warm: false, table: null };
  const entries = buildEntries(table, country);
  saveIndex(store, entries, lastRow, country);
  return { entries, warm: false, table: Object.keys(table.map.index).length > INDEX_COLUMNS.length ? table : null };
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
  const values: Record<string, string> = {};
  let shard: string[] = [];
  let size = 2;
  let shards = 0;
  const flush = () => {
    values[shardKey(shards)] = `[${shard.join(',')}]`;
    shards += 1;
    shard = [];
    size = 2;
  };
  for (const entry of entries) {
    const json = JSON.stringify(entry);
    const bytes = utf8Bytes(json) + 1;
    if (size + bytes > SHARD_BYTES && shard.length > 0) flush();
    shard.push(json);
    size += bytes;
  }
  if (shard.length > 0 || shards === 0) flush();
  // A base too large for the cache is simply searched from the tab each time.
  if (shards > MAX_SHARDS) return;
  values[META_KEY] = JSON.stringify({ lastRow, shards, country } as IndexMeta);
  try {
    store.putAll(values, SIX_HOURS);
  } catch (_cacheFull) {
    store.removeAll([META_KEY]);
  }
}

/** After the add-on appended clients: the index as it now is, keyed by the tab's new last row. */
export function rememberClients(store: ClientIndexStore, entries: IndexEntry[], country: string): void {
  saveIndex(store, entries, store.clientsLastRow(), country);
}

/** After the add-on or a person changed Clients: the next lookup rebuilds the index. */
export function forgetClientIndex(store: ClientIndexStore): void {
  store.removeAll([META_KEY]);
}

function parseMeta(value: string | undefined): IndexMeta | null {
  if (!value) return null;
  try {
    const meta = JSON.parse(value) as IndexMeta;
    return typeof meta.lastRow === 'number' && typeof meta.shards === 'number' ? meta : null;
  } catch (_damaged) {
    return null;
  }
}

/** Bytes of the text in UTF-8 (what CacheService's 100 KB value limit counts). */
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
