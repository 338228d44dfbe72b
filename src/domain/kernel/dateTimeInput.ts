// A date and time typed into a sidebar field in the spreadsheet's locale and time zone (issue 21,
// item 8: "next contact", "call back"): "12/07/2026 10:00 AM" in en-US, "07.12.2026 10:00" in
// de-DE, always wall-clock time in the spreadsheet's zone. A browser's datetime-local picker shows
// the browser's locale instead, so these are text fields read by the day rule of
// parseLocaleDayInput plus a clock time in the locale's 12- or 24-hour form. Pure: no clock.
import { dayInputShape, dayInputText, localeTag, type DayInputShape } from './formatting';
import { FIRST_YEAR, LAST_YEAR, parseLocaleDayInput, parseWallDateTime, type Read } from './typedInput';
import { instantOf, wallTime } from './timezone';

export interface DateTimeInputShape {
  day: DayInputShape;
  /** True where the locale writes 4:30 PM rather than 16:30. */
  hour12: boolean;
  /** The locale's words for the two halves of the day ("AM"/"PM"), empty in 24-hour locales. */
  am: string;
  pm: string;
  /** True where the word comes before the time ("오전 10:00"). */
  periodFirst: boolean;
  /** "MM/DD/YYYY hh:mm AM", "DD.MM.YYYY hh:mm". */
  hint: string;
}

const cache: Record<string, DateTimeInputShape> = {};

/**
 * Spaces Intl puts around AM/PM (a narrow no-break space in recent ICU) as a plain space, without
 * the invisible direction marks some locales write between the parts ("02\u200f/01\u200f/1970").
 */
function plain(text: string): string {
  return text.replace(/[\u200e\u200f\u061c]/g, '').replace(/[\s\u00a0\u202f]+/g, ' ').trim();
}

export function dateTimeInputShape(sheetLocale: string | null | undefined): DateTimeInputShape {
  const tag = localeTag(sheetLocale);
  if (cache[tag]) return cache[tag];
  const clock = new Intl.DateTimeFormat(tag, { hour: 'numeric', minute: '2-digit', timeZone: 'UTC' });
  const partsAt = (hour: number) => clock.formatToParts(new Date(Date.UTC(2026, 11, 7, hour, 5)));
  const morning = partsAt(10);
  const periodOf = (parts: Intl.DateTimeFormatPart[]) => plain((parts.find((p) => p.type === 'dayPeriod') || { value: '' }).value);
  const am = periodOf(morning);
  const pm = periodOf(partsAt(16));
  const hour12 = am !== '' && pm !== '' && am !== pm;
  const types = morning.map((p) => p.type);
  const periodFirst = hour12 && types.indexOf('dayPeriod') < types.indexOf('hour');
  const day = dayInputShape(tag);
  const time = hour12 ? (periodFirst ? `${am} hh:mm` : `hh:mm ${am}`) : 'hh:mm';
  cache[tag] = { day, hour12, am: hour12 ? am : '', pm: hour12 ? pm : '', periodFirst, hint: `${day.hint} ${time}` };
  return cache[tag];
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** An instant as the field shows it: its wall-clock day and time in the zone, written in the locale ('' when absent). */
export function dateTimeInputText(iso: string | null | undefined, sheetLocale: string | null | undefined, timeZone: string): string {
  if (!iso) return '';
  const instant = new Date(iso);
  if (isNaN(instant.getTime())) return '';
  const w = wallTime(instant, timeZone);
  const shape = dateTimeInputShape(sheetLocale);
  const day = dayInputText(`${w.year}-${pad2(w.month)}-${pad2(w.day)}`, sheetLocale);
  if (!shape.hour12) return `${day} ${pad2(w.hour)}:${pad2(w.minute)}`;
  const clock = `${w.hour % 12 === 0 ? 12 : w.hour % 12}:${pad2(w.minute)}`;
  const period = w.hour < 12 ? shape.am : shape.pm;
  return `${day} ${shape.periodFirst ? `${period} ${clock}` : `${clock} ${period}`}`;
}

/** "A.M.", "am", "a. m." → "am": how a typed day-period word is compared. */
function periodKey(word: string): string {
  return word.toLowerCase().replace(/[.\s\u00a0\u202f]/g, '');
}

/** 'am', 'pm', or null for a word that is neither (in English or the locale). */
function periodOf(word: string, shape: DateTimeInputShape): 'am' | 'pm' | null {
  const key = periodKey(word);
  if (key === 'am' || (shape.am !== '' && key === periodKey(shape.am))) return 'am';
  if (key === 'pm' || (shape.pm !== '' && key === periodKey(shape.pm))) return 'pm';
  return null;
}

// The end of the text read as a clock time: "10:00", "9.30", "4:30 PM", "4 pm", "오전 10:00".
const CLOCK = /^(.*?\d)[\s,]+(?:([^\d,:]*[^\d\s,:])\s*)?(\d{1,2})(?:[:.](\d{2}))?(?:\s*([^\d\s,:][^\d,]*))?$/;

/**
 * A date and time as typed in the spreadsheet's locale, read as wall-clock time in the
 * spreadsheet's zone: the ISO instant, null when empty (no date given), or a refusal naming the
 * pattern. The day part follows parseLocaleDayInput (the locale's order, a four-digit year); the
 * time is H:MM in 24 hours, or with AM/PM (the locale's words or the English ones) in any locale.
 * An ISO wall time ("2026-12-07T10:00", as pasted) is read too, as a date field reads an ISO day.
 */
export function parseLocaleDateTimeInput(value: string, sheetLocale: string | null | undefined, timeZone: string, what = 'The date'): Read<string | null> {
  const text = plain(String(value == null ? '' : value));
  if (text === '') return { ok: true, value: null };
  if (/^[+-]?\d{4,6}-\d{2}-\d{2}[T ]\d{2}:\d{2}/.test(text)) return parseWallDateTime(text, timeZone, what);
  const shape = dateTimeInputShape(sheetLocale);
  const notDateTime: Read<never> = { ok: false, message: `${what} "${text}" is not a date and time: type it as ${shape.hint}.` };
  const m = CLOCK.exec(text);
  if (!m) return notDateTime;
  const [, dayText, before, hourText, minuteText, after] = m;
  if (before && after) return notDateTime;
  const word = before || after;
  const period = word ? periodOf(word, shape) : null;
  if (word && !period) return notDateTime;
  if (!period && minuteText === undefined) return notDateTime;
  let hour = Number(hourText);
  const minute = Number(minuteText || 0);
  const clockOk = period ? hour >= 1 && hour <= 12 : hour <= 23;
  if (!clockOk || minute > 59) return { ok: false, message: `${what} "${text}" is not a real time: type it as ${shape.hint}.` };
  if (period) hour = (hour % 12) + (period === 'pm' ? 12 : 0);
  // A year typo ("20266") is named as such, as every date field in the CRM does.
  const long = /\d{5,}/.exec(dayText);
  if (long) return { ok: false, message: `${what} has the year ${Number(long[0])}: check the date (years ${FIRST_YEAR}–${LAST_YEAR}).` };
  const day = parseLocaleDayInput(dayText, sheetLocale, what);
  if (!day.ok) {
    if (/has the year/.test(day.message)) return day;
    return { ok: false, message: `${what} "${text}" is not ${/not a real date/.test(day.message) ? 'a real date' : 'a date and time'}: type it as ${shape.hint}.` };
  }
  if (day.value === null) return notDateTime;
  return { ok: true, value: instantOf(day.value, timeZone, hour, minute).toISOString() };
}
