// The answered briefs as the digest and Today need them (issue 25): Brief forms' Deal ID and
// Answered at (one row per questionnaire sent, "Answered at" the newest answer's time; the
// per-question Brief answers tab is not needed for "who answered when"). The tab is read whole in
// one call: it grows by one row per brief sent (13 cells), so even years of briefs are a few
// thousand rows, and asking its size first (to read two columns) would cost two calls more on
// every Today load than the cells it saves.
import { BRIEF_FORMS } from '../../workbook/briefTabs';
import { decodeTable } from '../../workbook/table';
import { AnsweredBrief } from '../../domain/briefs/briefNews';
import { Ports } from '../../ports';

export function readAnsweredBriefs(ports: Ports): AnsweredBrief[] {
  const all = ports.sheets.readAll(BRIEF_FORMS.name);
  if (all === null || all.length < 2) return []; // none sent yet, or set up before briefs existed
  const out: AnsweredBrief[] = [];
  for (const r of decodeTable(BRIEF_FORMS, all, ports.dates).rows) {
    const at = r.record.answeredAt;
    const dealId = String(r.record.dealId || '').trim();
    if (dealId && at instanceof Date && isFinite(at.getTime())) out.push({ dealId, answeredAt: at.getTime() });
  }
  return out;
}
