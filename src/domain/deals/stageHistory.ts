// Stage history (issue 23): what one accepted stage change is, and how the Activities audit of
// the time before the history tab existed is read back into such changes (setup's backfill).
import { StageKey } from './stages';

export interface StageChange {
  dealId: string;
  /** '' when the deal was created in the "to" stage. */
  from: StageKey | '';
  to: StageKey;
  at: Date;
  by: string;
  /** board, typed in the sheet, request converted, backfilled from Activities… */
  how: string;
}

export interface AuditLine {
  dealId: string;
  at: Date | null;
  user: string;
  kind: string;
  summary: string;
}

export const BACKFILL_HOW = 'backfilled from Activities';

/**
 * The stage changes an audit line records, read the way the add-on writes them:
 * "Stage <from> → <to>[ (how)]", "Stage set to <to>[ (how)]", "Request from … converted into a
 * deal…" and the demo's "Deal created" (both into New). Refused hand edits are 'problem' lines
 * and "Stage back to …" is no change, so neither counts. `stageOf` reads a name or key.
 */
export function stageChangeOfAudit(line: AuditLine, stageOf: (text: string) => StageKey | null): StageChange | null {
  if (line.kind !== 'audit' || !line.dealId || !line.at) return null;
  const summary = line.summary.trim();
  const base = { dealId: line.dealId, at: line.at, by: line.user, how: BACKFILL_HOW };
  const arrow = /^Stage (.+?) → (.+?)(?: \(([^()]*)\))?$/.exec(summary);
  if (arrow) {
    const from = stageOf(arrow[1]);
    const to = stageOf(arrow[2]);
    return from && to && from !== to ? { ...base, from, to } : null;
  }
  const set = /^Stage set to (.+?)(?: \(([^()]*)\))?$/.exec(summary);
  if (set) {
    const to = stageOf(set[1]);
    return to ? { ...base, from: '', to } : null;
  }
  if (/^Request from .* converted into a deal/.test(summary) || summary === 'Deal created') {
    return { ...base, from: '', to: 'new' };
  }
  return null;
}

/** Every change the audit records, oldest first (the order rows are appended in). */
export function backfillFromAudit(lines: readonly AuditLine[], stageOf: (text: string) => StageKey | null): StageChange[] {
  const out: StageChange[] = [];
  for (const line of lines) {
    const change = stageChangeOfAudit(line, stageOf);
    if (change) out.push(change);
  }
  return out.sort((a, b) => a.at.getTime() - b.at.getTime());
}
