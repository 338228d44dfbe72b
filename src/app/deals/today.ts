// The signed-in manager's day (api_getToday). The sidebar computes the same list from the
// board payload it already holds (same rule, src/domain/deals/today.ts), so opening Today costs no
// read there; this is for callers without a board, and it reads Deals the way the board does
// (boardRows.ts: Stage, Closed at and Manager columns, then only the live rows).
import { isSupervisor, sameEmail } from '../../domain/kernel/roles';
import { TodayDealRow, TodayItem, TodayMeetingRow, todayList } from '../../domain/deals/today';
import { readBoardDeals, wholeBoardDeals } from './boardRows';
import { TodayItemView, TodayView } from '../contracts/today';
import { answeredBriefsOf } from '../../domain/briefs/briefNews';
import { CLOSED_STAGES } from '../../domain/deals/stages';
import { readAnsweredBriefs } from '../briefs/briefNews';

/** How long an answered brief stays on Today: the manager sees it after a weekend too. */
export const BRIEF_NEWS_DAYS = 3;
import { Deal } from '../kernel/records';
import { UseCaseContext } from '../kernel/session';
import { InputError, requirePlainObject, requireText } from '../kernel/validate';

export function getToday(ctx: UseCaseContext, optionsArg?: unknown): TodayView {
  if (ctx.actor.role === 'executor') throw new InputError('Today lists the calls of managers; executors see their work on the board and the desk.');
  const options = optionsArg === undefined || optionsArg === null ? {} : requirePlainObject(optionsArg, 'The Today request');
  const manager = options.manager === undefined || options.manager === null || options.manager === ''
    ? ctx.actor.email
    : requireText(options.manager, 'The manager', 200);
  if (!sameEmail(manager, ctx.actor.email) && !isSupervisor(ctx.actor)) {
    throw new InputError('Only a head or the owner may look at another manager\'s day.');
  }
  const filter = { scope: 'manager' as const, manager };
  const deals = (readBoardDeals(ctx, filter) || wholeBoardDeals(ctx)).deals;
  const now = ctx.moment.now.getTime();
  const items = todayList({
    deals: deals.map(rowOf),
    meetings: deals.filter(hasLiveMeeting).map(meetingOf),
    manager,
    now: ctx.moment.now.getTime(),
    timeZone: ctx.config.timeZone,
  });
  return {
    generatedAt: ctx.moment.now.toISOString(),
    today: ctx.moment.today,
    timeZone: ctx.config.timeZone,
    manager,
    items: items.map(viewOf),
    briefs: answeredBriefsOf(deals.filter((d) => d.stage !== null && CLOSED_STAGES.indexOf(d.stage) < 0), readAnsweredBriefs(ctx.ports), manager, now - BRIEF_NEWS_DAYS * 86400000, now + 1)
      .map((b) => ({ dealId: b.dealId, title: b.title, clientName: b.clientName, answeredAt: new Date(b.answeredAt).toISOString() })),
  };
}

function rowOf(deal: Deal): TodayDealRow {
  return {
    id: deal.id, title: deal.title, clientName: deal.clientName, manager: deal.manager, stage: deal.stage,
    nextContactAt: deal.nextContactAt ? deal.nextContactAt.getTime() : null,
  };
}

function hasLiveMeeting(deal: Deal): boolean {
  return (deal.meetingStatus === 'booked' || deal.meetingStatus === 'moved') && deal.meetingStart !== null;
}

function meetingOf(deal: Deal): TodayMeetingRow {
  return { dealId: deal.id, start: deal.meetingStart!.getTime(), end: deal.meetingEnd ? deal.meetingEnd.getTime() : null };
}

function viewOf(item: TodayItem): TodayItemView {
  return {
    dealId: item.dealId, title: item.title, clientName: item.clientName, kind: item.kind,
    at: new Date(item.at).toISOString(), end: item.end === null ? null : new Date(item.end).toISOString(), overdue: item.overdue,
  };
}
