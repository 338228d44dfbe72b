// Issue 21, item 6: the planner's "Add a trip" (a row on the Trips tab for the caller) and
// "Print the day plan": each trip day's meetings in order, with addresses and phones, as a Doc
// (and its PDF) the manager takes along.
import { UseCaseContext } from '../kernel/session';
import { DocsPort, StoredFile } from '../../ports';
import { DEALS, TRIPS } from '../../workbook/schema';
import { appendRecords, readTable } from '../../workbook/table';
import { isDate } from '../../workbook/codec';
import { InputError, optionalText, requirePlainObject, requireText } from '../kernel/validate';
import { parseDayInput } from '../../domain/kernel/typedInput';
import { addDays } from '../../domain/kernel/timezone';
import { sameEmail } from '../../domain/kernel/roles';
import { tripOn } from '../../domain/meetings/slots';
import { escapeHtml } from '../../domain/mail/notifications';
import { createFormats } from '../../domain/kernel/formatting';
import { readTrips } from './meetings';
// The plain-data shapes the sidebar also reads live in contracts/meetings.ts; re-exported for callers here.
import type { DayPlan, TripAdded, DayPlanDay } from '../contracts/meetings';
export type { DayPlan, TripAdded, DayPlanDay, DayPlanMeeting } from '../contracts/meetings';

/** A trip longer than this is a typo (a year in place of a day), not a trip. */
export const MAX_TRIP_DAYS = 31;
const DAY_PLANS_FOLDER_KEY = 'dealboard:dayPlansFolder';


function refuseExecutor(ctx: UseCaseContext, what: string): void {
  if (ctx.actor.role === 'executor') throw new InputError(`Executors do not ${what}; ask the deal's manager.`);
}

function requireDay(value: unknown, what: string): string {
  if (typeof value !== 'string' || value.trim() === '') throw new InputError(`${what} is missing: choose a day.`);
  const read = parseDayInput(value.trim(), what);
  if (!read.ok) throw new InputError(read.message);
  return read.value;
}

export function addTrip(ctx: UseCaseContext, input: unknown): TripAdded {
  refuseExecutor(ctx, 'plan trips');
  const request = requirePlainObject(input, 'The trip');
  const city = requireText(request.city, 'The city', 100).trim();
  if (city === '') throw new InputError('The city is missing.');
  const fromDay = requireDay(request.fromDay, 'The first day');
  const toDay = requireDay(request.toDay, 'The last day');
  if (toDay < fromDay) throw new InputError('The last day comes before the first day.');
  if (addDays(fromDay, MAX_TRIP_DAYS - 1) < toDay) throw new InputError(`A trip lasts at most ${MAX_TRIP_DAYS} days.`);
  const note = optionalText(request.note, 'The note', 500);
  return ctx.ports.lock.withDocumentLock(() => {
    const table = readTable(ctx.ports.sheets, TRIPS, ctx.ports.dates);
    const id = ctx.ports.ids.next(TRIPS.idPrefix);
    // Text from the person goes through the codec's formula-safe write like every other write.
    appendRecords(ctx.ports.sheets, table, [{ id, manager: ctx.actor.email, city, fromDay, toDay, note }], ctx.ports.dates);
    return { id, city, fromDay, toDay };
  });
}


/**
 * The caller's trip days from today to the planner's horizon (or the days asked), each with its
 * booked meetings in order. One Trips read and one Deals read.
 */
export function dayPlanDays(ctx: UseCaseContext, fromDay: string, toDay: string): DayPlanDay[] {
  const trips = readTrips(ctx, ctx.actor.email);
  const formats = createFormats({ locale: ctx.config.locale, timeZone: ctx.config.timeZone, currency: ctx.config.settings.currency });
  const table = readTable(ctx.ports.sheets, DEALS, ctx.ports.dates);
  const meetings = table.rows
    .map((r) => r.record as Record<string, unknown>)
    .filter((r) => (r.meetingStatus === 'booked' || r.meetingStatus === 'moved') && isDate(r.meetingStart) && isDate(r.meetingEnd))
    .filter((r) => sameEmail(String(r.manager || ''), ctx.actor.email))
    .sort((a, b) => (a.meetingStart as Date).getTime() - (b.meetingStart as Date).getTime());
  const days: DayPlanDay[] = [];
  for (let day = fromDay; day <= toDay; day = addDays(day, 1)) {
    const trip = tripOn(day, trips);
    if (!trip) continue;
    const onDay = meetings.filter((r) => ctx.moment.localDay(r.meetingStart as Date) === day);
    days.push({
      day,
      label: `${formats.weekdayDay(day)} · ${trip.city}`,
      city: trip.city,
      meetings: onDay.map((r) => ({
        time: `${formats.time(r.meetingStart as Date)}–${formats.time(r.meetingEnd as Date)}`,
        client: String(r.clientName || ''),
        deal: String(r.title || ''),
        place: String(r.meetingPlace || ''),
        address: [String(r.address || '').trim(), String(r.city || '').trim()].filter(Boolean).join(', '),
        phone: String(r.phone || ''),
      })),
    });
  }
  return days;
}

function planHtml(title: string, days: readonly DayPlanDay[]): string {
  const e = escapeHtml;
  const parts = [`<h1>${e(title)}</h1>`];
  for (const d of days) {
    parts.push(`<h2>${e(d.label)}</h2>`);
    if (d.meetings.length === 0) { parts.push('<p>No meetings booked yet.</p>'); continue; }
    parts.push('<ol>');
    for (const m of d.meetings) {
      const where = m.place === 'client' ? (m.address || 'at the client (no address on the deal)') : m.place === 'video' ? 'video call' : m.place || '';
      parts.push(`<li><p><b>${e(m.time)}</b> ${e(m.client)} — ${e(m.deal)}</p><p>${e(where)}${m.phone ? ` · phone ${e(m.phone)}` : ''}</p></li>`);
    }
    parts.push('</ol>');
  }
  return parts.join('\n');
}

function dayPlansFolder(ctx: UseCaseContext, docs: DocsPort): string {
  const configured = ctx.config.settings.documentsFolder;
  if (configured) return configured;
  const kept = ctx.ports.store.get(DAY_PLANS_FOLDER_KEY);
  if (kept) return kept;
  const folder = docs.createFolder('Dealboard day plans', null).id;
  ctx.ports.store.put(DAY_PLANS_FOLDER_KEY, folder);
  return folder;
}

export function printDayPlan(ctx: UseCaseContext, docs: DocsPort, input: unknown): DayPlan {
  refuseExecutor(ctx, 'print day plans');
  const request = input === undefined || input === null ? {} : requirePlainObject(input, 'The day plan');
  const fromDay = request.fromDay ? requireDay(request.fromDay, 'The first day') : ctx.moment.today;
  const toDay = request.toDay ? requireDay(request.toDay, 'The last day') : addDays(ctx.moment.today, ctx.config.settings.meetings.windowDays - 1);
  if (toDay < fromDay) throw new InputError('The last day comes before the first day.');
  if (addDays(fromDay, 62) < toDay) throw new InputError('A day plan covers at most two months.');
  const days = dayPlanDays(ctx, fromDay, toDay);
  if (days.length === 0) throw new InputError('No trip days in these dates: add a trip first.');
  const cities = days.map((d) => d.city).filter((c, i, all) => all.indexOf(c) === i);
  const name = `Day plan ${cities.join(', ')} ${days[0].day}${days.length > 1 ? ` to ${days[days.length - 1].day}` : ''} — ${ctx.actor.name}`;
  const folder = dayPlansFolder(ctx, docs);
  const doc: StoredFile = docs.createDocFromHtml(name, planHtml(name, days), folder);
  const pdf = docs.savePdf(doc.id, name, folder, null);
  return { days, docUrl: doc.url, pdfUrl: pdf.url, name };
}
