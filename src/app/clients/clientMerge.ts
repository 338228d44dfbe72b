// Possible duplicates and their merge: the kept client takes the others' deals, history,
// documents and requests, gains their phones and e-mails and fills its empty fields from them;
// the others' rows are removed and the merge is audited.
import { ACTIVITIES, CLIENTS, DEALS, DOCUMENTS, LEADS } from '../../workbook/schema';
import { DecodedRow } from '../../workbook/codec';
import { Table, readTable, rowsWhere, updateRows } from '../../workbook/table';
import { findDuplicates, pairsOf } from '../../domain/clients/duplicates';
import { fillsFor, ClientDraft, splitList } from '../../domain/clients/importPlan';
import { canEditClient, canMergeClients, canViewClient } from '../../domain/clients/clientRights';
import { UseCaseContext } from '../kernel/session';
import { ClientIndexStore, forgetClientIndex } from './clientIndex';
import { accessRules } from './clients';
import { DuplicateGroup } from '../contracts/clients';
import { appendActivities } from '../kernel/audit';
import { InputError, requireId } from '../kernel/validate';

const text = (v: unknown) => (typeof v === 'string' ? v : v == null ? '' : String(v));
const MAX_GROUPS = 200;

function draftOf(r: DecodedRow['record']): ClientDraft {
  return {
    name: text(r.name), company: text(r.company), contact: text(r.contact), phone: text(r.phone), phoneE164: text(r.phoneE164),
    otherPhones: text(r.otherPhones), email: text(r.email), otherEmails: text(r.otherEmails), group: text(r.group), address: text(r.address),
    city: text(r.city), manager: text(r.manager), preferences: text(r.preferences), notes: text(r.notes), callBack: r.callBack === true,
  };
}

const DISMISSED_KEY = 'dealboard:duplicates:dismissed';
/** Document properties hold 9 KB a value: the oldest dismissals give way first beyond this. */
const MAX_DISMISSED = 250;

function dismissedPairs(ports: UseCaseContext['ports']): string[] {
  try {
    const parsed = JSON.parse(ports.store.get(DISMISSED_KEY) || '[]') as unknown;
    return Array.isArray(parsed) ? parsed.map(String) : [];
  } catch (_damaged) {
    return [];
  }
}

/**
 * "Not duplicates" (issue 21, item 14): every pair of the given clients is set aside for good,
 * for everyone; a client added later that matches one of them still forms a new group.
 */
export function dismissDuplicates(ctx: UseCaseContext, idsArg: unknown): { dismissed: number } {
  if (ctx.actor.role === 'executor') throw new InputError('Executors do not sort out duplicates.');
  if (!Array.isArray(idsArg) || idsArg.length < 2 || idsArg.length > 20) throw new InputError('Choose 2 to 20 clients that are not the same.');
  const ids = idsArg.map((id) => requireId(id, 'A client'));
  const pairs = pairsOf(ids);
  return ctx.ports.lock.withDocumentLock(() => {
    const kept = dismissedPairs(ctx.ports);
    const fresh = pairs.filter((p) => kept.indexOf(p) < 0);
    ctx.ports.store.put(DISMISSED_KEY, JSON.stringify(kept.concat(fresh).slice(-MAX_DISMISSED)));
    return { dismissed: fresh.length };
  });
}

export function listDuplicates(ctx: UseCaseContext): { groups: DuplicateGroup[]; total: number } {
  const clients = readTable(ctx.ports.sheets, CLIENTS, ctx.ports.dates);
  const deals = readTable(ctx.ports.sheets, DEALS, ctx.ports.dates);
  const rules = accessRules(ctx, deals);
  const visible = clients.rows.filter((r) => text(r.record.id) && canViewClient(ctx.actor, { id: text(r.record.id), manager: text(r.record.manager) }, rules));
  const byId: Record<string, DecodedRow> = {};
  for (const r of visible) byId[text(r.record.id)] = r;
  const dealCount: Record<string, number> = {};
  for (const d of deals.rows) {
    const id = text(d.record.clientId);
    if (id) dealCount[id] = (dealCount[id] || 0) + 1;
  }
  const sets = findDuplicates(visible.map((r) => ({ id: text(r.record.id), ...draftOf(r.record) })), ctx.config.settings.defaultCountry, dismissedPairs(ctx.ports));
  const groups = sets.slice(0, MAX_GROUPS).map((set) => ({
    reason: set.reasons.join('; '),
    evidence: set.evidence,
    clients: set.ids.map((id) => {
      const r = byId[id].record;
      return { id, name: text(r.name), company: text(r.company), phone: text(r.phone), email: text(r.email), manager: text(r.manager), deals: dealCount[id] || 0 };
    }).sort((a, b) => b.deals - a.deals),
  }));
  return { groups, total: sets.length };
}

function retarget(ctx: UseCaseContext, table: Table, from: Record<string, true>, keepId: string, extra: Record<string, unknown> = {}): number {
  const rows = rowsWhere(table, 'clientId', (v) => from[text(v)] === true, ctx.ports.dates);
  if (rows.length > 0) updateRows(ctx.ports.sheets, table, rows.map((row) => ({ row, patch: { clientId: keepId, ...extra } })), ctx.ports.dates);
  return rows.length;
}

export function mergeClients(ctx: UseCaseContext, store: ClientIndexStore, keepIdArg: unknown, mergeIdsArg: unknown): { keptId: string; merged: number; deals: number; activities: number } {
  if (!canMergeClients(ctx.actor)) throw new InputError('Only a head or the owner may merge clients.');
  const keepId = requireId(keepIdArg, 'The client to keep');
  if (!Array.isArray(mergeIdsArg) || mergeIdsArg.length === 0 || mergeIdsArg.length > 20) throw new InputError('Choose 1 to 20 clients to merge into it.');
  const mergeIds = mergeIdsArg.map((id) => requireId(id, 'A client to merge'));
  if (mergeIds.indexOf(keepId) >= 0) throw new InputError('A client cannot be merged into itself.');
  return ctx.ports.lock.withDocumentLock(() => {
    const { ports } = ctx;
    const country = ctx.config.settings.defaultCountry;
    const clients = readTable(ports.sheets, CLIENTS, ports.dates);
    const byId: Record<string, DecodedRow> = {};
    for (const r of clients.rows) byId[text(r.record.id)] = r;
    const kept = byId[keepId];
    if (!kept) throw new InputError(`There is no client with id ${keepId}.`);
    const gone = mergeIds.map((id) => {
      const row = byId[id];
      if (!row) throw new InputError(`There is no client with id ${id}; it may have been merged already.`);
      return row;
    });
    // The rights of editing each card: every client the merge changes or removes must be one
    // the caller may edit (a head and the owner may edit all; the rule is the card's own).
    if ([kept].concat(gone).some((r) => !canEditClient(ctx.actor, { manager: text(r.record.manager) }))) {
      throw new InputError('You may merge only clients you may edit.');
    }
    // The kept client as it becomes: each merged one fills what is still empty.
    const target: ClientDraft = draftOf(kept.record);
    const fills: Partial<ClientDraft> = {};
    for (const row of gone) {
      const f = fillsFor(target, draftOf(row.record), country);
      delete f.manager;
      Object.assign(target, f);
      Object.assign(fills, f);
    }
    // Notes are kept, not lost: the merged clients' notes are appended.
    const notes = gone.map((r) => text(r.record.notes)).filter((n) => n && target.notes.indexOf(n) < 0);
    if (notes.length > 0) fills.notes = [target.notes].concat(notes).filter(Boolean).join('\n');
    const version = typeof kept.record.version === 'number' ? kept.record.version : 0;
    updateRows(ports.sheets, clients, [{ row: kept, patch: { ...fills, version: version + 1, updatedAt: ctx.moment.now, updatedBy: ctx.actor.email } }], ports.dates);

    const from: Record<string, true> = {};
    for (const id of mergeIds) from[id] = true;
    const deals = retarget(ctx, readTable(ports.sheets, DEALS, ports.dates), from, keepId, { clientName: target.name });
    const activities = retarget(ctx, readTable(ports.sheets, ACTIVITIES, ports.dates), from, keepId);
    retarget(ctx, readTable(ports.sheets, DOCUMENTS, ports.dates), from, keepId);
    retarget(ctx, readTable(ports.sheets, LEADS, ports.dates), from, keepId);

    const doomed = gone.map((r) => r.row).sort((a, b) => b - a);
    for (const row of doomed) ports.sheets.deleteRows(CLIENTS.name, row, 1);
    appendActivities(ports, ctx.actor.email, [{
      kind: 'audit', clientId: keepId,
      summary: `Merged ${gone.map((r) => `${text(r.record.name)} (${text(r.record.id)}${splitList(text(r.record.phone)).length ? `, ${text(r.record.phone)}` : ''})`).join(', ')} into ${target.name}: ${deals} deals and ${activities} history entries moved`,
    }]);
    forgetClientIndex(store);
    return { keptId: keepId, merged: gone.length, deals, activities };
  });
}
