// Issue 26: what an import chunk matches on, kept across its chunks. A chunk matches file rows to
// clients by phone and e-mail, refuses merges into clients the importer may not edit (manager),
// and skips rows a killed run already created (import id and row): nine of the Clients columns.
// Those nine are read once (not all 25), then kept in CacheService for the next chunk, keyed by
// the Clients generation (clientIndex.ts: every write that changes Clients, and every hand edit
// through the on-edit trigger, makes a new one) and the tab's last row. A chunk adds the clients
// it created and what its merges filled, and stores the list under the generation its own write
// made, only when no one else changed Clients meanwhile. So a hand edit between chunks, or
// clients added by anyone else, cost the next chunk one read of the nine columns, never a stale
// match; and a merge target's row is read whole and checked against what was kept before its
// cells are filled (a row moved without the edit trigger seeing it means a fresh read).
import { CLIENTS } from '../../workbook/schema';
import { HeaderMap, mapHeaders, requireSchemaColumns } from '../../workbook/headers';
import { DecodedRecord } from '../../workbook/codec';
import { readColumns } from '../../workbook/rows';
import { WorkbookError, missingTabError } from '../../workbook/errors';
import { KnownClient } from '../../domain/clients/importPlan';
import { Ports } from '../../ports';
import { keepCachedList, loadCachedList } from '../kernel/cachedList';
import { ClientIndexStore, GENERATION_KEY, currentGeneration, forgetClientIndex } from './clientIndex';

/** The Clients columns a chunk matches on (knownOf in clientImport.ts reads the rest only for merge targets). */
export const MATCH_COLUMNS = ['id', 'phone', 'phoneE164', 'otherPhones', 'email', 'otherEmails', 'manager', 'importId', 'importRow'];

/** One client as kept: its sheet row and the match columns in MATCH_COLUMNS order (importRow a number or null). */
export type KeptClient = [number, string, string, string, string, string, string, string, string, number | null];

export interface KnownBase {
  /** Every non-blank row of Clients, as far as matching needs it. */
  clients: KeptClient[];
  /** The Clients header (where a chunk appends and patches). */
  header: readonly unknown[];
  map: HeaderMap;
  /** The generation of Clients when the chunk began. */
  generation: string;
  /** Clients' last row when the chunk began. */
  lastRow: number;
  /** true when served from the cache (no Clients cells read but the header). */
  warm: boolean;
}

const SIX_HOURS = 21600;
/** A cache value holds 100 KB of UTF-8. */
const SHARD_BYTES = 95000;
/** 120 shards hold ~100,000 clients; a larger base is read again each chunk. */
const MAX_SHARDS = 120;

const keyOf = (importId: string) => `dealboard:import:${importId}:known`;

interface KnownMeta {
  generation: string;
  lastRow: number;
  /**
   * The page the next chunk starts at: a chunk killed after its cursor moved on but before it
   * stored its list leaves the previous list, which the next chunk must not use (a merge that
   * added no row leaves the last row and the generation as they were).
   */
  nextPage: number;
}

const text = (v: unknown) => (typeof v === 'string' ? v : v == null ? '' : String(v));

/** A record's match columns as kept (the same reading knownOf in clientImport.ts does). */
export function keptOf(row: number, x: DecodedRecord | Record<string, unknown>): KeptClient {
  return [
    row, text(x.id), text(x.phone), text(x.phoneE164), text(x.otherPhones), text(x.email), text(x.otherEmails), text(x.manager),
    text(x.importId), typeof x.importRow === 'number' ? x.importRow : null,
  ];
}

/** A fresh KnownClient of a kept one (planImport writes a merge's fills into the objects it gets). */
export function knownOfKept(k: KeptClient): KnownClient {
  return {
    id: k[1], phone: k[2], phoneE164: k[3], otherPhones: k[4], email: k[5], otherEmails: k[6], manager: k[7],
    importId: k[8], importRow: k[9],
  };
}

export function sameKept(a: KeptClient, b: KeptClient): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** The match columns of every client: from the cache when Clients has not changed since the last chunk stored them, else one read per run of those columns. */
export function loadKnown(ports: Ports, store: ClientIndexStore, importId: string, nextPage: number, fresh = false): KnownBase {
  const lastRow = store.clientsLastRow();
  const generation = currentGeneration(store);
  if (!fresh) {
    const cached = loadCachedList<KnownMeta, KeptClient>(store, keyOf(importId), MAX_SHARDS);
    const meta = cached && cached.head;
    if (meta && meta.generation === generation && meta.lastRow === lastRow && meta.nextPage === nextPage) {
      const header = ports.sheets.readHeader(CLIENTS.name);
      if (header === null) throw missingClients();
      const map = mapHeaders(CLIENTS, header);
      requireSchemaColumns(CLIENTS, map);
      return { clients: cached.items, header, map, generation, lastRow, warm: true };
    }
  }
  const table = readColumns(ports.sheets, CLIENTS, ports.dates, MATCH_COLUMNS);
  if (table === null) throw missingClients();
  const map = mapHeaders(CLIENTS, table.header);
  requireSchemaColumns(CLIENTS, map);
  return { clients: table.rows.map((r) => keptOf(r.row, r.record)), header: table.header, map, generation, lastRow, warm: false };
}

function missingClients(): WorkbookError {
  return missingTabError('Clients');
}

/**
 * After the chunk wrote (call it instead of forgetClientIndex): a new generation, and the kept
 * clients stored under it for the next chunk, only when Clients is as the chunk left it (no one
 * else changed it since the chunk began, and its last row is where the chunk's appends ended).
 */
export function rememberKnown(store: ClientIndexStore, importId: string, base: KnownBase, clients: KeptClient[], lastRow: number, nextPage: number): void {
  const before = store.getProperty(GENERATION_KEY);
  const generation = forgetClientIndex(store);
  if (before !== base.generation || store.clientsLastRow() !== lastRow) return;
  storeKept(store, importId, clients, { generation, lastRow, nextPage });
}

/**
 * The dry run read Clients whole: its match columns kept for the first chunk, under the
 * generation and last row noted before that read (stored only while that generation is current).
 */
export function keepKnownRead(store: ClientIndexStore, importId: string, clients: KeptClient[], generation: string, lastRow: number, nextPage: number): void {
  if (store.getProperty(GENERATION_KEY) !== generation) return;
  storeKept(store, importId, clients, { generation, lastRow, nextPage });
}

function storeKept(store: ClientIndexStore, importId: string, clients: KeptClient[], meta: KnownMeta): void {
  try {
    if (!keepCachedList(store, keyOf(importId), meta, clients, { shardBytes: SHARD_BYTES, maxShards: MAX_SHARDS, seconds: SIX_HOURS })) return;
  } catch (_cacheFull) {
    store.removeAll([keyOf(importId)]);
    return;
  }
  // A write or hand edit that made a new generation while this was stored: not to be trusted.
  if (store.getProperty(GENERATION_KEY) !== meta.generation) store.removeAll([keyOf(importId)]);
}

/** Drops an import's kept clients (undo, or a stale row found). */
export function forgetKnown(store: ClientIndexStore, importId: string): void {
  store.removeAll([keyOf(importId)]);
}
