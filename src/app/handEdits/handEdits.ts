// People type into the sheet. The add-on follows: config edits refresh the cached config,
// stage edits are audited, and a forbidden transition typed by hand becomes a listed problem.
import { CHECKPOINTS, DEALS, SETTINGS, USERS } from '../../workbook/schema';
import { completedByHand, recomputeAllHealth } from '../checkpoints/checkpoints';
import { mapHeaders } from '../../workbook/headers';
import { DecodedRow, decodeRow, isDate as isDateValue, Problem } from '../../workbook/codec';
import { Table, readTable, updateRows } from '../../workbook/table';
import { rowsWhereIn } from '../../workbook/rows';
import { evaluateMove } from '../../domain/deals/moves';
import { openGatesOf } from '../../domain/checkpoints/health';
import { StageKey } from '../../domain/deals/stages';
import { stageLabel, stageOfCell } from '../../workbook/stageLabels';
import { Ports } from '../../ports';
import { refreshConfig, loadConfig, currentActor } from '../kernel/config';
import { appendActivities } from '../kernel/audit';
import { appendStageHistory } from '../deals/stageHistory';
import { StageChange } from '../../domain/deals/stageHistory';
import { Deal, toCheckpoint, toDeal } from '../kernel/records';
import { dealHealth, groupByDeal } from '../checkpoints/healthBook';
import { momentOf } from '../kernel/session';
import { guardOwnerTab, isOwnerTab } from '../setup/ownerTabs';
import { TRACKED_DEAL_COLUMNS, judgeTrackedDealEdit, shownBefore } from './trackedEdits';
// The shapes live in a leaf so ownerTabs, trackedEdits and outbox need not import this file back.
import type { EditFacts, ProblemStore } from './handEditFacts';
export type { EditFacts, ProblemStore } from './handEditFacts';

export const HAND_PROBLEMS_KEY = 'dealboard:hand-problems';
const MAX_HAND_PROBLEMS = 50;

export function handleEdit(ports: Ports, store: ProblemStore, facts: EditFacts): void {
  if (isOwnerTab(facts.sheetName)) {
    // The config from before the edit: whoever just typed "owner" on Users is judged by their old
    // role. Under the lock: it may put a cell back and adds to the problem list.
    const before = loadConfig(ports);
    ports.lock.withDocumentLock(() => guardOwnerTab(ports, store, before, facts, editorOf(ports, facts)));
    if (facts.sheetName === SETTINGS.name || facts.sheetName === USERS.name) refreshConfig(ports);
    return;
  }
  if (facts.sheetName === CHECKPOINTS.name) {
    handleCheckpointEdit(ports, store, facts);
    return;
  }
  if (facts.sheetName !== DEALS.name || !facts.header) return;
  const header = facts.header;
  const map = mapHeaders(DEALS, header);
  const within = (at: number | undefined) => at !== undefined && at + 1 >= facts.column && at + 1 <= facts.column + facts.numColumns - 1;
  const touchesStage = within(map.index.stage);
  const touchesTracked = TRACKED_DEAL_COLUMNS.some((key) => within(map.index[key]));
  if (!touchesStage && !touchesTracked) return;
  // Another execution (a save from the sidebar, another hand edit) may have written these rows
  // or the problem list since the event fired: read them again under the document lock, so the
  // rows written back and the problems stored hold its changes too. The header is the event's
  // (columns are the owner's to move, and rarely): only the rows are read again.
  ports.lock.withDocumentLock(() => {
    const rows = ports.sheets.readBlock(DEALS.name, facts.row, 1, facts.numRows, Math.max(header.length, 1)) || [];
    const withRows = { ...facts, header, rows };
    if (touchesTracked) {
      const editor = editorOf(ports, facts);
      const judged = judgeTrackedDealEdit(ports, store, withRows, map, editor ? actorOf(ports, loadConfig(ports), facts) : null, editor || 'someone whose e-mail Google did not disclose');
      appendActivities(ports, editor || 'someone', judged.entries);
      if (judged.reverted || !touchesStage) return;
    }
    handleStageEdit(ports, store, withRows);
  });
}

/** Who typed, as the team knows them; someone not on it is judged as an executor. */
function actorOf(ports: Ports, config: ReturnType<typeof loadConfig>, facts: EditFacts) {
  try {
    return currentActor(ports, config, editorOf(ports, facts));
  } catch (_unknownUser) {
    return { email: editorOf(ports, facts) || 'someone', name: 'someone', role: 'executor' as const };
  }
}

function handleStageEdit(ports: Ports, store: ProblemStore, facts: EditFacts & { header: unknown[]; rows: unknown[][] }): void {
  const { header, rows } = facts;
  const map = mapHeaders(DEALS, header);
  const stageCol = map.index.stage as number;
  const config = loadConfig(ports);
  const names = config.settings.stageNames;
  const actor = actorOf(ports, config, facts);
  const problems = store.get();
  const how = facts.via || 'typed in the sheet';
  const raw: unknown[][] = [];
  rows.forEach((r, i) => (raw[facts.row + i - 2] = r));
  const table: Table = { tab: DEALS, map, raw, rows: [], problems: [] };
  const now = ports.clock.now();
  // A stage typed by hand may sit behind an open gate: the row's Health says so at once. Only
  // the edited deals' checkpoints are read (the Deal ID column, then their rows).
  const idAt = map.index.id;
  const edited = new Set(rows.map((r) => (idAt === undefined ? '' : String(r[idAt] == null ? '' : r[idAt]).trim())).filter((id) => id !== ''));
  const byDeal = groupByDeal(rowsWhereIn(ports.sheets, CHECKPOINTS, ports.dates, 'dealId', edited).map((r) => toCheckpoint(r.record)));
  const moment = momentOf(now, config.timeZone);
  const healthOf = (deal: Deal, stage: StageKey): Record<string, unknown> => {
    const next = dealHealth({ ...deal, stage }, byDeal[deal.id] || [], moment.today, config.settings.healthAmberDays, moment.localDay);
    return next.health === deal.health && next.openGates === deal.openGates ? {} : { health: next.health, openGates: next.openGates };
  };
  const entries: Parameters<typeof appendActivities>[2] = [];
  const changes: StageChange[] = [];
  const patches: { row: DecodedRow; patch: Record<string, unknown> }[] = [];
  rows.forEach((raw, i) => {
    const rowNumber = facts.row + i;
    const decoded = decodeRow(DEALS, map, raw, rowNumber, ports.dates, []);
    const deal = toDeal(decoded.record);
    const typed = raw[stageCol];
    const to = stageOfCell(typed);
    const isThisCell = (p: Problem) => p.tab === DEALS.name && p.row === rowNumber && p.column === 'Stage';
    // While a refused stage stands in the cell, the move is judged from the last accepted one.
    const pending = problems.filter(isThisCell)[0];
    const typedBefore = facts.numRows === 1 ? stageOfCell(facts.oldValue) : null;
    const from = pending && pending.accepted ? stageOfCell(pending.accepted) : typedBefore;
    const keep = problems.filter((p) => !isThisCell(p));
    problems.length = 0;
    problems.push(...keep);
    if (!to) {
      const unknown: Problem = { tab: DEALS.name, row: rowNumber, column: 'Stage', value: String(typed), why: 'not a stage' };
      if (from) unknown.accepted = from;
      problems.push(unknown);
      entries.push({ kind: 'problem', dealId: deal.id, clientId: deal.clientId, summary: `Stage typed by hand is unknown: "${String(typed)}"` });
      return;
    }
    if (from && from !== to) {
      const failures = evaluateMove({ ...deal, stage: from }, to, actor, names, openGatesOf(deal.openGates));
      if (failures.length > 0) {
        const why = failures.map((f) => f.message).join(' ');
        problems.push({ tab: DEALS.name, row: rowNumber, column: 'Stage', value: String(typed), why: `typed by hand: ${why}`, accepted: from });
        entries.push({ kind: 'problem', dealId: deal.id, clientId: deal.clientId, summary: `Stage ${names[from]} → ${names[to]} typed by hand breaks the rules: ${why}` });
        patches.push({ row: decoded, patch: healthOf(deal, to) });
        return;
      }
    }
    // The version moves on, so a sidebar still showing the old stage cannot overwrite it.
    const stamp = from !== to ? { version: deal.version + 1, updatedAt: now, updatedBy: actor.email, stageSince: now } : {};
    // A key or a name typed in any case is accepted and shown as the Settings name.
    const shown = typed === stageLabel(to) ? {} : { stage: to };
    patches.push({ row: decoded, patch: { ...stamp, ...shown, ...healthOf(deal, to) } });
    // An accepted change: from a known stage to another. A first stage typed into a new row
    // ("Stage set to") has no from; "back to" the accepted stage changed nothing.
    if (from !== to) changes.push({ dealId: deal.id, from: from || '', to, at: now, by: actor.email, how });
    entries.push({
      kind: 'audit', dealId: deal.id, clientId: deal.clientId,
      summary: !from ? `Stage set to ${names[to]} (${how})`
        : from === to ? `Stage back to ${names[to]} (${how})`
        : `Stage ${names[from]} → ${names[to]} (${how})`,
    });
  });
  // Only the changed cells of each row (rows changed alike share a write): a cell someone typed
  // into since the rows were read (typing takes no lock) is not overwritten, and a neighbour's
  // text or formula is never written back from the value read.
  updateRows(ports.sheets, table, patches, ports.dates, { neverBlock: true });
  store.put(problems.slice(-MAX_HAND_PROBLEMS));
  appendActivities(ports, actor.email, entries);
  appendStageHistory(ports, changes.filter((c) => c.dealId !== ''));
}

/** A date typed into "Done at" marks the checkpoint done; any checkpoint edit refreshes health. */
function handleCheckpointEdit(ports: Ports, store: ProblemStore, facts: EditFacts): void {
  const config = loadConfig(ports);
  const editor = editorOf(ports, facts);
  ports.lock.withDocumentLock(() => {
    const table = readTable(ports.sheets, CHECKPOINTS, ports.dates);
    const doneAt = table.map.index.doneAt;
    const touchesDone = doneAt !== undefined && doneAt + 1 >= facts.column && doneAt + 1 <= facts.column + facts.numColumns - 1;
    const entries: Parameters<typeof appendActivities>[2] = [];
    if (touchesDone) {
      const problems = store.get();
      let deals: Table | null = null;
      const dealsTable = () => (deals = deals || readTable(ports.sheets, DEALS, ports.dates));
      for (let row = facts.row; row < facts.row + facts.numRows; row++) {
        const refusal = completedByHand(ports, table, row, editor, config, dealsTable);
        if (refusal) {
          problems.push({ tab: CHECKPOINTS.name, row, column: 'Done at', value: shownDoneAt(ports, table, row), why: refusal });
          entries.push({ kind: 'problem', summary: `Row ${row} of Checkpoints: ${refusal}` });
        } else {
          const found = table.rows.filter((r) => r.row === row)[0];
          if (found && found.record.doneAt) entries.push({ kind: 'audit', dealId: String(found.record.dealId), summary: `Checkpoint done: ${String(found.record.name)} (typed in the sheet)` });
        }
      }
      store.put(problems.slice(-MAX_HAND_PROBLEMS));
    }
    // Due and Done by typed by hand: audited with before → after (the health recompute follows a new due date).
    for (const key of ['due', 'doneBy']) {
      const at = table.map.index[key];
      if (at === undefined || at + 1 < facts.column || at + 1 > facts.column + facts.numColumns - 1) continue;
      const header = CHECKPOINTS.columns.filter((c) => c.key === key)[0].header;
      for (let row = facts.row; row < facts.row + facts.numRows; row++) {
        const found = table.rows.filter((r) => r.row === row)[0];
        if (!found) continue;
        const now = found.record[key];
        const after = isDateValue(now) ? ports.dates.toLocalDate(now) : String(now ?? '');
        const type = key === 'due' ? 'date' : 'email';
        const change = facts.numRows === 1 && facts.numColumns === 1 ? `"${shownBefore(type, facts.oldValue)}" → "${after}"` : `now "${after}" (pasted)`;
        entries.push({ kind: 'audit', dealId: String(found.record.dealId), summary: `Checkpoint ${String(found.record.name)}: ${header} changed by hand by ${editor || 'someone'}: ${change}` });
      }
    }
    recomputeAllHealth(ports, config);
    appendActivities(ports, editor || 'someone', entries);
  });
}

/** The typed date as the cell shows it (yyyy-mm-dd): the edit event carries a date as its serial ("46360"). */
function shownDoneAt(ports: Ports, table: Table, rowNumber: number): string {
  const found = table.rows.filter((r) => r.row === rowNumber)[0];
  const value = found ? found.record.doneAt : null;
  return value instanceof Date ? ports.dates.toLocalDate(value) : String(value == null ? '' : value);
}

function editorOf(ports: Ports, facts: EditFacts): string {
  return facts.editor || ports.session.userEmail();
}
