// The demo's booked meetings (issue 21, item 9): without them the board's "Meetings · next 2
// weeks" strip and the planner stay empty in the playground. Booked the way a manager books
// them — the add-on's own slot search and booking, as that manager — so the Calendar events
// carry the workbook's private properties, the deal rows their Meeting columns, and the
// planner's sync finds everything in step. Deals in a trip city are left alone: the trip days
// stay free for the meetings a person plans there.
import type { Addon, Workspace } from '../emulator/index';
import { runFromClient } from '../emulator/index';
import { stageOfCell } from '../../src/workbook/stageLabels';

const PER_MANAGER = 2;
/** The n-th booking of a manager takes a slot at least this many days after the previous one. */
const DAYS_APART = 3;

interface Slot { start: string; trip?: string }

export function seedDemoMeetings(ws: Workspace, addon: Addon, managers: readonly string[], backTo: string): number {
  const deals = ws.readSheet('Deals').values as unknown[][];
  const header = deals[0].map(String);
  const at = (name: string) => header.indexOf(name);
  const tripRows = (ws.readSheet('Trips').values as unknown[][]).slice(1).filter((r) => r[2]);
  const trips = tripRows.map((r) => String(r[2]).toLowerCase());
  const dayOf = (v: unknown) => (v instanceof Date ? v.toISOString() : String(v)).slice(0, 10);
  // Meetings fall in the working day, when the UTC date is the studio's date.
  const onTrip = (start: string) => tripRows.some((r) => start.slice(0, 10) >= dayOf(r[3]) && start.slice(0, 10) <= dayOf(r[4]));
  let booked = 0;
  try {
    for (const manager of managers) {
      ws.setUser(manager);
      const mine = deals.slice(1).filter((row) => String(row[at('Manager')]) === manager
        && String(row[at('Meeting status')] || '') === ''
        && ['negotiation', 'new'].indexOf(String(stageOfCell(row[at('Stage')]))) >= 0
        && trips.indexOf(String(row[at('City')] || '').toLowerCase()) < 0);
      let after = 0;
      for (const row of mine.slice(0, PER_MANAGER)) {
        const dealId = String(row[at('ID')]);
        // The slot search offers the first free slots of its window: start the window after the last booking.
        const fromDay = after ? new Date(after).toISOString().slice(0, 10) : '';
        const search = runFromClient(ws, addon, 'api_findMeetingSlots', [dealId, { durationMinutes: 60, place: 'office', fromDay }]);
        if (!search.ok) continue;
        const slots = (search.value as { slots: Slot[] }).slots.filter((s) => !s.trip && !onTrip(s.start) && Date.parse(s.start) >= after);
        if (slots.length === 0) continue;
        const start = slots[0].start;
        const done = runFromClient(ws, addon, 'api_bookMeeting', [dealId, { start, durationMinutes: 60, place: 'office' }]);
        if (!done.ok) continue;
        booked++;
        after = Date.parse(start) + DAYS_APART * 86400000;
      }
    }
  } finally {
    ws.setUser(backTo);
  }
  return booked;
}
