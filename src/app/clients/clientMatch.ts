// Convert a lead without reading the client base: the phone and e-mail index in CacheService
// (clientIndex.ts) names the client, and only that client's row is read, found by its id and
// checked to still hold the lead's phone or e-mail before anyone relies on it. A cold or stale
// index costs one rebuild (one read of Clients), never a wrong match.
import { CLIENTS } from '../../workbook/schema';
import { DecodedRecord, DecodedRow } from '../../workbook/codec';
import { Table, findRow } from '../../workbook/table';
import { openRows, refuseDuplicateId } from '../../workbook/rows';
import { IndexEntry, indexEntryOf } from '../../domain/clients/clientSearch';
import { normalizeEmail, normalizePhone } from '../../domain/clients/phones';
import { UseCaseContext } from '../kernel/session';
import { ClientIndexStore, clientFactsOf, forgetClientIndex, loadClientIndex, rememberClients } from './clientIndex';

export interface ContactKeys {
  /** E.164 digits without the plus, or '' */
  phone: string;
  /** lower case, or '' */
  email: string;
}

export function contactKeys(phone: string, email: string, country: string): ContactKeys {
  const e164 = normalizePhone(phone, country);
  return { phone: e164 ? e164.slice(1) : '', email: normalizeEmail(email) || '' };
}

/** Any of the client's phones or e-mails (the main ones and the others). */
export function entryMatches(entry: IndexEntry, keys: ContactKeys): boolean {
  if (keys.phone && entry.t.split(' ').indexOf(keys.phone) >= 0) return true;
  return keys.email !== '' && entry.e.split(' ').indexOf(keys.email) >= 0;
}

export interface ClientsForLead {
  /** The client holding the lead's phone or e-mail (verified in the row read), or null. */
  existing: DecodedRow | null;
  /** Where a new client is appended (header known). */
  table: Table;
  /** After a new client was appended: the index learns it, so the next lookup stays warm. */
  added(record: Record<string, unknown>): void;
}

export function clientsForLead(ctx: UseCaseContext, store: ClientIndexStore, phone: string, email: string): ClientsForLead {
  const { ports } = ctx;
  const country = ctx.config.settings.defaultCountry;
  const keys = contactKeys(phone, email, country);
  let loaded = loadClientIndex(ports, store, country);
  const answer = (existing: DecodedRow | null, table: Table): ClientsForLead => ({
    existing,
    table,
    added(record) {
      const entry = indexEntryOf(clientFactsOf(record as DecodedRecord), country);
      rememberClients(store, loaded.entries.concat([entry]), country);
    },
  });
  const fromTable = (table: Table): ClientsForLead => {
    const candidate = loaded.entries.filter((e) => entryMatches(e, keys))[0];
    if (!candidate) return answer(null, table);
    refuseDuplicateId(table, candidate.i);
    return answer(findRow(table, candidate.i) || null, table);
  };
  if (loaded.table) return fromTable(loaded.table);

  const rows = openRows(ports.sheets, CLIENTS, ports.dates);
  const candidate = loaded.entries.filter((e) => entryMatches(e, keys))[0];
  if (!candidate) return answer(null, rows.table);
  const row = rows.byId(candidate.i);
  if (row && entryMatches(indexEntryOf(clientFactsOf(row.record), country), keys)) return answer(row, rows.table);
  // The row was deleted or its phone changed without the edit trigger seeing it: rebuild once.
  forgetClientIndex(store);
  loaded = loadClientIndex(ports, store, country);
  if (loaded.table) return fromTable(loaded.table);
  // Rebuilt from the index columns only: the row is found by id and read whole.
  const again = openRows(ports.sheets, CLIENTS, ports.dates);
  const next = loaded.entries.filter((e) => entryMatches(e, keys))[0];
  return answer(next ? again.byId(next.i) || null : null, again.table);
}
