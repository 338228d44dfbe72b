// Wiring of the meetings feature to Apps Script: the calendar adapter in the workbook's zone,
// and the link back to the sheet (the hourly sync is a background job: app/background/backgroundJobs.ts).
import { UseCaseContext } from '../../app/kernel/session';
import { CalendarPort } from '../../ports/calendar';
import { gasCalendar } from './calendar';

export function calendarFor(ctx: UseCaseContext): CalendarPort {
  return gasCalendar(ctx.config.timeZone);
}

export function sheetLink(): string {
  return SpreadsheetApp.getActive().getUrl();
}
