// New brief answers reach the manager (issue 25): the deals whose client answered the brief in a
// window of time, for the morning digest (since the last digest) and the Today view (the last
// days). Pure: plain rows in, instants as epoch ms, the clock passed in.
import { sameEmail } from '../kernel/roles';

export interface AnsweredBrief {
  dealId: string;
  /** Epoch ms of the newest answer (Brief forms "Answered at"). */
  answeredAt: number;
}

export interface BriefNewsDeal {
  id: string;
  title: string;
  clientName: string;
  manager: string;
}

export interface BriefNewsItem {
  dealId: string;
  title: string;
  clientName: string;
  answeredAt: number;
}

/**
 * The manager's deals answered in [from, to), newest first; one item per deal (a deal's forms
 * of several template versions give its newest answer). Deals not in `deals` are left out.
 */
export function answeredBriefsOf(deals: readonly BriefNewsDeal[], briefs: readonly AnsweredBrief[], manager: string, from: number, to: number): BriefNewsItem[] {
  const newest: Record<string, number> = {};
  for (const b of briefs) {
    if (!b.dealId || !isFinite(b.answeredAt) || b.answeredAt < from || b.answeredAt >= to) continue;
    if (!(b.dealId in newest) || b.answeredAt > newest[b.dealId]) newest[b.dealId] = b.answeredAt;
  }
  const out: BriefNewsItem[] = [];
  for (const d of deals) {
    if (!(d.id in newest) || !sameEmail(d.manager, manager)) continue;
    out.push({ dealId: d.id, title: d.title, clientName: d.clientName, answeredAt: newest[d.id] });
    delete newest[d.id]; // a deal listed twice (never expected) gives one item
  }
  return out.sort((a, b) => b.answeredAt - a.answeredAt || a.dealId.localeCompare(b.dealId));
}
