// Issue 23: how setup reads stage changes back from the Activities audit (the backfill).
import { backfillFromAudit, stageChangeOfAudit } from '../../../src/domain/deals/stageHistory';
import { StageKey } from '../../../src/domain/deals/stages';

const NAMES: Record<string, StageKey> = { new: 'new', negotiation: 'negotiation', 'transferred to work': 'in_work', in_work: 'in_work', failed: 'failed', completed: 'completed', frozen: 'frozen' };
const stageOf = (text: string) => NAMES[text.trim().toLowerCase()] || null;
const at = new Date('2026-01-09T10:00:00Z');
const line = (summary: string, kind = 'audit', dealId = 'D-1') => ({ dealId, at, user: 'anna@studio.test', kind, summary });

describe('stage changes in the audit', () => {
  it('reads board moves, hand edits (with how) and the demo\'s keys', () => {
    expect(stageChangeOfAudit(line('Stage New → Negotiation'), stageOf)).toMatchObject({ from: 'new', to: 'negotiation', by: 'anna@studio.test', how: 'backfilled from Activities' });
    expect(stageChangeOfAudit(line('Stage Negotiation → Transferred to work (typed in the sheet)'), stageOf)).toMatchObject({ from: 'negotiation', to: 'in_work' });
    expect(stageChangeOfAudit(line('Stage New → in_work'), stageOf)).toMatchObject({ from: 'new', to: 'in_work' });
    expect(stageChangeOfAudit(line('Stage set to Frozen (pasted)'), stageOf)).toMatchObject({ from: '', to: 'frozen' });
    expect(stageChangeOfAudit(line('Request from Lena converted into a deal and a new client'), stageOf)).toMatchObject({ from: '', to: 'new' });
  });
  it('ignores refusals, reorders, "back to", other edits, unknown stages and lines without a deal', () => {
    expect(stageChangeOfAudit(line('Stage New → Completed typed by hand breaks the rules: x', 'problem'), stageOf)).toBeNull();
    expect(stageChangeOfAudit(line('Reordered in New'), stageOf)).toBeNull();
    expect(stageChangeOfAudit(line('Stage back to New (put back from the problem list)'), stageOf)).toBeNull();
    expect(stageChangeOfAudit(line('Forecast: yellow → green'), stageOf)).toBeNull();
    expect(stageChangeOfAudit(line('Stage New → Won'), stageOf)).toBeNull();
    expect(stageChangeOfAudit(line('Stage New → Negotiation', 'audit', ''), stageOf)).toBeNull();
  });
  it('orders the backfill oldest first', () => {
    const later = { ...line('Stage Negotiation → Failed'), at: new Date('2026-02-01T00:00:00Z') };
    expect(backfillFromAudit([later, line('Stage New → Negotiation')], stageOf).map((c) => c.to)).toEqual(['negotiation', 'failed']);
  });
});
