// CalendarPort over the Calendar advanced service (v3): Events.list/insert/patch on "primary".
import { CalendarEvent, CalendarPort, NewEvent } from '../../ports/calendar';
import { WorkbookError } from '../../workbook/errors';

type ApiEvent = GoogleAppsScript.Calendar.Schema.Event;

function service(): GoogleAppsScript.Calendar {
  if (typeof Calendar === 'undefined' || !Calendar) {
    throw new WorkbookError('The Google Calendar service is not enabled for Dealboard (appsscript.json: Calendar v3).');
  }
  return Calendar;
}

function instant(t: GoogleAppsScript.Calendar.Schema.EventDateTime | undefined, zone: string): { at: Date; allDay: boolean } {
  if (t && t.date) {
    // All-day: midnight of that date in the calendar's zone.
    const [y, m, d] = t.date.split('-').map(Number);
    const guess = Date.UTC(y, m - 1, d);
    const parts = new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' })
      .formatToParts(new Date(guess)).reduce((o, p) => ((o[p.type] = Number(p.value)), o), {} as Record<string, number>);
    const offset = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour % 24, parts.minute) - guess;
    return { at: new Date(guess - offset), allDay: true };
  }
  return { at: new Date(String(t && t.dateTime)), allDay: false };
}

function toEvent(e: ApiEvent, zone: string): CalendarEvent {
  const start = instant(e.start, zone);
  const end = instant(e.end, zone);
  return {
    id: String(e.id),
    status: (e.status || 'confirmed') as CalendarEvent['status'],
    start: start.at,
    end: end.at,
    allDay: start.allDay,
    transparent: e.transparency === 'transparent',
    summary: String(e.summary || ''),
    location: String(e.location || ''),
    guests: (e.attendees || []).map((a) => ({ email: String(a.email || ''), response: String(a.responseStatus || 'needsAction'), self: a.self === true })),
    privateProps: { ...((e.extendedProperties && e.extendedProperties.private) || {}) } as Record<string, string>,
  };
}

export function gasCalendar(timeZone: string): CalendarPort {
  return {
    listEvents(from, to, filter = {}) {
      const out: CalendarEvent[] = [];
      let pageToken: string | undefined;
      do {
        const args: Record<string, unknown> = { timeMin: from.toISOString(), singleEvents: true, orderBy: 'startTime', maxResults: 2500 };
        if (to) args.timeMax = to.toISOString();
        if (filter.privateProperty) args.privateExtendedProperty = filter.privateProperty;
        if (filter.showDeleted) args.showDeleted = true;
        if (pageToken) args.pageToken = pageToken;
        const page = service().Events!.list('primary', args);
        const zone = page.timeZone || timeZone;
        for (const item of page.items || []) out.push(toEvent(item, zone));
        pageToken = page.nextPageToken || undefined;
      } while (pageToken);
      return out;
    },
    createEvent(event: NewEvent) {
      const resource: ApiEvent = {
        summary: event.summary,
        description: event.description,
        location: event.location,
        start: { dateTime: event.start.toISOString(), timeZone },
        end: { dateTime: event.end.toISOString(), timeZone },
        attendees: event.guests.map((email) => ({ email })),
        extendedProperties: { private: event.privateProps },
      };
      const created = service().Events!.insert(resource, 'primary', { sendUpdates: event.sendInvites && event.guests.length ? 'all' : 'none' });
      return toEvent(created, timeZone);
    },
    moveEvent(id, start, end, sendInvites) {
      const patched = service().Events!.patch(
        { start: { dateTime: start.toISOString(), timeZone }, end: { dateTime: end.toISOString(), timeZone } },
        'primary', id, { sendUpdates: sendInvites ? 'all' : 'none' },
      );
      return toEvent(patched, timeZone);
    },
  };
}
