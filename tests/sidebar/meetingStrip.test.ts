// The board's meetings strip lists booked meetings by their start, not call reminders on deals
// whose client agreed to meet (issue 21 item 9).
import type { Card } from '../../src/app/contracts/board';
import { upcomingMeetings } from '../../sidebar/meetingStrip';

function card(id: string, fields: Partial<Card>): Card {
  return { id, meetingStart: null, meetingEnd: null, nextContactAt: null, steps: { meetingAgreed: false }, ...fields } as unknown as Card;
}

test('only booked meetings from today to two weeks ahead, earliest first', () => {
  const cards = [
    card('call-only', { nextContactAt: '2026-12-02T09:00:00Z', steps: { meetingAgreed: true } as Card['steps'] }),
    card('late', { meetingStart: '2026-12-10T13:00:00Z' }),
    card('early', { meetingStart: '2026-12-01T09:00:00Z', nextContactAt: '2026-12-20T09:00:00Z' }),
    card('past', { meetingStart: '2026-11-30T09:00:00Z' }),
    card('far', { meetingStart: '2026-12-16T09:00:00Z' }),
  ];
  expect(upcomingMeetings(cards, '2026-12-01').map((c) => c.id)).toEqual(['early', 'late']);
});
