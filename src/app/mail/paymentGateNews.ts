// The payments that opened a payment gate since the last digest (issue 22), for the morning
// digest: the sentences the payment path logged in Activities. Activities is an append-only log
// that grows without bound, so it is read from its end backwards, a block at a time, until a row
// older than the window: a day's rows, not the tab's years.
import { ACTIVITIES } from '../../workbook/schema';
import { readRowsOf } from '../../workbook/rows';
import { isPaymentGateSentence } from '../../domain/money/paymentGate';
import { Ports } from '../../ports';

const BLOCK_ROWS = 250;
/** A log sorted by hand (not by time) must not make the morning read the whole tab. */
const MAX_ROWS = 5000;
const COLUMNS = ['at', 'kind', 'dealId', 'summary'];

export function readPaymentGatesSince(ports: Ports, fromMs: number, toMs: number): { dealId: string; text: string }[] {
  const size = ports.sheets.dimensions(ACTIVITIES.name);
  const header = size && size.rows > 1 ? ports.sheets.readHeader(ACTIVITIES.name) : null;
  if (!size || !header) return [];
  const found: { dealId: string; text: string; at: number }[] = [];
  let last = size.rows;
  while (last >= 2 && size.rows - last < MAX_ROWS) {
    const first = Math.max(2, last - BLOCK_ROWS + 1);
    const rows: number[] = [];
    for (let r = first; r <= last; r++) rows.push(r);
    const block = readRowsOf(ports.sheets, ACTIVITIES, header, ports.dates, rows, COLUMNS);
    let older = false;
    for (const row of block) {
      const at = row.record.at instanceof Date ? row.record.at.getTime() : NaN;
      if (!isFinite(at)) continue;
      if (at < fromMs) { older = true; continue; }
      const summary = String(row.record.summary || '');
      const dealId = String(row.record.dealId || '').trim();
      if (at <= toMs && row.record.kind === 'audit' && dealId && isPaymentGateSentence(summary)) found.push({ dealId, text: summary, at });
    }
    if (older) break;
    last = first - 1;
  }
  return found.sort((a, b) => a.at - b.at).map(({ dealId, text }) => ({ dealId, text }));
}
