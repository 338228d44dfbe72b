// People type into the sheet. The add-on follows: config edits refresh the cached config,
// stage edits are audited, and a forbidden transition typed by hand becomes a listed problem.
import { CHECKPOINTS, DEALS, SETTINGS, USERS } from '../workbook/schema';
import { completedByHand, recomputeAllHealth } from './checkpoints';
import { mapHeaders } from '../workbook/headers';
import { DecodedRow, decodeRow, Problem } from '../workbook/codec';
import { Table, readTable, updateRows } from '../workbook/table';
import { rowsWhereIn } from '../workbook/rows';
import { evaluateMove } from '../domain/moves';
import { openGatesOf } from '../domain/health';
import { StageKey } from '../domain/stages';
import { stageLabel, stageOfCell } from '../workbook/stageLabels';
import { Ports } from '../ports';
import { refreshConfig, loadConfig, currentActor } from './config';
import { appendActivities } from './audit';
import { appendStageHistory } from './stageHistory';
import { StageChange } from '../domain/stageHistory';
import { Deal, toCheckpoint, toDeal } from './records';
import { dealHealth, groupByDeal } from './healthBook';
import { momentOf } from './session';

export interface EditFacts {
  sheetName: string;
  row: number;
  column: number;
  numRows: number;
  numColumns: number;
  oldValue: unknown;
  value: unknown;
  /** Who typed (the event's user): installable triggers run as whoever installed them. */
  editor?: string;
  /** How the change was made, for the audit ("typed in the sheet" when absent). */
  via?: string;
  /** The header row and the edited rows, read by the adapter only for the Deals tab. */
  header?: unknown[];
  rows?: unknown[][];
}

export const HAND_PROBLEMS_KEY = 'dealboard:hand-problems';
const MAX_HAND_PROBLEMS = 50;

export interface ProblemStore {
  get(): Problem[];
  put(problems: Problem[]): void;
}

export function handleEdit(ports: Ports, store: ProblemStore, facts: EditFacts): void {
  if (facts.sheetName === SETTINGS.name || facts.sheetName === USERS.name) {
    refreshConfig(ports);
    return;
  }
  if (facts.sheetName === CHECKPOINTS.name) {
    handleCheckpointEdit(ports, store, facts);
    return;
  }
  if (facts.sheetName !== DEALS.name || !facts.header || !facts.rows) return;
  const map = mapHeaders(DEALS, facts.header);
  const stageCol = map.index.stage;
  if (stageCol === undefined || stageCol + 1 < facts.column || stageCol + 1 > facts.column + facts.numColumns - 1) return;
  const config = loadConfig(ports);
  const names = config.settings.stageNames;
  let actor;
  try {
    actor = currentActor(ports, config, editorOf(ports, facts));
  } catch (_unknownUser) {
    actor = { email: editorOf(ports, facts) || 'someone', name: 'someone', role: 'executor' as const };
  }
  const problems = store.get();
  const how = facts.via || 'typed in the sheet';
  const raw: unknown[][] = [];
  facts.rows.forEach((r, i) => (raw[facts.row + i - 2] = r));
  const table: Table = { tab: DEALS, map, raw, rows: [], problems: [] };
  const now = ports.clock.now();
  // A stage typed by hand may sit behind an open gate: the row's Health says so at once. Only
  // the edited deals' checkpoints are read (the Deal ID column, then their rows).
  const idAt = map.index.id;
  const edited = new Set(facts.rows.map((r) => (idAt === undefined ? '' : String(r[idAt] == null ? '' : r[idAt]).trim())).filter((id) => id !== ''));
  const byDeal = groupByDeal(rowsWhereIn(ports.sheets, CHECKPOINTS, ports.dates, 'dealId', edited).map((r) => toCheckpoint(r.record)));
  const moment = momentOf(now, config.timeZone);
  const healthOf = (deal: Deal, stage: StageKey): Record<string, unknown> => {
    const next = dealHealth({ ...deal, stage }, byDeal[deal.id] || [], moment.today, config.settings.healthAmberDays, moment.localDay);
    return next.health === deal.health && next.openGates === deal.openGates ? {} : { health: next.health, openGates: next.openGates };
  };
  const entries: Parameters<typeof appendActivities>[2] = [];
  const changes: StageChange[] = [];
  const patches: { row: DecodedRow; patch: Record<string, unknown> }[] = [];
  facts.rows.forEach((raw, i) => {
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
  // One write for the whole pasted block, however many rows it holds.
  updateRows(ports.sheets, table, patches, ports.dates);
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
