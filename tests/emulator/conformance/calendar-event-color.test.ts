// CalendarEvent colours (reference/calendar/calendar-event, reference/calendar/event-color):
// getColor(): "Returns the color of the calendar event." — "String — The string value of the event
// color, as an enum value of CalendarApp.EventColor."
// setColor(color): "Sets the color of the calendar event." — "color | String | An integer color
// index as a string, or a value from CalendarApp.EventColor."
// EventColor: "PALE_BLUE | Enum | Pale Blue ("1")" … "RED | Enum | Red ("11")".
// The Calendar advanced service sees the same colour as the event's colorId (Calendar API v3
// Event resource: "colorId — The color of the event.").
import { createWorkspace } from '../../../scripts/emulator/workspace';
import { caught } from './env';

type Any = any; // eslint-disable-line @typescript-eslint/no-explicit-any

function setup() {
  const ws = createWorkspace({ user: 'owner@studio.test', now: '2026-12-01T09:00:00Z' });
  const CalendarApp = ws.globals.CalendarApp as Any;
  const Calendar = ws.globals.Calendar as Any;
  const run = <T>(fn: () => T): T => ws.execute(fn);
  const event = run(() => CalendarApp.createEvent('Review', new Date('2026-12-02T09:00:00Z'), new Date('2026-12-02T10:00:00Z')));
  return { CalendarApp, Calendar, run, event };
}

describe('CalendarEvent.getColor / setColor and CalendarApp.EventColor', () => {
  test('EventColor values are the documented colour ids "1" … "11"', () => {
    const { CalendarApp } = setup();
    // Enum values, as every Apps Script enum; each prints its id (gas-fakes' testcalendars.js, run
    // live, compares getColor() with `CalendarApp.EventColor.CYAN.toString()`).
    expect(String(CalendarApp.EventColor.PALE_BLUE)).toBe('1');
    expect(String(CalendarApp.EventColor.YELLOW)).toBe('5');
    expect(String(CalendarApp.EventColor.GRAY)).toBe('8');
    expect(String(CalendarApp.EventColor.RED)).toBe('11');
    expect(CalendarApp.EventColor.RED.name()).toBe('RED');
  });

  test('an event without its own colour reads "", a colour set by enum or index string reads back as that string and is the API\'s colorId', () => {
    const { CalendarApp, Calendar, run, event } = setup();
    run(() => {
      expect(event.getColor()).toBe('');
      expect(event.setColor(CalendarApp.EventColor.ORANGE)).toBe(event); // chains, as the other setters
      expect(event.getColor()).toBe('6');
      event.setColor('10');
      expect(CalendarApp.getEventById(event.getId()).getColor()).toBe(String(CalendarApp.EventColor.GREEN));
      const items = Calendar.Events.list('primary').items as Any[];
      expect(items.map((e) => e.colorId)).toEqual(['10']);
      // A colour set through the advanced service is the event's colour for CalendarApp too.
      Calendar.Events.patch({ colorId: '3' }, 'primary', items[0].id);
      expect(event.getColor()).toBe(String(CalendarApp.EventColor.MAUVE));
    });
  });

  test('anything but a colour index string is refused', () => {
    const { run, event } = setup();
    run(() => {
      expect(caught(() => event.setColor(5)).message).toBe("The parameters (number) don't match the method signature for CalendarApp.CalendarEvent.setColor.");
      // The reference names no error text for an index outside 1–11; it is refused like a wrong type.
      expect(caught(() => event.setColor('12')).message).toBe("The parameters (String) don't match the method signature for CalendarApp.CalendarEvent.setColor.");
      expect(event.getColor()).toBe('');
    });
  });
});
