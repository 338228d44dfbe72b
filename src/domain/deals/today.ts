// "Who do I call today": the signed-in manager's overdue and today's next contacts and today's
// meetings, from plain rows. Shared by the server (api_getToday) and the sidebar (which already
// holds every live card in its board payload, so opening Today costs no extra read).
import { addDays, instantOf, localDay } from '../kernel/timezone';
import { CLOSED_STAGES, StageKey } from './stages';
import { sameEmail } from '../kernel/roles';

export interface TodayDealRow {
  id: string;
  title: string;
  clientName: string;
  manager: string;
  stage: string | null;
  /** Epoch ms of the deal's next contact, or null. */
  nextContactAt: number | null;
}

export interface TodayMeetingRow {
  dealId: string;
  /** Epoch ms. */
  start: number;
  end: number | null;
}

export interface TodayItem {
  dealId: string;
  title: string;
  clientName: string;
  kind: 'contact' | 'meeting';
  /** Epoch ms: when to call, or when the meeting starts. */
  at: number;
  end: number | null;
  /** A next contact whose time has passed (meetings are never "overdue": they happened or not). */
  overdue: boolean;
}

export interface TodayQuery {
  deals: readonly TodayDealRow[];
  meetings: readonly TodayMeetingRow[];
  /** The signed-in person: only their own deals are listed. */
  manager: string;
  now: number;
  timeZone: string;
}

const isClosed = (stage: string | null) => stage === null || CLOSED_STAGES.indexOf(stage as StageKey) >= 0;

/** Overdue next contacts first (oldest first), then today's contacts and meetings by time. */
export function todayList(q: TodayQuery): TodayItem[] {
  const today = localDay(new Date(q.now), q.timeZone);
  const startOfToday = instantOf(today, q.timeZone).getTime();
  const startOfTomorrow = instantOf(addDays(today, 1), q.timeZone).getTime();
  const mine: Record<string, TodayDealRow> = {};
  for (const deal of q.deals) {
    if (deal.id && !isClosed(deal.stage) && sameEmail(deal.manager, q.manager)) mine[deal.id] = deal;
  }
  const items: TodayItem[] = [];
  const meetingAt: Record<string, number[]> = {};
  for (const meeting of q.meetings) {
    const deal = mine[meeting.dealId];
    if (!deal || !isFinite(meeting.start) || meeting.start < startOfToday || meeting.start >= startOfTomorrow) continue;
    (meetingAt[deal.id] = meetingAt[deal.id] || []).push(meeting.start);
    items.push({ dealId: deal.id, title: deal.title, clientName: deal.clientName, kind: 'meeting', at: meeting.start, end: meeting.end, overdue: false });
  }
  for (const id of Object.keys(mine)) {
    const deal = mine[id];
    const at = deal.nextContactAt;
    if (at === null || !isFinite(at) || at >= startOfTomorrow) continue;
    // Booking a meeting sets the next contact to its start: one row for it, not two.
    if ((meetingAt[id] || []).indexOf(at) >= 0) continue;
    items.push({ dealId: id, title: deal.title, clientName: deal.clientName, kind: 'contact', at, end: null, overdue: at < q.now });
  }
  return items.sort((a, b) => {
    if (a.overdue !== b.overdue) return a.overdue ? -1 : 1;
    return a.at - b.at || (a.kind === b.kind ? 0 : a.kind === 'meeting' ? -1 : 1) || a.dealId.localeCompare(b.dealId);
  });
}

/**
 * When a new deal's first call back goes by default: the next working day (after today) at
 * 10:00 in the spreadsheet's zone. `workingDays` are 0 = Sunday … 6 = Saturday.
 */
export function defaultNextContact(now: number, timeZone: string, workingDays: readonly number[], hour = 10): number {
  const days = workingDays.length ? workingDays : [1, 2, 3, 4, 5];
  let day = addDays(localDay(new Date(now), timeZone), 1);
  for (let i = 0; i < 7 && days.indexOf(weekday(day)) < 0; i++) day = addDays(day, 1);
  return instantOf(day, timeZone, hour, 0).getTime();
}

function weekday(day: string): number {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay();
}
