// Google Calendar for the emulated workspace: the model (persisted, person helpers) and the
// Calendar advanced service the bundle calls.
export { CalendarModel, EVENTS_CREATED_PER_DAY } from './model';
export type { CalendarJSON, EventRecord, Attendee, Invitation } from './model';
export { createCalendarService, registerCalendarCalls, instantOfTime, CALENDAR_DATA_CALLS } from './service';
export { createCalendarApp, registerCalendarAppCalls } from './calendarApp';
