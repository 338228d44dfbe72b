// Wiring of the meetings feature to Apps Script: the calendar adapter in the workbook's zone,
// the link back to the sheet, and the hourly sync.
import { Ports } from '../ports';
import { begin, UseCaseContext } from '../app/session';
import { syncMeetingsHourly } from '../app/meetings';
import { CalendarPort } from '../ports/calendar';
import { gasCalendar } from './calendar';

export function calendarFor(ctx: UseCaseContext): CalendarPort {
  return gasCalendar(ctx.config.timeZone);
}

export function sheetLink(): string {
  return SpreadsheetApp.getActive().getUrl();
}

/** Hourly: the trigger owner's booked meetings follow their calendar. Never fails the trigger. */
export function syncMeetingsForTrigger(ports: Ports): void {
  try {
    const ctx = begin(ports);
    syncMeetingsHourly(ctx, calendarFor(ctx));
  } catch (error) {
    console.error(error);
  }
}
