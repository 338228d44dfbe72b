// The meeting planner and trips as they cross google.script.run: plain data, ISO strings.

export type MeetingPlace = 'office' | 'client' | 'video';

export interface SlotView {
  start: string;
  end: string;
  day: string;
  label: string;
  trip: string;
  packed: boolean;
}

export interface TripDayView {
  day: string;
  city: string;
  fill: number;
  meetings: number;
}

export interface SlotSearch {
  dealId: string;
  timeZone: string;
  place: MeetingPlace;
  durationMinutes: number;
  fromDay: string;
  toDay: string;
  city: string;
  guest: string;
  slots: SlotView[];
  tripDays: TripDayView[];
}

export interface BookResult {
  dealId: string;
  eventId: string;
  start: string;
  end: string;
  label: string;
  guest: string;
  /** True when the event already existed (a retry): nothing new was created. */
  reused: boolean;
  rescheduled: boolean;
  warnings: string[];
}

export interface SyncResult {
  checked: number;
  moved: number;
  cancelled: number;
  declined: number;
}

export interface PlannerMeeting {
  dealId: string;
  title: string;
  client: string;
  start: string;
  end: string;
  time: string;
  place: string;
  status: string;
  manager: string;
}

export interface PlannerDay {
  day: string;
  label: string;
  trip: string;
  working: boolean;
  meetings: PlannerMeeting[];
  busyMinutes: number;
  freeMinutes: number;
  fill: number;
}

export interface Planner {
  today: string;
  timeZone: string;
  sync: SyncResult;
  days: PlannerDay[];
}

export interface TripAdded {
  id: string;
  city: string;
  fromDay: string;
  toDay: string;
}

export interface DayPlanMeeting { time: string; client: string; deal: string; place: string; address: string; phone: string }

export interface DayPlanDay { day: string; label: string; city: string; meetings: DayPlanMeeting[] }

export interface DayPlan { days: DayPlanDay[]; docUrl: string; pdfUrl: string; name: string }
