// Money and time as people read them: the spreadsheet's locale and time zone (issue 21, item 8),
// the same rules the server writes documents and e-mails with (src/domain/kernel/formatting.ts).
import { createFormats, dateTimeInputShape, dateTimeInputText, dayInputShape, dayInputText, localeTag, parseLocaleDateTimeInput, parseLocaleDayInput, type Formats } from '../src/app/contracts/shared';

/** The spreadsheet's locale as an Intl tag; the browser's only until the first board arrives. */
let locale = localeTag(typeof navigator !== 'undefined' ? navigator.language : undefined);
const formatsByCurrency: Record<string, Formats> = {};

function formatsFor(currency: string): Formats {
  const key = currency || 'USD';
  if (!formatsByCurrency[key]) formatsByCurrency[key] = createFormats({ locale, timeZone: zone || 'UTC', currency: key });
  return formatsByCurrency[key];
}

export function money(amount: number, currency: string, compact = false): string {
  return formatsFor(currency).money(Number(amount) || 0, { compact });
}

/** The spreadsheet's decimal separator: how a lone "1,5" typed into an amount is read. */
export function decimalSeparator(): '.' | ',' {
  return formatsFor('EUR').decimalSeparator;
}

/** Minor units as an amount field shows them, with the spreadsheet's decimal separator: "1600.50" / "1600,50". */
export function amountInputText(minorUnits: number): string {
  const text = (Math.abs(minorUnits) / 100).toFixed(2);
  return `${minorUnits < 0 ? '-' : ''}${decimalSeparator() === ',' ? text.replace('.', ',') : text}`;
}

/** A day 'yyyy-MM-dd' as a date field shows it in the spreadsheet's locale ("12/07/2026", "07.12.2026"). */
export function dayFieldText(isoDay: string | null | undefined): string {
  return dayInputText(isoDay, locale);
}

/** How a date field asks to be typed in the spreadsheet's locale ("MM/DD/YYYY", "DD.MM.YYYY"). */
export function dayFieldHint(): string {
  return dayInputShape(locale).hint;
}

/** A date field's text read in the spreadsheet's locale: 'yyyy-MM-dd', null when empty, or the refusal. */
export function readDayField(text: string, what: string): { ok: true; value: string | null } | { ok: false; message: string } {
  return parseLocaleDayInput(text, locale, what);
}

/** An instant as a date-time field shows it in the spreadsheet's locale, at the wall-clock time in `timeZone`: "12/07/2026 10:00 AM", "07.12.2026 10:00". */
export function dateTimeFieldText(iso: string | null | undefined, timeZone: string): string {
  return dateTimeInputText(iso, locale, timeZone);
}

/** How a date-time field asks to be typed in the spreadsheet's locale ("MM/DD/YYYY hh:mm AM", "DD.MM.YYYY hh:mm"). */
export function dateTimeFieldHint(): string {
  return dateTimeInputShape(locale).hint;
}

/** A date-time field's text read in the spreadsheet's locale as wall-clock time in `timeZone`: the ISO instant, null when empty, or the refusal. */
export function readDateTimeField(text: string, timeZone: string, what: string): { ok: true; value: string | null } | { ok: false; message: string } {
  return parseLocaleDateTimeInput(text, locale, timeZone, what);
}

/** An instant as day and time in the spreadsheet's zone and locale ("Dec 7, 2026, 9:00 AM"). */
export function dateTime(iso: string | null | undefined): string {
  const d = valid(iso);
  return d ? formatsFor('EUR').dateTime(d) : '';
}

function valid(iso: string | null | undefined): Date | null {
  if (!iso) return null;
  const d = new Date(iso);
  return isNaN(d.getTime()) ? null : d;
}

// Times are shown in the spreadsheet's zone (the workbook's truth), not the browser's (issue 11
// item 5); setDisplayZone is called when the board arrives.
let zone: string | undefined;
let timeFmt = new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit' });
let dayFmt = new Intl.DateTimeFormat(locale, { weekday: 'short', day: 'numeric', month: 'short' });
let shortDayFmt = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short' });
let dateOnlyFmt = new Intl.DateTimeFormat(locale, { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' });
let dayParts = new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit' });

/** The board's zone and locale (the spreadsheet's): every format follows them from now on. */
export function setDisplayZone(timeZone: string | undefined, sheetLocale?: string): void {
  const tag = sheetLocale ? localeTag(sheetLocale) : locale;
  if ((!timeZone || timeZone === zone) && tag === locale) return;
  try {
    const tz = timeZone ? { timeZone } : zone ? { timeZone: zone } : {};
    timeFmt = new Intl.DateTimeFormat(tag, { hour: 'numeric', minute: '2-digit', ...tz });
    dayFmt = new Intl.DateTimeFormat(tag, { weekday: 'short', day: 'numeric', month: 'short', ...tz });
    shortDayFmt = new Intl.DateTimeFormat(tag, { day: 'numeric', month: 'short', ...tz });
    dateOnlyFmt = new Intl.DateTimeFormat(tag, { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' });
    dayParts = new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit', ...tz });
    if (timeZone) zone = timeZone;
    locale = tag;
    for (const key of Object.keys(formatsByCurrency)) delete formatsByCurrency[key];
  } catch (_) {
    // An unknown zone name: keep the browser's rather than failing to draw.
  }
}

function localDay(d: Date): string {
  const parts: Record<string, string> = {};
  for (const p of dayParts.formatToParts(d)) parts[p.type] = p.value;
  return `${parts.year}-${parts.month}-${parts.day}`;
}

/** An instant's 'yyyy-MM-dd' day in the spreadsheet's zone: a date whose year matters (archived orders). */
export function isoDay(iso: string | null | undefined): string {
  const d = valid(iso);
  return d ? localDay(d) : '';
}

/** A 'yyyy-MM-dd' day moved by n days (calendar arithmetic, no zone involved). */
function shiftDay(day: string, n: number): string {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
}

function dayNumber(day: string): number {
  const [y, m, d] = day.split('-').map(Number);
  return Date.UTC(y, m - 1, d) / 86400000;
}

/** "Today 14:30", "Tomorrow 09:00", "Thu, 14 Mar 10:00": in the spreadsheet's zone. */
export function when(iso: string | null | undefined, today?: string): string {
  const d = valid(iso);
  if (!d) return '';
  const day = localDay(d);
  const t = timeFmt.format(d);
  const base = today || localDay(new Date());
  if (day === base) return `Today ${t}`;
  if (day === shiftDay(base, 1)) return `Tomorrow ${t}`;
  if (day === shiftDay(base, -1)) return `Yesterday ${t}`;
  const days = dayNumber(day) - dayNumber(base);
  return `${Math.abs(days) < 7 ? dayFmt.format(d) : shortDayFmt.format(d)}, ${t}`;
}

/** A day ('yyyy-MM-dd', already the sheet's day) or an instant, as "Thu, 14 Mar". */
export function day(iso: string | null | undefined): string {
  if (iso && iso.length === 10) { const d = valid(`${iso}T12:00:00Z`); return d ? dateOnlyFmt.format(d) : ''; }
  const d = valid(iso);
  return d ? dayFmt.format(d) : '';
}

export function daysFrom(iso: string, today: string): number {
  const d = valid(iso);
  if (!d) return Infinity;
  return dayNumber(localDay(d)) - dayNumber(today);
}

/** Minor units (cents) with the currency's own decimals: quote lines, totals, payments. */
export function moneyMinor(minorUnits: number, currency: string): string {
  return formatsFor(currency).moneyMinor(Number(minorUnits) || 0);
}

/** A checkpoint's time left: "3 days left", "due today", "2 days late". */
export function dueLabel(daysLeft: number | null): string {
  if (daysLeft === null || !isFinite(daysLeft)) return '';
  if (daysLeft === 0) return 'due today';
  const n = Math.abs(daysLeft);
  return `${n} day${n === 1 ? '' : 's'} ${daysLeft > 0 ? 'left' : 'late'}`;
}
