// The board's "Meetings · next 2 weeks" strip: booked meetings only. A call reminder on a deal
// whose client agreed to meet is not a meeting, and its time is not the meeting's.
import type { Card } from '../src/app/contracts/board';
import { daysFrom } from './format';

export function upcomingMeetings(cards: readonly Card[], today: string, days = 14): Card[] {
  return cards
    .filter((card) => {
      if (!card.meetingStart) return false;
      const d = daysFrom(card.meetingStart, today);
      return d >= 0 && d <= days;
    })
    .sort((a, b) => String(a.meetingStart).localeCompare(String(b.meetingStart)));
}
