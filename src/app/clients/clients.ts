// The client base: search and caller lookup, the client card (orders with their documents and
// steps, the communication history) and edits of the card, with the rights of each role.
import { googleLink } from '../../domain/kernel/links';
import { clientMoney } from '../money/debts';
import { ACTIVITIES, CHECKPOINTS, CLIENTS, DEALS, DOCUMENTS, OUTBOX } from '../../workbook/schema';
import { isMadeDocument } from '../documents/pendingDocuments';
import { groupProblem, knownGroup } from '../../domain/clients/clientGroups';
import { DecodedRow, isDate } from '../../workbook/codec';
import { Table, findRow, readTable, rowsWhere, updateRow } from '../../workbook/table';
import { FoundRows, openRows } from '../../workbook/rows';
import { searchIndex } from '../../domain/clients/clientSearch';
import { ClientAccessRules, canEditClient, canViewClient, clientNotFound, executorSeesContactsAt } from '../../domain/clients/clientRights';
import { normalizeEmail, normalizePhone } from '../../domain/clients/phones';
import { sameEmail } from '../../domain/kernel/roles';
import { isStageKey } from '../../domain/deals/stages';
import { UseCaseContext } from '../kernel/session';
import { ClientIndexStore, clientFactsOf, forgetClientIndex, loadClientIndex } from './clientIndex';
import { ClientCard, ClientContact, ClientFields, ClientHit, ClientOrder, ClientSearchResult } from '../contracts/clients';
import { toDeal } from '../kernel/records';
import { appendActivities } from '../kernel/audit';
import { lastChange } from '../kernel/conflicts';
import { renameClientOnDeals } from './clientRename';
import { PlainValue, mergeFields } from '../../domain/kernel/fieldMerge';
import { InputError, optionalText, requireId, requirePlainObject, requireText, requireVersion } from '../kernel/validate';

const SEARCH_LIMIT = 25;
const text = (v: unknown) => (typeof v === 'string' ? v : v == null ? '' : String(v));
const iso = (v: unknown) => (isDate(v) ? v.toISOString() : null);

/** What an executor may see: the clients of the deals where they are responsible for a checkpoint. */
export function accessRules(ctx: UseCaseContext, deals?: Table): ClientAccessRules {
  const rules: ClientAccessRules = { managersViewOthers: ctx.config.settings.clientViewOthers };
  if (ctx.actor.role !== 'executor') return rules;
  const checkpoints = readTable(ctx.ports.sheets, CHECKPOINTS, ctx.ports.dates);
  const dealIds: Record<string, true> = {};
  for (const row of rowsWhere(checkpoints, 'responsible', (v) => sameEmail(text(v), ctx.actor.email), ctx.ports.dates)) {
    dealIds[text(row.record.dealId)] = true;
  }
  const dealTable = deals || readTable(ctx.ports.sheets, DEALS, ctx.ports.dates);
  const clientIds: string[] = [];
  for (const row of rowsWhere(dealTable, 'id', (v) => dealIds[text(v)] === true, ctx.ports.dates)) {
    // A deal still in the sales pipeline does not open its client to the executor.
    if (!executorSeesContactsAt(row.record.stage as never)) continue;
    const id = text(row.record.clientId);
    if (id && clientIds.indexOf(id) < 0) clientIds.push(id);
  }
  rules.executorClientIds = clientIds;
  return rules;
}

export function findClients(ctx: UseCaseContext, store: ClientIndexStore, queryArg: unknown): ClientSearchResult {
  const query = requireText(queryArg, 'The search', 200, true);
  if (query === '') return { query, total: 0, hits: [] };
  const country = ctx.config.settings.defaultCountry;
  const { entries } = loadClientIndex(ctx.ports, store, country);
  const rules = accessRules(ctx);
  const visible = entries.filter((e) => canViewClient(ctx.actor, { id: e.i, manager: e.m }, rules));
  const { hits, total } = searchIndex(visible, query, country, SEARCH_LIMIT);
  return {
    query,
    total,
    hits: hits.map(({ entry, score }): ClientHit => ({
      id: entry.i, name: entry.n, company: entry.c, contact: entry.p, phone: entry.pt, email: entry.e.split(' ')[0] || '',
      group: entry.g, manager: entry.m, city: entry.y, callBack: entry.b === 1,
      match: score === 3 ? 'phone' : score === 2 ? 'digits' : 'text',
    })),
  };
}

function fieldsOf(r: DecodedRow['record']): ClientFields {
  const f = clientFactsOf(r);
  return {
    name: f.name, company: f.company, contact: f.contact, phone: f.phone, phoneE164: f.phoneE164, otherPhones: f.otherPhones,
    email: f.email, otherEmails: f.otherEmails, group: f.group, address: text(r.address), city: f.city, manager: f.manager,
    preferences: text(r.preferences), notes: text(r.notes), callBack: f.callBack,
  };
}

/** The rows of these deals, in sheet order, each once (one search per deal). */
function byDeals(rows: FoundRows, dealIds: readonly string[]): DecodedRow[] {
  const seen: Record<number, true> = {};
  const out: DecodedRow[] = [];
  for (const id of dealIds) {
    if (!id) continue;
    for (const r of rows.where('dealId', id)) {
      if (seen[r.row]) continue;
      seen[r.row] = true;
      out.push(r);
    }
  }
  return out.sort((a, b) => a.row - b.row);
}

export function getClientCard(ctx: UseCaseContext, clientIdArg: unknown): ClientCard {
  const clientId = requireId(clientIdArg, 'The client');
  const { ports } = ctx;
  // Found, not scanned (issue 15): the client's row, its deals by Client ID, their documents and
  // activities by Deal ID; what the card reads grows with the client's history, not the workbook.
  const row = openRows(ports.sheets, CLIENTS, ports.dates).byId(clientId);
  // Missing or not the caller's: one sentence for both, naming nothing (issue 20, item 4).
  if (!row) throw new InputError(clientNotFound(clientId));
  const fields = fieldsOf(row.record);
  if (!canViewClient(ctx.actor, { id: clientId, manager: fields.manager }, accessRules(ctx))) throw new InputError(clientNotFound(clientId));
  const dealRows = openRows(ports.sheets, DEALS, ports.dates).where('clientId', clientId).map((r) => toDeal(r.record));
  const dealIds: Record<string, string> = {};
  for (const d of dealRows) dealIds[d.id] = d.title;
  const belongs = (r: DecodedRow) => text(r.record.clientId) === clientId || text(r.record.dealId) in dealIds;

  const documents = openRows(ports.sheets, DOCUMENTS, ports.dates);
  const activities = openRows(ports.sheets, ACTIVITIES, ports.dates);
  const docsByDeal: Record<string, ClientOrder['documents']> = {};
  const documentRows = byDeals(documents, dealRows.map((deal) => deal.id));
  for (const d of documentRows) {
    if (!isMadeDocument(d.record)) continue;
    const list = docsByDeal[text(d.record.dealId)] = docsByDeal[text(d.record.dealId)] || [];
    list.push({ kind: text(d.record.kind), number: text(d.record.number), url: googleLink(text(d.record.url)) || '', pdfUrl: googleLink(text(d.record.pdfUrl)) || '', generatedAt: iso(d.record.generatedAt), generatedBy: text(d.record.generatedBy) });
  }
  const stepsByDeal: Record<string, ClientOrder['steps']> = {};
  const history: ClientContact[] = [];
  const related = activities.where('clientId', clientId)
    .concat(byDeals(activities, dealRows.map((deal) => deal.id)).filter((r) => text(r.record.clientId) !== clientId));
  for (const a of related) {
    if (!belongs(a)) continue;
    const kind = text(a.record.kind);
    const dealId = text(a.record.dealId);
    if (dealId) {
      const steps = stepsByDeal[dealId] = stepsByDeal[dealId] || [];
      steps.push({ at: iso(a.record.at), user: text(a.record.user), kind, summary: text(a.record.summary) });
    }
    if (kind !== 'audit' && kind !== 'problem') {
      history.push({
        at: iso(a.record.at), user: text(a.record.user), kind, summary: text(a.record.summary), withWhom: text(a.record.withWhom),
        agreed: text(a.record.agreed), nextStep: text(a.record.nextStep), dealId, dealTitle: dealIds[dealId] || '',
      });
    }
  }
  // E-mails the add-on sent to the client belong to the communication history too (issue 21, item 12).
  if (ports.sheets.dimensions(OUTBOX.name)) {
    for (const m of openRows(ports.sheets, OUTBOX, ports.dates).where('clientId', clientId)) {
      if (text(m.record.clientId) !== clientId || text(m.record.status) !== 'sent') continue;
      const dealId = text(m.record.dealId);
      history.push({
        at: iso(m.record.sentAt), user: text(m.record.queuedBy), kind: 'email', summary: `E-mail sent: ${text(m.record.subject)}`,
        withWhom: text(m.record.to), agreed: '', nextStep: '', dealId, dealTitle: dealIds[dealId] || '',
      });
    }
  }
  history.sort((a, b) => String(b.at).localeCompare(String(a.at)));
  const names = ctx.config.settings.stageNames;
  // Executors see the work, not the money (issue 21, item 17), unless Settings executor_sees_money.
  const moneyHidden = ctx.actor.role === 'executor' && !ctx.config.settings.executorSeesMoney;
  const orders: ClientOrder[] = dealRows.map((d) => ({
    dealId: d.id, title: d.title, stage: d.stage || '', stageName: d.stage && isStageKey(d.stage) ? names[d.stage] : '',
    amount: moneyHidden ? 0 : d.amount, budget: moneyHidden ? 0 : d.budget, manager: d.manager, createdAt: iso(d.createdAt),
    expectedClose: d.expectedClose ? ports.dates.toLocalDate(d.expectedClose) : null,
    closedAt: iso(d.closedAt), documents: docsByDeal[d.id] || [],
    steps: (stepsByDeal[d.id] || []).sort((a, b) => String(a.at).localeCompare(String(b.at))),
  }));
  orders.sort((a, b) => String(b.createdAt).localeCompare(String(a.createdAt)));
  const counts = { open: 0, won: 0, lost: 0 };
  for (const d of dealRows) {
    if (d.stage === 'failed') counts.lost += 1;
    else if (d.stage === 'in_work' || d.stage === 'completed') counts.won += 1;
    else counts.open += 1;
  }
  const manager = ctx.config.team.filter((m) => sameEmail(m.email, fields.manager))[0];
  return {
    id: clientId,
    version: typeof row.record.version === 'number' ? row.record.version : 0,
    fields,
    managerName: manager ? manager.name : fields.manager,
    createdAt: iso(row.record.createdAt),
    lastContactAt: iso(row.record.lastContactAt),
    importId: text(row.record.importId),
    editable: canEditClient(ctx.actor, { manager: fields.manager }),
    groups: ctx.config.settings.clientGroups.slice(),
    groupProblem: fields.group ? groupProblem(fields.group, ctx.config.settings.clientGroups) : '',
    orders,
    history: history.slice(0, 200),
    counts,
    // Issue 22: what the client owes on issued invoices (no read at all while none is issued).
    ...(moneyHidden
      ? { balance: { currency: ctx.config.settings.currency, invoicedMinor: 0, paidMinor: 0, dueMinor: 0, overdueMinor: 0, overpaidMinor: 0 }, openInvoices: [] }
      : clientMoney(ctx, clientId, dealRows, documentRows)),
    ...(moneyHidden ? { moneyHidden } : {}),
  };
}

const EDITABLE: (keyof ClientFields)[] = ['name', 'company', 'contact', 'phone', 'otherPhones', 'email', 'otherEmails', 'group', 'address', 'city', 'preferences', 'notes', 'callBack', 'manager'];
const LIMITS: Record<string, number> = { preferences: 5000, notes: 5000 };
const LABELS: Record<string, string> = {
  name: 'Name', company: 'Company', contact: 'Contact person', phone: 'Phone', otherPhones: 'Other phones', email: 'E-mail',
  otherEmails: 'Other e-mails', group: 'Group', address: 'Address', city: 'City', preferences: 'Preferences', notes: 'Notes',
  callBack: 'Call back', manager: 'Manager',
};

/**
 * `baseArg` (optional) holds what the card showed for each changed field: with it, a card saved
 * after someone else's change is merged field by field (issue 21, item 4); without it, refused.
 */
export function updateClient(ctx: UseCaseContext, store: ClientIndexStore, clientIdArg: unknown, patchArg: unknown, versionArg: unknown, baseArg?: unknown): ClientCard {
  const clientId = requireId(clientIdArg, 'The client');
  const patchIn = requirePlainObject(patchArg, 'The change');
  const expected = requireVersion(versionArg);
  const base = baseArg === undefined || baseArg === null ? null : requirePlainObject(baseArg, 'What the card showed');
  const patch: Record<string, unknown> = {};
  for (const key of Object.keys(patchIn)) {
    if (EDITABLE.indexOf(key as keyof ClientFields) < 0) throw new InputError(`"${key}" is not a field of the client card.`);
    const value = patchIn[key];
    if (key === 'callBack') {
      if (typeof value !== 'boolean') throw new InputError('Call back must be true or false.');
      patch.callBack = value;
    } else if (key === 'name') {
      patch.name = requireText(value, 'The name', 200);
    } else {
      patch[key] = optionalText(value, `The ${key}`, LIMITS[key] || 300);
    }
  }
  let unknownGroup = '';
  if (typeof patch.group === 'string' && patch.group !== '') {
    // Settings client_groups decide; the list's spelling is written ("Wholesale" → "wholesale").
    const groups = ctx.config.settings.clientGroups;
    const known = knownGroup(patch.group, groups);
    if (known !== null) patch.group = known;
    else unknownGroup = `The group must be one of: ${groups.join(', ')} (Settings client_groups).`;
  }
  if (typeof patch.email === 'string' && patch.email !== '' && !normalizeEmail(patch.email)) throw new InputError(`"${patch.email}" is not an e-mail address.`);
  const country = ctx.config.settings.defaultCountry;
  if (typeof patch.phone === 'string') {
    const e164 = patch.phone === '' ? '' : normalizePhone(patch.phone, country);
    if (e164 === null) throw new InputError(`"${patch.phone}" is not a phone number.`);
    patch.phoneE164 = e164;
  }
  return ctx.ports.lock.withDocumentLock(() => {
    const clients = readTable(ctx.ports.sheets, CLIENTS, ctx.ports.dates);
    const row = findRow(clients, clientId);
    if (!row) throw new InputError(clientNotFound(clientId));
    const before = fieldsOf(row.record);
    if (!canEditClient(ctx.actor, { manager: before.manager })) {
      // Not even viewable: the same sentence as a missing id. Viewable (client_view_others): read only.
      if (!canViewClient(ctx.actor, { id: clientId, manager: before.manager }, accessRules(ctx))) throw new InputError(clientNotFound(clientId));
      throw new InputError('This client is read only for you: only its manager, a head or the owner may change it.');
    }
    // A group outside the list is refused, unless it is the one the client already has (kept as typed).
    if (unknownGroup && String(patch.group) !== before.group) throw new InputError(unknownGroup);
    if ('manager' in patch && !sameEmail(String(patch.manager), before.manager) && ctx.actor.role === 'manager') {
      throw new InputError('Only a head or the owner may give a client to another manager.');
    }
    const version = typeof row.record.version === 'number' ? row.record.version : 0;
    let merge: ClientCard['merge'];
    if (version !== expected) {
      if (!base) throw new InputError(`${before.name} was changed by ${text(row.record.updatedBy) || 'someone'} since you opened the card; reopen it.`);
      merge = mergeClientPatch(ctx, patch, base, before, row.record);
    }
    if (merge && Object.keys(patch).length === 0) return { ...getClientCard(ctx, clientId), merge };
    updateRow(ctx.ports.sheets, clients, row, { ...patch, version: version + 1, updatedAt: ctx.moment.now, updatedBy: ctx.actor.email }, ctx.ports.dates);
    const changedKeys = Object.keys(patch).filter((k) => k !== 'phoneE164' && String((before as unknown as Record<string, unknown>)[k]) !== String(patch[k]));
    if (changedKeys.length > 0) appendActivities(ctx.ports, ctx.actor.email, [{ kind: 'audit', clientId, summary: `Client ${before.name}: changed ${changedKeys.join(', ')}` }]);
    // The deals carry the client's name as the board shows it (issue 21, item 5): they follow a rename.
    if (typeof patch.name === 'string' && patch.name !== before.name) renameClientOnDeals(ctx, clientId, patch.name);
    forgetClientIndex(store);
    const card = getClientCard(ctx, clientId);
    return merge ? { ...card, merge } : card;
  });
}

/** Keeps in `patch` the fields the other change left as the person read them; the rest come back as conflicts. */
function mergeClientPatch(ctx: UseCaseContext, patch: Record<string, unknown>, base: Record<string, unknown>, before: ClientFields, record: DecodedRow['record']): NonNullable<ClientCard['merge']> {
  const yours: Record<string, PlainValue> = {};
  const read: Record<string, unknown> = {};
  const theirs: Record<string, PlainValue> = {};
  for (const key of Object.keys(patch)) {
    if (key === 'phoneE164') continue;
    yours[key] = patch[key] as PlainValue;
    if (key in base) read[key] = base[key];
    theirs[key] = (before as unknown as Record<string, PlainValue>)[key];
  }
  const outcome = mergeFields(yours, read, theirs);
  for (const c of outcome.conflicts) {
    delete patch[c.field];
    if (c.field === 'phone') delete patch.phoneE164;
  }
  for (const key of outcome.same) {
    delete patch[key];
    if (key === 'phone') delete patch.phoneE164;
  }
  const { who, when } = lastChange(ctx, { updatedBy: text(record.updatedBy), updatedAt: isDate(record.updatedAt) ? record.updatedAt : null });
  return {
    changedBy: `${who} changed it${when}`,
    saved: outcome.apply.map((k) => LABELS[k] || k),
    conflicts: outcome.conflicts.map((c) => ({ field: c.field, label: LABELS[c.field] || c.field, yours: c.yours, theirs: c.theirs })),
  };
}
