// Appends accepted stage changes to the Stage history tab (issue 23). Every path that changes a
// deal's stage — a move on the board (deals.ts), a stage typed by hand (handEdits.ts), a request
// converted into a deal (leads.ts) — calls this next to its audit line, in the same lock.
import { ACTIVITIES, STAGE_HISTORY } from '../../workbook/schema';
import { mapHeaders, requireSchemaColumns } from '../../workbook/headers';
import { appendRecords, readTable } from '../../workbook/table';
import { missingTabError } from '../../workbook/errors';
import { stageOfCell } from '../../workbook/stageLabels';
import { Ports } from '../../ports';
import { AuditLine, StageChange, backfillFromAudit } from '../../domain/deals/stageHistory';
import { isDate } from '../../workbook/codec';

export function appendStageHistory(ports: Ports, changes: readonly StageChange[]): void {
  if (changes.length === 0) return;
  const header = ports.sheets.readHeader(STAGE_HISTORY.name);
  if (header === null) throw missingTabError(STAGE_HISTORY.name);
  const map = mapHeaders(STAGE_HISTORY, header);
  requireSchemaColumns(STAGE_HISTORY, map);
  appendRecords(ports.sheets, { tab: STAGE_HISTORY, map }, changes.map((c) => toRecord(ports, c)), ports.dates);
}

function toRecord(ports: Ports, c: StageChange): Record<string, unknown> {
  return { id: ports.ids.next(STAGE_HISTORY.idPrefix), dealId: c.dealId, from: c.from, to: c.to, at: c.at, by: c.by, how: c.how };
}

/**
 * Setup, once: while the Stage history tab holds no rows, it is filled from the stage lines of
 * the Activities audit (deals older than the history). A tab with any row is left alone, so a
 * second run adds nothing. Returns how many rows were added.
 */
export function backfillStageHistory(ports: Ports): number {
  const history = ports.sheets.dimensions(STAGE_HISTORY.name);
  if (history === null || history.rows > 1) return 0;
  const audit = readTable(ports.sheets, ACTIVITIES, ports.dates);
  const lines: AuditLine[] = audit.rows.map((r) => ({
    dealId: String(r.record.dealId || ''),
    at: isDate(r.record.at) ? r.record.at : null,
    user: String(r.record.user || ''),
    kind: String(r.record.kind || ''),
    summary: String(r.record.summary || ''),
  }));
  const changes = backfillFromAudit(lines, stageOfCell);
  appendStageHistory(ports, changes);
  return changes.length;
}
