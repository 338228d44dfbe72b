// The manager's own primary calendar, as the meetings feature needs it (scope calendar.events).

export interface CalendarEvent {
  id: string;
  status: 'confirmed' | 'tentative' | 'cancelled';
  start: Date;
  end: Date;
  allDay: boolean;
  /** "Show as available": not busy time. */
  transparent: boolean;
  summary: string;
  location: string;
  guests: { email: string; response: string; self: boolean }[];
  privateProps: Record<string, string>;
}

export interface NewEvent {
  summary: string;
  description: string;
  location: string;
  start: Date;
  end: Date;
  guests: string[];
  sendInvites: boolean;
  privateProps: Record<string, string>;
}

export interface CalendarPort {
  /** Events overlapping [from, to) in one read (pages only past 2,500 events). */
  listEvents(from: Date, to: Date | null, filter?: { privateProperty?: string; showDeleted?: boolean }): CalendarEvent[];
  createEvent(event: NewEvent): CalendarEvent;
  moveEvent(id: string, start: Date, end: Date, sendInvites: boolean): CalendarEvent;
}
