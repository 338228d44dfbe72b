// Hand edits of the Deals columns the add-on relies on (amount, manager, client, forecast, dates)
// are audited with who typed and before → after. A person the rules do not allow to change a
// deal's terms (an executor, someone not on the team, a manager on another manager's deal) has a
// single typed cell put back (the audit line keeps the attempt); a pasted block cannot be put
// back cell by cell (the edit event carries no old values) and is listed as a problem to check.
//
// Why not Sheets protections per role: a protection also binds the person's own sidebar actions,
// which run as them. An executor completing a checkpoint rewrites the deal's Health…Version block
// in one write, and that block spans Manager and Amount: a protection excluding executors from
// those columns would refuse her checkpoint. So the rule is enforced here, after the fact.
import { DEALS } from '../../workbook/schema';
import { HeaderMap } from '../../workbook/headers';
import { Problem, isDate } from '../../workbook/codec';
import { Actor, canEditDeal } from '../../domain/kernel/roles';
import { Ports } from '../../ports';
import { ActivityRecord } from '../kernel/audit';
import { fitProblems } from '../setup/ownerTabs';
import type { EditFacts, ProblemStore } from './handEditFacts';

/** Deals columns whose hand edits are audited and judged (Stage has its own rules in handEdits). */
export const TRACKED_DEAL_COLUMNS = [
  'forecast', 'clientId', 'clientName', 'manager', 'budget', 'amount', 'nextContactAt', 'expectedClose', 'deadline', 'closedAt',
] as const;

function shown(value: unknown): string {
  const text = value === undefined || value === null ? '' : String(value);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

/** The edit event's old value as a person reads it: a date arrives as its serial ("46360"). */
export function shownBefore(type: string, old: unknown): string {
  const text = old === undefined || old === null ? '' : String(old);
  if ((type === 'date' || type === 'datetime') && /^\d+(\.\d+)?$/.test(text)) {
    const at = new Date(Date.UTC(1899, 11, 30) + Math.round(Number(text) * 86400000));
    return type === 'date' ? at.toISOString().slice(0, 10) : at.toISOString().slice(0, 16).replace('T', ' ');
  }
  return shown(text);
}

/** The edit event's old value (text) back as the cell's own type. */
function typedOld(type: string, old: unknown): unknown {
  if (old === undefined || old === null) return '';
  const text = String(old);
  if ((type === 'money' || type === 'number' || type === 'date' || type === 'datetime') && text.trim() !== '' && isFinite(Number(text))) return Number(text);
  if (type === 'checkbox') return text.toUpperCase() === 'TRUE';
  return text;
}

export interface TrackedResult {
  entries: ActivityRecord[];
  /** A single cell was put back: nothing else of this edit is to be followed. */
  reverted: boolean;
}

/**
 * `actor` is the editor as the team knows them, or null when Google did not disclose who typed
 * (consumer accounts often do not): then the edit is audited but never put back, so a team on
 * consumer accounts is not locked out of its own sheet.
 */
export function judgeTrackedDealEdit(ports: Ports, store: ProblemStore, facts: EditFacts, map: HeaderMap, actor: Actor | null, who: string): TrackedResult {
  const result: TrackedResult = { entries: [], reverted: false };
  if (!facts.rows || facts.row < 2) return result;
  const firstCol = facts.column - 1;
  const lastCol = facts.column + facts.numColumns - 2;
  const touched = TRACKED_DEAL_COLUMNS.filter((key) => map.index[key] !== undefined && map.index[key] >= firstCol && map.index[key] <= lastCol);
  if (touched.length === 0) return result;
  const single = facts.numRows === 1 && facts.numColumns === 1;
  const idAt = map.index.id;
  const managerAt = map.index.manager;
  const problems: Problem[] = [];
  facts.rows.forEach((raw, i) => {
    const rowNumber = facts.row + i;
    const dealId = idAt === undefined ? '' : String(raw[idAt] ?? '').trim();
    // The manager as it stood before the edit when the Manager cell itself was typed.
    const managerBefore = single && touched[0] === 'manager' ? String(facts.oldValue ?? '') : String(managerAt === undefined ? '' : raw[managerAt] ?? '');
    const allowed = actor === null || canEditDeal(actor, managerBefore);
    for (const key of touched) {
      const column = DEALS.columns.filter((c) => c.key === key)[0];
      const after = raw[map.index[key]];
      const afterText = isDate(after) ? ports.dates.toLocalDate(after) : shown(after);
      const change = single ? `"${shownBefore(column.type, facts.oldValue)}" → "${afterText}"` : `now "${afterText}" (pasted; the value before is not known)`;
      if (allowed) {
        result.entries.push({ kind: 'audit', dealId, summary: `${column.header} changed by hand by ${who}: ${change}` });
        continue;
      }
      const putBack = single;
      if (putBack) {
        ports.sheets.writeBlock(DEALS.name, rowNumber, facts.column, [[typedOld(column.type, facts.oldValue)]]);
        result.reverted = true;
      }
      const role = actor ? (actor.role === 'manager' ? "a manager of another manager's deal" : actor.role === 'executor' ? 'an executor' : `a ${actor.role}`) : '';
      // A cell put back needs no one's attention (the audit line keeps the attempt); a pasted block does.
      if (!putBack) problems.push({ tab: DEALS.name, row: rowNumber, column: column.header, value: shown(after), why: `${who} (${role}) may not change ${column.header} by hand; check the row` });
      result.entries.push({ kind: 'problem', dealId, summary: `${column.header} typed by hand by ${who}, refused: ${change}${putBack ? ' (put back)' : ''}` });
    }
  });
  if (problems.length) store.put(fitProblems(store.get().concat(problems)));
  return result;
}
