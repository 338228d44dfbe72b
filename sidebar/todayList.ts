// The Today list from the board the sidebar already holds (every live card, every manager's):
// the same rule as api_getToday (src/domain/deals/today.ts), with no call to the server.
import type { Card } from '../src/app/contracts/board';
import { defaultNextContact, todayList, type TodayItem } from '../src/app/contracts/shared';
import { columns, serverNow, state } from './state';
import { sheetZone } from './typedFields';

export interface TodayEntry extends TodayItem {
  card: Card;
}

const ms = (iso: string | null) => (iso ? Date.parse(iso) : NaN);

/** Whose day the Today view shows: the signed-in manager's, or (owner and head) a manager they picked. */
export const todayFor: { manager: string | null } = { manager: null };

export function myDay(): TodayEntry[] {
  const board = state.board;
  if (!board || board.me.role === 'executor') return [];
  const cards: Record<string, Card> = {};
  for (const column of columns()) for (const card of column.cards) cards[card.id] = card;
  const all = Object.keys(cards).map((id) => cards[id]);
  const items = todayList({
    deals: all.map((c) => ({
      id: c.id, title: c.title, clientName: c.clientName, manager: c.manager, stage: c.stage,
      nextContactAt: isFinite(ms(c.nextContactAt)) ? ms(c.nextContactAt) : null,
    })),
    meetings: all.filter((c) => isFinite(ms(c.meetingStart))).map((c) => ({
      dealId: c.id, start: ms(c.meetingStart), end: isFinite(ms(c.meetingEnd)) ? ms(c.meetingEnd) : null,
    })),
    manager: todayFor.manager && (board.me.role === 'owner' || board.me.role === 'head') ? todayFor.manager : board.me.email,
    now: serverNow(),
    timeZone: sheetZone(),
  });
  return items.map((item) => ({ ...item, card: cards[item.dealId] }));
}

/** The call back a new deal or a logged call gets unless the manager picks another time. */
export function defaultCallBack(): string {
  const days = state.board && state.board.workingDays ? state.board.workingDays : [1, 2, 3, 4, 5];
  return new Date(defaultNextContact(serverNow(), sheetZone(), days)).toISOString();
}
