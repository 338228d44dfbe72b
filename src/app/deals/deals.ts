// Board use cases: read the board, move a card, edit a card, read a deal's details.
import { DEALS, LEADS, ACTIVITIES } from '../../workbook/schema';
import { Table, readTable, rowsWhere, updateRow, updateRows } from '../../workbook/table';
import { DecodedRow, Problem, isDate } from '../../workbook/codec';
import { evaluateMove } from '../../domain/deals/moves';
import { openGatesOf } from '../../domain/checkpoints/health';
import { checkpointsForDeal } from '../checkpoints/checkpoints';
import { afterStageChange, planOnStageChange } from './stageConsequences';
import { canEditDeal, isSupervisor, sameEmail } from '../../domain/kernel/roles';
import { CLOSED_STAGES, StageKey, isStageKey } from '../../domain/deals/stages';
import { positionAt, renumber } from '../../domain/deals/ordering';
import { localDateTime } from '../../domain/kernel/timezone';
import { isForecast } from '../../domain/reports/forecast';
import { Board, BoardFilter, Card, CardMerge, DealDetails, DealPatch, MoveResult, HistoryEntry, StageProblem, UpdatedCard } from '../contracts/board';
import { Deal, iso, toDeal, toLead } from '../kernel/records';
import { allowedMovesFor, buildBoard, contactRulesOf, isArchived, toCard } from './boardView';
import { UseCaseContext } from '../kernel/session';
import { loadDeal, loadDealFromTab } from './dealLoading';
import { lastChange, refuseIfStale } from '../kernel/conflicts';
import { PlainValue, mergeFields } from '../../domain/kernel/fieldMerge';
import { appendActivities, ActivityRecord } from '../kernel/audit';
import {
  InputError, optionalDay, optionalInstant, requireAmount, requireBoolean, requireId, requirePlainObject,
  requireText, requireVersion,
} from '../kernel/validate';
import { openRows } from '../../workbook/rows';
import { positionBetween, requireNeighbours } from './neighbours';
import { readBoardDeals, wholeBoardDeals } from './boardRows';
import { renameClientOnDeals, renameClientRow } from '../clients/clientRename';
import { ClientIndexStore, forgetClientIndex } from '../clients/clientIndex';
import { executorFilter, refuseUnlessExecutorWorksOn, restrictBoardForExecutor } from './executorBoard';

export function getBoard(ctx: UseCaseContext, filterArg: BoardFilter | null | undefined, handProblems: readonly Problem[] = []): Board {
  const filter = executorFilter(ctx, filterArg);
  // Closed deals past the board's window are counted from two columns, not read (boardRows.ts).
  const deals = readBoardDeals(ctx, filter) || wholeBoardDeals(ctx);
  const leads = readTable(ctx.ports.sheets, LEADS, ctx.ports.dates);
  // A problem typed by hand stays listed while the cell still holds what was typed.
  const open = handProblems.filter((p) => {
    // Other columns' problems (a pasted block someone may not change) stay listed for a person.
    if (p.tab !== DEALS.name || p.column !== 'Stage') return true;
    const cell = deals.stageCell(p.row);
    return cell !== undefined && String(cell) === p.value;
  });
  // A refused stage typed by hand leaves the card where its last accepted stage put it.
  const stageProblems: Record<string, StageProblem & { accepted: StageKey }> = {};
  for (const p of open) {
    if (p.tab !== DEALS.name || p.column !== 'Stage' || !p.accepted || !isStageKey(p.accepted)) continue;
    const id = deals.dealIdAt(p.row);
    if (id) stageProblems[id] = { row: p.row, typed: String(p.value), why: p.why, accepted: p.accepted };
  }
  return restrictBoardForExecutor(ctx, buildBoard({
    deals: deals.deals,
    leads: leads.rows.map((row) => toLead(row.record)),
    settings: ctx.config.settings,
    team: ctx.config.team,
    actor: ctx.actor,
    moment: ctx.moment,
    filter: filter && typeof filter === 'object' ? filter : undefined,
    problems: open.concat(deals.problems, leads.problems),
    timeZone: ctx.config.timeZone,
    locale: ctx.config.locale,
    stageProblems,
  }));
}

// Loading one deal lives in dealLoading.ts (a leaf the other use cases import); re-exported here.
export { loadDeal } from './dealLoading';
export type { LoadedDeal } from './dealLoading';

function stamp(ctx: UseCaseContext, deal: Deal): Record<string, unknown> {
  return { version: deal.version + 1, updatedAt: ctx.moment.now, updatedBy: ctx.actor.email };
}

export function moveDeal(ctx: UseCaseContext, dealIdArg: unknown, toStageArg: unknown, positionArg: unknown, versionArg: unknown, neighboursArg?: unknown): MoveResult {
  const dealId = requireId(dealIdArg, 'The deal');
  if (!isStageKey(toStageArg)) throw new InputError(`"${String(toStageArg)}" is not a stage.`);
  const toStage = toStageArg;
  if (positionArg !== null && positionArg !== undefined && (typeof positionArg !== 'number' || positionArg < 0 || Math.floor(positionArg) !== positionArg)) {
    throw new InputError('The position must be a whole number of 0 or more.');
  }
  const expectedVersion = requireVersion(versionArg);
  const seen = requireNeighbours(neighboursArg);
  return ctx.ports.lock.withDocumentLock(() => {
    // With the neighbours it saw, only the deal's row is read; an older sidebar sends none and
    // the column is placed from the whole tab, as before.
    const loaded = seen ? loadDeal(ctx, dealId) : loadDealFromTab(ctx, dealId);
    const deal = loaded.deal;
    let { table, row } = loaded;
    refuseIfStale(ctx, `"${deal.title}"`, deal, expectedVersion);
    const failures = evaluateMove(deal, toStage, ctx.actor, ctx.config.settings.stageNames, openGatesOf(deal.openGates));
    if (failures.length > 0) {
      return { ok: false, reasons: failures.map((f) => f.message), card: toCard(deal, ctx.actor, ctx.config.team, ctx.moment, contactRulesOf(ctx.config.settings)) };
    }
    // The sidebar sends the positions of the neighbours it showed: the card goes between them.
    let position = seen ? positionBetween(seen) : null;
    if (position === null) {
      // An older sidebar, or neighbours too close to split: place it from the column as stored.
      if (seen) {
        const whole = loadDealFromTab(ctx, dealId);
        table = whole.table;
        row = whole.row;
      }
      const moving = row;
      // The index counts the cards the board shows: archived closed deals are not on it.
      const others = rowsWhere(table, 'stage', (stage) => stage === toStage, ctx.ports.dates)
        .filter((r) => r !== moving && !isArchived(toDeal(r.record), ctx.config.settings, ctx.moment))
        .map((r) => ({ row: r, position: typeof r.record.position === 'number' ? r.record.position : 0 }))
        .sort((a, b) => a.position - b.position || String(a.row.record.id).localeCompare(String(b.row.record.id)));
      const index = typeof positionArg === 'number' ? positionArg : others.length;
      position = positionAt(others.map((o) => o.position), index);
      if (position === null) {
        position = renumberColumn(ctx, table, others.map((o) => o.row), index);
      }
    }
    const stageChanged = toStage !== deal.stage;
    const patch: Record<string, unknown> = { ...stamp(ctx, deal), stage: toStage, position };
    if (stageChanged) {
      patch.stageSince = ctx.moment.now;
      const closing = CLOSED_STAGES.indexOf(toStage) >= 0;
      patch.closedAt = closing ? ctx.moment.now : null;
    }
    const names = ctx.config.settings.stageNames;
    const entries: ActivityRecord[] = [{
      kind: 'audit',
      dealId,
      clientId: deal.clientId,
      summary: stageChanged ? `Stage ${names[deal.stage]} → ${names[toStage]}` : `Reordered in ${names[toStage]}`,
    }];
    if (stageChanged && toStage === 'failed') patch.health = 'white';
    // What follows a stage change is listed in stageConsequences.ts; the plan goes into this write.
    const plan = planOnStageChange(ctx, deal, toStage);
    Object.assign(patch, plan.patch);
    entries.push(...plan.entries);
    updateRow(ctx.ports.sheets, table, row, patch, ctx.ports.dates);
    appendActivities(ctx.ports, ctx.actor.email, entries);
    const moved = toDeal({ ...row.record, ...patch } as DecodedRow['record']) as Deal & { stage: StageKey };
    afterStageChange(ctx, deal, moved, plan.planApplied);
    return { ok: true, reasons: [], card: toCard(moved, ctx.actor, ctx.config.team, ctx.moment, contactRulesOf(ctx.config.settings)) };
  });
}

/**
 * Rare: neighbours too close to split. The stage's cards get fresh positions: only their
 * Position cells are written (one block, keeping every other cell, when they are scattered).
 */
function renumberColumn(ctx: UseCaseContext, table: Table, ordered: DecodedRow[], index: number): number {
  const fresh = renumber(ordered.length + 1);
  const patches = ordered.map((row, i) => ({ row, patch: { position: fresh[i < index ? i : i + 1] } }));
  updateRows(ctx.ports.sheets, table, patches, ctx.ports.dates);
  for (const p of patches) p.row.record.position = p.patch.position;
  return fresh[index];
}

const STEP_LABELS: Record<string, string> = {
  estimateAccepted: 'Rough estimate accepted',
  estimateSent: 'Estimate sent',
  socialConnected: 'Connected on social networks',
  meetingAgreed: 'Personal meeting agreed',
};

const FIELD_LABELS: Record<string, string> = {
  title: 'Title', budget: 'Budget', forecast: 'Forecast', nextContactAt: 'Next contact', manager: 'Manager',
  expectedClose: 'Expected close', notes: 'Notes', clientName: 'Client', phone: 'Phone', email: 'Email',
  ...STEP_LABELS,
};

/** Turns the sidebar's patch into checked cell values, refusing anything unknown or malformed. */
export function validatePatch(ctx: UseCaseContext, patchArg: unknown, deal: Deal): Record<string, unknown> {
  const patch = requirePlainObject(patchArg, 'The change') as DealPatch & Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(patch)) {
    const value = patch[key];
    switch (key) {
      case 'title': out.title = requireText(value, 'The title', 200); break;
      case 'clientName': out.clientName = requireText(value, 'The client', 200, true); break;
      case 'phone': out.phone = requireText(value, 'The phone', 40, true); break;
      case 'email': out.email = requireText(value, 'The email', 200, true); break;
      case 'notes': out.notes = requireText(value, 'The notes', 5000, true); break;
      case 'budget': out.budget = requireAmount(value, 'The budget'); break;
      case 'forecast':
        if (value !== '' && !isForecast(value)) throw new InputError('The forecast must be green, yellow or red.');
        out.forecast = value;
        break;
      case 'estimateAccepted': case 'estimateSent': case 'socialConnected': case 'meetingAgreed':
        out[key] = requireBoolean(value, STEP_LABELS[key]);
        break;
      case 'nextContactAt': out.nextContactAt = optionalInstant(value, 'The next contact'); break;
      case 'expectedClose': out.expectedClose = optionalDay(value, 'The expected close date'); break;
      case 'manager': {
        const email = requireText(value, 'The manager', 200);
        const member = ctx.config.team.filter((m) => sameEmail(m.email, email) && m.active)[0];
        if (!member || member.role === 'executor') throw new InputError(`${email} is not a manager on the Users tab.`);
        if (!sameEmail(email, deal.manager) && !isSupervisor(ctx.actor)) {
          throw new InputError('Only a head or the owner may hand a deal to another manager.');
        }
        out.manager = member.email;
        break;
      }
      default:
        throw new InputError(`"${key}" cannot be changed from the board.`);
    }
  }
  return out;
}

function describeChange(key: string, before: unknown, after: unknown, ctx: UseCaseContext): string {
  const label = FIELD_LABELS[key] || key;
  if (key in STEP_LABELS) return `${label}: ${after ? 'ticked' : 'unticked'}`;
  if (key === 'notes') return 'Notes edited';
  // A date-and-time field shows its time too, so moving a call from 09:00 to 14:00 reads as a change.
  const withTime = DEALS.columns.some((c) => c.key === key && c.type === 'datetime');
  const show = (v: unknown): string => {
    if (v === null || v === undefined || v === '') return '—';
    if (isDate(v)) return withTime ? localDateTime(v, ctx.config.timeZone) : ctx.moment.localDay(v);
    return String(v);
  };
  return `${label}: ${show(before)} → ${show(after)}`;
}

/** A deal field as the card shows it: instants as ISO, the expected close as its local day. */
function plainDealValue(ctx: UseCaseContext, key: string, value: unknown): PlainValue {
  if (isDate(value)) return key === 'expectedClose' ? ctx.moment.localDay(value) : value.toISOString();
  if (key === 'nextContactAt' && typeof value === 'string' && value !== '') {
    const at = Date.parse(value);
    return isFinite(at) ? new Date(at).toISOString() : value;
  }
  if (value === undefined) return null;
  return typeof value === 'object' ? String(value) : (value as PlainValue);
}

/**
 * A save on a card someone changed since it was read (issue 21, item 4): the changed fields the
 * other change left alone stay in `changes`; fields both changed leave it and come back as conflicts.
 */
function mergeStale(ctx: UseCaseContext, deal: Deal, changes: Record<string, unknown>, base: Record<string, unknown>): CardMerge {
  const plain = (values: Record<string, unknown>) => {
    const out: Record<string, PlainValue> = {};
    for (const key of Object.keys(changes)) if (key in values) out[key] = plainDealValue(ctx, key, values[key]);
    return out;
  };
  const outcome = mergeFields(plain(changes), plain(base), plain(deal as unknown as Record<string, unknown>));
  for (const c of outcome.conflicts) delete changes[c.field];
  const { who, when } = lastChange(ctx, deal);
  return {
    changedBy: `${who} changed it${when}`,
    saved: outcome.apply.map((k) => FIELD_LABELS[k] || k),
    conflicts: outcome.conflicts.map((c) => ({ field: c.field, label: FIELD_LABELS[c.field] || c.field, yours: c.yours, theirs: c.theirs })),
  };
}

/**
 * `baseArg` (optional) holds what the card showed for each changed field: with it, a stale version
 * is merged field by field instead of refused; without it (an older sidebar) a stale save is refused.
 */
export function updateDeal(ctx: UseCaseContext, dealIdArg: unknown, patchArg: unknown, versionArg: unknown, baseArg?: unknown, clientIndex?: ClientIndexStore): UpdatedCard {
  const dealId = requireId(dealIdArg, 'The deal');
  const expectedVersion = requireVersion(versionArg);
  const base = baseArg === undefined || baseArg === null ? null : requirePlainObject(baseArg, 'What the card showed');
  return ctx.ports.lock.withDocumentLock(() => {
    const { table, row, deal } = loadDeal(ctx, dealId);
    if (!base) refuseIfStale(ctx, `"${deal.title}"`, deal, expectedVersion);
    if (!canEditDeal(ctx.actor, deal.manager)) {
      throw new InputError(`Only the deal's manager, a head or the owner may change "${deal.title}".`);
    }
    const changes = validatePatch(ctx, patchArg, deal);
    const merge = base && deal.version !== expectedVersion ? mergeStale(ctx, deal, changes, base) : undefined;
    const withMerge = (card: Card): UpdatedCard => (merge ? { ...card, merge } : card);
    const record = row.record as Record<string, unknown>;
    const summaries: string[] = [];
    for (const key of Object.keys(changes)) {
      const before = record[key];
      const after = changes[key];
      const same = isDate(before) && isDate(after)
        ? before.getTime() === after.getTime()
        : key === 'expectedClose' && before ? ctx.moment.localDay(before as Date) === after : before === after;
      if (!same) summaries.push(describeChange(key, before, after, ctx));
      else delete changes[key];
    }
    if (summaries.length === 0) return withMerge(toCard(deal, ctx.actor, ctx.config.team, ctx.moment, contactRulesOf(ctx.config.settings)));
    const patch = { ...changes, ...stamp(ctx, deal) };
    updateRow(ctx.ports.sheets, table, row, patch, ctx.ports.dates);
    appendActivities(ctx.ports, ctx.actor.email, [{ kind: 'audit', dealId, clientId: deal.clientId, summary: summaries.join('; ') }]);
    // The client's name is the client's (issue 21, item 5): the client base and its other deals follow.
    if (typeof changes.clientName === 'string' && renameClientRow(ctx, deal.clientId, changes.clientName)) {
      renameClientOnDeals(ctx, deal.clientId, changes.clientName, dealId);
      if (clientIndex) forgetClientIndex(clientIndex);
    }
    const updated = toDeal(decodeBack(table, row));
    return withMerge(toCard(updated as Deal & { stage: StageKey }, ctx.actor, ctx.config.team, ctx.moment, contactRulesOf(ctx.config.settings)));
  });
}

/** The record as now written, re-read from the raw row so the card shows stored values. */
function decodeBack(table: Table, row: DecodedRow): DecodedRow['record'] {
  const raw = table.raw[row.row - 2];
  const out: DecodedRow['record'] = { ...row.record };
  for (const column of table.tab.columns) {
    const at = table.map.index[column.key];
    if (at === undefined) continue;
    const value = raw[at];
    if (column.type === 'checkbox') out[column.key] = value === true;
    else if (column.type === 'enum' || column.type === 'text' || column.type === 'longtext' || column.type === 'email' || column.type === 'phone' || column.type === 'id') {
      out[column.key] = typeof value === 'string' ? value.replace(/^'/, '') : String(value == null ? '' : value);
    } else out[column.key] = value === '' ? null : (value as DecodedRow['record'][string]);
  }
  return out;
}

export function getDeal(ctx: UseCaseContext, dealIdArg: unknown): DealDetails {
  const dealId = requireId(dealIdArg, 'The deal');
  refuseUnlessExecutorWorksOn(ctx, dealId);
  const { deal } = loadDeal(ctx, dealId);
  const activities = openRows(ctx.ports.sheets, ACTIVITIES, ctx.ports.dates).where('dealId', dealId);
  // Newest first; rows written in the same second keep the sheet's order, the last one first.
  const history: HistoryEntry[] = activities
    .filter((r) => r.record.dealId === dealId)
    .reverse()
    .map((r) => ({
      at: isDate(r.record.at) ? r.record.at.toISOString() : null,
      user: String(r.record.user || ''),
      kind: String(r.record.kind || ''),
      summary: String(r.record.summary || ''),
      withWhom: String(r.record.withWhom || ''),
      agreed: String(r.record.agreed || ''),
      nextStep: String(r.record.nextStep || ''),
    }))
    .sort((a, b) => String(b.at).localeCompare(String(a.at)))
    .slice(0, 200);
  return {
    card: toCard(deal, ctx.actor, ctx.config.team, ctx.moment, contactRulesOf(ctx.config.settings)),
    notes: deal.notes,
    source: deal.source,
    createdAt: iso(deal.createdAt),
    history,
    allowedMoves: allowedMovesFor(deal.stage),
    checkpoints: checkpointsForDeal(ctx, deal),
  };
}
