// After the sale: plans, checkpoints, marking done, health and the desk.
import { queueCheckpointMail } from '../mail/notifications';
import { CHECKPOINTS, DEALS, PLANS } from '../../workbook/schema';
import { Table, appendRecords, findRow, readTable, updateRow } from '../../workbook/table';
import { requireColumns } from '../../workbook/headers';
import { canCompleteCheckpoint, canPlanCheckpoints } from '../../domain/checkpoints/checkpointAccess';
import { PlanStep, personResponsible, planCheckpoints } from '../../domain/checkpoints/plans';
import { severity, Health } from '../../domain/checkpoints/health';
import { dealDelays, delayReport } from '../../domain/checkpoints/delays';
import { addDays } from '../../domain/kernel/timezone';
import { isSupervisor, sameEmail } from '../../domain/kernel/roles';
import { StageKey, isStageKey } from '../../domain/deals/stages';
import { Ports } from '../../ports';
import { Config } from '../kernel/config';
import { Checkpoint, Deal, toCheckpoint, toDeal } from '../kernel/records';
import { UseCaseContext, momentOf } from '../kernel/session';
import { checkpointView, dealHealth, groupByDeal, healthPatch, nearestOpen } from './healthBook';
import { CheckpointInput, CheckpointView, HealthDesk, HealthDeskItem } from '../contracts/health';
import { appendActivities } from '../kernel/audit';
import { loadDeal } from '../deals/dealLoading';
import { refuseIfStale } from '../kernel/conflicts';
import { isArchived } from '../deals/boardView';
import { duplicateId, openRows, readCellsOf, readColumns } from '../../workbook/rows';
import { missingTabError } from '../../workbook/errors';
import { DecodedRow, decodeCell, encodeCell, formulaSafe } from '../../workbook/codec';
import { readDeskRows } from './deskRows';
import { InputError, optionalDay, optionalText, requireBoolean, requireId, requirePlainObject, requireText, requireVersion } from '../kernel/validate';

/** The columns health depends on, and the two it writes (issue 26: no other column is read). */
const HEALTH_DEAL_COLUMNS = ['id', 'stage', 'deadline', 'health', 'openGates'];
// Due days only matter for open checkpoints and names only for open gates: read for those rows
// alone (most of 43,000 checkpoints belong to finished deals and are done).
const HEALTH_CHECKPOINT_COLUMNS = ['dealId', 'gatesStage', 'doneAt', 'doneBy'];

/**
 * Recomputes every deal's health from only the columns it needs (one read per run of adjacent
 * columns) and writes only the Health and Open gates cells that changed: one RangeList call per
 * distinct value (sheets.writeCells), never the other deals' cells.
 */
export function recomputeAllHealth(ports: Ports, config: Config): Record<Health, number> & { changed: number } {
  return ports.lock.withDocumentLock(() => {
    const deals = readColumns(ports.sheets, DEALS, ports.dates, HEALTH_DEAL_COLUMNS);
    if (!deals) throw missingTabError(DEALS.name);
    requireColumns(DEALS, deals.map, ['health', 'openGates']);
    const checkpoints = readColumns(ports.sheets, CHECKPOINTS, ports.dates, HEALTH_CHECKPOINT_COLUMNS);
    if (!checkpoints) throw missingTabError(CHECKPOINTS.name);
    const read = checkpoints.rows.map((r) => ({ row: r.row, checkpoint: toCheckpoint(r.record) }));
    const fill = (key: 'due' | 'name', wanted: typeof read) => {
      if (checkpoints.map.index[key] !== undefined) return; // a small tab was read whole
      const cells = readCellsOf(ports.sheets, CHECKPOINTS, checkpoints.header, key, wanted.map((c) => c.row));
      const column = CHECKPOINTS.columns.filter((c) => c.key === key)[0];
      for (const c of wanted) {
        const decoded = decodeCell(column, cells[c.row], ports.dates);
        const value = decoded.ok ? decoded.value : null;
        if (key === 'due') c.checkpoint.due = value instanceof Date ? value : null;
        else c.checkpoint.name = value === null || value === undefined ? '' : String(value);
      }
    };
    const open = read.filter((c) => c.checkpoint.doneAt === null);
    fill('due', open);
    fill('name', open.filter((c) => c.checkpoint.gatesStage !== ''));
    const byDeal = groupByDeal(read.map((c) => c.checkpoint));
    const moment = momentOf(ports.clock.now(), config.timeZone);
    const healthAt = deals.map.index.health;
    const gatesAt = deals.map.index.openGates;
    const gatesColumn = DEALS.columns.filter((c) => c.key === 'openGates')[0];
    const cells: { row: number; column: number; value: string }[] = [];
    const counts = { white: 0, green: 0, amber: 0, red: 0, changed: 0 };
    for (const row of deals.rows) {
      const deal = toDeal(row.record);
      if (!deal.stage) continue;
      const next = dealHealth(deal as Deal & { stage: StageKey }, byDeal[deal.id] || [], moment.today, config.settings.healthAmberDays, moment.localDay);
      counts[next.health] += 1;
      const raw = deals.raw[row.row - 2];
      const healthChanged = raw[healthAt] !== next.health;
      const gatesChanged = String(raw[gatesAt] ?? '') !== next.openGates;
      if (healthChanged) cells.push({ row: row.row, column: healthAt + 1, value: next.health });
      // Gate names come from Checkpoints (typed by people): written formula-safe.
      if (gatesChanged) cells.push({ row: row.row, column: gatesAt + 1, value: String(encodeCell(gatesColumn, next.openGates, ports.dates)) });
      if (healthChanged || gatesChanged) counts.changed += 1;
    }
    if (cells.length > 0) ports.sheets.writeCells(DEALS.name, cells);
    return counts;
  });
}

function checkpointsOf(table: Table, dealId: string): Checkpoint[] {
  return table.rows.filter((r) => r.record.dealId === dealId).map((r) => toCheckpoint(r.record));
}

function readPlanSteps(ports: Ports, planName: string): (PlanStep & { order: number })[] {
  const plans = readTable(ports.sheets, PLANS, ports.dates);
  const all = plans.rows.map((r) => ({
    plan: String(r.record.plan || ''),
    name: String(r.record.name || ''),
    order: typeof r.record.order === 'number' ? r.record.order : 0,
    daysFromStart: typeof r.record.daysFromStart === 'number' ? r.record.daysFromStart : 0,
    responsible: String(r.record.responsible || ''),
    allowed: String(r.record.allowed || ''),
    gatesStage: (isStageKey(r.record.gatesStage) ? r.record.gatesStage : '') as StageKey | '',
  }));
  const wanted = planName.trim().toLowerCase();
  const steps = all.filter((s) => s.plan.trim().toLowerCase() === wanted && s.name !== '');
  if (steps.length === 0) {
    const names = all.map((s) => s.plan).filter((p, i, list) => p && list.indexOf(p) === i);
    throw new InputError(`There is no plan "${planName}" on the Plans tab${names.length ? ` (plans: ${names.join(', ')})` : ''}.`);
  }
  return steps;
}

export function defaultPlanName(ports: Ports): string | null {
  const plans = readTable(ports.sheets, PLANS, ports.dates);
  const first = plans.rows.filter((r) => String(r.record.plan || '') !== '')[0];
  return first ? String(first.record.plan) : null;
}

/**
 * Appends a plan's checkpoints for a deal (inside the caller's lock) and returns the new
 * health cells of the deal; the caller writes the deal row.
 */
export function applyPlanInsideLock(ctx: UseCaseContext, deal: Deal & { stage: StageKey }, planName: string, startDay: string): { added: number; patch: Record<string, unknown> } {
  const steps = readPlanSteps(ctx.ports, planName);
  const found = openRows(ctx.ports.sheets, CHECKPOINTS, ctx.ports.dates);
  const existing = found.where('dealId', deal.id).map((r) => toCheckpoint(r.record));
  const table = found.table;
  const planned = planCheckpoints(steps, startDay, deal.manager, existing.map((c) => c.name), ctx.config.team);
  const now = ctx.moment.now;
  const records = planned.map((p) => ({
    id: ctx.ports.ids.next(CHECKPOINTS.idPrefix), dealId: deal.id, name: p.name, due: p.due, responsible: p.responsible,
    allowed: p.allowed, gatesStage: p.gatesStage, doneAt: null, doneBy: '', notes: '', version: 1, updatedAt: now, updatedBy: ctx.actor.email,
  }));
  appendRecords(ctx.ports.sheets, table, records, ctx.ports.dates);
  const all = existing.concat(records.map((r) => ({
    ...r, due: ctx.ports.dates.fromLocalDate(r.due), doneAt: null, gatesStage: r.gatesStage, updatedAt: now,
  }) as Checkpoint));
  return { added: records.length, patch: healthPatch(ctx, deal, all) };
}

export function applyPlan(ctx: UseCaseContext, dealIdArg: unknown, planNameArg: unknown, startDateArg: unknown) {
  const dealId = requireId(dealIdArg, 'The deal');
  const planName = requireText(planNameArg, 'The plan', 100);
  const startDay = optionalDay(startDateArg, 'The start date') || ctx.moment.today;
  return ctx.ports.lock.withDocumentLock(() => {
    const { table, row, deal } = loadDeal(ctx, dealId);
    if (!canPlanCheckpoints(ctx.actor, deal.manager)) throw new InputError(`Only the deal's manager, a head or the owner may plan "${deal.title}".`);
    const { added, patch } = applyPlanInsideLock(ctx, deal, planName, startDay);
    if (Object.keys(patch).length) updateRow(ctx.ports.sheets, table, row, patch, ctx.ports.dates);
    appendActivities(ctx.ports, ctx.actor.email, [{ kind: 'audit', dealId, clientId: deal.clientId, summary: `Plan ${planName} applied from ${startDay}: ${added} checkpoint${added === 1 ? '' : 's'} added` }]);
    return { dealId, added, health: (patch.health as string) || deal.health };
  });
}

export function saveCheckpoint(ctx: UseCaseContext, inputArg: unknown) {
  const input = requirePlainObject(inputArg, 'The checkpoint') as CheckpointInput & Record<string, unknown>;
  const dealId = requireId(input.dealId, 'The deal');
  const creating = input.id === undefined || input.id === null || input.id === '';
  const fields: Record<string, unknown> = {};
  if (input.name !== undefined) fields.name = requireText(input.name, 'The checkpoint name', 200);
  if (input.due !== undefined) fields.due = optionalDay(input.due, 'The due date');
  if (input.responsible !== undefined) fields.responsible = optionalText(input.responsible, 'The responsible person', 200);
  if (input.allowed !== undefined) fields.allowed = optionalText(input.allowed, 'The allowed roles/users', 500);
  if (input.notes !== undefined) fields.notes = optionalText(input.notes, 'The notes', 5000);
  if (input.gatesStage !== undefined) {
    if (input.gatesStage !== '' && !isStageKey(input.gatesStage)) throw new InputError(`"${String(input.gatesStage)}" is not a stage.`);
    fields.gatesStage = input.gatesStage;
  }
  const remove = input.remove === undefined ? false : requireBoolean(input.remove, 'Remove');
  if (creating && !fields.name) throw new InputError('The checkpoint name cannot be empty.');
  return ctx.ports.lock.withDocumentLock(() => {
    const deals = loadDeal(ctx, dealId);
    if (!canPlanCheckpoints(ctx.actor, deals.deal.manager)) throw new InputError(`Only the deal's manager, a head or the owner may plan "${deals.deal.title}".`);
    const found = openRows(ctx.ports.sheets, CHECKPOINTS, ctx.ports.dates);
    found.where('dealId', dealId);
    const table = found.table;
    let others = checkpointsOf(table, dealId);
    let summary: string;
    let id: string;
    if (creating) {
      id = ctx.ports.ids.next(CHECKPOINTS.idPrefix);
      const record = { id, dealId, responsible: '', allowed: '', gatesStage: '', notes: '', due: null, ...fields, doneAt: null, doneBy: '', version: 1, updatedAt: ctx.moment.now, updatedBy: ctx.actor.email };
      appendRecords(ctx.ports.sheets, table, [record], ctx.ports.dates);
      others = others.concat([{ ...(record as unknown as Checkpoint), due: record.due ? ctx.ports.dates.fromLocalDate(String(record.due)) : null }]);
      summary = `Checkpoint added: ${String(fields.name)}${fields.due ? ` due ${String(fields.due)}` : ''}`;
    } else {
      id = requireId(input.id, 'The checkpoint');
      const row = found.byId(id);
      if (!row || row.record.dealId !== dealId) throw new InputError(`There is no checkpoint ${id} on this deal.`);
      const current = toCheckpoint(row.record);
      refuseIfStale(ctx, `the checkpoint "${current.name}"`, current, requireVersion(input.expectedVersion));
      if (remove) {
        ctx.ports.sheets.deleteRows(CHECKPOINTS.name, row.row, 1);
        others = others.filter((c) => c.id !== id);
        summary = `Checkpoint removed: ${current.name}`;
      } else {
        updateRow(ctx.ports.sheets, table, row, { ...fields, version: current.version + 1, updatedAt: ctx.moment.now, updatedBy: ctx.actor.email }, ctx.ports.dates);
        const changed = Object.keys(fields).map((k) => k === 'due' ? `due ${current.due ? ctx.moment.localDay(current.due) : '—'} → ${fields.due || '—'}` : k).join(', ');
        others = checkpointsOf(table, dealId).map((c) => (c.id === id ? { ...c, ...fields, due: fields.due !== undefined ? (fields.due ? ctx.ports.dates.fromLocalDate(String(fields.due)) : null) : c.due } as Checkpoint : c));
        summary = `Checkpoint ${current.name} changed: ${changed}`;
      }
    }
    const patch = healthPatch(ctx, deals.deal, others);
    if (Object.keys(patch).length) updateRow(ctx.ports.sheets, deals.table, deals.row, patch, ctx.ports.dates);
    appendActivities(ctx.ports, ctx.actor.email, [{ kind: 'audit', dealId, clientId: deals.deal.clientId, summary }]);
    return { id, dealId, removed: remove, health: (patch.health as string) || deals.deal.health };
  });
}

export function completeCheckpoint(ctx: UseCaseContext, checkpointIdArg: unknown, doneArg: unknown, dealIdArg?: unknown) {
  const checkpointId = requireId(checkpointIdArg, 'The checkpoint');
  const done = requireBoolean(doneArg, 'Done');
  // The sidebar may say which deal the checkpoint belongs to: then one search finds it and its siblings.
  const hint = dealIdArg === undefined || dealIdArg === null || dealIdArg === '' ? null : requireId(dealIdArg, 'The deal');
  return ctx.ports.lock.withDocumentLock(() => {
    const found = openRows(ctx.ports.sheets, CHECKPOINTS, ctx.ports.dates);
    let row: DecodedRow | undefined;
    if (hint) {
      const same = found.where('dealId', hint).filter((r) => r.record.id === checkpointId);
      if (same.length > 1) throw duplicateId(CHECKPOINTS, checkpointId, same.map((r) => r.row));
      row = same[0];
    }
    // Without a hint, or with a wrong one, the checkpoint is found by its own id.
    if (!row) row = found.byId(checkpointId);
    if (!row) throw new InputError(`There is no checkpoint with id ${checkpointId}.`);
    const checkpoint = toCheckpoint(row.record);
    const deals = loadDeal(ctx, checkpoint.dealId);
    // The deal's other checkpoints, for its health: found by the Deal ID column, read alone.
    if (hint !== checkpoint.dealId) found.where('dealId', checkpoint.dealId);
    const table = found.table;
    if (!canCompleteCheckpoint(ctx.actor, checkpoint, deals.deal.manager)) {
      throw new InputError(`Only ${checkpoint.responsible || 'the responsible person'}${checkpoint.allowed ? `, ${checkpoint.allowed}` : ''}, a head or the owner may mark "${checkpoint.name}" done.`);
    }
    const isDone = checkpoint.doneAt !== null;
    const view = (c: Checkpoint) => checkpointView(c, ctx.actor, deals.deal.manager, ctx.moment.today, ctx.moment.localDay);
    if (isDone === done) return { checkpoint: view(checkpoint), health: deals.deal.health, changed: false };
    const patch = done
      ? { doneAt: ctx.moment.today, doneBy: ctx.actor.email }
      : { doneAt: null, doneBy: '' };
    updateRow(ctx.ports.sheets, table, row, { ...patch, version: checkpoint.version + 1, updatedAt: ctx.moment.now, updatedBy: ctx.actor.email }, ctx.ports.dates);
    const updated: Checkpoint = { ...checkpoint, doneAt: done ? ctx.ports.dates.fromLocalDate(ctx.moment.today) : null, doneBy: done ? ctx.actor.email : '', version: checkpoint.version + 1 };
    const all = checkpointsOf(table, checkpoint.dealId).map((c) => (c.id === checkpointId ? updated : c));
    const health = healthPatch(ctx, deals.deal, all);
    if (Object.keys(health).length) updateRow(ctx.ports.sheets, deals.table, deals.row, health, ctx.ports.dates);
    const late = done && checkpoint.due && ctx.moment.localDay(checkpoint.due) < ctx.moment.today ? ` (planned ${ctx.moment.localDay(checkpoint.due)})` : '';
    appendActivities(ctx.ports, ctx.actor.email, [{
      kind: 'audit', dealId: checkpoint.dealId, clientId: deals.deal.clientId,
      summary: done ? `Checkpoint done: ${checkpoint.name}${late}` : `Checkpoint reopened: ${checkpoint.name}`,
    }]);
    if (done) queueCheckpointMail(ctx, deals.deal, updated, all);
    return { checkpoint: view(updated), health: (health.health as string) || deals.deal.health, changed: true };
  });
}

/** `stamp`: the workbook's change stamp, read first: the rows found are kept under it (deskRows.ts). */
export function getHealth(ctx: UseCaseContext, scopeArg?: unknown, stamp = ''): HealthDesk {
  // An executor's "All" would list every manager's pipeline with clients and amounts (item 13).
  const scope: HealthDesk['scope'] = ctx.actor.role === 'executor' ? 'mine'
    : scopeArg === 'all' || ((scopeArg === undefined || scopeArg === null) && isSupervisor(ctx.actor)) ? 'all' : 'mine';
  // Only live and recently closed deals are on the desk: archived ones are not read (boardRows.ts),
  // nor their checkpoints and payments (found by key columns or by the kept index, deskRows.ts).
  const rows = readDeskRows(ctx, stamp);
  const deals = { deals: rows.deals };
  const byDeal = groupByDeal(rows.checkpoints.map((r) => toCheckpoint(r.record)));
  const paid: Record<string, number> = {};
  for (const r of rows.payments) {
    const id = String(r.record.dealId || '');
    if (typeof r.record.amount === 'number') paid[id] = (paid[id] || 0) + r.record.amount;
  }
  const { moment, actor, config } = ctx;
  // Executors see the work, not the money, unless Settings executor_sees_money (issue 21, item 17).
  const moneyHidden = actor.role === 'executor' && !config.settings.executorSeesMoney;
  const mine = (deal: Deal, list: readonly Checkpoint[]) =>
    sameEmail(deal.manager, actor.email) || list.some((c) => sameEmail(c.responsible, actor.email) || (c.responsible === actor.role && actor.role === 'executor'));
  const items: HealthDeskItem[] = [];
  const counts: Record<Health, number> = { red: 0, amber: 0, green: 0, white: 0 };
  for (const deal of deals.deals) {
    if (!deal.stage || deal.stage === 'failed' || isArchived(deal, config.settings, moment)) continue;
    const list = byDeal[deal.id] || [];
    if (scope === 'mine' && !mine(deal, list)) continue;
    const { health } = dealHealth(deal as Deal & { stage: StageKey }, list, moment.today, config.settings.healthAmberDays, moment.localDay);
    const views: CheckpointView[] = list.map((c) => checkpointView(c, actor, deal.manager, moment.today, moment.localDay));
    counts[health] += 1;
    items.push({
      dealId: deal.id,
      title: deal.title,
      clientName: deal.clientName,
      stage: deal.stage,
      manager: deal.manager,
      health,
      nearest: nearestOpen(views),
      openCount: views.filter((v) => v.doneAt === null).length,
      doneCount: views.filter((v) => v.doneAt !== null).length,
      paid: moneyHidden ? 0 : Math.round((paid[deal.id] || 0) * 100) / 100,
      amount: moneyHidden ? 0 : deal.amount > 0 ? deal.amount : deal.budget,
      expectedClose: deal.expectedClose ? moment.localDay(deal.expectedClose) : null,
      deadline: deal.deadline ? moment.localDay(deal.deadline) : null,
    });
  }
  items.sort((a, b) => severity(b.health) - severity(a.health)
    || String(a.nearest ? a.nearest.due : '9999').localeCompare(String(b.nearest ? b.nearest.due : '9999'))
    || a.title.localeCompare(b.title));
  return { today: moment.today, currency: config.settings.currency, scope, counts, items, ...(moneyHidden ? { moneyHidden } : {}) };
}

export function checkpointsForDeal(ctx: UseCaseContext, deal: Deal): CheckpointView[] {
  const table = openRows(ctx.ports.sheets, CHECKPOINTS, ctx.ports.dates);
  return table.where('dealId', deal.id).map((r) => toCheckpoint(r.record))
    .map((c) => checkpointView(c, ctx.actor, deal.manager, ctx.moment.today, ctx.moment.localDay))
    .sort((a, b) => String(a.due).localeCompare(String(b.due)));
}

export const REPORT_TAB = 'Delay report';

export function refreshDelayReport(ports: Ports, config: Config): number {
  const checkpoints = readTable(ports.sheets, CHECKPOINTS, ports.dates);
  const moment = momentOf(ports.clock.now(), config.timeZone);
  // A role as responsible (a plan's "executor") is credited to the person it stands for.
  const person = (c: Checkpoint) => personResponsible(c.responsible, config.team, c.doneBy);
  const rows = delayReport(checkpoints.rows.map((r) => toCheckpoint(r.record)).map((c) => ({
    name: c.name,
    responsible: person(c),
    due: c.due ? moment.localDay(c.due) : null,
    doneAt: c.doneAt ? moment.localDay(c.doneAt) : null,
  })), moment.today);
  const values: unknown[][] = [['By', 'Checkpoint or person', 'Done', 'Average delay (days)', 'Worst delay (days)', 'Open', 'Late now', `Refreshed ${moment.today}`]];
  // Checkpoint names and people come from cells: written formula-safe like every text the add-on writes.
  for (const r of rows) values.push([formulaSafe(r.group), formulaSafe(r.key), r.done, r.averageDelayDays, r.worstDelayDays, r.open, r.lateNow, '']);
  // Issue 23: below the totals, planned vs actual per checkpoint of each deal over the last 90
  // days, with who was responsible and who ticked it, the latest first.
  const perDeal = dealDelays(checkpoints.rows.map((r) => toCheckpoint(r.record)).map((c) => ({
    dealId: c.dealId, name: c.name, responsible: person(c), doneBy: c.doneBy,
    due: c.due ? moment.localDay(c.due) : null, doneAt: c.doneAt ? moment.localDay(c.doneAt) : null,
  })), moment.today, addDays(moment.today, -90));
  if (perDeal.length) {
    values.push(['', '', '', '', '', '', '', '']);
    values.push(['Deal', 'Checkpoint', 'Responsible', 'Due', 'Done at', 'Days late', 'Done by', 'Last 90 days, latest first']);
    for (const d of perDeal) values.push([formulaSafe(d.dealId), formulaSafe(d.name), formulaSafe(d.responsible), d.due, d.doneAt || 'open', d.daysLate, formulaSafe(d.doneBy), '']);
  }
  ports.lock.withDocumentLock(() => ports.sheets.replaceAll(REPORT_TAB, values));
  return rows.length;
}

/** Typing a date into "Done at" in the sheet marks the checkpoint done: fill in who did it. */
/** `deals` reads the Deals tab at most once for all the rows one edit touched. */
export function completedByHand(ports: Ports, table: Table, rowNumber: number, editor: string, config: Config, deals: () => Table): string | null {
  const row = table.rows.filter((r) => r.row === rowNumber)[0];
  if (!row) return null;
  const checkpoint = toCheckpoint(row.record);
  if (!checkpoint.unconfirmedDoneAt) return null;
  const member = config.team.filter((m) => sameEmail(m.email, editor))[0];
  const actor = member ? { email: member.email, name: member.name, role: member.role } : null;
  const dealRow = findRow(deals(), checkpoint.dealId);
  const manager = dealRow ? String(dealRow.record.manager || '') : '';
  if (!actor || !canCompleteCheckpoint(actor, checkpoint, manager)) {
    return `${editor || 'Someone'} may not mark "${checkpoint.name}" done`;
  }
  updateRow(ports.sheets, table, row, { doneBy: actor.email, version: checkpoint.version + 1, updatedAt: ports.clock.now(), updatedBy: actor.email }, ports.dates);
  return null;
}
